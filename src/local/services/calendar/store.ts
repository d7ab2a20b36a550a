import { SCRIPT_TIME_ZONE } from '../../../core/time/zone';
import type { Workspace } from '../../runtime/workspace';
import { asReturned, markCancelled, purged } from './cancelled';
import {
  attendeesOf,
  calendarState,
  clone,
  fail,
  instantOf,
  isPlainObject,
  mergePatch,
  NOTIFIED_FIELDS,
  str,
  validZone,
  withRenderedTimes,
  type CalendarNotification,
  type CalendarRecord,
  type CalendarState,
  type Json,
} from './model';

/**
 * The calendar data and the API's semantics (times, conferences, attendees, notifications, patch and
 * update), shared by the advanced service and CalendarApp; callers count the calls and apply quotas.
 */
export function calendarStore(ws: Workspace) {
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
    if (!st().events[key] || purged(ws, st(), key)) fail(method, 404, 'Not Found');
    return { key, cal };
  }

  /** The zone a response writes its times in: the request's `timeZone`, else the calendar's. */
  function responseZone(cal: CalendarRecord, args: Json | undefined, method: string): string {
    const wanted = args?.timeZone;
    if (wanted === undefined) return cal.timeZone;
    if (!validZone(String(wanted))) fail(method, 400, 'Invalid time zone definition.');
    return String(wanted);
  }

  const events = {
    insert(resource: Json, calendarId: string, optionalArgs?: Json): Json {
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
      return withRenderedTimes(clone(ev), cal.timeZone);
    },

    get(calendarId: string, eventId: string, optionalArgs?: Json): Json {
      const { key, cal } = findEvent(calendarId, eventId, 'events.get');
      const zone = responseZone(cal, optionalArgs, 'events.get');
      return withRenderedTimes(asReturned(ws, settle(key)), zone);
    },

    patch(resource: Json, calendarId: string, eventId: string, optionalArgs?: Json): Json {
      return modify('events.patch', resource, calendarId, eventId, optionalArgs, false);
    },

    update(resource: Json, calendarId: string, eventId: string, optionalArgs?: Json): Json {
      return modify('events.update', resource, calendarId, eventId, optionalArgs, true);
    },

    list(calendarId: string, optionalArgs?: Json): Json {
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
        if (ev.status === 'cancelled' && (args.showDeleted !== true || purged(ws, s, key))) return false;
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
      const zone = responseZone(cal, args, method);
      const page = keys.slice(offset, offset + maxResults);
      const result: Json = {
        kind: 'calendar#events',
        etag: `"${String(ws.now())}"`,
        summary: cal.summary,
        description: cal.description,
        updated: new Date(ws.now()).toISOString(),
        timeZone: zone,
        accessRole: 'owner',
        defaultReminders: [],
        items: page.map((key) => withRenderedTimes(asReturned(ws, settle(key)), zone)),
      };
      if (offset + maxResults < keys.length) result.nextPageToken = (offset + maxResults).toString(36);
      return result;
    },

    remove(calendarId: string, eventId: string, optionalArgs?: Json): void {
      const { key, cal } = findEvent(calendarId, eventId, 'events.delete');
      const ev = st().events[key] as Json;
      if (ev.status === 'cancelled') fail('events.delete', 410, 'Resource has been deleted');
      const before = clone(ev);
      ev.status = 'cancelled';
      markCancelled(ws, st(), key);
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
    if (next.status === 'cancelled' && before.status !== 'cancelled') markCancelled(ws, s, key);
    stamp(next);
    s.events[key] = next;
    notifyChange(cal.id, before, next, optionalArgs);
    return withRenderedTimes(clone(next), cal.timeZone);
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

  return { events, calendarIdOf, requireCalendar, findEvent, createCalendar, calendarResource, randomChars };
}
