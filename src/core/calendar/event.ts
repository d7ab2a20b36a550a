/**
 * Builds the Calendar event of a course session: summary, Italian description, place, Europe/Rome
 * times, reminders, attendees and the private properties that tie the event to its session. The
 * content hash lets the sync patch an event only when something a participant sees has changed.
 */
import { formatNumberIt, ITALIAN_MONTHS, normalizeEmail } from '../text';
import { ROME_TIME_ZONE, parseCivilDate, wallClockDateTime } from './time';
import type { CalendarCourse, CalendarEnrollment, CalendarSession, CancellationInfo, EventResource } from './types';

export const MODE_IN_PERSON = 'In presenza';
export const MODE_ONLINE = 'Online';
export const MODE_MIXED = 'Mista';
export const COURSE_DRAFT = 'Bozza';
export const COURSE_CANCELLED = 'Annullato';
export const SESSION_CANCELLED = 'Annullata';
export const ENROLLMENT_CONFIRMED = 'Confermata';

/** Popup reminders a day and half an hour before each session. */
export const REMINDER_MINUTES = [24 * 60, 30] as const;

/** Bumped whenever the event's content rules change, so every event is brought up to date once. */
const HASH_VERSION = 'v1';

const WEEKDAYS = ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'];
export function wantsMeet(mode: string): boolean {
  return mode === MODE_ONLINE || mode === MODE_MIXED;
}

export function wantsLocation(mode: string): boolean {
  return mode === MODE_IN_PERSON || mode === MODE_MIXED;
}

/** A session is cancelled, for Calendar, when it or its whole course is. */
export function isSessionCancelled(session: CalendarSession, course: CalendarCourse): boolean {
  return session.status === SESSION_CANCELLED || course.status === COURSE_CANCELLED;
}

/** `2027-03-02` → `martedì 2 marzo 2027`. */
export function italianLongDate(date: string): string {
  const d = parseCivilDate(date);
  if (!d) return date;
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${d.day} ${ITALIAN_MONTHS[d.month - 1]} ${d.year}`;
}

/**
 * The e-mails of the course's confirmed enrollees, normalised, without repeats, sorted: a patch
 * replaces the attendee list whole, so this is always the complete list.
 */
export function confirmedAttendees(enrollments: readonly CalendarEnrollment[], courseCode: string): string[] {
  const emails = new Set<string>();
  for (const e of enrollments) {
    if (e.course !== courseCode || e.status !== ENROLLMENT_CONFIRMED) continue;
    const email = normalizeEmail(e.email);
    if (email) emails.add(email);
  }
  return [...emails].sort();
}

/**
 * "Incontro n di m" for the sessions of one course that still take place, in date and time order
 * (ties by ID, so the numbering is stable).
 */
export function numberSessions(sessions: readonly CalendarSession[]): Map<string, { n: number; of: number }> {
  const live = sessions
    .filter((s) => s.status !== SESSION_CANCELLED)
    .slice()
    .sort((a, b) => `${a.date} ${a.start} ${a.id}`.localeCompare(`${b.date} ${b.start} ${b.id}`));
  return new Map(live.map((s, i) => [s.id, { n: i + 1, of: live.length }]));
}

export function eventSummary(course: CalendarCourse): string {
  return `${course.title} (${course.code})`;
}

export function sessionVenue(session: CalendarSession, course: CalendarCourse): string {
  return (session.venue || course.venue).trim();
}

function hoursText(hours: number): string {
  return hours === 1 ? '1 ora' : `${formatNumberIt(hours)} ore`;
}

export function eventDescription(
  course: CalendarCourse,
  session: CalendarSession,
  position: { n: number; of: number } | undefined,
  cancellation: CancellationInfo,
): string {
  const lines: string[] = [`Corso: ${course.title} (${course.code})`];
  if (course.area) lines.push(`Area: ${course.area}`);
  if (course.teacher) lines.push(`Docente: ${course.teacher}`);
  if (course.hours > 0) lines.push(`Durata del corso: ${hoursText(course.hours)}`);
  const when = `${italianLongDate(session.date)}, dalle ${session.start} alle ${session.end}`;
  lines.push(position ? `Incontro ${position.n} di ${position.of}: ${when}` : `Incontro: ${when}`);
  const venue = sessionVenue(session, course);
  if (course.mode === MODE_ONLINE) lines.push('Modalità: online, con Google Meet (il link è in questo invito)');
  if (course.mode === MODE_MIXED) {
    lines.push(
      `Modalità: mista, in presenza${venue ? ` presso ${venue}` : ''} oppure online con Google Meet (il link è in questo invito)`,
    );
  }
  if (course.mode === MODE_IN_PERSON) lines.push(`Modalità: in presenza${venue ? `, presso ${venue}` : ''}`);
  if (course.description.trim()) lines.push('', course.description.trim());
  lines.push('', cancellationText(cancellation));
  return lines.join('\n');
}

function cancellationText(c: CancellationInfo): string {
  const form = c.formUrl
    ? `compili il modulo di iscrizione (${c.formUrl}) scegliendo l'azione «Annullamento»`
    : `compili di nuovo il modulo di iscrizione scegliendo l'azione «Annullamento»`;
  const staff = c.staffEmail ? ` Per informazioni può scrivere a ${c.staffEmail}.` : '';
  return `Se non può partecipare, annulli l'iscrizione: ${form}, così il posto passa a chi è in lista d'attesa.${staff}`;
}

export interface BuiltEvent {
  /** The resource without `conferenceData`: whether to ask for a conference depends on the event found. */
  resource: EventResource;
  hash: string;
  meet: boolean;
}

export interface EventInput {
  course: CalendarCourse;
  session: CalendarSession;
  position: { n: number; of: number } | undefined;
  attendees: readonly string[];
  cancellation: CancellationInfo;
}

export function buildSessionEvent(input: EventInput): BuiltEvent {
  const { course, session } = input;
  const meet = wantsMeet(course.mode);
  const content = {
    summary: eventSummary(course),
    description: eventDescription(course, session, input.position, input.cancellation),
    location: wantsLocation(course.mode) ? sessionVenue(session, course) : '',
    start: { dateTime: wallClockDateTime(session.date, session.start), timeZone: ROME_TIME_ZONE },
    end: { dateTime: wallClockDateTime(session.date, session.end), timeZone: ROME_TIME_ZONE },
    attendees: input.attendees.map((email) => ({ email })),
    reminders: {
      useDefault: false,
      overrides: REMINDER_MINUTES.map((minutes) => ({ method: 'popup' as const, minutes })),
    },
    // Participants come from different comuni: they must not see one another's addresses.
    guestsCanSeeOtherGuests: false,
    guestsCanInviteOthers: false,
  };
  const hash = contentHash({ ...content, meet });
  return {
    resource: { ...content, extendedProperties: { private: { sessionId: session.id, courseCode: course.code, hash } } },
    hash,
    meet,
  };
}

/** A conference create request, unique per session and stable across retries of the same attempt. */
export function meetRequestId(sessionId: string, attempt: number): string {
  return `a4pa-${sessionId}-${attempt}`;
}

/** JSON with object keys in sorted order, so equal content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A 53-bit hash (two 32-bit FNV/murmur-style lanes) of the canonical JSON, in base 36. */
export function contentHash(value: unknown): string {
  const text = `${HASH_VERSION}|${canonicalJson(value)}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${HASH_VERSION}-${n.toString(36)}`;
}
