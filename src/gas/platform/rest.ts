/**
 * Requests to Google's REST APIs with the script's OAuth token (UrlFetchApp, scope
 * `script.external_request`): one JSON request retried with backoff while Google answers 429, 5xx or a
 * rate-limit 403; or many sent together through `fetchAll`, where only the requests safe to send twice
 * are resent and the others come back to the caller with their answer (it knows how to look for what a
 * lost answer made).
 */
import { apiErrorMessage, isRetryable } from '../../core/http/status';
import { backoffDelay } from './retry';

const ATTEMPTS = 5;
const BASE_DELAY_MS = 500;

type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * The script's token, asked once an execution (a call of its own): it lasts longer than the 6 minutes an
 * execution may run, and the bundle's module state starts afresh with every execution.
 */
let executionToken: string | null = null;

function oauthToken(): string {
  executionToken ??= ScriptApp.getOAuthToken();
  return executionToken;
}

function parseBody(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}

export function callGoogleApi(api: string, method: Method, url: string, body?: unknown): unknown {
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method,
    headers: { Authorization: `Bearer ${oauthToken()}` },
    muteHttpExceptions: true,
  };
  if (body !== undefined) {
    params.contentType = 'application/json';
    params.payload = JSON.stringify(body);
  }
  for (let attempt = 0; ; attempt++) {
    const response = UrlFetchApp.fetch(url, params);
    const status = response.getResponseCode();
    const parsed = parseBody(response.getContentText());
    if (status < 300) return parsed;
    if (!isRetryable(status, parsed) || attempt + 1 >= ATTEMPTS) throw new Error(apiErrorMessage(api, status, parsed));
    Utilities.sleep(backoffDelay(attempt, BASE_DELAY_MS));
  }
}

export interface ApiCall {
  method: Method;
  url: string;
  /** A JSON body, or raw bytes with their content type (a multipart upload). */
  body?: unknown;
  raw?: { contentType: string; bytes: number[] };
  /** Safe to send again after a failure whose effect is unknown (a read, a replacement, a trash). */
  resend: boolean;
  /** The answer is a file's bytes (an export), kept in `bytes`. */
  binary?: boolean;
}

export interface ApiAnswer {
  status: number;
  /** The parsed JSON answer (Google's error body on failure). */
  body: unknown;
  bytes: number[] | null;
}

function fetchOptions(call: ApiCall, token: string): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const request: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: call.url,
    method: call.method,
    headers: { Authorization: `Bearer ${token}` },
    muteHttpExceptions: true,
  };
  if (call.raw) {
    request.contentType = call.raw.contentType;
    request.payload = call.raw.bytes;
  } else if (call.body !== undefined) {
    request.contentType = 'application/json';
    request.payload = JSON.stringify(call.body);
  }
  return request;
}

/**
 * Sends the calls together (`fetchAll`: in parallel, catalogue URLFETCH-FETCHALL) and answers each in
 * order; a resendable call that failed for a moment is sent again, with the others still failing, after a
 * backoff. `fetchAll` itself throwing (a daily quota) propagates.
 */
export function callGoogleApisTogether(calls: readonly ApiCall[]): ApiAnswer[] {
  const answers = new Array<ApiAnswer>(calls.length);
  const token = oauthToken();
  let pending = calls.map((_, i) => i);
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) Utilities.sleep(backoffDelay(attempt - 1, BASE_DELAY_MS));
    const responses = UrlFetchApp.fetchAll(pending.map((i) => fetchOptions(calls[i] as ApiCall, token)));
    const again: number[] = [];
    pending.forEach((index, n) => {
      const call = calls[index] as ApiCall;
      const response = responses[n] as GoogleAppsScript.URL_Fetch.HTTPResponse;
      const status = response.getResponseCode();
      const ok = status < 300;
      const answer: ApiAnswer = {
        status,
        body: ok && call.binary ? null : parseBody(response.getContentText()),
        bytes: ok && call.binary ? response.getContent() : null,
      };
      answers[index] = answer;
      if (!ok && call.resend && isRetryable(status, answer.body) && attempt + 1 < ATTEMPTS) again.push(index);
    });
    pending = again;
  }
  return answers;
}

export function answerError(api: string, answer: ApiAnswer): string {
  return apiErrorMessage(api, answer.status, answer.body);
}
