/**
 * The enrollment form's content: item titles (they are how items are found again and how answers are
 * read), the course choices, and the reading of a response's answers. Pure.
 */

export const FORM_ITEMS = {
  firstName: 'Nome',
  lastName: 'Cognome',
  comune: 'Comune',
  courses: 'Corsi',
  action: 'Azione',
  consent: 'Consenso',
  email: 'Email',
} as const;

export const ACTION_ENROLL = 'Iscrizione';
export const ACTION_CANCEL = 'Annullamento';
export const CONSENT_CHOICE =
  "Acconsento al trattamento dei miei dati personali per la gestione dell'iscrizione ai corsi, ai sensi dell'art. 13 del Regolamento (UE) 2016/679 (GDPR).";

/** Separates the course code from the rest of a choice: the code is read back from the choice text. */
const CHOICE_SEPARATOR = ' — ';

export interface ChoiceSession {
  date: string;
  status: string;
}

export interface ChoiceCourse {
  code: string;
  title: string;
  seats: number;
}

function dayMonth(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}` : isoDate;
}

/** "<CODICE> — <Titolo> (02/03, 30/03) — posti liberi: N" or "... — lista d'attesa". */
export function courseChoice(course: ChoiceCourse, sessions: readonly ChoiceSession[], confirmed: number): string {
  const dates = sessions
    .filter((s) => s.status !== 'Annullata' && s.date !== '')
    .map((s) => s.date)
    .sort()
    .map(dayMonth);
  const when = dates.length > 0 ? ` (${dates.join(', ')})` : '';
  const free = Math.max(0, course.seats - confirmed);
  const seats = free > 0 ? `posti liberi: ${free}` : "lista d'attesa";
  return `${oneLine(course.code)}${CHOICE_SEPARATOR}${oneLine(course.title)}${when}${CHOICE_SEPARATOR}${seats}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

/** The course code of a chosen option (the text before the first separator). */
export function codeOfChoice(choice: string): string {
  const i = choice.indexOf(CHOICE_SEPARATOR);
  return (i >= 0 ? choice.slice(0, i) : choice).trim();
}

export function formTitle(year: number, sender: string): string {
  return `Iscrizione ai corsi ${year} — ${sender.trim() || 'Consorzio'}`;
}

export function formDescription(year: number, sender: string): string {
  const who = sender.trim() || 'il Consorzio';
  return [
    `Modulo di iscrizione ai corsi di formazione ${year} organizzati da ${who} per i dipendenti dei comuni aderenti.`,
    "Scelga uno o più corsi: se ci sono posti liberi l'iscrizione è confermata subito, altrimenti la richiesta entra in lista d'attesa e Le scriveremo quando si libera un posto.",
    'Per annullare un\'iscrizione compili di nuovo il modulo scegliendo gli stessi corsi e l\'azione "Annullamento".',
    "Usi l'indirizzo email di lavoro registrato presso il Suo comune.",
  ].join('\n\n');
}

export function consentHelp(privacyUrl: string): string {
  const base = "Il consenso è necessario per gestire l'iscrizione, le presenze e gli attestati.";
  return privacyUrl.trim() ? `${base} Informativa privacy: ${privacyUrl.trim()}` : base;
}

/** A form response reduced to what the enrollment needs; answers keyed by item title. */
export interface SubmissionAnswers {
  email: string;
  firstName: string;
  lastName: string;
  comune: string;
  courses: string[];
  action: typeof ACTION_ENROLL | typeof ACTION_CANCEL;
}

function asText(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  return (Array.isArray(value) ? value.join(', ') : value).trim();
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * Reads the answers of a response. The e-mail is the respondent's (collected by the form) or else the
 * `Email` answer; the course codes come from the chosen options' text.
 */
export function readAnswers(
  respondentEmail: string,
  answers: Readonly<Record<string, string | string[]>>,
): SubmissionAnswers {
  const byTitle = new Map<string, string | string[]>();
  for (const [title, value] of Object.entries(answers)) byTitle.set(title.trim().toLowerCase(), value);
  const get = (title: string) => byTitle.get(title.toLowerCase());
  const action = asText(get(FORM_ITEMS.action));
  return {
    email: (respondentEmail.trim() || asText(get(FORM_ITEMS.email))).toLowerCase(),
    firstName: asText(get(FORM_ITEMS.firstName)),
    lastName: asText(get(FORM_ITEMS.lastName)),
    comune: asText(get(FORM_ITEMS.comune)),
    courses: asList(get(FORM_ITEMS.courses)).map(codeOfChoice),
    action: action.toLowerCase() === ACTION_CANCEL.toLowerCase() ? ACTION_CANCEL : ACTION_ENROLL,
  };
}

/** Where a course choice ends: its seats text (see `courseChoice`). */
const CHOICE_END = new RegExp(`${CHOICE_SEPARATOR}(?:posti liberi: \\d+|lista d'attesa)(?=, |$)`, 'g');

/**
 * The course choices of a responses-tab cell, where Google writes a checkbox answer as its choices joined
 * by ", " (catalogue FORMS-DESTINATION-ROW) while a choice's dates hold ", " too: each choice ends
 * with its seats text and holds exactly two separators. Null when the cell cannot be cut that way (a
 * title holding the separator, a choice in another format): the caller then reads the form itself.
 */
export function splitChoiceCell(cell: string): string[] | null {
  const text = cell.trim();
  if (text === '') return null;
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(CHOICE_END)) {
    const end = match.index + match[0].length;
    const choice = text.slice(start, end);
    if (choice.split(CHOICE_SEPARATOR).length !== 3) return null;
    out.push(choice);
    start = end + 2;
  }
  return start === text.length + 2 ? out : null;
}

/**
 * The answers of a spreadsheet form-submit event (`namedValues`: column title → its cell's text), keyed
 * by question title as `readAnswers` takes them; null when the event is blank (the trigger's second,
 * empty firing) or its course choices cannot be read unambiguously.
 */
export function answersFromNamedValues(
  named: Readonly<Record<string, readonly string[] | undefined>>,
): Record<string, string | string[]> | null {
  const answers: Record<string, string | string[]> = {};
  for (const [title, cells] of Object.entries(named)) answers[title.trim()] = String(cells?.[0] ?? '').trim();
  const coursesTitle = Object.keys(answers).find((t) => t.toLowerCase() === FORM_ITEMS.courses.toLowerCase());
  if (coursesTitle === undefined) return null;
  const choices = splitChoiceCell(String(answers[coursesTitle]));
  if (!choices) return null;
  answers[coursesTitle] = choices;
  return answers;
}
