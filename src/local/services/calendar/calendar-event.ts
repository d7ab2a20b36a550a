import type { Workspace } from '../../runtime/workspace';
import { attendeesOf, calendarState, instantOf, type Json } from './model';
import type { calendarStore } from './store';

type Store = ReturnType<typeof calendarStore>;

/** CalendarApp.GuestStatus from the API's responseStatus; the organizer reads OWNER. */
const GUEST_STATUS: Record<string, string> = {
  needsAction: 'INVITED',
  tentative: 'MAYBE',
  declined: 'NO',
  accepted: 'YES',
};

/** Drops the seconds' fraction Google never keeps and makes a wall-clock-free API time. */
export function apiTime(date: Date): Json {
  return { dateTime: new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString() };
}

function dateOnly(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function apiDay(date: Date, timeZone: string): Json {
  return { date: dateOnly(date, timeZone) };
}

export function guestsOf(options: { guests?: unknown } | undefined): Json[] | undefined {
  if (!options || typeof options.guests !== 'string' || options.guests.trim() === '') return undefined;
  return options.guests
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .map((email) => ({ email }));
}

/**
 * CalendarApp's CalendarEvent over the same stored event the advanced service sees; every method is one
 * counted `Calendar` call. Its id is the event's iCalUID, as `getId()` documents.
 */
export class CalendarEventFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly store: Store,
    private readonly calendarId: string,
    private readonly eventId: string,
  ) {}

  private read(method: string): Json {
    this.ws.call('Calendar', method);
    return this.store.events.get(this.calendarId, this.eventId);
  }

  private write(method: string, patch: Json): this {
    this.ws.call('Calendar', method);
    this.store.events.patch(patch, this.calendarId, this.eventId, { sendUpdates: 'none' });
    return this;
  }

  private zone(): string {
    return calendarState(this.ws).calendars[this.calendarId]?.timeZone ?? 'UTC';
  }

  toString(): string {
    return 'CalendarEvent';
  }
  getId(): string {
    return String(this.read('getId').iCalUID);
  }
  getTitle(): string {
    return String(this.read('getTitle').summary ?? '');
  }
  setTitle(title: string): this {
    return this.write('setTitle', { summary: String(title) });
  }
  getDescription(): string {
    return String(this.read('getDescription').description ?? '');
  }
  setDescription(description: string): this {
    return this.write('setDescription', { description: String(description) });
  }
  getLocation(): string {
    return String(this.read('getLocation').location ?? '');
  }
  setLocation(location: string): this {
    return this.write('setLocation', { location: String(location) });
  }
  getStartTime(): Date {
    return new Date(instantOf(this.read('getStartTime').start as Json, this.zone(), 'start'));
  }
  getEndTime(): Date {
    return new Date(instantOf(this.read('getEndTime').end as Json, this.zone(), 'end'));
  }
  isAllDayEvent(): boolean {
    return (this.read('isAllDayEvent').start as Json | undefined)?.date !== undefined;
  }
  getAllDayStartDate(): Date {
    const ev = this.read('getAllDayStartDate');
    if ((ev.start as Json).date === undefined) throw new Error('Event is not an all-day event.');
    return new Date(instantOf(ev.start as Json, this.zone(), 'start'));
  }
  setTime(startTime: Date, endTime: Date): this {
    return this.write('setTime', { start: apiTime(startTime), end: apiTime(endTime) });
  }
  getDateCreated(): Date {
    return new Date(String(this.read('getDateCreated').created));
  }
  getLastUpdated(): Date {
    return new Date(String(this.read('getLastUpdated').updated));
  }
  getCreators(): string[] {
    return [String((this.read('getCreators').creator as Json | undefined)?.email ?? '')];
  }
  getOriginalCalendarId(): string {
    this.ws.call('Calendar', 'getOriginalCalendarId');
    return this.calendarId;
  }
  isOwnedByMe(): boolean {
    return (this.read('isOwnedByMe').organizer as Json | undefined)?.self === true;
  }
  getGuestList(includeOwner = false): EventGuestFacade[] {
    const ev = this.read('getGuestList');
    const guests = attendeesOf(ev).filter((a) => includeOwner || a.organizer !== true);
    const list = guests.map((a) => new EventGuestFacade(a));
    const organizer = ev.organizer as Json | undefined;
    if (includeOwner && organizer && !guests.some((a) => a.email === organizer.email))
      list.unshift(new EventGuestFacade({ email: organizer.email, responseStatus: 'accepted', organizer: true }));
    return list;
  }
  getGuestByEmail(email: string): EventGuestFacade | null {
    const wanted = String(email).toLowerCase();
    const found = attendeesOf(this.read('getGuestByEmail')).find((a) => String(a.email).toLowerCase() === wanted);
    return found ? new EventGuestFacade(found) : null;
  }
  addGuest(email: string): this {
    const ev = this.read('addGuest');
    const wanted = String(email).trim();
    const attendees = attendeesOf(ev);
    if (attendees.some((a) => String(a.email).toLowerCase() === wanted.toLowerCase())) return this;
    this.store.events.patch({ attendees: [...attendees, { email: wanted }] }, this.calendarId, this.eventId, {
      sendUpdates: 'none',
    });
    return this;
  }
  removeGuest(email: string): this {
    const ev = this.read('removeGuest');
    const unwanted = String(email).toLowerCase();
    const attendees = attendeesOf(ev).filter((a) => String(a.email).toLowerCase() !== unwanted);
    this.store.events.patch({ attendees }, this.calendarId, this.eventId, { sendUpdates: 'none' });
    return this;
  }
  setGuestsCanSeeGuests(canSee: boolean): this {
    return this.write('setGuestsCanSeeGuests', { guestsCanSeeOtherGuests: Boolean(canSee) });
  }
  guestsCanSeeGuests(): boolean {
    return this.read('guestsCanSeeGuests').guestsCanSeeOtherGuests !== false;
  }
  setGuestsCanInviteOthers(canInvite: boolean): this {
    return this.write('setGuestsCanInviteOthers', { guestsCanInviteOthers: Boolean(canInvite) });
  }
  guestsCanInviteOthers(): boolean {
    return this.read('guestsCanInviteOthers').guestsCanInviteOthers !== false;
  }
  setGuestsCanModify(canModify: boolean): this {
    return this.write('setGuestsCanModify', { guestsCanModify: Boolean(canModify) });
  }
  guestsCanModify(): boolean {
    return this.read('guestsCanModify').guestsCanModify === true;
  }
  getTag(key: string): string | null {
    const shared = ((this.read('getTag').extendedProperties as Json | undefined)?.shared as Json | undefined) ?? {};
    return typeof shared[String(key)] === 'string' ? (shared[String(key)] as string) : null;
  }
  setTag(key: string, value: string): this {
    return this.write('setTag', { extendedProperties: { shared: { [String(key)]: String(value) } } });
  }
  getAllTagKeys(): string[] {
    return Object.keys(
      ((this.read('getAllTagKeys').extendedProperties as Json | undefined)?.shared as Json | undefined) ?? {},
    );
  }
  deleteEvent(): void {
    this.ws.call('Calendar', 'deleteEvent');
    this.store.events.remove(this.calendarId, this.eventId, { sendUpdates: 'none' });
  }
}

/** CalendarApp's EventGuest: a snapshot of one attendee. */
export class EventGuestFacade {
  constructor(private readonly attendee: Json) {}
  toString(): string {
    return 'EventGuest';
  }
  getEmail(): string {
    return String(this.attendee.email);
  }
  getName(): string {
    return typeof this.attendee.displayName === 'string' ? this.attendee.displayName : String(this.attendee.email);
  }
  getGuestStatus(): string {
    if (this.attendee.organizer === true) return 'OWNER';
    return GUEST_STATUS[String(this.attendee.responseStatus)] ?? 'INVITED';
  }
  getAdditionalGuests(): number {
    return Number(this.attendee.additionalGuests ?? 0);
  }
}
