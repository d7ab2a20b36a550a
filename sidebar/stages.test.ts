/** The next sensible step and the course list's search, as staff see them in the sidebar. */
import type { CourseSummary } from '../src/core/dashboard/summaries';
import { filterCourses } from './course-list';
import { courseSummary, dashboardOf } from './fixtures';
import { STAGES, nextStep } from './stages';

function course(code: string, status: CourseSummary['status'], over: Partial<CourseSummary> = {}): CourseSummary {
  return courseSummary(code, { status, ...over });
}

const dashboard = dashboardOf;

describe('nextStep', () => {
  it('is Configura only before the academy is configured', () => {
    expect(nextStep(dashboard({ settings: null }), '2027-03-20').workflow).toBe('setup');
    expect(nextStep(dashboard(), '2027-03-20').workflow).not.toBe('setup');
  });

  it('puts rows to fix before anything else once configured', () => {
    const d = dashboard({ problems: [{ tab: 'Sessioni', row: 3, column: 'Data', message: 'Data non valida' }] });
    expect(nextStep(d, '2027-03-20')).toMatchObject({ workflow: null });
    expect(nextStep(d, '2027-03-20').text).toContain('(1)');
  });

  it('points at the course whose sessions are over but is not Concluso, with its attendance', () => {
    const d = dashboard({
      courses: [course('EXC', 'Iscrizioni chiuse', { firstDate: '2027-03-02', lastDate: '2027-03-09' })],
    });
    expect(nextStep(d, '2027-03-20')).toMatchObject({ workflow: 'attendance', course: 'EXC' });
  });

  it('sends staff to a course with requests to verify before closing courses', () => {
    const d = dashboard({ courses: [course('A', 'Iscrizioni aperte', { toVerify: 2 }), course('B', 'Concluso')] });
    expect(nextStep(d, '2027-03-20')).toMatchObject({ workflow: null, course: 'A' });
  });

  it('leaves room for every workflow in exactly one stage', () => {
    const ids = STAGES.flatMap((s) => s.workflows);
    expect(new Set(ids).size).toBe(ids.length);
    expect(STAGES.map((s) => s.id)).toEqual(['preparazione', 'iscrizioni', 'svolgimento', 'chiusura', 'report']);
  });
});

describe('filterCourses', () => {
  const courses = [
    course('WRD-BASE', 'Iscrizioni aperte', { title: 'Word di base', firstDate: '2027-04-01' }),
    course('EXC-BASE', 'Iscrizioni aperte', { title: 'Excel di base', firstDate: '2027-03-15' }),
    course('GDPR', 'Concluso', { title: 'Protezione dei dati', firstDate: '2027-02-01' }),
    course('NEW', 'Bozza', { title: 'Nuovo corso' }),
    course('OLD', 'Annullato', { title: 'Corso annullato' }),
  ];

  it('orders by first session date then code, courses without sessions last, never the cancelled ones', () => {
    expect(filterCourses(courses, '', 'tutti', '2027-03-20').map((c) => c.code)).toEqual([
      'GDPR',
      'EXC-BASE',
      'WRD-BASE',
      'NEW',
    ]);
  });

  it('finds by every word of code or title, ignoring case and accents', () => {
    expect(filterCourses(courses, 'di BASE', 'tutti', '2027-03-20').map((c) => c.code)).toEqual([
      'EXC-BASE',
      'WRD-BASE',
    ]);
    expect(filterCourses(courses, 'protezióne', 'tutti', '2027-03-20').map((c) => c.code)).toEqual(['GDPR']);
  });

  it('filters open, running and concluded courses', () => {
    expect(filterCourses(courses, '', 'aperti', '2027-03-20').map((c) => c.code)).toEqual(['EXC-BASE', 'WRD-BASE']);
    expect(filterCourses(courses, '', 'in corso', '2027-03-20').map((c) => c.code)).toEqual(['EXC-BASE']);
    expect(filterCourses(courses, '', 'conclusi', '2027-03-20').map((c) => c.code)).toEqual(['GDPR']);
  });
});
