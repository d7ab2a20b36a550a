/**
 * What an enrollment run reads and writes: the registry tabs it needs (each read once), the working
 * book, and the batched write of the book's changes back to `Iscrizioni`.
 */
import { applyBlock, encodeRow, type Cell } from '../../core/registry/codec';
import type { Comune, Course, Employee, Enrollment, Session, Settings } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { neutralizeText, normalizeKey } from '../../core/text';
import { EnrollmentBook, PolicyContext, type BookChanges, type EnrollmentPatch } from '../../core/enrollment/policy';
import { readSettings } from '../registry/settings';
import { assignMissingIds, nextId } from '../registry/ids';
import { appendRecords, readTable, updateRecords, writeBlock, type Table } from '../registry/table';

export interface EnrollmentData {
  settings: Settings;
  /** Read only when needed (fee rule, referent approval, the form's list): else empty. */
  comuni: Comune[];
  employees: Table<Employee>;
  courses: Table<Course>;
  sessions: Table<Session>;
  enrollments: Table<Enrollment>;
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
  // Comuni matter to a submission only for the fee rule and the referent: otherwise one read saved.
  const needComuni = options.comuni === true || settings.requireFeePaid || settings.referentApproval;
  return {
    settings,
    comuni: needComuni ? readTable(TAB.comuni).rows.map((r) => r.record) : [],
    employees,
    courses: readTable(TAB.corsi),
    sessions: readTable(TAB.sessioni),
    enrollments,
  };
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
  return new EnrollmentBook(
    policyContext(data),
    data.enrollments.rows.map((r) => r.record),
    () => nextId(data.enrollments, 'I'),
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
  if (updates.length > 0 && changes.added.length > 0 && writeCombined(table, updates, changes.added)) return;
  if (updates.length > 0) updateRecords(table, contiguousPatches(table, updates));
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
