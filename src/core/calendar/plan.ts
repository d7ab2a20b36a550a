/**
 * Decides, for one session, what the sync must do in Calendar: nothing, insert, patch or cancel. The
 * decision depends only on the registry and on what the calendar already holds, so running the sync
 * twice with nothing changed makes no Calendar write.
 */
import { buildSessionEvent, confirmedAttendees, isSessionCancelled, meetRequestId, numberSessions } from './event';
import { resolveRomeWallClock, sessionTimeProblem } from './time';
import type {
  CalendarCourse,
  CalendarEnrollment,
  CalendarSession,
  CancellationInfo,
  EventResource,
  ExistingEvent,
} from './types';

export type SessionPlan =
  /** The session cannot become an event (bad date or times): reported, nothing done. */
  | { kind: 'invalid'; message: string }
  /** Calendar is up to date; the sheet should say `eventId` and `meetLink`. */
  | { kind: 'none'; eventId: string; meetLink: string }
  | { kind: 'insert'; resource: EventResource; meetAttempt: number }
  | { kind: 'patch'; eventId: string; resource: EventResource; meetAttempt: number }
  | { kind: 'cancel'; eventId: string };

/**
 * One session's share of a sync, as the add-on and the worker plan it: its sheet row, what to do, the
 * id an insert uses (`nextEventId`: the same for every retry of this sync) and the live events beside
 * the one kept, which are cancelled as duplicates.
 */
export interface PlannedSession {
  session: CalendarSession;
  row: number;
  plan: SessionPlan;
  insertId: string;
  duplicates: ExistingEvent[];
}

/** Property name under which an event remembers its last conference request number. */
export const MEET_ATTEMPT_PROPERTY = 'meetRequest';

/**
 * Of the events found for one session, the one to keep (the sheet's, else a live one, else the
 * sheet's cancelled one) and the other live ones, which are duplicates to cancel.
 */
export function pickExisting(
  candidates: readonly ExistingEvent[],
  sheetEventId: string,
): { keep: ExistingEvent | null; duplicates: ExistingEvent[]; lastAttempt: number } {
  const live = candidates.filter((e) => e.status !== 'cancelled');
  const lastAttempt = candidates.reduce((max, e) => Math.max(max, e.meetAttempt), 0);
  const keep =
    live.find((e) => e.id === sheetEventId) ??
    live[0] ??
    candidates.find((e) => e.id === sheetEventId) ??
    candidates[0] ??
    null;
  return { keep, duplicates: live.filter((e) => e !== keep), lastAttempt };
}

export interface SessionPlanInput {
  session: CalendarSession;
  course: CalendarCourse;
  /** Every session of the course, for "Incontro n di m". */
  courseSessions: readonly CalendarSession[];
  enrollments: readonly CalendarEnrollment[];
  existing: ExistingEvent | null;
  /** The highest conference request number any event of this session used. */
  lastAttempt: number;
  cancellation: CancellationInfo;
  /** Now, in ms since the epoch: sessions that have ended are left as they are. */
  nowMs: number;
}

export function planSession(input: SessionPlanInput): SessionPlan {
  const { session, course, existing } = input;
  const live = existing !== null && existing.status !== 'cancelled';
  if (isSessionCancelled(session, course)) {
    if (live) return { kind: 'cancel', eventId: existing.id };
    return { kind: 'none', eventId: existing?.id ?? session.eventId, meetLink: '' };
  }
  const problem = sessionTimeProblem(session.date, session.start, session.end);
  if (problem) return { kind: 'invalid', message: problem };
  // A session already over is history: inviting to it, or notifying its attendees of a new
  // description or list, helps nobody.
  if (resolveRomeWallClock(session.date, session.end).instantMs <= input.nowMs) {
    return {
      kind: 'none',
      eventId: live ? existing.id : session.eventId,
      meetLink: live ? existing.meetLink : session.meetLink,
    };
  }
  const built = buildSessionEvent({
    course,
    session,
    position: numberSessions(input.courseSessions).get(session.id),
    attendees: confirmedAttendees(input.enrollments, course.code),
    cancellation: input.cancellation,
  });
  const resource = built.resource;
  if (!live) {
    const attempt = input.lastAttempt + 1;
    if (built.meet) withConference(resource, session.id, attempt);
    const meetAttempt = built.meet ? attempt : input.lastAttempt;
    rememberAttempt(resource, meetAttempt);
    return { kind: 'insert', resource, meetAttempt };
  }
  const needsConference = built.meet && !existing.hasConference;
  if (!needsConference && existing.hash === built.hash) {
    return { kind: 'none', eventId: existing.id, meetLink: built.meet ? existing.meetLink : '' };
  }
  let meetAttempt = Math.max(input.lastAttempt, existing.meetAttempt);
  if (needsConference) {
    meetAttempt += 1;
    withConference(resource, session.id, meetAttempt);
  }
  // Whether or not Google drops the conference on a null, the hash (which covers the mode) settles
  // the event after this one patch, and the sheet stops showing a link for an in-person session.
  if (!built.meet && existing.hasConference) resource.conferenceData = null;
  rememberAttempt(resource, meetAttempt);
  return { kind: 'patch', eventId: existing.id, resource, meetAttempt };
}

function withConference(resource: EventResource, sessionId: string, attempt: number): void {
  resource.conferenceData = {
    createRequest: { requestId: meetRequestId(sessionId, attempt), conferenceSolutionKey: { type: 'hangoutsMeet' } },
  };
}

/** Sent with every write, whatever Google does with a partial map, so a later attempt never repeats an id. */
function rememberAttempt(resource: EventResource, attempt: number): void {
  if (attempt > 0) resource.extendedProperties.private[MEET_ATTEMPT_PROPERTY] = String(attempt);
}
