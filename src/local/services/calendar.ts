import { isoInZone, SCRIPT_TIME_ZONE, zonedToUtc } from '../runtime/time';
import type { Workspace } from '../runtime/workspace';

type Json = Record<string, unknown>;

interface CalendarRecord {
  id: string;
  summary: string;
  description: string;
  timeZone: string;
}

export interface CalendarNotification {
  at: number;
  calendarId: string;
  eventId: string;
  sessionId: string;
  kind: 'invitation' | 'update' | 'cancellation';
  to: string;
  summary: string;
}

interface CalendarState {
  calendars: Record<string, CalendarRecord>;
  calendarOrder: string[];
  /** Event resources as the API returns them, keyed by `calendarId/eventId`. */
  events: Record<string, Json>;
  eventOrder: string[];
  /** Events whose conference was answered `pending`; the next read completes it. */
  pending: Record<string, true>;
  pendingBudget: number;
  notifications: CalendarNotification[];
  seq: number;
}

function calendarState(ws: Workspace): CalendarState {
  const st = ws.slot<CalendarState>('calendar', () => ({
    calendars: {},
    calendarOrder: [],
    events: {},
    eventOrder: [],
    pending: {},
    pendingBudget: 0,
    notifications: [],
    seq: 0,
  }));
  const owner = ws.state.owner;
  if (!st.calendars[owner]) {
    st.calendars[owner] = { id: owner, summary: owner, description: '', timeZone: SCRIPT_TIME_ZONE };
    st.calendarOrder.unshift(owner);
  }
  return st;
}

/** Host knob: the next `times` conference create requests are answered `pending`. */
export function setConferencePending(ws: Workspace, times: number): void {
  calendarState(ws).pendingBudget = Math.max(0, Math.floor(times));
}

/** What Calendar itself sent because of `sendUpdates` (not mail: Google sends these, not the script). */
export function calendarNotifications(ws: Workspace): CalendarNotification[] {
  return calendarState(ws).notifications.map((n) => ({ ...n }));
}

/** An event as the scenario snapshot reports it (docs/contracts.md, "Snapshot"): times as ISO in the script's zone. */
export interface CalendarEventSnapshot {
  id: string;
  sessionId: string;
  summary: string;
  start: string;
  end: string;
  location: string;
  status: string;
  attendees: string[];
  meet: string;
}

