import { type Workspace } from '../../runtime/workspace';
import { appendResponseRow } from './destination';
import {
  type AnswerValue,
  CHOICE_TYPES,
  collectsEmail,
  GRID_TYPES,
  type ItemData,
  LAYOUT_TYPES,
  type ResponseData,
} from './model';
import { formsState } from './state';
import { checkboxValidationError, gridValidationError, textValidationError } from './validation';

/** What a respondent gives one question: a text or choice, ticked choices, or a grid's answer per row. */
export type GivenAnswer = string | string[] | Array<string | string[] | null>;

export interface Submission {
  email: string;
  answers: Record<string, GivenAnswer>;
  /** The respondent had the form open before its choices changed: old choices still arrive. */
  stale?: boolean;
  /** When Send was pressed, if before now (a rush replayed while an earlier execution still ran). */
  atMs?: number;
}

/**
 * An employee sends the form (host API, not a script call). Refuses, in Italian, what Google's form page
 * would refuse; stores the response and appends its row to the linked responses tab. Does not fire
 * triggers: the runner fires them with `Runtime.fireFormSubmit`.
 */
export function hostSubmit(ws: Workspace, formId: string, submission: Submission): string {
  const form = formsState(ws).forms[formId];
  if (!form) throw new Error(`Il modulo ${formId} non esiste.`);
  if (!form.published) throw new Error(`Il modulo "${form.title}" non è pubblicato: non accetta risposte.`);
  if (!form.accepting) {
    throw new Error(form.closedMessage || `Il modulo "${form.title}" non accetta più risposte.`);
  }
  const email = submission.email.trim();
  if (collectsEmail(form) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new Error('Indirizzo email mancante o non valido.');
  }
  if (
    form.limitOneResponsePerUser &&
    email !== '' &&
    form.responses.some((r) => r.respondent.toLowerCase() === email.toLowerCase())
  ) {
    throw new Error('Hai già risposto. Puoi compilare il modulo una sola volta.');
  }
  const byTitle = new Map(form.items.map((i) => [normalizeTitle(i.title), i]));
  for (const title of Object.keys(submission.answers)) {
    const item = byTitle.get(normalizeTitle(title));
    if (!item || LAYOUT_TYPES.has(item.type)) throw new Error(`Il modulo non ha la domanda "${title}".`);
  }
  const answers: ResponseData['answers'] = [];
  for (const item of form.items) {
    if (LAYOUT_TYPES.has(item.type)) continue;
    const given = Object.entries(submission.answers).find(
      ([t]) => normalizeTitle(t) === normalizeTitle(item.title),
    )?.[1];
    const value = checkedAnswer(item, given, submission.stale === true);
    if (value !== null) answers.push({ itemId: item.id, value });
  }
  const response: ResponseData = {
    id: ws.newId('2_ABaOnu', 40),
    // A response's timestamp is a whole millisecond (a Date), though the emulated clock is fractional.
    timestampMs: Math.floor(Math.min(submission.atMs ?? Number.POSITIVE_INFINITY, ws.now())),
    email: collectsEmail(form) ? email : '',
    respondent: email,
    answers,
  };
  form.responses.push(response);
  if (form.destination) appendResponseRow(ws, form, form.destination, response);
  return response.id;
}

export function normalizeTitle(title: string): string {
  return title.trim().toLowerCase();
}

/** A grid's answer as the form page takes it: one entry per row, each a column (a checkbox grid: several). */
function checkedGridAnswer(item: ItemData, given: GivenAnswer | undefined): AnswerValue | null {
  const rows = item.rows ?? [];
  const entries = given === undefined ? [] : Array.isArray(given) ? given : [given];
  if (entries.length > rows.length) throw new Error(`La domanda "${item.title}" ha ${rows.length} righe.`);
  const perRow = rows.map((_, n) => {
    const entry = entries[n];
    const values = (entry === null || entry === undefined ? [] : Array.isArray(entry) ? entry : [entry])
      .map(String)
      .filter((v) => v.trim() !== '');
    const unknown = values.find((v) => !item.choices.includes(v));
    if (unknown !== undefined) throw new Error(`"${unknown}" non è tra le colonne della domanda "${item.title}".`);
    if (item.type === 'GRID' && values.length > 1) {
      throw new Error(`La domanda "${item.title}" ammette una sola risposta per riga.`);
    }
    return values;
  });
  if (item.required && perRow.some((v) => v.length === 0)) {
    throw new Error(`La domanda "${item.title}" è obbligatoria: serve una risposta per ogni riga.`);
  }
  if (perRow.every((v) => v.length === 0)) return null;
  if (item.validation) {
    const error = gridValidationError(item.validation, perRow);
    if (error) throw new Error(`${item.title}: ${error}`);
  }
  return item.type === 'GRID' ? perRow.map((v) => v[0] ?? null) : perRow.map((v) => (v.length === 0 ? null : v));
}

export function checkedAnswer(item: ItemData, given: GivenAnswer | undefined, stale: boolean): AnswerValue | null {
  if (GRID_TYPES.has(item.type)) return checkedGridAnswer(item, given);
  const values = (given === undefined ? [] : Array.isArray(given) ? given : [given])
    .flat()
    .filter((v) => v !== null)
    .map(String)
    .filter((v) => v.trim() !== '');
  if (values.length === 0) {
    if (item.required) throw new Error(`La domanda "${item.title}" è obbligatoria.`);
    return null;
  }
  if (CHOICE_TYPES.has(item.type)) {
    if (item.type !== 'CHECKBOX' && values.length > 1)
      throw new Error(`La domanda "${item.title}" ammette una sola risposta.`);
    const unknown = values.find((v) => !item.choices.includes(v));
    if (unknown !== undefined && !stale) {
      throw new Error(`"${unknown}" non è tra le opzioni della domanda "${item.title}".`);
    }
    if (item.type !== 'CHECKBOX') return values[0];
    const error = item.validation ? checkboxValidationError(item.validation, values.length) : null;
    if (error) throw new Error(`${item.title}: ${error}`);
    return values;
  }
  if (values.length > 1) throw new Error(`La domanda "${item.title}" ammette una sola risposta.`);
  const text = values[0];
  if (item.type === 'SCALE') {
    const n = Number(text);
    if (!Number.isInteger(n) || n < item.scale.lower || n > item.scale.upper) {
      throw new Error(
        `La risposta alla domanda "${item.title}" deve essere un numero da ${item.scale.lower} a ${item.scale.upper}.`,
      );
    }
    return String(n);
  }
  if (item.validation) {
    const error = textValidationError(item.validation, text);
    if (error) throw new Error(`${item.title}: ${error}`);
  }
  return text;
}
