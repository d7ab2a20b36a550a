/**
 * Attendance from Meet (docs/product.md, "Attendance from Meet"): who of a session's enrollees joined its
 * Meet call and for how long, and which `Presenze` cells the import may write. Hours are the union of a
 * person's join/leave intervals clipped to the session's scheduled time, rounded down to the quarter hour;
 * `Presente` is ticked from a quarter of an hour. A cell is the import's only while it still holds what the
 * import last wrote there (the ledger): anything else is staff's (a tick from the room, an hour corrected
 * by hand) and is never overwritten.
 */
import { resolveRomeWallClock } from '../calendar/time';
import type { Course, Session } from '../registry/schemas';
import { normalizeEmail, normalizeKey } from '../text';
import { DAY_MS } from '../time/units';

export const QUARTER_HOUR_MINUTES = 15;
/** Meet deletes a conference record 30 days after the call ended (catalogue: REST-MEET-RECORDS). */
export const RECORDS_KEPT_DAYS = 30;
const MEET_MODES: ReadonlySet<string> = new Set(['Online', 'Mista']);

export interface EndedMeetSession {
  session: Session;
  course: Course;
  /** The scheduled start and end, in ms. */
  window: readonly [number, number];
}

/**
 * The sessions whose Meet call can be read at `nowMs`: not cancelled, of an online or mixed course, ended;
 * for every course at once only those ended within the days Meet keeps the records (a named course gets
 * all its sessions, so staff see the old ones listed). In order of start.
 */
export function endedMeetSessions(
  sessions: readonly Session[],
  courses: readonly Course[],
  courseCode: string,
  nowMs: number,
): EndedMeetSession[] {
  const byCode = new Map(courses.map((c) => [c.code, c]));
  const out: EndedMeetSession[] = [];
  for (const s of sessions) {
    const course = byCode.get(s.course);
    if (!course || !MEET_MODES.has(course.mode) || s.status === 'Annullata') continue;
    if (courseCode && s.course !== courseCode) continue;
    const window = [
      resolveRomeWallClock(s.date, s.start).instantMs,
      resolveRomeWallClock(s.date, s.end).instantMs,
    ] as const;
    if (window[1] > nowMs) continue;
    if (!courseCode && nowMs - window[1] > RECORDS_KEPT_DAYS * DAY_MS) continue;
    out.push({ session: s, course, window });
  }
  return out.sort((a, b) => a.window[0] - b.window[0]);
}

/** One participant of the session's conference records, as Meet lists it. */
export interface MeetParticipant {
  /** `users/{id}` of a signed-in account; '' for an anonymous or phone participant. */
  user: string;
  /** The account's e-mail when the directory gave it, else ''. */
  email: string;
  displayName: string;
  /** Join/leave instants in ms; an open session ends when the import runs. */
  intervals: ReadonlyArray<readonly [number, number]>;
}

export interface MeetEnrollee {
  employeeId: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** A register cell pair: `Presente` and `Ore`. */
export interface MarkValue {
  present: boolean;
  hours: number | null;
}

export interface MeetSessionInput {
  /** The scheduled start and end, in ms. */
  window: readonly [number, number];
  participants: readonly MeetParticipant[];
  enrollees: readonly MeetEnrollee[];
  /** Display names staff confirmed for this course: normalized name → employee ID. */
  confirmed: Readonly<Record<string, string>>;
  /** The register rows of this session by employee ID. */
  rows: ReadonlyMap<string, MarkValue>;
  /** What the import last wrote for this session, by employee ID. */
  ledger: Readonly<Record<string, MarkValue>>;
}

export interface MeetSessionPlan {
  writes: Array<{ employeeId: string; value: MarkValue }>;
  /** The ledger after this run (every enrollee the import decided for). */
  ledger: Record<string, MarkValue>;
  /** Cells staff changed, left as they are, with what Meet would have given. */
  kept: Array<{ employeeId: string; current: MarkValue; meet: MarkValue }>;
  /** Participants matched to nobody (or to several people). */
  unmatched: Array<{ name: string; email: string; hours: number }>;
  /** Display-name matches waiting for staff's confirmation (not written until then). */
  toConfirm: Array<{ name: string; key: string; employeeId: string; hours: number }>;
  /** Enrollees who never joined the call and whose row is not ticked by hand. */
  absent: string[];
}

/** Minutes covered by the union of the intervals inside the window. */
export function attendedMinutes(
  intervals: ReadonlyArray<readonly [number, number]>,
  window: readonly [number, number],
): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, window[0]), Math.min(b, window[1])] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let open: [number, number] | null = null;
  for (const [a, b] of clipped) {
    if (open && a <= open[1]) open[1] = Math.max(open[1], b);
    else {
      if (open) total += open[1] - open[0];
      open = [a, b];
    }
  }
  if (open) total += open[1] - open[0];
  return total / 60_000;
}