export function snapshotCalendar(
  ws: Workspace,
): Array<CalendarEventSnapshot & { calendarId: string; description: string }> {
  const st = calendarState(ws);
  return st.eventOrder.map((key) => {
    const ev = st.events[key] as Json;
    const calendarId = key.slice(0, key.lastIndexOf('/'));
    const tz = st.calendars[calendarId]?.timeZone ?? SCRIPT_TIME_ZONE;
    const priv = ((ev.extendedProperties as Json | undefined)?.private as Json | undefined) ?? {};
    return {
      id: String(ev.id),
      calendarId,
      sessionId: typeof priv.sessionId === 'string' ? priv.sessionId : '',
      summary: str(ev.summary),
      description: str(ev.description),
      start: isoInZone(instantOf(ev.start as Json, tz, 'start'), SCRIPT_TIME_ZONE),
      end: isoInZone(instantOf(ev.end as Json, tz, 'end'), SCRIPT_TIME_ZONE),
      location: str(ev.location),
      status: str(ev.status),
      attendees: attendeesOf(ev).map((a) => String(a.email)),
      meet: str(ev.hangoutLink),
    };
  });
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Apps Script wraps an advanced-service HTTP error as a GoogleJsonResponseException whose message reads
 * "API call to calendar.events.get failed with error: Not Found" and whose `details` carry the code.
 */
export class GoogleJsonResponseException extends Error {
  readonly details: {
    code: number;
    message: string;
    errors: Array<{ domain: string; reason: string; message: string }>;
  };

  constructor(method: string, code: number, message: string, reason: string) {
    super(`API call to calendar.${method} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message, errors: [{ domain: 'global', reason, message }] };
  }
}

function fail(method: string, code: number, message: string): never {
  const reason = { 400: 'invalid', 404: 'notFound', 409: 'duplicate', 410: 'deleted' }[code] ?? 'backendError';
  throw new GoogleJsonResponseException(method, code, message, reason);
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant an event boundary stands for, resolved as Google does; throws the API's 400s. */
function instantOf(t: Json | undefined, calendarTz: string, which: 'start' | 'end', method = 'events.insert'): number {
  if (!t || (t.dateTime === undefined && t.date === undefined)) fail(method, 400, `Missing ${which} time.`);
  const zone = typeof t.timeZone === 'string' && t.timeZone !== '' ? t.timeZone : null;
  if (zone !== null && !validZone(zone)) fail(method, 400, `Invalid time zone definition for ${which} time.`);
  if (typeof t.dateTime === 'string') {
    if (OFFSET.test(t.dateTime)) {
      const ms = Date.parse(t.dateTime);
      if (Number.isNaN(ms)) fail(method, 400, 'Bad Request');
      return ms;
    }
    if (zone === null) fail(method, 400, `Missing time zone definition for ${which} time.`);
    const m = LOCAL_DATE_TIME.exec(t.dateTime);
    if (!m) fail(method, 400, 'Bad Request');
    return zonedToUtc(
      { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +(m[6] ?? 0) },
      zone,
    );
  }
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(t.date));
  if (!d) fail(method, 400, 'Bad Request');
  return zonedToUtc({ year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: 0, minute: 0, second: 0 }, zone ?? calendarTz);
}

function attendeesOf(ev: Json): Json[] {
  return Array.isArray(ev.attendees) ? (ev.attendees as Json[]) : [];
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Patch semantics: given fields replace, arrays replace whole, nested objects merge, null clears. */
function mergePatch(target: Json, patch: Json): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isPlainObject(value) && isPlainObject(target[key])) mergePatch(target[key] as Json, value);
    else target[key] = clone(value);
  }
}

const NOTIFIED_FIELDS = ['summary', 'description', 'location', 'start', 'end', 'hangoutLink', 'recurrence'] as const;

export function calendarGlobals(ws: Workspace): { Calendar: unknown; CalendarApp: unknown } {
  const st = (): CalendarState => calendarState(ws);

  function calendarIdOf(id: unknown): string {
    const raw = String(id);
    return raw === 'primary' ? ws.state.owner : raw;
  }

  function requireCalendar(id: unknown, method: string): CalendarRecord {
    const cal = st().calendars[calendarIdOf(id)];
    if (!cal) fail(method, 404, 'Not Found');
    return cal;
  }

  function randomChars(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(ws.random() * alphabet.length)];
    return out;
  }

  function stamp(ev: Json): void {
    const s = st();
    s.seq += 1;
    ev.updated = new Date(ws.now()).toISOString();
    ev.etag = `"${String(ws.now() * 1000 + (s.seq % 1000))}"`;
  }

  function meetCode(): string {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    return `${randomChars(letters, 3)}-${randomChars(letters, 4)}-${randomChars(letters, 3)}`;
  }

  function completeConference(ev: Json): void {
    const data = ev.conferenceData as Json;
    const request = data.createRequest as Json;
    const code = meetCode();
    request.status = { statusCode: 'success' };
    data.entryPoints = [
      { entryPointType: 'video', uri: `https://meet.google.com/${code}`, label: `meet.google.com/${code}` },
    ];
    data.conferenceSolution = {
      key: { type: 'hangoutsMeet' },
      name: 'Google Meet',
      iconUri:
        'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
    };
    data.conferenceId = code;
    ev.hangoutLink = `https://meet.google.com/${code}`;
  }

  /** Honours a create request (only called with conferenceDataVersion 1); a repeated requestId is a no-op. */
  function applyConference(key: string, ev: Json, incoming: unknown, method: string): void {
    if (!isPlainObject(incoming)) return;
    const request = incoming.createRequest;
    if (!isPlainObject(request)) return;
    const existing = (ev.conferenceData as Json | undefined)?.createRequest as Json | undefined;
    if (existing && existing.requestId === request.requestId) return;
    const type = (request.conferenceSolutionKey as Json | undefined)?.type;
    if (type !== 'hangoutsMeet') fail(method, 400, 'Invalid conference type value.');
    if (typeof request.requestId !== 'string' || request.requestId === '')
      fail(method, 400, 'Invalid conference create request.');
    const s = st();
    ev.conferenceData = {
      createRequest: {
        requestId: request.requestId,
        conferenceSolutionKey: { type },
        status: { statusCode: 'pending' },
      },
    };
    delete ev.hangoutLink;
    if (s.pendingBudget > 0) {
      s.pendingBudget -= 1;
      s.pending[key] = true;
    } else {
      completeConference(ev);
    }
  }

  /** A read completes a conference that was pending when it was requested. */
  function settle(key: string): Json {
    const s = st();
    const ev = s.events[key] as Json;
    if (s.pending[key]) {
      delete s.pending[key];
      completeConference(ev);
    }
    return ev;
  }

  function normaliseAttendees(ev: Json, previous: Json[]): void {
    if (!Array.isArray(ev.attendees)) return;
    const before = new Map(previous.map((a) => [String(a.email).toLowerCase(), a]));
    ev.attendees = (ev.attendees as unknown[]).map((raw) => {
      const a: Json = isPlainObject(raw) ? { ...raw } : { email: String(raw) };
      const old = before.get(String(a.email).toLowerCase());
      if (a.responseStatus === undefined)
        a.responseStatus = (old?.responseStatus as string | undefined) ?? 'needsAction';
      if (String(a.email).toLowerCase() === ws.state.owner.toLowerCase()) a.self = true;
      return a;
    });
  }

  function recipients(sendUpdates: unknown, attendees: Json[]): string[] {
    if (sendUpdates !== 'all' && sendUpdates !== 'externalOnly') return [];
    const ownerDomain = ws.state.owner.split('@')[1]?.toLowerCase() ?? '';
    return attendees
      .map((a) => String(a.email))
      .filter((email) => email.toLowerCase() !== ws.state.owner.toLowerCase())
      .filter((email) => sendUpdates === 'all' || email.split('@')[1]?.toLowerCase() !== ownerDomain);
  }

  /** Google Calendar sends no updates to the guests of past events (Calendar Help, "Send event notifications"). */
  function isPast(calendarId: string, ev: Json): boolean {
    const tz = st().calendars[calendarId]?.timeZone ?? SCRIPT_TIME_ZONE;
    return instantOf(ev.end as Json, tz, 'end') <= ws.now();
  }

  function notify(calendarId: string, ev: Json, kind: CalendarNotification['kind'], to: string[]): void {
    if (to.length === 0 || isPast(calendarId, ev)) return;
    const priv = ((ev.extendedProperties as Json | undefined)?.private as Json | undefined) ?? {};
    for (const email of to) {
      st().notifications.push({
        at: ws.now(),
        calendarId,
        eventId: String(ev.id),
        sessionId: typeof priv.sessionId === 'string' ? priv.sessionId : '',
        kind,
        to: email,
        summary: str(ev.summary),
      });
    }
  }

  function sendUpdatesOf(args: Json | undefined): unknown {
    if (!args) return 'none';
    if (args.sendUpdates !== undefined) return args.sendUpdates;
    return args.sendNotifications === true ? 'all' : 'none';
  }

  /** Notifications for a change from `before` to `after`, as Calendar sends them. */
  function notifyChange(calendarId: string, before: Json, after: Json, args: Json | undefined): void {
    const mode = sendUpdatesOf(args);
    const oldEmails = new Set(attendeesOf(before).map((a) => String(a.email).toLowerCase()));
    const newEmails = new Set(attendeesOf(after).map((a) => String(a.email).toLowerCase()));
    if (after.status === 'cancelled' && before.status !== 'cancelled') {
      notify(calendarId, after, 'cancellation', recipients(mode, attendeesOf(before)));
      return;
    }
    const added = attendeesOf(after).filter((a) => !oldEmails.has(String(a.email).toLowerCase()));
    const removed = attendeesOf(before).filter((a) => !newEmails.has(String(a.email).toLowerCase()));
    const kept = attendeesOf(after).filter((a) => oldEmails.has(String(a.email).toLowerCase()));
    notify(calendarId, after, 'invitation', recipients(mode, added));
    notify(calendarId, after, 'cancellation', recipients(mode, removed));
    const changed = NOTIFIED_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    if (changed) notify(calendarId, after, 'update', recipients(mode, kept));
  }

  function validateTimes(ev: Json, cal: CalendarRecord, method: string): void {
    const start = instantOf(ev.start as Json | undefined, cal.timeZone, 'start', method);
    const end = instantOf(ev.end as Json | undefined, cal.timeZone, 'end', method);
    if (end < start) fail(method, 400, 'The specified time range is empty.');
  }

  function findEvent(calendarId: unknown, eventId: unknown, method: string): { key: string; cal: CalendarRecord } {
    const cal = requireCalendar(calendarId, method);
    const key = `${cal.id}/${String(eventId)}`;
    if (!st().events[key]) fail(method, 404, 'Not Found');
    return { key, cal };
  }

  const Events = {
    insert(resource: Json, calendarId: string, optionalArgs?: Json): Json {
      ws.call('Calendar', 'insert');
      const method = 'events.insert';
      const cal = requireCalendar(calendarId, method);
      const s = st();
      const ev = clone(resource ?? {});
      const conference = ev.conferenceData;
      delete ev.conferenceData;
      delete ev.hangoutLink;
      validateTimes(ev, cal, method);
      let id = typeof ev.id === 'string' && ev.id !== '' ? ev.id : '';
      if (id !== '') {
        if (!/^[a-v0-9]{5,1024}$/.test(id)) fail(method, 400, 'Invalid resource id value.');
        if (s.events[`${cal.id}/${id}`]) fail(method, 409, 'The requested identifier already exists.');
      } else {
        do id = randomChars('abcdefghijklmnopqrstuv0123456789', 26);
        while (s.events[`${cal.id}/${id}`]);
      }
      const key = `${cal.id}/${id}`;
      const organizer =
        cal.id === ws.state.owner
          ? { email: ws.state.owner, self: true }
          : { email: cal.id, displayName: cal.summary, self: true };
      Object.assign(ev, {
        kind: 'calendar#event',
        id,
        status: ev.status === 'tentative' ? 'tentative' : 'confirmed',
        htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.id}`).toString('base64').replace(/=+$/, '')}`,
        created: new Date(ws.now()).toISOString(),
        creator: { email: ws.state.owner, self: true },
        organizer,
        iCalUID: typeof ev.iCalUID === 'string' ? ev.iCalUID : `${id}@google.com`,
        sequence: 0,
        reminders: isPlainObject(ev.reminders) ? ev.reminders : { useDefault: true },
        eventType: 'default',
      });
      normaliseAttendees(ev, []);
      if (Number(optionalArgs?.conferenceDataVersion ?? 0) >= 1) applyConference(key, ev, conference, method);
      stamp(ev);
      s.events[key] = ev;
      s.eventOrder.push(key);
      notify(cal.id, ev, 'invitation', recipients(sendUpdatesOf(optionalArgs), attendeesOf(ev)));
      return clone(ev);
    },

    get(calendarId: string, eventId: string): Json {
      ws.call('Calendar', 'get');
      const { key } = findEvent(calendarId, eventId, 'events.get');
      return clone(settle(key));
    },

    patch(resource: Json, calendarId: string, eventId: string, optionalArgs?: Json): Json {
      ws.call('Calendar', 'patch');
      return modify('events.patch', resource, calendarId, eventId, optionalArgs, false);
    },

    update(resource: Json, calendarId: string, eventId: string, optionalArgs?: Json): Json {
      ws.call('Calendar', 'update');
      return modify('events.update', resource, calendarId, eventId, optionalArgs, true);
    },

    list(calendarId: string, optionalArgs?: Json): Json {
      ws.call('Calendar', 'list');
      const method = 'events.list';
      const cal = requireCalendar(calendarId, method);
      const args = optionalArgs ?? {};
      const s = st();
      const filters = (value: unknown): Array<[string, string]> =>
        (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((f) => {
          const text = String(f);
          const eq = text.indexOf('=');
          if (eq <= 0) fail(method, 400, 'Invalid extended property value.');
          return [text.slice(0, eq), text.slice(eq + 1)];
        });
      const priv = filters(args.privateExtendedProperty);
      const shared = filters(args.sharedExtendedProperty);
      const timeMin = args.timeMin === undefined ? null : Date.parse(String(args.timeMin));
      const timeMax = args.timeMax === undefined ? null : Date.parse(String(args.timeMax));
      if ((timeMin !== null && Number.isNaN(timeMin)) || (timeMax !== null && Number.isNaN(timeMax)))
        fail(method, 400, 'Bad Request');
      const updatedMin = args.updatedMin === undefined ? null : Date.parse(String(args.updatedMin));
      const q = typeof args.q === 'string' ? args.q.toLowerCase() : '';
      if (args.orderBy === 'startTime' && args.singleEvents !== true)
        fail(method, 400, 'The requested ordering is not available for the particular query.');
      const maxResults = Math.min(Math.max(Number(args.maxResults ?? 250), 1), 2500);
      const offset = args.pageToken === undefined ? 0 : Number.parseInt(String(args.pageToken), 36);
      if (Number.isNaN(offset) || offset < 0) fail(method, 400, 'Invalid page token value.');
      let keys = s.eventOrder.filter(
        (key) => key.startsWith(`${cal.id}/`) && key.slice(cal.id.length + 1).indexOf('/') === -1,
      );
      keys = keys.filter((key) => {
        const ev = s.events[key] as Json;
        if (ev.status === 'cancelled' && args.showDeleted !== true) return false;
        const props = (ev.extendedProperties as Json | undefined) ?? {};
        const p = (props.private as Json | undefined) ?? {};
        const sh = (props.shared as Json | undefined) ?? {};
        if (!priv.every(([k, v]) => p[k] === v)) return false;
        if (!shared.every(([k, v]) => sh[k] === v)) return false;
        if (typeof args.iCalUID === 'string' && ev.iCalUID !== args.iCalUID) return false;
        if (updatedMin !== null && Date.parse(String(ev.updated)) < updatedMin) return false;
        if (q !== '' && ![ev.summary, ev.description, ev.location].some((f) => str(f).toLowerCase().includes(q)))
          return false;
        if (timeMin !== null || timeMax !== null) {
          const start = instantOf(ev.start as Json, cal.timeZone, 'start', method);
          const end = instantOf(ev.end as Json, cal.timeZone, 'end', method);
          if (timeMin !== null && end <= timeMin) return false;
          if (timeMax !== null && start >= timeMax) return false;
        }
        return true;
      });
      if (args.orderBy === 'startTime') {
        keys.sort(
          (a, b) =>
            instantOf((s.events[a] as Json).start as Json, cal.timeZone, 'start', method) -
            instantOf((s.events[b] as Json).start as Json, cal.timeZone, 'start', method),
        );
      } else if (args.orderBy === 'updated') {
        keys.sort(
          (a, b) =>
            Date.parse(String((s.events[a] as Json).updated)) - Date.parse(String((s.events[b] as Json).updated)),
        );
      }
      const page = keys.slice(offset, offset + maxResults);
      const result: Json = {
        kind: 'calendar#events',
        etag: `"${String(ws.now())}"`,
        summary: cal.summary,
        description: cal.description,
        updated: new Date(ws.now()).toISOString(),
        timeZone: cal.timeZone,
        accessRole: 'owner',
        defaultReminders: [],
        items: page.map((key) => clone(settle(key))),
      };
      if (offset + maxResults < keys.length) result.nextPageToken = (offset + maxResults).toString(36);
      return result;
    },

    remove(calendarId: string, eventId: string, optionalArgs?: Json): void {
      ws.call('Calendar', 'remove');
      const { key, cal } = findEvent(calendarId, eventId, 'events.delete');
      const ev = st().events[key] as Json;
      if (ev.status === 'cancelled') fail('events.delete', 410, 'Resource has been deleted');
      const before = clone(ev);
      ev.status = 'cancelled';
      stamp(ev);
      notifyChange(cal.id, before, ev, optionalArgs);
    },
  };

  function modify(
    method: string,
    resource: Json,
    calendarId: string,
    eventId: string,
    optionalArgs: Json | undefined,
    replace: boolean,
  ): Json {
    const { key, cal } = findEvent(calendarId, eventId, method);
    const s = st();
    const current = settle(key);
    const before = clone(current);
    const incoming = clone(resource ?? {});
    const conference = incoming.conferenceData;
    delete incoming.conferenceData;
    delete incoming.hangoutLink;
    const systemFields = [
      'kind',
      'id',
      'htmlLink',
      'created',
      'creator',
      'organizer',
      'iCalUID',
      'etag',
      'updated',
      'sequence',
      'eventType',
    ];
    let next: Json;
    if (replace) {
      next = incoming;
      for (const f of systemFields) if (current[f] !== undefined) next[f] = clone(current[f]);
      if (current.conferenceData !== undefined) next.conferenceData = clone(current.conferenceData);
      if (current.hangoutLink !== undefined) next.hangoutLink = current.hangoutLink;
      if (next.status === undefined) next.status = 'confirmed';
    } else {
      for (const f of systemFields) delete incoming[f];
      for (const f of ['start', 'end'] as const) {
        const t = incoming[f];
        if (isPlainObject(t) && isPlainObject(current[f])) {
          const existing = { ...(current[f] as Json) };
          if (t.dateTime !== undefined) delete existing.date;
          if (t.date !== undefined) {
            delete existing.dateTime;
            delete existing.timeZone;
          }
          current[f] = existing;
        }
      }
      next = clone(current);
      mergePatch(next, incoming);
    }
    validateTimes(next, cal, method);
    normaliseAttendees(next, attendeesOf(before));
    if (Number(optionalArgs?.conferenceDataVersion ?? 0) >= 1) applyConference(key, next, conference, method);
    if (
      JSON.stringify(before.start) !== JSON.stringify(next.start) ||
      JSON.stringify(before.end) !== JSON.stringify(next.end)
    ) {
      next.sequence = Number(before.sequence ?? 0) + 1;
    }
    stamp(next);
    s.events[key] = next;
    notifyChange(cal.id, before, next, optionalArgs);
    return clone(next);
  }

  function calendarResource(cal: CalendarRecord): Json {
    return {
      kind: 'calendar#calendar',
      etag: `"${cal.id.length}${cal.summary.length}"`,
      id: cal.id,
      summary: cal.summary,
      description: cal.description,
      timeZone: cal.timeZone,
      conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
    };
  }

  function createCalendar(summary: string, timeZone: string | undefined, method: string): CalendarRecord {
    if (summary.trim() === '') fail(method, 400, 'Missing summary.');
    const zone = timeZone ?? SCRIPT_TIME_ZONE;
    if (!validZone(zone)) fail(method, 400, 'Invalid time zone definition.');
    const id = `c_${randomChars('0123456789abcdef', 64)}@group.calendar.google.com`;
    const cal: CalendarRecord = { id, summary, description: '', timeZone: zone };
    st().calendars[id] = cal;
    st().calendarOrder.push(id);
    return cal;
  }

  const Calendars = {
    insert(resource: Json): Json {
      ws.call('Calendar', 'calendars.insert');
      const cal = createCalendar(
        str(resource?.summary),
        typeof resource?.timeZone === 'string' ? resource.timeZone : undefined,
        'calendars.insert',
      );
      if (typeof resource?.description === 'string') cal.description = resource.description;
      return calendarResource(cal);
    },
    get(calendarId: string): Json {
      ws.call('Calendar', 'calendars.get');
      return calendarResource(requireCalendar(calendarId, 'calendars.get'));
    },
    patch(resource: Json, calendarId: string): Json {
      ws.call('Calendar', 'calendars.patch');
      const cal = requireCalendar(calendarId, 'calendars.patch');
      if (typeof resource?.summary === 'string') cal.summary = resource.summary;
      if (typeof resource?.description === 'string') cal.description = resource.description;
      if (typeof resource?.timeZone === 'string') {
        if (!validZone(resource.timeZone)) fail('calendars.patch', 400, 'Invalid time zone definition.');
        cal.timeZone = resource.timeZone;
      }
      return calendarResource(cal);
    },
  };

  const CalendarList = {
    list(): Json {
      ws.call('Calendar', 'calendarList.list');
      const s = st();
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

  function wrapCalendar(cal: CalendarRecord): Record<string, unknown> {
    const self: Record<string, unknown> = {
      getId() {
        ws.call('Calendar', 'getId');
        return cal.id;
      },
      getName() {
        ws.call('Calendar', 'getName');
        return cal.summary;
      },
      setName(name: string) {
        ws.call('Calendar', 'setName');
        cal.summary = String(name);
        return self;
      },
      getDescription() {
        ws.call('Calendar', 'getDescription');
        return cal.description;
      },
      setDescription(description: string) {
        ws.call('Calendar', 'setDescription');
        cal.description = String(description);
        return self;
      },
      getTimeZone() {
        ws.call('Calendar', 'getTimeZone');
        return cal.timeZone;
      },
      setTimeZone(timeZone: string) {
        ws.call('Calendar', 'setTimeZone');
        if (!validZone(String(timeZone))) throw new Error(`Invalid argument: timeZone`);
        cal.timeZone = String(timeZone);
        return self;
      },
      isOwnedByMe() {
        ws.call('Calendar', 'isOwnedByMe');
        return true;
      },
      isMyPrimaryCalendar() {
        ws.call('Calendar', 'isMyPrimaryCalendar');
        return cal.id === ws.state.owner;
      },
    };
    return self;
  }

  const CalendarApp = {
    getCalendarById(id: string) {
      ws.call('Calendar', 'getCalendarById');
      const cal = st().calendars[String(id)];
      return cal ? wrapCalendar(cal) : null;
    },
    getOwnedCalendarById(id: string) {
      ws.call('Calendar', 'getOwnedCalendarById');
      const cal = st().calendars[String(id)];
      return cal ? wrapCalendar(cal) : null;
    },
    getDefaultCalendar() {
      ws.call('Calendar', 'getDefaultCalendar');
      return wrapCalendar(st().calendars[ws.state.owner] as CalendarRecord);
    },
    getCalendarsByName(name: string) {
      ws.call('Calendar', 'getCalendarsByName');
      const s = st();
      return s.calendarOrder
        .map((id) => s.calendars[id] as CalendarRecord)
        .filter((c) => c.summary === String(name))
        .map(wrapCalendar);
    },
    getOwnedCalendarsByName(name: string) {
      ws.call('Calendar', 'getOwnedCalendarsByName');
      const s = st();
      return s.calendarOrder
        .map((id) => s.calendars[id] as CalendarRecord)
        .filter((c) => c.summary === String(name))
        .map(wrapCalendar);
    },
    getAllCalendars() {
      ws.call('Calendar', 'getAllCalendars');
      const s = st();
      return s.calendarOrder.map((id) => wrapCalendar(s.calendars[id] as CalendarRecord));
    },
    getAllOwnedCalendars() {
      ws.call('Calendar', 'getAllOwnedCalendars');
      const s = st();
      return s.calendarOrder.map((id) => wrapCalendar(s.calendars[id] as CalendarRecord));
    },
    createCalendar(name: string, options?: { timeZone?: string; summary?: string }) {
      ws.call('Calendar', 'createCalendar');
      const zone = options?.timeZone;
      if (zone !== undefined && !validZone(zone)) throw new Error('Invalid argument: timeZone');
      const cal = createCalendar(String(name), zone, 'calendars.insert');
      if (typeof options?.summary === 'string') cal.description = options.summary;
      return wrapCalendar(cal);
    },
  };

  return { Calendar: { Events, Calendars, CalendarList }, CalendarApp };
}
