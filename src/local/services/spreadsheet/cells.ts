/** Reading and writing cells of the stored grid: shapes, typed and raw writes, clearing, display, validation checks. */
import { strictAbout, type Variant } from '../../runtime/variant';
import type { Workspace } from '../../runtime/workspace';
import {
  cellAt,
  cellFor,
  conventionsOf,
  isDate,
  MAX_CELL_CHARACTERS,
  MESSAGES,
  parseA1,
  readValue,
  sheetByName,
  spreadsheetData,
  type Cell,
  type CellValue,
  type Conventions,
  type GridArea,
  type SheetData,
  type SpreadsheetData,
  type ValidationData,
} from './model';
import { formulaValue, type FormulaScope } from './formulas';
import { AUTOMATIC_FORMAT, displayValue } from './number-format';
import { typedContent } from './typing';
import type { DataValidationFacade } from './validation';

/** catalogue: SHEETS-SETVALUES-SHAPE — a 2-D array of the range's exact size, else Google's messages. */
export function shapeCheck(data: unknown, area: GridArea, method: string): unknown[][] {
  // The argument's type is checked when the call is made, before its size.
  if (!Array.isArray(data) || !data.every(Array.isArray))
    throw new Error(MESSAGES.signature(`Range.${method}`, [data]));
  if (data.length !== area.numRows) throw new Error(MESSAGES.rowsMismatch(data.length, area.numRows));
  for (const row of data as unknown[][]) {
    if (row.length !== area.numColumns) throw new Error(MESSAGES.columnsMismatch(row.length, area.numColumns));
  }
  return data as unknown[][];
}

/** catalogue: SHEETS-RANGE-BOUNDS — a range reaching past the sheet's rows or columns is refused. */
export function assertInside(sheet: SheetData, area: GridArea): GridArea {
  if (area.row + area.numRows - 1 > sheet.maxRows || area.column + area.numColumns - 1 > sheet.maxColumns)
    throw new Error(MESSAGES.outside);
  return area;
}

/** catalogue: SHEETS-CELL-CHARS — checked for every value before anything is written. */
export function assertCellsFit(values: readonly unknown[]): void {
  for (const value of values) {
    if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) throw new Error(MESSAGES.tooManyCharacters);
  }
}

/** What formulas in this spreadsheet see now. */
export function formulaScope(ss: SpreadsheetData, nowMs: number): FormulaScope {
  return { ss, conventions: conventionsOf(ss), nowMs };
}

/** The value `getValue(s)` returns for the cell at 1-based coordinates: a formula is computed. */
export function cellValue(scope: FormulaScope, sheet: SheetData, row: number, column: number): CellValue {
  const cell = cellAt(sheet, row, column);
  return cell?.f !== undefined ? formulaValue(scope, sheet, row, column, cell) : readValue(cell);
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
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    default: {
      const test = NUMBER_TESTS[dv.type];
      return test ? typeof value === 'number' && test(value, Number(dv.values[0]), Number(dv.values[1])) : true;
    }
  }
}

/** The number criteria of `DataValidationBuilder.requireNumber…`, by criteria type. */
const NUMBER_TESTS: Partial<Record<string, (n: number, a: number, b: number) => boolean>> = {
  NUMBER_BETWEEN: (n, a, b) => n >= a && n <= b,
  NUMBER_NOT_BETWEEN: (n, a, b) => n < a || n > b,
  NUMBER_EQUAL_TO: (n, a) => n === a,
  NUMBER_NOT_EQUAL_TO: (n, a) => n !== a,
  NUMBER_GREATER_THAN: (n, a) => n > a,
  NUMBER_GREATER_THAN_OR_EQUAL_TO: (n, a) => n >= a,
  NUMBER_LESS_THAN: (n, a) => n < a,
  NUMBER_LESS_THAN_OR_EQUAL_TO: (n, a) => n <= a,
};

