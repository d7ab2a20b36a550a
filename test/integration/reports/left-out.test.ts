/**
 * A flagged row counts nowhere: an employee whose comune is misspelt (`Agnadelo`) makes up no comune in
 * `Report comuni` and takes no share of the costs, is not among the dashboard's figures, and the reports
 * and the dashboard say which rows they left out.
 */
import type { Dashboard } from '../../../src/gas/dashboard/types';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import { cellAt, sheetByName, spreadsheetData } from '../../../src/local/services/spreadsheet/model';

function rowsOf(academy: LocalAcademy, tab: string): Array<Record<string, unknown>> {
  const t = academy.readTab(tab);
  if (!t) throw new Error(`no tab ${tab}`);
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
}

function employee(n: number, comune: string): Record<string, unknown> {
  return {
    ID: `D0000${n}`,
    Nome: `Nome${n}`,
    Cognome: `Cognome${n}`,
    Email: `d${n}@comune.it`,
    Comune: comune,
    Ruolo: 'Dipendente',
    Attivo: true,
  };
}

function academy(): LocalAcademy {
  const a = LocalAcademy.fresh({ start: '2026-06-01T09:00:00+02:00' });
  const people = [employee(1, 'Agnadello'), employee(2, 'Crema'), employee(3, 'Agnadelo')];
  prepareAcademy(a, {
    settings: { 'Anno formativo': 2026 },
    registry: {
      Comuni: [
        { 'Codice ISTAT': '019001', Comune: 'Agnadello', 'Quota annuale (€)': 1000, 'Quota pagata': true },
        { 'Codice ISTAT': '019035', Comune: 'Crema', 'Quota annuale (€)': 3000, 'Quota pagata': true },
      ],
      Dipendenti: people,
      Corsi: [
        { Codice: 'EXC', Titolo: 'Excel', Ore: 4, Modalità: 'Online', Posti: 10, 'Costo (€)': 900, Stato: 'Concluso' },
      ],
      Sessioni: [{ Corso: 'EXC', Data: '2026-03-02', Inizio: '09:00', Fine: '13:00' }],
      Iscrizioni: people.map((p) => ({
        'Data richiesta': '2026-02-01T10:00:00+01:00',
        Corso: 'EXC',
        Email: p.Email,
        Dipendente: p.ID,
        Stato: 'Confermata',
        Origine: 'Manuale',
      })),
      Presenze: people.map((p) => ({
        Sessione: 'EXC-S1',
        Corso: 'EXC',
        Dipendente: p.ID,
        Email: p.Email,
        Presente: true,
        Ore: 4,
      })),
    },
  });
  return a;
}

describe('a flagged row counts nowhere in the reports', () => {
  it('an employee of an unknown comune makes up no comune and takes no cost share', () => {
    const a = academy();
    const result = a.call('refreshReports');
    expect(result.ok).toBe(true);
    const comuni = rowsOf(a, 'Report comuni');
    expect(comuni.map((c) => c.Comune)).toEqual(['Agnadello', 'Crema']);
    expect(comuni.map((c) => c['Quota costi (€)'])).toEqual([450, 450]);
    expect(rowsOf(a, 'Report dipendenti').map((e) => e.ID)).toEqual(['D00001', 'D00002']);
    expect(result.value).toMatchObject({
      skippedRows: 1,
      leftOut: [{ tab: 'Dipendenti', row: 4, message: 'Comune: «Agnadelo» non è nel foglio Comuni' }],
    });
    expect(String((result.value as { message: string }).message)).toContain(
      '1 riga da correggere non è stata conteggiata (Dipendenti riga 4)',
    );
  });

  it('each report tab notes which rows it left out, and the note goes once they are fixed', () => {
    const a = academy();
    a.call('refreshReports');
    const corner = () => {
      const sheet = sheetByName(spreadsheetData(a.ws, a.spreadsheetId), 'Report comuni');
      return sheet ? (cellAt(sheet, 1, 1)?.note ?? '') : 'no tab';
    };
    expect(corner()).toContain('Dipendenti riga 4');
    a.edit('Dipendenti', { ID: 'D00003' }, { Comune: 'Agnadello' });
    const fixed = a.call('refreshReports');
    expect(fixed.value).toMatchObject({ skippedRows: 0, leftOut: [] });
    expect(corner()).toBe('');
    expect(rowsOf(a, 'Report comuni').map((c) => c['Quota costi (€)'])).toEqual([600, 300]);
  });

  it('the summaries preview names the rows it leaves out too', () => {
    const a = academy();
    const preview = a.call('previewComuniSummaries').value as { message: string; leftOutRows: unknown[] };
    expect(preview.leftOutRows).toEqual([{ tab: 'Dipendenti', row: 4, message: expect.any(String) }]);
    expect(preview.message).toContain('Dipendenti riga 4');
  });

  it("the dashboard's figures leave the row out too, and say how many rows and which", () => {
    const a = academy();
    const dashboard = a.call('getDashboard').value as Dashboard;
    expect(dashboard.counts).toMatchObject({ employees: 2, activeEmployees: 2, comuni: 2 });
    expect(dashboard.leftOut).toEqual([
      { tab: 'Dipendenti', row: 4, message: 'Comune: «Agnadelo» non è nel foglio Comuni' },
    ]);
    expect(dashboard.leftOutText).toBe(
      '1 riga da correggere non è stata conteggiata (Dipendenti riga 4): vedi «Da correggere».',
    );
    a.edit('Dipendenti', { ID: 'D00003' }, { Comune: 'Agnadello' });
    const fixed = a.call('getDashboard').value as Dashboard;
    expect(fixed.counts.employees).toBe(3);
    expect(fixed.leftOut).toEqual([]);
    expect(fixed.leftOutText).toBe('');
  });

  it('reads the tabs through the Sheets API as getValues reads them: a number typed as a date is a row to fix, a date is not', () => {
    const a = academy();
    // Catalogue REST-SHEETS-VALUES: with serial numbers a date and a number look alike; the reports tell them apart.
    hostAppendRecords(a.ws, a.spreadsheetId, 'Formazione esterna', [
      { Email: 'd1@comune.it', Titolo: 'Syllabus', Ore: 3, Data: new Date('2026-04-02T00:00:00+02:00') },
      { Email: 'd2@comune.it', Titolo: 'Syllabus', Ore: 5, Data: 46_114 },
      { Email: 'd2@comune.it', Titolo: 'Syllabus', Ore: 2, Data: '2026-04-03' },
    ]);
    hostAppendRecords(a.ws, a.spreadsheetId, 'Presenze', [
      { Sessione: 'EXC-S1', Corso: 'EXC', Dipendente: 'D00002', Email: 'd2@comune.it', Presente: 'forse', Ore: 4 },
    ]);
    const result = a.call('refreshReports');
    const dashboard = a.call('getDashboard').value as Dashboard;
    expect(result.ok).toBe(true);
    const leftOut = (result.value as { leftOut: Array<{ tab: string; row: number }> }).leftOut;
    expect(leftOut.map((l) => `${l.tab} ${l.row}`)).toEqual(['Presenze 5', 'Formazione esterna 3', 'Dipendenti 4']);
    expect(leftOut).toEqual(dashboard.leftOut);
    expect(rowsOf(a, 'Report dipendenti').map((e) => [e.ID, e['Ore anno']])).toEqual([
      ['D00001', 7],
      ['D00002', 6],
    ]);
  });
});
