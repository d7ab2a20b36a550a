/**
 * The academy's satisfaction questionnaire in Google Forms: made once (its id kept in the setting
 * `ID modulo gradimento`), the course list kept up to date, and its responses read into one score each
 * for `Gradimento medio`.
 */
import {
  FEEDBACK_FORM_TITLE,
  FEEDBACK_ITEMS,
  FEEDBACK_SETTING,
  SCALE_HELP,
  responseScore,
} from '../../core/feedback/questionnaire';
import type { ReportFeedback } from '../../core/reports/compute';
import type { Settings } from '../../core/registry/schemas';
import { extraSetting } from '../enrollment/data';
import { withRetry } from '../platform/retry';
import { writeSetting } from '../registry/settings';

type Form = GoogleAppsScript.Forms.Form;

/** Methods of Form newer than the installed type definitions (Google's reference lists them). */
interface PublishableForm {
  setPublished(published: boolean): Form;
}

function openForm(id: string): Form | null {
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch {
    return null;
  }
}

/** `FormApp.create` names only the Drive file: the title respondents see is set here (docs/google-behaviour.md, FORMS-CREATE-NAMING). */
function build(form: Form, choices: readonly string[]): void {
  form
    .setTitle(FEEDBACK_FORM_TITLE)
    .setDescription(
      "Le risposte sono anonime: ci aiutano a migliorare i corsi dell'Academy. Scelga il corso che ha frequentato e dia un voto da 1 (per niente soddisfatto) a 5 (molto soddisfatto).",
    )
    .setCollectEmail(false)
    .setAllowResponseEdits(false)
    .setConfirmationMessage('Grazie per il Suo giudizio!');
  form
    .addListItem()
    .setTitle(FEEDBACK_ITEMS.course)
    .setRequired(true)
    .setChoiceValues([...choices]);
  for (const title of FEEDBACK_ITEMS.scales) {
    form
      .addScaleItem()
      .setTitle(title)
      .setHelpText(SCALE_HELP[title])
      .setBounds(1, 5)
      .setLabels('Per niente', 'Moltissimo')
      .setRequired(true);
  }
  form
    .addParagraphTextItem()
    .setTitle(FEEDBACK_ITEMS.comment)
    .setHelpText('Facoltativo: suggerimenti, cosa è piaciuto, cosa migliorare.');
  form.setAcceptingResponses(true);
  (form as unknown as PublishableForm).setPublished(true);
}

export interface FeedbackForm {
  formId: string;
  url: string;
  created: boolean;
}

/**
 * The questionnaire, made if missing, with every course of `choices` in its list (choices already there
 * are kept, so older responses stay readable).
 */
export function ensureFeedbackForm(settings: Settings, choices: readonly string[]): FeedbackForm {
  let form = openForm(extraSetting(settings, FEEDBACK_SETTING));
  let created = false;
  if (!form) {
    const made = withRetry('Modulo gradimento', () => FormApp.create(FEEDBACK_FORM_TITLE));
    build(made, choices);
    writeSetting(FEEDBACK_SETTING, made.getId());
    form = made;
    created = true;
  } else {
    const item = form.getItems(FormApp.ItemType.LIST).find((i) => i.getTitle() === FEEDBACK_ITEMS.course);
    if (item) {
      const list = item.asListItem();
      const current = list.getChoices().map((c) => c.getValue());
      const missing = choices.filter((c) => !current.includes(c));
      if (missing.length > 0) list.setChoiceValues([...current, ...missing]);
    }
  }
  return { formId: form.getId(), url: form.getPublishedUrl(), created };
}

/** One score per response of the questionnaire (none when there is no questionnaire yet). */
export function readFeedbackScores(settings: Settings): ReportFeedback[] {
  const form = openForm(extraSetting(settings, FEEDBACK_SETTING));
  if (!form) return [];
  const out: ReportFeedback[] = [];
  for (const response of form.getResponses()) {
    const answers: Record<string, string | string[]> = {};
    for (const ir of response.getItemResponses()) {
      const value = ir.getResponse();
      answers[ir.getItem().getTitle()] = Array.isArray(value) ? value.map(String) : String(value ?? '');
    }
    const scored = responseScore(answers);
    if (scored) out.push(scored);
  }
  return out;
}
