/**
 * The worker's `summaries` job against the local REST server (the real googleapis client: Sheets,
 * Gmail `users.messages.send`, the Apps Script API `scripts.run` of `getWorkerContext`), with faults
 * injected on the REST side, and the add-on's `sendComuniSummaries` before or after it: whoever starts
 * and whoever finishes, each referent gets exactly one summary for the month.
 */
import type { Server } from 'node:http';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { startRestServer } from '../../../src/local/rest/server';
import { injectRestFault } from '../../../src/local/rest/faults';
import { snapshotMail } from '../../../src/local/services/mail';
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import { main } from '../../../src/worker/cli';
import { connect } from '../../../src/worker/google';
import { runSummariesJob, type SummariesJobResult } from '../../../src/worker/summaries';
import { sandboxFetch } from '../rest/node-fetch';

// Each test builds a small academy and sends a handful of mails through HTTP: at most 5 s alone, more on a
// loaded 2-core runner.
jest.setTimeout(30_000);

const START = '2027-06-01T09:00:00+02:00';
const REFERENTS = ['ref1@comune.it', 'ref2@comune.it', 'ref3@comune.it'];

function academyWithComuni(): LocalAcademy {
  const academy = LocalAcademy.fresh({ start: START });
  prepareAcademy(academy, { settings: { 'Anno formativo': 2027, 'Ore obiettivo annue': 40 } });
  const put = (tab: string, rows: Array<Record<string, unknown>>) =>
    hostAppendRecords(academy.ws, academy.spreadsheetId, tab, rows);
  put(
    'Comuni',
    REFERENTS.map((to, i) => ({
      'Codice ISTAT': String(19001 + i).padStart(6, '0'),
      Comune: `Comune ${i + 1}`,
      'Email referente': to,
      'Quota annuale (€)': 1000,
    })),
  );
  put(
    'Dipendenti',
    Array.from({ length: 6 }, (_, i) => ({
      ID: `D${String(i + 1).padStart(5, '0')}`,
      Nome: `Nome${i}`,
      Cognome: `Cognome${i}`,
      Email: `d${i}@comune.it`,
      Comune: `Comune ${(i % 3) + 1}`,
      Ruolo: 'Dipendente',
      Attivo: true,
    })),
  );
  return academy;
}

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** The REST server over the academy, `scripts.run` running the bundle's functions as staff. */
async function serve(academy: LocalAcademy): Promise<string> {
  const started = await startRestServer({
    ws: academy.ws,
    script: { scriptId: '', hasFunction: (fn) => academy.hasFunction(fn), run: (fn, args) => academy.call(fn, args) },
  });
  server = started.server;
  return started.url;
}

async function runWorker(
  academy: LocalAcademy,
  api: string,
  options: { log?: (line: string) => void } = {},
): Promise<SummariesJobResult & { waits: number }> {
  let waits = 0;
  const result = await runSummariesJob(connect({ api, fetchImplementation: sandboxFetch }), {
    spreadsheetId: academy.spreadsheetId,
    period: '2027-06',
    shard: { index: 0, count: 1 },
    actor: 'worker@consorzio.example.it',
    now: new Date(START),
    wait: async () => {
      waits += 1;
    },
    log: options.log,
  });
  return { ...result, waits };
}

const summaryMails = (academy: LocalAcademy) =>
  snapshotMail(academy.ws).filter((m) => m.subject.includes('riepilogo del Comune'));

function expectOneEach(academy: LocalAcademy): void {
  expect(
    summaryMails(academy)
      .map((m) => m.to)
      .sort(),
  ).toEqual(REFERENTS);
}

describe('worker summaries job', () => {
  it("sends every comune's summary once, with the add-on's text and page link, and the add-on then sends none", async () => {
    const academy = academyWithComuni();
    const api = await serve(academy);
    // A rate limit on the first send: retried after a backoff, nothing sent twice.
    injectRestFault(academy.ws, { api: 'gmail', status: 429, times: 1, when: 'before' });
    const result = await runWorker(academy, api);
    expect(result).toMatchObject({ period: '2027-06', total: 3, sent: 3, already: 0, stopped: null, failed: [] });
    expect(result.waits).toBe(1);
    expectOneEach(academy);
    const first = summaryMails(academy).find((m) => m.to === 'ref1@comune.it');
    expect(first?.subject).toBe('Formazione 2027: riepilogo del Comune di Comune 1 (giugno 2027)');
    expect(first?.body).toContain("CHI NON HA ANCORA RAGGIUNTO L'OBIETTIVO");
    expect(first?.body).toContain('?comune=c.019001.1.');
    const lines = academy.readTab('Registro');
    const azione = lines?.header.indexOf('Azione') ?? -1;
    expect(lines?.rows.filter((r) => r[azione] === 'Riepilogo inviato')).toHaveLength(3);

    const addOn = academy.call('sendComuniSummaries');
    expect(addOn.value).toMatchObject({ queued: 0, alreadySent: 3 });
    expectOneEach(academy);
    expect((await runWorker(academy, api)).sent).toBe(0);
    expectOneEach(academy);
  });

  it('finishes nothing twice after the add-on sent part under its mail quota: the outbox delivers the rest', async () => {
    const academy = academyWithComuni();
    academy.quota(1);
    expect(academy.call('sendComuniSummaries').value).toMatchObject({ queued: 3, sent: 1, pending: 2 });
    const api = await serve(academy);
    // The two queued summaries are recorded in Registro: the worker leaves them to the outbox.
    expect(await runWorker(academy, api)).toMatchObject({ sent: 0, already: 3 });
    academy.advance(24 * 60);
    academy.call('sendQueuedMail');
    expectOneEach(academy);
  });

  it.each(['the add-on', 'the worker'])(
    'is stopped halfway by a REST fault, then %s finishes: one summary each',
    async (finisher) => {
      const academy = academyWithComuni();
      const api = await serve(academy);
      // After the first send, Gmail fails for longer than the worker's five attempts.
      let sends = 0;
      const stopped = await runWorker(academy, api, {
        log: () => {
          sends += 1;
          if (sends === 1) injectRestFault(academy.ws, { api: 'gmail', status: 503, times: 5, when: 'before' });
        },
      });
      expect(stopped).toMatchObject({ sent: 1, stopped: { left: 2 } });
      expect(stopped.stopped?.reason).toContain('Gmail non risponde');
      expect(summaryMails(academy)).toHaveLength(1);
      if (finisher === 'the add-on') {
        expect(academy.call('sendComuniSummaries').value).toMatchObject({ queued: 2, alreadySent: 1 });
      } else {
        expect(await runWorker(academy, api)).toMatchObject({ sent: 2, already: 1, stopped: null });
        expect(academy.call('sendComuniSummaries').value).toMatchObject({ queued: 0, alreadySent: 3 });
      }
      expectOneEach(academy);
    },
  );

  it('refuses a malformed --month with an Italian message and exit 2, before any request', async () => {
    const err: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
    try {
      expect(
        await main(['summaries', '--month', '2027-13', '--spreadsheet', 'x', '--api', 'http://127.0.0.1:9/'], {}),
      ).toBe(2);
      expect(err).toEqual(['--month vuole un mese nella forma AAAA-MM (es. 2027-06): «2027-13» non lo è.']);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
