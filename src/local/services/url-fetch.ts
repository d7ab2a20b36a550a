/**
 * The emulated `UrlFetchApp`: requests to Google's API hosts are answered in-process by the emulated
 * REST APIs (src/local/rest), over the same state the other services see; any other host is
 * unreachable, as the emulator has no network. `fetchAll` charges its requests as running in parallel
 * (latency.ts, `parallelMs`); the Workspace daily quota of 100,000 calls applies (catalogue:
 * URLFETCH-QUOTA), and an error status throws unless `muteHttpExceptions` (catalogue: URLFETCH-ERRORS).
 */
import { DAY_MS } from '../../core/time/units';
import { GRID_CELL_WEIGHT, parallelMs, restRequestMs } from '../runtime/latency';
import { gridCellCount } from '../rest/sheets-grid';
import type { Workspace } from '../runtime/workspace';
import { exportedPdfText } from '../rest/drive';
import { decodeBatchRequest } from '../../core/http/batch';
import { textOf, type RestResponse } from '../rest/http';
import { handleRest } from '../rest/router';
import { EmulatedBlob, toUint8 } from './blob';

/** Google's quotas page: URL Fetch calls a day, Workspace accounts. */
export const URLFETCH_DAILY_QUOTA = 100_000;
/** Apps Script shows this much of an error response in the exception's message. */
const TRUNCATE_AT = 300;

interface UrlFetchState {
  used: number;
  windowStartMs: number | null;
}

function quotaState(ws: Workspace): UrlFetchState {
  const st = ws.slot<UrlFetchState>('urlfetch', () => ({ used: 0, windowStartMs: null }));
  if (st.windowStartMs !== null && ws.now() - st.windowStartMs >= DAY_MS) {
    st.used = 0;
    st.windowStartMs = null;
  }
  return st;
}

/** Host knob: how many URL Fetch calls are left today (full again 24 emulated hours later). */
export function setUrlFetchQuota(ws: Workspace, remaining: number): void {
  const st = quotaState(ws);
  st.used = Math.max(0, URLFETCH_DAILY_QUOTA - Math.floor(remaining));
  st.windowStartMs = ws.now();
}

type Params = Record<string, unknown>;

interface Prepared {
  url: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Uint8Array;
  mute: boolean;
}

function payloadOf(params: Params, headers: Record<string, string>): Uint8Array {
  const payload = params.payload;
  const contentType = typeof params.contentType === 'string' ? params.contentType : undefined;
  if (payload === undefined || payload === null) return new Uint8Array(0);
  if (typeof payload === 'string') {
    headers['content-type'] ??= contentType ?? 'application/x-www-form-urlencoded';
    return new TextEncoder().encode(payload);
  }
  if (payload instanceof EmulatedBlob) {
    headers['content-type'] ??= contentType ?? payload.getContentType() ?? 'application/octet-stream';
    return new Uint8Array(payload.rawBytes());
  }
  if (Array.isArray(payload) || payload instanceof Uint8Array) {
    headers['content-type'] ??= contentType ?? 'application/octet-stream';
    return toUint8(payload as ArrayLike<number>);
  }
  if (typeof payload === 'object') {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(payload as Params)) form.append(k, String(v));
    return new TextEncoder().encode(form.toString());
  }
  throw new Error('Invalid argument: payload');
}

function prepare(request: unknown): Prepared {
  const params: Params =
    typeof request === 'string' ? { url: request } : request && typeof request === 'object' ? (request as Params) : {};
  const url = String(params.url ?? '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Invalid argument: ${url}`);
  }
  if (parsed.protocol !== 'https:' || !/(^|\.)googleapis\.com$/.test(parsed.hostname))
    throw new Error(`Address unavailable: ${url}`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((params.headers as Params | undefined) ?? {}))
    headers[k.toLowerCase()] = String(v);
  if (typeof params.contentType === 'string') headers['content-type'] = params.contentType;
  const body = payloadOf(params, headers);
  return {
    url,
    method: String(params.method ?? 'get').toUpperCase(),
    path: parsed.pathname,
    query: parsed.searchParams,
    headers,
    body,
    mute: params.muteHttpExceptions === true,
  };
}

