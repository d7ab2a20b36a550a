import { buildSessionEvent } from './event';
import { pickExisting, planSession, type SessionPlan, type SessionPlanInput } from './plan';
import type { CalendarCourse, CalendarSession, ExistingEvent } from './types';

const course: CalendarCourse = {
  code: 'EXC-BASE',
  title: 'Excel di base',
  area: '',
  description: '',
  teacher: 'Marco Villa',
  hours: 6,
  mode: 'Online',
  venue: '',
  status: 'Iscrizioni aperte',
};
const s1: CalendarSession = {
  id: 'EXC-BASE-S1',
  course: 'EXC-BASE',
  date: '2027-03-02',
  start: '09:00',
  end: '12:00',
  venue: '',
  eventId: '',
  meetLink: '',
  status: 'Programmata',
};
const cancellation = { formUrl: '', staffEmail: '' };
const enrollments = [{ course: 'EXC-BASE', email: 'anna@x.it', status: 'Confermata' }];

function input(extra: Partial<SessionPlanInput> = {}): SessionPlanInput {
  return {
    session: s1,
    course,
    courseSessions: [s1],
    enrollments,
    existing: null,
    lastAttempt: 0,
    cancellation,
    nowMs: Date.parse('2027-02-01T09:00:00+01:00'),
    ...extra,
  };
}

function existingFor(i: SessionPlanInput, extra: Partial<ExistingEvent> = {}): ExistingEvent {
  const { hash } = buildSessionEvent({
    course: i.course,
    session: i.session,
    position: { n: 1, of: 1 },
    attendees: ['anna@x.it'],
    cancellation,
  });
  return {
    id: 'ev1',
    status: 'confirmed',
    sessionId: s1.id,
    hash,
    hasConference: true,
    conferencePending: false,
    meetLink: 'https://meet.google.com/abc-defg-hij',
    meetAttempt: 1,
    ...extra,
  };
}

/** The plan, narrowed to the kind the test expects; any other kind fails the test. */
function planOfKind<K extends SessionPlan['kind']>(plan: SessionPlan, kind: K): Extract<SessionPlan, { kind: K }> {
  if (plan.kind !== kind) throw new Error(`expected a plan of kind ${kind}, got ${JSON.stringify(plan)}`);
  return plan as Extract<SessionPlan, { kind: K }>;
}

