/**
 * Calendar API v3 over the emulated calendar: the very `Calendar` advanced service the script sees
 * (same events, same rules for conferences, patches and notifications), reached over HTTP paths.
 */
import type { Workspace } from '../runtime/workspace';
import { calendarGlobals, GoogleJsonResponseException } from '../services/calendar';
import { json, jsonBody, noContent, queryArgs, RestError, type RestRequest, type RestResponse } from './http';

type Json = Record<string, unknown>;

interface EventsService {
  insert(resource: Json, calendarId: string, args?: Json): Json;
  get(calendarId: string, eventId: string, args?: Json): Json;
  patch(resource: Json, calendarId: string, eventId: string, args?: Json): Json;
  update(resource: Json, calendarId: string, eventId: string, args?: Json): Json;
  list(calendarId: string, args?: Json): Json;
  remove(calendarId: string, eventId: string, args?: Json): void;
}

interface CalendarService {
  Events: EventsService;
  Calendars: { insert(resource: Json): Json; get(id: string): Json; patch(resource: Json, id: string): Json };
  CalendarList: { list(): Json };
}

const BOOLEAN_PARAMS = [
  'showDeleted',
  'singleEvents',
  'showHiddenInvitations',
  'sendNotifications',
  'supportsAttachments',
];
const NUMBER_PARAMS = ['maxResults', 'conferenceDataVersion', 'maxAttendees'];

/** Query strings carry text; the service reads booleans and numbers, as Google's front end parses them. */
function typedArgs(query: URLSearchParams): Json {
  const args = queryArgs(query);
  for (const key of BOOLEAN_PARAMS) if (typeof args[key] === 'string') args[key] = args[key] === 'true';
  for (const key of NUMBER_PARAMS) {
    if (typeof args[key] !== 'string') continue;
    const n = Number(args[key]);
    if (!Number.isFinite(n)) throw new RestError(400, `Invalid value for: ${key}`, 'invalidParameter');
    args[key] = n;
  }
  return args;
}

function rethrow(error: unknown): never {
  if (error instanceof GoogleJsonResponseException) {
    const first = error.details.errors[0];
    throw new RestError(error.details.code, error.details.message, first?.reason);
  }
  throw error;
}

const EVENTS = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/;
const CALENDAR = /^\/calendar\/v3\/calendars(?:\/([^/]+))?$/;

/** Answers one Calendar v3 request, or null when the path is not Calendar's. */
export function handleCalendar(ws: Workspace, req: RestRequest): RestResponse | null {
  const service = calendarGlobals(ws).Calendar as CalendarService;
  const events = EVENTS.exec(req.path);
  try {
    if (events) {
      const calendarId = decodeURIComponent(events[1] as string);
      const eventId = events[2] === undefined ? null : decodeURIComponent(events[2]);
      const args = typedArgs(req.query);
      if (eventId === null) {
        if (req.method === 'GET') return json(200, service.Events.list(calendarId, args));
        if (req.method === 'POST') return json(200, service.Events.insert(jsonBody(req), calendarId, args));
      } else {
        if (req.method === 'GET') return json(200, service.Events.get(calendarId, eventId, args));
        if (req.method === 'PATCH') return json(200, service.Events.patch(jsonBody(req), calendarId, eventId, args));
        if (req.method === 'PUT') return json(200, service.Events.update(jsonBody(req), calendarId, eventId, args));
        if (req.method === 'DELETE') {
          service.Events.remove(calendarId, eventId, args);
          return noContent();
        }
      }
      throw new RestError(405, 'Method Not Allowed', 'httpMethodNotAllowed');
    }
    const calendar = CALENDAR.exec(req.path);
    if (calendar) {
      const id = calendar[1] === undefined ? null : decodeURIComponent(calendar[1]);
      if (id === null && req.method === 'POST') return json(200, service.Calendars.insert(jsonBody(req)));
      if (id !== null && req.method === 'GET') return json(200, service.Calendars.get(id));
      if (id !== null && req.method === 'PATCH') return json(200, service.Calendars.patch(jsonBody(req), id));
      throw new RestError(405, 'Method Not Allowed', 'httpMethodNotAllowed');
    }
    if (req.path === '/calendar/v3/users/me/calendarList' && req.method === 'GET')
      return json(200, service.CalendarList.list());
  } catch (error) {
    rethrow(error);
  }
  return null;
}
