import {
  courseSessions,
  hoursByEmployee,
  type AttendanceEnrollment,
  type AttendanceRow,
  type AttendanceSession,
} from '../attendance/attendance';
import { parseCivilDate, parseCivilTime, resolveRomeWallClock } from '../calendar/time';
import type { CourseStatus } from '../registry/tabs';

/** The subsets of the registry records the certificate rules read. */
export interface CertCourse {
  code: string;
  hours: number;
  threshold: number | null;
  status: CourseStatus;
}

export type CertEnrollment = AttendanceEnrollment;

export interface CertRecordKey {
  course: string;
  employeeId: string;
}

export interface Candidate {
  course: string;
  employeeId: string;
  email: string;
  hoursAttended: number;
}

export const CONCLUDED = 'Concluso';

/** When the course's last session that takes place ends (null: none, or a session with a bad time). */
export function lastSessionEnd(
  sessions: readonly AttendanceSession[],
  course: string,
): { date: string; endMs: number } | null {
  let last: AttendanceSession | null = null;
  for (const s of courseSessions(sessions, course))
    if (!last || `${s.date} ${s.end}` > `${last.date} ${last.end}`) last = s;
  if (!last || !parseCivilDate(last.date) || !parseCivilTime(last.end)) return null;
  return { date: last.date, endMs: resolveRomeWallClock(last.date, last.end).instantMs };
}

/** The attendance threshold (percent) of a course: its own `Soglia frequenza %`, else the default. */
export function thresholdOf(course: Pick<CertCourse, 'threshold'>, defaultThreshold: number): number {
  const t = course.threshold ?? defaultThreshold;
  return Math.min(100, Math.max(0, t));
}

/**
 * Whether the hours attended reach the threshold of the course's hours. Compared in hundredths of an
 * hour so 75% of 4 h is exactly 3 h whatever floating point does; a course without hours certifies
 * nothing.
 */
export function meetsThreshold(hoursAttended: number, courseHours: number, thresholdPercent: number): boolean {
  if (!(courseHours > 0) || !(hoursAttended > 0)) return false;
  const attended = Math.round(hoursAttended * 100);
  const needed = Math.round(courseHours * thresholdPercent);
  return attended >= needed;
}

export function certificateKey(course: string, employeeId: string): string {
  return `${course}|${employeeId}`;
}

/** The registry's rows a certificate decision reads. */
export interface CandidateSources {
  courses: readonly CertCourse[];
  sessions: readonly AttendanceSession[];
  enrollments: readonly CertEnrollment[];
  attendance: readonly AttendanceRow[];
  certificates: readonly CertRecordKey[];
  defaultThreshold: number;
}

/**
 * Enrollments that deserve a certificate and have none: confirmed, employee known, hours attended at
 * least the threshold, no `Attestati` row yet for (course, employee). One candidate per (course,
 * employee), in course then enrollment order.
 */
export function certificateCandidates(input: CandidateSources): Candidate[] {
  const issued = new Set(input.certificates.map((c) => certificateKey(c.course, c.employeeId)));
  const out: Candidate[] = [];
  for (const course of input.courses) {
    const hours = hoursByEmployee(course.code, input.sessions, input.attendance);
    const threshold = thresholdOf(course, input.defaultThreshold);
    for (const e of input.enrollments) {
      if (e.course !== course.code || e.status !== 'Confermata' || !e.employeeId) continue;
      const key = certificateKey(course.code, e.employeeId);
      if (issued.has(key)) continue;
      const attended = hours.get(e.employeeId) ?? 0;
      if (!meetsThreshold(attended, course.hours, threshold)) continue;
      issued.add(key);
      out.push({ course: course.code, employeeId: e.employeeId, email: e.email, hoursAttended: attended });
    }
  }
  return out;
}
