/** The dashboard's pure parts: which sessions come next and who an unknown e-mail may belong to. */
import type { Course, Employee, Enrollment, Session } from '../../core/registry/schemas';
import { candidatesFor } from './course';
import { courseSummaries, nextSessions } from './dashboard';

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

function employee(id: string, firstName: string, lastName: string, email: string): Employee {
  return {
    id,
    firstName,
    lastName,
    email,
    taxCode: '',
    comune: 'Crema',
    role: 'Dipendente',
    office: '',
    active: true,
  } as Employee;
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
      [enrollment('I1', 'A', 'Confermata'), enrollment('I2', 'A', 'In attesa')],
      '2027-03-01',
    );
    expect(next.map((s) => s.id)).toEqual(['C-S1', 'A-S1', 'A-S2']);
    expect(next[1]).toMatchObject({ venue: 'Sala A', confirmed: 1, seats: 10 });
    expect(next[0]).toMatchObject({ meetLink: 'https://meet.google.com/abc', venue: '' });
  });

  it('stops at the limit', () => {
    expect(nextSessions(sessions, courses, [], '2027-01-01', 2)).toHaveLength(2);
  });
});

describe('courseSummaries', () => {
  it('counts confirmed, waiting and unverified requests per course', () => {
    const summary = courseSummaries(
      [course('A', 'Iscrizioni aperte')],
      [
        enrollment('I1', 'A', 'Confermata'),
        enrollment('I2', 'A', 'In attesa'),
        enrollment('I3', 'A', 'Da verificare'),
        enrollment('I4', 'A', 'Annullata'),
      ],
    );
    expect(summary).toEqual([
      { code: 'A', title: 'Corso A', status: 'Iscrizioni aperte', seats: 10, confirmed: 1, waiting: 1, toVerify: 1 },
    ]);
  });
});

describe('candidatesFor', () => {
  const people = [
    employee('D00001', 'Anna', 'Bassi', 'anna.bassi@comune.crema.cr.it'),
    employee('D00002', 'Luca', 'Bassi', 'luca.bassi@comune.offanengo.cr.it'),
    employee('D00003', 'Marco', 'Conti', 'marco.conti@comune.crema.cr.it'),
  ];

  it('ranks employees whose name is in the e-mail, the same domain breaking ties', () => {
    expect(candidatesFor('a.bassi@comune.crema.cr.it', people).map((c) => c.id)).toEqual(['D00001', 'D00002']);
    expect(candidatesFor('anna.bassi73@gmail.com', people).map((c) => c.id)).toEqual(['D00001', 'D00002']);
  });

  it('offers nobody when nothing but the domain matches', () => {
    expect(candidatesFor('ufficio.tributi@comune.crema.cr.it', people)).toEqual([]);
  });
});
