/**
 * Reading and writing registry tabs: one batched read per tab, contiguous batched writes, columns by
 * header text, staff's own columns never touched.
 */
import {
  applyBlock,
  decodeTable,
  encodeRow,
  planUpdates,
  type Cell,
  type DecodedTable,
  type RecordByTab,
  type RegistryTab,
} from '../../core/registry/codec';
import {
  formatSequenceId,
  planSequenceIds,
  planSessionIds,
  sessionId,
  sessionNumber,
  highestSequence,
  type IdAssignment,
  type IdRow,
  type SequencePrefix,
} from '../../core/registry/ids';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { normalizeKey } from '../../core/text';
import { withRetry } from '../platform/retry';
import { formatInSpreadsheetZone, sheetNamed } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Table<T> extends DecodedTable<T> {
  sheet: Sheet;
}

export class MissingTabError extends UserError {
  constructor(readonly tab: string) {
    super(`Il foglio «${tab}» non esiste: esegui «Configura» dal menu Academy4PA.`);
  }
}

export function requireSheet(tab: string): Sheet {
  const sheet = sheetNamed(tab);
  if (!sheet) throw new MissingTabError(tab);
  return sheet;
}

/** The whole grid of a tab in one call (an empty tab reads as no rows). */
export function readGrid(sheet: Sheet): unknown[][] {
  return sheet.getSheetValues(1, 1, -1, -1);
}

/** Decodes a tab: one Spreadsheet call (`getSheetValues` of the whole grid), whatever its size. */
export function readTable<N extends RegistryTab>(tab: N): Table<RecordByTab[N]> {
  const sheet = requireSheet(tab);
  return { ...decodeTable(tab, readGrid(sheet), formatInSpreadsheetZone), sheet };
}

function ownedSpan(columns: Record<string, number>): [number, number] {
  const cols = Object.values(columns);
  return [Math.min(...cols), Math.max(...cols)];
}

function assertReadable<T>(table: Table<T>): void {
  if (table.problems.some((p) => p.row === 1)) {
    throw new UserError(
      `Il foglio «${table.tab}» ha un'intestazione incompleta: esegui «Configura» dal menu Academy4PA.`,
    );
  }
}

const OUTSIDE_SHEET = /outside the dimensions of the sheet/i;

/** Writes a block; a block past the sheet's last row first grows the sheet (rare: one extra call pair). */
export function writeBlock(sheet: Sheet, row: number, column: number, values: Cell[][]): void {
  // Writing the same values twice is harmless, so a transient failure is simply retried.
  const write = (): void => {
    withRetry('Spreadsheet.setValues', () =>
      sheet.getRange(row, column, values.length, values[0]?.length ?? 0).setValues(values),
    );
  };
  try {
    write();
  } catch (error) {
    if (!OUTSIDE_SHEET.test(String((error as { message?: unknown }).message ?? error))) throw error;
    const maxRows = sheet.getMaxRows();
    const needed = row + values.length - 1 - maxRows;
    if (needed <= 0) throw error;
    sheet.insertRowsAfter(maxRows, needed);
    write();
  }
}

/**
 * Appends records below the last row in one contiguous block (user text neutralised): one `getRange`
 * and one `setValues`. Returns the rows written; the table is updated in memory.
 */
export function appendRecords<T>(table: Table<T>, records: readonly T[]): Array<{ row: number; record: T }> {
  if (records.length === 0) return [];
  assertReadable(table);
  const columns = table.columns as Record<string, number>;
  const [c0, c1] = ownedSpan(columns);
  const blank: Cell[] = new Array<Cell>(c1).fill('');
  const full = records.map((r) => encodeRow(table.columns, r as Partial<T>, blank));
  const block = full.map((line) => line.slice(c0 - 1, c1));
  const start = Math.max(table.lastRow, 1) + 1;
  writeBlock(table.sheet, start, c0, block);
  applyBlock(table.values, { row: start, column: c0, values: block });
  const written = records.map((record, i) => ({ row: start + i, record }));
  table.rows.push(...written);
  table.lastRow = start + records.length - 1;
  table.width = Math.max(table.width, c1);
  return written;
}

