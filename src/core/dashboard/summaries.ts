/**
 * The dashboard's pure rules: which sessions come next, and each course's counts and dates as the
 * sidebar lists them (searchable, filtered by stage, in a stable order).
 */
import type { Course, Enrollment, Session } from '../registry/schemas';
import { SCHEDULED_COURSE_STATUSES, type CourseStatus } from '../registry/tabs';
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

export function nextSessions(
  sessions: readonly Session[],
  courses: readonly Course[],
  enrollments: readonly Enrollment[],
  today: string,
  limit = NEXT_SESSIONS_SHOWN,
): NextSession[] {
  const byCode = new Map(courses.map((c) => [c.code, c]));
  const confirmed = new Map<string, number>();
  for (const e of enrollments)
    if (e.status === 'Confermata') confirmed.set(e.course, (confirmed.get(e.course) ?? 0) + 1);
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
        confirmed: confirmed.get(s.course) ?? 0,
        seats: course?.seats ?? 0,
      };
    });
}

export function courseSummaries(
  courses: readonly Course[],
  enrollments: readonly Enrollment[],
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
  const tally = new Map<string, { confirmed: number; waiting: number; toVerify: number }>();
  for (const e of enrollments) {
    const t = tally.get(e.course) ?? { confirmed: 0, waiting: 0, toVerify: 0 };
    if (e.status === 'Confermata') t.confirmed += 1;
    else if (e.status === 'In attesa') t.waiting += 1;
    else if (e.status === 'Da verificare') t.toVerify += 1;
    tally.set(e.course, t);
  }
  return courses.map((c) => ({
    code: c.code,
    title: c.title,
    status: c.status,
    seats: c.seats,
    ...(tally.get(c.code) ?? { confirmed: 0, waiting: 0, toVerify: 0 }),
    firstDate: dates.get(c.code)?.first ?? '',
    lastDate: dates.get(c.code)?.last ?? '',
  }));
}
