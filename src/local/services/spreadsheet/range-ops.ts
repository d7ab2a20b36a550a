/**
 * Operations that move or join whole cells: `Range.sort` (SHEETS-SORT), `Range.copyTo` (SHEETS-COPYTO)
 * and merged cells (SHEETS-MERGE), including how merges follow inserted and deleted rows and columns.
 */
import { isDate, type Cell, type CellValue, type GridArea, type SheetData } from './model';

export type SortSpec = number | { column: number; ascending?: boolean };

export const OPS_MESSAGES = {
  column: 'The column specified for sorting must be within the range.',
  merged: 'You must select all cells in a merged range to merge or unmerge them.',
  frozen: "You can't merge frozen and non-frozen rows.",
  otherSpreadsheet: 'Target range and source range must be on the same spreadsheet.',
} as const;

function cellIn(sheet: SheetData, row: number, column: number): Cell | null {
  return sheet.rows[row - 1]?.[column - 1] ?? null;
}

function putCell(sheet: SheetData, row: number, column: number, cell: Cell | null): void {
  while (sheet.rows.length < row) sheet.rows.push(null);
  const line = sheet.rows[row - 1] ?? [];
  sheet.rows[row - 1] = line;
  while (line.length < column) line.push(null);
  line[column - 1] = cell;
}

function copyOf(cell: Cell | null): Cell | null {
  return cell ? structuredClone(cell) : null;
}

/** Sheets' ascending order: numbers and dates, then text (ignoring case), then booleans; empty cells last. */
function rank(value: CellValue | null): number {
  if (value === null || value === '') return 3;
  if (typeof value === 'number' || isDate(value)) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

function compare(a: CellValue | null, b: CellValue | null): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  if (ra === 1) return String(a).localeCompare(String(b), undefined, { sensitivity: 'accent' });
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}

/**
 * Sorts the rows of `area` by the given columns (absolute column numbers, within the range), keeping
 * each row's cells together; a stable sort, so equal keys keep their order. `values` are the range's
 * values as `getValues` gives them (formulas computed).
 */
export function sortArea(sheet: SheetData, area: GridArea, specs: SortSpec[], values: CellValue[][]): void {
  const keys = specs.map((spec) => {
    const column = typeof spec === 'number' ? spec : Number(spec?.column);
    const ascending = typeof spec === 'number' ? true : spec.ascending !== false;
    if (!Number.isInteger(column) || column < area.column || column >= area.column + area.numColumns)
      throw new Error(OPS_MESSAGES.column);
    return { index: column - area.column, ascending };
  });
  const rows = Array.from({ length: area.numRows }, (_, i) => ({
    values: values[i] ?? [],
    cells: Array.from({ length: area.numColumns }, (_, j) => copyOf(cellIn(sheet, area.row + i, area.column + j))),
  }));
  rows.sort((x, y) => {
    for (const key of keys) {
      const a = x.values[key.index] ?? null;
      const b = y.values[key.index] ?? null;
      // Empty cells stay last whichever the direction.
      const order = rank(a) === 3 || rank(b) === 3 ? compare(a, b) : compare(a, b) * (key.ascending ? 1 : -1);
      if (order !== 0) return order;
    }
    return 0;
  });
  rows.forEach((row, i) => row.cells.forEach((cell, j) => putCell(sheet, area.row + i, area.column + j, cell)));
}

/** The names of Apps Script's `CopyPasteType` enum. */
export const COPY_PASTE_TYPES = [
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
] as const;

/** What `copyTo` carries: a `CopyPasteType` name, or the `{ contentsOnly, formatOnly }` options. */
export type PasteKind = (typeof COPY_PASTE_TYPES)[number] | 'CONTENTS_ONLY';

const A1_REFERENCE = /(?<![A-Za-z0-9_])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A formula moved by (rows, columns): relative references follow, `$`-anchored parts stay; text is untouched. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            A1_REFERENCE,
            (_whole, colAnchor: string, letters: string, rowAnchor: string, digits: string) => {
              const column = colAnchor ? columnNumber(letters) : columnNumber(letters) + columns;
              const row = rowAnchor ? Number(digits) : Number(digits) + rows;
              if (column < 1 || row < 1) return '#REF!';
              return `${colAnchor}${columnLetters(column)}${rowAnchor}${row}`;
            },
          ),
    )
    .join('');
}

function pasted(source: Cell | null, target: Cell | null, kind: PasteKind, value: CellValue, move: [number, number]) {
  const [rows, columns] = move;
  const withFormula = (cell: Cell): Cell =>
    cell.f === undefined ? cell : { ...cell, f: shiftFormula(cell.f, rows, columns) };
  const base: Cell = target ? structuredClone(target) : { v: null };
  switch (kind) {
    case 'PASTE_NORMAL':
    case 'PASTE_NO_BORDERS':
      return source ? withFormula(structuredClone(source)) : null;
    case 'PASTE_VALUES':
      delete base.f;
      base.v = value === '' ? null : value;
      return base;
    case 'PASTE_FORMULA':
    case 'CONTENTS_ONLY':
      delete base.f;
      base.v = source?.v ?? null;
      if (source?.f !== undefined) base.f = source.f;
      return withFormula(base);
    case 'PASTE_FORMAT':
      delete base.nf;
      delete base.st;
      if (source?.nf !== undefined) base.nf = source.nf;
      if (source?.st !== undefined) base.st = structuredClone(source.st);
      return base;
    case 'PASTE_DATA_VALIDATION':
      delete base.dv;
      if (source?.dv) base.dv = structuredClone(source.dv);
      return base;
    default:
      return target;
  }
}

