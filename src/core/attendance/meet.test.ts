import type { Course, Session } from '../registry/schemas';
import {
  attendedMinutes,
  endedMeetSessions,
  markFor,
  nameKey,
  planMeetSession,
  type MarkValue,
  type MeetSessionInput,
} from './meet';

const T0 = Date.UTC(2027, 2, 2, 8, 0);
const min = (m: number): number => T0 + m * 60_000;
const window = [min(0), min(120)] as const;

const anna = { employeeId: 'D00001', email: 'anna.bassi@comune.crema.cr.it', firstName: 'Anna', lastName: 'Bassi' };
const luca = { employeeId: 'D00002', email: 'luca.verdi@comune.crema.cr.it', firstName: 'Luca', lastName: 'Verdi' };
const blank: MarkValue = { present: false, hours: null };

function input(over: Partial<MeetSessionInput>): MeetSessionInput {
  return {
    window,
    participants: [],
    enrollees: [anna, luca],
    confirmed: {},
    rows: new Map([
      [anna.employeeId, blank],
      [luca.employeeId, blank],
    ]),
    ledger: {},
    ...over,
  };
}

describe('attendance from Meet', () => {
  it('counts overlapping joins once and only inside the scheduled time', () => {
    expect(
      attendedMinutes(
        [
          [min(-30), min(40)],
          [min(30), min(50)],
          [min(100), min(200)],
        ],
        window,
      ),
    ).toBe(70);
  });

  it('rounds down to the quarter hour and ticks from a quarter of an hour', () => {
    expect(markFor(14.9)).toEqual({ present: false, hours: null });
    expect(markFor(15)).toEqual({ present: true, hours: 0.25 });
    expect(markFor(104)).toEqual({ present: true, hours: 1.5 });
  });

  it('compares names whatever their case, accents and word order', () => {
    expect(nameKey('BASSI  Ànna')).toBe(nameKey('anna bassi'));
  });

  it('writes the hours of a rejoining participant matched by e-mail and lists who never joined', () => {
    const plan = planMeetSession(
      input({
        participants: [
          {
            user: 'users/1',
            email: 'Anna.Bassi@comune.crema.cr.it',
            displayName: 'Anna B.',
            intervals: [
              [min(0), min(50)],
              [min(60), min(120)],
            ],
          },
        ],
      }),
    );
    expect(plan.writes).toEqual([{ employeeId: 'D00001', value: { present: true, hours: 1.75 } }]);
    expect(plan.absent).toEqual(['D00002']);
    expect(plan.ledger).toEqual({ D00001: { present: true, hours: 1.75 }, D00002: blank });
  });

  it('waits for staff before counting a display-name match, and counts it once confirmed', () => {
    const guest = { user: '', email: '', displayName: 'Verdi Luca', intervals: [[min(0), min(120)]] as const };
    const before = planMeetSession(input({ participants: [guest] }));
    expect(before.writes).toEqual([]);
    expect(before.toConfirm).toEqual([{ name: 'Verdi Luca', key: 'luca verdi', employeeId: 'D00002', hours: 2 }]);
    expect(before.absent).toEqual(['D00001']);
    const after = planMeetSession(input({ participants: [guest], confirmed: { 'luca verdi': 'D00002' } }));
    expect(after.writes).toEqual([{ employeeId: 'D00002', value: { present: true, hours: 2 } }]);
  });

  it('lists a participant nobody matches', () => {
    const plan = planMeetSession(
      input({ participants: [{ user: '', email: '', displayName: 'Ospite', intervals: [[min(0), min(30)]] }] }),
    );
    expect(plan.unmatched).toEqual([{ name: 'Ospite', email: '', hours: 0.5 }]);
  });

  it('never overwrites a cell staff changed after the import, nor a tick from the room', () => {
    const participants = [
      { user: 'users/1', email: anna.email, displayName: 'Anna', intervals: [[min(0), min(60)]] as const },
    ];
    const plan = planMeetSession(
      input({
        participants,
        rows: new Map([
          [anna.employeeId, { present: true, hours: 2 }],
          [luca.employeeId, { present: true, hours: 2 }],
        ]),
        ledger: { D00001: { present: true, hours: 1 } },
      }),
    );
    expect(plan.writes).toEqual([]);
    expect(plan.kept.map((k) => k.employeeId)).toEqual(['D00001', 'D00002']);
    expect(plan.absent).toEqual([]);
    expect(plan.ledger).toEqual({ D00001: { present: true, hours: 1 } });
  });

  it('changes nothing on a second run over its own writes', () => {
    const participants = [
      { user: 'users/1', email: anna.email, displayName: 'Anna', intervals: [[min(0), min(60)]] as const },
    ];
    const first = planMeetSession(input({ participants }));
    const rows = new Map([
      [anna.employeeId, { present: true, hours: 1 }],
      [luca.employeeId, blank],
    ]);
    const second = planMeetSession(input({ participants, rows, ledger: first.ledger }));
    expect(second.writes).toEqual([]);
    expect(second.kept).toEqual([]);
    expect(second.ledger).toEqual(first.ledger);
  });
});

describe('endedMeetSessions', () => {
  const courses = [
    { code: 'WEB', mode: 'Online' },
    { code: 'MIX', mode: 'Mista' },
    { code: 'ROOM', mode: 'In presenza' },
  ] as Course[];
  const session = (id: string, course: string, date: string, status = 'Programmata'): Session =>
    ({ id, course, date, start: '09:00', end: '12:00', status }) as Session;
  const sessions = [
    session('MIX-S1', 'MIX', '2027-03-10'),
    session('WEB-S1', 'WEB', '2027-01-20'),
    session('WEB-S2', 'WEB', '2027-03-03'),
    session('WEB-S3', 'WEB', '2027-03-09', 'Annullata'),
    session('WEB-S4', 'WEB', '2027-03-11'),
    session('ROOM-S1', 'ROOM', '2027-03-03'),
  ];
  // 10 March 2027, 12:30 in Rome.
  const now = Date.UTC(2027, 2, 10, 11, 30);

  it('keeps the online and mixed sessions ended within the 30 days Meet keeps the records, by start', () => {
    expect(endedMeetSessions(sessions, courses, '', now).map((e) => e.session.id)).toEqual(['WEB-S2', 'MIX-S1']);
  });

  it('gives a named course every session it has ended, however old', () => {
    expect(endedMeetSessions(sessions, courses, 'WEB', now).map((e) => e.session.id)).toEqual(['WEB-S1', 'WEB-S2']);
  });

  it('waits for the scheduled end, in Rome time', () => {
    const before = Date.UTC(2027, 2, 10, 10, 59);
    expect(endedMeetSessions(sessions, courses, 'MIX', before)).toEqual([]);
    expect(endedMeetSessions(sessions, courses, 'MIX', Date.UTC(2027, 2, 10, 11, 0))[0]?.window).toEqual([
      Date.UTC(2027, 2, 10, 8, 0),
      Date.UTC(2027, 2, 10, 11, 0),
    ]);
  });
});
