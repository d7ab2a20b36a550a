import type { Workspace } from '../../runtime/workspace';
import { advancedCalendar } from './advanced';
import { calendarApp } from './calendar-app';
import { calendarStore } from './store';

/**
 * The emulated Calendar: the advanced `Calendar` service (API v3) and CalendarApp, two facades over one
 * store of API event resources, so an event made by either is seen by both.
 */

export { CANCELLED_PURGE_MS } from './cancelled';
export { EVENTS_CREATED_PER_DAY, REQUESTS_PER_MINUTE } from './limits';
export {
  calendarNotifications,
  GoogleJsonResponseException,
  setConferencePending,
  snapshotCalendar,
  type CalendarEventSnapshot,
  type CalendarNotification,
} from './model';

export function calendarGlobals(ws: Workspace): { Calendar: unknown; CalendarApp: unknown } {
  const store = calendarStore(ws);
  return { Calendar: advancedCalendar(ws, store), CalendarApp: calendarApp(ws, store) };
}
