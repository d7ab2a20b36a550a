/**
 * Fills the published enrollment form as an employee would: the courses ticked among the form's
 * current choices (found by code), name, surname and comune as the person is known in `Dipendenti`,
 * the action, the consent, then any other answer by question title.
 */
import type { FormSubmission, LocalAcademy } from '../runtime/session';
import { snapshotForms } from '../services/forms';

export interface EnrollmentRequest {
  email: string;
  courses?: string[];
  action?: 'Iscrizione' | 'Annullamento';
  answers?: Record<string, string | string[]>;
}

type FormItem = ReturnType<typeof snapshotForms>[number]['items'][number];

/** Header and title matching as the add-on does it: case, accents and surrounding spaces ignored. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The form staff published for enrollments: the one `Impostazioni` names, else the latest published. */
export function enrollmentFormId(academy: LocalAcademy): string {
  const settings = academy.readTab('Impostazioni');
  if (settings) {
    const key = settings.header.findIndex((h) => normalizeLabel(h) === 'chiave');
    const value = settings.header.findIndex((h) => normalizeLabel(h) === 'valore');
    const row = settings.rows.find((r) => key >= 0 && normalizeLabel(String(r[key] ?? '')) === 'id modulo iscrizioni');
    const id = row && value >= 0 ? String(row[value] ?? '').trim() : '';
    if (id) return id;
  }
  const published = snapshotForms(academy.ws).filter((f) => f.published);
  const latest = published[published.length - 1];
  if (!latest) throw new Error('Nessun modulo di iscrizione pubblicato: eseguire prima "Pubblica modulo iscrizioni".');
  return latest.id;
}

/** A choice that starts with the course code, the code being followed by something other than a code character. */
function choiceForCode(choices: string[], code: string): string | undefined {
  return choices.find((c) => c.startsWith(code) && !/^[A-Za-z0-9_-]/.test(c.slice(code.length)));
}

function employeeByEmail(academy: LocalAcademy, email: string): Record<string, string> | null {
  const tab = academy.readTab('Dipendenti');
  if (!tab) return null;
  const col = (name: string): number => tab.header.findIndex((h) => normalizeLabel(h) === name);
  const emailCol = col('email');
  if (emailCol < 0) return null;
  const row = tab.rows.find(
    (r) =>
      String(r[emailCol] ?? '')
        .trim()
        .toLowerCase() === email.trim().toLowerCase(),
  );
  if (!row) return null;
  const pick = (name: string): string => {
    const i = col(name);
    return i >= 0 ? String(row[i] ?? '') : '';
  };
  return { Nome: pick('nome'), Cognome: pick('cognome'), Comune: pick('comune') };
}

function answerFor(item: FormItem, value: string): string | string[] {
  return item.type === 'CHECKBOX' ? [value] : value;
}

export function enrollmentSubmission(
  academy: LocalAcademy,
  request: EnrollmentRequest,
): { formId: string; submission: FormSubmission } {
  const formId = enrollmentFormId(academy);
  const form = snapshotForms(academy.ws).find((f) => f.id === formId);
  if (!form) throw new Error(`Modulo ${formId} non trovato.`);
  const byTitle = (...titles: string[]): FormItem | undefined =>
    form.items.find((i) => titles.includes(normalizeLabel(i.title)));
  const answers: Record<string, string | string[]> = {};

  const emailItem = byTitle('email', 'e-mail', 'indirizzo email', 'indirizzo e-mail');
  if (emailItem) answers[emailItem.title] = request.email;

  const employee = employeeByEmail(academy, request.email);
  if (employee) {
    for (const [field, value] of Object.entries(employee)) {
      const item = byTitle(normalizeLabel(field));
      if (item && value !== '') answers[item.title] = value;
    }
  }

  const codes = request.courses ?? [];
  if (codes.length > 0) {
    const coursesItem =
      byTitle('corsi', 'corso') ??
      form.items.find((i) => i.choices.some((c) => choiceForCode([c], codes[0] ?? '') !== undefined));
    if (!coursesItem) throw new Error('Il modulo non ha una domanda per la scelta dei corsi.');
    const chosen = codes.map((code) => {
      const choice = choiceForCode(coursesItem.choices, code);
      if (choice === undefined) throw new Error(`Il corso ${code} non è tra le scelte del modulo.`);
      return choice;
    });
    answers[coursesItem.title] = coursesItem.type === 'CHECKBOX' ? chosen : (chosen[0] ?? '');
  }

  const action = request.action ?? 'Iscrizione';
  const actionItem =
    byTitle('azione') ?? form.items.find((i) => i.choices.some((c) => normalizeLabel(c) === 'iscrizione'));
  if (actionItem) {
    const choice = actionItem.choices.find((c) => normalizeLabel(c).startsWith(normalizeLabel(action)));
    if (choice === undefined) throw new Error(`L'azione "${action}" non è tra le scelte del modulo.`);
    answers[actionItem.title] = answerFor(actionItem, choice);
  } else if (request.action) {
    throw new Error('Il modulo non ha una domanda "Azione".');
  }

  const consentItem = form.items.find((i) => /consenso|privacy|trattamento/.test(normalizeLabel(i.title)));
  if (consentItem && consentItem.choices.length > 0) {
    const yes =
      consentItem.choices.find((c) => /^(acconsento|si|accetto|do il consenso)/.test(normalizeLabel(c))) ??
      consentItem.choices[0] ??
      '';
    answers[consentItem.title] = answerFor(consentItem, yes);
  }

  for (const [title, value] of Object.entries(request.answers ?? {})) {
    const item = form.items.find((i) => i.title === title) ?? byTitle(normalizeLabel(title));
    if (!item) throw new Error(`Il modulo non ha la domanda "${title}".`);
    answers[item.title] = value;
  }

  return { formId, submission: { email: request.email, answers } };
}
