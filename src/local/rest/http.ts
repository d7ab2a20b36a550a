/**
 * The shapes every emulated REST endpoint shares: a request as the wire carries it, a response, and
 * Google's JSON error body (`{ error: { code, message, errors: [{ message, domain, reason }], status } }`,
 * catalogue: REST-ERROR-BODY).
 */

export interface RestRequest {
  method: string;
  /** Path without the query string, e.g. `/calendar/v3/calendars/primary/events`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The canonical status names Google's APIs put in `error.status`. */
const STATUS_NAME: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'NOT_FOUND',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const REASON: Record<number, string> = {
  400: 'badRequest',
  401: 'authError',
  403: 'forbidden',
  404: 'notFound',
  409: 'duplicate',
  410: 'deleted',
  412: 'conditionNotMet',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

/** An error an endpoint answers with; the router turns it into Google's JSON error body. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string = REASON[status] ?? 'backendError',
    readonly domain = 'global',
  ) {
    super(message);
    this.name = 'RestError';
  }
}

export function errorBody(
  status: number,
  message: string,
  reason?: string,
  domain = 'global',
): Record<string, unknown> {
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain, reason: reason ?? REASON[status] ?? 'backendError' }],
      status: STATUS_NAME[status] ?? 'UNKNOWN',
    },
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function json(status: number, value: unknown): RestResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: encoder.encode(JSON.stringify(value)),
  };
}

export function noContent(): RestResponse {
  return { status: 204, headers: {}, body: new Uint8Array(0) };
}

export function bytes(status: number, contentType: string, body: Uint8Array): RestResponse {
  return { status, headers: { 'content-type': contentType }, body };
}

export function errorResponse(error: RestError): RestResponse {
  return json(error.status, errorBody(error.status, error.message, error.reason, error.domain));
}

export function textOf(body: Uint8Array): string {
  return decoder.decode(body);
}

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The request's JSON body as an object ('' or no body is `{}`); anything else is Google's 400. */
export function jsonBody(req: RestRequest): Record<string, unknown> {
  const text = textOf(req.body).trim();
  if (text === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below, as Google reports any body it cannot parse.
  }
  throw new RestError(400, 'Invalid JSON payload received.', 'parseError');
}

/** Query parameters with repeats kept (googleapis sends an array parameter as `k=a&k=b`). */
export function queryArgs(query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
