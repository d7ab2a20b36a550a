import { isoInZone, SCRIPT_TIME_ZONE, zonedToUtc } from '../../../core/time/zone';
import type { Workspace } from '../../runtime/workspace';

export type Json = Record<string, unknown>;

export interface CalendarRecord {
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

export interface CalendarState {
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
  /** When each cancelled event was cancelled (absent in workbooks saved before it was kept). */
  cancelledAt?: Record<string, number>;
}

export function calendarState(ws: Workspace): CalendarState {
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

export function str(value: unknown): string {
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

  constructor(method: string, code: number, message: string, reason: string, domain = 'global') {
    super(`API call to calendar.${method} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message, errors: [{ domain, reason, message }] };
  }
}

export function fail(method: string, code: number, message: string): never {
  const reason = { 400: 'invalid', 404: 'notFound', 409: 'duplicate', 410: 'deleted' }[code] ?? 'backendError';
  throw new GoogleJsonResponseException(method, code, message, reason);
}

export const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

export function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant an event boundary stands for, resolved as Google does; throws the API's 400s. */
export function instantOf(
  t: Json | undefined,
  calendarTz: string,
  which: 'start' | 'end',
  method = 'events.insert',
): number {
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

/**
 * The event as a read returns it (CAL-TIMES-RENDERED): every `dateTime` written as RFC 3339 with the
 * offset of `zone` (the request's `timeZone` or the calendar's), whatever form it was sent in; the
 * `timeZone` field stays as sent.
 */
export function withRenderedTimes(ev: Json, zone: string): Json {
  for (const field of ['start', 'end', 'originalStartTime']) {
    const t = ev[field];
    if (!isPlainObject(t) || typeof t.dateTime !== 'string') continue;
    ev[field] = { ...t, dateTime: isoInZone(instantOf(t, zone, 'start'), zone) };
  }
  return ev;
}

export function attendeesOf(ev: Json): Json[] {
  return Array.isArray(ev.attendees) ? (ev.attendees as Json[]) : [];
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Patch semantics: given fields replace, arrays replace whole, nested objects merge, null clears. */
export function mergePatch(target: Json, patch: Json): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isPlainObject(value) && isPlainObject(target[key])) mergePatch(target[key] as Json, value);
    else target[key] = clone(value);
  }
}

export const NOTIFIED_FIELDS = [
  'summary',
  'description',
  'location',
  'start',
  'end',
  'hangoutLink',
  'recurrence',
] as const;
