/**
 * One JSON request to a Google REST API with the script's OAuth token (UrlFetchApp, scope
 * `script.external_request`): retried with backoff while Google answers 429, 5xx or a rate-limit 403;
 * any other failure throws with Google's message.
 */
import { apiErrorMessage, isRetryable } from '../../core/http/status';
import { backoffDelay } from './retry';

const ATTEMPTS = 5;
const BASE_DELAY_MS = 500;

export function callGoogleApi(
  api: string,
  method: 'get' | 'post' | 'patch' | 'delete',
  url: string,
  body?: unknown,
): unknown {
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method,
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
  };
  if (body !== undefined) {
    params.contentType = 'application/json';
    params.payload = JSON.stringify(body);
  }
  for (let attempt = 0; ; attempt++) {
    const response = UrlFetchApp.fetch(url, params);
    const status = response.getResponseCode();
    const text = response.getContentText();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = text;
    }
    if (status < 300) return parsed;
    if (!isRetryable(status, parsed) || attempt + 1 >= ATTEMPTS) throw new Error(apiErrorMessage(api, status, parsed));
    Utilities.sleep(backoffDelay(attempt, BASE_DELAY_MS));
  }
}
