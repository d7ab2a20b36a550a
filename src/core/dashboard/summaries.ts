/**
 * The dashboard's pure rules: which sessions come next, and each course's counts and dates as the
 * sidebar lists them (searchable, filtered by stage, in a stable order).
 */
import type { Course, Enrollment, Session } from '../registry/schemas';
import { SCHEDULED_COURSE_STATUSES, type CourseStatus, type EnrollmentStatus } from '../registry/tabs';
import { meetHref } from '../text';

export interface NextSession {
  id: string;
  course: string;
  title: string;
  /** `yyyy-MM-dd` */
  date: string;
  start: string;
  end: string;
  meetLink: string;
  venue: string;
  confirmed: number;
  seats: number;
}

export interface CourseSummary {
  code: string;
  title: string;
  status: CourseStatus;
  seats: number;
  confirmed: number;
  waiting: number;
  toVerify: number;
  /** `yyyy-MM-dd` of the first and last session that takes place ('' without sessions). */
  firstDate: string;
  lastDate: string;
}

export const NEXT_SESSIONS_SHOWN = 8;

/**
 * Course code → enrollment status → how many rows: all the dashboard needs of `Iscrizioni`, so it can
 * come from the rows themselves or from the figures record kept beside them.
 */
export type EnrollmentTally = Record<string, Partial<Record<EnrollmentStatus, number>>>;

export function tallyEnrollments(enrollments: readonly Pick<Enrollment, 'course' | 'status'>[]): EnrollmentTally {
  const tally: EnrollmentTally = {};
  for (const e of enrollments) {
    const byStatus = (tally[e.course] ??= {});
    byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
  }
  return tally;
}

function tallied(tally: EnrollmentTally, course: string, status: EnrollmentStatus): number {
  return tally[course]?.[status] ?? 0;
}

export function nextSessions(
  sessions: readonly Session[],
  courses: readonly Course[],
  tally: EnrollmentTally,
  today: string,
  limit = NEXT_SESSIONS_SHOWN,
): NextSession[] {
  const byCode = new Map(courses.map((c) => [c.code, c]));
  return sessions
    .filter(
      (s) =>
        s.status !== 'Annullata' &&
        s.date >= today &&
        SCHEDULED_COURSE_STATUSES.has(byCode.get(s.course)?.status ?? ''),
    )
    .sort((a, b) =>
      a.date === b.date ? (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) : a.date < b.date ? -1 : 1,
    )
    .slice(0, limit)
    .map((s) => {
      const course = byCode.get(s.course);
      return {
        id: s.id,
        course: s.course,
        title: course?.title ?? s.course,
        date: s.date,
        start: s.start,
        end: s.end,
        meetLink: meetHref(s.meetLink),
        venue: s.venue || course?.venue || '',
        confirmed: tallied(tally, s.course, 'Confermata'),
        seats: course?.seats ?? 0,
      };
    });
}

export function courseSummaries(
  courses: readonly Course[],
  tally: EnrollmentTally,
  sessions: readonly Session[] = [],
): CourseSummary[] {
  const dates = new Map<string, { first: string; last: string }>();
  for (const s of sessions) {
    if (s.status === 'Annullata' || s.date === '') continue;
    const d = dates.get(s.course);
    dates.set(s.course, {
      first: !d || s.date < d.first ? s.date : d.first,
      last: !d || s.date > d.last ? s.date : d.last,
    });
  }
  return courses.map((c) => ({
    code: c.code,
    title: c.title,
    status: c.status,
    seats: c.seats,
    confirmed: tallied(tally, c.code, 'Confermata'),
    waiting: tallied(tally, c.code, 'In attesa'),
    toVerify: tallied(tally, c.code, 'Da verificare'),
    firstDate: dates.get(c.code)?.first ?? '',
    lastDate: dates.get(c.code)?.last ?? '',
  }));
}
