/**
 * The values endpoints' work: a range's values rendered as Google renders them (FORMATTED_VALUE by
 * default; UNFORMATTED_VALUE with dates as serial numbers; trailing empty rows and cells left out;
 * catalogue: REST-SHEETS-VALUES), rows written under `valueInputOption` (RAW stores strings as given,
 * USER_ENTERED parses them as typed), and ranges cleared.
 */
import { DAY_MS } from '../../core/time/units';
import { wallClock } from '../../core/time/zone';
import { clearArea, formulaScope, readGrid, writeRaw, writeTyped } from '../services/spreadsheet/cells';
import {
  a1Of,
  cellAt,
  conventionsOf,
  isDate,
  lastColumnOf,
  lastRowOf,
  splitSheetPrefix,
  TIME_ZONE,
  type CellValue,
  type Conventions,
  type SheetData,
  type SpreadsheetData,
} from '../services/spreadsheet/model';
import { displayValue } from '../services/spreadsheet/number-format';
import { RestError } from './http';
import { quoteSheet, resolveRange, type Json } from './sheets-ranges';

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell as Sheets' serial number: days since 1899-12-30 on the spreadsheet's wall clock. */
export function serialOf(date: Date, timeZone = TIME_ZONE): number {
  const w = wallClock(date.getTime(), timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return (wallMs - SERIAL_EPOCH_MS) / DAY_MS;
}

export interface RenderOptions {
  valueRender: string;
  dateRender: string;
  majorDimension: string;
}

export function renderOptions(source: { get(name: string): string | null }): RenderOptions {
  return {
    valueRender: source.get('valueRenderOption') ?? 'FORMATTED_VALUE',
    dateRender: source.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER',
    majorDimension: source.get('majorDimension') ?? 'ROWS',
  };
}

function renderCell(
  sheet: SheetData,
  row: number,
  column: number,
  value: CellValue,
  options: RenderOptions,
  conventions: Conventions,
): unknown {
  const cell = cellAt(sheet, row, column);
  if (options.valueRender === 'FORMULA' && cell?.f) return cell.f;
  if (options.valueRender === 'FORMATTED_VALUE')
    return displayValue(value === '' ? null : value, cell?.nf, conventions);
  if (isDate(value))
    return options.dateRender === 'FORMATTED_STRING' ? displayValue(value, cell?.nf, conventions) : serialOf(value);
  return value;
}

/** The values of a range, clipped to the sheet's content, trailing empties dropped, as Google answers. */
export function valueRange(ss: SpreadsheetData, notation: string, options: RenderOptions, nowMs: number): Json {
  const { sheet, area } = resolveRange(ss, notation);
  const lastRow = Math.min(area.row + area.numRows - 1, lastRowOf(sheet));
  const lastColumn = Math.min(area.column + area.numColumns - 1, lastColumnOf(sheet));
  const rangeText = `${quoteSheet(sheet.name)}!${a1Of({
    ...area,
    numRows: Math.min(area.numRows, sheet.maxRows - area.row + 1),
    numColumns: Math.min(area.numColumns, sheet.maxColumns - area.column + 1),
  })}`;
  const out: Json = { range: rangeText, majorDimension: options.majorDimension };
  if (lastRow < area.row || lastColumn < area.column) return out;
  const scope = formulaScope(ss, nowMs);
  const grid = readGrid(scope, sheet, {
    row: area.row,
    column: area.column,
    numRows: lastRow - area.row + 1,
    numColumns: lastColumn - area.column + 1,
  });
  let rows: unknown[][] = grid.map((line, r) => {
    const rendered = line.map((v, c) =>
      renderCell(sheet, area.row + r, area.column + c, v, options, scope.conventions),
    );
    let end = rendered.length;
    while (end > 0 && (rendered[end - 1] === '' || rendered[end - 1] === null)) end -= 1;
    return rendered.slice(0, end);
  });
  let end = rows.length;
  while (end > 0 && (rows[end - 1] as unknown[]).length === 0) end -= 1;
  rows = rows.slice(0, end);
  if (options.majorDimension === 'COLUMNS') {
    const width = Math.max(0, ...rows.map((r) => r.length));
    rows = Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? ''));
  }
  if (rows.length > 0) out.values = rows;
  return out;
}

export function cellsOf(values: unknown): unknown[][] {
  if (!Array.isArray(values) || !values.every(Array.isArray))
    throw new RestError(400, 'Invalid values: expected a list of rows.', 'badRequest');
  return values as unknown[][];
}

/** Writes rows at a range's top-left corner; Google refuses data past the grid or the range's size. */
export function writeValues(ss: SpreadsheetData, notation: string, values: unknown[][], inputOption: string): Json {
  if (inputOption !== 'RAW' && inputOption !== 'USER_ENTERED')
    throw new RestError(400, "Invalid valueInputOption: must be 'RAW' or 'USER_ENTERED'.", 'badRequest');
  const { sheet, area } = resolveRange(ss, notation);
  const numRows = values.length;
  const numColumns = Math.max(0, ...values.map((r) => r.length));
  const explicitEnd = /:/.test(splitSheetPrefix(notation).a1);
  if (explicitEnd && (numRows > area.numRows || numColumns > area.numColumns))
    throw new RestError(
      400,
      `Requested writing within range [${notation}], but tried writing to row [${area.row + numRows - 1}]`,
      'badRequest',
    );
  if (area.row + numRows - 1 > sheet.maxRows || area.column + numColumns - 1 > sheet.maxColumns)
    throw new RestError(
      400,
      `Range (${quoteSheet(sheet.name)}!${a1Of({ row: area.row, column: area.column, numRows: Math.max(1, numRows), numColumns: Math.max(1, numColumns) })}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
      'badRequest',
    );
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null) return;
      if (inputOption === 'RAW') writeRaw(sheet, area.row + r, area.column + c, value);
      else writeTyped(sheet, area.row + r, area.column + c, value, conventionsOf(ss));
    }),
  );
  return {
    spreadsheetId: ss.id,
    updatedRange: `${quoteSheet(sheet.name)}!${a1Of({ row: area.row, column: area.column, numRows: Math.max(1, numRows), numColumns: Math.max(1, numColumns) })}`,
    updatedRows: numRows,
    updatedColumns: numColumns,
    updatedCells: values.reduce((sum, r) => sum + r.length, 0),
  };
}

export function cellCount(ranges: Json[]): number {
  return ranges.reduce(
    (sum, r) => sum + ((r.values as unknown[][] | undefined) ?? []).reduce((s, row) => s + row.length, 0),
    0,
  );
}

/**
 * Clears a range's values (formats, notes and validation stay) and names the range cleared, bounded to
 * the sheet (catalogue: REST-SHEETS-BATCHCLEAR).
 */
export function clearValues(ss: SpreadsheetData, notation: string): string {
  const { sheet, area } = resolveRange(ss, notation);
  const bounded = {
    ...area,
    numRows: Math.min(area.numRows, sheet.maxRows - area.row + 1),
    numColumns: Math.min(area.numColumns, sheet.maxColumns - area.column + 1),
  };
  clearArea(sheet, bounded, { contentsOnly: true });
  return `${quoteSheet(sheet.name)}!${a1Of(bounded)}`;
}
