/**
 * What a calendar sync works through: the sessions to bring into Calendar, in a stable order that a
 * resumable job can walk with a cursor, and the reading of events that come back from the API.
 */
import { COURSE_DRAFT } from './event';
import { MEET_ATTEMPT_PROPERTY } from './plan';
import type { CalendarCourse, CalendarSession, ExistingEvent } from './types';

/**
 * The sessions of every course that is not a draft (or of the given courses), by course and then by date:
 * a session whose course is unknown is left out (the registry reports it).
 */
export function sessionsToSync(
  sessions: readonly CalendarSession[],
  courses: readonly CalendarCourse[],
  courseCodes?: readonly string[],
): CalendarSession[] {
  const byCode = new Map(courses.map((c) => [c.code, c]));
  const only = courseCodes ? new Set(courseCodes) : null;
  return sessions
    .filter((s) => {
      const course = byCode.get(s.course);
      if (!course || course.status === COURSE_DRAFT) return false;
      return only === null || only.has(s.course);
    })
    .slice()
    .sort((a, b) =>
      `${a.course}\u0000${a.date} ${a.start}\u0000${a.id}`.localeCompare(
        `${b.course}\u0000${b.date} ${b.start}\u0000${b.id}`,
      ),
    );
}

/** The part of an API event the sync reads (Calendar API v3 field names). */
export interface ApiEvent {
  id?: string;
  status?: string;
  hangoutLink?: string;
  attendees?: Array<{ email?: string }>;
  extendedProperties?: { private?: Record<string, string> };
  conferenceData?: {
    createRequest?: { status?: { statusCode?: string } };
    entryPoints?: Array<{ entryPointType?: string; uri?: string }>;
    conferenceId?: string;
  };
}

export function meetLinkOf(event: ApiEvent): string {
  if (event.hangoutLink) return event.hangoutLink;
  const video = event.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video');
  return video?.uri ?? '';
}

export function isConferencePending(event: ApiEvent): boolean {
  return event.conferenceData?.createRequest?.status?.statusCode === 'pending' && !meetLinkOf(event);
}

export function toExistingEvent(event: ApiEvent): ExistingEvent {
  const props = event.extendedProperties?.private ?? {};
  const meetLink = meetLinkOf(event);
  const pending = isConferencePending(event);
  const attempt = Number(props[MEET_ATTEMPT_PROPERTY] ?? '0');
  return {
    id: event.id ?? '',
    status: event.status ?? 'confirmed',
    sessionId: props.sessionId ?? '',
    hash: props.hash ?? '',
    hasConference: meetLink !== '' || pending || Boolean(event.conferenceData?.conferenceId),
    conferencePending: pending,
    meetLink,
    meetAttempt: Number.isFinite(attempt) ? attempt : 0,
  };
}

/** Events grouped by the session they belong to (events without a session ID are not the add-on's). */
export function groupBySession(events: readonly ApiEvent[]): Map<string, ExistingEvent[]> {
  const out = new Map<string, ExistingEvent[]>();
  for (const e of events) {
    const existing = toExistingEvent(e);
    if (!existing.sessionId || !existing.id) continue;
    const list = out.get(existing.sessionId) ?? [];
    list.push(existing);
    out.set(existing.sessionId, list);
  }
  return out;
}
