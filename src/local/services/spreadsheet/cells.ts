/** Reading and writing cells of the stored grid: shapes, typed and raw writes, clearing, display, validation checks. */
import type { Workspace } from '../../runtime/workspace';
import {
  cellAt,
  cellFor,
  isCheckbox,
  isDate,
  MESSAGES,
  parseA1,
  readValue,
  sheetByName,
  spreadsheetData,
  type Cell,
  type CellValue,
  type GridArea,
  type SheetData,
  type ValidationData,
} from './model';
import { typedContent } from './typing';
import { formatCell } from './number-format';
import type { DataValidationFacade } from './validation';

export function shapeCheck(data: unknown, area: GridArea, method: string): unknown[][] {
  if (!Array.isArray(data)) throw new Error(MESSAGES.signature(method));
  if (data.length !== area.numRows) throw new Error(MESSAGES.rowsMismatch(data.length, area.numRows));
  for (const row of data) {
    if (!Array.isArray(row)) throw new Error(MESSAGES.signature(method));
    if (row.length !== area.numColumns) throw new Error(MESSAGES.columnsMismatch(row.length, area.numColumns));
  }
  return data as unknown[][];
}

/** Whether a value satisfies a rule that rejects invalid input. Empty always does. */
export function satisfies(ws: Workspace, ssId: string, dv: ValidationData, value: CellValue | null): boolean {
  if (value === null || value === '') return true;
  switch (dv.type) {
    case 'VALUE_IN_LIST':
      return ((dv.values[0] as unknown[]) ?? []).some((x) => String(x) === String(value));
    case 'VALUE_IN_RANGE': {
      const ref = dv.values[0] as { sheetName: string; a1: string };
      const sheet = sheetByName(spreadsheetData(ws, ssId), ref.sheetName);
      const area = sheet && parseA1(ref.a1, sheet.maxRows, sheet.maxColumns);
      if (!sheet || !area) return false;
      for (let r = 0; r < area.numRows; r++) {
        for (let c = 0; c < area.numColumns; c++) {
          if (String(readValue(cellAt(sheet, area.row + r, area.column + c))) === String(value)) return true;
        }
      }
      return false;
    }
    case 'CHECKBOX':
      return dv.values.length > 0 ? dv.values.some((x) => x === value) : typeof value === 'boolean';
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(dv.values[0]) && value <= Number(dv.values[1]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(dv.values[0]);
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    default:
      return true;
  }
}

export function readGrid(sheet: SheetData, area: GridArea): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < area.numRows; r++) {
    const row = sheet.rows[area.row - 1 + r];
    const line: CellValue[] = [];
    for (let c = 0; c < area.numColumns; c++) line.push(readValue(row?.[area.column - 1 + c] ?? null));
    out.push(line);
  }
  return out;
}

/** Writes a value as if typed into the cell (see `typedContent`). */
export function writeTyped(sheet: SheetData, row: number, column: number, value: unknown): void {
  const existing = cellAt(sheet, row, column);
  const content = typedContent(value, existing?.nf === '@');
  if (!existing && content.v === null && content.f === undefined) return;
  storeContent(cellFor(sheet, row, column), content.v, content.f, content.nf);
}

/** Stores a raw value without interpretation (form responses, host appends of Dates). */
export function writeRaw(sheet: SheetData, row: number, column: number, value: unknown): void {
  const v: CellValue | null =
    value === null || value === undefined || value === ''
      ? null
      : isDate(value)
        ? new Date(value.getTime())
        : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
          ? value
          : String(value);
  if (!cellAt(sheet, row, column) && v === null) return;
  storeContent(cellFor(sheet, row, column), v, undefined, undefined);
}

function storeContent(cell: Cell, v: CellValue | null, f: string | undefined, nf: string | undefined): void {
  cell.v = v;
  if (f === undefined) delete cell.f;
  else cell.f = f;
  if (nf !== undefined && cell.nf === undefined) cell.nf = nf;
}

export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
}

/**
 * `clear()` removes contents and formats; with options, only what they name. Notes and validations stay
 * unless asked for (notes have their own `clearNote(s)`).
 */
export function clearArea(sheet: SheetData, area: GridArea, options: ClearOptions = {}): void {
  const only = options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly;
  const contents = !only || !!options.contentsOnly;
  const formats = !only || !!options.formatOnly;
  const validations = !!options.validationsOnly;
  const lastRow = Math.min(area.row + area.numRows - 1, sheet.rows.length);
  for (let r = area.row; r <= lastRow; r++) {
    const row = sheet.rows[r - 1];
    if (!row) continue;
    const lastCol = Math.min(area.column + area.numColumns - 1, row.length);
    for (let c = area.column; c <= lastCol; c++) {
      const cell = row[c - 1];
      if (!cell) continue;
      if (contents) {
        cell.v = null;
        delete cell.f;
      }
      if (formats) {
        delete cell.nf;
        delete cell.st;
      }
      if (validations) delete cell.dv;
    }
  }
}

export function display(cell: Cell | null): string {
  if (!cell) return '';
  if (cell.f !== undefined) return '';
  if (cell.v === null) return isCheckbox(cell) ? formatCell(false) : '';
  return formatCell(cell.v, cell.nf);
}

/** Google's format of a cell that was never formatted ("automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

export function numberFormatOf(cell: Cell | null): string {
  return cell?.nf ?? DEFAULT_NUMBER_FORMAT;
}

export function checkState(cell: Cell | null): boolean | null {
  if (!cell?.dv || cell.dv.type !== 'CHECKBOX') return null;
  const custom = cell.dv.values;
  const v = cell.v ?? (custom.length ? '' : false);
  if (custom.length) return v === custom[0] ? true : v === custom[1] ? false : null;
  return v === true ? true : v === false ? false : null;
}

export function writeFormula(sheet: SheetData, row: number, column: number, formula: unknown): void {
  const text = formula === null || formula === undefined ? '' : String(formula);
  if (text === '') {
    const cell = cellAt(sheet, row, column);
    if (cell) {
      cell.v = null;
      delete cell.f;
    }
    return;
  }
  const cell = cellFor(sheet, row, column);
  cell.f = text.startsWith('=') ? text : `=${text}`;
  cell.v = '';
}

export function setNote(sheet: SheetData, row: number, column: number, note: unknown): void {
  const text = note === null || note === undefined ? '' : String(note);
  if (text === '') {
    const cell = cellAt(sheet, row, column);
    if (cell) delete cell.note;
    return;
  }
  cellFor(sheet, row, column).note = text;
}

export function setValidation(sheet: SheetData, row: number, column: number, rule: DataValidationFacade | null): void {
  if (!rule) {
    const cell = cellAt(sheet, row, column);
    if (cell) delete cell.dv;
    return;
  }
  cellFor(sheet, row, column).dv = structuredClone(rule.rule);
}
