/**
 * After a course's last session: who is asked for feedback (every confirmed enrollee) and who was
 * absent (confirmed, no hour attended, once the register of the course has been filled in). Pure.
 */
import {
  countedRows,
  rowHours,
  type AttendanceEnrollment,
  type AttendanceMark,
  type AttendanceSession,
} from '../attendance/attendance';
import { daysBetween } from '../reminders/plan';

export type EndedSession = AttendanceSession;

export type EndedEnrollment = AttendanceEnrollment;

export type EndedAttendance = AttendanceMark;

export interface EndedCourse {
  code: string;
  lastDate: string;
  confirmed: Array<{ email: string; employeeId: string }>;
  /** False while nobody is ticked present in any session of the course (the register is not filled in yet). */
  registerTaken: boolean;
  absentees: Array<{ email: string; employeeId: string }>;
}

/**
 * Courses whose last session (not cancelled) has ended by `now` (`yyyy-mm-dd HH:mm`), at most
 * `windowDays` days ago: later runs leave older courses alone.
 */
export function endedCourses(
  input: {
    sessions: readonly EndedSession[];
    enrollments: readonly EndedEnrollment[];
    attendance: readonly EndedAttendance[];
    cancelledCourses?: ReadonlySet<string>;
  },
  now: string,
  windowDays: number,
): EndedCourse[] {
  const today = now.slice(0, 10);
  const last = new Map<string, EndedSession>();
  const sessionById = new Map<string, EndedSession>();
  for (const s of input.sessions) {
    if (s.status === 'Annullata') continue;
    sessionById.set(s.id, s);
    const seen = last.get(s.course);
    if (!seen || `${s.date} ${s.end}` > `${seen.date} ${seen.end}`) last.set(s.course, s);
  }
  const ended = new Map<string, EndedSession>();
  for (const [course, s] of last) {
    if (input.cancelledCourses?.has(course)) continue;
    if (`${s.date} ${s.end}` > now) continue;
    const ago = daysBetween(s.date, today);
    if (ago !== null && ago <= windowDays) ended.set(course, s);
  }
  const hours = new Map<string, number>();
  const taken = new Set<string>();
  const endedSession = (id: string): EndedSession | undefined => {
    const s = sessionById.get(id);
    return s && ended.has(s.course) ? s : undefined;
  };
  for (const { row: a, session: s } of countedRows(input.attendance, endedSession)) {
    if (a.present) taken.add(s.course);
    const h = rowHours(a, s);
    if (h > 0) hours.set(`${s.course}\u0000${a.employeeId}`, (hours.get(`${s.course}\u0000${a.employeeId}`) ?? 0) + h);
  }
  const out: EndedCourse[] = [];
  for (const [code, s] of ended) {
    const confirmed: EndedCourse['confirmed'] = [];
    const emails = new Set<string>();
    for (const e of input.enrollments) {
      const email = e.email.trim().toLowerCase();
      if (e.course !== code || e.status !== 'Confermata' || !email || emails.has(email)) continue;
      emails.add(email);
      confirmed.push({ email, employeeId: e.employeeId });
    }
    const registerTaken = taken.has(code);
    const absentees = registerTaken
      ? confirmed.filter((p) => !((hours.get(`${code}\u0000${p.employeeId}`) ?? 0) > 0))
      : [];
    out.push({ code, lastDate: s.date, confirmed, registerTaken, absentees });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
