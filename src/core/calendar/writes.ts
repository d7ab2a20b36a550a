/**
 * The Calendar writes a sync sends and how each answer of the API is read: shared by the add-on (batch
 * endpoint through UrlFetchApp) and the worker (the same endpoint through fetch), so both treat every
 * answer alike (catalogue: REST-ERROR-BODY, REST-CAL-BATCH).
 */
import type { CallAnswer } from '../http/batch';
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

type InsertWrite = Extract<CalendarWrite, { kind: 'insert' }>;

/** A call as the batch endpoint takes it: method, path from the API's root, JSON body. */
export interface WriteCall {
  method: string;
  path: string;
  body?: unknown;
}

/** What a write run asks of its transport: these calls sent (resumed with their answers, in order), or a wait. */
export type WriteStep = { kind: 'send'; calls: WriteCall[] } | { kind: 'wait'; retry: number };

/**
 * Every write to its outcome: each round sends what is pending, looks up an insert whose id exists
 * already (its first answer was lost) and keeps what failed for a moment for the next round, after a
 * wait. A generator so that the add-on (UrlFetchApp, synchronous) and the worker (fetch, async) drive
 * the same rounds, each with its own transport; a write still failing after `attempts` rounds is
 * reported as the service being unavailable, so the job resumes it later.
 */
export function* writeRounds(
  calendarId: string,
  writes: readonly CalendarWrite[],
  attempts: number,
): Generator<WriteStep, Map<string, WriteOutcome>, CallAnswer[]> {
  const outcomes = new Map<string, WriteOutcome>();
  const lastError = new Map<string, string>();
  let pending = [...writes];
  for (let attempt = 0; attempt < attempts && pending.length > 0; attempt++) {
    if (attempt > 0) yield { kind: 'wait', retry: attempt - 1 };
    const answers = yield { kind: 'send', calls: pending.map((w) => writeRequest(calendarId, w)) };
    const retry: CalendarWrite[] = [];
    const adopt: InsertWrite[] = [];
    pending.forEach((write, i) => {
      const answer = answers[i] ?? { status: 500, body: null };
      const reading = readAnswer(write, answer.status, answer.body);
      if (reading.action === 'done') outcomes.set(write.key, { ok: true, event: reading.event });
      else if (reading.action === 'fail') outcomes.set(write.key, { ok: false, error: reading.error });
      else if (reading.action === 'retry') {
        lastError.set(write.key, reading.error);
        retry.push(write);
      } else adopt.push(write as InsertWrite);
    });
    if (adopt.length > 0) {
      const found = yield { kind: 'send', calls: adopt.map((w) => readRequest(calendarId, w.eventId)) };
      adopt.forEach((write, i) => {
        const answer = found[i] ?? { status: 500, body: null };
        const event = answer.status === 200 ? (answer.body as ApiEvent) : null;
        if (adoptable(event, write.resource.extendedProperties.private.sessionId ?? ''))
          outcomes.set(write.key, { ok: true, event });
        else if (isRetryable(answer.status, answer.body)) {
          lastError.set(write.key, apiErrorMessage('Calendar API', answer.status, answer.body));
          retry.push(write);
        } else
          outcomes.set(write.key, {
            ok: false,
            error: `L'evento ${write.eventId} esiste già ma non è di questa sessione.`,
          });
      });
    }
    pending = retry;
  }
  for (const write of pending)
    outcomes.set(write.key, {
      ok: false,
      error: `${lastError.get(write.key) ?? 'Calendar API'} (service unavailable)`,
    });
  return outcomes;
}
