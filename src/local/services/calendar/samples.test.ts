import { Runtime } from '../../runtime/runtime';
import { Workspace } from '../../runtime/workspace';
import { snapshotCalendar } from '.';

/*
 * Google's published solutions (googleworkspace/apps-script-samples) make these CalendarApp calls;
 * each script below is our own, making the same calls in the same order inside the emulator's Apps
 * Script context (its own realm, as on Google), so the sample's logic would run unmodified.
 */

const START = Date.parse('2027-02-01T09:00:00+01:00');

describe('published Google samples, their CalendarApp calls', () => {
  // catalogue: CAL-APP-EVENTS
  test('event-session-signup: a calendar of sessions, then guests added by event series id (solutions/automations/event-session-signup/Code.js, setUpCalendar_ lines 62-81, sendInvites_ lines 179-185)', () => {
    const ws = Workspace.create({ startMs: START });
    const runtime = new Runtime(
      ws,
      `
      function setUp() {
        const cal = CalendarApp.createCalendar('Conference Calendar');
        const sessions = [
          ['Welcome', new Date('2027-03-02T09:00:00+01:00'), new Date('2027-03-02T10:00:00+01:00'), 'Room A'],
          ['Keynote', new Date('2027-03-02T10:30:00+01:00'), new Date('2027-03-02T11:30:00+01:00'), 'Room B'],
        ];
        const ids = sessions.map(([title, start, end, location]) =>
          cal.createEvent(title, start, end, { location: location, sendInvites: true }).setGuestsCanSeeGuests(false).getId());
        PropertiesService.getScriptProperties().setProperty('calId', cal.getId());
        return ids;
      }
      function invite(ids, email) {
        const cal = CalendarApp.getCalendarById(PropertiesService.getScriptProperties().getProperty('calId'));
        for (const id of ids) cal.getEventSeriesById(id).addGuest(email);
        return cal.getEventSeriesById(ids[0]).getGuestList().map((g) => g.getEmail());
      }
    `,
    );
    const setUp = runtime.run('setUp');
    expect(setUp.ok).toBe(true);
    const ids = setUp.value as string[];
    expect(ids).toHaveLength(2);
    const invited = runtime.run('invite', [ids, 'anna.bassi@comune.crema.cr.it']);
    expect(invited).toMatchObject({ ok: true, value: ['anna.bassi@comune.crema.cr.it'] });
    expect(snapshotCalendar(ws).map((e) => [e.summary, e.location, e.start, e.attendees])).toEqual([
      ['Welcome', 'Room A', '2027-03-02T09:00:00+01:00', ['anna.bassi@comune.crema.cr.it']],
      ['Keynote', 'Room B', '2027-03-02T10:30:00+01:00', ['anna.bassi@comune.crema.cr.it']],
    ]);
  });

  // catalogue: CAL-APP-EVENTS
  test("calendar-timesheet: the user's calendars, then each event's times, creators, text and tags (solutions/automations/calendar-timesheet/Code.js, lines 54-67 and 253-300)", () => {
    const ws = Workspace.create({ startMs: START });
    const runtime = new Runtime(
      ws,
      `
      function seed() {
        CalendarApp.createCalendar('Clienti');
        CalendarApp.getDefaultCalendar()
          .createEvent('Analisi', new Date('2027-02-03T09:00:00+01:00'), new Date('2027-02-03T11:00:00+01:00'), { description: 'Requisiti' })
          .setTag('Client', 'Comune di Crema');
      }
      function sheetRows() {
        const primary = CalendarApp.getAllCalendars().filter((cal) => cal.isMyPrimaryCalendar())
          .map((cal) => ({ name: 'Primary calendar', id: cal.getId() }));
        const secondary = CalendarApp.getAllCalendars().filter((cal) => cal.isOwnedByMe() && !cal.isMyPrimaryCalendar())
          .map((cal) => ({ name: cal.getName(), id: cal.getId() }));
        const rows = [];
        for (const { id } of primary.concat(secondary)) {
          const events = CalendarApp.getCalendarById(id).getEvents(new Date('2027-02-01T00:00:00+01:00'), new Date('2027-02-28T00:00:00+01:00'));
          for (const event of events) {
            rows.push([
              event.getId().endsWith('@google.com'),
              (event.getEndTime() - event.getStartTime()) / 3600000,
              event.getCreators().join(','),
              event.getTitle(),
              event.getDescription(),
              event.getTag('Client') || 'tbd',
              event.getTag('Project') || 'tbd',
              event.getLocation(),
            ]);
          }
        }
        return { calendars: primary.concat(secondary).map((c) => c.name), rows };
      }
    `,
    );
    expect(runtime.run('seed').ok).toBe(true);
    expect(runtime.run('sheetRows').value).toEqual({
      calendars: ['Primary calendar', 'Clienti'],
      rows: [[true, 2, ws.state.owner, 'Analisi', 'Requisiti', 'Comune di Crema', 'tbd', '']],
    });
  });
});
