/**
 * `spreadsheets.get`'s grid data (catalogue: REST-SHEETS-GRID-DATA): one GridData per range asked for,
 * its `startRow`/`startColumn` zero-based and left out when zero (proto3 JSON leaves a default out),
 * `rowData` cut after the block's last row with content and left out of an empty block, and an empty
 * cell or row in between an empty object. A cell carries its value as typed (`userEnteredValue`), as
 * computed (`effectiveValue`: dates as serial numbers), as shown (`formattedValue`), and its number
 * format when it is not the default. Two things no source settles take a variant: strictly, a row's
 * `values` stop at its last cell with content and two blocks of one sheet come by position, not in the
 * order asked; leniently, a row runs to the sheet's last column with content and blocks come as asked.
 */
import { formulaScope, readGrid } from '../services/spreadsheet/cells';
import type { FormulaScope } from '../services/spreadsheet/formulas';
import {
  cellAt,
  hasContent,
  isDate,
  lastColumnOf,
  type CellValue,
  type SheetData,
  type SpreadsheetData,
} from '../services/spreadsheet/model';
import { strictAbout } from '../runtime/variant';
import type { Workspace } from '../runtime/workspace';
import { apiNumberFormat, displayValue, numberLocale } from '../services/spreadsheet/number-format';
import { resolveRange, type Json, type Target } from './sheets-ranges';
import { serialOf } from './sheets-values';

/** The error texts `getValues` gives, by the Sheets API's `ErrorValue.type`. */
const ERROR_TYPES: Readonly<Record<string, string>> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
  '#ERROR!': 'ERROR',
};

function extendedValue(value: CellValue, formula: boolean, timeZone: string): Json {
  if (isDate(value)) return { numberValue: serialOf(value, timeZone) };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  const error = formula ? ERROR_TYPES[value] : undefined;
  return error ? { errorValue: { type: error, message: `${value} in the formula` } } : { stringValue: value };
}

function cellData(scope: FormulaScope, sheet: SheetData, row: number, column: number, value: CellValue): Json {
  const cell = cellAt(sheet, row, column);
  if (!hasContent(cell)) return {};
  const { timeZone, locale } = scope.conventions;
  const effective = extendedValue(value, cell?.f !== undefined, timeZone);
  const format = apiNumberFormat(value, cell?.nf, numberLocale(locale), timeZone);
  return {
    userEnteredValue: cell?.f !== undefined ? { formulaValue: cell.f } : effective,
    effectiveValue: effective,
    formattedValue: displayValue(value, cell?.nf, scope.conventions),
    ...(format ? { userEnteredFormat: { numberFormat: format }, effectiveFormat: { numberFormat: format } } : {}),
    ...(cell?.note ? { note: cell.note } : {}),
  };
}

function gridData(scope: FormulaScope, { sheet, area }: Target, strict: () => boolean): Json {
  const numRows = Math.min(area.numRows, sheet.maxRows - area.row + 1);
  const numColumns = Math.min(area.numColumns, sheet.maxColumns - area.column + 1);
  const filled = Math.max(0, Math.min(numColumns, lastColumnOf(sheet) - area.column + 1));
  const values = readGrid(scope, sheet, { ...area, numRows, numColumns: filled });
  const rowData: Json[] = values.map((line, r) => {
    const cells = line.map((v, c) => cellData(scope, sheet, area.row + r, area.column + c, v));
    let end = cells.length;
    while (end > 0 && Object.keys(cells[end - 1] as Json).length === 0) end -= 1;
    if (end === 0) return {};
    return { values: end < cells.length && strict() ? cells.slice(0, end) : cells };
  });
  let last = rowData.length;
  while (last > 0 && (rowData[last - 1] as Json).values === undefined) last -= 1;
  return {
    ...(area.row > 1 ? { startRow: area.row - 1 } : {}),
    ...(area.column > 1 ? { startColumn: area.column - 1 } : {}),
    ...(last > 0 ? { rowData: rowData.slice(0, last) } : {}),
    rowMetadata: Array.from({ length: numRows }, () => ({ pixelSize: 21 })),
    columnMetadata: Array.from({ length: numColumns }, () => ({ pixelSize: 100 })),
  };
}

/**
 * Each sheet's grid data for the ranges asked for, by sheet id. Google's reference does not say in what
 * order two blocks of one sheet come: strictly by position, so a reader that takes them in the order it
 * asked (and not by `startRow`/`startColumn`) fails as soon as its ranges are not top-down.
 */
export function gridDataBySheet(ws: Workspace, ss: SpreadsheetData, ranges: readonly string[]): Map<number, Json[]> {
  const scope = formulaScope(ss, ws.now());
  const strict = (): boolean => strictAbout(ws, 'REST-SHEETS-GRID-DATA');
  const out = new Map<number, Json[]>();
  for (const notation of ranges) {
    const target = resolveRange(ss, notation);
    const blocks = out.get(target.sheet.id) ?? [];
    blocks.push(gridData(scope, target, strict));
    out.set(target.sheet.id, blocks);
  }
  const at = (b: Json, key: string): number => Number(b[key] ?? 0);
  const byPosition = (a: Json, b: Json): number =>
    at(a, 'startRow') - at(b, 'startRow') || at(a, 'startColumn') - at(b, 'startColumn');
  for (const blocks of out.values()) {
    const asked = blocks.every((b, i) => i === 0 || byPosition(blocks[i - 1] as Json, b) <= 0);
    if (!asked && strict()) blocks.sort(byPosition);
  }
  return out;
}

/** The cells a `spreadsheets.get` answer carries in its grid data. */
export function gridCellCount(body: {
  sheets?: Array<{ data?: Array<{ rowData?: Array<{ values?: unknown[] }> }> }>;
}): number {
  let cells = 0;
  for (const sheet of body.sheets ?? [])
    for (const block of sheet.data ?? []) for (const row of block.rowData ?? []) cells += row.values?.length ?? 0;
  return cells;
}
