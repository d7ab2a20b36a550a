/**
 * Reading registry tabs through the Sheets API so that the codec sees what `getValues` gives: the same
 * grid, row for row, with a date where the cell holds a date. The API renders a date as a serial number
 * (`UNFORMATTED_VALUE`, catalogue REST-SHEETS-VALUES), which a number typed into a date column also is;
 * so the date columns are read a second time with `dateTimeRenderOption: FORMATTED_STRING`, where a date
 * comes as text and a number stays a number, and only a cell that is both a serial and a text is a date.
 * The big reads are cut into row ranges of about the same number of cells, so that requests sent
 * together (`UrlFetchApp.fetchAll`) share the work evenly.
 */
import { columnSpecs, decodeTable, mapColumns, type DecodedTable, type RecordByTab, type RegistryTab } from './codec';
import { DAY_MS } from '../time/units';
import { zonedToUtc } from '../time/zone';

export interface TabExtent {
  tab: RegistryTab;
  /** `getLastRow()` / `getLastColumn()` of the tab: the grid `getValues` of the whole tab would give. */
  lastRow: number;
  lastColumn: number;
}

/** A rectangle of one tab below its header (1-based, inclusive sizes). */
export interface RangeRead {
  tab: RegistryTab;
  firstRow: number;
  rows: number;
  firstColumn: number;
  columns: number;
}

/** One `values.batchGet`: its ranges, all rendered the same way. */
export interface ReadRequest {
  /** True: rendered with `FORMATTED_STRING` dates (the date columns' second reading). */
  dates: boolean;
  ranges: RangeRead[];
}

const DATE_KINDS = new Set(['date', 'time', 'datetime']);
/**
 * Below this a range is not cut: a request's fixed cost (about 250 ms from Apps Script, latency.ts) is
 * what moving some 8,000 cells costs, so smaller pieces would cost more than they save.
 */
const MIN_PIECE_CELLS = 10_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function quotedTab(tab: string): string {
  return `'${tab.replace(/'/g, "''")}'`;
}

/** A column number as its letters (1 = A, 27 = AA). */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A range's A1 notation with its tab (any tab: the report tabs are written with it too). */
export function a1Of(r: Omit<RangeRead, 'tab'> & { tab: string }): string {
  const first = `${columnLetters(r.firstColumn)}${r.firstRow}`;
  const last = `${columnLetters(r.firstColumn + r.columns - 1)}${r.firstRow + r.rows - 1}`;
  return `${quotedTab(r.tab)}!${first}:${last}`;
}

/** The columns (1-based) of the tab's date, time and date-time fields under this header. */
export function dateColumns(tab: RegistryTab, header: readonly unknown[]): Map<number, string> {
  const { columns } = mapColumns(
    tab,
    header.map((h) => String(h ?? '')),
  );
  const out = new Map<number, string>();
  for (const spec of columnSpecs(tab)) {
    const at = (columns as Record<string, number | undefined>)[spec.field];
    if (at !== undefined && DATE_KINDS.has(spec.kind)) out.set(at, spec.kind);
  }
  return out;
}

/** Runs of adjacent columns, as `[first, count]`. */
function columnRuns(columns: Iterable<number>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1] += 1;
    else runs.push([c, 1]);
  }
  return runs;
}

function cellsOf(r: RangeRead): number {
  return r.rows * r.columns;
}

/** A range cut into row ranges of at most `target` cells (at least one row each). */
function cut(r: RangeRead, target: number): RangeRead[] {
  const perPiece = Math.max(1, Math.floor(target / Math.max(1, r.columns)));
  const out: RangeRead[] = [];
  for (let row = r.firstRow; row < r.firstRow + r.rows; row += perPiece)
    out.push({ ...r, firstRow: row, rows: Math.min(perPiece, r.firstRow + r.rows - row) });
  return out;
}

/**
 * The requests that read every tab below its header (rows 2 to its last row, every column) and its
 * date columns again: about `slots` requests of about the same number of cells, the biggest first.
 */