/** What the register gets for minutes attended: hours rounded down to the quarter hour, ticked from 0.25 h. */
export function markFor(minutes: number): MarkValue {
  const quarters = Math.floor(minutes / QUARTER_HOUR_MINUTES + 1e-9);
  if (quarters < 1) return { present: false, hours: null };
  return { present: true, hours: (quarters * QUARTER_HOUR_MINUTES) / 60 };
}

/** How a display name is compared: case, accents, punctuation and word order do not matter. */
export function nameKey(name: string): string {
  return normalizeKey(name)
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}

const NOT_MARKED: MarkValue = { present: false, hours: null };

function same(a: MarkValue, b: MarkValue): boolean {
  return a.present === b.present && (a.hours ?? null) === (b.hours ?? null);
}

function isBlank(v: MarkValue): boolean {
  return !v.present && v.hours === null;
}

/** Groups participants into people: a signed-in account by its id, anyone else by display name. */
function people(participants: readonly MeetParticipant[]): MeetParticipant[] {
  const byKey = new Map<string, MeetParticipant>();
  for (const p of participants) {
    const key = p.user || `name:${nameKey(p.displayName)}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen ? { ...seen, email: seen.email || p.email, intervals: [...seen.intervals, ...p.intervals] } : p,
    );
  }
  return [...byKey.values()];
}

/** The import's decisions for one session: what to write, what to keep, whom to list for staff. */
export function planMeetSession(input: MeetSessionInput): MeetSessionPlan {
  const enrolleeByEmail = new Map(input.enrollees.map((e) => [normalizeEmail(e.email), e]));
  const enrolleeIds = new Set(input.enrollees.map((e) => e.employeeId));
  const byName = new Map<string, MeetEnrollee[]>();
  for (const e of input.enrollees) {
    const key = nameKey(`${e.firstName} ${e.lastName}`);
    byName.set(key, [...(byName.get(key) ?? []), e]);
  }
  const intervalsOf = new Map<string, Array<readonly [number, number]>>();
  const unmatched: MeetSessionPlan['unmatched'] = [];
  const toConfirm: MeetSessionPlan['toConfirm'] = [];
  for (const p of people(input.participants)) {
    const hours = markFor(attendedMinutes(p.intervals, input.window)).hours ?? 0;
    const key = nameKey(p.displayName);
    const byEmail = p.email ? enrolleeByEmail.get(normalizeEmail(p.email)) : undefined;
    const confirmed = input.confirmed[key];
    const employeeId =
      byEmail?.employeeId ?? (confirmed !== undefined && enrolleeIds.has(confirmed) ? confirmed : undefined);
    if (employeeId !== undefined) {
      intervalsOf.set(employeeId, [...(intervalsOf.get(employeeId) ?? []), ...p.intervals]);
      continue;
    }
    const candidates = byName.get(key) ?? [];
    const candidate = candidates.length === 1 ? candidates[0] : undefined;
    if (candidate) toConfirm.push({ name: p.displayName, key, employeeId: candidate.employeeId, hours });
    else unmatched.push({ name: p.displayName, email: p.email, hours });
  }
  const writes: MeetSessionPlan['writes'] = [];
  const kept: MeetSessionPlan['kept'] = [];
  const absent: string[] = [];
  const ledger: Record<string, MarkValue> = {};
  const pending = new Set(toConfirm.map((c) => c.employeeId));
  for (const e of input.enrollees) {
    const current = input.rows.get(e.employeeId);
    if (current === undefined) continue;
    const joined = intervalsOf.get(e.employeeId);
    const meet = joined ? markFor(attendedMinutes(joined, input.window)) : NOT_MARKED;
    const last = input.ledger[e.employeeId];
    const staffs = last ? !same(current, last) : !isBlank(current);
    if (staffs) {
      if (last) ledger[e.employeeId] = last;
      if (!same(current, meet)) kept.push({ employeeId: e.employeeId, current, meet });
      continue;
    }
    ledger[e.employeeId] = meet;
    if (!same(current, meet)) writes.push({ employeeId: e.employeeId, value: meet });
    if (!joined && !pending.has(e.employeeId)) absent.push(e.employeeId);
  }
  return { writes, ledger, kept, unmatched, toConfirm, absent };
}
