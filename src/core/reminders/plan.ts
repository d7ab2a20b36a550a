/**
 * What the daily run owes people: reminders of sessions coming up (`Promemoria giorni prima`) and
 * reminders to referents of requests still waiting. Pure: calendar days are `yyyy-mm-dd` strings in
 * the academy's zone, times `HH:mm`.
 */
import type { AttendanceSession } from '../attendance/attendance';
import { SCHEDULED_COURSE_STATUSES } from '../registry/tabs';
import { DAY_MS } from '../time/units';

export type ReminderSession = AttendanceSession;

export interface ReminderCourse {
  code: string;
  status: string;
}

export interface ReminderEnrollment {
  id: string;
  course: string;
  email: string;
  status: string;
}

function dayNumber(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); null for a bad date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** The calendar day `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const n = dayNumber(isoDate);
  if (n === null) return isoDate;
  return new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}

export interface DueReminder {
  session: ReminderSession;
  /** Confirmed enrollees' e-mails, each once. */
  emails: string[];
}

/**
 * Sessions that start within `daysBefore` days (today included, if not started yet), with their
 * confirmed enrollees. A run missed on the exact day still reminds, as long as the session is ahead;
 * the caller's record of what was sent keeps it to once per session and person.
 */
export function dueSessionReminders(
  input: {
    sessions: readonly ReminderSession[];
    courses: readonly ReminderCourse[];
    enrollments: readonly ReminderEnrollment[];
  },
  today: string,
  nowTime: string,
  daysBefore: number,
): DueReminder[] {
  const courseStatus = new Map(input.courses.map((c) => [c.code, c.status]));
  const confirmed = new Map<string, string[]>();
  for (const e of input.enrollments) {
    if (e.status !== 'Confermata') continue;
    const list = confirmed.get(e.course) ?? [];
    const email = e.email.trim().toLowerCase();
    if (email && !list.includes(email)) list.push(email);
    confirmed.set(e.course, list);
  }
  const out: DueReminder[] = [];
  for (const s of input.sessions) {
    if (s.status === 'Annullata') continue;
    const status = courseStatus.get(s.course);
    if (status === undefined || !SCHEDULED_COURSE_STATUSES.has(status)) continue;
    const until = daysBetween(today, s.date);
    if (until === null || until < 0 || until > daysBefore) continue;
    if (until === 0 && s.start <= nowTime) continue;
    const emails = confirmed.get(s.course) ?? [];
    if (emails.length > 0) out.push({ session: s, emails: [...emails] });
  }
  return out.sort((a, b) => (a.session.date + a.session.start < b.session.date + b.session.start ? -1 : 1));
}

/** Requests waiting for the referent for at least `afterDays` days (by request day). */
export function staleApprovals<T extends { status: string; requestedOn: string }>(
  enrollments: readonly T[],
  today: string,
  afterDays: number,
): T[] {
  return enrollments.filter((e) => {
    if (e.status !== 'In approvazione') return false;
    const waited = daysBetween(e.requestedOn, today);
    return waited !== null && waited >= afterDays;
  });
}
