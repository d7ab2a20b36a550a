import { computeReports, type ReportInput } from './compute';

/**
 * A small hand-computed academy (year 2027, target 40 hours):
 * - Sara (Pandino): GDPR 4 h + EXC 2.5 h (hours typed by staff) + external 10 h in 2027 (5 h in 2026 ignored) = 16.5 h.
 * - Paolo (Pandino): GDPR 2 h (second session absent); OLD 2 h dated 2026 ignored; confirmed in EXC, never came = 2 h.
 * - Anna (Crema): EXC 3 h + external 40 h on 31/12/2027 (3 h in 2028 ignored) = 43 h.
 * - Luca (Crema): no enrollment = 0 h. Ex (Crema): inactive, no hours: not reported.
 */
function academy(): ReportInput {
  return {
    year: 2027,
    targetHours: 40,
    now: '2027-06-01 12:00',
    comuni: [
      { istat: '019067', name: 'Pandino', referentEmail: 'ref@comune.pandino.cr.it', annualFee: 900, feePaid: true },
      { istat: '019035', name: 'Crema', referentEmail: 'ref@comune.crema.cr.it', annualFee: 1500, feePaid: false },
    ],
    employees: [
      { id: 'D00001', firstName: 'Sara', lastName: 'Galli', email: 'sara@pandino.it', comune: 'Pandino', active: true },
      {
        id: 'D00002',
        firstName: 'Paolo',
        lastName: 'Conti',
        email: 'paolo@pandino.it',
        comune: 'Pandino',
        active: true,
      },
      { id: 'D00003', firstName: 'Anna', lastName: 'Bassi', email: 'anna@crema.it', comune: 'Crema', active: true },
      { id: 'D00004', firstName: 'Luca', lastName: 'Neri', email: 'luca@crema.it', comune: 'Crema', active: true },
      { id: 'D00005', firstName: 'Ex', lastName: 'Dipendente', email: 'ex@crema.it', comune: 'Crema', active: false },
    ],
    courses: [
      { code: 'GDPR', title: 'GDPR', hours: 4, seats: 10, cost: 400, status: 'Concluso' },
      { code: 'EXC', title: 'Excel', hours: 6, seats: 4, cost: 600, status: 'Iscrizioni chiuse' },
      { code: 'OLD', title: 'Corso 2026', hours: 2, seats: 5, cost: 1000, status: 'Concluso' },
      { code: 'CANC', title: 'Annullato', hours: 3, seats: 5, cost: 300, status: 'Annullato' },
    ],
    sessions: [
      { id: 'GDPR-S1', course: 'GDPR', date: '2027-03-10', start: '14:00', end: '16:00', status: 'Programmata' },
      { id: 'GDPR-S2', course: 'GDPR', date: '2027-03-17', start: '14:00', end: '16:00', status: 'Programmata' },
      { id: 'EXC-S1', course: 'EXC', date: '2027-04-01', start: '09:00', end: '12:00', status: 'Programmata' },
      { id: 'EXC-S2', course: 'EXC', date: '2027-07-01', start: '09:00', end: '12:00', status: 'Programmata' },
      { id: 'OLD-S1', course: 'OLD', date: '2026-11-10', start: '09:00', end: '11:00', status: 'Programmata' },
      { id: 'CANC-S1', course: 'CANC', date: '2027-05-01', start: '09:00', end: '12:00', status: 'Programmata' },
    ],
    enrollments: [
      { course: 'GDPR', email: 'sara@pandino.it', employeeId: 'D00001', status: 'Confermata' },
      { course: 'GDPR', email: 'paolo@pandino.it', employeeId: 'D00002', status: 'Confermata' },
      { course: 'GDPR', email: 'anna@crema.it', employeeId: 'D00003', status: 'In attesa' },
      { course: 'EXC', email: 'sara@pandino.it', employeeId: 'D00001', status: 'Confermata' },
      { course: 'EXC', email: 'anna@crema.it', employeeId: 'D00003', status: 'Confermata' },
      { course: 'EXC', email: 'paolo@pandino.it', employeeId: 'D00002', status: 'Confermata' },
      { course: 'EXC', email: 'luca@crema.it', employeeId: 'D00004', status: 'Annullata' },
      { course: 'OLD', email: 'paolo@pandino.it', employeeId: 'D00002', status: 'Confermata' },
    ],
    attendance: [
      { session: 'GDPR-S1', employeeId: 'D00001', present: true, hours: null },
      { session: 'GDPR-S2', employeeId: 'D00001', present: true, hours: null },
      { session: 'GDPR-S1', employeeId: 'D00002', present: true, hours: null },
      { session: 'GDPR-S2', employeeId: 'D00002', present: false, hours: null },
      { session: 'EXC-S1', employeeId: 'D00001', present: true, hours: 2.5 },
      { session: 'EXC-S1', employeeId: 'D00003', present: true, hours: null },
      { session: 'EXC-S1', employeeId: 'D00002', present: false, hours: null },
      { session: 'OLD-S1', employeeId: 'D00002', present: true, hours: null },
    ],
    certificates: [{ course: 'GDPR', employeeId: 'D00001' }],
    externalTraining: [
      { email: 'sara@pandino.it', hours: 10, date: '2027-02-01' },
      { email: 'SARA@Pandino.it', hours: 5, date: '2026-12-31' },
      { email: 'Anna@Crema.it', hours: 40, date: '2027-12-31' },
      { email: 'anna@crema.it', hours: 3, date: '2028-01-01' },
    ],
    feedback: [
      { course: 'GDPR', score: 4 },
      { course: 'GDPR', score: 5 },
    ],
  };
}

