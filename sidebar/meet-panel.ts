/**
 * «Presenze da Meet» in the sidebar, for one course (the course view) or for every online and mixed
 * session ended in the last 30 days (the dashboard): first a preview of what the import would fill,
 * then, on confirmation, the import and its outcome, where staff confirm the display names Meet gave.
 */
import type { MeetImportReport } from '../src/gas/attendance/meet-import';
import { el } from './dom';
import { meetPreviewView, meetResultView, type NameConfirmation } from './meet';
import { hidePanel, panelRegion, showLoading, showPanel } from './panel';
import { run } from './server';
import { serverButton, withFeedback } from './ui';

const LABEL = 'Importa presenze da Meet';

function scopeOf(course: string): string {
  return course ? ` (${course})` : ' (sessioni concluse negli ultimi 30 giorni)';
}

function showResult(panel: HTMLElement, report: MeetImportReport, course: string): void {
  const view = meetResultView(report);
  const buttons = view.confirmations.map((c) =>
    serverButton(c.label, 'action', () => void confirmName(panel, c, course), { 'data-confirm-name': c.displayName }),
  );
  showPanel(panel, `Presenze da Meet${scopeOf(course)}`, view, buttons);
}

async function confirmName(panel: HTMLElement, c: NameConfirmation, course: string): Promise<void> {
  const report = await withFeedback(`Conferma di «${c.displayName}»`, () =>
    run('importMeetAttendance', c.course, { confirm: [{ name: c.displayName, employeeId: c.employeeId }] }),
  );
  if (report) showResult(panel, report, course);
}

async function importNow(panel: HTMLElement, course: string): Promise<void> {
  const report = await withFeedback(LABEL, () =>
    course ? run('importMeetAttendance', course) : run('importMeetAttendance'),
  );
  if (report) showResult(panel, report, course);
  else hidePanel(panel);
}

async function preview(panel: HTMLElement, course: string): Promise<void> {
  showLoading(panel, 'Lettura delle chiamate Meet in corso…');
  const report = await withFeedback(
    LABEL,
    () => (course ? run('previewMeetAttendance', course) : run('previewMeetAttendance')),
    { quiet: true },
  );
  if (!report) {
    hidePanel(panel);
    return;
  }
  const view = meetPreviewView(report);
  const confirm = view.confirm
    ? [serverButton(view.confirm, 'action', () => void importNow(panel, course), { 'data-fn': 'meet-confirm' })]
    : [];
  showPanel(panel, `Anteprima: presenze da Meet${scopeOf(course)}`, view, confirm);
}

/** The button and its panel; `course()` is read at each click ('' for every recent session). */
export function meetControls(id: string, course: () => string): HTMLElement {
  const panel = panelRegion(`${id}-panel`, 'Presenze da Meet');
  const button = serverButton('Presenze da Meet', 'action', () => void preview(panel, course()), {
    'data-fn': 'meet',
    id,
  });
  return el('div', { class: 'meet' }, button, panel);
}
