import { BusyError, UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { withScriptLock } from '../enrollment/process';
import { serverAction } from '../platform/entry';
import { readTable } from '../registry/table';
import { importMeet, type MeetImportOptions, type MeetImportReport } from './meet-import';
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
    'Selezioni la riga di un corso nel foglio «Corsi» (o di una sua sessione in «Sessioni») e riprovi.',
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

/**
 * Presenze da Meet for one course, or for every online and mixed session of the last 30 days (menu,
 * sidebar); `confirm` records display names staff matched to an enrollee before importing.
 */
export const importMeetAttendance = serverAction(
  'Importa presenze da Meet',
  (courseCode?: string, options?: Pick<MeetImportOptions, 'confirm'>): MeetImportReport => {
    const code = typeof courseCode === 'string' ? courseCode : '';
    const confirm = Array.isArray(options?.confirm) ? options.confirm : [];
    const result = withScriptLock(() => importMeet(code, { confirm }));
    if (!result) throw new BusyError();
    return result;
  },
);

/**
 * What «Importa presenze da Meet» would do for one course or every recent session: the same reading of
 * Meet and the same decisions, with nothing written.
 */
export const previewMeetAttendance = serverAction(
  'Anteprima presenze da Meet',
  (courseCode?: string): MeetImportReport =>
    importMeet(typeof courseCode === 'string' ? courseCode : '', { dryRun: true }),
  { readOnly: true },
);

/** Importa presenze da Meet from the menu: every recent session, the outcome as a toast. */
export const importMeetAttendanceFromMenu = serverAction('Importa presenze da Meet', (): void => {
  const result = withScriptLock(() => importMeet(''));
  if (!result) throw new BusyError();
  const details = result.sessions.some((s) => s.toConfirm.length + s.unmatched.length > 0)
    ? ' Nomi da confermare e partecipanti non riconosciuti: nel pannello Academy4PA, «Presenze da Meet».'
    : '';
  SpreadsheetApp.getActive().toast(result.message + details, 'Academy4PA', 15);
});
