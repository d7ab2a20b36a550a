/**
 * Google's HTTP batch format (multipart/mixed, one `application/http` part per inner request, answered
 * in the same order with `Content-ID: response-<id>`; catalogue: REST-CAL-BATCH). Pure text in, text
 * out, so the add-on (through UrlFetchApp), the worker (through fetch) and the emulator share one reader
 * and one writer.
 */

export interface BatchRequestPart {
  /** Echoed back as `response-<id>`. */
  id: string;
  method: string;
  /** Path and query, e.g. `/calendar/v3/calendars/abc/events?sendUpdates=all`. */
  path: string;
  body?: unknown;
}

export interface ParsedRequestPart {
  id: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface BatchResponsePart {
  id: string;
  status: number;
  body: unknown;
}

const CRLF = '\r\n';

export function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? ((m[1] ?? m[2]) as string) : null;
}

/** The multipart body of a batch request. */
export function encodeBatchRequest(boundary: string, parts: readonly BatchRequestPart[]): string {
  let out = '';
  for (const part of parts) {
    out += `--${boundary}${CRLF}Content-Type: application/http${CRLF}Content-ID: <${part.id}>${CRLF}${CRLF}`;
    out += `${part.method} ${part.path} HTTP/1.1${CRLF}`;
    if (part.body !== undefined) {
      const text = JSON.stringify(part.body);
      out += `Content-Type: application/json; charset=UTF-8${CRLF}${CRLF}${text}${CRLF}`;
    } else {
      out += CRLF;
    }
  }
  return `${out}--${boundary}--${CRLF}`;
}

/** Splits a multipart body into its parts' raw text (preamble and epilogue dropped). */
function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter);
  const parts: string[] = [];
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break;
    parts.push(piece.replace(/^\r?\n/, '').replace(/\r?\n$/, ''));
  }
  return parts;
}

function splitHead(text: string): { head: string[]; rest: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { head: text.split(/\r?\n/).filter((l) => l !== ''), rest: '' };
  return { head: text.slice(0, m.index).split(/\r?\n/), rest: text.slice(m.index + m[0].length) };
}

function headerMap(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

function contentId(raw: string | undefined, fallback: string): string {
  if (!raw) return fallback;
  return raw.replace(/^<|>$/g, '').replace(/^response-/, '');
}

/** The inner requests of a batch, or null when the body is not a multipart batch. */
export function decodeBatchRequest(contentType: string, body: string): ParsedRequestPart[] | null {
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  return splitParts(body, boundary).map((part, index) => {
    const outer = splitHead(part);
    const outerHeaders = headerMap(outer.head);
    const inner = splitHead(outer.rest);
    const [requestLine = '', ...innerHeaderLines] = inner.head;
    const [method = '', path = ''] = requestLine.trim().split(/\s+/);
    return {
      id: contentId(outerHeaders['content-id'], String(index + 1)),
      method: method.toUpperCase(),
      path,
      headers: headerMap(innerHeaderLines),
      body: inner.rest.trim(),
    };
  });
}

/** The multipart body of a batch response. */
export function encodeBatchResponse(boundary: string, parts: readonly BatchResponsePart[]): string {
  let out = '';
  for (const part of parts) {
    out += `--${boundary}${CRLF}Content-Type: application/http${CRLF}Content-ID: <response-${part.id}>${CRLF}${CRLF}`;
    out += `HTTP/1.1 ${part.status} ${reasonPhrase(part.status)}${CRLF}`;
    if (part.body === undefined || part.body === null) out += CRLF;
    else out += `Content-Type: application/json; charset=UTF-8${CRLF}${CRLF}${JSON.stringify(part.body)}${CRLF}`;
  }
  return `${out}--${boundary}--${CRLF}`;
}

/** The inner responses of a batch response, in the order the server wrote them. */
export function decodeBatchResponse(contentType: string, body: string): BatchResponsePart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error(`Risposta batch senza boundary (Content-Type: ${contentType}).`);
  return splitParts(body, boundary).map((part, index) => {
    const outer = splitHead(part);
    const outerHeaders = headerMap(outer.head);
    const inner = splitHead(outer.rest);
    const statusLine = inner.head[0] ?? '';
    const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
    const text = inner.rest.trim();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        parsed = text;
      }
    }
    return { id: contentId(outerHeaders['content-id'], String(index + 1)), status, body: parsed };
  });
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    200: 'OK',
    204: 'No Content',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    410: 'Gone',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return phrases[status] ?? 'Unknown';
}

/** What one call of a batch was answered. */
export interface CallAnswer {
  status: number;
  body: unknown;
}

/**
 * The answer to each call of one batch, in the order of `ids`: a batch refused as a whole (429, 5xx,
 * auth) answers its status and error body for every call, and a call the batch leaves unanswered is a
 * 500, so it is retried rather than lost.
 */
export function batchAnswers(status: number, contentType: string, text: string, ids: readonly string[]): CallAnswer[] {
  if (status !== 200) {
    let body: unknown = null;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = null;
    }
    return ids.map(() => ({ status, body }));
  }
  const byId = new Map(decodeBatchResponse(contentType, text).map((p) => [p.id, p]));
  return ids.map((id) => {
    const answer = byId.get(id);
    return answer ? { status: answer.status, body: answer.body } : { status: 500, body: null };
  });
}
