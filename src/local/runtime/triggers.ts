import { DAY_MS } from '../../core/time/units';
import { nextWallClockTime, wallClock, zonedToUtc } from '../../core/time/zone';
import type { Workspace } from './workspace';

/**
 * Installable triggers as ScriptApp keeps them. A one-shot clock trigger (`after`/`at`) stays listed
 * after it fires (it counts toward the 20-trigger cap until the script deletes it) but never fires again.
 */
export type TriggerType = 'ON_FORM_SUBMIT' | 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

export interface TriggerRecord {
  uid: string;
  handler: string;
  type: TriggerType;
  /** 'SPREADSHEET' | 'FORMS' | 'CLOCK' as `Trigger.getTriggerSource()` answers. */
  source: 'SPREADSHEET' | 'FORMS' | 'CLOCK';
  sourceId: string | null;
  /** Clock triggers: when the next occurrence is due (epoch ms); null once a one-shot has fired. */
  nextAtMs: number | null;
  /** Clock triggers: the period of a recurring trigger, null for a one-shot. */
  everyMs: number | null;
  /**
   * Daily triggers set with `atHour`: the wall-clock time they keep in their zone, so that a clock
   * change moves the instant, not the hour at which they fire.
   */
  wallClock?: { hour: number; minute: number; timeZone: string };
  /**
   * Monthly triggers (`onMonthDay`): the day of the month they run on at `wallClock`, and what a month
   * without that day does (SCRIPT-MONTH-DAY-SHORT: skipped strictly, its last day leniently).
   */
  monthDay?: { day: number; shortMonth: 'skip' | 'lastDay' };
  owner: string;
}

export interface TriggerState {
  triggers: TriggerRecord[];
}

export function triggerState(ws: Workspace): TriggerState {
  return ws.slot<TriggerState>('triggers', () => ({ triggers: [] }));
}

/** When a recurring clock trigger that fired at `firedAtMs` comes due again. */
export function nextOccurrence(trigger: TriggerRecord, firedAtMs: number, nowMs: number): number | null {
  if (trigger.monthDay && trigger.wallClock)
    return nextMonthDayTime(trigger.monthDay, trigger.wallClock, Math.max(firedAtMs, nowMs));
  if (!trigger.everyMs) return null;
  if (!trigger.wallClock) return Math.max(firedAtMs + trigger.everyMs, nowMs + 1);
  const days = Math.max(1, Math.round(trigger.everyMs / DAY_MS));
  return nextWallClockTime(trigger.wallClock, firedAtMs, Math.max(firedAtMs, nowMs), days, false);
}

/** The first instant after `afterMs` when a monthly trigger's day and wall-clock time come round. */
export function nextMonthDayTime(
  monthDay: NonNullable<TriggerRecord['monthDay']>,
  at: NonNullable<TriggerRecord['wallClock']>,
  afterMs: number,
): number {
  const from = wallClock(afterMs, at.timeZone);
  for (let step = 0; step < 24; step++) {
    const year = from.year + Math.floor((from.month - 1 + step) / 12);
    const month = ((from.month - 1 + step) % 12) + 1;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = monthDay.day <= days ? monthDay.day : monthDay.shortMonth === 'lastDay' ? days : null;
    if (day === null) continue;
    const ms = zonedToUtc({ year, month, day, hour: at.hour, minute: at.minute, second: 0 }, at.timeZone);
    if (ms > afterMs) return ms;
  }
  throw new Error(`No day ${monthDay.day} in the next two years`);
}

/** At most 20 installable triggers per user per script (Google's quotas page). */
export const MAX_TRIGGERS_PER_USER = 20;
