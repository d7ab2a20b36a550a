/**
 * Attendance from Meet (docs/product.md, "Attendance from Meet"): for each online or mixed session that
 * ended, the participants of its Meet call are matched to its enrollees and `Presenze` gets the time they
 * attended; cells staff changed are left alone, names that need staff's confirmation are listed, and a
 * second run changes nothing. Reading Google is in `meet-records.ts` and `meet-accounts.ts`, the rules in
 * `core/attendance/meet.ts`.
 */
import {
  endedMeetSessions,
  nameKey,
  planMeetSession,
  type MarkValue,
  type MeetParticipant,
} from '../../core/attendance/meet';
import { resolveRomeWallClock } from '../../core/calendar/time';
import { UserError } from '../../core/registry/errors';
import { missingAttendanceRows } from '../../core/attendance/attendance';
import type { Attendance, Course, Employee, Enrollment, Session } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { formatNumberIt } from '../../core/text';
import { DAY_MS } from '../../core/time/units';
import { assignMissingIds } from '../registry/ids';
import { logEvent } from '../registry/log';
import { readTable, updateRecords } from '../registry/table';
import { addRegisterRows, registerPeople } from './prepare';
import { accountEmails } from './meet-accounts';
import { MeetLedger } from './meet-ledger';
import { meetingCodeOf, readMeetCall, type MeetRawParticipant } from './meet-records';

/** Sessions are read one after another; past this much of the 6-minute limit the rest waits for a later run. */
const TIME_BUDGET_MS = 240_000;
const OUT_OF_TIME = 'tempo esaurito: verrà letta alla prossima esecuzione';

export interface MeetImportOptions {
  /** Display names staff confirmed as an enrollee of the course (needs the course). */
  confirm?: Array<{ name: string; employeeId: string }>;
  /** The daily run: only sessions never imported before. */
  onlyNew?: boolean;
  /** The preview: everything is read and decided, nothing is written (no register row, no ledger, no log). */
  dryRun?: boolean;
}

/**
 * The registry tabs a caller has already read, every session with its ID (the daily run): the import
 * then reads only `Presenze`.
 */
export interface MeetRegistry {
  courses: readonly Course[];
  sessions: readonly Session[];
  enrollments: readonly Enrollment[];
  employees: readonly Employee[];
}

export interface MeetPerson {
  employeeId: string;
  name: string;
}

export interface MeetSessionReport {
  session: string;
  course: string;
  date: string;
  mixed: boolean;
  /** Participants Meet listed for the session's call (0: no call found). */
  participants: number;
  written: Array<MeetPerson & { present: boolean; hours: number | null }>;
  kept: Array<MeetPerson & { hours: number | null; meetHours: number | null }>;
  toConfirm: Array<MeetPerson & { displayName: string; hours: number }>;
  unmatched: Array<{ displayName: string; email: string; hours: number }>;
  absent: MeetPerson[];
}

export interface MeetImportReport {
  message: string;
  sessions: MeetSessionReport[];
  /** Sessions left for a later run (time budget) or that cannot be read, with the reason. */
  skipped: Array<{ session: string; reason: string }>;
}

interface Target {
  session: Session;
  course: Course;
  window: readonly [number, number];
  code: string;
}

function targets(
  sessions: readonly Session[],
  courses: readonly Course[],
  courseCode: string,
  now: number,
  skipped: MeetImportReport['skipped'],
): Target[] {
  const out: Target[] = [];
  for (const { session: s, course, window } of endedMeetSessions(sessions, courses, courseCode, now)) {
    if (!s.id) {
      skipped.push({
        session: `${s.course} ${s.date}`,
        reason: "la sessione non ha ancora un «ID»: lo riceve con l'importazione",
      });
      continue;
    }
    const code = meetingCodeOf(s.meetLink);
    if (!code) {
      skipped.push({ session: s.id, reason: 'nessun «Link Meet»: eseguire «Sincronizza calendario»' });
      continue;
    }
    out.push({ session: s, course, window, code });
  }
  return out;
}

function participantsOf(
  raw: readonly MeetRawParticipant[],
  emails: Map<string, string>,
  now: number,
): MeetParticipant[] {
  return raw.map((p) => ({
    user: p.user,
    email: emails.get(p.user) ?? '',
    displayName: p.displayName,
    intervals: p.joins.map((j) => [j.startMs, j.endMs ?? now] as const),
  }));
}

