/**
 * What an enrollment run reads and writes: the registry tabs it needs (each read once), the working
 * book, and the batched write of the book's changes back to `Iscrizioni`.
 */
import { applyBlock, encodeRow, type Cell } from '../../core/registry/codec';
import type { Comune, Course, Employee, Enrollment, Session, Settings } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { neutralizeText, normalizeKey } from '../../core/text';
import { EnrollmentBook, PolicyContext, type BookChanges, type EnrollmentPatch } from '../../core/enrollment/policy';
import {
  IncompleteBookError,
  mergeTallies,
  parseIndex,
  tallyAll,
  unloadedTallies,
  type CourseTally,
  type EnrollmentIndex,
  type SliceLayout,
} from '../../core/enrollment/tally';
import { ACTION_CANCEL, readAnswers } from '../../core/enrollment/form';
import { highestSequence } from '../../core/registry/ids';
import { employeeRowRuns, parseEmployeeRowRuns } from '../../core/enrollment/employee-rows';
import { DAY_MS } from '../../core/time/units';
import { adoptSettingsTable, readSettings } from '../registry/settings';
import { withRememberedTimeZone } from '../registry/workbook';
import { headerWidth, readSliceTables } from './slice-reads';
import { readProperty, writeProperties } from '../platform/properties';
import { assignMissingIds, nextId } from '../registry/ids';
import { appendRecords, readTable, updateRecords, writeBlock, type Table } from '../registry/table';
import { markRowsChanged } from '../figures/marks';

export interface EnrollmentData {
  settings: Settings;
  /** Read only when needed (fee rule, referent approval, the form's list): else empty. */
  comuni: Comune[];
  employees: Table<Employee>;
  courses: Table<Course>;
  sessions: Table<Session>;
  enrollments: Table<Enrollment>;
  /**
   * Set when `employees` and `enrollments` hold only the rows of the people a run is about (see
   * `loadEnrollmentSlice`): the tallies count the rows left unread.
   */
  slice?: { index: EnrollmentIndex; tallies: ReadonlyMap<string, CourseTally> };
}

/**
 * Reads the tabs an enrollment needs, one Spreadsheet read each. Employees and enrollments are read
 * through `assignMissingIds`, so a row typed without an ID gets one (a write only when one is missing).
 */
export function loadEnrollmentData(options: { comuni?: boolean } = {}): EnrollmentData {
  const settings = readSettings();
  const withIds = assignMissingIds([TAB.dipendenti, TAB.iscrizioni]);
  const employees = withIds.Dipendenti ?? readTable(TAB.dipendenti);
  const enrollments = withIds.Iscrizioni ?? readTable(TAB.iscrizioni);
  return withCourseTabs(settings, employees, enrollments, options.comuni === true);
}

/**
 * The enrollment data around the people's rows a run has read: the courses and sessions, and the
 * comuni, which matter to a submission only for the fee rule and the referent (otherwise one read saved).
 */
function withCourseTabs(
  settings: Settings,
  employees: Table<Employee>,
  enrollments: Table<Enrollment>,
  comuniWanted: boolean,
): EnrollmentData {
  const needComuni = comuniWanted || settings.requireFeePaid || settings.referentApproval;
  return {
    settings,
    comuni: needComuni ? readTable(TAB.comuni).rows.map((r) => r.record) : [],
    employees,
    courses: readTable(TAB.corsi),
    sessions: readTable(TAB.sessioni),
    enrollments,
  };
}

/** Script Property holding the per-course tally of `Iscrizioni` (core/enrollment/tally.ts). */
export const PROP_ENROLLMENT_INDEX = 'a4pa.enrollment.index';
/** Below this many rows reading the whole tab costs under a second: every run reads it all. */
export const SLICE_FROM_ROWS = 2000;
/** Script Property holding which employee ID each `Dipendenti` row holds (core/enrollment/employee-rows.ts). */
export const PROP_EMPLOYEE_ROWS = 'a4pa.enrollment.employeeRows';
/** Properties take 9 KB a value: a tally past this size is not kept (every run then reads the tab). */
const INDEX_MAX_CHARS = 8500;

/** What one response asks, as far as choosing the rows to read goes. */
export interface SliceRequest {
  responseId: string;
  email: string;
  answers: Record<string, string | string[]>;
  at: Date;
}

