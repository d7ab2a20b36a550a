import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { serverAction } from '../platform/entry';
import { readTable } from '../registry/table';
import { prepareCourseAttendance, type PrepareResult } from './prepare';

/** The active tab's name and the row of the active cell (one function: the only Spreadsheet UI read). */
function activeRow(): { tab: string; row: number } {
  const sheet = SpreadsheetApp.getActiveSheet();
  return { tab: sheet.getName(), row: sheet.getActiveCell().getRow() };
}

/** The course of the active row in `Corsi` (its code) or `Sessioni` (its course). */
function selectedCourse(): string {
  const { tab, row } = activeRow();
  if (tab === TAB.corsi) {
    const hit = readTable(TAB.corsi).rows.find((r) => r.row === row);
    if (hit) return hit.record.code;
  } else if (tab === TAB.sessioni) {
    const hit = readTable(TAB.sessioni).rows.find((r) => r.row === row);
    if (hit) return hit.record.course;
  }
  throw new UserError(
    'Seleziona la riga di un corso nel foglio «Corsi» (o di una sua sessione in «Sessioni») e riprova.',
  );
}

/** Prepara registro presenze for one course (sidebar, scenarios). */
export const prepareAttendance = serverAction('Prepara registro presenze', (courseCode: string): PrepareResult =>
  prepareCourseAttendance(courseCode),
);

/** Prepara registro presenze for the course of the selected row (menu). */
export const prepareAttendanceForSelection = serverAction('Prepara registro presenze', (): PrepareResult => {
  const result = prepareCourseAttendance(selectedCourse());
  SpreadsheetApp.getActive().toast(result.message, 'Academy4PA');
  return result;
});
