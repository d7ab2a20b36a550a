/**
 * The printable sign-in sheet of an in-person (or mixed) session: the paper the enrollees sign in the
 * room, from which staff then tick `Presenze`. Its layout is the template: who issues it, the course,
 * date, time, place and teacher, one line per enrollee in surname order with an empty signature box,
 * and the teacher's signature.
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

export interface SignInSheet {
  session: string;
  /** The Doc's name in Drive (the PDF adds `.pdf`): the session and its date, no slash. */
  name: string;
  title: string;
  /** "Corso: …", "Data: …" lines under the title. */
  details: string[];
  /** The table: its header, then one line per enrollee with the signature box empty. */
  table: string[][];
  closing: string[];
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
    title: 'Foglio firme',
    details: [
      issuer,
      `Corso: ${course.title} (${course.code})`,
      `Sessione: ${session.id}`,
      `Data: ${italianDate(session.date)}`,
      `Orario: ${session.start}–${session.end}`,
      `Sede: ${venue}`,
      `Docente: ${course.teacher.trim() || 'da definire'}`,
    ],
    table: [
      ['N.', 'Cognome', 'Nome', 'Comune', 'Firma'],
      ...ordered.map((p, i) => [String(i + 1), p.lastName, p.firstName, p.comune, '']),
    ],
    closing: [`Partecipanti iscritti: ${ordered.length}`, 'Firma del docente: ______________________________'],
  };
}
