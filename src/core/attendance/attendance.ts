/**
 * The attendance register (`Presenze`): one row per session x confirmed enrollee, and the hours each
 * employee attended. The shapes are the subsets of the registry records this module reads.
 */

export interface AttendanceSession {
  id: string;
  course: string;
  date: string;
  start: string;
  end: string;
  status: string;
}

export interface AttendanceEnrollment {
  course: string;
  email: string;
  employeeId: string;
  status: string;
}

export interface AttendanceRow {
  session: string;
  course: string;
  employeeId: string;
  email: string;
  present: boolean;
  hours: number | null;
}

/** What the hour computations read of a register row. */
export type AttendanceMark = Pick<AttendanceRow, 'session' | 'employeeId' | 'present' | 'hours'>;

const CANCELLED_SESSION = 'Annullata';
const CONFIRMED = 'Confermata';

/** Minutes since midnight of an `HH:mm` time, or null when it is not one. */
export function minutesOf(time: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** A session's length in hours (two decimals), 0 when its times are missing or reversed. */
export function sessionHours(session: Pick<AttendanceSession, 'start' | 'end'>): number {
  const a = minutesOf(session.start);
  const b = minutesOf(session.end);
  if (a === null || b === null || b <= a) return 0;
  return round2((b - a) / 60);
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Sessions that count for a course, in date and time order. */
export function courseSessions<S extends AttendanceSession>(sessions: readonly S[], course: string): S[] {
  return sessions
    .filter((s) => s.course === course && s.status !== CANCELLED_SESSION)
    .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start) || a.id.localeCompare(b.id));
}

function rowKey(session: string, employeeId: string): string {
  return `${session}\u0000${employeeId}`;
}

/** Who an employee is on the register: what a person ticking from the paper sheet reads. */
export interface RegisterPerson {
  firstName: string;
  lastName: string;
  comune: string;
}

/** A register row as the add-on writes it: the attendance fields and the person's name and comune. */
export interface RegisterRow extends AttendanceRow, RegisterPerson {}

const UNKNOWN_PERSON: RegisterPerson = { firstName: '', lastName: '', comune: '' };

/** Surname, then name, as an Italian register is read (case and accents aside), then the ID. */
export function byRegisterOrder(
  a: RegisterPerson & { employeeId: string },
  b: RegisterPerson & { employeeId: string },
): number {
  const collate = (x: string, y: string): number => x.localeCompare(y, 'it', { sensitivity: 'base' });
  return (
    collate(a.lastName, b.lastName) || collate(a.firstName, b.firstName) || a.employeeId.localeCompare(b.employeeId)
  );
}

/**
 * The `Presenze` rows to add for a course: every session x confirmed enrollee pair not yet present, by
 * session (date order) and within it by surname, each with the enrollee's name and comune. Existing rows
 * are never touched, so a tick or an edited `Ore` survives any number of runs.
 */
export function missingAttendanceRows(
  course: string,
  sessions: readonly AttendanceSession[],
  enrollments: readonly AttendanceEnrollment[],
  existing: readonly Pick<AttendanceRow, 'session' | 'employeeId'>[],
  people: ReadonlyMap<string, RegisterPerson>,
): RegisterRow[] {
  const have = new Set(existing.map((r) => rowKey(r.session, r.employeeId)));
  const enrollees = new Map<string, AttendanceEnrollment>();
  for (const e of enrollments) {
    if (e.course === course && e.status === CONFIRMED && e.employeeId && !enrollees.has(e.employeeId))
      enrollees.set(e.employeeId, e);
  }
  const ordered = [...enrollees.values()]
    .map((e) => ({ ...(people.get(e.employeeId) ?? UNKNOWN_PERSON), employeeId: e.employeeId, email: e.email }))
    .sort(byRegisterOrder);
  const out: RegisterRow[] = [];
  for (const s of courseSessions(sessions, course)) {
    for (const e of ordered) {
      const key = rowKey(s.id, e.employeeId);
      if (have.has(key)) continue;
      have.add(key);
      out.push({
        session: s.id,
        course,
        employeeId: e.employeeId,
        lastName: e.lastName,
        firstName: e.firstName,
        comune: e.comune,
        email: e.email,
        present: false,
        hours: null,
      });
    }
  }
  return out;
}

