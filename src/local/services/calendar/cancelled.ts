import { DAY_MS } from '../../../core/time/units';
import type { Workspace } from '../../runtime/workspace';
import { strictAbout } from '../../runtime/variant';
import { clone, type CalendarState, type Json } from './model';

/**
 * Cancelled events as the Calendar API returns them (docs/google-behaviour.md, CAL-CANCELLED-PURGED):
 * "Deleted events are only guaranteed to have the id field populated" and they "will eventually
 * disappear". Strictly, a cancelled event shows only its id and status and is gone a day after its
 * cancellation; the lenient variant keeps every field for ever. The host snapshot still sees them.
 */
export const CANCELLED_PURGE_MS = DAY_MS;

export function markCancelled(ws: Workspace, st: CalendarState, key: string): void {
  (st.cancelledAt ??= {})[key] = ws.now();
}

export function purged(ws: Workspace, st: CalendarState, key: string): boolean {
  const at = st.cancelledAt?.[key];
  return at !== undefined && ws.now() - at >= CANCELLED_PURGE_MS && strictAbout(ws, 'CAL-CANCELLED-PURGED');
}

/** The copy a read returns. */
export function asReturned(ws: Workspace, ev: Json): Json {
  if (ev.status !== 'cancelled' || !strictAbout(ws, 'CAL-CANCELLED-PURGED')) return clone(ev);
  return { kind: 'calendar#event', id: ev.id, status: 'cancelled' };
}
