/**
 * Europe/Rome wall-clock arithmetic for course sessions.
 *
 * Events are sent to Calendar as a wall-clock `dateTime` plus `timeZone: 'Europe/Rome'`, so Google
 * resolves the offset; these helpers exist to validate what staff typed (a time that the spring DST
 * change skips does not exist) and to know the real instant and length of a session. The rule is the
 * EU one in force since 1996: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October; Italy is UTC+1 in winter and UTC+2 in summer.
 */
export const ROME_TIME_ZONE = 'Europe/Rome';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface CivilTime {
  hour: number;
  minute: number;
}

export function parseCivilDate(text: string): CivilDate | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCFullYear() !== date.year || check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day)
    return null;
  return date;
}

export function parseCivilTime(text: string): CivilTime | null {
  const m = TIME_PATTERN.exec(text);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/** The `dateTime` Calendar gets together with `timeZone: 'Europe/Rome'`: `yyyy-mm-ddTHH:mm:00`. */
export function wallClockDateTime(date: string, time: string): string {
  if (!parseCivilDate(date)) throw new Error(`Data non valida: "${date}" (atteso aaaa-mm-gg).`);
  if (!parseCivilTime(time)) throw new Error(`Orario non valido: "${time}" (atteso HH:mm).`);
  return `${date}T${time}:00`;
}

function lastSundayOf(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/** The UTC instants (ms) at which Rome's summer time starts and ends in a year. */
export function romeDstBounds(year: number): { startsMs: number; endsMs: number } {
  return {
    startsMs: Date.UTC(year, 2, lastSundayOf(year, 3), 1),
    endsMs: Date.UTC(year, 9, lastSundayOf(year, 10), 1),
  };
}

export type WallClockKind = 'normal' | 'nonexistent' | 'ambiguous';

export interface ResolvedWallClock {
  /** The instant, in ms since the epoch; for a nonexistent time, the one an hour later (as clocks do). */
  instantMs: number;
  offsetMinutes: 60 | 120;
  kind: WallClockKind;
}

/**
 * Resolves a Rome wall-clock reading to an instant. In the spring gap (02:00-02:59 on the last Sunday
 * of March) the time does not exist; in the autumn overlap (02:00-02:59 on the last Sunday of October)
 * it happens twice and the first (summer) reading is taken.
 */
export function resolveRomeWallClock(date: string, time: string): ResolvedWallClock {
  const d = parseCivilDate(date);
  const t = parseCivilTime(time);
  if (!d) throw new Error(`Data non valida: "${date}" (atteso aaaa-mm-gg).`);
  if (!t) throw new Error(`Orario non valido: "${time}" (atteso HH:mm).`);
  const asUtc = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute);
  const { startsMs, endsMs } = romeDstBounds(d.year);
  const winter = asUtc - 60 * 60000;
  const summer = asUtc - 120 * 60000;
  const winterValid = winter < startsMs || winter >= endsMs;
  const summerValid = summer >= startsMs && summer < endsMs;
  if (summerValid && winterValid) return { instantMs: summer, offsetMinutes: 120, kind: 'ambiguous' };
  if (summerValid) return { instantMs: summer, offsetMinutes: 120, kind: 'normal' };
  if (winterValid) return { instantMs: winter, offsetMinutes: 60, kind: 'normal' };
  return { instantMs: winter, offsetMinutes: 120, kind: 'nonexistent' };
}

/** ISO-8601 with Rome's offset for a wall-clock reading, e.g. `2027-03-30T09:00:00+02:00`. */
export function romeIso(date: string, time: string): string {
  const r = resolveRomeWallClock(date, time);
  const shown = new Date(r.instantMs + r.offsetMinutes * 60000).toISOString().slice(0, 19);
  return `${shown}+0${r.offsetMinutes / 60}:00`;
}

/** Real length of a session in minutes: a session across a DST change is an hour shorter or longer. */
export function sessionMinutes(date: string, start: string, end: string): number {
  return (resolveRomeWallClock(date, end).instantMs - resolveRomeWallClock(date, start).instantMs) / 60000;
}

/** Why a session's date and times cannot become an event, in Italian; null when they can. */
export function sessionTimeProblem(date: string, start: string, end: string): string | null {
  if (!parseCivilDate(date)) return `Data non valida: "${date}".`;
  if (!parseCivilTime(start)) return `Orario di inizio non valido: "${start}".`;
  if (!parseCivilTime(end)) return `Orario di fine non valido: "${end}".`;
  for (const [label, time] of [
    ['inizio', start],
    ['fine', end],
  ] as const) {
    if (resolveRomeWallClock(date, time).kind === 'nonexistent') {
      return `L'orario di ${label} ${time} del ${date} non esiste: quella notte l'ora legale porta gli orologi dalle 02:00 alle 03:00.`;
    }
  }
  if (sessionMinutes(date, start, end) <= 0)
    return `L'orario di fine (${end}) deve essere successivo all'inizio (${start}).`;
  return null;
}
