/** The course list's rules: search by code, title or teacher-free text, filter by stage, stable order. */
import type { CourseSummary } from '../src/gas/dashboard/types';
import { normalizeKey } from '../src/core/text';

export type CourseFilter = 'tutti' | 'aperti' | 'in corso' | 'conclusi';

export const COURSE_FILTERS: ReadonlyArray<{ id: CourseFilter; label: string }> = [
  { id: 'tutti', label: 'Tutti' },
  { id: 'aperti', label: 'Aperti' },
  { id: 'in corso', label: 'In corso' },
  { id: 'conclusi', label: 'Conclusi' },
];

/** How many courses the list shows at once: the rest are reached by searching. */
export const COURSES_SHOWN = 15;

function inFilter(c: CourseSummary, filter: CourseFilter, today: string): boolean {
  switch (filter) {
    case 'tutti':
      return c.status !== 'Annullato';
    case 'aperti':
      return c.status === 'Iscrizioni aperte';
    case 'in corso':
      return (
        (c.status === 'Iscrizioni aperte' || c.status === 'Iscrizioni chiuse') &&
        (c.status === 'Iscrizioni chiuse' || (c.firstDate !== '' && c.firstDate <= today))
      );
    case 'conclusi':
      return c.status === 'Concluso';
  }
}

/**
 * The courses matching every word of `query` (code or title, accents and case ignored) and the
 * filter, ordered by first session date then code (courses without sessions last).
 */
export function filterCourses(
  courses: readonly CourseSummary[],
  query: string,
  filter: CourseFilter,
  today: string,
): CourseSummary[] {
  const words = normalizeKey(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  return courses
    .filter((c) => inFilter(c, filter, today))
    .filter((c) => {
      const text = normalizeKey(`${c.code} ${c.title}`);
      return words.every((w) => text.includes(w));
    })
    .sort(
      (a, b) =>
        (a.firstDate === '' ? 1 : 0) - (b.firstDate === '' ? 1 : 0) ||
        a.firstDate.localeCompare(b.firstDate) ||
        a.code.localeCompare(b.code),
    );
}
