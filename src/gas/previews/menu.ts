/**
 * The menu items of the workflows that mail people or issue documents. Each reads the workflow's
 * preview and shows it in a dialog; nothing is written or sent until staff press the dialog's
 * confirming button, which calls the workflow's own staff-only server function.
 */
import { confirmDialogHtml, type DialogAction } from '../../core/previews/dialog';
import {
  calendarView,
  certificatesView,
  feedbackView,
  retentionView,
  summariesView,
  type PreviewView,
} from '../../core/previews/views';
import { buildCalendarSyncPreview } from '../calendar/preview';
import { buildCertificatePreview } from '../certificates/preview';
import { buildFeedbackPreview } from '../feedback/entry';
import { serverAction } from '../platform/entry';
import { buildRetentionPreview } from '../privacy/preview';
import { buildSummariesPreview } from '../reports/entry';
import { showModalDialog } from './dialog';

function show(title: string, view: PreviewView, action: DialogAction): void {
  showModalDialog(confirmDialogHtml(view, action), title);
}

/** «Emetti attestati» from the menu: every `Concluso` course, as the menu always covered. */
export const showCertificatesPreview = serverAction(
  'Emetti attestati',
  (): void =>
    show('Emetti attestati', certificatesView(buildCertificatePreview('')), { fn: 'issueCertificates', args: [] }),
  { readOnly: true },
);

export const showComuniSummariesPreview = serverAction(
  'Invia riepilogo ai comuni',
  (): void =>
    show('Invia riepilogo ai comuni', summariesView(buildSummariesPreview()), { fn: 'sendComuniSummaries', args: [] }),
  { readOnly: true },
);

export const showFeedbackFormPreview = serverAction(
  'Pubblica questionario di gradimento',
  (): void =>
    show('Pubblica questionario di gradimento', feedbackView(buildFeedbackPreview()), {
      fn: 'publishFeedbackForm',
      args: [],
    }),
  { readOnly: true },
);

export const showRetentionPreview = serverAction(
  'Applica conservazione dati',
  (): void =>
    show('Applica conservazione dati', retentionView(buildRetentionPreview()), { fn: 'applyRetention', args: [] }),
  { readOnly: true },
);

/** «Sincronizza calendario» from the menu: every course, as the menu always synced. */
export const showCalendarSyncPreview = serverAction(
  'Sincronizza calendario',
  (): void =>
    show('Sincronizza calendario', calendarView(buildCalendarSyncPreview()), { fn: 'syncCalendar', args: [] }),
  { readOnly: true },
);
