/**
 * The worker's `reports` job against the local REST server (the real googleapis client, `scripts.run`
 * for what only the add-on holds): its report tabs equal the add-on's `refreshReports` cell for cell on
 * the same workbook, and a REST fault halfway is retried, or leaves tabs that the next run makes whole.
 */
import type { Server } from 'node:http';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { startRestServer } from '../../../src/local/rest/server';
import { injectRestFault } from '../../../src/local/rest/faults';
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import { sheetByName, spreadsheetData } from '../../../src/local/services/spreadsheet/model';
import { runReportsJob } from '../../../src/worker/reports';
import { connect } from '../../../src/worker/google';
import { sandboxFetch } from '../rest/node-fetch';

jest.setTimeout(60_000);

const REPORT_TABS = ['Report dipendenti', 'Report comuni', 'Report corsi', 'Bilancio'];
const NOW = new Date('2027-06-01T09:00:00+02:00');

function academy(): LocalAcademy {
  const a = LocalAcademy.fresh({ start: '2027-06-01T09:00:00+02:00' });
  prepareAcademy(a, { settings: { 'Anno formativo': 2027, 'Ore obiettivo annue': 10 } });
  const put = (tab: string, rows: Array<Record<string, unknown>>) =>
    hostAppendRecords(a.ws, a.spreadsheetId, tab, rows);
  put(
    'Comuni',
    [1, 2, 3].map((i) => ({
      'Codice ISTAT': `01900${i}`,
      Comune: `Comune ${i}`,
      'Email referente': `ref${i}@comune.it`,
      'Quota annuale (€)': 1000 * i,
      'Quota pagata': i !== 2,
    })),
  );
  const people = Array.from({ length: 30 }, (_, i) => ({
    ID: `D${String(i + 1).padStart(5, '0')}`,
    Nome: `Nome${i}`,
    Cognome: `Cognome${i}`,
    Email: `d${i}@comune.it`,
    Comune: i === 29 ? 'Comune 9' : `Comune ${(i % 3) + 1}`,
    Ruolo: 'Dipendente',
    Attivo: i % 7 !== 0,
  }));
  put('Dipendenti', people);
  put(
    'Corsi',
    ['EXC', 'GDPR'].map((code) => ({
      Codice: code,
      Titolo: `Corso ${code}`,
      Ore: 4,
      Modalità: 'Online',
      Posti: 30,
      'Costo (€)': 800,
      Stato: 'Concluso',
    })),
  );
  put(
    'Sessioni',
    ['EXC', 'GDPR'].map((code, i) => ({
      ID: `${code}-S1`,
      Corso: code,
      Data: new Date(`2027-0${3 + i}-10T00:00:00+01:00`),
      Inizio: '09:00',
      Fine: '13:00',
      Stato: 'Programmata',
    })),
  );
  put(
    'Iscrizioni',
    people.slice(0, 20).map((p, k) => ({
      ID: `I${String(k + 1).padStart(5, '0')}`,
      'Data richiesta': new Date('2027-02-01T10:00:00+01:00'),
      Corso: k % 2 === 0 ? 'EXC' : 'GDPR',
      Email: p.Email,
      Dipendente: p.ID,
      Stato: 'Confermata',
      Origine: 'Modulo',
    })),
  );
  put(
    'Presenze',
    people.slice(0, 20).map((p, k) => ({
      Sessione: k % 2 === 0 ? 'EXC-S1' : 'GDPR-S1',
      Corso: k % 2 === 0 ? 'EXC' : 'GDPR',
      Dipendente: p.ID,
      Email: p.Email,
      Presente: k % 3 !== 0,
    })),
  );
  put('Formazione esterna', [
    { Email: 'd1@comune.it', Titolo: 'Syllabus', Ore: 6, Data: new Date('2027-02-02T00:00:00+01:00') },
    { Email: 'd2@comune.it', Titolo: 'Syllabus', Ore: 6, Data: 46_500 },
  ]);
  return a;
}

/** What a report tab holds: values, number formats and notes, row by row, and its charts. */
function reportCells(a: LocalAcademy): unknown {
  const ss = spreadsheetData(a.ws, a.spreadsheetId);
  return REPORT_TABS.map((name) => {
    const sheet = sheetByName(ss, name);
    const rows = (sheet?.rows ?? []).map((r) =>
      (r ?? []).map((c) => (c ? [c.v instanceof Date ? c.v.toISOString() : c.v, c.nf ?? '', c.note ?? ''] : null)),
    );
    const blank = (row: unknown[]) =>
      row.every((c) => c === null || (c as unknown[]).every((x) => x === '' || x === null || x === undefined));
    while (rows.length > 0 && blank(rows[rows.length - 1] as unknown[])) rows.pop();
    const charts = (sheet?.charts ?? []).map((c) => ({ type: c.type, ranges: c.ranges, title: c.options.title }));
    return { name, rows, charts };
  });
}

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

async function serve(a: LocalAcademy): Promise<string> {
  const started = await startRestServer({
    ws: a.ws,
    script: { scriptId: '', hasFunction: (fn) => a.hasFunction(fn), run: (fn, args) => a.call(fn, args) },
  });
  server = started.server;
  return started.url;
}

describe('worker reports job', () => {
  it("writes the report tabs cell for cell as the add-on's refreshReports does, on the same workbook", async () => {
    const byAddOn = academy();
    expect(byAddOn.call('refreshReports').ok).toBe(true);
    const byWorker = academy();
    const api = await serve(byWorker);
    const result = await runReportsJob(connect({ api, fetchImplementation: sandboxFetch }), {
      spreadsheetId: byWorker.spreadsheetId,
      scriptId: 'academy',
      now: NOW,
    });
    expect(result).toMatchObject({ year: 2027, comuni: 3, courses: 2, leftOut: 2 });
    expect(reportCells(byWorker)).toEqual(reportCells(byAddOn));
  });

  it('retries a REST fault, and a run cut short leaves tabs the next run makes whole', async () => {
    const byAddOn = academy();
    byAddOn.call('refreshReports');
    byAddOn.edit('Dipendenti', { Comune: 'Comune 3' }, { Attivo: false });
    expect(byAddOn.call('refreshReports').ok).toBe(true);

    const byWorker = academy();
    const api = await serve(byWorker);
    const conn = connect({ api, fetchImplementation: sandboxFetch });
    const options = { spreadsheetId: byWorker.spreadsheetId, scriptId: 'academy', now: NOW, wait: async () => {} };
    await runReportsJob(conn, options);
    byWorker.edit('Dipendenti', { Comune: 'Comune 3' }, { Attivo: false });
    // A transient failure of the values write is retried within the run.
    injectRestFault(byWorker.ws, { api: 'sheets', status: 503, times: 1, when: 'before', match: /values:batchUpdate/ });
    // The clearing keeps failing: the run stops with the new values written over a longer report's rows.
    injectRestFault(byWorker.ws, { api: 'sheets', status: 500, times: 5, when: 'before', match: /values:batchClear/ });
    await expect(runReportsJob(conn, options)).rejects.toThrow();
    expect(reportCells(byWorker)).not.toEqual(reportCells(byAddOn));
    await runReportsJob(conn, options);
    expect(reportCells(byWorker)).toEqual(reportCells(byAddOn));
  });
});
