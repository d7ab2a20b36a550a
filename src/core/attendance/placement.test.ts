import { registerInsertions } from './placement';

const sessions = [
  { id: 'EXC-S1', course: 'EXC', date: '2026-03-02', start: '09:00', end: '13:00', status: 'Programmata' },
  { id: 'EXC-S2', course: 'EXC', date: '2026-03-09', start: '09:00', end: '13:00', status: 'Programmata' },
  { id: 'EXC-S3', course: 'EXC', date: '2026-03-16', start: '09:00', end: '13:00', status: 'Programmata' },
];

function person(session: string, employeeId: string, lastName: string, course = 'EXC') {
  return { session, course, employeeId, lastName, firstName: 'Anna', comune: 'Crema' };
}

function placed(row: number, session: string, employeeId: string, lastName: string, course = 'EXC') {
  return { row, record: person(session, employeeId, lastName, course) };
}

describe('where new register rows go', () => {
  // Rows 2-3: another course; 4-5: EXC-S1 (Bassi, Rossi); 6-7: EXC-S2 (Bassi, Rossi); 8: another course.
  const existing = [
    placed(4, 'EXC-S1', 'D1', 'Bassi'),
    placed(5, 'EXC-S1', 'D2', 'Rossi'),
    placed(6, 'EXC-S2', 'D1', 'Bassi'),
    placed(7, 'EXC-S2', 'D2', 'Rossi'),
  ];

  it('puts someone confirmed later among each session in surname order', () => {
    const late = [person('EXC-S1', 'D3', 'Ferrari'), person('EXC-S2', 'D3', 'Ferrari')];
    expect(registerInsertions(existing, late, sessions, 8)).toEqual([
      { before: 5, rows: [late[0]] },
      { before: 7, rows: [late[1]] },
    ]);
  });

  it('puts a surname after every other at the end of its session, a first one at its start', () => {
    const last = person('EXC-S1', 'D3', 'Zanotti');
    const first = person('EXC-S2', 'D4', 'Abate');
    expect(registerInsertions(existing, [last, first], sessions, 8)).toEqual([{ before: 6, rows: [last, first] }]);
  });

  it('puts the rows of a session with none yet after its course’s earlier sessions', () => {
    const s3 = [person('EXC-S3', 'D1', 'Bassi'), person('EXC-S3', 'D2', 'Rossi')];
    expect(registerInsertions(existing, s3, sessions, 8)).toEqual([{ before: 8, rows: s3 }]);
  });

  it('puts a session earlier than every session with rows before them', () => {
    const s1 = [person('EXC-S1', 'D1', 'Bassi')];
    expect(registerInsertions([placed(6, 'EXC-S2', 'D1', 'Bassi')], s1, sessions, 8)).toEqual([
      { before: 6, rows: s1 },
    ]);
  });

  it('appends a new register at the end, in the order it came', () => {
    const fresh = [person('EXC-S1', 'D1', 'Bassi'), person('EXC-S1', 'D2', 'Rossi')];
    expect(registerInsertions([], fresh, sessions, 8)).toEqual([{ before: 9, rows: fresh }]);
    expect(registerInsertions([], fresh, sessions, 0)).toEqual([{ before: 2, rows: fresh }]);
  });
});