describe('planSession', () => {
  it('inserts a new online session with a Meet create request numbered 1', () => {
    const plan = planOfKind(planSession(input()), 'insert');
    expect(plan.resource.conferenceData).toEqual({
      createRequest: { requestId: 'a4pa-EXC-BASE-S1-1', conferenceSolutionKey: { type: 'hangoutsMeet' } },
    });
    expect(plan.resource.extendedProperties.private.meetRequest).toBe('1');
  });

  it('inserts an in-person session without any conference', () => {
    const plan = planOfKind(planSession(input({ course: { ...course, mode: 'In presenza' } })), 'insert');
    expect(plan.resource.conferenceData).toBeUndefined();
  });

  it('does nothing when the event is up to date', () => {
    const i = input();
    expect(planSession({ ...i, existing: existingFor(i) })).toEqual({
      kind: 'none',
      eventId: 'ev1',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
  });

  it('patches when the content changed, without asking for a second conference', () => {
    const i = input();
    const plan = planOfKind(
      planSession({
        ...i,
        existing: existingFor(i),
        enrollments: [...enrollments, { course: 'EXC-BASE', email: 'luca@x.it', status: 'Confermata' }],
      }),
      'patch',
    );
    expect(plan.eventId).toBe('ev1');
    expect(plan.resource.attendees).toEqual([{ email: 'anna@x.it' }, { email: 'luca@x.it' }]);
    expect(plan.resource.conferenceData).toBeUndefined();
    expect(plan.resource.extendedProperties.private.meetRequest).toBe('1');
  });

  it('patches a rescheduled session in place (same event id)', () => {
    const i = input();
    const moved = { ...s1, date: '2027-03-09' };
    const plan = planSession({ ...i, session: moved, courseSessions: [moved], existing: existingFor(i) });
    expect(plan).toMatchObject({ kind: 'patch', eventId: 'ev1' });
  });

  it('adds a conference with a new request number when a course becomes online', () => {
    const i = input({ course: { ...course, mode: 'In presenza' } });
    const plan = planOfKind(
      planSession({
        ...i,
        course,
        existing: existingFor(i, { hasConference: false, meetLink: '', meetAttempt: 0 }),
        lastAttempt: 2,
      }),
      'patch',
    );
    expect(plan.resource.conferenceData?.createRequest.requestId).toBe('a4pa-EXC-BASE-S1-3');
  });

  it('removes the conference when a course becomes in-person, then leaves the event alone', () => {
    const i = input();
    const inPerson = { ...course, mode: 'In presenza' };
    const plan = planOfKind(planSession({ ...i, course: inPerson, existing: existingFor(i) }), 'patch');
    expect(plan.resource.conferenceData).toBeNull();
    const after = planSession({ ...i, course: inPerson, existing: existingFor({ ...i, course: inPerson }) });
    expect(after).toEqual({ kind: 'none', eventId: 'ev1', meetLink: '' });
  });

  it('keeps waiting for a pending conference without writing', () => {
    const i = input();
    const plan = planSession({ ...i, existing: existingFor(i, { conferencePending: true, meetLink: '' }) });
    expect(plan).toEqual({ kind: 'none', eventId: 'ev1', meetLink: '' });
  });

  it('cancels the event of a cancelled session or of a cancelled course, once', () => {
    const i = input();
    expect(planSession({ ...i, session: { ...s1, status: 'Annullata' }, existing: existingFor(i) })).toEqual({
      kind: 'cancel',
      eventId: 'ev1',
    });
    expect(planSession({ ...i, course: { ...course, status: 'Annullato' }, existing: existingFor(i) })).toEqual({
      kind: 'cancel',
      eventId: 'ev1',
    });
    expect(
      planSession({ ...i, session: { ...s1, status: 'Annullata' }, existing: existingFor(i, { status: 'cancelled' }) }),
    ).toEqual({
      kind: 'none',
      eventId: 'ev1',
      meetLink: '',
    });
    expect(planSession({ ...i, session: { ...s1, status: 'Annullata' } })).toEqual({
      kind: 'none',
      eventId: '',
      meetLink: '',
    });
  });

  it('inserts a fresh event when a cancelled session is scheduled again, with a new request number', () => {
    const i = input();
    const plan = planOfKind(
      planSession({ ...i, existing: existingFor(i, { status: 'cancelled' }), lastAttempt: 1 }),
      'insert',
    );
    expect(plan.resource.conferenceData?.createRequest.requestId).toBe('a4pa-EXC-BASE-S1-2');
  });

  it('leaves a session that has ended as it is, and does not invite to it', () => {
    const i = input({ nowMs: Date.parse('2027-03-02T12:00:00+01:00') });
    const changed = [...enrollments, { course: 'EXC-BASE', email: 'luca@x.it', status: 'Confermata' }];
    expect(planSession({ ...i, existing: existingFor(i), enrollments: changed })).toEqual({
      kind: 'none',
      eventId: 'ev1',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    expect(planSession(i)).toEqual({ kind: 'none', eventId: '', meetLink: '' });
    expect(planSession({ ...i, nowMs: Date.parse('2027-03-02T11:59:00+01:00') }).kind).toBe('insert');
    expect(planSession({ ...i, session: { ...s1, status: 'Annullata' }, existing: existingFor(i) }).kind).toBe(
      'cancel',
    );
  });

  it('refuses times that cannot be an event', () => {
    expect(planSession(input({ session: { ...s1, end: '08:00' } })).kind).toBe('invalid');
  });
});

describe('pickExisting', () => {
  const base: ExistingEvent = {
    id: 'a',
    status: 'confirmed',
    sessionId: 'S',
    hash: '',
    hasConference: false,
    conferencePending: false,
    meetLink: '',
    meetAttempt: 0,
  };

  it("prefers the sheet's live event and marks other live ones as duplicates", () => {
    const a = base;
    const b = { ...base, id: 'b', meetAttempt: 2 };
    const c = { ...base, id: 'c', status: 'cancelled', meetAttempt: 3 };
    const r = pickExisting([a, b, c], 'b');
    expect(r.keep).toBe(b);
    expect(r.duplicates).toEqual([a]);
    expect(r.lastAttempt).toBe(3);
  });

  it('falls back to a live event, then to a cancelled one, then to none', () => {
    const c = { ...base, id: 'c', status: 'cancelled' };
    expect(pickExisting([c, base], 'zzz').keep).toBe(base);
    expect(pickExisting([c], 'zzz').keep).toBe(c);
    expect(pickExisting([], '').keep).toBeNull();
  });
});
