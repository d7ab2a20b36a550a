/**
 * What «Emetti attestati» would do, before it does it: per course, who gets a certificate, who already
 * has one, and who is left out and why (hours attended against the threshold, an enrollment that is not
 * confirmed). Certificates are issued only for a `Concluso` course; any other course is "blocked" with
 * the Italian reason staff read. The same rules as `certificateCandidates`, so preview and run agree.
 */
import { hoursByEmployee, type AttendanceRow, type AttendanceSession } from '../attendance/attendance';
import type { CourseStatus } from '../registry/tabs';
import { formatNumberIt } from '../text';
import {
  CONCLUDED,
  certificateCandidates,
  certificateKey,
  meetsThreshold,
  thresholdOf,
  type CertCourse,
  type CertEnrollment,
  type CandidateSources,
} from './eligibility';

export interface PreviewCourse extends CertCourse {
  title: string;
}

export interface PreviewEmployee {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface PreviewPerson {
  employeeId: string;
  /** "Cognome Nome" as the register lists people, or the e-mail when the employee is unknown. */
  name: string;
  email: string;
  hoursAttended: number;
}

export interface CoursePreview {
  code: string;
  title: string;
  status: CourseStatus;
  hours: number;
  threshold: number;
  /** Why no certificate can be issued for this course now ('' when it can). */
  blocked: string;
  toIssue: PreviewPerson[];
  alreadyIssued: Array<PreviewPerson & { number: string }>;
  leftOut: Array<PreviewPerson & { reason: string }>;
}

export interface CertificatePreview {
  courses: CoursePreview[];
  toIssue: number;
  alreadyIssued: number;
  leftOut: number;
  message: string;
}

/** Statuses of an enrollment that could still have become a certificate: shown as left out. */
const NOT_CONFIRMED_SHOWN: ReadonlySet<string> = new Set(['In attesa', 'In approvazione', 'Da verificare']);

export function notConcludedMessage(code: string, status: string): string {
  return `Il corso ${code} non è concluso (stato: ${status || 'non indicato'}): imposti «Stato» a «Concluso» nel foglio Corsi, poi emetta gli attestati.`;
}

function hoursText(n: number): string {
  return `${formatNumberIt(n, 2)} ${n === 1 ? 'ora' : 'ore'}`;
}

/** "3 ore frequentate su 4,5 richieste (soglia 75% di 6 ore)". */
export function belowThresholdReason(attended: number, courseHours: number, threshold: number): string {
  const needed = Math.round(courseHours * threshold) / 100;
  return `${hoursText(attended)} frequentate su ${hoursText(needed)} richieste (soglia ${threshold}% di ${hoursText(courseHours)})`;
}

export function previewCertificatesFor(input: {
  courses: readonly PreviewCourse[];
  sessions: readonly AttendanceSession[];
  enrollments: readonly CertEnrollment[];
  attendance: readonly AttendanceRow[];
  certificates: ReadonlyArray<{ number: string; course: string; employeeId: string }>;
  employees: readonly PreviewEmployee[];
  defaultThreshold: number;
}): CertificatePreview {
  const byId = new Map(input.employees.map((e) => [e.id, e]));
  const issued = new Map(input.certificates.map((c) => [certificateKey(c.course, c.employeeId), c.number]));
  const person = (employeeId: string, email: string, hoursAttended: number): PreviewPerson => {
    const e = byId.get(employeeId);
    const name = e ? `${e.lastName} ${e.firstName}`.trim() : '';
    return { employeeId, name: name || email, email: e?.email || email, hoursAttended };
  };
  const courses = input.courses.map((course): CoursePreview => {
    const threshold = thresholdOf(course, input.defaultThreshold);
    const preview: CoursePreview = {
      code: course.code,
      title: course.title,
      status: course.status,
      hours: course.hours,
      threshold,
      blocked: course.status === CONCLUDED ? '' : notConcludedMessage(course.code, course.status),
      toIssue: [],
      alreadyIssued: [],
      leftOut: [],
    };
    const hours = hoursByEmployee(course.code, input.sessions, input.attendance);
    const candidates = new Set(
      certificateCandidates({ ...input, courses: [course] }).map((c) => certificateKey(c.course, c.employeeId)),
    );
    const seen = new Set<string>();
    for (const e of input.enrollments) {
      if (e.course !== course.code) continue;
      const attended = hours.get(e.employeeId) ?? 0;
      const who = person(e.employeeId, e.email, attended);
      if (e.status !== 'Confermata') {
        if (NOT_CONFIRMED_SHOWN.has(e.status))
          preview.leftOut.push({ ...who, reason: `iscrizione non confermata (stato: ${e.status})` });
        continue;
      }
      if (!e.employeeId) {
        preview.leftOut.push({ ...who, reason: 'iscrizione non collegata a un dipendente di Dipendenti' });
        continue;
      }
      const key = certificateKey(course.code, e.employeeId);
      if (seen.has(key)) continue;
      seen.add(key);
      const number = issued.get(key);
      if (number) preview.alreadyIssued.push({ ...who, number });
      else if (candidates.has(key)) preview.toIssue.push(who);
      else if (!meetsThreshold(attended, course.hours, threshold))
        preview.leftOut.push({ ...who, reason: belowThresholdReason(attended, course.hours, threshold) });
    }
    for (const list of [preview.toIssue, preview.alreadyIssued, preview.leftOut])
      list.sort((a, b) => a.name.localeCompare(b.name, 'it'));
    return preview;
  });
  const open = courses.filter((c) => c.blocked === '');
  const toIssue = open.reduce((n, c) => n + c.toIssue.length, 0);
  const alreadyIssued = courses.reduce((n, c) => n + c.alreadyIssued.length, 0);
  const leftOut = courses.reduce((n, c) => n + c.leftOut.length, 0);
  return {
    courses,
    toIssue,
    alreadyIssued,
    leftOut,
    message: previewMessage(courses, toIssue, alreadyIssued, leftOut),
  };
}

/**
 * How many certificates «Emetti attestati» would issue for every `Concluso` course: the preview's
 * `toIssue` without the people's names, which alone need `Dipendenti`. Course by course, as the preview
 * counts them.
 */
export function certificatesToIssue(input: CandidateSources): number {
  return input.courses
    .filter((c) => c.status === CONCLUDED)
    .reduce((n, course) => n + certificateCandidates({ ...input, courses: [course] }).length, 0);
}

function previewMessage(courses: readonly CoursePreview[], toIssue: number, already: number, leftOut: number): string {
  const blocked = courses.filter((c) => c.blocked !== '');
  if (courses.length === 0) return 'Nessun corso «Concluso»: nessun attestato da emettere.';
  if (blocked.length === courses.length && courses.length === 1) return blocked[0]?.blocked ?? '';
  const parts = [
    toIssue === 0
      ? 'Nessun nuovo attestato da emettere.'
      : `${toIssue === 1 ? 'Un attestato da emettere' : `${toIssue} attestati da emettere`} e inviare per email.`,
  ];
  if (already > 0) parts.push(`${already} già ${already === 1 ? 'emesso' : 'emessi'} in precedenza.`);
  if (leftOut > 0)
    parts.push(`${leftOut} ${leftOut === 1 ? 'persona esclusa' : 'persone escluse'} (motivo accanto al nome).`);
  return parts.join(' ');
}