export function planReads(
  extents: readonly TabExtent[],
  datesOf: ReadonlyMap<RegistryTab, ReadonlyMap<number, string>>,
  slots: number,
): ReadRequest[] {
  const ranges: Array<{ dates: boolean; range: RangeRead }> = [];
  for (const e of extents) {
    if (e.lastRow < 2 || e.lastColumn < 1) continue;
    const body = { tab: e.tab, firstRow: 2, rows: e.lastRow - 1 };
    ranges.push({ dates: false, range: { ...body, firstColumn: 1, columns: e.lastColumn } });
    const dated = [...(datesOf.get(e.tab)?.keys() ?? [])].filter((c) => c <= e.lastColumn);
    for (const [first, count] of columnRuns(dated))
      ranges.push({ dates: true, range: { ...body, firstColumn: first, columns: count } });
  }
  const total = ranges.reduce((n, r) => n + cellsOf(r.range), 0);
  const target = Math.max(MIN_PIECE_CELLS, Math.ceil(total / Math.max(1, slots)));
  const pieces = ranges
    .flatMap((r) => cut(r.range, target).map((range) => ({ dates: r.dates, range })))
    .sort((a, b) => cellsOf(b.range) - cellsOf(a.range));
  // First fit, decreasing: small tabs share a request, a big one takes several.
  const requests: Array<ReadRequest & { cells: number }> = [];
  for (const p of pieces) {
    const size = cellsOf(p.range);
    const room = requests.find((q) => q.dates === p.dates && q.cells + size <= target);
    if (room) {
      room.ranges.push(p.range);
      room.cells += size;
    } else requests.push({ dates: p.dates, ranges: [p.range], cells: size });
  }
  return requests.map(({ dates, ranges: rs }) => ({ dates, ranges: rs }));
}

/** The wall clock a serial number names (days since 30 December 1899, the day's fraction its time). */
function serialWall(serial: number): Date {
  return new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS));
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The instant a serial number names when read as a wall clock of `timeZone`. */
function serialToInstant(serial: number, timeZone: string): Date {
  const w = serialWall(serial);
  return new Date(
    zonedToUtc(
      {
        year: w.getUTCFullYear(),
        month: w.getUTCMonth() + 1,
        day: w.getUTCDate(),
        hour: w.getUTCHours(),
        minute: w.getUTCMinutes(),
        second: w.getUTCSeconds(),
      },
      timeZone,
    ),
  );
}

/**
 * A date cell as the codec reads it from `getValues`: a date or a time column takes the text the codec
 * would format the Date to (`yyyy-MM-dd`, `HH:mm`, on the wall clock the serial names, so no zone is
 * involved), a date-time column the instant that wall clock is in the spreadsheet's zone.
 */
