import { Workspace } from '../../runtime/workspace';
import { createGlobals } from '..';

/*
 * Conformance with an independent oracle: the assertions brucemcpherson/gas-fakes makes for live Apps
 * Script in test/testcalendars.js (MIT), reproduced as our own calls for the members the emulator has.
 * Each test names the lines it comes from. Left out, as members the emulator lacks: the advanced
 * service's `toString()`/`getVersion()`/`new…` builders (lines 12-32), calendar colours, hidden and
 * selected (lines 86-122), `createEventFromDescription` and event colours (lines 161-168).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function globals(): any {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  return createGlobals(ws);
}

describe('gas-fakes test/testcalendars.js, as live Apps Script answers', () => {
  // catalogue: CAL-APP-CALENDARS, CAL-APP-EVENTS
  test('CalendarApp has a default calendar and enums that print their names (lines 35-50)', () => {
    const { CalendarApp } = globals();
    expect(CalendarApp.getDefaultCalendar()).toBeTruthy();
    expect(CalendarApp.Month.JANUARY.toString()).toBe('JANUARY');
    expect(CalendarApp.Weekday.MONDAY.toString()).toBe('MONDAY');
    expect(CalendarApp.Visibility.PRIVATE.toString()).toBe('PRIVATE');
  });

  // catalogue: CAL-APP-CALENDARS
  test("the default calendar's id is the user's address; a new calendar keeps its name, description and zone (lines 52-83)", () => {
    const { CalendarApp, Session } = globals();
    expect(CalendarApp.getDefaultCalendar().getId()).toBe(Session.getEffectiveUser().getEmail());
    const cal = CalendarApp.createCalendar('gas-fakes-general');
    expect(cal.getName()).toBe('gas-fakes-general');
    cal.setName('Test Calendar');
    expect(cal.getName()).toBe('Test Calendar');
    cal.setDescription('Testing gas-fakes Calendar implementation');
    expect(cal.getDescription()).toBe('Testing gas-fakes Calendar implementation');
    cal.setTimeZone('UTC');
    expect(cal.getTimeZone()).toBe('UTC');
  });

  // catalogue: CAL-APP-EVENTS
  test('createEvent and createAllDayEvent keep their titles; an end before the start is refused (lines 124-159)', () => {
    const { CalendarApp } = globals();
    const cal = CalendarApp.createCalendar('gas-fakes-events');
    const now = new Date(Date.parse('2027-02-01T09:00:00+01:00'));
    const later = new Date(now.getTime() + 3_600_000);
    const event = cal.createEvent('Test Event', now, later);
    expect(event.getTitle()).toBe('Test Event');
    expect(event.getId().length > 0).toBe(true);
    expect(cal.createEvent('Test Event Options', now, later, { description: 'Desc', location: 'Loc' }).getTitle()).toBe(
      'Test Event Options',
    );
    expect(cal.createAllDayEvent('All Day', now).getTitle()).toBe('All Day');
    const tomorrow = new Date(now.getTime() + 24 * 3_600_000);
    expect(cal.createAllDayEvent('All Day Range', now, tomorrow).getTitle()).toBe('All Day Range');
    const rx = /Event start .* must be before event end/;
    expect(() => cal.createEvent('Fail Event', later, now)).toThrow(rx);
    expect(() => cal.createAllDayEvent('Fail All Day', tomorrow, now)).toThrow(rx);
  });

  // catalogue: CAL-APP-EVENTS
  test('an event is found by getEvents over its window, by id and for its day (lines 172-197)', () => {
    const { CalendarApp } = globals();
    const cal = CalendarApp.createCalendar('gas-fakes-retrieval');
    const now = new Date(Date.parse('2027-02-01T09:00:00+01:00'));
    const later = new Date(now.getTime() + 3_600_000);
    const event = cal.createEvent('Find Me', now, later);
    const events = cal.getEvents(new Date(now.getTime() - 1000), new Date(later.getTime() + 1000));
    expect(events.length >= 1).toBe(true);
    expect(events.find((e: any) => e.getTitle() === 'Find Me')).toBeTruthy();
    const byId = cal.getEventById(event.getId());
    expect(byId).toBeTruthy();
    expect(byId.getTitle()).toBe('Find Me');
    expect(cal.getEventsForDay(now).find((e: any) => e.getTitle() === 'Find Me')).toBeTruthy();
  });
});
