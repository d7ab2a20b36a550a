/**
 * Google can fail a request it has in fact carried out (a timeout after the insert): the retry must
 * find the event it made instead of inserting a second one. The emulator's gate fails before acting,
 * so here the emulated service is wrapped to fail after acting.
 */
import { Workspace } from '../../../src/local/runtime/workspace';
import { calendarGlobals, snapshotCalendar } from '../../../src/local/services/calendar';
import { buildSessionEvent } from '../../../src/core/calendar/event';
import { cancelEvent, insertSessionEvent, isGone, listEvents } from '../../../src/gas/calendar/api';

type Json = Record<string, unknown>;
interface EmulatedCalendar {
  Events: { insert: (...a: unknown[]) => Json; list: (...a: unknown[]) => Json; remove: (...a: unknown[]) => unknown };
  Calendars: { insert: (r: Json) => Json };
}

const scope = globalThis as Record<string, unknown>;

function install(failAfterInsert: number): { ws: Workspace; calendarId: string; sleeps: number[] } {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  const calendar = calendarGlobals(ws).Calendar as EmulatedCalendar;
  const calendarId = String(calendar.Calendars.insert({ summary: 'Academy4PA — Corsi', timeZone: 'Europe/Rome' }).id);
  let failures = failAfterInsert;
  const insert = calendar.Events.insert;
  calendar.Events.insert = (...args: unknown[]) => {
    const made = insert(...args);
    if (failures > 0) {
      failures -= 1;
      throw new Error("We're sorry, a server error occurred. Please wait a bit and try again.");
    }
    return made;
  };
  const sleeps: number[] = [];
  scope.Calendar = calendar;
  scope.Utilities = { sleep: (ms: number) => sleeps.push(ms) };
  return { ws, calendarId, sleeps };
}

beforeEach(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
  delete scope.Calendar;
  delete scope.Utilities;
});

const built = buildSessionEvent({
  course: {
    code: 'ONL',
    title: 'Corso online',
    area: '',
    description: '',
    teacher: '',
    hours: 3,
    mode: 'Online',
    venue: '',
    status: 'Iscrizioni aperte',
  },
  session: {
    id: 'ONL-S1',
    course: 'ONL',
    date: '2027-03-02',
    start: '09:00',
    end: '12:00',
    venue: '',
    eventId: '',
    meetLink: '',
    status: 'Programmata',
  },
  position: { n: 1, of: 1 },
  attendees: ['anna@comune.crema.cr.it'],
  cancellation: { formUrl: '', staffEmail: '' },
});

describe('insertSessionEvent', () => {
  it('finds the event a failed-but-done insert made instead of inserting it twice', () => {
    const { ws, calendarId, sleeps } = install(2);
    const event = insertSessionEvent(
      calendarId,
      {
        ...built.resource,
        conferenceData: {
          createRequest: { requestId: 'a4pa-ONL-S1-1', conferenceSolutionKey: { type: 'hangoutsMeet' } },
        },
      },
      'ONL-S1',
    );
    const all = snapshotCalendar(ws).filter((e) => e.sessionId === 'ONL-S1');
    expect(all).toHaveLength(1);
    expect(event.id).toBe(all[0]?.id);
    expect(ws.methodCounts['Calendar.insert']).toBe(1);
    expect(sleeps).toHaveLength(1);
  });

  it('inserts once when nothing fails, with Meet and invitations', () => {
    const { ws, calendarId } = install(0);
    const event = insertSessionEvent(
      calendarId,
      {
        ...built.resource,
        conferenceData: {
          createRequest: { requestId: 'a4pa-ONL-S1-1', conferenceSolutionKey: { type: 'hangoutsMeet' } },
        },
      },
      'ONL-S1',
    );
    expect(event.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(ws.methodCounts['Calendar.insert']).toBe(1);
    expect(ws.methodCounts['Calendar.list']).toBeUndefined();
  });
});

describe('listEvents and cancelEvent', () => {
  it('lists cancelled events too, filters by private property, and treats a second cancel as done', () => {
    const { calendarId } = install(0);
    const event = insertSessionEvent(calendarId, built.resource, 'ONL-S1');
    cancelEvent(calendarId, String(event.id));
    expect(() => cancelEvent(calendarId, String(event.id))).not.toThrow();
    expect(listEvents(calendarId).map((e) => e.status)).toEqual(['cancelled']);
    expect(listEvents(calendarId, { privateProperties: ['sessionId=ONL-S1'] })).toHaveLength(1);
    expect(listEvents(calendarId, { privateProperties: ['sessionId=ONL-S2'] })).toHaveLength(0);
  });

  it("recognises Google's 404 and 410 messages", () => {
    expect(isGone(new Error('API call to calendar.events.get failed with error: Not Found'))).toBe(true);
    expect(isGone(new Error('API call to calendar.events.delete failed with error: Resource has been deleted'))).toBe(
      true,
    );
    expect(isGone(new Error('Service unavailable'))).toBe(false);
  });
});