/**
 * The tabs a run on these responses needs, with `Dipendenti` and `Iscrizioni` cut down to the rows of
 * the people who sent them (found with a TextFinder on the key columns, the rest read through the Sheets
 * API: `slice-reads.ts`), when the tally of `Iscrizioni` can be trusted and is enough to decide every
 * request (tried first on a scratch book). Null otherwise: the caller reads the whole tabs.
 */
export function loadEnrollmentSlice(
  requests: readonly SliceRequest[],
  /** The submit event's time cell, read with the rest (its time comes back as `eventTimeMs`). */
  eventCell?: { tab: string; row: number },
): (EnrollmentData & { eventTimeMs?: number }) | null {
  const index = parseIndex(readProperty(PROP_ENROLLMENT_INDEX));
  const layout = index?.layout;
  if (!index || !layout || index.lastRow < SLICE_FROM_ROWS || requests.length === 0) return null;
  const asked = requests.map((r) => readAnswers(r.email, r.answers));
  const emails = asked.map((a) => a.email).filter((e) => e !== '');
  return withRememberedTimeZone(() => {
    const employeeRows = parseEmployeeRowRuns(readProperty(PROP_EMPLOYEE_ROWS));
    const read = readSliceTables(layout, index.lastRow, emails, eventCell, employeeRows);
    if (!read) return null;
    const settings = adoptSettingsTable(read.settings);
    if (settings.maxSeatsPerComune !== null) return null;
    const { employees, enrollments } = read;
    // A person without an ID gets one from a full run first, as every run would give it.
    if (employees.problems.length > 0 || employees.rows.some((r) => r.record.id === '')) return null;
    if (enrollments.problems.length > 0 || enrollments.rows.some((r) => r.record.id === '')) return null;
    const tallies = unloadedTallies(
      index,
      enrollments.rows.map((r) => r.record),
    );
    if (!tallies) return null;
    const needComuni = settings.requireFeePaid || settings.referentApproval;
    const data: EnrollmentData = {
      settings,
      comuni: needComuni ? readTable(TAB.comuni).rows.map((r) => r.record) : [],
      employees,
      courses: read.courses,
      sessions: read.sessions,
      enrollments,
      slice: { index, tallies },
    };
    return sliceDecides(data, requests, asked) ? { ...data, eventTimeMs: read.eventTimeMs } : null;
  });
}

/** Whether the sliced rows decide every request: tried on a scratch book that issues no ID. */
function sliceDecides(
  data: EnrollmentData,
  requests: readonly SliceRequest[],
  asked: ReadonlyArray<ReturnType<typeof readAnswers>>,
): boolean {
  const slice = data.slice;
  if (!slice) return false;
  let n = 0;
  const scratch = new EnrollmentBook(
    policyContext(data),
    data.enrollments.rows.map((r) => r.record),
    () => `scratch-${(n += 1)}`,
    slice.tallies,
  );
  try {
    requests.forEach((r, i) => {
      const a = asked[i];
      if (!a || !a.email || a.courses.length === 0 || scratch.hasResponse(r.responseId)) return;
      if (a.action === ACTION_CANCEL) scratch.cancelFor(a.email, a.courses, '');
      else
        scratch.request({ email: a.email, courses: a.courses, at: r.at, origin: 'Modulo', responseId: r.responseId });
    });
    scratch.settleAll();
    return true;
  } catch (error) {
    if (error instanceof IncompleteBookError) return false;
    throw error;
  }
}

/**
 * Writes the tally of `Iscrizioni` as the run left it (only when it changed): from every row after a
 * full read, from the slice's tallies and its rows otherwise. Called once a run's writes are done.
 */
export function rememberEnrollmentIndex(data: EnrollmentData): void {
  const table = data.enrollments;
  // A small tab is read whole by every run: no tally to keep (a stale one is refused by its last row).
  if (table.lastRow < SLICE_FROM_ROWS) return;
  const records = table.rows.map((r) => r.record);
  const slice = data.slice;
  if (!slice) rememberEmployeeRows(data.employees);
  const maxSequence = Math.max(
    slice?.index.maxSequence ?? 0,
    highestSequence(
      'I',
      records.map((e) => e.id),
    ),
  );
  const counted = slice
    ? mergeTallies(slice.tallies, records, table.lastRow, maxSequence, slice.index.builtAt)
    : tallyAll(records, table.lastRow, maxSequence, Date.now());
  const layout = sliceLayout(data);
  const next: EnrollmentIndex = layout ? { ...counted, layout } : counted;
  const text = JSON.stringify(next);
  const before = readProperty(PROP_ENROLLMENT_INDEX);
  if (text.length > INDEX_MAX_CHARS) {
    if (before !== null && before !== '') writeProperties({ [PROP_ENROLLMENT_INDEX]: '' });
    return;
  }
  if (slice === undefined && before !== null) {
    const old = parseIndex(before);
    // A full read that finds the tally as it was rewrites nothing (its time stamp is a day's grace).
    if (old && sameCounts(old, next) && next.builtAt - old.builtAt < INDEX_REBUILD_MS) return;
  }
  if (text !== before) writeProperties({ [PROP_ENROLLMENT_INDEX]: text });
}