export function readGrid(scope: FormulaScope, sheet: SheetData, area: GridArea): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < area.numRows; r++) {
    const row = sheet.rows[area.row - 1 + r];
    const line: CellValue[] = [];
    for (let c = 0; c < area.numColumns; c++) {
      const cell = row?.[area.column - 1 + c] ?? null;
      line.push(
        cell?.f !== undefined ? formulaValue(scope, sheet, area.row + r, area.column + c, cell) : readValue(cell),
      );
    }
    out.push(line);
  }
  return out;
}

/** Writes a value as if typed into the cell (see `typedContent`). */
export function writeTyped(
  sheet: SheetData,
  row: number,
  column: number,
  value: unknown,
  conventions: Conventions,
): void {
  const existing = cellAt(sheet, row, column);
  const content = typedContent(value, existing?.nf === '@', conventions);
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

/** The text a cell shows (`getDisplayValue(s)`), a formula's computed value included. */
export function display(scope: FormulaScope, sheet: SheetData, row: number, column: number): string {
  const cell = cellAt(sheet, row, column);
  return displayValue(cellValue(scope, sheet, row, column), cell?.nf, scope.conventions);
}

/**
 * The text a stored cell shows, for searches that hold the cell but not its coordinates: a formula is
 * computed as if it sat in A1 (only ROW() and COLUMN() without arguments would tell the difference).
 */
export function displayOfCell(scope: FormulaScope, sheet: SheetData, cell: Cell | null): string {
  const value = cell?.f !== undefined ? formulaValue(scope, sheet, 1, 1, cell) : readValue(cell);
  return displayValue(value, cell?.nf, scope.conventions);
}

export function numberFormatOf(cell: Cell | null): string {
  return cell?.nf ?? AUTOMATIC_FORMAT;
}

/**
 * What a checkbox rule stores when checked or unchecked: `true`/`false`, or its custom values, the
 * unchecked one the empty string when only a checked value was given.
 */
export function checkboxValue(values: readonly unknown[], checked: boolean): CellValue {
  if (values.length === 0) return checked;
  return (checked ? values[0] : values.length > 1 ? values[1] : '') as CellValue;
}

export function checkState(cell: Cell | null): boolean | null {
  if (!cell?.dv || cell.dv.type !== 'CHECKBOX') return null;
  const custom = cell.dv.values;
  const v = cell.v ?? (custom.length ? '' : false);
  return v === checkboxValue(custom, true) ? true : v === checkboxValue(custom, false) ? false : null;
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

/**
 * A number given as a note reads back as Java prints a double: `3` as "3.0", `1e7` as "1.0E7"
 * (catalogue: SHEETS-NOTES).
 */
function javaDouble(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const size = Math.abs(n);
  if (size === 0 || (size >= 1e-3 && size < 1e7)) return Number.isInteger(n) ? `${n}.0` : String(n);
  const [mantissa = '', exponent = ''] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

export function setNote(sheet: SheetData, row: number, column: number, note: unknown): void {
  const text = note === null || note === undefined ? '' : typeof note === 'number' ? javaDouble(note) : String(note);
  if (text === '') {
    const cell = cellAt(sheet, row, column);
    if (cell) delete cell.note;
    return;
  }
  cellFor(sheet, row, column).note = text;
}

/**
 * Sets or removes a cell's rule. A bare checkbox rule on an empty cell: strict, the cell becomes
 * `false` (content, so `getLastRow()` reaches it); lenient, it stays empty (catalogue:
 * SHEETS-CHECKBOX-EMPTY, unverified).
 */
export function setValidation(
  sheet: SheetData,
  row: number,
  column: number,
  rule: DataValidationFacade | null,
  ws: { readonly variant: Variant },
): void {
  if (!rule) {
    const cell = cellAt(sheet, row, column);
    if (cell) delete cell.dv;
    return;
  }
  const cell = cellFor(sheet, row, column);
  cell.dv = structuredClone(rule.rule);
  const bareCheckbox = cell.dv.type === 'CHECKBOX' && cell.dv.values.length === 0;
  if (bareCheckbox && cell.v === null && cell.f === undefined && strictAbout(ws, 'SHEETS-CHECKBOX-EMPTY'))
    cell.v = false;
}
