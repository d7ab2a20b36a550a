import { MINUTE_MS } from '../../../core/time/units';
import type { Workspace } from '../../runtime/workspace';
import { spendDaily } from '../quota';
import { strictAbout } from '../../runtime/variant';
import { GoogleJsonResponseException } from './model';

/**
 * Calendar's limits on a user (docs/google-behaviour.md): 10,000 events created a day on a Workspace
 * account (QUOTA-DAILY-CALENDAR-EVENTS) and 600 API requests a minute in a sliding window
 * (CAL-RATE-LIMIT).
 */
export const EVENTS_CREATED_PER_DAY = 10_000;
export const REQUESTS_PER_MINUTE = 600;

/** CalendarApp's words for the same limit, as scripts report them. */
export const CALENDAR_APP_TOO_MANY =
  'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.';

/** The recent request times per workspace: a minute's window needs no persisting. */
const recent = new WeakMap<Workspace, number[]>();

/** Counts one API request against the per-minute quota; over it, Google's rate-limit error. */
export function spendRequest(ws: Workspace, method: string): void {
  const times = recent.get(ws) ?? [];
  const now = ws.now();
  while (times.length > 0 && now - (times[0] as number) >= MINUTE_MS) times.shift();
  if (times.length >= REQUESTS_PER_MINUTE) {
    recent.set(ws, times);
    const strict = strictAbout(ws, 'CAL-RATE-LIMIT-REASON');
    throw new GoogleJsonResponseException(
      method,
      strict ? 403 : 429,
      'Rate Limit Exceeded',
      'rateLimitExceeded',
      'usageLimits',
    );
  }
  times.push(now);
  recent.set(ws, times);
}

/** Counts one created event; the API refuses the 10,001st of the day as "Calendar usage limits exceeded." */
export function spendCreatedEvent(ws: Workspace, method: string): void {
  spendDaily(
    ws,
    'calendarEventsCreated',
    EVENTS_CREATED_PER_DAY,
    () =>
      new GoogleJsonResponseException(method, 403, 'Calendar usage limits exceeded.', 'quotaExceeded', 'usageLimits'),
  );
}

/** The same daily allowance spent through CalendarApp, which words the refusal its own way. */
export function spendCreatedEventByApp(ws: Workspace): void {
  spendDaily(ws, 'calendarEventsCreated', EVENTS_CREATED_PER_DAY, () => new Error(CALENDAR_APP_TOO_MANY));
}