/** Where the keys sit in the headers this run read (both tabs' headers are read by every run). */
function sliceLayout(data: EnrollmentData): SliceLayout | null {
  const employee = data.employees.columns as Record<string, number | undefined>;
  const enrollment = data.enrollments.columns as Record<string, number | undefined>;
  const keys = [enrollment.email, enrollment.employeeId];
  if (employee.email === undefined || employee.id === undefined || keys.some((k) => k === undefined)) return null;
  const numbers = keys as number[];
  return {
    employeeEmail: employee.email,
    employeeId: employee.id,
    enrollmentKeys: [Math.min(...numbers), Math.max(...numbers)],
    enrollmentWidth: headerWidth(data.enrollments.header),
  };
}

/** A tally older than this is rebuilt by the reconciliation even when nothing seems to have changed. */
export const INDEX_REBUILD_MS = DAY_MS;

function sameCounts(a: EnrollmentIndex, b: EnrollmentIndex): boolean {
  return (
    JSON.stringify(a.layout) === JSON.stringify(b.layout) &&
    a.lastRow === b.lastRow &&
    a.maxSequence === b.maxSequence &&
    JSON.stringify(a.courses) === JSON.stringify(b.courses)
  );
}

export function policyContext(data: EnrollmentData): PolicyContext {
  return new PolicyContext({
    courses: data.courses.rows.map((r) => r.record),
    employees: data.employees.rows.map((r) => r.record),
    comuni: data.comuni.map((c) => ({ name: c.name, feePaid: c.feePaid, referentEmail: c.referentEmail })),
    settings: {
      requireFeePaid: data.settings.requireFeePaid,
      referentApproval: data.settings.referentApproval,
      maxSeatsPerComune: data.settings.maxSeatsPerComune,
    },
  });
}

export function openBook(data: EnrollmentData): EnrollmentBook {
  const slice = data.slice;
  if (!slice) {
    return new EnrollmentBook(
      policyContext(data),
      data.enrollments.rows.map((r) => r.record),
      () => nextId(data.enrollments, 'I'),
    );
  }
  return new EnrollmentBook(
    policyContext(data),
    data.enrollments.rows.map((r) => r.record),
    () => nextId(data.enrollments, 'I', slice.index.maxSequence),
    slice.tallies,
  );
}

/** A setting the registry API does not type (`settings.extra`), found by key ignoring case and accents. */
export function extraSetting(settings: Settings, key: string): string {
  const wanted = normalizeKey(key);
  for (const [k, v] of Object.entries(settings.extra)) if (normalizeKey(k) === wanted) return v.trim();
  return '';
}

export function isYes(value: string): boolean {
  return ['si', 'sì', 'true', 'vero', 'x', '1', 'yes'].includes(normalizeKey(value));
}

/**
 * Turns scattered row patches into one contiguous run of rows, so the update is a single
 * `getRange` + `setValues` whatever the rows (a cancellation renumbers waiting rows all over the tab):
 * rows in between get their own current values for the same columns.
 */
export function contiguousPatches(
  table: Table<Enrollment>,
  changes: ReadonlyArray<{ row: number; patch: EnrollmentPatch }>,
): Array<{ row: number; patch: Partial<Enrollment> }> {
  if (changes.length <= 1) return changes.map((c) => ({ row: c.row, patch: c.patch }));
  const fields = new Set<keyof EnrollmentPatch>();
  for (const c of changes) for (const f of Object.keys(c.patch) as Array<keyof EnrollmentPatch>) fields.add(f);
  const byRow = new Map(changes.map((c) => [c.row, c.patch]));
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const first = rows[0] as number;
  const last = rows[rows.length - 1] as number;
  const columns = table.columns as Record<string, number | undefined>;
  const out: Array<{ row: number; patch: Partial<Enrollment> }> = [];
  for (let row = first; row <= last; row += 1) {
    const current = table.values[row - 1] ?? [];
    const patch: Record<string, Cell | number | null> = {};
    for (const f of fields) {
      const at = columns[f];
      if (at !== undefined) patch[f] = current[at - 1] ?? '';
    }
    Object.assign(patch, byRow.get(row) ?? {});
    out.push({ row, patch: patch as Partial<Enrollment> });
  }
  return out;
}

