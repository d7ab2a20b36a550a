import { Workspace } from '../../runtime/workspace';
import { calendarGlobals, calendarNotifications, setConferencePending, snapshotCalendar } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */
type Json = Record<string, any>;

function setup() {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  const { Calendar, CalendarApp } = calendarGlobals(ws) as { Calendar: any; CalendarApp: any };
  const cal = Calendar.Calendars.insert({ summary: 'Academy4PA — Corsi', timeZone: 'Europe/Rome' });
  return { ws, Calendar, CalendarApp, calId: cal.id as string };
}

function session(day: string, extra: Json = {}): Json {
  return {
    summary: 'Excel di base (EXC-BASE)',
    start: { dateTime: `${day}T09:00:00`, timeZone: 'Europe/Rome' },
    end: { dateTime: `${day}T12:00:00`, timeZone: 'Europe/Rome' },
    ...extra,
  };
}

const meetRequest = (requestId: string) => ({
  createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } },
});

describe('emulated Calendar advanced service', () => {
  // catalogue: CAL-MEET
  test('a Meet link is made only with conferenceDataVersion 1', () => {
    const { Calendar, calId } = setup();
    const without = Calendar.Events.insert(session('2027-03-02', { conferenceData: meetRequest('r1') }), calId);
    expect(without.hangoutLink).toBeUndefined();
    expect(without.conferenceData).toBeUndefined();
    const withIt = Calendar.Events.insert(session('2027-03-02', { conferenceData: meetRequest('r2') }), calId, {
      conferenceDataVersion: 1,
    });
    expect(withIt.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(withIt.conferenceData.createRequest.status.statusCode).toBe('success');
    expect(withIt.conferenceData.entryPoints[0]).toEqual(
      expect.objectContaining({ entryPointType: 'video', uri: withIt.hangoutLink }),
    );
    expect(withIt.conferenceData.conferenceSolution.key.type).toBe('hangoutsMeet');
    expect(withIt.hangoutLink.endsWith(withIt.conferenceData.conferenceId)).toBe(true);
  });

  // catalogue: CAL-MEET
  test('a pending conference gets its link on a later get and list', () => {
    const { ws, Calendar, calId } = setup();
    setConferencePending(ws, 2);
    const a = Calendar.Events.insert(session('2027-03-02', { conferenceData: meetRequest('a') }), calId, {
      conferenceDataVersion: 1,
    });
    const b = Calendar.Events.insert(session('2027-03-09', { conferenceData: meetRequest('b') }), calId, {
      conferenceDataVersion: 1,
    });
    expect(a.conferenceData.createRequest.status.statusCode).toBe('pending');
    expect(a.hangoutLink).toBeUndefined();
    expect(snapshotCalendar(ws)[0]?.meet).toBe('');
    const later = Calendar.Events.get(calId, a.id);
    expect(later.conferenceData.createRequest.status.statusCode).toBe('success');
    expect(later.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    const listed = Calendar.Events.list(calId).items.find((e: Json) => e.id === b.id);
    expect(listed.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    const third = Calendar.Events.insert(session('2027-03-16', { conferenceData: meetRequest('c') }), calId, {
      conferenceDataVersion: 1,
    });
    expect(third.conferenceData.createRequest.status.statusCode).toBe('success');
  });

  // catalogue: CAL-MEET
  test('a repeated requestId makes no second conference, and a patch without version 1 keeps it', () => {
    const { Calendar, calId } = setup();
    const ev = Calendar.Events.insert(session('2027-03-02', { conferenceData: meetRequest('same') }), calId, {
      conferenceDataVersion: 1,
    });
    const again = Calendar.Events.patch({ conferenceData: meetRequest('same') }, calId, ev.id, {
      conferenceDataVersion: 1,
    });
    expect(again.hangoutLink).toBe(ev.hangoutLink);
    const plain = Calendar.Events.patch(
      { summary: 'Nuovo titolo', conferenceData: meetRequest('other') },
      calId,
      ev.id,
    );
    expect(plain.hangoutLink).toBe(ev.hangoutLink);
    expect(plain.summary).toBe('Nuovo titolo');
    const fresh = Calendar.Events.patch({ conferenceData: meetRequest('other') }, calId, ev.id, {
      conferenceDataVersion: 1,
    });
    expect(fresh.hangoutLink).not.toBe(ev.hangoutLink);
  });

  // catalogue: CAL-PATCH-ARRAYS, CAL-EXTENDED-PROPERTY
  test('patch replaces attendees whole, merges extended properties and keeps response status', () => {
    const { Calendar, calId } = setup();
    const ev = Calendar.Events.insert(
      session('2027-03-02', {
        attendees: [{ email: 'anna@comune.it' }, { email: 'luca@comune.it' }],
        extendedProperties: { private: { sessionId: 'EXC-BASE-S1', hash: 'h1' } },
      }),
      calId,
    );
    expect(ev.attendees.map((a: Json) => a.responseStatus)).toEqual(['needsAction', 'needsAction']);
    const patched = Calendar.Events.patch(
      {
        attendees: [{ email: 'luca@comune.it' }, { email: 'giulia@comune.it' }],
        extendedProperties: { private: { hash: 'h2' } },
      },
      calId,
      ev.id,
    );
    expect(patched.attendees.map((a: Json) => a.email)).toEqual(['luca@comune.it', 'giulia@comune.it']);
    expect(patched.extendedProperties.private).toEqual({ sessionId: 'EXC-BASE-S1', hash: 'h2' });
    expect(patched.id).toBe(ev.id);
    expect(patched.created).toBe(ev.created);
    expect(patched.etag).not.toBe(ev.etag);
  });

  // catalogue: CAL-EXTENDED-PROPERTY, CAL-EVENTS-API
  test('list finds events by private extended property, pages, and filters by time', () => {
    const { Calendar, calId } = setup();
    for (let i = 1; i <= 5; i++) {
      Calendar.Events.insert(
        session(`2027-03-0${i}`, {
          extendedProperties: { private: { sessionId: `S${i}`, courseCode: i % 2 ? 'A' : 'B' } },
        }),
        calId,
      );
    }
    const one = Calendar.Events.list(calId, { privateExtendedProperty: 'sessionId=S3' });
    expect(one.items.map((e: Json) => e.extendedProperties.private.sessionId)).toEqual(['S3']);
    const both = Calendar.Events.list(calId, { privateExtendedProperty: ['courseCode=A', 'sessionId=S5'] });
    expect(both.items).toHaveLength(1);
    const first = Calendar.Events.list(calId, { maxResults: 2 });
    expect(first.items).toHaveLength(2);
    const second = Calendar.Events.list(calId, { maxResults: 2, pageToken: first.nextPageToken });
    const third = Calendar.Events.list(calId, { maxResults: 2, pageToken: second.nextPageToken });
    expect(third.nextPageToken).toBeUndefined();
    expect(
      [...first.items, ...second.items, ...third.items].map((e: Json) => e.extendedProperties.private.sessionId),
    ).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    const window = Calendar.Events.list(calId, {
      timeMin: '2027-03-02T11:00:00+01:00',
      timeMax: '2027-03-04T00:00:00+01:00',
      singleEvents: true,
      orderBy: 'startTime',
    });
    expect(window.items.map((e: Json) => e.extendedProperties.private.sessionId)).toEqual(['S2', 'S3']);
  });

  // catalogue: CAL-TIMES
  test('wall-clock times in Europe/Rome resolve across the DST change', () => {
    const { ws, Calendar, calId } = setup();
    Calendar.Events.insert(
      session('2027-03-02', { extendedProperties: { private: { sessionId: 'EXC-BASE-S1' } } }),
      calId,
    );
    Calendar.Events.insert(
      session('2027-03-30', { extendedProperties: { private: { sessionId: 'EXC-BASE-S2' } } }),
      calId,
    );
    const snap = snapshotCalendar(ws);
    expect(snap.map((e) => [e.sessionId, e.start, e.end])).toEqual([
      ['EXC-BASE-S1', '2027-03-02T09:00:00+01:00', '2027-03-02T12:00:00+01:00'],
      ['EXC-BASE-S2', '2027-03-30T09:00:00+02:00', '2027-03-30T12:00:00+02:00'],
    ]);
    expect(Calendar.Events.list(calId).items[1].start).toEqual({
      dateTime: '2027-03-30T09:00:00+02:00',
      timeZone: 'Europe/Rome',
    });
  });

  // catalogue: CAL-TIMES-RENDERED
  test("reads write times with the offset of the response's time zone", () => {
    const { Calendar, calId } = setup();
    const inserted = Calendar.Events.insert(
      {
        summary: 'Excel di base (EXC-BASE)',
        start: { dateTime: '2027-03-02T08:00:00Z' },
        end: { dateTime: '2027-03-02T11:00:00Z' },
      },
      calId,
    );
    expect(inserted.start).toEqual({ dateTime: '2027-03-02T09:00:00+01:00' });
    expect(Calendar.Events.get(calId, inserted.id).end).toEqual({ dateTime: '2027-03-02T12:00:00+01:00' });
    const summer = Calendar.Events.insert(session('2027-06-08'), calId);
    expect(summer.start).toEqual({ dateTime: '2027-06-08T09:00:00+02:00', timeZone: 'Europe/Rome' });
    const patched = Calendar.Events.patch({ end: { dateTime: '2027-06-08T13:00:00+02:00' } }, calId, summer.id);
    expect(patched.end).toEqual({ dateTime: '2027-06-08T13:00:00+02:00', timeZone: 'Europe/Rome' });
    expect(Calendar.Events.get(calId, summer.id, { timeZone: 'America/New_York' }).start).toEqual({
      dateTime: '2027-06-08T03:00:00-04:00',
      timeZone: 'Europe/Rome',
    });
    const listed = Calendar.Events.list(calId, { timeZone: 'Asia/Kolkata' });
    expect(listed.timeZone).toBe('Asia/Kolkata');
    expect(listed.items.map((e: Json) => e.start.dateTime)).toEqual([
      '2027-03-02T13:30:00+05:30',
      '2027-06-08T12:30:00+05:30',
    ]);
    expect(() => Calendar.Events.list(calId, { timeZone: 'Europe/Crema' })).toThrow('Invalid time zone definition.');
  });

  // catalogue: CAL-TIMES
  test('times without a zone, and empty ranges, are refused with the API errors', () => {
    const { Calendar, calId } = setup();
    expect(() =>
      Calendar.Events.insert(
        { start: { dateTime: '2027-03-02T09:00:00' }, end: { dateTime: '2027-03-02T10:00:00' } },
        calId,
      ),
    ).toThrow('API call to calendar.events.insert failed with error: Missing time zone definition for start time.');
    expect(() =>
      Calendar.Events.insert(session('2027-03-02', { end: { dateTime: '2027-03-02T08:00:00+01:00' } }), calId),
    ).toThrow('The specified time range is empty.');
  });

  // catalogue: CAL-CANCELLED-PURGED
  test('removed events are cancelled: get shows them, list hides them unless showDeleted, a second remove is 410', () => {
    const { Calendar, calId } = setup();
    const ev = Calendar.Events.insert(session('2027-03-02'), calId);
    Calendar.Events.remove(calId, ev.id);
    expect(Calendar.Events.get(calId, ev.id).status).toBe('cancelled');
    expect(Calendar.Events.list(calId).items).toHaveLength(0);
    expect(Calendar.Events.list(calId, { showDeleted: true }).items).toHaveLength(1);
    let error: any;
    try {
      Calendar.Events.remove(calId, ev.id);
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe(
      'GoogleJsonResponseException: API call to calendar.events.delete failed with error: Resource has been deleted',
    );
    expect(error.details.code).toBe(410);
  });

  // catalogue: CAL-EVENTS-API
  test('an unknown event or calendar is a 404 Not Found', () => {
    const { Calendar, calId } = setup();
    expect(() => Calendar.Events.get(calId, 'nosuchevent')).toThrow(
      'API call to calendar.events.get failed with error: Not Found',
    );
    expect(() => Calendar.Events.list('nobody@group.calendar.google.com')).toThrow(
      'API call to calendar.events.list failed with error: Not Found',
    );
  });

  // catalogue: CAL-EVENTS-API
  test('sendUpdates decides who Calendar notifies: invitations, updates, cancellations', () => {
    const { ws, Calendar, calId } = setup();
    const ev = Calendar.Events.insert(session('2027-03-02', { attendees: [{ email: 'anna@comune.it' }] }), calId, {
      sendUpdates: 'all',
    });
    Calendar.Events.patch({ attendees: [{ email: 'anna@comune.it' }, { email: 'luca@comune.it' }] }, calId, ev.id, {
      sendUpdates: 'all',
    });
    Calendar.Events.patch({ location: 'Sala consiliare' }, calId, ev.id, { sendUpdates: 'all' });
    Calendar.Events.patch({ attendees: [{ email: 'luca@comune.it' }] }, calId, ev.id, { sendUpdates: 'all' });
    Calendar.Events.patch({ summary: 'Silenzioso' }, calId, ev.id);
    Calendar.Events.remove(calId, ev.id, { sendUpdates: 'all' });
    expect(calendarNotifications(ws).map((n) => `${n.kind}:${n.to}`)).toEqual([
      'invitation:anna@comune.it',
      'invitation:luca@comune.it',
      'update:anna@comune.it',
      'update:luca@comune.it',
      'cancellation:anna@comune.it',
      'cancellation:luca@comune.it',
    ]);
  });

  // catalogue: CAL-EVENTS-API
  test('the guests of a past event are not notified, whatever sendUpdates says', () => {
    const { ws, Calendar, calId } = setup();
    const ev = Calendar.Events.insert(session('2027-03-02', { attendees: [{ email: 'anna@x.it' }] }), calId, {
      sendUpdates: 'all',
    });
    expect(calendarNotifications(ws)).toHaveLength(1);
    ws.clock.advance(60 * 24 * 60 * 60_000);
    Calendar.Events.patch(
      { attendees: [{ email: 'anna@x.it' }, { email: 'luca@x.it' }], location: 'Crema' },
      calId,
      ev.id,
      { sendUpdates: 'all' },
    );
    Calendar.Events.remove(calId, ev.id, { sendUpdates: 'all' });
    expect(calendarNotifications(ws)).toHaveLength(1);
  });

  // catalogue: CAL-EVENTS-API
  test('events carry the fields Google creates, and every method is a counted Calendar call', () => {
    const { ws, Calendar, calId } = setup();
    ws.resetCounts();
    const ev = Calendar.Events.insert(session('2027-03-02'), calId);
    expect(ev).toEqual(
      expect.objectContaining({
        status: 'confirmed',
        iCalUID: `${ev.id}@google.com`,
        kind: 'calendar#event',
        organizer: expect.objectContaining({ email: calId }),
      }),
    );
    expect(ev.id).toMatch(/^[a-v0-9]{26}$/);
    expect(ev.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
    Calendar.Events.get(calId, ev.id);
    Calendar.Events.list(calId);
    Calendar.Events.patch({ summary: 'x' }, calId, ev.id);
    Calendar.Events.remove(calId, ev.id);
    expect(ws.methodCounts).toEqual({
      'Calendar.insert': 1,
      'Calendar.get': 1,
      'Calendar.list': 1,
      'Calendar.patch': 1,
      'Calendar.remove': 1,
    });
    expect(ws.counts.Calendar).toBe(5);
  });

  // catalogue: CAL-APP-EVENTS, CAL-APP-CALENDARS
  test('CalendarApp sees the same calendars as the advanced service', () => {
    const { ws, CalendarApp, calId } = setup();
    expect(CalendarApp.getCalendarById(calId).getName()).toBe('Academy4PA — Corsi');
    expect(CalendarApp.getCalendarById('missing@group.calendar.google.com')).toBeNull();
    const made = CalendarApp.createCalendar('Altro', { timeZone: 'Europe/Rome' });
    expect(made.getTimeZone()).toBe('Europe/Rome');
    expect(CalendarApp.getCalendarsByName('Altro').map((c: any) => c.getId())).toEqual([made.getId()]);
    expect(CalendarApp.getDefaultCalendar().getId()).toBe(ws.state.owner);
  });
});
