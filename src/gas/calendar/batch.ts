/**
 * Calendar writes through the API's HTTP batch endpoint, with the script's own OAuth token: up to 50
 * calls a batch, the batches sent together by `UrlFetchApp.fetchAll`. A batch or a call that fails for a
 * moment is sent again after a backoff; an insert answered "already exists" (its first answer was lost)
 * adopts the event that was made. Only service calls here: reading the answers is src/core/calendar/writes.
 */
import { apiErrorMessage, isRetryable } from '../../core/http/status';
import { decodeBatchResponse, encodeBatchRequest, type BatchRequestPart } from '../../core/http/batch';
import {
  adoptable,
  CALENDAR_BATCH_SIZE,
  readAnswer,
  readRequest,
  writeRequest,
  type CalendarWrite,
  type WriteOutcome,
} from '../../core/calendar/writes';
import type { ApiEvent } from '../../core/calendar/sync';
import { backoffDelay } from '../platform/retry';

const BATCH_URL = 'https://www.googleapis.com/batch/calendar/v3';
const ATTEMPTS = 4;
const BASE_DELAY_MS = 1000;

interface Answer {
  status: number;
  body: unknown;
}

/** Sends calls in batches of 50, all batches at once; one answer per call, in order. */
function sendBatches(parts: BatchRequestPart[]): Answer[] {
  const token = ScriptApp.getOAuthToken();
  const chunks: BatchRequestPart[][] = [];
  for (let i = 0; i < parts.length; i += CALENDAR_BATCH_SIZE) chunks.push(parts.slice(i, i + CALENDAR_BATCH_SIZE));
  const requests = chunks.map((chunk, n) => {
    const boundary = `a4pa_batch_${n}_${chunk.length}`;
    return {
      url: BATCH_URL,
      method: 'post' as const,
      contentType: `multipart/mixed; boundary=${boundary}`,
      payload: encodeBatchRequest(boundary, chunk),
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
    };
  });
  const responses = UrlFetchApp.fetchAll(requests);
  const answers: Answer[] = [];
  responses.forEach((response, n) => {
    const chunk = chunks[n] as BatchRequestPart[];
    const status = response.getResponseCode();
    if (status !== 200) {
      let body: unknown = null;
      try {
        body = JSON.parse(response.getContentText()) as unknown;
      } catch {
        body = null;
      }
      for (let i = 0; i < chunk.length; i++) answers.push({ status, body });
      return;
    }
    const headers = response.getHeaders() as Record<string, string>;
    const contentType = headers['Content-Type'] ?? headers['content-type'] ?? '';
    const byId = new Map(decodeBatchResponse(contentType, response.getContentText()).map((p) => [p.id, p]));
    for (const part of chunk) {
      const answer = byId.get(part.id);
      answers.push(answer ? { status: answer.status, body: answer.body } : { status: 500, body: null });
    }
  });
  return answers;
}

/** Does every write, retrying what fails for a moment; the outcome of each by its key. */
export function writeEvents(calendarId: string, writes: readonly CalendarWrite[]): Map<string, WriteOutcome> {
  const outcomes = new Map<string, WriteOutcome>();
  let pending = [...writes];
  const lastError = new Map<string, string>();
  for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
    if (attempt > 0) Utilities.sleep(backoffDelay(attempt - 1, BASE_DELAY_MS));
    const answers = sendBatches(pending.map((w, i) => ({ id: `${i + 1}`, ...writeRequest(calendarId, w) })));
    const retry: CalendarWrite[] = [];
    const adopt: Array<Extract<CalendarWrite, { kind: 'insert' }>> = [];
    pending.forEach((write, i) => {
      const answer = answers[i] as Answer;
      const reading = readAnswer(write, answer.status, answer.body);
      if (reading.action === 'done') outcomes.set(write.key, { ok: true, event: reading.event });
      else if (reading.action === 'fail') outcomes.set(write.key, { ok: false, error: reading.error });
      else if (reading.action === 'retry') {
        lastError.set(write.key, reading.error);
        retry.push(write);
      } else adopt.push(write as Extract<CalendarWrite, { kind: 'insert' }>);
    });
    if (adopt.length > 0) {
      const found = sendBatches(adopt.map((w, i) => ({ id: `${i + 1}`, ...readRequest(calendarId, w.eventId) })));
      adopt.forEach((write, i) => {
        const answer = found[i] as Answer;
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
