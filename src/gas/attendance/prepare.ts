import {
  hoursToFill,
  missingAttendanceRows,
  registerPersonUpdates,
  type AttendanceEnrollment,
  type AttendanceSession,
  type RegisterPerson,
} from '../../core/attendance/attendance';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { logEvent } from '../registry/log';
import { assignMissingIds } from '../registry/ids';
import { registerInsertions } from '../../core/attendance/placement';
import { signInFolders, signInSessions, signInSheet } from '../../core/attendance/sign-in-sheet';
import { issuerName } from '../../core/certificates/template';
import { readSettings } from '../registry/settings';
import { saveSignInSheet, signInFolder, signInTemplateId, type SignInFile } from './sign-in';
import { insertRecords, readTable, updateRecords, type Table } from '../registry/table';
import type { Attendance, Course, Employee, Session } from '../../core/registry/schemas';
import { duplicateIdMessage } from '../../core/registry/codec';

export interface PrepareResult {
  course: string;
  sessions: number;
  enrollees: number;
  added: number;
  /** The printable sign-in sheets of the in-person and mixed sessions, made again on each run. */
  signInSheets: SignInFile[];
  message: string;
}

/** Each employee as the register shows them. */
export function registerPeople(employees: readonly Employee[]): Map<string, RegisterPerson> {
  return new Map(employees.map((e) => [e.id, { firstName: e.firstName, lastName: e.lastName, comune: e.comune }]));
}

/**
 * The one place that writes register rows (`Prepara registro presenze` and the Meet import): the names
 * and comuni of the existing rows of those courses brought in step with `Dipendenti` (one batched
 * update), then the missing session x confirmed enrollee rows of each course: a new register in one
 * block at the end, by session and surname; someone confirmed later among their session's rows in
 * surname order (inserted rows: the ticks and hours already typed move with their rows). Returns how
 * many rows were added.
 */
export function addRegisterRows(
  attendance: Table<Attendance>,
  courses: readonly string[],
  sessions: readonly AttendanceSession[],
  enrollments: readonly AttendanceEnrollment[],
  people: ReadonlyMap<string, RegisterPerson>,
): number {
  const wanted = new Set(courses);
  const ofCourses = attendance.rows.filter((r) => wanted.has(r.record.course));
  updateRecords(attendance, registerPersonUpdates(ofCourses, people));
  const rows = [...wanted].flatMap((course) =>
    missingAttendanceRows(
      course,
      sessions,
      enrollments,
      attendance.rows.map((r) => r.record),
      people,
    ),
  );
  const placed = registerInsertions(ofCourses, rows, sessions, attendance.lastRow);
  insertRecords(
    attendance,
    placed.map((p) => ({ before: p.before, records: p.rows })),
  );
  return rows.length;
}

/**
 * Adds the missing `Presenze` rows of a course (session x confirmed enrollee) in one appended block.
 * Existing rows are left exactly as staff left them (ticks, edited hours).
 */
export function prepareCourseAttendance(courseCode: string): PrepareResult {
  const code = String(courseCode ?? '').trim();
  if (!code) throw new UserError('Indicare il codice del corso.');
  const courses = readTable(TAB.corsi);
  const course = courses.rows.find((r) => r.record.code === code)?.record;
  if (!course)
    throw new UserError(duplicateIdMessage(courses, code) ?? `Corso ${code} non trovato nel foglio «Corsi».`);
  const ids = assignMissingIds([TAB.sessioni, TAB.iscrizioni]);
  const sessions = (ids.Sessioni ?? readTable(TAB.sessioni)).rows.map((r) => r.record);
  const enrollments = (ids.Iscrizioni ?? readTable(TAB.iscrizioni)).rows.map((r) => r.record);
  const people = registerPeople(readTable(TAB.dipendenti).rows.map((r) => r.record));
  const attendance = readTable(TAB.presenze);
  const added = addRegisterRows(attendance, [code], sessions, enrollments, people);
  const courseSessions = sessions.filter((s) => s.course === code && s.status !== 'Annullata').length;
  const confirmed = [
    ...new Set(
      enrollments
        .filter((e) => e.course === code && e.status === 'Confermata' && e.employeeId)
        .map((e) => e.employeeId),
    ),
  ];
  const enrollees = confirmed.length;
  if (added > 0) logEvent('Registro presenze preparato', `${code}: ${added} righe aggiunte`);
  const { files: signInSheets, path } = makeSignInSheets(course, sessions, confirmed, people);
  const register =
    added > 0
      ? `Registro presenze di ${code}: ${added} righe aggiunte (${courseSessions} sessioni, ${enrollees} iscritti confermati).`
      : `Registro presenze di ${code} già completo (${courseSessions} sessioni, ${enrollees} iscritti confermati).`;
  const sheets = signInSheets.length > 0 ? ` Fogli firme da stampare: ${signInSheets.length} in Drive, «${path}».` : '';
  return { course: code, sessions: courseSessions, enrollees, added, signInSheets, message: register + sheets };
}

/** The sign-in sheet of each in-person or mixed session, with the confirmed enrollees in surname order. */
function makeSignInSheets(
  course: Course,
  sessions: readonly Session[],
  confirmed: readonly string[],
  people: ReadonlyMap<string, RegisterPerson>,
): { files: SignInFile[]; path: string } {
  const wanted = signInSessions(course, sessions);
  if (wanted.length === 0) return { files: [], path: '' };
  const settings = readSettings();
  const issuer = issuerName(settings.orgName, settings.senderName);
  const enrollees = confirmed.map((employeeId) => ({
    employeeId,
    ...(people.get(employeeId) ?? { firstName: '', lastName: '', comune: '' }),
  }));
  const folders = signInFolders(settings.year, course.code);
  const folder = signInFolder(folders);
  const templateId = signInTemplateId();
  const files = wanted.map((s) => saveSignInSheet(folder, templateId, signInSheet(issuer, course, s, enrollees)));
  logEvent('Fogli firme preparati', `${course.code}: ${files.map((f) => f.session).join(', ')}`);
  return { files, path: folders.join('/') };
}

/**
 * After staff tick `Presente` (the edit trigger), the ticked rows of the edited block whose `Ore` is empty
 * get the session's length: one read of `Sessioni`, one block write.
 */
export function fillTickedHours(attendance: Table<Attendance>, firstRow: number, numRows: number): number {
  const edited = attendance.rows.filter((r) => r.row >= firstRow && r.row < firstRow + numRows);
  if (!edited.some((r) => r.record.present && r.record.hours === null)) return 0;
  const sessions = readTable(TAB.sessioni).rows.map((r) => r.record);
  const fills = hoursToFill(edited, sessions);
  updateRecords(
    attendance,
    fills.map((f) => ({ row: f.row, patch: { hours: f.hours } })),
  );
  return fills.length;
}
