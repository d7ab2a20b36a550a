/**
 * Meet REST API v2, read-only: conference records, their participants and each participant's sessions
 * (a rejoin is a new session; catalogue: REST-MEET-RECORDS), listed in pages as Google pages them
 * (REST-MEET-PAGES). Records are written by the host side (`recordConference`), as Meet itself writes
 * them after a call: a script never creates one. A signed-in participant carries a `users/{id}` and no
 * e-mail (REST-MEET-USER): the People API (`people.ts`) is where an id may become an address.
 */
import type { Workspace } from '../runtime/workspace';
import { strictAbout } from '../runtime/variant';
import { json, RestError, type RestRequest, type RestResponse } from './http';
import { accountIdOf } from './people';

export interface MeetParticipantInput {
  /** A signed-in Google account; without it the participant joined anonymously. */
  email?: string;
  displayName: string;
  /** One entry per join, as ISO-8601 instants. */
  sessions: Array<{ startTime: string; endTime: string }>;
}

interface StoredParticipant {
  name: string;
  /** `users/{id}` of a signed-in participant, '' for an anonymous one. */
  user: string;
  displayName: string;
  sessions: Array<{ name: string; startTime: string; endTime: string }>;
}

interface ConferenceRecord {
  name: string;
  space: string;
  meetingCode: string;
  startTime: string;
  endTime: string;
  participants: StoredParticipant[];
}

interface MeetState {
  records: ConferenceRecord[];
}

function meetState(ws: Workspace): MeetState {
  return ws.slot<MeetState>('meet', () => ({ records: [] }));
}

function earliest(times: readonly string[]): string | undefined {
  return [...times].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

function latest(times: readonly string[]): string | undefined {
  return [...times].sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
}

/**
 * Host API: a call that took place in the space of a Meet link (`https://meet.google.com/abc-defg-hij`).
 * A signed-in account is one participant with a session per join; an anonymous guest who rejoins is a new
 * participant each time under the strict variant (REST-MEET-ANONYMOUS-REJOIN), one participant under the
 * lenient one.
 */
export function recordConference(ws: Workspace, meetLink: string, participants: MeetParticipantInput[]): string {
  const code = /meet\.google\.com\/([a-z-]+)/.exec(meetLink)?.[1];
  if (!code) throw new Error(`Not a Meet link: ${meetLink}`);
  const st = meetState(ws);
  const name = `conferenceRecords/${ws.newId('', 20).toLowerCase()}`;
  const all = participants.flatMap((p) => p.sessions);
  const start = earliest(all.map((s) => s.startTime)) ?? new Date(ws.now()).toISOString();
  const end = latest(all.map((s) => s.endTime)) ?? start;
  const people = participants.flatMap((p) =>
    p.email || p.sessions.length === 1 || !strictAbout(ws, 'REST-MEET-ANONYMOUS-REJOIN')
      ? [p]
      : p.sessions.map((s) => ({ ...p, sessions: [s] })),
  );
  st.records.push({
    name,
    space: `spaces/${code.replace(/-/g, '')}`,
    meetingCode: code,
    startTime: start,
    endTime: end,
    participants: people.map((p, i) => ({
      name: `${name}/participants/${i + 1}`,
      user: p.email ? `users/${accountIdOf(ws, p.email, p.displayName)}` : '',
      displayName: p.displayName,
      sessions: p.sessions.map((s, j) => ({
        name: `${name}/participants/${i + 1}/participantSessions/${j + 1}`,
        ...s,
      })),
    })),
  });
  return name;
}

/** `space.meeting_code = "abc-defg-hij"`, `space.name = "spaces/x"`, `start_time>="..."`, joined by AND. */
function filterOf(filter: string): (r: ConferenceRecord) => boolean {
  const tests = filter
    .split(/\s+AND\s+/)
    .filter((c) => c.trim() !== '')
    .map((c): ((r: ConferenceRecord) => boolean) => {
      const m = /^\s*(space\.meeting_code|space\.name|start_time|end_time)\s*(=|>=|<=|>|<)\s*"([^"]*)"\s*$/.exec(c);
      if (!m) throw new RestError(400, `Invalid filter: ${c.trim()}`, 'badRequest');
      const [, field, op, value] = m as unknown as [string, string, string, string];
      const get = (r: ConferenceRecord): string =>
        field === 'space.meeting_code'
          ? r.meetingCode
          : field === 'space.name'
            ? r.space
            : field === 'start_time'
              ? r.startTime
              : r.endTime;
      const time = field.endsWith('_time');
      return (r) => {
        const a = time ? Date.parse(get(r)) : get(r);
        const b = time ? Date.parse(value) : value;
        if (op === '=') return a === b;
        if (op === '>=') return a >= b;
        if (op === '<=') return a <= b;
        return op === '>' ? a > b : a < b;
      };
    });
  return (r) => tests.every((t) => t(r));
}

