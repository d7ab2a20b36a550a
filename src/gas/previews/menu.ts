/**
 * The menu items of the workflows that mail people or issue documents. Each reads the workflow's
 * preview and shows it in a dialog; nothing is written or sent until staff press the dialog's
 * confirming button, which calls the workflow's own staff-only server function.
 */
import { confirmDialogHtml } from '../../core/previews/dialog';
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

/**
 * One menu item: its caption (the dialog's title too), the view of the workflow's preview, and the
 * staff-only server function the confirming button calls.
 */
function menuPreview(caption: string, view: () => PreviewView, fn: string): () => void {
  return serverAction(caption, (): void => showModalDialog(confirmDialogHtml(view(), { fn, args: [] }), caption), {
    readOnly: true,
  });
}

/** «Emetti attestati» from the menu: every `Concluso` course, as the menu always covered. */
export const showCertificatesPreview = menuPreview(
  'Emetti attestati',
  () => certificatesView(buildCertificatePreview('')),
  'issueCertificates',
);
export const showComuniSummariesPreview = menuPreview(
  'Invia riepilogo ai comuni',
  () => summariesView(buildSummariesPreview()),
  'sendComuniSummaries',
);
export const showFeedbackFormPreview = menuPreview(
  'Pubblica questionario di gradimento',
  () => feedbackView(buildFeedbackPreview()),
  'publishFeedbackForm',
);
export const showRetentionPreview = menuPreview(
  'Applica conservazione dati',
  () => retentionView(buildRetentionPreview()),
  'applyRetention',
);
/** «Sincronizza calendario» from the menu: every course, as the menu always synced. */
export const showCalendarSyncPreview = menuPreview(
  'Sincronizza calendario',
  () => calendarView(buildCalendarSyncPreview()),
  'syncCalendar',
);
