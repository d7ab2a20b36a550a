import { hoursToFill, missingAttendanceRows } from '../../core/attendance/attendance';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { logEvent } from '../registry/log';
import { assignMissingIds } from '../registry/ids';
import { appendRecords, readTable, updateRecords, type Table } from '../registry/table';
import type { Attendance } from '../../core/registry/schemas';
import { duplicateIdMessage } from '../../core/registry/codec';

export interface PrepareResult {
  course: string;
  sessions: number;
  enrollees: number;
  added: number;
  message: string;
}

/**
 * Adds the missing `Presenze` rows of a course (session x confirmed enrollee) in one appended block.
 * Existing rows are left exactly as staff left them (ticks, edited hours).
 */
export function prepareCourseAttendance(courseCode: string): PrepareResult {
  const code = String(courseCode ?? '').trim();
  if (!code) throw new UserError('Indicare il codice del corso.');
  const courses = readTable(TAB.corsi);
  if (!courses.rows.some((r) => r.record.code === code))
    throw new UserError(duplicateIdMessage(courses, code) ?? `Corso ${code} non trovato nel foglio «Corsi».`);
  const ids = assignMissingIds([TAB.sessioni, TAB.iscrizioni]);
  const sessions = (ids.Sessioni ?? readTable(TAB.sessioni)).rows.map((r) => r.record);
  const enrollments = (ids.Iscrizioni ?? readTable(TAB.iscrizioni)).rows.map((r) => r.record);
  const attendance = readTable(TAB.presenze);
  const rows = missingAttendanceRows(
    code,
    sessions,
    enrollments,
    attendance.rows.map((r) => r.record),
  );
  appendRecords(attendance, rows);
  const courseSessions = sessions.filter((s) => s.course === code && s.status !== 'Annullata').length;
  const enrollees = new Set(
    enrollments.filter((e) => e.course === code && e.status === 'Confermata' && e.employeeId).map((e) => e.employeeId),
  ).size;
  if (rows.length > 0) logEvent('Registro presenze preparato', `${code}: ${rows.length} righe aggiunte`);
  const message =
    rows.length > 0
      ? `Registro presenze di ${code}: ${rows.length} righe aggiunte (${courseSessions} sessioni, ${enrollees} iscritti confermati).`
      : `Registro presenze di ${code} già completo (${courseSessions} sessioni, ${enrollees} iscritti confermati).`;
  return { course: code, sessions: courseSessions, enrollees, added: rows.length, message };
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
