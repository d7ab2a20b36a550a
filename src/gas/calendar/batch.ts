/**
 * Calendar writes through the API's HTTP batch endpoint, with the script's own OAuth token: up to 50
 * calls a batch, the batches sent together by `UrlFetchApp.fetchAll`. A batch or a call that fails for a
 * moment is sent again after a backoff; an insert answered "already exists" (its first answer was lost)
 * adopts the event that was made. Only service calls here: the rounds and how answers are read are
 * src/core/calendar/writes.
 */
import { batchAnswers, encodeBatchRequest, type BatchRequestPart, type CallAnswer } from '../../core/http/batch';
import {
  CALENDAR_BATCH_SIZE,
  writeRounds,
  type CalendarWrite,
  type WriteCall,
  type WriteOutcome,
} from '../../core/calendar/writes';
import { backoffDelay } from '../platform/retry';

const BATCH_URL = 'https://www.googleapis.com/batch/calendar/v3';
const ATTEMPTS = 4;
const BASE_DELAY_MS = 1000;

/** Sends calls in batches of 50, all batches at once; one answer per call, in order. */
function sendBatches(calls: readonly WriteCall[]): CallAnswer[] {
  const token = ScriptApp.getOAuthToken();
  const chunks: BatchRequestPart[][] = [];
  for (let i = 0; i < calls.length; i += CALENDAR_BATCH_SIZE)
    chunks.push(calls.slice(i, i + CALENDAR_BATCH_SIZE).map((call, n) => ({ id: `${n + 1}`, ...call })));
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
  return UrlFetchApp.fetchAll(requests).flatMap((response, n) => {
    const headers = response.getHeaders() as Record<string, string>;
    return batchAnswers(
      response.getResponseCode(),
      headers['Content-Type'] ?? headers['content-type'] ?? '',
      response.getContentText(),
      (chunks[n] as BatchRequestPart[]).map((part) => part.id),
    );
  });
}

/** Does every write, retrying what fails for a moment; the outcome of each by its key. */
export function writeEvents(calendarId: string, writes: readonly CalendarWrite[]): Map<string, WriteOutcome> {
  const run = writeRounds(calendarId, writes, ATTEMPTS);
  let step = run.next();
  while (!step.done) {
    if (step.value.kind === 'wait') {
      Utilities.sleep(backoffDelay(step.value.retry, BASE_DELAY_MS));
      step = run.next([]);
    } else step = run.next(sendBatches(step.value.calls));
  }
  return step.value;
}