/**
 * Where a copy lands: the whole destination when it is a whole multiple of the source (the source is
 * repeated to fill it), else a block of the source's size at the destination's top-left cell.
 */
export function pasteArea(source: GridArea, destination: GridArea, transposed: boolean): GridArea {
  const numRows = transposed ? source.numColumns : source.numRows;
  const numColumns = transposed ? source.numRows : source.numColumns;
  const tiles = destination.numRows % numRows === 0 && destination.numColumns % numColumns === 0;
  return tiles ? { ...destination } : { row: destination.row, column: destination.column, numRows, numColumns };
}

export function copyArea(
  from: { sheet: SheetData; area: GridArea; values: CellValue[][] },
  to: { sheet: SheetData; area: GridArea },
  kind: PasteKind,
  transposed: boolean,
): void {
  const sources = Array.from({ length: from.area.numRows }, (_, i) =>
    Array.from({ length: from.area.numColumns }, (_, j) =>
      copyOf(cellIn(from.sheet, from.area.row + i, from.area.column + j)),
    ),
  );
  if (kind === 'PASTE_COLUMN_WIDTHS') {
    for (let j = 0; j < from.area.numColumns; j++) {
      const width = from.sheet.columnWidths[from.area.column + j];
      if (width !== undefined) to.sheet.columnWidths[to.area.column + j] = width;
    }
    return;
  }
  const tall = transposed ? from.area.numColumns : from.area.numRows;
  const wide = transposed ? from.area.numRows : from.area.numColumns;
  for (let i = 0; i < to.area.numRows; i++) {
    for (let j = 0; j < to.area.numColumns; j++) {
      const si = transposed ? j % wide : i % tall;
      const sj = transposed ? i % tall : j % wide;
      const row = to.area.row + i;
      const column = to.area.column + j;
      const source = sources[si]?.[sj] ?? null;
      const move: [number, number] = [row - (from.area.row + si), column - (from.area.column + sj)];
      const value = from.values[si]?.[sj] ?? '';
      putCell(to.sheet, row, column, pasted(source, cellIn(to.sheet, row, column), kind, value, move));
    }
  }
}

function intersects(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function contains(outer: GridArea, inner: GridArea): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

export function mergesOf(sheet: SheetData): GridArea[] {
  return sheet.merges ?? [];
}

/** A merge or unmerge must take whole merged ranges: one only partly inside the range is refused. */
function assertWholeMerges(sheet: SheetData, area: GridArea): void {
  if (mergesOf(sheet).some((m) => intersects(m, area) && !contains(area, m))) throw new Error(OPS_MESSAGES.merged);
}

/** Merges the range as one block, one per row (`across`) or one per column (`vertically`). */
export function mergeArea(sheet: SheetData, area: GridArea, how: 'all' | 'across' | 'vertically'): void {
  assertWholeMerges(sheet, area);
  const last = area.row + area.numRows - 1;
  if (how !== 'across' && sheet.frozenRows > 0 && area.row <= sheet.frozenRows && last > sheet.frozenRows)
    throw new Error(OPS_MESSAGES.frozen);
  const blocks: GridArea[] =
    how === 'all'
      ? [{ ...area }]
      : how === 'across'
        ? Array.from({ length: area.numRows }, (_, i) => ({ ...area, row: area.row + i, numRows: 1 }))
        : Array.from({ length: area.numColumns }, (_, j) => ({ ...area, column: area.column + j, numColumns: 1 }));
  const kept = mergesOf(sheet).filter((m) => !contains(area, m));
  for (const block of blocks) {
    if (block.numRows * block.numColumns < 2) continue;
    // Only the top-left cell keeps its content.
    for (let i = 0; i < block.numRows; i++) {
      for (let j = 0; j < block.numColumns; j++) {
        if (i === 0 && j === 0) continue;
        const cell = cellIn(sheet, block.row + i, block.column + j);
        if (cell) {
          cell.v = null;
          delete cell.f;
        }
      }
    }
    kept.push(block);
  }
  sheet.merges = kept;
}

export function breakApartArea(sheet: SheetData, area: GridArea): void {
  assertWholeMerges(sheet, area);
  sheet.merges = mergesOf(sheet).filter((m) => !contains(area, m));
}

export function mergesTouching(sheet: SheetData, area: GridArea): GridArea[] {
  return mergesOf(sheet)
    .filter((m) => intersects(m, area))
    .sort((a, b) => a.row - b.row || a.column - b.column);
}

/**
 * Merges follow inserted and deleted rows or columns: a merge after the change moves, one across it
 * grows or shrinks, one wholly deleted goes.
 */
export function shiftMerges(sheet: SheetData, axis: 'rows' | 'columns', at: number, delta: number): void {
  if (!sheet.merges) return;
  const start = axis === 'rows' ? 'row' : 'column';
  const size = axis === 'rows' ? 'numRows' : 'numColumns';
  const out: GridArea[] = [];
  for (const m of sheet.merges) {
    const first = m[start];
    const end = first + m[size];
    const next = { ...m };
    if (delta > 0) {
      if (first >= at) next[start] = first + delta;
      else if (end > at) next[size] = m[size] + delta;
    } else {
      const gone = -delta;
      const cutEnd = at + gone;
      const overlap = Math.max(0, Math.min(end, cutEnd) - Math.max(first, at));
      next[size] = m[size] - overlap;
      next[start] = first >= cutEnd ? first - gone : Math.min(first, at);
    }
    if (next[size] > 0 && next.numRows * next.numColumns > 1) out.push(next);
  }
  sheet.merges = out;
}
