/**
 * Reading and writing registry tabs: one batched read per tab, contiguous batched writes, columns by
 * header text, staff's own columns never touched.
 */
import {
  applyBlock,
  decodeTable,
  encodeRow,
  encodeValue,
  planUpdates,
  type Cell,
  type DecodedTable,
  type RecordByTab,
  type RegistryTab,
} from '../../core/registry/codec';
import { UserError } from '../../core/registry/errors';
import { columnsOf } from '../../core/registry/tabs';
import { columnLetters } from '../../core/registry/api-reads';
import { normalizeKey, storedText } from '../../core/text';
import { withRetry } from '../platform/retry';
import { formatInSpreadsheetZone, sheetNamed } from './workbook';
import { sheetValues } from '../platform/sheet-values';
import { markRowsChanged, markTabChanged } from '../figures/marks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Table<T> extends DecodedTable<T> {
  sheet: Sheet;
}

export class MissingTabError extends UserError {
  constructor(readonly tab: string) {
    super(`Il foglio «${tab}» non esiste: esegua «Configura» dal menu Academy4PA.`);
  }
}

export function requireSheet(tab: string): Sheet {
  const sheet = sheetNamed(tab);
  if (!sheet) throw new MissingTabError(tab);
  return sheet;
}

/** The whole grid of a tab in one call (an empty tab reads as no rows). */
export function readGrid(sheet: Sheet): unknown[][] {
  return sheetValues(sheet, 1, 1, -1, -1);
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
      `Il foglio «${table.tab}» ha un'intestazione incompleta: esegua «Configura» dal menu Academy4PA.`,
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

/** Whether a cell read back holds what was written (a date to the second: the sheet may keep no less). */
function readsAsWritten(read: unknown, written: Cell): boolean {
  if (written instanceof Date) return read instanceof Date && Math.abs(read.getTime() - written.getTime()) < 1000;
  if (typeof written === 'string') return String(read ?? '') === storedText(written);
  return read === written;
}

/**
 * Appends one row from column A with `Sheet.appendRow`: one call, where a block needs the last row
 * and a range besides its write, and atomic, so no other execution's row can land in between
 * (docs/google-behaviour.md, SHEETS-APPENDROW). Unlike a block write it is not idempotent: a failure
 * may come after the row was written, so before each retry the last row is read, and a last row
 * holding the same `keyColumns` (1-based) means the row is already there.
 */
export function appendOneRow(sheet: Sheet, row: Cell[], keyColumns: readonly number[]): void {
  let failed = false;
  withRetry('Spreadsheet.appendRow', () => {
    if (failed) {
      const last = sheet.getLastRow();
      const width = Math.max(...keyColumns);
      const cells = last >= 1 ? (sheet.getSheetValues(last, 1, 1, width)[0] ?? []) : [];
      if (last >= 1 && keyColumns.every((c) => readsAsWritten(cells[c - 1], row[c - 1] as Cell))) return;
    }
    failed = true;
    sheet.appendRow(row);
    failed = false;
  });
}

/**
 * Whether nothing lies below the table's last row, so that `appendRow` lands right after it: a whole
 * read shows it (no unchecked boxes below the data, SHEETS-CHECKBOX-EMPTY); a partial table only when
 * its reader proved the tab's end.
 */
function sheetEndsAtLastRow<T>(table: Table<T>): boolean {
  const partial = table as Table<T> & { partial?: true; endVerified?: boolean };
  return partial.partial ? partial.endVerified === true : table.values.length === table.lastRow;
}

/**
 * Appends records below the last row in one contiguous block (user text neutralised): one `getRange`
 * and one `setValues`, or for a single record that starts in column A, below a row the sheet ends at,
 * one `appendRow` (keyed by the record's `ID` for its retry). Returns the rows written; the table is
 * updated in memory.
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
  const id = (columns as { id?: number }).id;
  const single = block[0];
  if (
    records.length === 1 &&
    single &&
    c0 === 1 &&
    id !== undefined &&
    table.lastRow >= 1 &&
    sheetEndsAtLastRow(table)
  ) {
    appendOneRow(table.sheet, single, [id]);
  } else {
    writeBlock(table.sheet, start, c0, block);
  }
  applyBlock(table.values, { row: start, column: c0, values: block });
  const written = records.map((record, i) => ({ row: start + i, record }));
  table.rows.push(...written);
  table.lastRow = start + records.length - 1;
  table.width = Math.max(table.width, c1);
  return written;
}

/** "H5:H7" for each run of consecutive rows in `column`. */
function columnRuns(column: number, rows: readonly number[]): string[] {
  const letters = columnLetters(column);
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  sorted.forEach((row, i) => {
    const next = sorted[i + 1];
    if (start !== undefined && next !== row + 1) {
      runs.push(`${letters}${start}:${letters}${row}`);
      start = next;
    }
  });
  return runs;
}

/**
 * Inserts records among the existing rows: each block goes just before the sheet row `before` names in
 * the grid as it was read (after the last row when `before` is past it). Blocks are applied from the
 * bottom up, so every `before` still names its row: per block one `insertRowsBefore` (the rows below
 * move with their ticks, notes, formats and staff's own columns) and one `setValues`; then one
 * `insertCheckboxes` on the list of inserted checkbox cells, since inserted rows may carry no validation
 * (docs/google-behaviour.md, SHEETS-INSERT-ROWS). Never retried: an insertion is not idempotent. The
 * table in memory follows the sheet.
 */
export function insertRecords<T>(
  table: Table<T>,
  blocks: ReadonlyArray<{ before: number; records: readonly T[] }>,
): void {
  const end = Math.max(table.lastRow, 1) + 1;
  appendRecords(
    table,
    blocks.filter((b) => b.before >= end).flatMap((b) => b.records),
  );
  const inner = blocks.filter((b) => b.before < end && b.records.length > 0).sort((a, b) => b.before - a.before);
  if (inner.length === 0) return;
  assertReadable(table);
  markTabChanged(table.tab);
  const columns = table.columns as Record<string, number>;
  const [c0, c1] = ownedSpan(columns);
  const blank: Cell[] = new Array<Cell>(c1).fill('');
  const inserted: Array<{ row: number; record: T }> = [];
  for (const { before, records } of inner) {
    const block = records.map((r) => encodeRow(table.columns, r as Partial<T>, blank).slice(c0 - 1, c1));
    table.sheet.insertRowsBefore(before, records.length);
    writeBlock(table.sheet, before, c0, block);
    table.values.splice(before - 1, 0, ...records.map((): Cell[] => []));
    applyBlock(table.values, { row: before, column: c0, values: block });
    for (const r of table.rows) if (r.row >= before) r.row += records.length;
    for (const p of table.problems) if (p.row >= before) p.row += records.length;
    const entries = records.map((record, i) => ({ row: before + i, record }));
    table.rows.push(...entries);
    inserted.push(...entries);
    table.lastRow += records.length;
  }
  table.rows.sort((a, b) => a.row - b.row);
  const checkboxes = columnsOf(table.tab)
    .filter((spec) => spec.kind === 'bool' && columns[spec.field] !== undefined)
    .flatMap((spec) =>
      columnRuns(
        columns[spec.field] as number,
        inserted.map((e) => e.row),
      ),
    );
  if (checkboxes.length > 0) table.sheet.getRangeList(checkboxes).insertCheckboxes();
}

function sameCell(a: Cell | undefined, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? '') === b;
}

