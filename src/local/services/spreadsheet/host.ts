/**
 * The host side of the emulated spreadsheets: what the scenario runner, the playground and the other
 * emulated services do to a spreadsheet from outside the script (staff typing, form responses arriving,
 * snapshots). None of it is a script call: nothing here goes through `Workspace.call`.
 */
import { isoInZone } from '../../../core/time/zone';
import type { Workspace } from '../../runtime/workspace';
import { cellValue, display, formulaScope, readGrid, writeRaw, writeTyped } from './cells';
import type { FormulaScope } from './formulas';
import { RangeFacade } from './range';
import { addSheet, SpreadsheetFacade } from './spreadsheet';
import { UserFacade } from './user';
import {
  a1Of,
  cellAt,
  columnLetter,
  emptyUi,
  isDate,
  lastColumnOf,
  lastFilledRowOf,
  lastRowOf,
  normalizeHeader,
  sheetById,
  sheetByName,
  spreadsheetData,
  spreadsheetsState,
  TIME_ZONE,
  type CellValue,
  type Conventions,
  type SheetData,
  type SpreadsheetData,
  type UiData,
} from './model';
import { typedContent } from './typing';

export function createSpreadsheetData(ws: Workspace, name: string, owner: string): SpreadsheetData {
  const state = spreadsheetsState(ws);
  const ss: SpreadsheetData = {
    id: ws.newId('1', 43),
    name,
    owner: owner.toLowerCase(),
    editors: [owner.toLowerCase()],
    viewers: [],
    sheets: [],
    protections: [],
    nextProtectionId: 0,
    nextChartId: 0,
    activeSheetId: 0,
    activeRange: null,
    ui: emptyUi(),
  };
  ss.activeSheetId = addSheet(ws, ss, undefined, undefined).id;
  state.byId[ss.id] = ss;
  return ss;
}

/**
 * A new spreadsheet owned by the workspace's owner; `bind` makes it the script's container. Its zone and
 * locale are Europe/Rome and it_IT unless given (a test gives another zone to tell them from the script's).
 */
export function createSpreadsheet(
  ws: Workspace,
  name: string,
  options: { bind?: boolean; timeZone?: string; locale?: string } = {},
): string {
  const ss = createSpreadsheetData(ws, name, ws.state.owner);
  if (options.bind) spreadsheetsState(ws).boundId = ss.id;
  if (options.timeZone) ss.timeZone = options.timeZone;
  if (options.locale) ss.locale = options.locale;
  return ss.id;
}

export function boundSpreadsheetId(ws: Workspace): string | null {
  return spreadsheetsState(ws).boundId;
}

export function ensureSheet(ws: Workspace, ssId: string, name: string): void {
  const ss = spreadsheetData(ws, ssId);
  if (!sheetByName(ss, name)) addSheet(ws, ss, name, undefined);
}

export function hostTabNames(ws: Workspace, ssId: string): string[] {
  return spreadsheetData(ws, ssId).sheets.map((s) => s.name);
}

function tab(ws: Workspace, ssId: string, name: string): SheetData {
  const sheet = sheetByName(spreadsheetData(ws, ssId), name);
  if (!sheet) throw new Error(`The spreadsheet has no tab named "${name}".`);
  return sheet;
}

/** Raw values appended below the last row, stored as given (Dates stay Dates, strings are not parsed). */
export function appendRowsToSheet(
  ws: Workspace,
  ssId: string,
  sheetName: string,
  rows: unknown[][],
): { row: number; numRows: number } {
  const sheet = tab(ws, ssId, sheetName);
  const row = lastRowOf(sheet) + 1;
  rows.forEach((values, i) => values.forEach((value, j) => writeRaw(sheet, row + i, j + 1, value)));
  return { row, numRows: rows.length };
}

function headerText(value: CellValue): string {
  return isDate(value) ? isoInZone(value.getTime(), TIME_ZONE) : String(value);
}

function scopeFor(ws: Workspace, ssId: string): FormulaScope {
  return formulaScope(spreadsheetData(ws, ssId), ws.now());
}

function headerOf(scope: FormulaScope, sheet: SheetData): string[] {
  const width = lastColumnOf(sheet);
  if (width === 0) return [];
  return (readGrid(scope, sheet, { row: 1, column: 1, numRows: 1, numColumns: width })[0] ?? []).map(headerText);
}

