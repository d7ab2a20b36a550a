import type { Workspace } from '../../runtime/workspace';

/**
 * The persisted state of every emulated spreadsheet: plain data only (v8-serializable, Dates allowed),
 * so a workbook saved by `persistence.ts` comes back exactly as it was.
 */
export type CellValue = string | number | boolean | Date;

export interface ValidationData {
  /** A `DataValidationCriteria` name: VALUE_IN_LIST, VALUE_IN_RANGE, CHECKBOX, NUMBER_BETWEEN... */
  type: string;
  /** Criteria values; a range criterion is kept as `{ sheetName, a1 }` and turned back into a Range. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface Cell {
  /** The value as `getValues` returns it; `null` = empty. A formula cell keeps `''` (never evaluated). */
  v: CellValue | null;
  /** The formula text, beginning with `=`. */
  f?: string;
  note?: string;
  /** Number format pattern (`@` = plain text). */
  nf?: string;
  dv?: ValidationData;
  /** Recorded formats (font weight, colors, alignment, wrap): kept, never rendered. */
  st?: Record<string, string | boolean | null>;
}

export interface ChartData {
  id: number;
  type: string;
  ranges: Array<{ sheetName: string; a1: string }>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetData {
  id: number;
  name: string;
  /** Row-major, 0-based, ragged: a missing row or cell is an empty one with default format. */
  rows: Array<Array<Cell | null> | null>;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  /** Rows hidden by the user; absent in workbooks saved before rows could be hidden. */
  hiddenRows?: number[];
  /** Merged blocks (absent when the sheet has none). */
  merges?: GridArea[];
  charts: ChartData[];
  /** The form whose responses land here (`Sheet.getFormUrl`), set by FormApp when it links the tab. */
  formUrl?: string;
}

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** The protected block for RANGE protections (1-based). */
  area: GridArea | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
}

export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface MenuItemData {
  kind: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  items?: MenuItemData[];
}

export interface UiData {
  menus: Array<{ title: string; items: MenuItemData[] }>;
  sidebars: Array<{ title: string; html: string }>;
  dialogs: Array<{ title: string; html: string; modal: boolean }>;
  toasts: Array<{ message: string; title: string; timeoutSeconds: number | null }>;
  alerts: AlertData[];
  /**
   * Buttons a person has already clicked for the next questions, in order (HTML-ALERT-ANSWER); absent in
   * workbooks saved before questions could be answered.
   */
  answers?: string[];
}

/** One `Ui.alert`: what it said, the buttons it offered, and the button it answered. */
export interface AlertData {
  title: string;
  prompt: string;
  buttons: string;
  answer: string;
  /** A question (a set with a choice) asked while nobody had answered it: the user still has to. */
  unanswered: boolean;
}

export interface SpreadsheetData {
  id: string;
  name: string;
  owner: string;
  editors: string[];
  viewers: string[];
  sheets: SheetData[];
  protections: ProtectionData[];
  nextProtectionId: number;
  nextChartId: number;
  activeSheetId: number;
  activeRange: ({ sheetId: number } & GridArea) | null;
  ui: UiData;
  /** The spreadsheet's own zone and locale (catalogue: SHEETS-TIMEZONE-LOCALE); absent in older workbooks. */
  timeZone?: string;
  locale?: string;
}

/** How a spreadsheet reads typed input and shows values: its time zone and locale. */
export interface Conventions {
  timeZone: string;
  locale: string;
}

export function conventionsOf(ss: SpreadsheetData): Conventions {
  return { timeZone: ss.timeZone ?? TIME_ZONE, locale: ss.locale ?? LOCALE };
}

