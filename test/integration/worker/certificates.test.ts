/**
 * The worker's `certificates` job against the local REST server through the real googleapis client (numbers
 * and codes asked of the add-on through `scripts.run`), with faults injected on the REST side, and the
 * add-on before and after it: one certificate, one number, one PDF and one mail per eligible person,
 * whichever side starts and whichever finishes.
 */
import type { Server } from 'node:http';
import { injectRestFault } from '../../../src/local/rest/faults';
import { startRestServer } from '../../../src/local/rest/server';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { defaultLatencyModel } from '../../../src/local/runtime/latency';
import { triggerState } from '../../../src/local/runtime/triggers';
import { runCertificatesJob, type CertificatesJobOptions } from '../../../src/worker/certificates';
import { connect } from '../../../src/worker/google';
import { academyWith, certificateRows, docs, mails, pdfs, people, useLatency } from '../certificates/academy';
import { sandboxFetch } from '../rest/node-fetch';

// About 10 s alone on a loaded 2-core runner for the whole file.
jest.setTimeout(60_000);

const SIX_MINUTES = 6 * 60_000;
let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** The REST server over the academy, `scripts.run` running the add-on's functions as `as` (staff by default). */
async function serve(academy: LocalAcademy, as?: string): Promise<string> {
  const started = await startRestServer({
    ws: academy.ws,
    script: {
      scriptId: '',
      hasFunction: (fn) => academy.hasFunction(fn),
      run: (fn, args) => academy.call(fn, args, as),
    },
  });
  server = started.server;
  return started.url;
}

function worker(api: string, extra: Partial<CertificatesJobOptions> = {}) {
  return runCertificatesJob(connect({ api, fetchImplementation: sandboxFetch }), {
    spreadsheetId: extra.spreadsheetId ?? '',
    shard: { index: 0, count: 1 },
    actor: 'formazione@consorzio.example.it',
    wait: async () => undefined,
    ...extra,
  });
}

function expectComplete(academy: LocalAcademy, count: number): void {
  const rows = certificateRows(academy);
  expect(rows).toHaveLength(count);
  expect(new Set(rows.map((r) => r.Dipendente)).size).toBe(count);
  expect(rows.map((r) => String(r.Numero)).sort()).toEqual(
    Array.from({ length: count }, (_, i) => `A4PA-2027-${String(i + 1).padStart(5, '0')}`),
  );
  expect(rows.every((r) => r['Inviato il'] instanceof Date)).toBe(true);
  expect(new Set(rows.map((r) => String(r['Codice verifica']))).size).toBe(count);
  expect(pdfs(academy)).toHaveLength(count);
  expect(new Set(pdfs(academy).map((f) => f.name)).size).toBe(count);
  expect(docs(academy)).toEqual([]);
  expect(mails(academy)).toHaveLength(count);
  expect(new Set(mails(academy).map((m) => m.to)).size).toBe(count);
}

/** Certificate mails carry their PDF. */
function expectAttached(academy: LocalAcademy): void {
  for (const m of mails(academy)) expect(m.attachments).toEqual([expect.stringMatching(/^A4PA-2027-\d{5}\.pdf$/)]);
}

