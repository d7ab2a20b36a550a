import { DAY_MS } from '../../../core/time/units';
import { zoneOffsetMinutes, type WallClock } from '../../../core/time/zone';

/**
 * `Utilities.formatDate`: Java's SimpleDateFormat letters, English names (Apps Script formats with the
 * root locale whatever the user's), the zone's wall clock from the host's Intl. An unknown zone id reads
 * as GMT, as Java's `TimeZone.getTimeZone` does.
 */

/** English month names, January first (Java-style date patterns and parsing typed dates). */
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Zone {
  /** Offset from UTC in minutes at the instant. */
  offsetAt(ms: number): number;
  shortName(ms: number): string;
  longName(ms: number): string;
}

const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

function fixedZone(minutes: number, name: string): Zone {
  return { offsetAt: () => minutes, shortName: () => name, longName: () => name };
}

/** The instant at which `timeZone`'s clocks read `wall` (an unknown zone reads as GMT, as in formatDate). */
export function instantOfWallClock(
  wall: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number },
  timeZone: string,
): number {
  const zone = resolveZone(timeZone);
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  const first = guess - zone.offsetAt(guess) * 60_000;
  return guess - zone.offsetAt(first) * 60_000;
}

/** Resolved zones by name: building an Intl formatter costs more than the formatting itself. */
const zones = new Map<string, Zone>();

function resolveZone(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = buildZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

function buildZone(timeZone: string): Zone {
  const fixed = FIXED.exec(timeZone);
  if (fixed) {
    if (!fixed[1]) return fixedZone(0, timeZone.startsWith('UTC') ? 'UTC' : 'GMT');
    const minutes = (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * (fixed[1] === '-' ? -1 : 1);
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    return fixedZone(minutes, `GMT${fixed[1]}${hh}:${mm}`);
  }
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    return fixedZone(0, 'GMT');
  }
  const name = (ms: number, style: 'short' | 'long'): string =>
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: style })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return {
    offsetAt: (ms) => Math.round(zoneOffsetMinutes(ms, timeZone)),
    shortName: (ms) => name(ms, 'short'),
    longName: (ms) => name(ms, 'long'),
  };
}

function pad(n: number, width: number): string {
  const text = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${text}` : text;
}

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  if (!withMinutes) return `${sign}${hh}`;
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

interface Fields extends WallClock {
  millisecond: number;
  weekday: number;
  dayOfYear: number;
  offset: number;
}

function fieldsAt(ms: number, zone: Zone): Fields {
  const offset = zone.offsetAt(ms);
  // The wall clock of a zone is UTC shifted by its offset; reading the shifted instant in UTC gives it.
  const shifted = new Date(ms + offset * 60_000);
  const w = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  const startOfYear = Date.UTC(w.year, 0, 1);
  return {
    ...w,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    dayOfYear: Math.floor((Date.UTC(w.year, w.month - 1, w.day) - startOfYear) / DAY_MS) + 1,
    offset,
  };
}

function field(letter: string, count: number, f: Fields, zone: Zone, ms: number): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'u':
      return String(f.weekday === 0 ? 7 : f.weekday);
    // `Y` (week year) is read as the calendar year: they differ only in a few days around New Year.
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return ENGLISH_MONTHS[f.month - 1];
      if (count === 3) return ENGLISH_MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(f.dayOfYear, count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return count >= 4 ? zone.longName(ms) : zone.shortName(ms);
    case 'Z':
      return offsetText(f.offset, false);
    case 'X':
      if (f.offset === 0) return 'Z';
      return count === 1 ? offsetText(f.offset, false, false) : offsetText(f.offset, count >= 3);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const f = fieldsAt(ms, zone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let literal = '';
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close < 0) throw new Error('Unterminated quote');
        literal += pattern.slice(j, close);
        if (pattern[close + 1] === "'") {
          literal += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out += literal;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, f, zone, ms);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