/**
 * The rows whose cells the patches really change (a patch may rewrite a row with what it holds, to
 * keep a block contiguous): only those are marked for the figures record.
 */
function rowsChangedBy<T>(table: Table<T>, changes: ReadonlyArray<{ row: number; patch: Partial<T> }>): number[] {
  const columns = table.columns as Record<string, number | undefined>;
  return changes
    .filter(({ row, patch }) =>
      Object.entries(patch).some(([field, value]) => {
        const at = columns[field];
        return at !== undefined && !sameCell(table.values[row - 1]?.[at - 1], encodeValue(value));
      }),
    )
    .map((c) => c.row);
}

/**
 * Writes only the changed fields, grouped into contiguous blocks (adjacent rows x the span of changed
 * columns), one `getRange` + `setValues` per block; the table is updated in memory.
 */
export function updateRecords<T>(table: Table<T>, changes: ReadonlyArray<{ row: number; patch: Partial<T> }>): void {
  if (changes.length === 0) return;
  assertReadable(table);
  markRowsChanged(table.tab, rowsChangedBy(table, changes));
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

export { columnTexts } from '../../core/registry/codec';

/** Header lookup for code that reads rows by hand (e.g. an edit event's range). */
export function columnOfHeader(header: readonly unknown[], name: string): number | undefined {
  const key = normalizeKey(name);
  const i = header.findIndex((h) => normalizeKey(String(h ?? '')) === key);
  return i < 0 ? undefined : i + 1;
}