function employee(input: ReportInput, id: string) {
  return computeReports(input).employees.find((e) => e.id === id);
}

describe('Report dipendenti', () => {
  it('counts hours of sessions dated in the year and external training dated in the year, matched by e-mail ignoring case', () => {
    const sara = employee(academy(), 'D00001');
    expect(sara).toMatchObject({ hours: 16.5, target: 40, missing: 23.5, courses: 2, reached: false });
  });

  it('leaves out sessions of another year and absent rows', () => {
    expect(employee(academy(), 'D00002')).toMatchObject({ hours: 2, missing: 38, courses: 1, reached: false });
  });

  it('never reports negative missing hours and marks the target reached at or above it', () => {
    expect(employee(academy(), 'D00003')).toMatchObject({ hours: 43, missing: 0, courses: 1, reached: true });
    const exact = academy();
    exact.externalTraining = [{ email: 'luca@crema.it', hours: 40, date: '2027-05-05' }];
    expect(employee(exact, 'D00004')).toMatchObject({ hours: 40, missing: 0, courses: 0, reached: true });
  });

  it('reports an active employee with no enrollment with zero hours, and leaves out an inactive one without hours', () => {
    const reports = computeReports(academy());
    expect(reports.employees.find((e) => e.id === 'D00004')).toMatchObject({
      hours: 0,
      missing: 40,
      courses: 0,
      reached: false,
    });
    expect(reports.employees.map((e) => e.id)).toEqual(['D00001', 'D00002', 'D00003', 'D00004']);
  });

  it('keeps an inactive employee who trained in the year', () => {
    const input = academy();
    input.externalTraining = [{ email: 'ex@crema.it', hours: 6, date: '2027-01-15' }];
    expect(employee(input, 'D00005')).toMatchObject({ hours: 6, active: false });
  });

  it('counts a duplicated register row once and ignores cancelled sessions', () => {
    const input = academy();
    input.attendance = [
      { session: 'GDPR-S1', employeeId: 'D00004', present: true, hours: null },
      { session: 'GDPR-S1', employeeId: 'D00004', present: true, hours: null },
      { session: 'GDPR-S2', employeeId: 'D00004', present: true, hours: null },
    ];
    input.sessions = input.sessions.map((s) => (s.id === 'GDPR-S2' ? { ...s, status: 'Annullata' } : s));
    expect(employee(input, 'D00004')).toMatchObject({ hours: 2, courses: 1 });
  });
});

describe('Report comuni', () => {
  it('counts active employees, trained ones (at least one hour), total and average hours and the share at target', () => {
    const [pandino, crema] = computeReports(academy()).comuni;
    expect(pandino).toMatchObject({
      name: 'Pandino',
      employees: 2,
      trained: 2,
      hours: 18.5,
      averageHours: 9.25,
      reachedShare: 0,
    });
    expect(crema).toMatchObject({
      name: 'Crema',
      employees: 2,
      trained: 1,
      hours: 43,
      averageHours: 21.5,
      reachedShare: 0.5,
    });
  });

  it('does not count as trained an employee with less than one hour', () => {
    const input = academy();
    input.externalTraining = [{ email: 'luca@crema.it', hours: 0.5, date: '2027-05-05' }];
    expect(computeReports(input).comuni[1]).toMatchObject({ trained: 1, hours: 3.5 });
  });

  it("shares the year's course costs by the participant-hours of each comune's employees", () => {
    // Costed courses: GDPR 400 + EXC 600 = 1000 €; participant-hours 11.5: Pandino 8.5 (6.5 + 2), Crema 3.
    const [pandino, crema] = computeReports(academy()).comuni;
    expect(pandino?.costShare).toBe(739.13);
    expect(crema?.costShare).toBe(260.87);
  });

  it('shows the fee and whether it was paid', () => {
    const [pandino, crema] = computeReports(academy()).comuni;
    expect([pandino?.annualFee, pandino?.feePaid, crema?.annualFee, crema?.feePaid]).toEqual([900, true, 1500, false]);
  });

  it('adds a row for employees of a comune missing from Comuni, with no fee', () => {
    const input = academy();
    input.employees = [
      ...input.employees,
      { id: 'D00009', firstName: 'Ivo', lastName: 'Sala', email: 'ivo@x.it', comune: 'Offanengo', active: true },
    ];
    const row = computeReports(input).comuni[2];
    expect(row).toMatchObject({
      name: 'Offanengo',
      istat: '',
      employees: 1,
      annualFee: null,
      feePaid: null,
      averageHours: 0,
    });
  });

  it('leaves average and share empty for a comune without active employees', () => {
    const input = academy();
    input.comuni = [
      ...input.comuni,
      { istat: '019001', name: 'Agnadello', referentEmail: '', annualFee: 300, feePaid: true },
    ];
    expect(computeReports(input).comuni[2]).toMatchObject({
      employees: 0,
      averageHours: null,
      reachedShare: null,
      costShare: 0,
    });
  });
});

