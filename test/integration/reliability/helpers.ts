/**
 * Shared by the reliability tests: the enrollment test academy, plus a view of everything the add-on
 * can change (every tab but `Registro`, the calendar, the mail, Drive, the forms and the triggers).
 */
import { takeSnapshot } from '../../../src/local/scenario/snapshot';
import type { LocalAcademy } from '../../../src/local/runtime/session';

export {
  academyWith,
  course,
  COMUNI,
  PEOPLE,
  SESSIONS,
  mails,
  publish,
  rows,
  step,
  enrollmentsView,
  formulas,
  callsOf,
} from '../enrollment/helpers';

/** The observable state minus `Registro` (where refusals are expected to be written). */
export function stateOf(academy: LocalAcademy): string {
  const snap = takeSnapshot(academy);
  const sheets = { ...snap.sheets };
  delete sheets.Registro;
  return JSON.stringify({
    sheets,
    calendar: snap.calendar,
    mail: snap.mail,
    drive: snap.drive,
    forms: snap.forms,
    triggers: snap.triggers,
  });
}

export function registro(academy: LocalAcademy): Array<Record<string, unknown>> {
  return takeSnapshot(academy).sheets.Registro?.rows ?? [];
}

/** The staff calendar sync, so sessions have events with the confirmed people as attendees. */
export function syncCalendar(academy: LocalAcademy): void {
  const run = academy.call('syncCalendar');
  if (!run.ok) throw new Error(run.error);
}
