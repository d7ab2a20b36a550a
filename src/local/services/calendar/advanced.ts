import type { Workspace } from '../../runtime/workspace';
import { spendCreatedEvent, spendRequest } from './limits';
import { calendarState, fail, str, validZone, type CalendarRecord, type Json } from './model';
import type { calendarStore } from './store';

type Store = ReturnType<typeof calendarStore>;

/**
 * The advanced `Calendar` service (API v3): each request is one counted call and one request against the
 * per-minute limit; inserts also spend the day's events-created allowance.
 */
export function advancedCalendar(ws: Workspace, store: Store): Record<string, unknown> {
  const request = (method: string, apiMethod: string): void => {
    ws.call('Calendar', method);
    spendRequest(ws, apiMethod);
  };
  const Events = {
    insert(resource: Json, calendarId: string, optionalArgs?: Json): Json {
      request('insert', 'events.insert');
      spendCreatedEvent(ws, 'events.insert');
      return store.events.insert(resource, calendarId, optionalArgs);
    },
    get(calendarId: string, eventId: string, optionalArgs?: Json): Json {
      request('get', 'events.get');
      return store.events.get(calendarId, eventId, optionalArgs);
    },
    patch(resource: Json, calendarId: string, eventId: string, optionalArgs?: Json): Json {
      request('patch', 'events.patch');
      return store.events.patch(resource, calendarId, eventId, optionalArgs);
    },
    update(resource: Json, calendarId: string, eventId: string, optionalArgs?: Json): Json {
      request('update', 'events.update');
      return store.events.update(resource, calendarId, eventId, optionalArgs);
    },
    list(calendarId: string, optionalArgs?: Json): Json {
      request('list', 'events.list');
      return store.events.list(calendarId, optionalArgs);
    },
    remove(calendarId: string, eventId: string, optionalArgs?: Json): void {
      request('remove', 'events.delete');
      store.events.remove(calendarId, eventId, optionalArgs);
    },
  };

  const Calendars = {
    insert(resource: Json): Json {
      request('calendars.insert', 'calendars.insert');
      const cal = store.createCalendar(
        str(resource?.summary),
        typeof resource?.timeZone === 'string' ? resource.timeZone : undefined,
        'calendars.insert',
      );
      if (typeof resource?.description === 'string') cal.description = resource.description;
      return store.calendarResource(cal);
    },
    get(calendarId: string): Json {
      request('calendars.get', 'calendars.get');
      return store.calendarResource(store.requireCalendar(calendarId, 'calendars.get'));
    },
    patch(resource: Json, calendarId: string): Json {
      request('calendars.patch', 'calendars.patch');
      const cal = store.requireCalendar(calendarId, 'calendars.patch');
      if (typeof resource?.summary === 'string') cal.summary = resource.summary;
      if (typeof resource?.description === 'string') cal.description = resource.description;
      if (typeof resource?.timeZone === 'string') {
        if (!validZone(resource.timeZone)) fail('calendars.patch', 400, 'Invalid time zone definition.');
        cal.timeZone = resource.timeZone;
      }
      return store.calendarResource(cal);
    },
  };

  const CalendarList = {
    list(): Json {
      request('calendarList.list', 'calendarList.list');
      const s = calendarState(ws);
      return {
        kind: 'calendar#calendarList',
        items: s.calendarOrder.map((id) => {
          const cal = s.calendars[id] as CalendarRecord;
          return {
            kind: 'calendar#calendarListEntry',
            id,
            summary: cal.summary,
            timeZone: cal.timeZone,
            accessRole: 'owner',
            primary: id === ws.state.owner || undefined,
          };
        }),
      };
    },
  };

  return { Events, Calendars, CalendarList };
}
