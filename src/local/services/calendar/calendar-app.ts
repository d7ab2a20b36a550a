import type { Workspace } from '../../runtime/workspace';
import { checkSignature, isDate } from '../signature';
import { apiDay, apiTime, CalendarEventFacade, guestsOf } from './calendar-event';
import { spendCreatedEventByApp } from './limits';
import { calendarState, instantOf, validZone, type CalendarRecord, type Json } from './model';
import type { calendarStore } from './store';

type Store = ReturnType<typeof calendarStore>;

function enumOf<T extends string>(names: readonly T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

/** CalendarApp's enums, each value reading as its name (Google's `toString()`). */
const ENUMS = {
  Month: enumOf([
    'JANUARY',
    'FEBRUARY',
    'MARCH',
    'APRIL',
    'MAY',
    'JUNE',
    'JULY',
    'AUGUST',
    'SEPTEMBER',
    'OCTOBER',
    'NOVEMBER',
    'DECEMBER',
  ] as const),
  Weekday: enumOf(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const),
  GuestStatus: enumOf(['INVITED', 'MAYBE', 'NO', 'OWNER', 'YES'] as const),
  Visibility: enumOf(['CONFIDENTIAL', 'DEFAULT', 'PRIVATE', 'PUBLIC'] as const),
  EventTransparency: enumOf(['OPAQUE', 'TRANSPARENT'] as const),
  EventType: enumOf(['DEFAULT', 'BIRTHDAY', 'FOCUS_TIME', 'FROM_GMAIL', 'OUT_OF_OFFICE', 'WORKING_LOCATION'] as const),
  Status: enumOf(['CANCELLED', 'CONFIRMED', 'TENTATIVE'] as const),
};

interface EventOptions {
  description?: string;
  location?: string;
  guests?: string;
  sendInvites?: boolean;
}

/** CalendarApp's Calendar: settings of the calendar and its events, over the store the API uses. */
class CalendarFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly store: Store,
    private readonly cal: CalendarRecord,
  ) {}

  private call(method: string): void {
    this.ws.call('Calendar', method);
  }

  toString(): string {
    return 'Calendar';
  }
  getId(): string {
    this.call('getId');
    return this.cal.id;
  }
  getName(): string {
    this.call('getName');
    return this.cal.summary;
  }
  setName(name: string): this {
    this.call('setName');
    this.cal.summary = String(name);
    return this;
  }
  getDescription(): string {
    this.call('getDescription');
    return this.cal.description;
  }
  setDescription(description: string): this {
    this.call('setDescription');
    this.cal.description = String(description);
    return this;
  }
  getTimeZone(): string {
    this.call('getTimeZone');
    return this.cal.timeZone;
  }
  setTimeZone(timeZone: string): this {
    this.call('setTimeZone');
    if (!validZone(String(timeZone))) throw new Error(`Invalid argument: timeZone`);
    this.cal.timeZone = String(timeZone);
    return this;
  }
  isOwnedByMe(): boolean {
    this.call('isOwnedByMe');
    return true;
  }
  isMyPrimaryCalendar(): boolean {
    this.call('isMyPrimaryCalendar');
    return this.cal.id === this.ws.state.owner;
  }

  createEvent(title: string, startTime: Date, endTime: Date, options?: EventOptions): CalendarEventFacade {
    checkSignature(
      'CalendarApp.Calendar.createEvent',
      [title, startTime, endTime, options],
      [
        ['String', 'Date', 'Date'],
        ['String', 'Date', 'Date', 'Object'],
      ],
    );
    this.call('createEvent');
    if (endTime.getTime() < startTime.getTime()) throw new Error('Event start date must be before event end date.');
    return this.insert(title, apiTime(startTime), apiTime(endTime), options);
  }

  createAllDayEvent(title: string, date: Date, endOrOptions?: Date | EventOptions, options?: EventOptions) {
    checkSignature(
      'CalendarApp.Calendar.createAllDayEvent',
      [title, date, endOrOptions, options],
      [
        ['String', 'Date'],
        ['String', 'Date', 'Object'],
        ['String', 'Date', 'Date'],
        ['String', 'Date', 'Date', 'Object'],
      ],
    );
    this.call('createAllDayEvent');
    const endDate = isDate(endOrOptions) ? endOrOptions : new Date(date.getTime() + 24 * 3600 * 1000);
    const opts = isDate(endOrOptions) ? options : endOrOptions;
    const start = apiDay(date, this.cal.timeZone);
    const end = apiDay(endDate, this.cal.timeZone);
    // The end date is exclusive: CalendarApp refuses one not after the start with createEvent's message
    // (gas-fakes test/testcalendars.js lines 154-159, asserted on live Apps Script).
    if (String(end.date) <= String(start.date)) throw new Error('Event start date must be before event end date.');
    return this.insert(title, start, end, opts);
  }

  getEventById(iCalId: string): CalendarEventFacade | null {
    checkSignature('CalendarApp.Calendar.getEventById', [iCalId], [['String']]);
    this.call('getEventById');
    const st = calendarState(this.ws);
    const key = st.eventOrder.find((k) => {
      const ev = st.events[k] as Json;
      return k.startsWith(`${this.cal.id}/`) && ev.iCalUID === String(iCalId) && ev.status !== 'cancelled';
    });
    return key ? new CalendarEventFacade(this.ws, this.store, this.cal.id, key.slice(this.cal.id.length + 1)) : null;
  }

  /** A single event is its own series as CalendarApp reads it: the same iCalUID, the same guests. */
  getEventSeriesById(iCalId: string): CalendarEventFacade | null {
    checkSignature('CalendarApp.Calendar.getEventSeriesById', [iCalId], [['String']]);
    return this.getEventById(iCalId);
  }

  /** Events overlapping [start, end), sorted by start, as CalendarApp lists them (cancelled ones left out). */
  getEvents(startTime: Date, endTime: Date, options?: { search?: string; max?: number }): CalendarEventFacade[] {
    checkSignature(
      'CalendarApp.Calendar.getEvents',
      [startTime, endTime, options],
      [
        ['Date', 'Date'],
        ['Date', 'Date', 'Object'],
      ],
    );
    this.call('getEvents');
    const args: Json = {
      timeMin: startTime.toISOString(),
      timeMax: endTime.toISOString(),
      singleEvents: true,
      orderBy: 'startTime',
      maxResults: 2500,
    };
    if (options?.search) args.q = options.search;
    const items = (this.store.events.list(this.cal.id, args).items as Json[]).slice(0, options?.max ?? 2500);
    return items.map((ev) => new CalendarEventFacade(this.ws, this.store, this.cal.id, String(ev.id)));
  }

  getEventsForDay(date: Date, options?: { search?: string; max?: number }): CalendarEventFacade[] {
    const day = apiDay(date, this.cal.timeZone);
    const start = instantOf(day, this.cal.timeZone, 'start');
    return this.getEvents(new Date(start), new Date(start + 24 * 3600 * 1000), options);
  }

  private insert(title: string, start: Json, end: Json, options: EventOptions | undefined): CalendarEventFacade {
    spendCreatedEventByApp(this.ws);
    const resource: Json = { summary: String(title), start, end };
    if (options?.description !== undefined) resource.description = String(options.description);
    if (options?.location !== undefined) resource.location = String(options.location);
    const attendees = guestsOf(options);
    if (attendees) resource.attendees = attendees;
    const ev = this.store.events.insert(resource, this.cal.id, { sendUpdates: options?.sendInvites ? 'all' : 'none' });
    return new CalendarEventFacade(this.ws, this.store, this.cal.id, String(ev.id));
  }
}

