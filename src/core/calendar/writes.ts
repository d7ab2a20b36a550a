/**
 * The Calendar writes a sync sends and how each answer of the API is read: shared by the add-on (batch
 * endpoint through UrlFetchApp) and the worker (the same endpoint through fetch), so both treat every
 * answer alike (catalogue: REST-ERROR-BODY, REST-CAL-BATCH).
 */
import { apiErrorMessage, isRetryable } from '../http/status';
import type { ApiEvent } from './sync';
import type { EventResource } from './types';

export type CalendarWrite =
  | { key: string; kind: 'insert'; eventId: string; resource: EventResource }
  | { key: string; kind: 'patch'; eventId: string; resource: EventResource }
  | { key: string; kind: 'cancel'; eventId: string };

export type WriteOutcome = { ok: true; event: ApiEvent | null } | { ok: false; error: string };

/** What to do with one answer: done, look the inserted event up (it exists already), retry, or give up. */
export type AnswerReading =
  | { action: 'done'; event: ApiEvent | null }
  | { action: 'adopt' }
  | { action: 'retry'; error: string }
  | { action: 'fail'; error: string };

export function readAnswer(write: CalendarWrite, status: number, body: unknown): AnswerReading {
  if (status >= 200 && status < 300) return { action: 'done', event: (body as ApiEvent | null) ?? null };
  // An event already gone is what a cancellation wanted.
  if (write.kind === 'cancel' && (status === 404 || status === 410)) return { action: 'done', event: null };
  // Our own id already taken: an earlier attempt made the event and its answer was lost.
  if (write.kind === 'insert' && status === 409) return { action: 'adopt' };
  if (isRetryable(status, body)) return { action: 'retry', error: apiErrorMessage('Calendar API', status, body) };
  return { action: 'fail', error: apiErrorMessage('Calendar API', status, body) };
}

/** An adopted insert is ours only when the event carries the session's private id and is alive. */
export function adoptable(event: ApiEvent | null, sessionId: string): boolean {
  return !!event && event.status !== 'cancelled' && event.extendedProperties?.private?.sessionId === sessionId;
}

/** Path and query of one write, relative to the API's root. */
export function writeRequest(
  calendarId: string,
  write: CalendarWrite,
): { method: string; path: string; body?: unknown } {
  const base = `/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events`;
  const query = '?conferenceDataVersion=1&sendUpdates=all';
  if (write.kind === 'insert')
    return { method: 'POST', path: base + query, body: { ...write.resource, id: write.eventId } };
  if (write.kind === 'patch')
    return { method: 'PATCH', path: `${base}/${encodeURIComponent(write.eventId)}${query}`, body: write.resource };
  return { method: 'DELETE', path: `${base}/${encodeURIComponent(write.eventId)}?sendUpdates=all` };
}

export function readRequest(calendarId: string, eventId: string): { method: string; path: string } {
  return {
    method: 'GET',
    path: `/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(eventId)}`,
  };
}

/** Calls a batch carries: well under Google's 1,000, and a minute's worth of the per-user rate. */
export const CALENDAR_BATCH_SIZE = 50;