/**
 * The register rows whose name or comune no longer match `Dipendenti` (a surname corrected, a move to
 * another comune), with the values to write: the register keeps in step with the registry.
 */
export function registerPersonUpdates<R extends Partial<RegisterPerson> & { employeeId: string }>(
  rows: ReadonlyArray<{ row: number; record: R }>,
  people: ReadonlyMap<string, RegisterPerson>,
): Array<{ row: number; patch: RegisterPerson }> {
  const out: Array<{ row: number; patch: RegisterPerson }> = [];
  for (const { row, record } of rows) {
    const person = people.get(record.employeeId);
    if (!person) continue;
    if (
      (record.firstName ?? '') !== person.firstName ||
      (record.lastName ?? '') !== person.lastName ||
      (record.comune ?? '') !== person.comune
    )
      out.push({ row, patch: { firstName: person.firstName, lastName: person.lastName, comune: person.comune } });
  }
  return out;
}

/**
 * The rows among `rows` just ticked with no hours written: they get their session's length, so staff see
 * in `Ore` what the row counts (and can lower it for partial attendance). Rows with hours are left alone.
 */
export function hoursToFill<R extends Pick<AttendanceRow, 'session' | 'present' | 'hours'>>(
  rows: ReadonlyArray<{ row: number; record: R }>,
  sessions: readonly AttendanceSession[],
): Array<{ row: number; hours: number }> {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const out: Array<{ row: number; hours: number }> = [];
  for (const { row, record } of rows) {
    if (!record.present || record.hours !== null) continue;
    const session = byId.get(record.session);
    const hours = session ? sessionHours(session) : 0;
    if (hours > 0) out.push({ row, hours });
  }
  return out;
}

/**
 * The register rows that count, each with its session: a row of a session `sessionOf` knows, naming an
 * employee, and only the first one per session and employee (a pasted duplicate must not count twice).
 */
export function countedRows<R extends Pick<AttendanceRow, 'session' | 'employeeId'>, S>(
  rows: readonly R[],
  sessionOf: (id: string) => S | undefined,
): Array<{ row: R; session: S }> {
  const seen = new Set<string>();
  const out: Array<{ row: R; session: S }> = [];
  for (const row of rows) {
    const session = sessionOf(row.session);
    if (session === undefined || !row.employeeId) continue;
    const key = rowKey(row.session, row.employeeId);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ row, session });
  }
  return out;
}

/** Hours a ticked row counts: its `Ore` when staff entered one, else the session's length. */
export function rowHours(
  row: Pick<AttendanceRow, 'present' | 'hours'>,
  session: Pick<AttendanceSession, 'start' | 'end'>,
): number {
  if (!row.present) return 0;
  if (row.hours !== null && Number.isFinite(row.hours) && row.hours >= 0) return row.hours;
  return sessionHours(session);
}

/**
 * Hours attended per employee for one course: the sum over the ticked rows of the course's sessions
 * that are not cancelled (one row per session and employee counts once).
 */
export function hoursByEmployee(
  course: string,
  sessions: readonly AttendanceSession[],
  rows: readonly AttendanceRow[],
): Map<string, number> {
  const byId = new Map(courseSessions(sessions, course).map((s) => [s.id, s]));
  const out = new Map<string, number>();
  for (const { row, session } of countedRows(rows, (id) => byId.get(id))) {
    out.set(row.employeeId, round2((out.get(row.employeeId) ?? 0) + rowHours(row, session)));
  }
  return out;
}
