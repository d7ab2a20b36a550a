/**
 * Submissions on a big `Iscrizioni` read only their sender's rows (TextFinder on the key columns, the
 * per-course tally for the rest): the soak's invariants hold as they do when every run reads the whole
 * tab, through duplicates, cancellations, staff edits and faults.
 */
import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy, runStep } from '../../../src/local/scenario/runner';
import { enrollmentFormId } from '../../../src/local/scenario/submit';
import { seededRandom } from '../../../src/local/runtime/random';
import { hostAppendRecords, spreadsheetGlobals } from '../../../src/local/services/spreadsheet';
import type { ContractService } from '../../../src/local/runtime/latency';
import {
  COMUNI,
  expectEnrollmentInvariants,
  numberedEmployees,
  openCourses,
  publish,
  randomTraffic,
  rows,
  syncCalendar,
} from '../reliability/helpers';

jest.setTimeout(110_000);

const COURSES = Array.from({ length: 6 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
const EMPLOYEES = numberedEmployees(40);
/** Last year's rows of a closed course: enough rows that a submission reads only its sender's. */
const OLD_ROWS = 2100;
const SERVICES: ContractService[] = ['Spreadsheet', 'Forms', 'Calendar', 'Mail'];
const SUBMISSIONS = 90;

async function bigAcademy(seats: Map<string, number>): Promise<LocalAcademy> {
  const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
  const courses = openCourses(seats);
  await prepareAcademy(academy, {
    settings: {},
    registry: {
      Comuni: COMUNI,
      Dipendenti: EMPLOYEES,
      Corsi: [
        ...courses.Corsi,
        { Codice: 'OLD', Titolo: 'Corso passato', Ore: 4, Modalità: 'Online', Posti: 10, Stato: 'Concluso' },
      ],
      Sessioni: courses.Sessioni,
    },
  });
  hostAppendRecords(
    academy.ws,
    academy.spreadsheetId,
    'Iscrizioni',
    Array.from({ length: OLD_ROWS }, (_, i) => ({
      ID: `I${String(i + 1).padStart(5, '0')}`,
      'Data richiesta': new Date(Date.parse('2026-03-01T09:00:00+01:00') + i * 60_000),
      Corso: 'OLD',
      Email: `ex${i}@comune.crema.cr.it`,
      Stato: 'Annullata',
      Origine: 'Modulo',
      'ID risposta': `old-${i}`,
    })),
  );
  publish(academy);
  syncCalendar(academy);
  return academy;
}

describe('submissions on a big registry', () => {
  test('read their sender’s rows and keep every invariant of the soak', async () => {
    const random = seededRandom(20270315);
    const seats = new Map(COURSES.map((c) => [c, 2 + Math.floor(random() * 4)]));
    const academy = await bigAcademy(seats);
    academy.ws.resetCounts();

    const { requested } = randomTraffic(academy, {
      random,
      submissions: SUBMISSIONS,
      employees: EMPLOYEES,
      courses: COURSES,
      maxCourses: 2,
      unknownRate: 0.05,
      cancelRate: 0.15,
      faultRate: 0.08,
      faultServices: SERVICES,
      faultMessages: ['Service unavailable'],
      maxFaultTimes: 2,
      maxMinutes: 10,
    });
    // Most submissions were decided from their sender's rows: the TextFinder ran for them.
    expect(academy.ws.methodCounts['Spreadsheet.findAll'] ?? 0).toBeGreaterThan(SUBMISSIONS);
    academy.ws.faults.splice(0);
    academy.advance(180);
    syncCalendar(academy);

    expectEnrollmentInvariants(academy, requested, seats);
    expect(rows(academy, 'Iscrizioni').length).toBeGreaterThan(OLD_ROWS);
  });

  // catalogue: REST-SHEETS-GRID-DATA (the tab read from the tally's last row down)
  test('a submission after rows were added without a run reads the whole tab: the seats they took count', async () => {
    const academy = await bigAcademy(new Map(COURSES.map((c) => [c, 2])));
    // Two seats of C01 taken by rows no run wrote (pasted by staff, say): the tally still counts none.
    hostAppendRecords(
      academy.ws,
      academy.spreadsheetId,
      'Iscrizioni',
      [1, 2].map((k) => ({
        ID: `I0900${k}`,
        'Data richiesta': new Date(Date.parse('2027-01-20T09:00:00+01:00') + k * 60_000),
        Corso: 'C01',
        Email: String(EMPLOYEES[k]?.Email),
        Stato: 'Confermata',
        Origine: 'Manuale',
      })),
    );
    const sender = String(EMPLOYEES[0]?.Email);
    const wholeReadsBefore = academy.ws.methodCounts['Spreadsheet.getSheetValues'] ?? 0;
    expect(runStep(academy, { do: 'submit', email: sender, courses: ['C01'] }, 0).ok).toBe(true);
    expect(rows(academy, 'Iscrizioni').filter((r) => r.Email === sender && r.Corso === 'C01')).toEqual([
      expect.objectContaining({ Stato: 'In attesa', 'Posizione attesa': 1 }),
    ]);
    // The slice's API reads found the tab longer than the tally said, and the run read the tabs instead.
    expect((academy.ws.methodCounts['Spreadsheet.getSheetValues'] ?? 0) - wholeReadsBefore).toBeGreaterThan(3);
  });

  // catalogue: FORMS-SUBMIT-EVENT, FORMS-SUBMIT-TWICE, FORMS-DESTINATION-ROW (the event's time read with the slice)
  test('an earlier response’s event firing again while the sender’s next response waits processes the waiting one', async () => {
    const academy = await bigAcademy(new Map(COURSES.map((c) => [c, 3])));
    const sender = String(EMPLOYEES[0]?.Email);
    const first = runStep(academy, { do: 'submit', email: sender, courses: ['C01'] }, 0);
    expect(first.ok).toBe(true);
    const firstId = String((first.value as { responseId: string }).responseId);
    // The next response's run fails before it reads anything: it waits after the watermark.
    academy.ws.injectFault('Lock', 1, 'Lock timeout: another process was holding the lock for too long.');
    runStep(academy, { do: 'submit', email: sender, courses: ['C02'] }, 1);
    const readsBefore = academy.ws.methodCounts['Spreadsheet.spreadsheets.get'] ?? 0;
    // The first response's event again: same sender, but its row's time is not the waiting response's.
    const again = academy.runtime.fireFormSubmit(enrollmentFormId(academy), firstId);
    expect(again.every((r) => r.ok)).toBe(true);
    expect((academy.ws.methodCounts['Spreadsheet.spreadsheets.get'] ?? 0) - readsBefore).toBeGreaterThan(0);
    const mine = rows(academy, 'Iscrizioni').filter((r) => r.Email === sender);
    expect(mine.map((r) => [r.Corso, r.Stato])).toEqual([
      ['C01', 'Confermata'],
      ['C02', 'Confermata'],
    ]);
  });

  test('a row staff inserted above the sender in Dipendenti sends one run to the whole tabs, which decides by the real ID and writes the map again', async () => {
    const academy = await bigAcademy(new Map(COURSES.map((c) => [c, 5])));
    const sheet = spreadsheetGlobals(academy.ws)
      .SpreadsheetApp.openById(academy.spreadsheetId)
      .getSheetByName('Dipendenti');
    if (!sheet) throw new Error('no Dipendenti');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const newcomer = header.map((h) =>
      h === 'ID' ? 'D00900' : h === 'Email' ? 'nuova.arrivata@comune.crema.cr.it' : h === 'Attivo' ? true : '',
    );
    const idOf = (email: string): unknown => rows(academy, 'Dipendenti').find((r) => r.Email === email)?.ID;
    const submitted = (email: string, course: string): number => {
      const before = academy.ws.methodCounts['Spreadsheet.getSheetValues'] ?? 0;
      expect(runStep(academy, { do: 'submit', email, courses: [course] }, 0).ok).toBe(true);
      return (academy.ws.methodCounts['Spreadsheet.getSheetValues'] ?? 0) - before;
    };
    const first = String(EMPLOYEES[5]?.Email);
    // The sender enrolled in C01 under an address since changed: the row keeps the ID, and only the ID finds it.
    hostAppendRecords(academy.ws, academy.spreadsheetId, 'Iscrizioni', [
      {
        ID: 'I09001',
        'Data richiesta': new Date(Date.parse('2027-01-20T09:00:00+01:00')),
        Corso: 'C01',
        Email: 'vecchio.indirizzo@comune.crema.cr.it',
        Dipendente: idOf(first),
        Stato: 'Confermata',
        Origine: 'Manuale',
      },
    ]);
    // Publishing again reads every row: the tally counts that row, and the map is the tab's before the insertion.
    publish(academy);
    // Every row below the inserted one moves down: the map's row of each sender now holds another person's ID.
    sheet.insertRowBefore(2);
    sheet.getRange(2, 1, 1, newcomer.length).setValues([newcomer]);
    expect(submitted(first, 'C01')).toBeGreaterThan(3);
    const second = String(EMPLOYEES[6]?.Email);
    expect(submitted(second, 'C02')).toBe(0);
    expect(
      rows(academy, 'Iscrizioni')
        .filter((r) => r.Email === first || r.Email === second)
        .map((r) => [r.Email, r.Corso, r.Dipendente, r.Stato]),
    ).toEqual([[second, 'C02', idOf(second), 'Confermata']]);
    // The request found the old-address row by the sender's real ID: a repeated request, no second row.
    const firstId = idOf(first);
    expect(rows(academy, 'Iscrizioni').filter((r) => r.Dipendente === firstId)).toHaveLength(1);
  });
});
