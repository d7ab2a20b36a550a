import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { prepareAcademy, runScenario } from '../../../src/local/scenario/runner';
import { parseScenario } from '../../../src/local/scenario/schema';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { snapshotMail } from '../../../src/local/services/mail';
import { propertiesService, scriptPropertiesOf } from '../../../src/local/services/script/properties';
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import { sheetByName, spreadsheetData } from '../../../src/local/services/spreadsheet/model';

const FIXTURE = resolve(__dirname, '../../fixtures/scenarios/attendance-and-certificates.json');
const START = '2027-06-01T09:00:00+02:00';

function rowsOf(academy: LocalAcademy, tab: string): Array<Record<string, unknown>> {
  const t = academy.readTab(tab);
  if (!t) throw new Error(`no tab ${tab}`);
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
}

function sheetData(academy: LocalAcademy, tab: string) {
  const sheet = sheetByName(spreadsheetData(academy.ws, academy.spreadsheetId), tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return sheet;
}

interface Size {
  employees: number;
  comuni: number;
}

/** A year of the consortium at a given size, typed straight into the tabs (IDs given, no trigger). */
function academyOfSize(size: Size): LocalAcademy {
  const academy = LocalAcademy.fresh({ start: START });
  prepareAcademy(academy, { settings: { 'Anno formativo': 2027, 'Ore obiettivo annue': 40 } });
  const put = (tab: string, rows: Array<Record<string, unknown>>) =>
    hostAppendRecords(academy.ws, academy.spreadsheetId, tab, rows);
  const comuni = Array.from({ length: size.comuni }, (_, i) => ({
    'Codice ISTAT': String(19001 + i).padStart(6, '0'),
    Comune: `Comune ${i + 1}`,
    'Email referente': `ref${i + 1}@comune.it`,
    'Quota annuale (€)': 1000,
    'Quota pagata': i % 3 !== 0,
  }));
  put('Comuni', comuni);
  const employees = Array.from({ length: size.employees }, (_, i) => ({
    ID: `D${String(i + 1).padStart(5, '0')}`,
    Nome: `Nome${i}`,
    Cognome: `Cognome${i}`,
    Email: `d${i}@comune.it`,
    Comune: `Comune ${(i % size.comuni) + 1}`,
    Ruolo: 'Dipendente',
    Attivo: true,
  }));
  put('Dipendenti', employees);
  const courses = Array.from({ length: 60 }, (_, c) => ({
    Codice: `C${c + 1}`,
    Titolo: `Corso ${c + 1}`,
    Ore: 4,
    Modalità: 'Online',
    Posti: Math.ceil(size.employees / 15),
    'Costo (€)': 500,
    Stato: 'Concluso',
  }));
  put('Corsi', courses);
  put(
    'Sessioni',
    courses.flatMap((c) =>
      [1, 2].map((s) => ({
        ID: `${c.Codice}-S${s}`,
        Corso: c.Codice,
        Data: `2027-0${s + 2}-10`,
        Inizio: '09:00',
        Fine: '11:00',
        Stato: 'Programmata',
      })),
    ),
  );
  const enrollments = employees.flatMap((e, i) => [i % 60, (i + 7) % 60].map((c) => ({ c, e })));
  put(
    'Iscrizioni',
    enrollments.map(({ c, e }, k) => ({
      ID: `I${String(k + 1).padStart(5, '0')}`,
      'Data richiesta': '2027-02-01T10:00:00+01:00',
      Corso: `C${c + 1}`,
      Email: e.Email,
      Dipendente: e.ID,
      Stato: 'Confermata',
      Origine: 'Modulo',
    })),
  );
  put(
    'Presenze',
    enrollments.flatMap(({ c, e }, k) =>
      [1, 2].map((s) => ({
        Sessione: `C${c + 1}-S${s}`,
        Corso: `C${c + 1}`,
        Dipendente: e.ID,
        Email: e.Email,
        Presente: (k + s) % 4 !== 0,
      })),
    ),
  );
  put(
    'Formazione esterna',
    employees
      .filter((_, i) => i % 5 === 0)
      .map((e) => ({ Email: e.Email, Titolo: 'Syllabus', Ente: 'Dipartimento', Ore: 6, Data: '2027-02-02' })),
  );
  return academy;
}

function measuredRun(academy: LocalAcademy, fn: string): { counts: Record<string, number>; elapsedMs: number } {
  academy.ws.resetCounts();
  const result = academy.call(fn);
  if (!result.ok) throw new Error(result.error);
  return { counts: { ...academy.ws.methodCounts }, elapsedMs: result.elapsedMs };
}

describe('refreshReports', () => {
  it('ends the attendance-and-certificates scenario with Sara 4 hours, Paolo 2, Pandino 6 hours and 2 trained', () => {
    const scenario = parseScenario(readFileSync(FIXTURE, 'utf8'));
    const snapshot = runScenario(scenario);
    const last = snapshot.results[snapshot.results.length - 1];
    expect(last?.ok).toBe(true);
    const employees = snapshot.sheets['Report dipendenti']?.rows ?? [];
    expect(employees.map((r) => [r.Nome, r['Ore anno'], r['Ore mancanti'], r['Obiettivo raggiunto']])).toEqual([
      ['Sara', 4, 36, false],
      ['Paolo', 2, 38, false],
    ]);
    const comuni = snapshot.sheets['Report comuni']?.rows ?? [];
    expect(comuni).toEqual([
      expect.objectContaining({
        Comune: 'Pandino',
        Dipendenti: 2,
        'Dipendenti formati': 2,
        'Ore totali': 6,
        'Ore medie per dipendente': 3,
        'Quota pagata': true,
      }),
    ]);
    expect(snapshot.sheets['Report corsi']?.rows[0]).toMatchObject({
      Codice: 'GDPR-BASE',
      Confermate: 2,
      'Frequenza media %': 0.75,
      Attestati: 1,
    });
    expect(snapshot.sheets.Bilancio?.rows.map((r) => r.Voce)).toEqual([
      'Quote dovute',
      'Quote incassate',
      'Costi corsi',
      'Saldo',
      'Costo per ora-partecipante',
    ]);
  });

  it('formats numbers for Italian readers and keeps one chart per report tab across refreshes', () => {
    const academy = academyOfSize({ employees: 40, comuni: 4 });
    expect(academy.call('refreshReports').ok).toBe(true);
    expect(academy.call('refreshReports').ok).toBe(true);
    const charts = ['Report dipendenti', 'Report comuni', 'Report corsi', 'Bilancio'].map((t) =>
      sheetData(academy, t).charts.map((c) => c.type),
    );
    expect(charts).toEqual([[], ['COLUMN'], ['BAR'], ['COLUMN']]);
    expect(sheetData(academy, 'Report comuni').charts[0]?.ranges).toEqual([
      { sheetName: 'Report comuni', a1: 'A1:A5' },
      { sheetName: 'Report comuni', a1: 'E1:E5' },
    ]);
    const comuni = sheetData(academy, 'Report comuni');
    expect(comuni.rows[1]?.[5]?.nf).toBe('0%');
    expect(comuni.rows[1]?.[6]?.nf).toBe('#,##0.00 "€"');
    expect(sheetData(academy, 'Report dipendenti').rows[1]?.[4]?.nf).toBe('0.0');
    expect(typeof rowsOf(academy, 'Report comuni')[0]?.['% obiettivo raggiunto']).toBe('number');
  });

  it('clears the rows of a longer previous report', () => {
    const academy = academyOfSize({ employees: 40, comuni: 4 });
    academy.call('refreshReports');
    academy.edit('Dipendenti', { Comune: 'Comune 4' }, { Attivo: false });
    academy.edit('Presenze', { Presente: true }, { Presente: false });
    academy.call('refreshReports');
    // 10 of 40 left; 2 of them (D00016, D00036) stay: inactive, but their external training counts in the year.
    const employees = rowsOf(academy, 'Report dipendenti');
    expect(employees).toHaveLength(32);
    expect(employees.every((r) => r['Corsi frequentati'] === 0)).toBe(true);
    expect(rowsOf(academy, 'Report comuni')).toHaveLength(4);
  });

  it('reads the source tabs together and writes the report tabs together, the same calls at 1,000 and 10,000 employees', () => {
    const sheets = (counts: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(counts).filter(([k]) => k.startsWith('Spreadsheet.') && k !== 'Spreadsheet.values.batchGet'),
      );
    const smallAcademy = academyOfSize({ employees: 1000, comuni: 50 });
    const largeAcademy = academyOfSize({ employees: 10_000, comuni: 50 });
    const { counts: small } = measuredRun(smallAcademy, 'refreshReports');
    const { counts: large, elapsedMs } = measuredRun(largeAcademy, 'refreshReports');
    expect(sheets(large)).toEqual(sheets(small));
    // Through SpreadsheetApp only Impostazioni and the Registro header (the log's flush) are read and
    // the Registro line appended (one `appendRow`); the 8 source tabs come through the Sheets API: their headers in one
    // request, then their rows cut into requests of about the same size sent together (one fetchAll),
    // as many at 10,000 employees as `fetchAll` runs side by side, plus the date columns' second reading.
    expect(small['Spreadsheet.getSheetValues']).toBe(2);
    expect(small['Spreadsheet.appendRow']).toBe(1);
    expect(small['Spreadsheet.setValues'] ?? 0).toBe(0);
    for (const counts of [small, large]) {
      expect(counts['Spreadsheet.values.batchGet']).toBeLessThanOrEqual(1 + 12);
      expect(counts['UrlFetch.fetch']).toBe(counts['Spreadsheet.values.batchGet'] + 2);
      // The 4 report tabs: one values.batchUpdate, one spreadsheets.batchUpdate (formats, notes).
      expect(counts['Spreadsheet.values.batchUpdate']).toBe(1);
      expect(counts['Spreadsheet.spreadsheets.batchUpdate']).toBe(1);
    }
    // Emulated time (the latency model): one execution, far from the 6-minute limit.
    expect(elapsedMs).toBeLessThan(60_000);
    // The summaries read the same tabs once; their mail work depends on the comuni, not the employees
    // (at 10,000 the 50 long summaries overflow the outbox's budget: it is drained and refilled).
    const summariesSmall = measuredRun(smallAcademy, 'sendComuniSummaries').counts;
    const summariesLarge = measuredRun(largeAcademy, 'sendComuniSummaries').counts;
    expect(sheets(summariesLarge)).toEqual(sheets(summariesSmall));
    expect(summariesLarge['Mail.sendEmail']).toBe(summariesSmall['Mail.sendEmail']);
  }, 120_000);
});

describe('sendComuniSummaries', () => {
  it('mails each referent once a month, HTML-escaped, and what the quota blocks goes later', () => {
    const academy = academyOfSize({ employees: 12, comuni: 3 });
    academy.quota(2);
    const first = academy.call('sendComuniSummaries');
    expect(first.ok).toBe(true);
    expect(first.value).toMatchObject({ period: '2027-06', queued: 3, sent: 2, pending: 1 });
    const second = academy.call('sendComuniSummaries');
    expect(second.value).toMatchObject({ queued: 0, alreadySent: 3 });
    expect(snapshotMail(academy.ws)).toHaveLength(2);
    academy.advance(24 * 60);
    academy.call('sendComuniSummaries');
    const mails = snapshotMail(academy.ws);
    expect(mails.map((m) => m.to).sort()).toEqual(['ref1@comune.it', 'ref2@comune.it', 'ref3@comune.it']);
    expect(mails[0]?.subject).toBe('Formazione 2027: riepilogo del Comune di Comune 1 (giugno 2027)');
    expect(mails[0]?.body).toContain("CHI NON HA ANCORA RAGGIUNTO L'OBIETTIVO");
    expect(mails[0]?.body).toMatch(/Cognome0 Nome0: \d+(,\d)? ore svolte, ne mancano/);
  });

  it('is previewed first: who receives which mail, who gets none and why, and nothing is sent', () => {
    const academy = academyOfSize({ employees: 12, comuni: 3 });
    hostAppendRecords(academy.ws, academy.spreadsheetId, 'Comuni', [
      { 'Codice ISTAT': '019999', Comune: 'Senza referente', 'Quota annuale (€)': 500 },
    ]);
    const preview = academy.call('previewComuniSummaries');
    expect(preview.value).toMatchObject({
      period: '2027-06',
      recipients: [
        { comune: 'Comune 1', to: 'ref1@comune.it', alreadySent: false },
        { comune: 'Comune 2', to: 'ref2@comune.it', alreadySent: false },
        { comune: 'Comune 3', to: 'ref3@comune.it', alreadySent: false },
      ],
      leftOut: [{ comune: 'Senza referente', reason: 'nessuna «Email referente» in Comuni' }],
      message:
        '3 riepiloghi di giugno 2027 da inviare, uno per referente di comune. 1 comuni senza riepilogo (motivo accanto al nome).',
    });
    expect(snapshotMail(academy.ws)).toHaveLength(0);
    academy.call('sendComuniSummaries');
    const after = academy.call('previewComuniSummaries').value as { recipients: Array<{ alreadySent: boolean }> };
    expect(after.recipients.every((r) => r.alreadySent)).toBe(true);
  });

  it('writes its Registro line before the first referent receives a summary', () => {
    const academy = academyOfSize({ employees: 12, comuni: 3 });
    const logged = (): number => rowsOf(academy, 'Registro').filter((r) => r.Azione === 'Riepilogo comuni').length;
    const gate = academy.ws.call.bind(academy.ws);
    const atFirstSend: number[] = [];
    academy.ws.call = (service, method, cells) => {
      if (service === 'Mail' && method === 'sendEmail' && atFirstSend.length === 0) atFirstSend.push(logged());
      gate(service, method, cells);
    };
    expect(academy.call('sendComuniSummaries').value).toMatchObject({ queued: 3, sent: 3 });
    expect(atFirstSend).toEqual([1]);
  });

  it('records each summary queued in Registro under its dedupe key, and skips a comune whose key is there', () => {
    const academy = academyOfSize({ employees: 12, comuni: 3 });
    // A summary recorded by the worker (or an earlier run) for Comune 2 this month: nobody sends it again.
    hostAppendRecords(academy.ws, academy.spreadsheetId, 'Registro', [
      {
        Quando: '2027-06-01 08:00',
        Chi: 'worker@consorzio.example.it',
        Azione: 'Riepilogo inviato',
        Dettagli: 'summary:019002:2027-06 a ref2@comune.it (Comune 2)',
      },
    ]);
    const run = academy.call('sendComuniSummaries');
    expect(run.value).toMatchObject({ queued: 2, alreadySent: 1, sent: 2 });
    expect(
      snapshotMail(academy.ws)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['ref1@comune.it', 'ref3@comune.it']);
    const lines = rowsOf(academy, 'Registro').filter((r) => r.Azione === 'Riepilogo accodato');
    expect(lines.map((r) => r.Dettagli)).toEqual([
      'summary:019001:2027-06 a ref1@comune.it (Comune 1)',
      'summary:019003:2027-06 a ref3@comune.it (Comune 3)',
    ]);
    expect(academy.call('previewComuniSummaries').value).toMatchObject({
      recipients: [{ alreadySent: true }, { alreadySent: true }, { alreadySent: true }],
    });
  });

  it('honours a month half-sent under the old Script Property and moves it into Registro', () => {
    const academy = academyOfSize({ employees: 12, comuni: 3 });
    const props = propertiesService(academy.ws) as {
      getScriptProperties(): { setProperty(k: string, v: string): unknown };
    };
    props
      .getScriptProperties()
      .setProperty('a4pa.reports.summaries', JSON.stringify({ period: '2027-06', done: ['019001'] }));
    const run = academy.call('sendComuniSummaries');
    expect(run.value).toMatchObject({ queued: 2, alreadySent: 1 });
    expect(
      snapshotMail(academy.ws)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['ref2@comune.it', 'ref3@comune.it']);
    expect(scriptPropertiesOf(academy.ws)['a4pa.reports.summaries']).toBeUndefined();
    const keys = rowsOf(academy, 'Registro')
      .filter((r) => r.Azione === 'Riepilogo accodato')
      .map((r) => String(r.Dettagli).split(' ')[0]);
    expect(keys.sort()).toEqual(['summary:019001:2027-06', 'summary:019002:2027-06', 'summary:019003:2027-06']);
    expect(academy.call('sendComuniSummaries').value).toMatchObject({ queued: 0, alreadySent: 3 });
    expect(snapshotMail(academy.ws)).toHaveLength(2);
  });

  it("answers the worker's getWorkerContext for staff only, moving a half-sent month into Registro first", () => {
    const academy = academyOfSize({ employees: 4, comuni: 1 });
    const props = propertiesService(academy.ws) as {
      getScriptProperties(): { setProperty(k: string, v: string): unknown };
    };
    props
      .getScriptProperties()
      .setProperty('a4pa.reports.summaries', JSON.stringify({ period: '2027-06', done: ['019001'] }));
    const request = { istats: ['019001'], period: '2027-06' };
    const intruder = academy.call('getWorkerContext', [request], 'intruso@example.com');
    expect(intruder.error).toContain('Operazione non consentita');
    const staff = academy.call('getWorkerContext', [request]);
    // The comune's signed page link (45 days from 1 June), and nothing archived or scored yet.
    expect(staff.value).toEqual({
      pageLinks: { '019001': { url: expect.stringContaining('?comune=c.019001.1.'), validUntil: '15/07/2027' } },
      pastYears: [],
      feedback: [],
    });
    expect(rowsOf(academy, 'Registro').filter((r) => r.Azione === 'Riepilogo accodato')).toMatchObject([
      { Dettagli: 'summary:019001:2027-06 (registrato dalla versione precedente)' },
    ]);
    expect(scriptPropertiesOf(academy.ws)['a4pa.reports.summaries']).toBeUndefined();
  });

  it('sends again in a new month', () => {
    const academy = academyOfSize({ employees: 4, comuni: 1 });
    academy.call('sendComuniSummaries');
    academy.call('sendComuniSummaries');
    expect(snapshotMail(academy.ws)).toHaveLength(1);
    academy.advance(31 * 24 * 60);
    const july = academy.call('sendComuniSummaries');
    expect(july.value).toMatchObject({ period: '2027-07', queued: 1 });
    expect(snapshotMail(academy.ws)).toHaveLength(2);
  });

  it('refuses someone who is not staff', () => {
    const academy = academyOfSize({ employees: 4, comuni: 1 });
    const result = academy.call('sendComuniSummaries', [], 'intruso@example.com');
    expect(result.ok).toBe(false);
    expect(result.error).toContain('Operazione non consentita');
    expect(snapshotMail(academy.ws)).toHaveLength(0);
  });
});
