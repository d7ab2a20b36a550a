/**
 * Probes for the catalogue's Calendar entries (CAL-*). Events are made on the runner's default calendar
 * in February 2031, far from anything real, and deleted before the probe answers.
 */
import { thrown, type Probe } from '../probe';

const START = '2031-02-03T09:00:00+01:00';
const END = '2031-02-03T10:00:00+01:00';

/** The advanced Calendar service, which the probe project's manifest enables. */
function events(): GoogleAppsScript.Calendar.Collection.EventsCollection {
  const service = typeof Calendar === 'undefined' ? undefined : Calendar.Events;
  if (!service) throw new Error('The advanced Calendar service is not enabled in the probe project.');
  return service;
}

/** An event through the advanced service, removed after `use` answers. */
function withEvent<T>(resource: GoogleAppsScript.Calendar.Schema.Event, use: (id: string) => T, options = {}): T {
  const id = String(events().insert(resource, 'primary', options).id);
  try {
    return use(id);
  } finally {
    thrown(() => events().remove('primary', id));
  }
}

const probeEvent = (summary: string): GoogleAppsScript.Calendar.Schema.Event => ({
  summary,
  start: { dateTime: START },
  end: { dateTime: END },
});

export const calendarProbes: Probe[] = [
  {
    id: 'CAL-CANCELLED-PURGED',
    run: () => {
      const resource = { ...probeEvent('Sonda annullata'), description: 'sonda', location: 'Crema' };
      const id = String(events().insert(resource, 'primary').id);
      events().remove('primary', id);
      const read = events().get('primary', id);
      return {
        status: read.status,
        keepsSummary: read.summary === 'Sonda annullata',
        keepsStart: read.start !== undefined,
      };
    },
    expected: {
      strict: { status: 'cancelled', keepsSummary: false, keepsStart: false },
      lenient: { status: 'cancelled', keepsSummary: true, keepsStart: true },
    },
  },
  {
    id: 'CAL-APP-EVENTS',
    run: () => {
      const calendar = CalendarApp.getDefaultCalendar();
      const event = calendar.createEvent('Sonda CalendarApp', new Date(START), new Date(END), {
        description: 'sonda',
        guests: 'sonda.ospite@example.com',
        sendInvites: false,
      });
      try {
        const found = calendar.getEventById(event.getId());
        const guest = event.getGuestList()[0];
        const advanced = events().list('primary', { iCalUID: event.getId() }).items ?? [];
        return {
          iCalUid: /@google\.com$/.test(event.getId()),
          found: found?.getTitle() ?? null,
          sameAsApi: advanced.map((e) => e.summary),
          guest: [guest?.getEmail(), String(guest?.getGuestStatus())],
          names: [String(event), String(calendar), String(CalendarApp.Month.MARCH), String(CalendarApp.Weekday.MONDAY)],
        };
      } finally {
        event.deleteEvent();
      }
    },
    expected: {
      value: {
        iCalUid: true,
        found: 'Sonda CalendarApp',
        sameAsApi: ['Sonda CalendarApp'],
        guest: ['sonda.ospite@example.com', 'INVITED'],
        names: ['CalendarEvent', 'Calendar', 'MARCH', 'MONDAY'],
      },
    },
  },
  {
    id: 'CAL-MEET',
    run: () => {
      const request = { createRequest: { requestId: 'sonda-meet-1', conferenceSolutionKey: { type: 'hangoutsMeet' } } };
      const resource = { ...probeEvent('Sonda Meet'), conferenceData: request };
      const without = withEvent(resource, (id) => events().get('primary', id).conferenceData ?? null);
      const withMeet = withEvent(
        resource,
        (id) => events().get('primary', id).conferenceData?.conferenceSolution?.key?.type ?? null,
        { conferenceDataVersion: 1 },
      );
      return { without, withMeet };
    },
    expected: { value: { without: null, withMeet: 'hangoutsMeet' } },
  },
  {
    id: 'CAL-PATCH-ARRAYS',
    run: () =>
      withEvent(
        { ...probeEvent('Sonda patch'), attendees: [{ email: 'uno@example.com' }, { email: 'due@example.com' }] },
        (id) => {
          events().patch({ attendees: [{ email: 'tre@example.com' }] }, 'primary', id, { sendUpdates: 'none' });
          return (events().get('primary', id).attendees ?? []).map((a) => a.email);
        },
      ),
    expected: { value: ['tre@example.com'] },
  },
  {
    id: 'CAL-TIMES',
    run: () => ({
      noOffset: thrown(() =>
        events().insert(
          {
            summary: 'Sonda orari',
            start: { dateTime: '2031-02-03T09:00:00' },
            end: { dateTime: '2031-02-03T10:00:00' },
          },
          'primary',
        ),
      ),
      withZone: withEvent(
        {
          summary: 'Sonda orari',
          start: { dateTime: '2031-02-03T09:00:00', timeZone: 'Europe/Rome' },
          end: { dateTime: '2031-02-03T10:00:00', timeZone: 'Europe/Rome' },
        },
        // Read back as an instant: how the API writes the dateTime back is not what this entry is about.
        (id) => {
          const iCalUid = String(events().get('primary', id).iCalUID);
          return CalendarApp.getDefaultCalendar().getEventById(iCalUid)?.getStartTime().toISOString() ?? null;
        },
      ),
    }),
    expected: {
      value: {
        noOffset: 'API call to calendar.events.insert failed with error: Missing time zone definition for start time.',
        withZone: '2031-02-03T08:00:00.000Z',
      },
    },
  },
  {
    id: 'CAL-TIMES-RENDERED',
    run: () =>
      withEvent(
        {
          summary: 'Sonda orari restituiti',
          start: { dateTime: '2031-02-03T09:00:00', timeZone: 'Europe/Rome' },
          end: { dateTime: '2031-02-03T10:00:00', timeZone: 'Europe/Rome' },
          extendedProperties: { private: { a4paProbe: 'rendered' } },
        },
        (id) => {
          const rome = events().get('primary', id, { timeZone: 'Europe/Rome' }).start;
          const listed = events().list('primary', {
            privateExtendedProperty: 'a4paProbe=rendered',
            timeZone: 'America/New_York',
          }).items;
          return { rome: rome?.dateTime, zoneKept: rome?.timeZone, newYork: listed?.[0]?.start?.dateTime };
        },
      ),
    expected: {
      value: { rome: '2031-02-03T09:00:00+01:00', zoneKept: 'Europe/Rome', newYork: '2031-02-03T03:00:00-05:00' },
    },
  },
  {
    id: 'CAL-EXTENDED-PROPERTY',
    run: () =>
      withEvent({ ...probeEvent('Sonda proprietà'), extendedProperties: { private: { a4paProbe: 'p1' } } }, () => {
        const found = events().list('primary', { privateExtendedProperty: 'a4paProbe=p1' }).items ?? [];
        const other = events().list('primary', { privateExtendedProperty: 'a4paProbe=p2' }).items ?? [];
        return { found: found.map((e) => e.summary), other: other.length };
      }),
    expected: { value: { found: ['Sonda proprietà'], other: 0 } },
  },
  {
    id: 'CAL-APP-CALENDARS',
    run: () => ({
      defaultIsUser: CalendarApp.getDefaultCalendar().getId() === Session.getEffectiveUser().getEmail(),
      month: String(CalendarApp.Month.JANUARY),
      visibility: String(CalendarApp.Visibility.PRIVATE),
    }),
    expected: { value: { defaultIsUser: true, month: 'JANUARY', visibility: 'PRIVATE' } },
  },
];
