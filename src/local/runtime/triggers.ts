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
  owner: string;
}

export interface TriggerState {
  triggers: TriggerRecord[];
}

export function triggerState(ws: Workspace): TriggerState {
  return ws.slot<TriggerState>('triggers', () => ({ triggers: [] }));
}

/** At most 20 installable triggers per user per script (Google's quotas page). */
export const MAX_TRIGGERS_PER_USER = 20;
