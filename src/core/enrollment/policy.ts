/**
 * The enrollment policy: eligibility, capacity, per-comune caps, FIFO waitlist, cancellation and
 * promotion. Pure and deterministic: the same registry and the same requests always give the same rows.
 *
 * The waitlist is never trusted as stored: after every change a course is "settled" from its rows
 * (free seats go to the first waiting requests whose comune is under its cap, positions are renumbered
 * 1..n by request time), so a cancellation typed by staff in the sheet, a raised `Posti` or a half-done
 * earlier run all converge on the same state.
 */
import {
  LIVE_STATUSES,
  type ComuneInfo,
  type CourseInfo,
  type EmployeeInfo,
  type EnrollmentOrigin,
  type EnrollmentRecord,
  type EnrollmentStatus,
  type PolicySettings,
} from './types';
import { normalizeEmail, normalizeKey } from '../text';
import { IncompleteBookError, type CourseTally } from './tally';

export const OPEN_STATUS = 'Iscrizioni aperte';
/** Course statuses under which a freed seat still goes to the waitlist. */
const PROMOTABLE_STATUSES: ReadonlySet<string> = new Set([OPEN_STATUS, 'Iscrizioni chiuse']);

export function isLive(status: EnrollmentStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

/** FIFO order: request time, then id (ids grow with time, so ties keep the order of arrival). */
export function byRequestOrder(a: EnrollmentRecord, b: EnrollmentRecord): number {
  const dt = a.requestedAt.getTime() - b.requestedAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface PolicyInput {
  courses: readonly CourseInfo[];
  employees: readonly EmployeeInfo[];
  comuni: readonly ComuneInfo[];
  settings: PolicySettings;
}

/** The registry indexed the way the policy looks things up. */
export class PolicyContext {
  readonly settings: PolicySettings;
  private readonly courses = new Map<string, CourseInfo>();
  private readonly employeesByEmail = new Map<string, EmployeeInfo>();
  private readonly employeesById = new Map<string, EmployeeInfo>();
  private readonly comuni = new Map<string, ComuneInfo>();

  constructor(input: PolicyInput) {
    this.settings = input.settings;
    for (const c of input.courses)
      if (!this.courses.has(normalizeKey(c.code))) this.courses.set(normalizeKey(c.code), c);
    for (const e of input.employees) {
      const email = normalizeEmail(e.email);
      if (email && !this.employeesByEmail.has(email)) this.employeesByEmail.set(email, e);
      if (e.id && !this.employeesById.has(e.id)) this.employeesById.set(e.id, e);
    }
    for (const c of input.comuni) if (!this.comuni.has(normalizeKey(c.name))) this.comuni.set(normalizeKey(c.name), c);
  }

  course(code: string): CourseInfo | undefined {
    return this.courses.get(normalizeKey(code));
  }

  employeeByEmail(email: string): EmployeeInfo | undefined {
    return this.employeesByEmail.get(normalizeEmail(email));
  }

  employeeById(id: string): EmployeeInfo | undefined {
    return id ? this.employeesById.get(id) : undefined;
  }

  comune(name: string): ComuneInfo | undefined {
    return this.comuni.get(normalizeKey(name));
  }

  /** The comune an enrollment's seat counts against ('' when the employee is unknown: never capped). */
  comuneOf(enrollment: EnrollmentRecord): string {
    const employee = this.employeeById(enrollment.employeeId) ?? this.employeeByEmail(enrollment.email);
    return employee ? normalizeKey(employee.comune) : '';
  }
}

/**
 * Why an employee may not enroll in a course, in Italian (written to `Note`), or null when eligible.
 * The course is known and open; the employee is known.
 */
export function refusalReason(ctx: PolicyContext, course: CourseInfo, employee: EmployeeInfo): string | null {
  if (!employee.active) return 'Dipendente non attivo in anagrafica.';
  const audience = course.audience.map((r) => r.trim()).filter((r) => r !== '');
  if (audience.length > 0 && !audience.some((r) => normalizeKey(r) === normalizeKey(employee.role))) {
    return `Corso riservato a: ${audience.join(', ')} (ruolo in anagrafica: ${employee.role || 'non indicato'}).`;
  }
  if (ctx.settings.requireFeePaid) {
    const comune = ctx.comune(employee.comune);
    if (!comune) return `Il Comune di ${employee.comune || '(non indicato)'} non risulta tra i comuni aderenti.`;
    if (!comune.feePaid) return `La quota annuale del Comune di ${comune.name} non risulta pagata.`;
  }
  return null;
}

/**
 * Why a known employee's request for a course would be refused (course missing or not open, or
 * `refusalReason`), or null. Staff's hand enrollment shows it on screen instead of writing a row.
 */
export function requestRefusal(ctx: PolicyContext, code: string, employee: EmployeeInfo): string | null {
  const course = ctx.course(code);
  if (!course) return `Corso ${code} inesistente.`;
  if (course.status !== OPEN_STATUS) return notOpenReason(course);
  return refusalReason(ctx, course, employee);
}

function notOpenReason(course: CourseInfo): string {
  return `Iscrizioni non aperte (stato del corso: ${course.status || 'non indicato'}).`;
}

export type RequestResult =
  /** A new row: read its final status, position and notes from `enrollment` once the book is settled. */
  | { kind: 'new'; course: string; enrollment: EnrollmentRecord }
  | { kind: 'duplicate'; course: string; enrollment: EnrollmentRecord }
  | { kind: 'cancelled'; course: string; enrollment: EnrollmentRecord }
  /** A cancellation for a course the person holds no live enrollment in. */
  | { kind: 'notEnrolled'; course: string };

export interface EnrollmentRequest {
  email: string;
  courses: readonly string[];
  at: Date;
  origin: EnrollmentOrigin;
  responseId: string;
}

export type EnrollmentPatch = Partial<Pick<EnrollmentRecord, 'status' | 'waitPosition' | 'notes' | 'employeeId'>>;

export interface BookChanges {
  added: EnrollmentRecord[];
  updated: Array<{ id: string; patch: EnrollmentPatch }>;
  /** Existing waiting requests that got a seat during this run. */
  promoted: EnrollmentRecord[];
  /** Courses whose set of confirmed people changed (calendar attendees, form choices). */
  affectedCourses: string[];
}

function appendNote(notes: string, note: string): string {
  return notes.trim() === '' ? note : `${notes.trim()} — ${note}`;
}

/**
 * The working copy of the `Iscrizioni` rows during one run. Requests and cancellations mutate it; at the
 * end `changes()` says which rows to append and which fields to update.
 */
export class EnrollmentBook {
  private readonly rows: EnrollmentRecord[];
  private readonly original = new Map<string, EnrollmentRecord>();
  private readonly created: EnrollmentRecord[] = [];

  /**
   * `tallies`, when given, count the rows of `Iscrizioni` that were not loaded (see tally.ts): the book
   * then holds only some rows, and a decision that would move an unloaded row throws
   * `IncompleteBookError` instead of guessing.
   */
  constructor(
    readonly ctx: PolicyContext,
    enrollments: readonly EnrollmentRecord[],
    private readonly allocateId: () => string,
    private readonly tallies?: ReadonlyMap<string, CourseTally>,
  ) {
    this.rows = enrollments.map((e) => ({ ...e }));
    for (const e of this.rows) if (!this.original.has(e.id)) this.original.set(e.id, { ...e });
  }

  all(): readonly EnrollmentRecord[] {
    return this.rows;
  }

  byId(id: string): EnrollmentRecord | undefined {
    return this.rows.find((e) => e.id === id);
  }

  /** Whether a form response has already left a row (the dedupe of repeated triggers). */
  hasResponse(responseId: string): boolean {
    return responseId !== '' && this.rows.some((e) => e.responseId === responseId);
  }

  confirmedCount(courseCode: string): number {
    const unloaded = this.tallies?.get(courseCode)?.confirmed ?? 0;
    return unloaded + this.rows.filter((e) => e.course === courseCode && e.status === 'Confermata').length;
  }

  waitingCount(courseCode: string): number {
    const unloaded = this.tallies?.get(courseCode)?.waiting ?? 0;
    return unloaded + this.rows.filter((e) => e.course === courseCode && e.status === 'In attesa').length;
  }

  private liveFor(email: string, employeeId: string, courseCode: string): EnrollmentRecord[] {
    const mail = normalizeEmail(email);
    return this.rows.filter(
      (e) =>
        e.course === courseCode &&
        isLive(e.status) &&
        (normalizeEmail(e.email) === mail || (employeeId !== '' && e.employeeId === employeeId)),
    );
  }

  private canonicalCodes(codes: readonly string[]): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of codes) {
      const code = this.ctx.course(raw)?.code ?? raw.trim();
      if (code === '' || seen.has(normalizeKey(code))) continue;
      seen.add(normalizeKey(code));
      out.push(code);
    }
    return out;
  }

  /** One person's request for one or more courses (a form response or a manual enrollment). */
  request(req: EnrollmentRequest): RequestResult[] {
    const employee = this.ctx.employeeByEmail(req.email);
    const results: RequestResult[] = [];
    for (const code of this.canonicalCodes(req.courses)) {
      const existing = this.liveFor(req.email, employee?.id ?? '', code);
      if (existing.length > 0) {
        results.push({ kind: 'duplicate', course: code, enrollment: existing[0] });
        continue;
      }
      const enrollment: EnrollmentRecord = {
        id: this.allocateId(),
        requestedAt: req.at,
        course: code,
        email: employee ? normalizeEmail(employee.email) : normalizeEmail(req.email),
        employeeId: employee?.id ?? '',
        status: 'In attesa',
        waitPosition: null,
        origin: req.origin,
        responseId: req.responseId,
        notes: '',
      };
      this.decide(enrollment, employee);
      this.rows.push(enrollment);
      this.created.push(enrollment);
      if (enrollment.status === 'In attesa') this.settle(code);
      results.push({ kind: 'new', course: code, enrollment });
    }
    return results;
  }

  /** Sets the initial status of a new request; an eligible one starts as a waiting candidate. */
  private decide(enrollment: EnrollmentRecord, employee: EmployeeInfo | undefined): void {
    const course = this.ctx.course(enrollment.course);
    if (!course) {
      enrollment.status = 'Respinta';
      enrollment.notes = `Corso ${enrollment.course} inesistente.`;
      return;
    }
    if (course.status !== OPEN_STATUS) {
      enrollment.status = 'Respinta';
      enrollment.notes = notOpenReason(course);
      return;
    }
    if (!employee) {
      enrollment.status = 'Da verificare';
      enrollment.notes = 'Email non presente in Dipendenti: da verificare a cura dello staff.';
      return;
    }
    const reason = refusalReason(this.ctx, course, employee);
    if (reason) {
      enrollment.status = 'Respinta';
      enrollment.notes = reason;
      return;
    }
    if (this.ctx.settings.referentApproval) {
      enrollment.status = 'In approvazione';
      enrollment.notes = 'In attesa di approvazione del referente del comune.';
      return;
    }
    enrollment.status = 'In attesa';
  }

  /** Cancels a person's live enrollments in the given courses (the form's `Annullamento`). */
  cancelFor(email: string, courses: readonly string[], note: string): RequestResult[] {
    const employee = this.ctx.employeeByEmail(email);
    const results: RequestResult[] = [];
    for (const code of this.canonicalCodes(courses)) {
      const live = this.liveFor(email, employee?.id ?? '', code);
      if (live.length === 0) {
        results.push({ kind: 'notEnrolled', course: code });
        continue;
      }
      for (const e of live) {
        this.markCancelled(e, note);
        results.push({ kind: 'cancelled', course: code, enrollment: e });
      }
      this.settle(code);
    }
    return results;
  }

  /** Cancels one enrollment by id (staff); null when there is no such live enrollment. */
  cancelById(id: string, note: string): EnrollmentRecord | null {
    const e = this.byId(id);
    if (!e || !isLive(e.status)) return null;
    this.markCancelled(e, note);
    this.settle(e.course);
    return e;
  }

  /**
   * Staff's explicit decision to confirm a waiting request past `Posti` (or past the per-comune cap):
   * the seat is given, the note says why, and the waitlist is renumbered.
   */
  confirmOverCapacity(e: EnrollmentRecord, note: string): void {
    e.status = 'Confermata';
    e.waitPosition = null;
    e.notes = appendNote(e.notes, note);
    this.settle(e.course);
  }

  private markCancelled(e: EnrollmentRecord, note: string): void {
    e.status = 'Annullata';
    e.waitPosition = null;
    e.notes = appendNote(e.notes, note);
  }

  /**
   * Brings one course to its canonical state: free seats to the first waiting requests (FIFO) whose
   * comune is under `Posti massimi per comune`, then positions 1..n by request time. Confirmed seats are
   * never taken back, even when `Posti` was lowered.
   */
  settle(courseCode: string): void {
    if (this.tallies) {
      this.settleTallied(courseCode, this.tallies.get(courseCode) ?? { confirmed: 0, waiting: 0, lastWaitingAt: 0 });
      return;
    }
    const rows = this.rows.filter((e) => e.course === courseCode);
    const course = this.ctx.course(courseCode);
    const waiting = rows.filter((e) => e.status === 'In attesa').sort(byRequestOrder);
    if (course && PROMOTABLE_STATUSES.has(course.status)) {
      const cap = this.ctx.settings.maxSeatsPerComune;
      const perComune = new Map<string, number>();
      let confirmed = 0;
      for (const e of rows) {
        if (e.status !== 'Confermata') continue;
        confirmed += 1;
        const comune = this.ctx.comuneOf(e);
        perComune.set(comune, (perComune.get(comune) ?? 0) + 1);
      }
      for (const e of waiting) {
        if (confirmed >= course.seats) break;
        const comune = this.ctx.comuneOf(e);
        const used = perComune.get(comune) ?? 0;
        if (cap !== null && comune !== '' && used >= cap) continue;
        e.status = 'Confermata';
        confirmed += 1;
        perComune.set(comune, used + 1);
      }
    }
    let position = 0;
    for (const e of waiting) {
      if (e.status === 'In attesa') {
        position += 1;
        e.waitPosition = position;
      }
    }
    for (const e of rows) if (e.status !== 'In attesa' && e.waitPosition !== null) e.waitPosition = null;
  }

  /**
   * `settle` on a book that holds some rows: the loaded rows were settled when read, so only this run's
   * requests are placed, and only where no unloaded row moves (a freed seat, a request earlier than a
   * waiting one, a waiting request leaving the list, the per-comune cap all need the whole course).
   */
  private settleTallied(courseCode: string, tally: CourseTally): void {
    const created = new Set(this.created);
    const course = this.ctx.course(courseCode);
    const rows = this.rows.filter((e) => e.course === courseCode);
    let confirmed = tally.confirmed;
    let waitingAhead = tally.waiting;
    for (const e of rows) {
      if (created.has(e)) continue;
      if (this.original.get(e.id)?.status === 'In attesa') {
        if (e.status !== 'In attesa') throw new IncompleteBookError(courseCode);
        waitingAhead += 1;
      }
      if (e.status === 'Confermata') confirmed += 1;
    }
    const promotable = course !== undefined && PROMOTABLE_STATUSES.has(course.status);
    const seats = course?.seats ?? 0;
    if (promotable && confirmed < seats && waitingAhead > 0) throw new IncompleteBookError(courseCode);
    const fresh = rows.filter((e) => created.has(e) && e.status === 'In attesa').sort(byRequestOrder);
    if (fresh.length > 0 && this.ctx.settings.maxSeatsPerComune !== null) throw new IncompleteBookError(courseCode);
    let position = waitingAhead;
    for (const e of fresh) {
      if (e.requestedAt.getTime() < tally.lastWaitingAt) throw new IncompleteBookError(courseCode);
      if (promotable && position === 0 && confirmed < seats) {
        e.status = 'Confermata';
        e.waitPosition = null;
        confirmed += 1;
        continue;
      }
      position += 1;
      e.waitPosition = position;
    }
  }

  /** Settles every course that has rows (the robust catch-up after edits made outside the add-on). */
  settleAll(): void {
    const codes = new Set(this.rows.map((e) => e.course));
    for (const code of [...codes].sort()) this.settle(code);
  }

  changes(): BookChanges {
    const createdIds = new Set(this.created.map((e) => e.id));
    const updated: BookChanges['updated'] = [];
    const promoted: EnrollmentRecord[] = [];
    const affected = new Set<string>();
    for (const e of this.created) if (e.status === 'Confermata') affected.add(e.course);
    for (const e of this.rows) {
      if (createdIds.has(e.id)) continue;
      const before = this.original.get(e.id);
      if (!before) continue;
      const patch: EnrollmentPatch = {};
      if (before.status !== e.status) patch.status = e.status;
      if (before.waitPosition !== e.waitPosition) patch.waitPosition = e.waitPosition;
      if (before.notes !== e.notes) patch.notes = e.notes;
      if (before.employeeId !== e.employeeId) patch.employeeId = e.employeeId;
      if (Object.keys(patch).length === 0) continue;
      updated.push({ id: e.id, patch });
      if (before.status === 'In attesa' && e.status === 'Confermata') promoted.push(e);
      if ((before.status === 'Confermata') !== (e.status === 'Confermata')) affected.add(e.course);
    }
    return { added: [...this.created], updated, promoted, affectedCourses: [...affected].sort() };
  }
}
