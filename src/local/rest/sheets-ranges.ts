/**
 * How the emulated Sheets API finds what a request names: the spreadsheet by id, a range in A1 notation
 * (`'Sheet'!A1:B2`, a bare sheet name, or A1 on the first sheet) and a GridRange (0-based, end
 * exclusive), each refused with the 400 Google answers when it is off the grid.
 */
import {
  a1Of,
  parseA1,
  sheetByName,
  spreadsheetsState,
  splitSheetPrefix,
  type GridArea,
  type SheetData,
  type SpreadsheetData,
} from '../services/spreadsheet/model';
import type { Workspace } from '../runtime/workspace';
import { RestError } from './http';

export type Json = Record<string, unknown>;

export function spreadsheet(ws: Workspace, id: string): SpreadsheetData {
  const ss = spreadsheetsState(ws).byId[id];
  if (!ss) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  return ss;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface Target {
  sheet: SheetData;
  area: GridArea;
}

/** A range in A1 notation with its sheet ('Sheet'!A1:B2, a bare sheet name, or A1 on the first sheet). */
export function resolveRange(ss: SpreadsheetData, notation: string): Target {
  const { sheetName, a1 } = splitSheetPrefix(notation);
  const bad = (): never => {
    throw new RestError(400, `Unable to parse range: ${notation}`, 'badRequest');
  };
  if (sheetName === null) {
    const whole = sheetByName(
      ss,
      notation
        .trim()
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'"),
    );
    if (whole)
      return { sheet: whole, area: { row: 1, column: 1, numRows: whole.maxRows, numColumns: whole.maxColumns } };
    const first = ss.sheets[0];
    if (!first) return bad();
    const area = parseA1(a1, first.maxRows, first.maxColumns);
    return area ? { sheet: first, area } : bad();
  }
  const sheet = sheetByName(ss, sheetName);
  if (!sheet) return bad();
  if (a1 === '') return { sheet, area: { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns } };
  const area = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  return area ? { sheet, area } : bad();
}

/** A GridRange (0-based, end exclusive, an absent bound = the sheet's edge) as the 1-based area it covers. */
export function gridArea(ss: SpreadsheetData, range: Json, at: string): Target {
  const sheet = ss.sheets.find((s) => s.id === Number(range.sheetId ?? 0));
  if (!sheet) throw new RestError(400, `Invalid ${at}: No grid with id: ${String(range.sheetId ?? 0)}`);
  const bound = (v: unknown, edge: number): number => (v === undefined || v === null ? edge : Number(v));
  const startRow = bound(range.startRowIndex, 0);
  const endRow = bound(range.endRowIndex, sheet.maxRows);
  const startColumn = bound(range.startColumnIndex, 0);
  const endColumn = bound(range.endColumnIndex, sheet.maxColumns);
  if (endRow > sheet.maxRows || endColumn > sheet.maxColumns)
    throw new RestError(
      400,
      `Invalid ${at}: Range (${quoteSheet(sheet.name)}!${a1Of({ row: startRow + 1, column: startColumn + 1, numRows: Math.max(1, endRow - startRow), numColumns: Math.max(1, endColumn - startColumn) })}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
    );
  if (startRow < 0 || startColumn < 0 || endRow < startRow || endColumn < startColumn)
    throw new RestError(400, `Invalid ${at}: the range's start must not be after its end.`);
  return {
    sheet,
    area: {
      row: startRow + 1,
      column: startColumn + 1,
      numRows: endRow - startRow,
      numColumns: endColumn - startColumn,
    },
  };
}
