/**
 * Meet REST API v2, read-only: conference records, their participants and each participant's sessions
 * (a rejoin is a new session; catalogue: REST-MEET-RECORDS). Records are written by the host side
 * (`recordConference`), as Meet itself writes them after a call: a script never creates one.
 */
import type { Workspace } from '../runtime/workspace';
import { json, RestError, type RestRequest, type RestResponse } from './http';

export interface MeetParticipantInput {
  email?: string;
  displayName: string;
  /** One entry per join, as ISO-8601 instants. */
  sessions: Array<{ startTime: string; endTime: string }>;
}

interface ConferenceRecord {
  name: string;
  space: string;
  meetingCode: string;
  startTime: string;
  endTime: string;
  participants: Array<{
    name: string;
    email: string;
    displayName: string;
    sessions: Array<{ name: string; startTime: string; endTime: string }>;
  }>;
}

interface MeetState {
  records: ConferenceRecord[];
}

function meetState(ws: Workspace): MeetState {
  return ws.slot<MeetState>('meet', () => ({ records: [] }));
}

/** Host API: a call that took place in the space of a Meet link (`https://meet.google.com/abc-defg-hij`). */
export function recordConference(ws: Workspace, meetLink: string, participants: MeetParticipantInput[]): string {
  const code = /meet\.google\.com\/([a-z-]+)/.exec(meetLink)?.[1];
  if (!code) throw new Error(`Not a Meet link: ${meetLink}`);
  const st = meetState(ws);
  const name = `conferenceRecords/${ws.newId('', 20).toLowerCase()}`;
  const all = participants.flatMap((p) => p.sessions);
  const start = all.map((s) => s.startTime).sort()[0] ?? new Date(ws.now()).toISOString();
  const end =
    all
      .map((s) => s.endTime)
      .sort()
      .at(-1) ?? start;
  st.records.push({
    name,
    space: `spaces/${code.replace(/-/g, '')}`,
    meetingCode: code,
    startTime: start,
    endTime: end,
    participants: participants.map((p, i) => ({
      name: `${name}/participants/${i + 1}`,
      email: p.email ?? '',
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

function participantResource(
  p: ConferenceRecord['participants'][number],
  record: ConferenceRecord,
): Record<string, unknown> {
  const first = p.sessions.map((s) => s.startTime).sort()[0] ?? record.startTime;
  const last =
    p.sessions
      .map((s) => s.endTime)
      .sort()
      .at(-1) ?? record.endTime;
  return {
    name: p.name,
    earliestStartTime: first,
    latestEndTime: last,
    ...(p.email
      ? {
          signedinUser: {
            user: `users/${Buffer.from(p.email.toLowerCase()).toString('hex').slice(0, 20)}`,
            displayName: p.displayName,
          },
        }
      : { anonymousUser: { displayName: p.displayName } }),
  };
}

const PARTICIPANTS = /^\/v2\/(conferenceRecords\/[^/]+)\/participants(?:\/([^/]+)\/participantSessions)?$/;

export function handleMeet(ws: Workspace, req: RestRequest): RestResponse | null {
  if (req.method !== 'GET' || !req.path.startsWith('/v2/conferenceRecords')) return null;
  const st = meetState(ws);
  if (req.path === '/v2/conferenceRecords') {
    const filter = filterOf(req.query.get('filter') ?? '');
    const records = st.records
      .filter(filter)
      .map(({ name, space, startTime, endTime }) => ({ name, space, startTime, endTime }));
    return json(200, records.length ? { conferenceRecords: records } : {});
  }
  const m = PARTICIPANTS.exec(req.path);
  if (!m) return null;
  const record = st.records.find((r) => r.name === m[1]);
  if (!record) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  if (m[2] === undefined) {
    const list = record.participants.map((p) => participantResource(p, record));
    return json(200, list.length ? { participants: list, totalSize: list.length } : {});
  }
  const participant = record.participants.find((p) => p.name === `${record.name}/participants/${m[2]}`);
  if (!participant) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  return json(200, { participantSessions: participant.sessions.map((s) => ({ ...s })) });
}