export function dateCell(kind: string, serial: number, timeZone: string): string | Date {
  const w = serialWall(serial);
  if (kind === 'date') return `${w.getUTCFullYear()}-${two(w.getUTCMonth() + 1)}-${two(w.getUTCDate())}`;
  if (kind === 'time') return `${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
  return serialToInstant(serial, timeZone);
}

/**
 * One cell of a date column as `getValues` gives it, from its two readings: a serial number that the
 * `FORMATTED_STRING` reading shows as text is a date cell; anything else (a number typed into the
 * column, text) is kept as the serial reading has it.
 */
export function cellFromReadings(kind: string, serial: unknown, formatted: unknown, timeZone: string): unknown {
  return typeof serial === 'number' && typeof formatted === 'string' ? dateCell(kind, serial, timeZone) : serial;
}

/**
 * Whole rows of a tab (from column 1) read twice through the API, as serial numbers and with dates as
 * text, made into what `getValues` of those rows gives: `width` cells each ('' where the API left a
 * trailing cell out), a date where the two readings say so (the columns' kinds from `header`).
 */
export function rowsAsGetValues(
  tab: RegistryTab,
  header: readonly unknown[],
  serialRows: ReadonlyArray<ReadonlyArray<unknown>>,
  formattedRows: ReadonlyArray<ReadonlyArray<unknown>>,
  width: number,
  timeZone: string,
): unknown[][] {
  const kinds = dateColumns(tab, header);
  return serialRows.map((line, r) => {
    const out: unknown[] = Array.from({ length: Math.max(width, line.length) }, (_, c) => line[c] ?? '');
    const formatted = formattedRows[r] ?? [];
    for (const [column, kind] of kinds)
      if (column <= out.length)
        out[column - 1] = cellFromReadings(kind, out[column - 1], formatted[column - 1], timeZone);
    return out;
  });
}

/** What the requests answered, in request order: each request's ranges' rows (trailing empties left out). */
export type ReadAnswers = ReadonlyArray<ReadonlyArray<ReadonlyArray<ReadonlyArray<unknown>>>>;

/**
 * Each tab's grid as `getValues` of the whole tab gives it: its header, then every row to its last,
 * `lastColumn` cells wide ('' where the API left a cell out), dates where the two readings say so.
 */
export function assembleGrids(
  extents: readonly TabExtent[],
  headers: ReadonlyMap<RegistryTab, readonly unknown[]>,
  datesOf: ReadonlyMap<RegistryTab, ReadonlyMap<number, string>>,
  requests: readonly ReadRequest[],
  answers: ReadAnswers,
  timeZone: string,
): Map<RegistryTab, unknown[][]> {
  const grids = new Map<RegistryTab, unknown[][]>();
  for (const e of extents) {
    const header = headers.get(e.tab) ?? [];
    const grid: unknown[][] = [];
    if (e.lastRow >= 1) grid.push(Array.from({ length: e.lastColumn }, (_, c) => header[c] ?? ''));
    for (let r = 2; r <= e.lastRow; r++) grid.push(new Array<unknown>(e.lastColumn).fill(''));
    grids.set(e.tab, grid);
  }
  const formatted = new Map<RegistryTab, Map<number, unknown[]>>();
  requests.forEach((request, q) => {
    request.ranges.forEach((range, i) => {
      const rows = answers[q]?.[i] ?? [];
      const grid = grids.get(range.tab);
      if (!grid) return;
      rows.forEach((line, k) => {
        const row = range.firstRow + k;
        if (request.dates) {
          const byRow = formatted.get(range.tab) ?? new Map<number, unknown[]>();
          formatted.set(range.tab, byRow);
          const cells = byRow.get(row) ?? [];
          line.forEach((v, c) => (cells[range.firstColumn + c] = v));
          byRow.set(row, cells);
          return;
        }
        const target = grid[row - 1];
        if (!target) return;
        line.forEach((v, c) => {
          if (range.firstColumn + c - 1 < target.length) target[range.firstColumn + c - 1] = v ?? '';
        });
      });
    });
  });
  for (const [tab, kinds] of datesOf) {
    const grid = grids.get(tab);
    const byRow = formatted.get(tab);
    if (!grid || !byRow) continue;
    for (const [row, cells] of byRow) {
      const line = grid[row - 1];
      if (!line) continue;
      for (const [column, kind] of kinds)
        line[column - 1] = cellFromReadings(kind, line[column - 1], cells[column], timeZone);
    }
  }
  return grids;
}

/** How a `values.batchGet` of a read renders its cells: unformatted, dates as serials or, for the date pass, as text. */
export function batchGetRendering(dates: boolean): {
  valueRenderOption: 'UNFORMATTED_VALUE';
  dateTimeRenderOption: 'FORMATTED_STRING' | 'SERIAL_NUMBER';
} {
  return { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: dates ? 'FORMATTED_STRING' : 'SERIAL_NUMBER' };
}

/** The date columns of each tab, by its header row. */
export function datesByTab(
  headers: ReadonlyMap<RegistryTab, readonly unknown[]>,
): Map<RegistryTab, Map<number, string>> {
  return new Map([...headers].map(([tab, header]) => [tab, dateColumns(tab, header)]));
}

export type DecodedTables<N extends RegistryTab> = { [K in N]: DecodedTable<RecordByTab[K]> };

/** The tabs decoded by the codec from the reads' answers, exactly as `readTable` decodes `getValues`. */
export function decodeReads<N extends RegistryTab>(
  tabs: readonly N[],
  reads: {
    extents: readonly TabExtent[];
    headers: ReadonlyMap<RegistryTab, readonly unknown[]>;
    requests: readonly ReadRequest[];
    answers: ReadAnswers;
  },
  timeZone: string,
  format: (date: Date, pattern: string) => string,
): DecodedTables<N> {
  const grids = assembleGrids(
    reads.extents,
    reads.headers,
    datesByTab(reads.headers),
    reads.requests,
    reads.answers,
    timeZone,
  );
  const out = {} as DecodedTables<N>;
  for (const tab of tabs) out[tab] = decodeTable(tab, grids.get(tab) ?? [], format) as DecodedTables<N>[typeof tab];
  return out;
}
