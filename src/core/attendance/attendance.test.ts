import {
  hoursByEmployee,
  missingAttendanceRows,
  registerPersonUpdates,
  rowHours,
  sessionHours,
  type AttendanceRow,
  hoursToFill,
} from './attendance';

const sessions = [
  { id: 'GDPR-S2', course: 'GDPR', date: '2027-03-17', start: '14:00', end: '16:00', status: 'Programmata' },
  { id: 'GDPR-S1', course: 'GDPR', date: '2027-03-10', start: '14:00', end: '16:30', status: 'Programmata' },
  { id: 'GDPR-S3', course: 'GDPR', date: '2027-03-24', start: '14:00', end: '16:00', status: 'Annullata' },
  { id: 'OTHER-S1', course: 'OTHER', date: '2027-03-10', start: '09:00', end: '12:00', status: 'Programmata' },
];
const enrollments = [
  { course: 'GDPR', email: 'sara@x.it', employeeId: 'D00001', status: 'Confermata' },
  { course: 'GDPR', email: 'paolo@x.it', employeeId: 'D00002', status: 'Confermata' },
  { course: 'GDPR', email: 'anna@x.it', employeeId: 'D00003', status: 'In attesa' },
  { course: 'GDPR', email: 'ignoto@x.it', employeeId: '', status: 'Confermata' },
  { course: 'OTHER', email: 'sara@x.it', employeeId: 'D00001', status: 'Confermata' },
];

const people = new Map([
  ['D00001', { firstName: 'Sara', lastName: 'Zanotti', comune: 'Crema' }],
  ['D00002', { firstName: 'Paolo', lastName: 'Àlberti', comune: 'Pandino' }],
]);

describe('attendance register', () => {
  it('computes session lengths in decimal hours', () => {
    expect(sessionHours({ start: '14:00', end: '16:30' })).toBe(2.5);
    expect(sessionHours({ start: '09:15', end: '10:35' })).toBe(1.33);
    expect(sessionHours({ start: '16:00', end: '14:00' })).toBe(0);
    expect(sessionHours({ start: '', end: '14:00' })).toBe(0);
  });

  it('makes one row per scheduled session and confirmed, known enrollee, by date then surname, with name and comune', () => {
    const rows = missingAttendanceRows('GDPR', sessions, enrollments, [], people);
    expect(rows.map((r) => `${r.session}/${r.employeeId}`)).toEqual([
      'GDPR-S1/D00002',
      'GDPR-S1/D00001',
      'GDPR-S2/D00002',
      'GDPR-S2/D00001',
    ]);
    expect(rows[0]).toMatchObject({ lastName: 'Àlberti', firstName: 'Paolo', comune: 'Pandino', email: 'paolo@x.it' });
    expect(rows.every((r) => !r.present && r.hours === null)).toBe(true);
  });

  it('adds only what is missing for new enrollees and sessions', () => {
    const existing = missingAttendanceRows('GDPR', sessions, enrollments.slice(0, 1), [], people);
    const more = missingAttendanceRows('GDPR', sessions, enrollments, existing, people);
    expect(more.map((r) => `${r.session}/${r.employeeId}`)).toEqual(['GDPR-S1/D00002', 'GDPR-S2/D00002']);
    expect(missingAttendanceRows('GDPR', sessions, enrollments, [...existing, ...more], people)).toEqual([]);
  });

  it('brings a row whose name or comune changed in Dipendenti back in step, and leaves the rest', () => {
    const rows = [
      { row: 2, record: { employeeId: 'D00001', firstName: 'Sara', lastName: 'Zanotti', comune: 'Crema' } },
      { row: 3, record: { employeeId: 'D00002', firstName: 'Paolo', lastName: 'Alberti', comune: 'Crema' } },
      { row: 4, record: { employeeId: 'D00099', firstName: '', lastName: '', comune: '' } },
    ];
    expect(registerPersonUpdates(rows, people)).toEqual([
      { row: 3, patch: { firstName: 'Paolo', lastName: 'Àlberti', comune: 'Pandino' } },
    ]);
  });

  it('counts the session length for a tick without hours and the edited hours for partial attendance', () => {
    expect(rowHours({ present: true, hours: null }, { start: '14:00', end: '16:00' })).toBe(2);
    expect(rowHours({ present: true, hours: 1.5 }, { start: '14:00', end: '16:00' })).toBe(1.5);
    expect(rowHours({ present: false, hours: 2 }, { start: '14:00', end: '16:00' })).toBe(0);
    const rows: AttendanceRow[] = [
      { session: 'GDPR-S1', course: 'GDPR', employeeId: 'D00001', email: '', present: true, hours: null },
      { session: 'GDPR-S2', course: 'GDPR', employeeId: 'D00001', email: '', present: true, hours: 1.25 },
      { session: 'GDPR-S1', course: 'GDPR', employeeId: 'D00002', email: '', present: true, hours: null },
      { session: 'GDPR-S2', course: 'GDPR', employeeId: 'D00002', email: '', present: false, hours: null },
      { session: 'GDPR-S3', course: 'GDPR', employeeId: 'D00002', email: '', present: true, hours: null },
    ];
    const hours = hoursByEmployee('GDPR', sessions, rows);
    expect(hours.get('D00001')).toBe(3.75);
    expect(hours.get('D00002')).toBe(2.5);
  });
});

describe('hours filled in when a row is ticked', () => {
  const sessions = [
    { id: 'C-S1', course: 'C', date: '2027-03-10', start: '14:00', end: '16:30', status: 'Programmata' },
    { id: 'C-S2', course: 'C', date: '2027-03-17', start: '14:00', end: '', status: 'Programmata' },
  ];
  const row = (r: number, session: string, present: boolean, hours: number | null) => ({
    row: r,
    record: { session, present, hours },
  });

  it('gives a ticked row with empty hours its session length, and leaves the rest alone', () => {
    expect(
      hoursToFill(
        [
          row(2, 'C-S1', true, null),
          row(3, 'C-S1', false, null),
          row(4, 'C-S1', true, 1),
          row(5, 'C-S2', true, null),
          row(6, 'X-S9', true, null),
        ],
        sessions,
      ),
    ).toEqual([{ row: 2, hours: 2.5 }]);
  });
});