describe('worker certificates job', () => {
  it('issues a course under REST faults, each person once, and the add-on then has nothing to issue', async () => {
    const academy = await academyWith([
      { code: 'C6', hours: 4, people: [...people(5), { first: 'Assente', last: 'Rossi', hours: [0, 0] }] },
    ]);
    const api = await serve(academy);
    // An upload applied whose answer is lost (the listing must adopt it), a Docs read refused for a moment.
    injectRestFault(academy.ws, { api: 'drive', status: 503, times: 1, when: 'after', match: /^POST \/upload\// });
    injectRestFault(academy.ws, { api: 'docs', status: 429, times: 2, when: 'before', match: /^GET / });
    const result = await worker(api, { spreadsheetId: academy.spreadsheetId });
    expect(result.failed).toEqual([]);
    expect(result).toMatchObject({ issued: 5, adopted: 0, mailed: 5 });
    expectComplete(academy, 5);
    expectAttached(academy);

    academy.ws.resetCounts();
    const addOn = academy.call('issueCertificates', ['C6']);
    expect(addOn.ok).toBe(true);
    expect((addOn.value as { message: string }).message).toContain('Nessun nuovo attestato');
    expect(academy.ws.methodCounts['UrlFetch.fetch'] ?? 0).toBe(0);
    expectComplete(academy, 5);
  });

  it('finishes what the add-on left between its PDFs and their rows, adopting the PDFs', async () => {
    const academy = await academyWith([{ code: 'C5', hours: 4, people: people(5) }]);
    // The add-on's batch of 5: the third trashing of a draft (request 38) crosses the time limit, so
    // every PDF exists and no row does.
    let requests = 0;
    useLatency(academy, {
      cost(service, method, cells) {
        if (service === 'UrlFetch' && method === 'fetch' && ++requests === 38) return SIX_MINUTES;
        return defaultLatencyModel.cost(service, method, cells);
      },
    });
    expect(academy.call('issueCertificates', ['C5']).ok).toBe(false);
    useLatency(academy, defaultLatencyModel);
    expect(certificateRows(academy)).toHaveLength(0);
    expect(pdfs(academy)).toHaveLength(5);
    // The stopped slice still holds the job lease: the worker is refused until it runs out.
    const api = await serve(academy);
    await expect(worker(api, { spreadsheetId: academy.spreadsheetId, course: 'C5' })).rejects.toThrow(
      'Un lavoro sugli attestati è in corso nel foglio',
    );
    // The add-on's continuation cannot run (a published add-on may refuse the trigger): the worker finishes.
    const triggers = triggerState(academy.ws);
    triggers.triggers = triggers.triggers.filter((t) => t.handler !== 'runJobs');
    academy.advance(7);

    academy.ws.resetCounts();
    const result = await worker(api, { spreadsheetId: academy.spreadsheetId, course: 'C5' });
    expect(result).toMatchObject({ issued: 0, adopted: 5, mailed: 5, failed: [] });
    expect(academy.ws.methodCounts['Drive.files.copy'] ?? 0).toBe(0);
    expectComplete(academy, 5);

    // The add-on's job, run again, finds everything recorded and ends without making anything.
    academy.ws.resetCounts();
    expect(academy.call('runJobs').ok).toBe(true);
    // One listing of its batch's files (nothing left in it to adopt or trash), nothing made.
    expect(academy.ws.methodCounts['UrlFetch.fetch']).toBe(1);
    expect(academy.call('getJobsProgress').value).toEqual([
      expect.objectContaining({ kind: 'certificates', status: 'completato' }),
    ]);
    expectComplete(academy, 5);
  });

  it('stopped before its rows, is finished by the worker again, or after a while by the add-on, without duplicates', async () => {
    for (const finisher of ['worker', 'add-on'] as const) {
      const academy = await academyWith([{ code: 'C12', hours: 4, people: people(12) }]);
      const api = await serve(academy);
      // Every attempt at the first batch's rows fails: the run stops with its ten PDFs made, no row written.
      injectRestFault(academy.ws, { api: 'sheets', status: 500, times: 5, when: 'before', match: /:append$/ });
      await expect(worker(api, { spreadsheetId: academy.spreadsheetId })).rejects.toMatchObject({ status: 500 });
      expect(certificateRows(academy)).toHaveLength(0);
      // The first batch's PDFs, all ten unless one failed on the loaded local server (the next run makes it).
      const made = pdfs(academy).length;
      expect(made).toBeGreaterThan(0);
      expect(made).toBeLessThanOrEqual(10);

      academy.ws.resetCounts();
      if (finisher === 'worker') {
        const again = await worker(api, { spreadsheetId: academy.spreadsheetId });
        expect(again).toMatchObject({ issued: 12 - made, adopted: made, mailed: 12, failed: [] });
        expect(academy.ws.methodCounts['Drive.files.copy']).toBe(12 - made);
      } else {
        // A fresh reservation is the worker's for half an hour: the add-on leaves those ten people to it.
        const early = academy.call('issueCertificates', ['C12']);
        expect(early.ok).toBe(true);
        expect(certificateRows(academy)).toHaveLength(2);
        academy.advance(31);
        expect(academy.call('issueCertificates', ['C12']).ok).toBe(true);
        expect(academy.ws.methodCounts['Drive.files.copy']).toBe(12 - made);
      }
      expectComplete(academy, 12);
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
      server = null;
    }
  });

  it('refuses a course that is not Concluso, and a caller who is not staff, in Italian', async () => {
    const academy = await academyWith([{ code: 'APE', hours: 4, people: people(2), status: 'Iscrizioni chiuse' }]);
    const api = await serve(academy, 'estraneo@altro.example.it');
    await expect(worker(api, { spreadsheetId: academy.spreadsheetId, course: 'APE' })).rejects.toThrow(
      'Il corso APE non è concluso (stato: Iscrizioni chiuse)',
    );
    academy.edit('Corsi', { Codice: 'APE' }, { Stato: 'Concluso' });
    await expect(worker(api, { spreadsheetId: academy.spreadsheetId, course: 'APE' })).rejects.toThrow(
      /autorizzat|staff|Accesso/i,
    );
    expect(certificateRows(academy)).toHaveLength(0);
    expect(pdfs(academy)).toHaveLength(0);
  });
});
