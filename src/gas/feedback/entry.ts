/** Staff: makes (or updates) the satisfaction questionnaire now instead of at the first course's end. */
import { feedbackChoice } from '../../core/feedback/questionnaire';
import { TAB } from '../../core/registry/tabs';
import { serverAction } from '../platform/entry';
import { logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { ensureFeedbackForm, type FeedbackForm } from './form';

const LISTED = new Set(['Iscrizioni aperte', 'Iscrizioni chiuse', 'Concluso']);

export const publishFeedbackForm = serverAction(
  'Pubblica questionario di gradimento',
  (): FeedbackForm & { message: string } => {
    const courses = readTable(TAB.corsi)
      .rows.map((r) => r.record)
      .filter((c) => LISTED.has(c.status));
    const form = ensureFeedbackForm(
      readSettings(),
      courses.map((c) => feedbackChoice(c.code, c.title)),
    );
    if (form.created) logEvent('Modulo gradimento creato', `${form.formId} ${form.url}`);
    return {
      ...form,
      message: form.created
        ? `Questionario di gradimento creato: ${form.url}`
        : `Questionario di gradimento aggiornato: ${form.url}`,
    };
  },
);
