/**
 * The registry's read path for work that needs a few rows of a big tab: the rows whose key columns hold
 * one of some keys, found with a TextFinder on those columns (the search runs on Google's side) and read
 * in runs of nearby rows, instead of moving the whole tab.
 */
import { decodeTable, type RecordByTab, type RegistryTab } from '../../core/registry/codec';
import { columnLetters } from '../../core/registry/api-reads';
import { withRetry } from '../platform/retry';
import type { Table } from './table';
import { formatInSpreadsheetZone } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows this close together are read as one block (fewer calls for a few cells more). */
const GAP_READ_TOGETHER = 20;

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A table holding the header and the given rows only, at their sheet positions (other rows read as
 * empty); `lastRow` is the sheet's, so an append lands below everything. Writers may patch the loaded
 * rows and append; nothing may rewrite a row it did not load.
 */
export interface PartialTable<T> extends Table<T> {
  partial: true;
  /** The reader proved that nothing lies below `lastRow`, so a row appended lands right after it. */
  endVerified: boolean;
}

/**
 * The data rows whose cell in columns `first..last` is exactly one of `keys`, ignoring case and
 * surrounding spaces (catalogue: SHEETS-TEXTFINDER-CASE, SHEETS-TEXTFINDER-ENTIRE,
 * SHEETS-TEXTFINDER-REGEX): three calls whatever the tab's size. Without `lastRow` the columns are
 * searched to the sheet's end (an open range such as `D2:E`), which saves asking for the last row.
 */
export function findRows(
  sheet: Sheet,
  first: number,
  last: number,
  keys: readonly string[],
  lastRow?: number,
): number[] {
  const wanted = [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ''))];
  if (wanted.length === 0 || (lastRow !== undefined && lastRow < 2)) return [];
  const pattern = `^\\s*(?:${wanted.map(escapeForPattern).join('|')})\\s*$`;
  const found = withRetry('Spreadsheet.findAll', () =>
    (lastRow === undefined
      ? sheet.getRange(`${columnLetters(first)}2:${columnLetters(last)}`)
      : sheet.getRange(2, first, lastRow - 1, last - first + 1)
    )
      .createTextFinder(pattern)
      .useRegularExpression(true)
      .matchEntireCell(true)
      .findAll(),
  );
  return [...new Set(found.map((r) => r.getRow()))].sort((a, b) => a - b);
}

/** Sorted rows grouped into runs of nearby rows, as `[first, last]`: each run is read as one block. */
export function rowRuns(rows: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < rows.length) {
    const start = rows[i] as number;
    let end = start;
    while (i + 1 < rows.length && (rows[i + 1] as number) - end <= GAP_READ_TOGETHER) end = rows[++i] as number;
    i += 1;
    runs.push([start, end]);
  }
  return runs;
}

/** Reads the given rows (columns 1..width, -1 for every column) in runs of nearby rows: one call per run. */
export function readRows(sheet: Sheet, rows: readonly number[], width: number): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const [start, end] of rowRuns(rows)) {
    const block = withRetry('Spreadsheet.getSheetValues', () => sheet.getSheetValues(start, 1, end - start + 1, width));
    block.forEach((line, k) => out.set(start + k, line));
  }
  return out;
}

/**
 * Decodes the header and some rows of a tab as `readTable` decodes the whole tab, each row at its own
 * position. A row read only because it lay between two wanted rows is decoded too: it is a real row.
 */
export function partialTable<N extends RegistryTab>(
  tab: N,
  sheet: Sheet,
  header: readonly unknown[],
  rows: ReadonlyMap<number, unknown[]>,
  lastRow: number,
  endVerified: boolean,
): PartialTable<RecordByTab[N]> {
  const order = [...rows.keys()].sort((a, b) => a - b);
  const compact = decodeTable(tab, [header, ...order.map((r) => rows.get(r) as unknown[])], formatInSpreadsheetZone);
  const at = (i: number): number => (i === 1 ? 1 : (order[i - 2] as number));
  const values = Array.from({ length: Math.max(lastRow, 1) }, () => [] as (typeof compact.values)[number]);
  compact.values.forEach((line, i) => {
    values[at(i + 1) - 1] = line;
  });
  return {
    ...compact,
    rows: compact.rows.map((r) => ({ row: at(r.row), record: r.record })),
    problems: compact.problems.map((p) => ({ ...p, row: at(p.row) })),
    lastRow,
    values,
    sheet,
    partial: true,
    endVerified,
  };
}