export function hostReadTab(
  ws: Workspace,
  ssId: string,
  tabName: string,
): { header: string[]; rows: unknown[][] } | null {
  const sheet = sheetByName(spreadsheetData(ws, ssId), tabName);
  if (!sheet) return null;
  const width = lastColumnOf(sheet);
  const last = lastFilledRowOf(sheet);
  const scope = scopeFor(ws, ssId);
  return {
    header: headerOf(scope, sheet),
    rows:
      last < 2 || width === 0
        ? []
        : readGrid(scope, sheet, { row: 2, column: 1, numRows: last - 1, numColumns: width }),
  };
}

/** The 1-based column of every key, matched to the header ignoring case, accents and surrounding spaces. */
function columnsFor(scope: FormulaScope, sheet: SheetData, keys: string[]): Map<string, number> {
  const header = headerOf(scope, sheet).map(normalizeHeader);
  const out = new Map<string, number>();
  for (const key of keys) {
    const i = header.indexOf(normalizeHeader(key));
    if (i < 0) throw new Error(`Tab "${sheet.name}" has no column "${key}".`);
    out.set(key, i + 1);
  }
  return out;
}

/** How many rows Sheets' "Add more rows at the bottom" button adds unless told otherwise. */
const ROWS_ADDED_AT_THE_BOTTOM = 1000;

/** Staff typing whole rows below the last one: strings are interpreted as Sheets interprets typing. */
export function hostAppendRecords(
  ws: Workspace,
  ssId: string,
  tabName: string,
  records: Array<Record<string, unknown>>,
): { row: number; numRows: number; numColumns: number } {
  const sheet = tab(ws, ssId, tabName);
  const scope = scopeFor(ws, ssId);
  const columns = columnsFor(scope, sheet, [...new Set(records.flatMap((r) => Object.keys(r)))]);
  const numColumns = headerOf(scope, sheet).length;
  const row = lastFilledRowOf(sheet) + 1;
  // Nobody can type below the sheet's last row: a person first clicks "Add 1000 more rows at the bottom".
  while (row + records.length - 1 > sheet.maxRows) sheet.maxRows += ROWS_ADDED_AT_THE_BOTTOM;
  records.forEach((record, i) => {
    for (const [key, value] of Object.entries(record))
      writeTyped(sheet, row + i, columns.get(key) as number, value, scope.conventions);
  });
  return { row, numRows: records.length, numColumns };
}

/** Whether a cell's value is what a person would mean by typing `expected` into a filter. */
function matches(value: CellValue, expected: unknown, plainText: boolean, conventions: Conventions): boolean {
  const typed = typedContent(expected, plainText, conventions).v ?? '';
  if (isDate(value)) {
    if (isDate(typed)) return typed.getTime() === value.getTime();
    if (typeof expected === 'string') {
      const iso = isoInZone(value.getTime(), TIME_ZONE);
      if (/^\d{4}-\d{2}-\d{2}$/.test(expected)) return iso.slice(0, 10) === expected;
      const instant = Date.parse(expected);
      return Number.isFinite(instant) && instant === value.getTime();
    }
    return false;
  }
  if (isDate(typed)) return false;
  return typed === value || String(value) === String(expected);
}

/** Staff edits the cells named in `set` on every data row matching `where`; returns what changed. */
export function hostEditCells(
  ws: Workspace,
  ssId: string,
  tabName: string,
  where: Record<string, unknown>,
  set: Record<string, unknown>,
): Array<{ row: number; column: number; oldValue: unknown; value: unknown }> {
  const sheet = tab(ws, ssId, tabName);
  const scope = scopeFor(ws, ssId);
  const whereColumns = columnsFor(scope, sheet, Object.keys(where));
  const setColumns = columnsFor(scope, sheet, Object.keys(set));
  const edited: Array<{ row: number; column: number; oldValue: unknown; value: unknown }> = [];
  const last = lastRowOf(sheet);
  for (let row = 2; row <= last; row++) {
    const hit = Object.entries(where).every(([key, expected]) => {
      const column = whereColumns.get(key) as number;
      const cell = cellAt(sheet, row, column);
      return matches(cellValue(scope, sheet, row, column), expected, cell?.nf === '@', scope.conventions);
    });
    if (!hit) continue;
    for (const [key, value] of Object.entries(set)) {
      const column = setColumns.get(key) as number;
      const oldValue = cellValue(scope, sheet, row, column);
      writeTyped(sheet, row, column, value, scope.conventions);
      edited.push({ row, column, oldValue, value: cellValue(scope, sheet, row, column) });
    }
  }
  return edited;
}

/**
 * The `onEdit` event object, built from the facades the script sees. Google sets `value` and `oldValue`
 * only for a single-cell edit (and `oldValue` only when the cell had one).
 */