/**
 * Writes only the changed fields, grouped into contiguous blocks (adjacent rows x the span of changed
 * columns), one `getRange` + `setValues` per block; the table is updated in memory.
 */
export function updateRecords<T>(table: Table<T>, changes: ReadonlyArray<{ row: number; patch: Partial<T> }>): void {
  if (changes.length === 0) return;
  assertReadable(table);
  for (const block of planUpdates(table, changes)) {
    writeBlock(table.sheet, block.row, block.column, block.values);
    applyBlock(table.values, block);
  }
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  for (const { row, patch } of changes) {
    const entry = byRow.get(row);
    if (entry) Object.assign(entry.record as object, patch);
  }
}

// Identifiers. The highest ever issued lives in Script Properties, so a deleted row never gives its
// ID back; callers that create rows concurrently (form submissions, sidebar) hold the script lock.

const ISSUED_PREFIX = 'academy.issued.';
let issuedMemo: Record<string, string> | null = null;

function issuedProperties(): Record<string, string> {
  if (!issuedMemo) {
    const all = PropertiesService.getScriptProperties().getProperties();
    issuedMemo = {};
    for (const [k, v] of Object.entries(all)) if (k.startsWith(ISSUED_PREFIX)) issuedMemo[k] = v;
  }
  return issuedMemo;
}

