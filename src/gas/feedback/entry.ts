/** Staff: makes (or updates) the satisfaction questionnaire now instead of at the first course's end. */
import { feedbackChoice } from '../../core/feedback/questionnaire';
import { SCHEDULED_COURSE_STATUSES, TAB } from '../../core/registry/tabs';
import { serverAction } from '../platform/entry';
import { logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { ensureFeedbackForm, type FeedbackForm } from './form';

function listedCourses(): Array<{ code: string; title: string }> {
  return readTable(TAB.corsi)
    .rows.map((r) => r.record)
    .filter((c) => SCHEDULED_COURSE_STATUSES.has(c.status));
}

export interface FeedbackPreview {
  message: string;
  courses: string[];
}

/** «Pubblica questionario» without its effects: the courses it lists; it mails nobody itself. */
export function buildFeedbackPreview(): FeedbackPreview {
  const courses = listedCourses().map((c) => feedbackChoice(c.code, c.title));
  return {
    courses,
    message:
      `Il questionario elencherà ${courses.length === 1 ? '1 corso' : `${courses.length} corsi`}. ` +
      "Pubblicarlo non invia email: l'invito parte con il passaggio giornaliero verso le persone confermate di ciascun corso appena terminato.",
  };
}

export const previewFeedbackForm = serverAction('Anteprima questionario di gradimento', buildFeedbackPreview, {
  readOnly: true,
});

export const publishFeedbackForm = serverAction(
  'Pubblica questionario di gradimento',
  (): FeedbackForm & { message: string } => {
    const courses = listedCourses();
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