function confirmNames(
  ledger: MeetLedger,
  courseCode: string,
  confirm: NonNullable<MeetImportOptions['confirm']>,
  enrolled: ReadonlySet<string>,
): void {
  if (confirm.length === 0) return;
  if (!courseCode) throw new UserError('Per confermare un nome indicare il corso.');
  for (const c of confirm) {
    if (!enrolled.has(c.employeeId))
      throw new UserError(`${c.employeeId} non è iscritto (confermato) al corso ${courseCode}.`);
    ledger.confirmName(courseCode, nameKey(c.name), c.employeeId);
    logEvent('Nome Meet confermato', `${courseCode}: «${c.name}» è ${c.employeeId}`);
  }
}

function summary(reports: readonly MeetSessionReport[], skipped: MeetImportReport['skipped'], dryRun: boolean): string {
  if (reports.length === 0 && skipped.length === 0) return 'Nessuna sessione online o mista conclusa da importare.';
  const written = reports.reduce((n, r) => n + r.written.length, 0);
  const confirm = reports.reduce((n, r) => n + r.toConfirm.length, 0);
  const unmatched = reports.reduce((n, r) => n + r.unmatched.length, 0);
  const kept = reports.reduce((n, r) => n + r.kept.length, 0);
  const parts = [
    dryRun
      ? `Anteprima presenze da Meet: ${reports.length} sessioni lette, ${written} righe da compilare.`
      : `Presenze da Meet: ${reports.length} sessioni lette, ${written} righe aggiornate.`,
    confirm > 0 ? `${confirm} nomi da confermare.` : '',
    unmatched > 0 ? `${unmatched} partecipanti non riconosciuti.` : '',
    kept > 0 ? `${kept} celle modificate a mano lasciate come sono.` : '',
    skipped.length > 0 ? `${skipped.length} sessioni non lette (vedi dettagli).` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function readRegistry(dryRun: boolean): MeetRegistry {
  const courses = readTable(TAB.corsi).rows.map((r) => r.record);
  // The preview issues no ID: a session typed without one is listed, and gets its ID from the import.
  const ids = dryRun ? {} : assignMissingIds([TAB.sessioni, TAB.iscrizioni]);
  return {
    courses,
    sessions: (ids.Sessioni ?? readTable(TAB.sessioni)).rows.map((r) => r.record),
    enrollments: (ids.Iscrizioni ?? readTable(TAB.iscrizioni)).rows.map((r) => r.record),
    employees: readTable(TAB.dipendenti).rows.map((r) => r.record),
  };
}

export function importMeet(
  courseCode: string,
  options: MeetImportOptions = {},
  registry?: MeetRegistry,
): MeetImportReport {
  const started = Date.now();
  const code = courseCode.trim();
  const dryRun = options.dryRun === true;
  const { courses, sessions, enrollments, ...read } = registry ?? readRegistry(dryRun);
  if (code && !courses.some((c) => c.code === code))
    throw new UserError(`Corso ${code} non trovato nel foglio «Corsi».`);
  const employees = new Map<string, Employee>(read.employees.map((e) => [e.id, e]));
  const ledger = MeetLedger.open();
  const confirmedOf = (course: string): Set<string> =>
    new Set(
      enrollments
        .filter((e) => e.course === course && e.status === 'Confermata' && e.employeeId)
        .map((e) => e.employeeId),
    );
  if (!dryRun) confirmNames(ledger, code, options.confirm ?? [], confirmedOf(code));
  const skipped: MeetImportReport['skipped'] = [];
  const chosen = targets(sessions, courses, code, started, skipped).filter(
    (t) => !options.onlyNew || !ledger.imported(t.session.id),
  );
  const attendance = readTable(TAB.presenze);
  const people = registerPeople([...employees.values()]);
  const chosenCourses = [...new Set(chosen.map((t) => t.course.code))];
  // The preview counts the rows the import would add to the register as blank ones.
  const register: Array<{
    row: number | null;
    record: Pick<Attendance, 'session' | 'employeeId' | 'present' | 'hours'>;
  }> = dryRun
    ? [
        ...attendance.rows,
        ...chosenCourses.flatMap((c) =>
          missingAttendanceRows(
            c,
            sessions,
            enrollments,
            attendance.rows.map((r) => r.record),
            people,
          ).map((record) => ({ row: null, record })),
        ),
      ]
    : (addRegisterRows(attendance, chosenCourses, sessions, enrollments, people), attendance.rows);
  const calls: Array<{ target: Target; raw: MeetRawParticipant[] }> = [];
  for (const target of chosen) {
    if (Date.now() - started > TIME_BUDGET_MS) {
      skipped.push({ session: target.session.id, reason: OUT_OF_TIME });
      continue;
    }
    const dayStart = resolveRomeWallClock(target.session.date, '00:00').instantMs;
    calls.push({ target, raw: readMeetCall(target.code, dayStart, dayStart + DAY_MS) });
  }
  const emails = accountEmails(calls.flatMap((c) => c.raw.map((p) => p.user)));
  const person = (employeeId: string): MeetPerson => {
    const e = employees.get(employeeId);
    return { employeeId, name: e ? `${e.firstName} ${e.lastName}` : employeeId };
  };
  const changes: Array<{ row: number; patch: { present: boolean; hours: number | null } }> = [];
  const reports: MeetSessionReport[] = [];
  for (const { target, raw } of calls) {
    const s = target.session;
    if (raw.length === 0) {
      skipped.push({ session: s.id, reason: 'nessuna chiamata Meet registrata in quel giorno' });
      continue;
    }
    const enrolled = confirmedOf(s.course);
    const rowOf = new Map<string, number | null>();
    const rows = new Map<string, MarkValue>();
    for (const r of register) {
      if (r.record.session !== s.id || rowOf.has(r.record.employeeId)) continue;
      rowOf.set(r.record.employeeId, r.row);
      rows.set(r.record.employeeId, { present: r.record.present, hours: r.record.hours ?? null });
    }
    const plan = planMeetSession({
      window: target.window,
      participants: participantsOf(raw, emails, started),
      enrollees: [...enrolled].flatMap((id) => {
        const e = employees.get(id);
        return e ? [{ employeeId: id, email: e.email, firstName: e.firstName, lastName: e.lastName }] : [];
      }),
      confirmed: ledger.names(s.course),
      rows,
      ledger: ledger.session(s.id),
    });
    for (const w of plan.writes) {
      const row = rowOf.get(w.employeeId);
      if (row !== undefined && row !== null)
        changes.push({ row, patch: { present: w.value.present, hours: w.value.hours } });
    }
    if (!dryRun) ledger.setSession(s.id, plan.ledger);
    reports.push({
      session: s.id,
      course: s.course,
      date: s.date,
      mixed: target.course.mode === 'Mista',
      participants: raw.length,
      written: plan.writes.map((w) => ({ ...person(w.employeeId), ...w.value })),
      kept: plan.kept.map((k) => ({ ...person(k.employeeId), hours: k.current.hours, meetHours: k.meet.hours })),
      toConfirm: plan.toConfirm.map((c) => ({ ...person(c.employeeId), displayName: c.name, hours: c.hours })),
      unmatched: plan.unmatched.map((u) => ({ displayName: u.name, email: u.email, hours: u.hours })),
      absent: plan.absent.map(person),
    });
  }
  if (dryRun) return { message: summary(reports, skipped, true), sessions: reports, skipped };
  updateRecords(attendance, changes);
  ledger.save();
  for (const r of reports) {
    if (r.written.length === 0) continue;
    const hours = r.written.reduce((n, w) => n + (w.hours ?? 0), 0);
    logEvent('Presenze importate da Meet', `${r.session}: ${r.written.length} righe, ${formatNumberIt(hours)} ore`);
  }
  return { message: summary(reports, skipped, false), sessions: reports, skipped };
}

/**
 * The daily run's step, from the registry it has already read: when no online or mixed session ended
 * since the last daily read of Meet, it reads nothing more (not even `Presenze`). Otherwise it imports
 * every session never imported; the mark moves on only once every session was read, so a run cut short
 * (or failing) leaves them for the next day.
 */
export function importEndedMeetSessions(registry: MeetRegistry): MeetImportReport | null {
  const now = Date.now();
  const ledger = MeetLedger.open();
  const since = ledger.dailyCheckedAt();
  const fresh = endedMeetSessions(registry.sessions, registry.courses, '', now).filter(
    (e) => e.window[1] > since && !(e.session.id && ledger.imported(e.session.id)),
  );
  if (fresh.length === 0) return null;
  // A session typed without an ID gets one from the import's own read of the tabs.
  const report = importMeet('', { onlyNew: true }, fresh.every((e) => e.session.id) ? registry : undefined);
  if (!report.skipped.some((s) => s.reason === OUT_OF_TIME)) {
    ledger.setDailyCheckedAt(now);
    ledger.save();
  }
  return report;
}
