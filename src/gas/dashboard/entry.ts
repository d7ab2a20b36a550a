/** The sidebar's server functions: the dashboard, the course view, its actions, and "show me the cell". */
import { capacityOptions, type CapacityOptions } from '../../core/enrollment/capacity';
import { UserError } from '../../core/registry/errors';
import { normalizeKey } from '../../core/text';
import { serverAction } from '../platform/entry';
import { requireSheet } from '../registry/table';
import { buildDashboard } from './dashboard';
import { buildCourseView, confirmPending, promote } from './course';
import type { ActionResult, CourseView, Dashboard } from './types';
import { sheetValues } from '../platform/sheet-values';

export type { ActionResult, CourseView, Dashboard } from './types';

export const getDashboard = serverAction('Pannello', (): Dashboard => buildDashboard(), { readOnly: true });

export const getCourseView = serverAction('Iscrizioni del corso', (code: string): CourseView => buildCourseView(code));

export const confirmPendingEnrollment = serverAction(
  'Conferma iscrizione da verificare',
  (enrollmentId: string, employeeId: string): ActionResult => confirmPending(enrollmentId, employeeId),
);

/** `{ overCapacity: true }` confirms past `Posti` on purpose; without it a full course refuses. */
export const promoteFromWaitlist = serverAction(
  "Promuovi dalla lista d'attesa",
  (enrollmentId: string, options?: CapacityOptions): ActionResult => promote(enrollmentId, capacityOptions(options)),
);

/**
 * Activates a cell so the spreadsheet shows it: `column` is a header text as the problems list gives it
 * (the first of a comma-separated list), or a 1-based column number; row 0 means the header row.
 */
export const selectCell = serverAction(
  'Mostra cella',
  (tab: string, row: number, column: string | number): { a1: string } => {
    const sheet = requireSheet(String(tab ?? ''));
    const r = Math.max(1, Math.floor(Number(row) || 1));
    let c = typeof column === 'number' ? Math.floor(column) : 0;
    if (c < 1) {
      const wanted = normalizeKey(String(column ?? '').split(',')[0] ?? '');
      const header = sheetValues(sheet, 1, 1, 1, -1)[0] ?? [];
      c = wanted === '' ? 1 : header.findIndex((h) => normalizeKey(String(h)) === wanted) + 1;
      if (c < 1) throw new UserError(`La colonna «${String(column)}» non è nel foglio «${sheet.getName()}».`);
    }
    const range = sheet.getRange(r, c);
    range.activate();
    return { a1: `${sheet.getName()}!${range.getA1Notation()}` };
  },
);
