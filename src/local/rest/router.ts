/**
 * One entry for every emulated Google REST API: authentication (any bearer token is accepted, none is
 * refused with Google's 401), injected REST faults, the Calendar HTTP batch endpoint, and the mapping of
 * failures to Google's JSON error bodies. Used in-process by UrlFetchApp and over HTTP by the server.
 */
import { decodeBatchRequest, encodeBatchResponse } from '../../core/http/batch';
import type { Workspace } from '../runtime/workspace';
import { handleCalendar } from './calendar';
import { handleDocs } from './docs';
import { handleDrive } from './drive';
import { takeRestFault, type RestApi } from './faults';
import { handleForms } from './forms';
import { handleGmail } from './gmail';
import {
  encodeText,
  errorBody,
  errorResponse,
  json,
  RestError,
  textOf,
  type RestRequest,
  type RestResponse,
} from './http';
import { handleMeet } from './meet';
import { handlePeople } from './people';
import { handleScriptRun, type ScriptRunner } from './script-run';
import { handleSheets } from './sheets';

export interface RestHost {
  ws: Workspace;
  script?: ScriptRunner;
}

/** Google's documented ceiling of calls in one batch request (catalogue: REST-CAL-BATCH). */
export const BATCH_MAX_CALLS = 1000;

export function apiOf(path: string): RestApi | null {
  if (path.startsWith('/v4/spreadsheets')) return 'sheets';
  if (path.startsWith('/drive/v3') || path.startsWith('/upload/drive/v3')) return 'drive';
  if (path.startsWith('/v1/documents')) return 'docs';
  if (path.startsWith('/calendar/v3') || path.startsWith('/batch/calendar/v3')) return 'calendar';
  if (path.startsWith('/gmail/v1') || path.startsWith('/upload/gmail/v1')) return 'gmail';
  if (path.startsWith('/v1/forms')) return 'forms';
  if (path.startsWith('/v2/conferenceRecords')) return 'meet';
  if (path.startsWith('/v1/people')) return 'people';
  if (path.startsWith('/v1/scripts')) return 'script';
  return null;
}

const TRANSIENT =
  /too many times in a short time|unavailable|server error|timed out|rate ?limit|try again|backend error|internal error/i;

function dispatch(host: RestHost, req: RestRequest): RestResponse | null {
  const ws = host.ws;
  return (
    handleSheets(ws, req) ??
    handleDrive(ws, req) ??
    handleDocs(ws, req) ??
    handleCalendar(ws, req) ??
    handleGmail(ws, req) ??
    handleForms(ws, req) ??
    handleMeet(ws, req) ??
    handlePeople(ws, req) ??
    handleScriptRun(host.script, req)
  );
}

function faultResponse(status: number): RestResponse {
  const message =
    status === 429 ? 'Rate Limit Exceeded' : status === 503 ? 'The service is currently unavailable.' : 'Backend Error';
  const reason = status === 429 ? 'rateLimitExceeded' : 'backendError';
  return json(status, errorBody(status, message, reason, status === 429 ? 'usageLimits' : 'global'));
}

/** Answers one request as Google's front end would. */
export function handleRest(host: RestHost, req: RestRequest): RestResponse {
  const api = apiOf(req.path);
  if (!api) return errorResponse(new RestError(404, 'Not Found', 'notFound'));
  if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
    return json(
      401,
      errorBody(
        401,
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        'required',
      ),
    );
  }
  if (req.path === '/batch/calendar/v3') return batch(host, req);
  const fault = takeRestFault(host.ws, api, req.method, req.path);
  if (fault?.when === 'before') return faultResponse(fault.status);
  let response: RestResponse;
  try {
    response = dispatch(host, req) ?? errorResponse(new RestError(404, 'Not Found', 'notFound'));
  } catch (error) {
    if (error instanceof RestError) response = errorResponse(error);
    else {
      const message = error instanceof Error ? error.message : String(error);
      if (/exceeded maximum execution time/i.test(message)) throw error;
      response = TRANSIENT.test(message)
        ? faultResponse(503)
        : errorResponse(new RestError(500, message || 'Internal error', 'backendError'));
    }
  }
  return fault?.when === 'after' ? faultResponse(fault.status) : response;
}

function batch(host: RestHost, req: RestRequest): RestResponse {
  if (req.method !== 'POST') return errorResponse(new RestError(405, 'Method Not Allowed', 'httpMethodNotAllowed'));
  const contentType = req.headers['content-type'] ?? '';
  const parts = decodeBatchRequest(contentType, textOf(req.body));
  if (!parts || parts.length === 0)
    return errorResponse(new RestError(400, 'Bad Request: a batch request is a multipart/mixed body.', 'badRequest'));
  if (parts.length > BATCH_MAX_CALLS)
    return errorResponse(
      new RestError(400, `Too many requests in the batch: the limit is ${BATCH_MAX_CALLS}.`, 'badRequest'),
    );
  const fault = takeRestFault(host.ws, 'calendar', 'POST', req.path);
  if (fault?.when === 'before') return faultResponse(fault.status);
  const answers = parts.map((part) => {
    const url = new URL(part.path, 'http://batch.invalid');
    const inner = handleRest(host, {
      method: part.method,
      path: url.pathname,
      query: url.searchParams,
      headers: { ...part.headers, authorization: req.headers.authorization ?? '' },
      body: encodeText(part.body),
    });
    const text = textOf(inner.body);
    return { id: part.id, status: inner.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  });
  if (fault?.when === 'after') return faultResponse(fault.status);
  const boundary = `batch_${host.ws.newId('', 16)}`;
  return {
    status: 200,
    headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
    body: encodeText(encodeBatchResponse(boundary, answers)),
  };
}
