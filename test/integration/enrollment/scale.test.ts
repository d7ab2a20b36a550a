/**
 * One submission costs a constant number of Apps Script calls whatever the registry's size: pinned at
 * the reference scale (1,000 employees, a year of enrollments) and at ten times that.
 */
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { academyWith, callsOf, publish, rows, step } from './helpers';

jest.setTimeout(100_000);

const COMUNI = 50;
const COURSES = 60;

function bigAcademy(academy: LocalAcademy, employees: number): void {
  const comuni = Array.from({ length: COMUNI }, (_, i) => ({
    'Codice ISTAT': String(19001 + i).padStart(6, '0'),
    Comune: `Comune ${i + 1}`,
    Provincia: 'CR',
    'Quota pagata': true,
  }));
  const people = Array.from({ length: employees }, (_, i) => ({
    ID: `D${String(i + 1).padStart(5, '0')}`,
    Nome: `Nome${i}`,
    Cognome: `Cognome${i}`,
    Email: `dip${i}@comune${i % COMUNI}.example.it`,
    Comune: `Comune ${(i % COMUNI) + 1}`,
    Ruolo: 'Dipendente',
    Attivo: true,
  }));
  const courses = Array.from({ length: COURSES }, (_, i) => ({
    Codice: `C${String(i + 1).padStart(2, '0')}`,
    Titolo: `Corso ${i + 1}`,
    Ore: 6,
    Modalità: 'Online',
    // Exactly the confirmed rows below: every course is full.
    Posti: Math.floor((employees * 4 - i - 1) / COURSES) + 1,
    Stato: 'Iscrizioni aperte',
  }));
  const sessions = courses.flatMap((c, i) =>
    [0, 1, 2, 3].map((k) => ({
      ID: `${c.Codice}-S${k + 1}`,
      Corso: c.Codice,
      Data: `2027-${String(3 + (i % 8)).padStart(2, '0')}-${String(2 + k * 7).padStart(2, '0')}`,
      Inizio: '09:00',
      Fine: '12:00',
      Stato: 'Programmata',
    })),
  );
  const base = Date.parse('2027-01-10T09:00:00+01:00');
  const enrollments = Array.from({ length: employees * 4 }, (_, i) => ({
    ID: `I${String(i + 1).padStart(5, '0')}`,
    'Data richiesta': new Date(base + i * 60_000),
    Corso: courses[i % COURSES]?.Codice ?? 'C01',
    Email: people[Math.floor(i / 4)]?.Email ?? '',
    Dipendente: people[Math.floor(i / 4)]?.ID ?? '',
    Stato: 'Confermata',
    Origine: 'Modulo',
    'ID risposta': `old-${i}`,
  }));
  for (const [tab, records] of [
    ['Comuni', comuni],
    ['Dipendenti', people],
    ['Corsi', courses],
    ['Sessioni', sessions],
    ['Iscrizioni', enrollments],
  ] as const) {
    hostAppendRecords(academy.ws, academy.spreadsheetId, tab, records as Array<Record<string, unknown>>);
  }
}

// catalogue: REST-SHEETS-GRID-DATA, SHEETS-REST-PENDING-WRITES (the reads of a submission through the API)
describe.each([1_000, 10_000])('one submission with %i employees', (employees) => {
  test('costs the same Spreadsheet calls and one mail at any size; a cancellation with promotion a bounded number and two mails', async () => {
    const academy = await academyWith({ registry: {} });
    bigAcademy(academy, employees);
    publish(academy);
    const last = employees - 1;
    const someone = `dip${last}@comune${last % COMUNI}.example.it`;
    const readsBefore = academy.ws.methodCounts['Spreadsheet.spreadsheets.get'] ?? 0;
    const appendsBefore = academy.ws.methodCounts['Spreadsheet.appendRow'] ?? 0;
    const rowReadsBefore = academy.ws.methodCounts['Spreadsheet.getSheetValues'] ?? 0;
    const enroll = callsOf(academy, () =>
      expect(step(academy, { do: 'submit', email: someone, courses: ['C01'] }).ok).toBe(true),
    );
    expect(rows(academy, 'Iscrizioni').at(-1)).toMatchObject({
      Email: someone,
      Stato: 'In attesa',
      'Posizione attesa': 1,
    });
    // The sender's rows are found with a TextFinder and the course counts come from the tally: the same
    // 11 calls at 1,000 and 10,000 employees, none of them moving a whole tab (see bench enroll@10k):
    // the sender's ID comes from the map of `Dipendenti` rows publication wrote, so the `Iscrizioni` search
    // needs no read first; the settings, the headers, the sender's `Dipendenti` row (which proves the map),
    // the found rows of `Iscrizioni`, `Corsi`, `Sessioni`, the tally's last row and the submit event's
    // time come in one Sheets API `spreadsheets.get` of their grid data, and the request's
    // row and the log's are one `appendRow` each; of Forms only the listing that ties the event to its
    // response.
    expect(enroll.Spreadsheet).toBe(11);
    expect((academy.ws.methodCounts['Spreadsheet.getSheetValues'] ?? 0) - rowReadsBefore).toBe(0);
    expect((academy.ws.methodCounts['Spreadsheet.appendRow'] ?? 0) - appendsBefore).toBe(2);
    expect(academy.ws.methodCounts['Spreadsheet.spreadsheets.get'] - readsBefore).toBe(1);
    expect(enroll.Forms).toBe(4);
    expect(enroll.Mail).toBe(1);
    const sentBefore = academy.ws.methodCounts['Mail.sendEmail'] ?? 0;
    const cancel = callsOf(academy, () =>
      expect(
        step(academy, { do: 'submit', email: 'dip0@comune0.example.it', courses: ['C01'], action: 'Annullamento' }).ok,
      ).toBe(true),
    );
    expect(rows(academy, 'Iscrizioni').at(-1)).toMatchObject({
      Email: someone,
      Stato: 'Confermata',
      'Posizione attesa': '',
    });
    // A freed seat goes to someone the slice did not read: the run reads the whole tab after trying.
    expect(cancel.Spreadsheet).toBeLessThanOrEqual(40);
    expect((academy.ws.methodCounts['Mail.sendEmail'] ?? 0) - sentBefore).toBe(2);
    expect(rows(academy, 'Iscrizioni').length).toBe(employees * 4 + 1);
  });
});
