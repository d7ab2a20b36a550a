/**
 * A tab filled to its last row: Google refuses a range past the sheet's size (catalogue:
 * SHEETS-RANGE-BOUNDS), so the add-on's block writer adds the rows it needs and writes there, once; a
 * single row goes through `appendRow`, which grows the sheet itself (SHEETS-APPENDROW).
 */
import { spreadsheetGlobals } from '../../../src/local/services/spreadsheet';
import { lastFilledRowOf, sheetByName, spreadsheetData } from '../../../src/local/services/spreadsheet/model';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { academyWith, COMUNI, course, PEOPLE, publish, rows, SESSIONS, step } from '../enrollment/helpers';

jest.setTimeout(30_000);

const [first, second] = PEOPLE.map((p) => p.Email) as [string, string];

/** An academy with one enrollment, whose `Iscrizioni` staff cut right after it (no empty rows left). */
async function fullTab(): Promise<{ academy: LocalAcademy; maxRows: () => number; full: number }> {
  const academy = await academyWith({
    registry: {
      Comuni: COMUNI,
      Dipendenti: PEOPLE,
      Corsi: [course(), course({ Codice: 'WRD-BASE', Titolo: 'Word di base' })],
      Sessioni: [...SESSIONS, { ...SESSIONS[0], Corso: 'WRD-BASE' }],
    },
  });
  publish(academy);
  expect(step(academy, { do: 'submit', email: first, courses: ['EXC-BASE'] }).ok).toBe(true);
  const enrollments = sheetByName(spreadsheetData(academy.ws, academy.spreadsheetId), 'Iscrizioni');
  if (!enrollments) throw new Error('Iscrizioni is missing');
  const full = lastFilledRowOf(enrollments);
  spreadsheetGlobals(academy.ws)
    .SpreadsheetApp.openById(academy.spreadsheetId)
    .getSheetByName('Iscrizioni')
    ?.deleteRows(full + 1, enrollments.maxRows - full);
  expect(enrollments.maxRows).toBe(full);
  return { academy, maxRows: () => enrollments.maxRows, full };
}

test('an enrollment of several rows into a tab without free rows grows the tab by the rows it needs and lands right after the data', async () => {
  const { academy, maxRows, full } = await fullTab();
  const inserted = academy.ws.methodCounts['Spreadsheet.insertRowsAfter'] ?? 0;

  expect(step(academy, { do: 'submit', email: second, courses: ['EXC-BASE', 'WRD-BASE'] }).ok).toBe(true);

  expect((academy.ws.methodCounts['Spreadsheet.insertRowsAfter'] ?? 0) - inserted).toBe(1);
  expect(maxRows()).toBe(full + 2);
  expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Corso])).toEqual([
    [first, 'EXC-BASE'],
    [second, 'EXC-BASE'],
    [second, 'WRD-BASE'],
  ]);
});

test('a single enrollment into a tab without free rows is appended right after the data, with no rows inserted', async () => {
  const { academy, maxRows, full } = await fullTab();
  const inserted = academy.ws.methodCounts['Spreadsheet.insertRowsAfter'] ?? 0;
  const appended = academy.ws.methodCounts['Spreadsheet.appendRow'] ?? 0;

  expect(step(academy, { do: 'submit', email: second, courses: ['EXC-BASE'] }).ok).toBe(true);

  expect((academy.ws.methodCounts['Spreadsheet.insertRowsAfter'] ?? 0) - inserted).toBe(0);
  // One row of `Iscrizioni` and one of `Registro`.
  expect((academy.ws.methodCounts['Spreadsheet.appendRow'] ?? 0) - appended).toBe(2);
  expect(maxRows()).toBe(full + 1);
  expect(rows(academy, 'Iscrizioni').map((r) => r.Email)).toEqual([first, second]);
});