function responseFacade(ws: Workspace, answer: RestResponse): Record<string, unknown> {
  const headers = { ...answer.headers };
  return {
    getResponseCode: () => answer.status,
    getContentText: () => textOf(answer.body),
    getContent: () => Array.from(answer.body, (b) => (b > 127 ? b - 256 : b)),
    getBlob: () =>
      new EmulatedBlob(
        new Uint8Array(answer.body),
        headers['content-type']?.split(';')[0] ?? 'application/octet-stream',
        null,
        exportedPdfText(ws, answer.body) || null,
      ),
    getAs: (contentType: string) =>
      new EmulatedBlob(new Uint8Array(answer.body), contentType, null, exportedPdfText(ws, answer.body) || null),
    getHeaders: () => ({ ...headers }),
    getAllHeaders: () => ({ ...headers }),
  };
}

/** The cells a Sheets API request moved: those it answers (a read) or those it wrote. */
function cellsIn(answer: RestResponse): number {
  if (!(answer.headers['content-type'] ?? '').startsWith('application/json')) return 0;
  const count = (value: unknown): number =>
    Array.isArray(value) ? value.reduce((s: number, v) => s + count(v), 0) : value === undefined ? 0 : 1;
  const body = JSON.parse(textOf(answer.body)) as Parameters<typeof gridCellCount>[0] & {
    values?: unknown;
    valueRanges?: Array<{ values?: unknown }>;
    updatedCells?: unknown;
    totalUpdatedCells?: unknown;
    updates?: { updatedCells?: unknown };
  };
  // A write moves its cells the other way: the answer counts them (values.update, batchUpdate, append).
  const written = [body.updatedCells, body.totalUpdatedCells, body.updates?.updatedCells].reduce<number>(
    (s, n) => s + (typeof n === 'number' ? n : 0),
    0,
  );
  return (
    count(body.values) +
    (body.valueRanges ?? []).reduce((s, r) => s + count(r.values), 0) +
    written +
    gridCellCount(body) * GRID_CELL_WEIGHT
  );
}

export function urlFetchGlobals(ws: Workspace): { UrlFetchApp: unknown } {
  /** Counts and answers one request; returns its answer and what it costs on its own. */
  function send(request: unknown): { answer: RestResponse; prepared: Prepared; costMs: number } {
    const prepared = prepare(request);
    ws.call('UrlFetch', 'fetch');
    const st = quotaState(ws);
    if (st.used >= URLFETCH_DAILY_QUOTA) throw new Error('Service invoked too many times for one day: urlfetch.');
    st.used += 1;
    if (st.windowStartMs === null) st.windowStartMs = ws.now();
    const answer = ws.uncharged(() =>
      handleRest(
        { ws },
        {
          method: prepared.method,
          path: prepared.path,
          query: prepared.query,
          headers: prepared.headers,
          body: prepared.body,
        },
      ),
    );
    const inner = prepared.path.startsWith('/batch/')
      ? (decodeBatchRequest(prepared.headers['content-type'] ?? '', textOf(prepared.body))?.length ?? 0)
      : 0;
    return {
      answer,
      prepared,
      costMs: restRequestMs(prepared.path, inner, prepared.path.startsWith('/v4/') ? cellsIn(answer) : 0),
    };
  }

  function checked(answer: RestResponse, prepared: Prepared): Record<string, unknown> {
    if (answer.status >= 400 && !prepared.mute) {
      const origin = new URL(prepared.url).origin;
      const text = textOf(answer.body);
      throw new Error(
        `Request failed for ${origin} returned code ${answer.status}. Truncated server response: ${text.slice(0, TRUNCATE_AT)}${text.length > TRUNCATE_AT ? '...' : ''} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return responseFacade(ws, answer);
  }

  const UrlFetchApp = {
    fetch(url: unknown, params?: Params) {
      const request = typeof url === 'string' ? { ...(params ?? {}), url } : url;
      const { answer, prepared, costMs } = send(request);
      ws.spend(costMs);
      return checked(answer, prepared);
    },
    fetchAll(requests: unknown[]) {
      if (!Array.isArray(requests)) throw new Error('Invalid argument: requests');
      const sent = requests.map(send);
      ws.spend(parallelMs(sent.map((s) => s.costMs)));
      return sent.map((s) => checked(s.answer, s.prepared));
    },
    getRequest(url: string, params?: Params) {
      const p = prepare({ ...(params ?? {}), url });
      return { url: p.url, method: p.method.toLowerCase(), headers: p.headers, payload: textOf(p.body) };
    },
  };
  return { UrlFetchApp };
}