function issued(key: string): number {
  const n = Number(issuedProperties()[ISSUED_PREFIX + key] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

function recordIssued(updates: Record<string, number>): void {
  const props: Record<string, string> = {};
  for (const [k, n] of Object.entries(updates)) {
    if (n > issued(k)) props[ISSUED_PREFIX + k] = String(n);
  }
  if (Object.keys(props).length === 0) return;
  PropertiesService.getScriptProperties().setProperties(props);
  Object.assign(issuedProperties(), props);
}

/** A column's text (trimmed) in every data row, valid or not; none when the tab lacks the column. */
export function columnTexts(table: DecodedTable<unknown>, field: string): string[] {
  const at = (table.columns as Record<string, number | undefined>)[field];
  if (at === undefined) return [];
  return table.values.slice(1).map((r) => String(r[at - 1] ?? '').trim());
}

/**
 * Reserves `count` new IDs (`D00001`, `I00001`) after everything in the tab, ever issued and `floor`
 * (the highest a caller that read only some rows knows the tab holds).
 */
export function nextIds<T>(table: DecodedTable<T>, prefix: SequencePrefix, count: number, floor = 0): string[] {
  const start = Math.max(
    issued(prefix),
    highestSequence(prefix, columnTexts(table as DecodedTable<unknown>, 'id')),
    floor,
  );
  const ids = Array.from({ length: count }, (_, i) => formatSequenceId(prefix, start + i + 1));
  if (count > 0) recordIssued({ [prefix]: start + count });
  return ids;
}

export function nextId<T>(table: DecodedTable<T>, prefix: SequencePrefix, floor = 0): string {
  return nextIds(table, prefix, 1, floor)[0] as string;
}

/** Reserves the next session ID of a course: `<Codice>-S<n>`. */
export function nextSessionId<T>(table: DecodedTable<T>, course: string): string {
  const key = `S:${course}`;
  const courseAt = (table.columns as Record<string, number | undefined>).course;
  let highest = issued(key);
  const ids = columnTexts(table as DecodedTable<unknown>, 'id');
  table.values.slice(1).forEach((r, i) => {
    if (courseAt !== undefined && String(r[courseAt - 1] ?? '').trim() !== course) return;
    const n = sessionNumber(course, ids[i] ?? '');
    if (n !== null && n > highest) highest = n;
  });
  recordIssued({ [key]: highest + 1 });
  return sessionId(course, highest + 1);
}

export type IdTab = typeof TAB.dipendenti | typeof TAB.iscrizioni | typeof TAB.sessioni;
export const ID_TABS: readonly IdTab[] = [TAB.dipendenti, TAB.iscrizioni, TAB.sessioni];

export interface IdTables {
  Dipendenti?: Table<RecordByTab['Dipendenti']>;
  Iscrizioni?: Table<RecordByTab['Iscrizioni']>;
  Sessioni?: Table<RecordByTab['Sessioni']>;
}

function idRows(table: DecodedTable<unknown>): IdRow[] {
  const columns = table.columns as Record<string, number | undefined>;
  const idAt = columns.id;
  const courseAt = columns.course;
  const owned = Object.entries(columns)
    .filter(([f, c]) => f !== 'id' && c !== undefined)
    .map(([, c]) => c as number);
  return table.values.slice(1).map((r, i) => ({
    row: i + 2,
    id: idAt === undefined ? '' : String(r[idAt - 1] ?? '').trim(),
    course: courseAt === undefined ? '' : String(r[courseAt - 1] ?? '').trim(),
    filled: owned.some((c) => {
      const v = r[c - 1];
      return v !== '' && v !== false && v !== undefined && !(typeof v === 'string' && v.trim() === '');
    }),
  }));
}

/** One write of the ID column from the first to the last row that gets an ID. */
function writeIds(table: Table<unknown>, assignments: IdAssignment[]): void {
  const idAt = (table.columns as Record<string, number | undefined>).id;
  if (idAt === undefined || assignments.length === 0) return;
  const first = Math.min(...assignments.map((a) => a.row));
  const last = Math.max(...assignments.map((a) => a.row));
  const byRow = new Map(assignments.map((a) => [a.row, a.id]));
  const values: Cell[][] = [];
  for (let r = first; r <= last; r++) values.push([byRow.get(r) ?? table.values[r - 1]?.[idAt - 1] ?? '']);
  writeBlock(table.sheet, first, idAt, values);
  applyBlock(table.values, { row: first, column: idAt, values });
}

/**
 * Gives an ID to every filled row that has none (employees, enrollments, sessions), one batched write
 * per tab, and returns the tables as they now are (decoded again, no further read), so a workflow can
 * use them instead of reading the tabs a second time.
 */
export function assignMissingIds(tabs: readonly IdTab[] = ID_TABS): IdTables {
  const out: IdTables = {};
  const updates: Record<string, number> = {};
  for (const tab of tabs) {
    const sheet = sheetNamed(tab);
    if (!sheet) continue;
    const grid = readGrid(sheet);
    let table: Table<unknown> = { ...decodeTable(tab, grid, formatInSpreadsheetZone), sheet };
    if ((table.columns as Record<string, number | undefined>).id === undefined) {
      (out as Record<string, Table<unknown>>)[tab] = table;
      continue;
    }
    const rows = idRows(table);
    let assignments: IdAssignment[];
    if (tab === TAB.sessioni) {
      const previous: Record<string, number> = {};
      for (const r of rows) if (r.course) previous[r.course] = issued(`S:${r.course}`);
      const plan = planSessionIds(rows, previous);
      assignments = plan.assignments;
      for (const a of assignments) {
        const course = rows.find((r) => r.row === a.row)?.course ?? '';
        updates[`S:${course}`] = plan.issued[course] ?? 0;
      }
    } else {
      const prefix: SequencePrefix = tab === TAB.dipendenti ? 'D' : 'I';
      const plan = planSequenceIds(prefix, rows, issued(prefix));
      assignments = plan.assignments;
      if (assignments.length > 0) updates[prefix] = plan.issued;
    }
    if (assignments.length > 0) {
      writeIds(table, assignments);
      table = { ...decodeTable(tab, table.values, formatInSpreadsheetZone), sheet };
    }
    (out as Record<string, Table<unknown>>)[tab] = table;
  }
  recordIssued(updates);
  return out;
}

/** Header lookup for code that reads rows by hand (e.g. an edit event's range). */
export function columnOfHeader(header: readonly unknown[], name: string): number | undefined {
  const key = normalizeKey(name);
  const i = header.findIndex((h) => normalizeKey(String(h ?? '')) === key);
  return i < 0 ? undefined : i + 1;
}
