/**
 * The academy's one satisfaction questionnaire: the course as a list question, four 1-5 scales and a
 * comment; and the reading of its answers into one score per response for `Gradimento medio`.
 */

export const FEEDBACK_FORM_TITLE = 'Questionario di gradimento dei corsi';
export const FEEDBACK_SETTING = 'ID modulo gradimento';

export const FEEDBACK_ITEMS = {
  course: 'Corso',
  scales: ['Contenuti', 'Docente', 'Organizzazione', 'Utilità'] as const,
  comment: 'Commento',
} as const;

export const SCALE_HELP: Record<(typeof FEEDBACK_ITEMS.scales)[number], string> = {
  Contenuti: 'Quanto sono stati chiari e completi i contenuti del corso?',
  Docente: 'Come valuti il docente (chiarezza, disponibilità, competenza)?',
  Organizzazione: "Come valuti l'organizzazione (orari, sede o collegamento, comunicazioni)?",
  Utilità: 'Quanto è utile il corso per il Suo lavoro?',
};

const SEPARATOR = ' — ';

/** "<CODICE> — <Titolo>": the list's choice for a course (the code is read back from it). */
export function feedbackChoice(code: string, title: string): string {
  const clean = (t: string): string => t.replace(/[\r\n\t]+/g, ' ').trim();
  return `${clean(code)}${SEPARATOR}${clean(title)}`;
}

export function codeOfFeedbackChoice(choice: string): string {
  const i = choice.indexOf(SEPARATOR);
  return (i >= 0 ? choice.slice(0, i) : choice).trim();
}

/**
 * One response's score: the mean of the scales answered with 1..5 (others ignored); null without a
 * course or without any valid scale.
 */
export function responseScore(answers: Record<string, string | string[]>): { course: string; score: number } | null {
  const rawCourse = answers[FEEDBACK_ITEMS.course];
  const course = codeOfFeedbackChoice(Array.isArray(rawCourse) ? (rawCourse[0] ?? '') : (rawCourse ?? ''));
  if (!course) return null;
  const values: number[] = [];
  for (const title of FEEDBACK_ITEMS.scales) {
    const raw = answers[title];
    const n = Number(Array.isArray(raw) ? raw[0] : raw);
    if (Number.isInteger(n) && n >= 1 && n <= 5) values.push(n);
  }
  if (values.length === 0) return null;
  return { course, score: values.reduce((a, b) => a + b, 0) / values.length };
}
