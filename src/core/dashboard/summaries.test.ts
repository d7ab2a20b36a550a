/** The dashboard's pure parts: which sessions come next, and each course's counts and dates. */
import type { Course, Enrollment, Session } from '../registry/schemas';
import { courseSummaries, nextSessions, tallyEnrollments } from './summaries';

function course(code: string, status: string, over: Partial<Course> = {}): Course {
  return {
    code,
    title: `Corso ${code}`,
    area: '',
    description: '',
    teacher: '',
    hours: 6,
    mode: 'Online',
    venue: 'Sala A',
    seats: 10,
    audience: [],
    threshold: null,
    cost: 0,
    status,
    ...over,
  } as Course;
}

function session(id: string, courseCode: string, date: string, start = '09:00', over: Partial<Session> = {}): Session {
  return {
    id,
    course: courseCode,
    date,
    start,
    end: '12:00',
    venue: '',
    eventId: '',
    meetLink: '',
    status: 'Programmata',
    ...over,
  } as Session;
}

function enrollment(id: string, courseCode: string, status: string): Enrollment {
  return {
    id,
    requestedAt: new Date(0),
    course: courseCode,
    email: `${id}@x.it`,
    employeeId: '',
    status,
    waitPosition: null,
    origin: 'Modulo',
    responseId: '',
    notes: '',
  } as Enrollment;
}

describe('nextSessions', () => {
  const courses = [
    course('A', 'Iscrizioni aperte'),
    course('B', 'Bozza'),
    course('C', 'Iscrizioni chiuse', { venue: '' }),
  ];
  const sessions = [
    session('A-S2', 'A', '2027-03-09'),
    session('A-S1', 'A', '2027-03-02', '14:00'),
    session('C-S1', 'C', '2027-03-02', '09:00', { meetLink: 'https://meet.google.com/abc' }),
    session('B-S1', 'B', '2027-03-01'),
    session('A-S0', 'A', '2027-02-01'),
    session('A-S3', 'A', '2027-03-10', '09:00', { status: 'Annullata' }),
  ];

  it('lists future sessions of scheduled courses in date and time order, without drafts or cancelled ones', () => {
    const next = nextSessions(
      sessions,
      courses,
      tallyEnrollments([enrollment('I1', 'A', 'Confermata'), enrollment('I2', 'A', 'In attesa')]),
      '2027-03-01',
    );
    expect(next.map((s) => s.id)).toEqual(['C-S1', 'A-S1', 'A-S2']);
    expect(next[1]).toMatchObject({ venue: 'Sala A', confirmed: 1, seats: 10 });
    expect(next[0]).toMatchObject({ meetLink: 'https://meet.google.com/abc', venue: '' });
  });

  it('stops at the limit', () => {
    expect(nextSessions(sessions, courses, {}, '2027-01-01', 2)).toHaveLength(2);
  });
});

describe('courseSummaries', () => {
  it('counts confirmed, waiting and unverified requests per course', () => {
    const summary = courseSummaries(
      [course('A', 'Iscrizioni aperte')],
      tallyEnrollments([
        enrollment('I1', 'A', 'Confermata'),
        enrollment('I2', 'A', 'In attesa'),
        enrollment('I3', 'A', 'Da verificare'),
        enrollment('I4', 'A', 'Annullata'),
      ]),
    );
    expect(summary).toEqual([
      {
        code: 'A',
        title: 'Corso A',
        status: 'Iscrizioni aperte',
        seats: 10,
        confirmed: 1,
        waiting: 1,
        toVerify: 1,
        firstDate: '',
        lastDate: '',
      },
    ]);
  });

  it('gives the first and last date of the sessions that take place', () => {
    const [summary] = courseSummaries([course('A', 'Iscrizioni aperte')], {}, [
      session('A-S1', 'A', '2027-03-09'),
      session('A-S2', 'A', '2027-03-02'),
      session('A-S3', 'A', '2027-04-01', '09:00', { status: 'Annullata' }),
    ]);
    expect([summary?.firstDate, summary?.lastDate]).toEqual(['2027-03-02', '2027-03-09']);
  });
});