/** Rows between the first update and the appended rows beyond which one combined block is not worth it. */
const COMBINED_BLOCK_MAX_ROWS = 2000;

/**
 * Writes the book's changes: new rows in one appended block, updates in one contiguous block; when a
 * run has both and they are close, one block from the first updated row to the last new row (one
 * `getRange` + `setValues` instead of two).
 */
export function commitChanges(data: EnrollmentData, changes: BookChanges): void {
  const table = data.enrollments;
  const rowById = new Map(table.rows.map((r) => [r.record.id, r.row]));
  const updates = changes.updated
    .map((u) => ({ row: rowById.get(u.id), patch: u.patch }))
    .filter((u): u is { row: number; patch: EnrollmentPatch } => u.row !== undefined);
  // A slice holds only some rows: its updates are written as they are, never spread over unread rows.
  const partial = data.slice !== undefined;
  if (!partial && updates.length > 0 && changes.added.length > 0 && writeCombined(table, updates, changes.added))
    return;
  if (updates.length > 0) updateRecords(table, partial ? updates : contiguousPatches(table, updates));
  if (changes.added.length > 0) appendRecords(table, changes.added);
}

function writeCombined(
  table: Table<Enrollment>,
  updates: ReadonlyArray<{ row: number; patch: EnrollmentPatch }>,
  added: readonly Enrollment[],
): boolean {
  const columns = table.columns as Record<string, number>;
  const owned = Object.values(columns);
  const c0 = Math.min(...owned);
  const c1 = Math.max(...owned);
  // Staff's own column inside our span: never rewritten, so fall back to separate writes.
  if (c1 - c0 + 1 !== new Set(owned).size) return false;
  const start = Math.min(...updates.map((u) => u.row));
  const appendAt = Math.max(table.lastRow, 1) + 1;
  if (appendAt - start > COMBINED_BLOCK_MAX_ROWS) return false;
  const patches = new Map(updates.map((u) => [u.row, u.patch]));
  const lines: Cell[][] = [];
  for (let row = start; row < appendAt; row += 1) {
    const current = table.values[row - 1] ?? [];
    // Cells rewritten with what they hold; text neutralised again so it stays text.
    const base: Cell[] = Array.from({ length: c1 }, (_, i) => {
      const v = current[i] ?? '';
      return typeof v === 'string' ? neutralizeText(v) : v;
    });
    const patch = patches.get(row);
    lines.push((patch ? encodeRow(table.columns, patch as Partial<Enrollment>, base) : base).slice(c0 - 1, c1));
  }
  const blank: Cell[] = new Array<Cell>(c1).fill('');
  for (const record of added) lines.push(encodeRow(table.columns, record, blank).slice(c0 - 1, c1));
  markRowsChanged(table.tab, [...patches.keys()]);
  writeBlock(table.sheet, start, c0, lines);
  applyBlock(table.values, { row: start, column: c0, values: lines });
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  for (const u of updates) {
    const entry = byRow.get(u.row);
    if (entry) Object.assign(entry.record, u.patch);
  }
  added.forEach((record, i) => table.rows.push({ row: appendAt + i, record }));
  table.lastRow = appendAt + added.length - 1;
  return true;
}

/**
 * Writes the map from `Dipendenti` row to ID after a run that read the tab whole (only when it changed); a
 * map past the bound (a sorted tab, IDs typed by hand) is emptied, and submissions read their rows again.
 */
function rememberEmployeeRows(employees: Table<Employee>): void {
  const runs = employeeRowRuns(employees.rows.map((r) => ({ row: r.row, id: r.record.id })));
  const text = JSON.stringify(runs);
  const next = text.length > INDEX_MAX_CHARS ? '' : text;
  if (next !== (readProperty(PROP_EMPLOYEE_ROWS) ?? '')) writeProperties({ [PROP_EMPLOYEE_ROWS]: next });
}