export interface SpreadsheetsState {
  byId: Record<string, SpreadsheetData>;
  boundId: string | null;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Google names the first tab of a spreadsheet in an Italian locale "Foglio1". */
export const DEFAULT_SHEET_PREFIX = 'Foglio';
export const TIME_ZONE = 'Europe/Rome';
export const LOCALE = 'it_IT';

/** catalogue: SHEETS-CELL-CHARS */
export const MAX_CELL_CHARACTERS = 50_000;

export const MESSAGES = {
  tooManyCharacters: `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  minRows: 'The number of rows in the range must be at least 1.',
  minColumns: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  deleteAllSheets: "You can't remove all the sheets in a document.",
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  invalidData: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  signature: (method: string, args: readonly unknown[] = []) =>
    `The parameters (${args.map(appsScriptTypeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
} as const;

/** How Apps Script names an argument's type in its signature errors: `String`, `number`, `number[]`, `Object`. */
function appsScriptTypeName(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 ? `${appsScriptTypeName(value[0])}[]` : 'Object[]';
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  return 'Object';
}

export function spreadsheetsState(ws: Workspace): SpreadsheetsState {
  return ws.slot<SpreadsheetsState>('spreadsheets', () => ({ byId: {}, boundId: null }));
}

export function spreadsheetData(ws: Workspace, ssId: string): SpreadsheetData {
  const ss = spreadsheetsState(ws).byId[ssId];
  if (!ss) throw new Error(`No spreadsheet with id ${ssId}`);
  return ss;
}

export function sheetById(ss: SpreadsheetData, sheetId: number): SheetData {
  const sheet = ss.sheets.find((s) => s.id === sheetId);
  if (!sheet) throw new Error('The sheet has been deleted.');
  return sheet;
}

export function sheetByName(ss: SpreadsheetData, name: string): SheetData | null {
  return ss.sheets.find((s) => s.name === name) ?? null;
}

export function newSheetData(id: number, name: string, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): SheetData {
  return {
    id,
    name,
    rows: [],
    maxRows: rows,
    maxColumns: columns,
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    tabColor: null,
    columnWidths: {},
    hiddenColumns: [],
    hiddenRows: [],
    charts: [],
  };
}

export function emptyUi(): UiData {
  return { menus: [], sidebars: [], dialogs: [], toasts: [], alerts: [], answers: [] };
}

/** The stored cell at 1-based coordinates, or null when it was never touched. */
export function cellAt(sheet: SheetData, row: number, column: number): Cell | null {
  return sheet.rows[row - 1]?.[column - 1] ?? null;
}

/** The cell at 1-based coordinates, created (and the sheet grown) when needed. */
export function cellFor(sheet: SheetData, row: number, column: number): Cell {
  if (row > sheet.maxRows) sheet.maxRows = row;
  if (column > sheet.maxColumns) sheet.maxColumns = column;
  let r = sheet.rows[row - 1];
  if (!r) {
    while (sheet.rows.length < row - 1) sheet.rows.push(null);
    r = [];
    sheet.rows[row - 1] = r;
  }
  let c = r[column - 1];
  if (!c) {
    while (r.length < column - 1) r.push(null);
    c = { v: null };
    r[column - 1] = c;
  }
  return c;
}

export function hasContent(cell: Cell | null): boolean {
  return !!cell && ((cell.v !== null && cell.v !== '') || cell.f !== undefined);
}

export function isCheckbox(cell: Cell | null): boolean {
  return cell?.dv?.type === 'CHECKBOX';
}

/**
 * The value `getValues` returns for a cell: empty is `''` (a checkbox too: whether a bare checkbox rule
 * fills it is decided when the rule is set, see SHEETS-CHECKBOX-EMPTY), a Date is a fresh copy so the
 * script cannot change the stored one.
 */
export function readValue(cell: Cell | null): CellValue {
  if (!cell || cell.v === null) return '';
  if (isDate(cell.v)) return new Date(cell.v.getTime());
  return cell.v;
}

/** Last row with content (0 for an empty sheet). */
export function lastRowOf(sheet: SheetData): number {
  for (let r = sheet.rows.length; r >= 1; r--) {
    const row = sheet.rows[r - 1];
    if (row && row.some(hasContent)) return r;
  }
  return 0;
}

/**
 * The last row a person sees as filled in: content other than an unchecked checkbox (which looks like an
 * empty box). Staff typing new rows start below it, whatever `getLastRow()` says (SHEETS-CHECKBOX-EMPTY).
 */
export function lastFilledRowOf(sheet: SheetData): number {
  for (let r = sheet.rows.length; r >= 1; r--) {
    const row = sheet.rows[r - 1];
    if (row && row.some((cell) => hasContent(cell) && !(isCheckbox(cell) && cell?.v === false))) return r;
  }
  return 0;
}

/** Last column with content (0 for an empty sheet). */
export function lastColumnOf(sheet: SheetData): number {
  let last = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length; c > last; c--) {
      if (hasContent(row[c - 1] ?? null)) {
        last = c;
        break;
      }
    }
  }
  return last;
}

export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * How an A1 reference was bounded: `rows` for whole rows (`5:7`), `columns` for whole columns (`D:F`),
 * `openRows` for columns from a row down (`A2:C`); Google writes the notation back the same way
 * (catalogue: SHEETS-A1-WHOLE).
 */
export type A1Frame = 'cells' | 'rows' | 'columns' | 'openRows';

export function a1FrameOf(a1: string): A1Frame {
  const m = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(a1.replace(/\$/g, ''));
  if (!m || m[3] === undefined) return 'cells';
  const [, c1 = '', r1 = '', c2 = '', r2 = ''] = m;
  if (!c1 && !c2) return 'rows';
  if (!r1 && !r2) return 'columns';
  if (r1 && !r2 && c1 && c2) return 'openRows';
  return 'cells';
}

export function a1Of(area: GridArea, frame: A1Frame = 'cells'): string {
  const lastColumn = columnLetter(area.column + area.numColumns - 1);
  if (frame === 'rows') return `${area.row}:${area.row + area.numRows - 1}`;
  if (frame === 'columns') return `${columnLetter(area.column)}:${lastColumn}`;
  if (frame === 'openRows') return `${columnLetter(area.column)}${area.row}:${lastColumn}`;
  const start = `${columnLetter(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return start;
  return `${start}:${columnLetter(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}

/** Splits "'Sheet name'!A1:B2" into its sheet name (null when absent) and the A1 part. */
export function splitSheetPrefix(notation: string): { sheetName: string | null; a1: string } {
  const bang = notation.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, a1: notation.trim() };
  let name = notation.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, a1: notation.slice(bang + 1).trim() };
}

/**
 * An A1 reference on a sheet of the given size: cells (`B2`), blocks (`A1:C3`), whole columns
 * (`A:C`), whole rows (`2:5`) and open-ended columns (`A2:C`). Returns null when it is not A1.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridArea | null {
  const m = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(a1.replace(/\$/g, ''));
  if (!m) return null;
  const [, c1 = '', r1 = '', c2raw, r2raw] = m;
  const hasEnd = c2raw !== undefined;
  const c2 = c2raw ?? '';
  const r2 = r2raw ?? '';
  if (!c1 && !r1) return null;
  if (!hasEnd && (!c1 || !r1)) return null;
  const startCol = c1 ? columnNumber(c1) : 1;
  const startRow = r1 ? Number(r1) : 1;
  let endCol = startCol;
  let endRow = startRow;
  if (hasEnd) {
    if (!c2 && !r2) return null;
    endCol = c2 ? columnNumber(c2) : c1 ? startCol : maxColumns;
    endRow = r2 ? Number(r2) : maxRows;
    if (!c1 && !c2) endCol = maxColumns;
    if (!r1 && !r2) endRow = maxRows;
  }
  const row = Math.min(startRow, endRow);
  const column = Math.min(startCol, endCol);
  if (row < 1 || column < 1) return null;
  return { row, column, numRows: Math.abs(endRow - startRow) + 1, numColumns: Math.abs(endCol - startCol) + 1 };
}

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
