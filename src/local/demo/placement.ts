/**
 * Where the demo academy's training year sits in time. The classic year (what `npm run demo` simulates
 * by default) opens enrollment on 11 January and holds its sessions from 1 February to 30 November. A
 * year placed around a day (what `npm start` seeds, on any date) keeps that shape but stretches it so
 * that at least ten weeks of sessions lie behind the day and ten weeks ahead of it: on 1 December the
 * sessions run from February into the following February, in January they begin the previous November.
 *
 * `Anno formativo` is a calendar year, and the reports count the sessions that fall in it. The year of
 * a placed academy is the calendar year where the middle of its lived part falls: on 1 December 2026
 * that is 2026 (the year is closing; December's and the next winter's courses are already open), in the
 * first weeks of January it is still the year just ended (the office closes its figures then).
 */
import { DAY_MS } from '../../core/time/units';
import { wallClock } from '../../core/time/zone';

export interface YearPlacement {
  /** `Anno formativo`. */
  year: number;
  /** The first day of the three weeks of enrollment, `yyyy-mm-dd`. */
  enrollmentOpens: string;
  /** The first and the last day sessions may fall on, `yyyy-mm-dd`. */
  sessionsFrom: string;
  sessionsTo: string;
}

/** How many days of sessions lie at least behind and ahead of the day a year is placed around. */
const MARGIN_DAYS = 70;
const ENROLLMENT_LEAD_DAYS = 21;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function classicPlacement(year: number): YearPlacement {
  return {
    year,
    enrollmentOpens: `${year}-01-11`,
    sessionsFrom: `${year}-02-01`,
    sessionsTo: `${year}-11-30`,
  };
}

/** The training year placed around the instant `nowMs` (its day in Europe/Rome). */
export function placementAround(nowMs: number): YearPlacement {
  const w = wallClock(nowMs);
  const today = Date.UTC(w.year, w.month - 1, w.day);
  const classic = classicPlacement(w.year);
  const from = Math.min(dayMs(classic.sessionsFrom), today - MARGIN_DAYS * DAY_MS);
  const to = Math.max(dayMs(classic.sessionsTo), today + MARGIN_DAYS * DAY_MS);
  const livedMiddle = from + (today - from) / 2;
  return {
    year: new Date(livedMiddle).getUTCFullYear(),
    enrollmentOpens: isoDay(from - ENROLLMENT_LEAD_DAYS * DAY_MS),
    sessionsFrom: isoDay(from),
    sessionsTo: isoDay(to),
  };
}
