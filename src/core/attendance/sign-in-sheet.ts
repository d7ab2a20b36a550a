/**
 * The printable sign-in sheet of an in-person (or mixed) session: the paper the enrollees sign in the
 * room, from which staff then tick `Presenze`. Its layout is a template Doc staff can edit («Modello
 * foglio firme», made from `signInTemplateParagraphs` on first use): its placeholders take who issues
 * it, the course, date, time, place and teacher; its `{{ELENCO_PARTECIPANTI}}` paragraph becomes the
 * table, one line per enrollee in surname order with an empty signature box.
 */
import { italianDate } from '../mail/enrollment';
import { byRegisterOrder, courseSessions, type AttendanceSession, type RegisterPerson } from './attendance';

export interface SignInCourse {
  code: string;
  title: string;
  mode: string;
  venue: string;
  teacher: string;
}

export interface SignInSession extends AttendanceSession {
  venue: string;
}

export interface SignInPerson extends RegisterPerson {
  employeeId: string;
}

export const SIGN_IN_TEMPLATE_NAME = 'Modello foglio firme';

export const SIGN_IN_PLACEHOLDERS = [
  'ENTE',
  'CORSO',
  'CODICE_CORSO',
  'SESSIONE',
  'DATA',
  'ORARIO',
  'SEDE',
  'DOCENTE',
  'ISCRITTI',
] as const;
export type SignInPlaceholder = (typeof SIGN_IN_PLACEHOLDERS)[number];

/** Where the template wants the table of enrollees: a paragraph of its own, replaced by the table. */
export const PARTICIPANTS_MARKER = '{{ELENCO_PARTECIPANTI}}';

export function signInToken(name: SignInPlaceholder): string {
  return `{{${name}}}`;
}

/** The template as first made: staff may restyle and reword it; only the placeholders are a contract. */
export function signInTemplateParagraphs(): Array<{ text: string; style: 'title' | 'body' }> {
  const t = signInToken;
  return [
    { text: 'Foglio firme', style: 'title' },
    { text: t('ENTE'), style: 'body' },
    { text: `Corso: ${t('CORSO')} (${t('CODICE_CORSO')})`, style: 'body' },
    { text: `Sessione: ${t('SESSIONE')}`, style: 'body' },
    { text: `Data: ${t('DATA')}`, style: 'body' },
    { text: `Orario: ${t('ORARIO')}`, style: 'body' },
    { text: `Sede: ${t('SEDE')}`, style: 'body' },
    { text: `Docente: ${t('DOCENTE')}`, style: 'body' },
    { text: PARTICIPANTS_MARKER, style: 'body' },
    { text: `Partecipanti iscritti: ${t('ISCRITTI')}`, style: 'body' },
    { text: 'Firma del docente: ______________________________', style: 'body' },
  ];
}

export interface SignInSheet {
  session: string;
  /** The Doc's name in Drive (the PDF adds `.pdf`): the session and its date, no slash. */
  name: string;
  /** What each placeholder of the template becomes, literally. */
  values: Record<SignInPlaceholder, string>;
  /** The table: its header, then one line per enrollee with the signature box empty. */
  table: string[][];
}

/** Docs API requests that fill the placeholders literally (a name is never read as a pattern). */
export function signInFillBody(values: Record<SignInPlaceholder, string>): { requests: unknown[] } {
  return {
    requests: SIGN_IN_PLACEHOLDERS.map((name) => ({
      replaceAllText: { containsText: { text: signInToken(name), matchCase: true }, replaceText: values[name] },
    })),
  };
}

const IN_ROOM = new Set(['In presenza', 'Mista']);

/** `Registri presenze <anno>` and the course's folder inside it. */
export function signInFolders(year: number, courseCode: string): [string, string] {
  return [`Registri presenze ${year}`, courseCode];
}

/** The sessions that need a sheet: those of an in-person or mixed course that are not cancelled, by date. */
export function signInSessions<S extends SignInSession>(course: SignInCourse, sessions: readonly S[]): S[] {
  return IN_ROOM.has(course.mode) ? courseSessions(sessions, course.code) : [];
}

export function signInSheet(
  issuer: string,
  course: SignInCourse,
  session: SignInSession,
  people: readonly SignInPerson[],
): SignInSheet {
  const venue = session.venue.trim() || course.venue.trim() || 'da definire';
  const ordered = [...people].sort(byRegisterOrder);
  return {
    session: session.id,
    name: `Foglio firme ${session.id} ${session.date}`,
    values: {
      ENTE: issuer,
      CORSO: course.title,
      CODICE_CORSO: course.code,
      SESSIONE: session.id,
      DATA: italianDate(session.date),
      ORARIO: `${session.start}–${session.end}`,
      SEDE: venue,
      DOCENTE: course.teacher.trim() || 'da definire',
      ISCRITTI: String(ordered.length),
    },
    table: [
      ['N.', 'Cognome', 'Nome', 'Comune', 'Firma'],
      ...ordered.map((p, i) => [String(i + 1), p.lastName, p.firstName, p.comune, '']),
    ],
  };
}