describe('Report corsi', () => {
  it('lists the courses of the year only (by their first session), cancelled ones included', () => {
    expect(computeReports(academy()).courses.map((c) => c.code)).toEqual(['GDPR', 'EXC', 'CANC']);
  });

  it('computes fill rate, attendance rate, waiting list, certificates and satisfaction', () => {
    const gdpr = computeReports(academy()).courses[0];
    // 2 confirmed of 10 seats; 6 hours attended of 2 x 4; Anna waits.
    expect(gdpr).toMatchObject({
      seats: 10,
      confirmed: 2,
      waiting: 1,
      fillRate: 0.2,
      attendanceRate: 0.75,
      absentees: 0,
      certificates: 1,
      satisfaction: 4.5,
    });
  });

  it('counts as absent a confirmed enrollee with no attended hour once a session has been held', () => {
    const exc = computeReports(academy()).courses[1];
    // Sara 2.5 h + Anna 3 h of 3 confirmed x 6 h; Paolo never came.
    expect(exc).toMatchObject({
      confirmed: 3,
      fillRate: 0.75,
      attendanceRate: 0.3056,
      absentees: 1,
      satisfaction: null,
    });
  });

  it('counts no absentee before the first session has ended', () => {
    const input = academy();
    input.now = '2027-03-31 23:59';
    expect(computeReports(input).courses[1]?.absentees).toBe(0);
    input.now = '2027-04-01 12:00';
    expect(computeReports(input).courses[1]?.absentees).toBe(1);
  });

  it('divides the cost by the hours attended by all participants, empty when nobody attended', () => {
    const [gdpr, exc, canc] = computeReports(academy()).courses;
    expect(gdpr?.costPerParticipantHour).toBe(66.67);
    expect(exc?.costPerParticipantHour).toBe(109.09);
    expect(canc).toMatchObject({
      cost: 300,
      confirmed: 0,
      fillRate: 0,
      attendanceRate: null,
      costPerParticipantHour: null,
    });
  });
});

describe('Bilancio', () => {
  it('sums fees due and paid (an unpaid fee is due, not collected), costs of the year without cancelled courses, and the balance', () => {
    expect(computeReports(academy()).balance).toEqual({
      feesDue: 2400,
      feesPaid: 900,
      courseCosts: 1000,
      saldo: -100,
      costPerParticipantHour: 86.96,
    });
  });

  it('counts a course without sessions yet in the year and leaves the cost per participant-hour empty without hours', () => {
    const input = academy();
    input.courses = [{ code: 'NEW', title: 'Nuovo', hours: 4, seats: 10, cost: 250, status: 'Bozza' }];
    input.attendance = [];
    expect(computeReports(input).balance).toMatchObject({ courseCosts: 250, saldo: 650, costPerParticipantHour: null });
  });
});

describe('scale', () => {
  it('computes 10,000 employees and a year of enrollments in one linear pass', () => {
    const input = academy();
    const n = 10_000;
    input.employees = Array.from({ length: n }, (_, i) => ({
      id: `D${String(i + 1).padStart(5, '0')}`,
      firstName: 'N',
      lastName: `C${i}`,
      email: `d${i}@x.it`,
      comune: i % 2 ? 'Crema' : 'Pandino',
      active: true,
    }));
    input.enrollments = input.employees.flatMap((e) =>
      ['GDPR', 'EXC'].map((course) => ({ course, email: e.email, employeeId: e.id, status: 'Confermata' })),
    );
    input.attendance = input.employees.flatMap((e) =>
      ['GDPR-S1', 'GDPR-S2', 'EXC-S1'].map((session) => ({ session, employeeId: e.id, present: true, hours: null })),
    );
    const reports = computeReports(input);
    expect(reports.employees).toHaveLength(n);
    expect(reports.comuni.map((c) => c.hours)).toEqual([35_000, 35_000]);
    expect(reports.courses[0]).toMatchObject({ confirmed: n, attendanceRate: 1 });
  });
});