export function editEvent(
  ws: Workspace,
  ssId: string,
  tabName: string,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
  extra: { value?: unknown; oldValue?: unknown } = {},
): Record<string, unknown> {
  const sheet = tab(ws, ssId, tabName);
  const event: Record<string, unknown> = {
    source: new SpreadsheetFacade(ws, ssId),
    range: new RangeFacade(ws, ssId, sheet.id, { row, column, numRows, numColumns }),
    user: new UserFacade(ws.state.owner),
    authMode: 'LIMITED',
  };
  if (numRows === 1 && numColumns === 1) {
    event.value = 'value' in extra ? extra.value : cellValue(scopeFor(ws, ssId), sheet, row, column);
    if (extra.oldValue !== undefined && extra.oldValue !== '') event.oldValue = extra.oldValue;
  }
  return event;
}

/**
 * The event of a form-submit trigger installed on the spreadsheet, for the response row the form has
 * just written: the row as a `Range`, its cells as the text the sheet shows (`values`, timestamp first)
 * and by column title (`namedValues`, each an array).
 */
export function spreadsheetFormSubmitEvent(
  ws: Workspace,
  ssId: string,
  sheetId: number,
  row: number,
): Record<string, unknown> {
  const sheet = sheetById(spreadsheetData(ws, ssId), sheetId);
  const width = lastColumnOf(sheet);
  const scope = scopeFor(ws, ssId);
  const header = headerOf(scope, sheet);
  const values = Array.from({ length: width }, (_, i) => display(scope, sheet, row, i + 1));
  const namedValues: Record<string, string[]> = {};
  header.forEach((title, i) => {
    if (title !== '') namedValues[title] = [values[i] ?? ''];
  });
  return {
    source: new SpreadsheetFacade(ws, ssId),
    range: new RangeFacade(ws, ssId, sheet.id, { row, column: 1, numRows: 1, numColumns: width }),
    values,
    namedValues,
    authMode: 'FULL',
  };
}

export interface SheetSnapshot {
  header: string[];
  rows: Array<Record<string, unknown>>;
  formulas: string[];
}

function snapshotValue(value: CellValue): unknown {
  return isDate(value) ? isoInZone(value.getTime(), TIME_ZONE) : value;
}

/** Every tab in order: header, data rows keyed by header (Dates as ISO with the Rome offset), formula cells. */
export function snapshotSheets(ws: Workspace, ssId: string): Record<string, SheetSnapshot> {
  const out: Record<string, SheetSnapshot> = {};
  const scope = scopeFor(ws, ssId);
  for (const sheet of spreadsheetData(ws, ssId).sheets) {
    const header = headerOf(scope, sheet);
    const keys: string[] = [];
    header.forEach((text, i) => keys.push(text.trim() === '' || keys.includes(text) ? columnLetter(i + 1) : text));
    const last = lastFilledRowOf(sheet);
    const grid =
      last < 2 || header.length === 0
        ? []
        : readGrid(scope, sheet, { row: 2, column: 1, numRows: last - 1, numColumns: header.length });
    const rows = grid.map((values) => Object.fromEntries(values.map((v, i) => [keys[i] as string, snapshotValue(v)])));
    const formulas: string[] = [];
    sheet.rows.forEach((r, i) =>
      r?.forEach((cell, j) => {
        if (cell?.f !== undefined) formulas.push(a1Of({ row: i + 1, column: j + 1, numRows: 1, numColumns: 1 }));
      }),
    );
    out[sheet.name] = { header, rows, formulas };
  }
  return out;
}

function quoteSheetName(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** What the script did to the spreadsheet's UI, and the current selection ("Sheet!A1"). */
/**
 * Buttons a person clicks for the next questions `Ui.alert` asks in this spreadsheet, in order; what a
 * run leaves unused is dropped by `clearAnswers`, so it cannot answer a later run's question.
 */
export function answerNextAlerts(ws: Workspace, ssId: string, ...buttons: string[]): void {
  const ui = spreadsheetData(ws, ssId).ui;
  ui.answers = [...(ui.answers ?? []), ...buttons];
}

export function clearAnswers(ws: Workspace, ssId: string): void {
  spreadsheetData(ws, ssId).ui.answers = [];
}

export function uiState(ws: Workspace, ssId: string): UiData & { activeRange: string } {
  const ss = spreadsheetData(ws, ssId);
  const sheet = sheetById(ss, ss.activeSheetId);
  const area =
    ss.activeRange && ss.activeRange.sheetId === sheet.id
      ? ss.activeRange
      : { row: 1, column: 1, numRows: 1, numColumns: 1 };
  return {
    ...structuredClone(ss.ui),
    activeRange: `${quoteSheetName(sheet.name)}!${a1Of({ row: area.row, column: area.column, numRows: area.numRows, numColumns: area.numColumns })}`,
  };
}
