/**
 * Time-zone arithmetic on Intl: wall-clock readings of an instant and the instant of a wall-clock time.
 * Pure, so the emulator (snapshots, Utilities.formatDate, Sheets date cells) and the worker (serial
 * dates from the Sheets API) read dates through one copy.
 */
import { DAY_MS, HOUR_MS } from './units';

export const SCRIPT_TIME_ZONE = 'Europe/Rome';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Offsets by zone and UTC hour; null marks an hour in which the zone's offset changes. */
const hourOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset for the UTC hour holding `ms`, when it is the same over the whole hour. Formatting
 * with Intl is the slow part of every emulated date read, and offsets change only a few times a year.
 */
function steadyOffsetMs(ms: number, timeZone: string): number | null {
  let zone = hourOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    hourOffsets.set(timeZone, zone);
  }
  const hour = Math.floor(ms / HOUR_MS);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = offsetMsAt(hour * HOUR_MS, timeZone);
    const end = offsetMsAt(hour * HOUR_MS + HOUR_MS - 1000, timeZone);
    offset = start === end ? start : null;
    zone.set(hour, offset);
  }
  return offset;
}

/** The zone's offset at `ms`: its wall-clock reading taken as UTC, minus the instant (to the second). */
function offsetMsAt(ms: number, timeZone: string): number {
  const w = intlWallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The wall-clock reading of an instant in a zone. */
export function wallClock(ms: number, timeZone = SCRIPT_TIME_ZONE): WallClock {
  const offset = steadyOffsetMs(ms, timeZone);
  if (offset === null) return intlWallClock(ms, timeZone);
  // Date truncates fractional milliseconds toward zero, then seconds count down from there.
  const t = Math.trunc(ms);
  const d = new Date(t - (((t % 1000) + 1000) % 1000) + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function intlWallClock(ms: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of the zone from UTC at that instant, in (possibly fractional) minutes. */
export function zoneOffsetMinutes(ms: number, timeZone = SCRIPT_TIME_ZONE): number {
  return (steadyOffsetMs(ms, timeZone) ?? offsetMsAt(ms, timeZone)) / 60000;
}

/** The instant at which the zone's clocks read the given wall-clock time (the later one in a gap). */
export function zonedToUtc(w: WallClock, timeZone = SCRIPT_TIME_ZONE): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let ms = guess - zoneOffsetMinutes(guess, timeZone) * 60000;
  ms = guess - zoneOffsetMinutes(ms, timeZone) * 60000;
  return ms;
}

/**
 * The first instant after `afterMs` when the zone's clocks read hour:minute, on the day of `fromMs`
 * (when `includeFromDay`) or a multiple of `stepDays` days after it. Days are stepped from noon, so a
 * 23- or 25-hour day at a DST change neither skips nor repeats a date.
 */
export function nextWallClockTime(
  at: { hour: number; minute: number; timeZone: string },
  fromMs: number,
  afterMs: number,
  stepDays: number,
  includeFromDay: boolean,
): number {
  const { hour, minute, timeZone } = at;
  let day = wallClock(fromMs, timeZone);
  let next = includeFromDay ? zonedToUtc({ ...day, hour, minute, second: 0 }, timeZone) : Number.NEGATIVE_INFINITY;
  while (next <= afterMs) {
    const noon = zonedToUtc({ ...day, hour: 12, minute: 0, second: 0 }, timeZone) + stepDays * DAY_MS;
    day = wallClock(noon, timeZone);
    next = zonedToUtc({ ...day, hour, minute, second: 0 }, timeZone);
  }
  return next;
}

/** ISO-8601 with the zone's offset, e.g. 2027-03-02T09:00:00+01:00 (seconds of LMT offsets dropped). */
export function isoInZone(ms: number, timeZone = SCRIPT_TIME_ZONE): string {
  const w = wallClock(ms, timeZone);
  const offset = Math.round(zoneOffsetMinutes(ms, timeZone));
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const p = (n: number, l = 2): string => String(n).padStart(l, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`;
}