/** Page sizes Google documents per list: [default, maximum] (catalogue: REST-MEET-PAGES). */
const PAGE_SIZES = {
  conferenceRecords: [25, 100],
  participants: [100, 250],
  participantSessions: [100, 250],
} as const;

/**
 * One page of a list: the token is opaque to the client and bound to the list it came from, so a
 * token replayed against another list (or made up) is refused with 400 as Google refuses it.
 */
function page<T>(
  req: RestRequest,
  list: string,
  items: readonly T[],
  sizes: readonly [number, number],
): { items: T[]; nextPageToken?: string } {
  const asked = Number(req.query.get('pageSize') ?? '0');
  if (!Number.isInteger(asked) || asked < 0) throw new RestError(400, 'Invalid page size.', 'badRequest');
  const size = asked === 0 ? sizes[0] : Math.min(asked, sizes[1]);
  const token = req.query.get('pageToken') ?? '';
  let offset = 0;
  if (token !== '') {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    const [owner, at] = decoded.split('\u0000');
    offset = Number(at);
    if (owner !== list || !Number.isInteger(offset) || offset < 0)
      throw new RestError(400, 'Invalid page token.', 'badRequest');
  }
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length
    ? { items: slice, nextPageToken: Buffer.from(`${list}\u0000${next}`, 'utf8').toString('base64url') }
    : { items: slice };
}

function participantResource(p: StoredParticipant, record: ConferenceRecord): Record<string, unknown> {
  return {
    name: p.name,
    earliestStartTime: earliest(p.sessions.map((s) => s.startTime)) ?? record.startTime,
    latestEndTime: latest(p.sessions.map((s) => s.endTime)) ?? record.endTime,
    ...(p.user
      ? { signedinUser: { user: p.user, displayName: p.displayName } }
      : { anonymousUser: { displayName: p.displayName } }),
  };
}

/** Newest first: lists are "ordered by start (join) time and in descending order". */
function byStartDescending<T>(items: readonly T[], start: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(start(b)) - Date.parse(start(a)));
}

const PARTICIPANTS = /^\/v2\/(conferenceRecords\/[^/]+)\/participants(?:\/([^/]+)\/participantSessions)?$/;

export function handleMeet(ws: Workspace, req: RestRequest): RestResponse | null {
  if (req.method !== 'GET' || !req.path.startsWith('/v2/conferenceRecords')) return null;
  const st = meetState(ws);
  if (req.path === '/v2/conferenceRecords') {
    const filter = filterOf(req.query.get('filter') ?? '');
    const records = byStartDescending(st.records.filter(filter), (r) => r.startTime).map(
      ({ name, space, startTime, endTime }) => ({ name, space, startTime, endTime }),
    );
    const { items, nextPageToken } = page(req, req.path, records, PAGE_SIZES.conferenceRecords);
    return json(200, {
      ...(items.length ? { conferenceRecords: items } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    });
  }
  const m = PARTICIPANTS.exec(req.path);
  if (!m) return null;
  const record = st.records.find((r) => r.name === m[1]);
  if (!record) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  if (m[2] === undefined) {
    const list = byStartDescending(
      record.participants.map((p) => participantResource(p, record)),
      (p) => p.earliestStartTime as string,
    );
    const { items, nextPageToken } = page(req, req.path, list, PAGE_SIZES.participants);
    return json(200, { ...(items.length ? { participants: items } : {}), ...(nextPageToken ? { nextPageToken } : {}) });
  }
  const participant = record.participants.find((p) => p.name === `${record.name}/participants/${m[2]}`);
  if (!participant) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  const sessions = byStartDescending(participant.sessions, (s) => s.startTime).map((s) => ({ ...s }));
  const { items, nextPageToken } = page(req, req.path, sessions, PAGE_SIZES.participantSessions);
  return json(200, {
    ...(items.length ? { participantSessions: items } : {}),
    ...(nextPageToken ? { nextPageToken } : {}),
  });
}
