import { nextWallClockTime } from '../../core/time/zone';
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
  if (!trigger.everyMs) return null;
  if (!trigger.wallClock) return Math.max(firedAtMs + trigger.everyMs, nowMs + 1);
  const days = Math.max(1, Math.round(trigger.everyMs / 86_400_000));
  return nextWallClockTime(trigger.wallClock, firedAtMs, Math.max(firedAtMs, nowMs), days, false);
}

/** At most 20 installable triggers per user per script (Google's quotas page). */
export const MAX_TRIGGERS_PER_USER = 20;
