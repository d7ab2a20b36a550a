import { Workspace } from '../../runtime/workspace';
import { calendarGlobals } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

const START = Date.parse('2027-02-01T09:00:00+01:00');
const at = (iso: string): Date => new Date(iso);

function setup() {
  const ws = Workspace.create({ startMs: START });
  const { Calendar, CalendarApp } = calendarGlobals(ws) as { Calendar: any; CalendarApp: any };
  return { ws, Calendar, CalendarApp };
}

describe('CalendarApp events', () => {
  // catalogue: CAL-APP-EVENTS
  test('createEvent makes an event the advanced service lists, with guests and an iCalUID id', () => {
    const { Calendar, CalendarApp } = setup();
    const cal = CalendarApp.getDefaultCalendar();
    const ev = cal.createEvent('Excel di base', at('2027-03-02T09:00:00+01:00'), at('2027-03-02T12:00:00+01:00'), {
      description: 'Aula 2',
      location: 'Sala consiliare, Crema',
      guests: 'anna.bassi@comune.crema.cr.it, luca.ferrari@comune.crema.cr.it',
    });
    expect(ev.getId()).toMatch(/@google\.com$/);
    expect(ev.getTitle()).toBe('Excel di base');
    expect(ev.getStartTime().toISOString()).toBe('2027-03-02T08:00:00.000Z');
    expect(ev.getEndTime().getTime() - ev.getStartTime().getTime()).toBe(3 * 3600_000);
    expect(ev.getGuestList().map((g: any) => [g.getEmail(), g.getGuestStatus()])).toEqual([
      ['anna.bassi@comune.crema.cr.it', 'INVITED'],
      ['luca.ferrari@comune.crema.cr.it', 'INVITED'],
    ]);
    const listed = Calendar.Events.list('primary').items;
    expect(listed.map((e: any) => [e.summary, e.location, e.iCalUID])).toEqual([
      ['Excel di base', 'Sala consiliare, Crema', ev.getId()],
    ]);
  });

  // catalogue: CAL-APP-EVENTS
  test('getEventById finds by iCalUID; guests are added and removed; deleteEvent cancels', () => {
    const { CalendarApp } = setup();
    const ev = CalendarApp.createEvent('Word', at('2027-03-03T09:00:00+01:00'), at('2027-03-03T11:00:00+01:00'));
    const again = CalendarApp.getEventById(ev.getId());
    again.addGuest('giulia.riva@comune.crema.cr.it').addGuest('marco.neri@comune.crema.cr.it');
    again.removeGuest('giulia.riva@comune.crema.cr.it');
    expect(ev.getGuestList().map((g: any) => g.getEmail())).toEqual(['marco.neri@comune.crema.cr.it']);
    expect(ev.getGuestByEmail('MARCO.NERI@comune.crema.cr.it').getEmail()).toBe('marco.neri@comune.crema.cr.it');
    ev.deleteEvent();
    expect(CalendarApp.getEventById(ev.getId())).toBeNull();
    expect(CalendarApp.getEventById('nessuno@google.com')).toBeNull();
  });

  // catalogue: CAL-APP-EVENTS
  test('getEvents lists overlapping events by start time; getEventsForDay takes one day in the calendar zone', () => {
    const { CalendarApp } = setup();
    CalendarApp.createEvent('B', at('2027-03-02T14:00:00+01:00'), at('2027-03-02T15:00:00+01:00'));
    CalendarApp.createEvent('A', at('2027-03-02T09:00:00+01:00'), at('2027-03-02T10:00:00+01:00'));
    CalendarApp.createEvent('C', at('2027-03-03T09:00:00+01:00'), at('2027-03-03T10:00:00+01:00'));
    const titles = (list: any[]): string[] => list.map((e) => e.getTitle());
    expect(titles(CalendarApp.getEvents(at('2027-03-01T00:00:00+01:00'), at('2027-03-04T00:00:00+01:00')))).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(titles(CalendarApp.getEventsForDay(at('2027-03-02T12:00:00+01:00')))).toEqual(['A', 'B']);
    expect(
      titles(CalendarApp.getEvents(at('2027-03-01T00:00:00+01:00'), at('2027-03-04T00:00:00+01:00'), { search: 'c' })),
    ).toEqual(['C']);
  });

  // catalogue: CAL-APP-EVENTS
  test('an all-day event reads as one; setTime, setTitle and tags persist', () => {
    const { CalendarApp } = setup();
    const day = CalendarApp.createAllDayEvent('Chiusura uffici', at('2027-04-25T12:00:00+02:00'));
    expect(day.isAllDayEvent()).toBe(true);
    expect(day.getAllDayStartDate().toISOString()).toBe('2027-04-24T22:00:00.000Z');
    const ev = CalendarApp.createEvent('Excel', at('2027-03-02T09:00:00+01:00'), at('2027-03-02T10:00:00+01:00'));
    ev.setTitle('Excel avanzato').setTime(at('2027-03-02T10:00:00+01:00'), at('2027-03-02T12:00:00+01:00'));
    ev.setTag('sessionId', 'EXC-S1');
    const read = CalendarApp.getEventById(ev.getId());
    expect([
      read.getTitle(),
      read.getStartTime().toISOString(),
      read.getTag('sessionId'),
      read.isAllDayEvent(),
    ]).toEqual(['Excel avanzato', '2027-03-02T09:00:00.000Z', 'EXC-S1', false]);
  });

  // catalogue: CAL-APP-EVENTS, SCRIPT-SIGNATURE-MISMATCH
  test('enums, toString and a wrong argument type as Apps Script reports them', () => {
    const { CalendarApp } = setup();
    expect(String(CalendarApp.Month.JANUARY)).toBe('JANUARY');
    expect(CalendarApp.Weekday.MONDAY).toBe('MONDAY');
    expect(CalendarApp.GuestStatus.YES).toBe('YES');
    const cal = CalendarApp.getDefaultCalendar();
    expect(String(cal)).toBe('Calendar');
    expect(String(CalendarApp.createEvent('x', at('2027-03-02T09:00:00Z'), at('2027-03-02T10:00:00Z')))).toBe(
      'CalendarEvent',
    );
    expect(() => cal.createEvent('Excel', '2027-03-02', '2027-03-03')).toThrow(
      "The parameters (String,String,String) don't match the method signature for CalendarApp.Calendar.createEvent.",
    );
    expect(() => cal.createEvent('Excel', at('2027-03-02T10:00:00Z'), at('2027-03-02T09:00:00Z'))).toThrow(
      'Event start date must be before event end date.',
    );
  });
});
