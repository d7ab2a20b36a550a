/**
 * The shapes the calendar sync works on: subsets of the registry records (src/core/registry/schemas.ts),
 * so registry records fit as they are and the core stays testable with small literals; and the part of
 * a Calendar API v3 event resource the add-on writes and reads.
 */

export interface CalendarCourse {
  code: string;
  title: string;
  area: string;
  description: string;
  teacher: string;
  hours: number;
  mode: string;
  venue: string;
  status: string;
}

export interface CalendarSession {
  id: string;
  course: string;
  date: string;
  start: string;
  end: string;
  venue: string;
  eventId: string;
  meetLink: string;
  status: string;
}

export interface CalendarEnrollment {
  course: string;
  email: string;
  status: string;
}

/** What the description says about how to cancel: the form's address and the staff's e-mail, if known. */
export interface CancellationInfo {
  formUrl: string;
  staffEmail: string;
}

export interface EventDateTime {
  dateTime: string;
  timeZone: string;
}

export interface EventReminders {
  useDefault: boolean;
  overrides: Array<{ method: 'popup' | 'email'; minutes: number }>;
}

export interface ConferenceCreateRequest {
  requestId: string;
  conferenceSolutionKey: { type: 'hangoutsMeet' };
}

/** The event resource sent to `Calendar.Events.insert` / `patch` (a plain JSON-like object). */
export interface EventResource {
  summary: string;
  description: string;
  location: string;
  start: EventDateTime;
  end: EventDateTime;
  attendees: Array<{ email: string }>;
  reminders: EventReminders;
  guestsCanSeeOtherGuests: boolean;
  guestsCanInviteOthers: boolean;
  extendedProperties: { private: Record<string, string> };
  conferenceData?: { createRequest: ConferenceCreateRequest } | null;
}

/** What the sync needs to know about an event already in the calendar. */
export interface ExistingEvent {
  id: string;
  /** `confirmed`, `tentative` or `cancelled`. */
  status: string;
  sessionId: string;
  hash: string;
  /** A conference exists or is being created. */
  hasConference: boolean;
  conferencePending: boolean;
  meetLink: string;
  /** The highest conference request number used for this session's events (0 when none). */
  meetAttempt: number;
}
