/**
 * Attendance from Meet (docs/product.md, "Attendance from Meet"): for each online or mixed session that
 * ended, the participants of its Meet call are matched to its enrollees and `Presenze` gets the time they
 * attended; cells staff changed are left alone, names that need staff's confirmation are listed, and a
 * second run changes nothing. Reading Google is in `meet-records.ts` and `meet-accounts.ts`, the rules in
 * `core/attendance/meet.ts`.
 */
import { nameKey, planMeetSession, type MarkValue, type MeetParticipant } from '../../core/attendance/meet';
import { resolveRomeWallClock } from '../../core/calendar/time';
import { UserError } from '../../core/registry/errors';
import { missingAttendanceRows } from '../../core/attendance/attendance';
import type { Attendance, Course, Employee, Session } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { formatNumberIt } from '../../core/text';
import { assignMissingIds } from '../registry/ids';
import { logEvent } from '../registry/log';
import { readTable, updateRecords } from '../registry/table';
import { addRegisterRows, registerPeople } from './prepare';
import { accountEmails } from './meet-accounts';
import { MeetLedger } from './meet-ledger';
import { meetingCodeOf, readMeetCall, type MeetRawParticipant } from './meet-records';

/** Meet deletes a conference record 30 days after the call ended (catalogue: REST-MEET-RECORDS). */
const RECORDS_KEPT_DAYS = 30;
const DAY_MS = 86_400_000;
/** Sessions are read one after another; past this much of the 6-minute limit the rest waits for a later run. */
const TIME_BUDGET_MS = 240_000;
const MEET_MODES: ReadonlySet<string> = new Set(['Online', 'Mista']);

export interface MeetImportOptions {
  /** Display names staff confirmed as an enrollee of the course (needs the course). */
  confirm?: Array<{ name: string; employeeId: string }>;
  /** The daily run: only sessions never imported before. */
  onlyNew?: boolean;
  /** The preview: everything is read and decided, nothing is written (no register row, no ledger, no log). */
  dryRun?: boolean;
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

function windowOf(s: Session): readonly [number, number] {
  return [resolveRomeWallClock(s.date, s.start).instantMs, resolveRomeWallClock(s.date, s.end).instantMs];
}

function targets(
  sessions: readonly Session[],
  courses: readonly Course[],
  courseCode: string,
  now: number,
  skipped: MeetImportReport['skipped'],
): Target[] {
  const byCode = new Map(courses.map((c) => [c.code, c]));
  const out: Target[] = [];
  for (const s of sessions) {
    const course = byCode.get(s.course);
    if (!course || !MEET_MODES.has(course.mode) || s.status === 'Annullata') continue;
    if (courseCode && s.course !== courseCode) continue;
    const window = windowOf(s);
    if (window[1] > now) continue;
    if (!courseCode && now - window[1] > RECORDS_KEPT_DAYS * DAY_MS) continue;
    if (!s.id) {
      skipped.push({
        session: `${s.course} ${s.date}`,
        reason: "la sessione non ha ancora un «ID»: lo riceve con l'importazione",
      });
      continue;
    }
    const code = meetingCodeOf(s.meetLink);
    if (!code) {
      skipped.push({ session: s.id, reason: 'nessun «Link Meet»: esegui «Sincronizza calendario»' });
      continue;
    }
    out.push({ session: s, course, window, code });
  }
  return out.sort((a, b) => a.window[0] - b.window[0]);
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

export function importMeet(courseCode: string, options: MeetImportOptions = {}): MeetImportReport {
  const started = Date.now();
  const code = courseCode.trim();
  const courses = readTable(TAB.corsi).rows.map((r) => r.record);
  if (code && !courses.some((c) => c.code === code))
    throw new UserError(`Corso ${code} non trovato nel foglio «Corsi».`);
  const dryRun = options.dryRun === true;
  // The preview issues no ID: a session typed without one is listed, and gets its ID from the import.
  const ids = dryRun ? {} : assignMissingIds([TAB.sessioni, TAB.iscrizioni]);
  const sessions = (ids.Sessioni ?? readTable(TAB.sessioni)).rows.map((r) => r.record);
  const enrollments = (ids.Iscrizioni ?? readTable(TAB.iscrizioni)).rows.map((r) => r.record);
  const employees = new Map<string, Employee>(readTable(TAB.dipendenti).rows.map((r) => [r.record.id, r.record]));
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
      skipped.push({ session: target.session.id, reason: 'tempo esaurito: verrà letta alla prossima esecuzione' });
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
