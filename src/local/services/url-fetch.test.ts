import { Workspace } from '../runtime/workspace';
import { setUrlFetchQuota, urlFetchGlobals } from './url-fetch';

interface Response {
  getResponseCode(): number;
  getContentText(): string;
}
interface UrlFetch {
  fetch(url: string, params?: Record<string, unknown>): Response;
  fetchAll(requests: Array<Record<string, unknown>>): Response[];
}

const AUTH = { Authorization: 'Bearer ya29.test' };
const LIST = 'https://www.googleapis.com/calendar/v3/calendars/primary/events';

function setup(): { ws: Workspace; app: UrlFetch } {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T08:00:00Z') });
  return { ws, app: urlFetchGlobals(ws).UrlFetchApp as UrlFetch };
}

describe('UrlFetchApp (emulated)', () => {
  // catalogue: URLFETCH-FETCHALL, URLFETCH-LATENCY
  it('charges fetchAll as parallel, 10 at a time, and fetch one after another', () => {
    const { ws, app } = setup();
    const requests = Array.from({ length: 20 }, () => ({ url: LIST, headers: AUTH }));
    const before = ws.now();
    const answers = app.fetchAll(requests);
    const parallel = ws.now() - before;
    expect(answers).toHaveLength(20);
    for (const r of requests) app.fetch(r.url, { headers: r.headers });
    const sequential = ws.now() - before - parallel;
    expect(parallel).toBe(2 * 250);
    expect(sequential).toBe(20 * 250);
  });

  // catalogue: URLFETCH-ERRORS
  it('throws on an error status unless muteHttpExceptions, and 401 without a token', () => {
    const { app } = setup();
    expect(() => app.fetch(`${LIST}/nessuno`, { headers: AUTH })).toThrow(
      /^Request failed for https:\/\/www\.googleapis\.com returned code 404\. Truncated server response: /,
    );
    expect(app.fetch(`${LIST}/nessuno`, { headers: AUTH, muteHttpExceptions: true }).getResponseCode()).toBe(404);
    expect(app.fetch(LIST, { muteHttpExceptions: true }).getResponseCode()).toBe(401);
    expect(() => app.fetch('https://example.com/')).toThrow('Address unavailable: https://example.com/');
  });

  // catalogue: URLFETCH-QUOTA
  it('refuses calls past the daily quota, and gives it back a day later', () => {
    const { ws, app } = setup();
    setUrlFetchQuota(ws, 1);
    app.fetch(LIST, { headers: AUTH });
    expect(() => app.fetch(LIST, { headers: AUTH })).toThrow('Service invoked too many times for one day: urlfetch.');
    ws.advanceClock(24 * 60 * 60 * 1000);
    expect(app.fetch(LIST, { headers: AUTH }).getResponseCode()).toBe(200);
  });
});

describe('emulator: call counting', () => {
  it('answers Google API hosts in-process and counts one UrlFetch call per request', () => {
    const { ws, app } = setup();
    const res = app.fetch(LIST, { headers: AUTH });
    expect(res.getResponseCode()).toBe(200);
    expect(JSON.parse(res.getContentText()).kind).toBe('calendar#events');
    expect(ws.counts.UrlFetch).toBe(1);
    expect(ws.counts.Calendar).toBe(1);
  });
});