export function calendarApp(ws: Workspace, store: Store): Record<string, unknown> {
  const st = () => calendarState(ws);
  const wrap = (cal: CalendarRecord): CalendarFacade => new CalendarFacade(ws, store, cal);
  const all = (): CalendarRecord[] => st().calendarOrder.map((id) => st().calendars[id] as CalendarRecord);
  const primary = (): CalendarFacade => new CalendarFacade(ws, store, st().calendars[ws.state.owner] as CalendarRecord);
  return {
    ...ENUMS,
    toString: () => 'CalendarApp',
    getCalendarById(id: string) {
      ws.call('Calendar', 'getCalendarById');
      const cal = st().calendars[store.calendarIdOf(id)];
      return cal ? wrap(cal) : null;
    },
    getOwnedCalendarById(id: string) {
      ws.call('Calendar', 'getOwnedCalendarById');
      const cal = st().calendars[store.calendarIdOf(id)];
      return cal ? wrap(cal) : null;
    },
    getDefaultCalendar() {
      ws.call('Calendar', 'getDefaultCalendar');
      return primary();
    },
    getCalendarsByName(name: string) {
      ws.call('Calendar', 'getCalendarsByName');
      return all()
        .filter((c) => c.summary === String(name))
        .map(wrap);
    },
    getOwnedCalendarsByName(name: string) {
      ws.call('Calendar', 'getOwnedCalendarsByName');
      return all()
        .filter((c) => c.summary === String(name))
        .map(wrap);
    },
    getAllCalendars() {
      ws.call('Calendar', 'getAllCalendars');
      return all().map(wrap);
    },
    getAllOwnedCalendars() {
      ws.call('Calendar', 'getAllOwnedCalendars');
      return all().map(wrap);
    },
    createCalendar(name: string, options?: { timeZone?: string; summary?: string }) {
      ws.call('Calendar', 'createCalendar');
      const zone = options?.timeZone;
      if (zone !== undefined && !validZone(zone)) throw new Error('Invalid argument: timeZone');
      const cal = store.createCalendar(String(name), zone, 'calendars.insert');
      if (typeof options?.summary === 'string') cal.description = options.summary;
      return wrap(cal);
    },
    getName: () => primary().getName(),
    getId: () => primary().getId(),
    getTimeZone: () => primary().getTimeZone(),
    createEvent: (...args: Parameters<CalendarFacade['createEvent']>) => primary().createEvent(...args),
    createAllDayEvent: (...args: Parameters<CalendarFacade['createAllDayEvent']>) =>
      primary().createAllDayEvent(...args),
    getEventById: (iCalId: string) => primary().getEventById(iCalId),
    getEventSeriesById: (iCalId: string) => primary().getEventSeriesById(iCalId),
    getEvents: (...args: Parameters<CalendarFacade['getEvents']>) => primary().getEvents(...args),
    getEventsForDay: (...args: Parameters<CalendarFacade['getEventsForDay']>) => primary().getEventsForDay(...args),
  };
}
