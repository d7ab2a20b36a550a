/**
 * The advanced Calendar service (API v3), and nothing else: each function makes its request (with
 * retries on transient errors) and returns plain data. Every modifying request carries
 * `conferenceDataVersion: 1` (without it Google drops conference data) and `sendUpdates: 'all'` (the
 * default notifies nobody).
 */
import type { ApiEvent } from '../../core/calendar/sync';
import type { EventResource } from '../../core/calendar/types';
import { withRetry } from '../platform/retry';

export const ACADEMY_CALENDAR_NAME = 'Academy4PA — Corsi';
export const ACADEMY_TIME_ZONE = 'Europe/Rome';

const RETRY = { attempts: 5, baseMs: 500 };
/** The largest page `Events.list` serves. */
const PAGE_SIZE = 2500;
const WRITE_OPTIONS = { conferenceDataVersion: 1, sendUpdates: 'all' };

export const CALENDAR_SERVICE_MISSING =
  "Il servizio avanzato Google Calendar non è attivo: nell'editor di Apps Script apra «Servizi», aggiunga «Google Calendar API» (identificatore Calendar) e riprovi.";

type AdvancedCalendar = GoogleAppsScript.Calendar;

export function calendarServiceAvailable(): boolean {
  return typeof Calendar !== 'undefined';
}

function service(): AdvancedCalendar {
  if (typeof Calendar === 'undefined') throw new Error(CALENDAR_SERVICE_MISSING);
  return Calendar;
}

/** Google's advanced services say "Not Found" (404) and "Resource has been deleted" (410). */
export function isGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /not found|resource has been deleted|\b404\b|\b410\b/i.test(message);
}

export interface ListFilter {
  /** `key=value` private extended properties every event must have. */
  privateProperties?: string[];
}

/** Every event of the calendar (cancelled ones included), page after page. */
export function listEvents(calendarId: string, filter: ListFilter = {}): ApiEvent[] {
  const events: ApiEvent[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { showDeleted: true, maxResults: PAGE_SIZE };
    if (filter.privateProperties?.length) args.privateExtendedProperty = filter.privateProperties;
    if (pageToken) args.pageToken = pageToken;
    const page = withRetry('Calendar.Events.list', () => service().Events!.list(calendarId, args), RETRY);
    for (const item of page.items ?? []) events.push(item as ApiEvent);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return events;
}

export function getEvent(calendarId: string, eventId: string): ApiEvent | null {
  try {
    return withRetry('Calendar.Events.get', () => service().Events!.get(calendarId, eventId) as ApiEvent, RETRY);
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

/**
 * Inserts the event of a session. A transient failure may hide an insert that Google did make, so
 * before trying again the session's event is looked up by its private `sessionId`: a retry never
 * leaves two events for one session.
 */
export function insertSessionEvent(calendarId: string, resource: EventResource, sessionId: string): ApiEvent {
  let attempt = 0;
  return withRetry(
    'Calendar.Events.insert',
    () => {
      attempt += 1;
      if (attempt > 1) {
        const found = service()
          .Events!.list(calendarId, { privateExtendedProperty: [`sessionId=${sessionId}`], maxResults: 10 })
          .items?.find((e) => e.status !== 'cancelled');
        if (found) return found as ApiEvent;
      }
      return service().Events!.insert(
        resource as GoogleAppsScript.Calendar.Schema.Event,
        calendarId,
        WRITE_OPTIONS,
      ) as ApiEvent;
    },
    RETRY,
  );
}

/**
 * Takes everyone off an event without telling them (retention: the session stays in the calendar as
 * history, and nobody needs news of a course years ago). An event already gone needs nothing.
 */
export function clearAttendees(calendarId: string, eventId: string): void {
  try {
    withRetry(
      'Calendar.Events.patch',
      () =>
        service().Events!.patch({ attendees: [] } as GoogleAppsScript.Calendar.Schema.Event, calendarId, eventId, {
          sendUpdates: 'none',
        }),
      RETRY,
    );
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

/** Cancels an event and tells its attendees; an event already gone counts as cancelled. */
export function cancelEvent(calendarId: string, eventId: string): void {
  try {
    withRetry(
      'Calendar.Events.remove',
      () => service().Events!.remove(calendarId, eventId, { sendUpdates: 'all' }),
      RETRY,
    );
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

/** The calendar with that id if it exists (and is reachable), else null. */
export function calendarExists(calendarId: string): boolean {
  try {
    withRetry('Calendar.Calendars.get', () => service().Calendars!.get(calendarId), RETRY);
    return true;
  } catch (error) {
    if (isGone(error)) return false;
    throw error;
  }
}

/** Creates a secondary calendar in Europe/Rome; returns its id. */
export function createAcademyCalendar(): string {
  const created = withRetry(
    'Calendar.Calendars.insert',
    () => service().Calendars!.insert({ summary: ACADEMY_CALENDAR_NAME, timeZone: ACADEMY_TIME_ZONE }),
    RETRY,
  );
  return created.id ?? '';
}

/** A calendar of the user's list named like the academy's (setup adopts it rather than making another). */
export function findAcademyCalendarByName(): string {
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { maxResults: 250 };
    if (pageToken) args.pageToken = pageToken;
    const page = withRetry('Calendar.CalendarList.list', () => service().CalendarList!.list(args), RETRY);
    const match = (page.items ?? []).find((c) => c.summary === ACADEMY_CALENDAR_NAME && !c.deleted);
    if (match?.id) return match.id;
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return '';
}
