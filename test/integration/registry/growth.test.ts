/**
 * A tab filled to its last row: Google refuses a range past the sheet's size (catalogue:
 * SHEETS-RANGE-BOUNDS), so the add-on's block writer adds the rows it needs and writes there, once.
 */
import { spreadsheetGlobals } from '../../../src/local/services/spreadsheet';
import { lastFilledRowOf, sheetByName, spreadsheetData } from '../../../src/local/services/spreadsheet/model';
import { academyWith, COMUNI, course, PEOPLE, publish, rows, SESSIONS, step } from '../enrollment/helpers';

jest.setTimeout(30_000);

test('an enrollment into a tab without free rows grows the tab by the rows it needs and lands right after the data', async () => {
  const academy = await academyWith({
    registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
  });
  publish(academy);
  const first = PEOPLE[0]?.Email as string;
  expect(step(academy, { do: 'submit', email: first, courses: ['EXC-BASE'] }).ok).toBe(true);
  const enrollments = sheetByName(spreadsheetData(academy.ws, academy.spreadsheetId), 'Iscrizioni');
  if (!enrollments) throw new Error('Iscrizioni is missing');
  // Staff deleted the empty rows at the bottom: the tab ends with its last enrollment.
  const full = lastFilledRowOf(enrollments);
  const tab = spreadsheetGlobals(academy.ws)
    .SpreadsheetApp.openById(academy.spreadsheetId)
    .getSheetByName('Iscrizioni');
  tab?.deleteRows(full + 1, enrollments.maxRows - full);
  expect(enrollments.maxRows).toBe(full);
  const inserted = academy.ws.methodCounts['Spreadsheet.insertRowsAfter'] ?? 0;

  const second = PEOPLE[1]?.Email as string;
  expect(step(academy, { do: 'submit', email: second, courses: ['EXC-BASE'] }).ok).toBe(true);

  expect((academy.ws.methodCounts['Spreadsheet.insertRowsAfter'] ?? 0) - inserted).toBe(1);
  expect(enrollments.maxRows).toBe(full + 1);
  expect(rows(academy, 'Iscrizioni').map((r) => r.Email)).toEqual([first, second]);
});
