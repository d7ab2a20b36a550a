/**
 * Reads a session's Meet call through the Meet REST API (scope `meetings.space.readonly`): the conference
 * records of its space that started on the session's day, every participant and every join of each,
 * following `nextPageToken` until Google stops giving one (catalogue: REST-MEET-RECORDS, REST-MEET-PAGES).
 */
import { callGoogleApi } from '../platform/rest';

const MEET = 'https://meet.googleapis.com/v2';
const API = 'Meet API';

export interface MeetJoin {
  startMs: number;
  /** null while the participant is still in the call. */
  endMs: number | null;
}

export interface MeetRawParticipant {
  user: string;
  displayName: string;
  joins: MeetJoin[];
}

interface Page {
  nextPageToken?: string;
}

function listAll<T>(url: string, field: string, pageSize: number): T[] {
  const out: T[] = [];
  let token = '';
  for (;;) {
    const sep = url.includes('?') ? '&' : '?';
    const page = callGoogleApi(
      API,
      'get',
      `${url}${sep}pageSize=${pageSize}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`,
    ) as (Page & Record<string, T[] | undefined>) | null;
    out.push(...(page?.[field] ?? []));
    token = page?.nextPageToken ?? '';
    if (!token) return out;
  }
}

interface ApiParticipant {
  name: string;
  signedinUser?: { user?: string; displayName?: string };
  anonymousUser?: { displayName?: string };
  phoneUser?: { displayName?: string };
}

interface ApiSession {
  startTime?: string;
  endTime?: string;
}

/** The meeting code of a Meet link (`https://meet.google.com/abc-defg-hij` → `abc-defg-hij`), or ''. */
export function meetingCodeOf(link: string): string {
  return /meet\.google\.com\/([a-z]{3,4}-[a-z]{4}-[a-z]{3,4})/i.exec(link)?.[1]?.toLowerCase() ?? '';
}

/** Everyone who joined the space's calls that started between the two instants. */
export function readMeetCall(meetingCode: string, fromMs: number, toMs: number): MeetRawParticipant[] {
  const filter = [
    `space.meeting_code = "${meetingCode}"`,
    `start_time >= "${new Date(fromMs).toISOString()}"`,
    `start_time <= "${new Date(toMs).toISOString()}"`,
  ].join(' AND ');
  const records = listAll<{ name: string }>(
    `${MEET}/conferenceRecords?filter=${encodeURIComponent(filter)}`,
    'conferenceRecords',
    100,
  );
  const out: MeetRawParticipant[] = [];
  for (const record of records) {
    for (const p of listAll<ApiParticipant>(`${MEET}/${record.name}/participants`, 'participants', 250)) {
      const sessions = listAll<ApiSession>(`${MEET}/${p.name}/participantSessions`, 'participantSessions', 250);
      out.push({
        user: p.signedinUser?.user ?? '',
        displayName: p.signedinUser?.displayName ?? p.anonymousUser?.displayName ?? p.phoneUser?.displayName ?? '',
        joins: sessions
          .filter((s) => s.startTime)
          .map((s) => ({
            startMs: Date.parse(s.startTime as string),
            endMs: s.endTime ? Date.parse(s.endTime) : null,
          })),
      });
    }
  }
  return out;
}
