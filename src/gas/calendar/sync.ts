/**
 * The calendar sync as job work: one slice reads the registry and the calendar once, plans every
 * session, does the Calendar writes only for sessions that need one (one item each), and at the end
 * writes `ID evento` and `Link Meet` back to `Sessioni` in one batched update.
 */
import { isSessionCancelled } from '../../core/calendar/event';
import { pickExisting, planSession, type PlannedSession } from '../../core/calendar/plan';
import {
  groupBySession,
  isConferencePending,
  meetLinkOf,
  sessionsToSync,
  type ApiEvent,
} from '../../core/calendar/sync';
import type { CalendarCourse, CalendarSession, CancellationInfo } from '../../core/calendar/types';
import { nextEventId } from '../../core/calendar/event-id';
import { CALENDAR_BATCH_SIZE, type CalendarWrite, type WriteOutcome } from '../../core/calendar/writes';
import type { JobWork } from '../../core/jobs/slice';
import { UserError } from '../../core/registry/errors';
import type { Course, Enrollment, Session } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { PROP_FORM_URL } from '../enrollment/form';
import { readProperty } from '../platform/properties';
import { logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { readTable, updateRecords, type Table } from '../registry/table';
import { getEvent, listEvents } from './api';
import { writeEvents } from './batch';

export const CALENDAR_NOT_CONFIGURED =
  "Il calendario dell'Academy non è configurato (manca «ID calendario» in Impostazioni): esegua «Configura».";

export interface SyncOptions {
  /** Only these courses' sessions. */
  courseCodes?: string[];
  /**
   * Only bring existing events up to date (attendees after an enrollment or a cancellation): never
   * insert or cancel, which is the full sync's job.
   */
  patchOnly?: boolean;
  /** The tabs as the caller has just read (and written) them, so they are not read a second time. */
  tables?: { courses: Table<Course>; sessions: Table<Session>; enrollments: Table<Enrollment> };
}

export interface SyncCounts {
  inserted: number;
  patched: number;
  cancelled: number;
  unchanged: number;
  /** Sessions whose Meet link Google is still creating. */
  meetPending: number;
  invalid: Array<{ sessionId: string; message: string }>;
}

interface Planned extends PlannedSession {
  /** What `ID evento` and `Link Meet` should say once the plan is done. */
  eventId: string;
  meetLink: string;
  pendingConference: boolean;
}

/** What a sync would write for one session, before anything is written. */
export interface PlannedWrite {
  sessionId: string;
  course: string;
  date: string;
  start: string;
  kind: 'insert' | 'patch' | 'cancel';
  /** Guests on the event once written (0 for a cancellation). */
  guests: number;
}

export interface CalendarSyncWork extends JobWork {
  counts: SyncCounts;
  /** The writes the plan holds, in session order; nothing has been sent when it is read first. */
  planned(): PlannedWrite[];
}

/** The enrollment form's published URL, as the enrollment workflow records it ('' before publication). */
function enrollmentFormUrl(): string {
  return readProperty(PROP_FORM_URL) ?? '';
}

/**
 * Opens a sync: reads settings, `Corsi`, `Sessioni` and `Iscrizioni` (one Sheets call each, unless the
 * caller passes them), the form's URL and the calendar's events (one list, paged by 2,500), then plans
 * every session in memory.
 */
export function openCalendarSync(options: SyncOptions = {}): CalendarSyncWork {
  const settings = readSettings();
  const calendarId = settings.calendarId.trim();
  if (!calendarId) throw new UserError(CALENDAR_NOT_CONFIGURED);
  const courses = options.tables?.courses ?? readTable(TAB.corsi);
  const sessions = options.tables?.sessions ?? readTable(TAB.sessioni);
  const enrollments = options.tables?.enrollments ?? readTable(TAB.iscrizioni);
  const cancellation: CancellationInfo = {
    formUrl: enrollmentFormUrl().trim(),
    staffEmail: settings.staffNotificationEmail.trim(),
  };
  const nowMs = Date.now();

  const courseByCode = new Map<string, CalendarCourse>(courses.rows.map((r) => [r.record.code, r.record]));
  const rowOf = new Map<string, number>(sessions.rows.map((r) => [r.record.id, r.row]));
  const allSessions = sessions.rows.map((r) => r.record as CalendarSession);
  const toSync = sessionsToSync(allSessions, [...courseByCode.values()], options.courseCodes);
  const enrollmentRecords = enrollments.rows.map((r) => r.record);

  // A few courses: their events only (Google filters by private property); otherwise the whole calendar.
  const events = options.courseCodes
    ? options.courseCodes.flatMap((code) => listEvents(calendarId, { privateProperties: [`courseCode=${code}`] }))
    : listEvents(calendarId);
  const bySession = groupBySession(events);
  const sessionsByCourse = new Map<string, CalendarSession[]>();
  for (const s of allSessions) sessionsByCourse.set(s.course, [...(sessionsByCourse.get(s.course) ?? []), s]);

  const counts: SyncCounts = { inserted: 0, patched: 0, cancelled: 0, unchanged: 0, meetPending: 0, invalid: [] };
  const planned = new Map<string, Planned>();
  for (const session of toSync) {
    const course = courseByCode.get(session.course) as CalendarCourse;
    const { keep, duplicates, lastAttempt } = pickExisting(bySession.get(session.id) ?? [], session.eventId);
    const plan = planSession({
      session,
      course,
      courseSessions: sessionsByCourse.get(session.course) ?? [],
      enrollments: enrollmentRecords,
      existing: keep,
      lastAttempt,
      cancellation,
      nowMs,
    });
    if (plan.kind === 'invalid') counts.invalid.push({ sessionId: session.id, message: plan.message });
    const allowed = !options.patchOnly || plan.kind === 'patch' || plan.kind === 'none';
    if (!allowed) continue;
    planned.set(session.id, {
      session,
      row: rowOf.get(session.id) ?? 0,
      plan,
      insertId: nextEventId(session.id, bySession.get(session.id) ?? []),
      duplicates: options.patchOnly || isSessionCancelled(session, course) ? [] : duplicates,
      eventId: plan.kind === 'none' ? plan.eventId : session.eventId,
      meetLink: plan.kind === 'none' ? plan.meetLink : session.meetLink,
      pendingConference: plan.kind === 'none' && keep !== null && keep.conferencePending,
    });
  }

  const done = new Set<string>();
  const needsWork = (p: Planned): boolean =>
    p.plan.kind === 'insert' || p.plan.kind === 'patch' || p.plan.kind === 'cancel' || p.duplicates.length > 0;

  const applyResult = (p: Planned, event: ApiEvent): void => {
    p.eventId = event.id ?? p.eventId;
    p.meetLink = meetLinkOf(event);
    p.pendingConference = isConferencePending(event);
  };

  const pendingIds = (): string[] =>
    [...planned.values()].filter((p) => needsWork(p) && !done.has(p.session.id)).map((p) => p.session.id);
  /** Errors of sessions whose writes went out in an earlier batch of this slice, by session. */
  const failures = new Map<string, string>();
  const attempted = new Set<string>();

  const writesOf = (p: Planned): CalendarWrite[] => {
    const id = p.session.id;
    const writes: CalendarWrite[] = [];
    const plan = p.plan;
    if (plan.kind === 'insert') writes.push({ key: id, kind: 'insert', eventId: p.insertId, resource: plan.resource });
    else if (plan.kind === 'patch')
      writes.push({ key: id, kind: 'patch', eventId: plan.eventId, resource: plan.resource });
    else if (plan.kind === 'cancel') writes.push({ key: id, kind: 'cancel', eventId: plan.eventId });
    p.duplicates.forEach((d, n) => writes.push({ key: `${id}#${n}`, kind: 'cancel', eventId: d.id }));
    return writes;
  };

  const settle = (p: Planned, outcomes: Map<string, WriteOutcome>): void => {
    const id = p.session.id;
    const main = outcomes.get(id);
    const plan = p.plan;
    if (main?.ok) {
      if (plan.kind === 'insert' && main.event) {
        applyResult(p, main.event);
        counts.inserted += 1;
      } else if (plan.kind === 'patch' && main.event) {
        applyResult(p, main.event);
        counts.patched += 1;
      } else if (plan.kind === 'cancel') {
        p.eventId = plan.eventId;
        p.meetLink = '';
        counts.cancelled += 1;
      }
    }
    const dupFailed = p.duplicates.filter((_, n) => !outcomes.get(`${id}#${n}`)?.ok);
    p.duplicates = dupFailed;
    const error = (main && !main.ok ? main.error : '') || (dupFailed.length ? 'duplicati non annullati' : '');
    if (error) failures.set(id, error);
    else done.add(id);
  };

  /** One fetchAll for this session and the next ones still to do: up to ten batches of 50 calls. */
  const sendFrom = (sessionId: string): void => {
    const ids = pendingIds();
    const start = Math.max(0, ids.indexOf(sessionId));
    const group = ids
      .slice(start)
      .filter((id) => !attempted.has(id))
      .slice(0, CALENDAR_BATCH_SIZE * 10)
      .map((id) => planned.get(id) as Planned);
    for (const p of group) attempted.add(p.session.id);
    const outcomes = writeEvents(calendarId, group.flatMap(writesOf));
    for (const p of group) settle(p, outcomes);
  };

  return {
    counts,
    planned: () =>
      [...planned.values()].flatMap((p): PlannedWrite[] => {
        const plan = p.plan;
        if (plan.kind !== 'insert' && plan.kind !== 'patch' && plan.kind !== 'cancel') return [];
        const { id, course, date, start } = p.session;
        const guests = plan.kind === 'cancel' ? 0 : plan.resource.attendees.length;
        return [{ sessionId: id, course, date, start, kind: plan.kind, guests }];
      }),
    pending: pendingIds,
    run: (sessionId: string) => {
      if (!planned.has(sessionId) || done.has(sessionId)) return;
      if (!attempted.has(sessionId)) sendFrom(sessionId);
      const error = failures.get(sessionId);
      if (error) {
        failures.delete(sessionId);
        throw new Error(error);
      }
    },
    close: () => {
      // A conference Google was still creating usually has its link a moment later: one read each.
      for (const p of planned.values()) {
        if (!p.pendingConference || !p.eventId) continue;
        const fresh = getEvent(calendarId, p.eventId);
        if (fresh) applyResult(p, fresh);
        if (p.pendingConference) counts.meetPending += 1;
      }
      counts.unchanged = [...planned.values()].filter((p) => !needsWork(p)).length;
      writeBack(
        sessions,
        [...planned.values()].filter((p) => !needsWork(p) || done.has(p.session.id)),
      );
      const changed = counts.inserted + counts.patched + counts.cancelled;
      if (changed > 0 || counts.invalid.length > 0) {
        logEvent(
          'Calendario sincronizzato',
          `${options.courseCodes ? options.courseCodes.join(', ') : 'tutti i corsi'}: ${counts.inserted} creati, ${counts.patched} aggiornati, ${counts.cancelled} annullati` +
            (counts.invalid.length ? `, ${counts.invalid.length} sessioni con date o orari da correggere` : ''),
        );
      }
    },
  };
}

/** `ID evento` and `Link Meet` where they differ from the sheet, in one batched update. */
function writeBack(sessions: Table<Session>, items: Planned[]): void {
  const changes = items
    .filter((p) => p.row > 0 && (p.eventId !== p.session.eventId || p.meetLink !== p.session.meetLink))
    .map((p) => ({ row: p.row, patch: { eventId: p.eventId, meetLink: p.meetLink } as Partial<Session> }));
  if (changes.length > 0) updateRecords(sessions, changes);
}

/** Runs a whole sync in this execution (one course: a handful of sessions). */
export function runCalendarSync(
  options: SyncOptions,
): SyncCounts & { failed: Array<{ sessionId: string; error: string }> } {
  const work = openCalendarSync(options);
  const failed: Array<{ sessionId: string; error: string }> = [];
  try {
    for (const sessionId of work.pending()) {
      try {
        work.run(sessionId);
      } catch (error) {
        if (/exceeded maximum execution time/i.test(String(error))) throw error;
        failed.push({ sessionId, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    work.close();
  }
  for (const f of failed) logEvent('Calendario: sessione non sincronizzata', `${f.sessionId}: ${f.error}`);
  return { ...work.counts, failed };
}
