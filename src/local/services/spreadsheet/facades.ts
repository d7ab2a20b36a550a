import type { Workspace } from '../../runtime/workspace';
import {
  a1Of,
  cellAt,
  cellFor,
  DEFAULT_SHEET_PREFIX,
  isCheckbox,
  isDate,
  lastColumnOf,
  lastRowOf,
  LOCALE,
  MESSAGES,
  newSheetData,
  parseA1,
  readValue,
  sheetById,
  sheetByName,
  splitSheetPrefix,
  spreadsheetData,
  TIME_ZONE,
  type Cell,
  type CellValue,
  type ChartData,
  type GridArea,
  type ProtectionData,
  type SheetData,
  type SpreadsheetData,
  type ValidationData,
} from './model';
import { typedContent } from './typing';
import { formatCell } from './number-format';

/** Every counted script call goes through the workspace gate under the Spreadsheet service. */
function gate(ws: Workspace, method: string, cells = 0): void {
  ws.call('Spreadsheet', method, cells);
}

export const DEFAULT_COLUMN_WIDTH = 100;

export class UserFacade {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user.trim().toLowerCase();
  if (user && typeof user === 'object' && 'getEmail' in user && typeof user.getEmail === 'function') {
    return String((user as { getEmail: () => unknown }).getEmail())
      .trim()
      .toLowerCase();
  }
  throw new Error('Invalid argument: user');
}

/** Who is editing in the current execution: the active user, or the owner when Google would not say. */
function editingIdentity(ws: Workspace, ss: SpreadsheetData): string {
  return (ws.execution?.activeUser || ss.owner).toLowerCase();
}

function overlaps(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function assertCanEdit(ws: Workspace, ss: SpreadsheetData, sheetId: number, area: GridArea): void {
  const who = editingIdentity(ws, ss);
  if (who === ss.owner.toLowerCase()) return;
  for (const p of ss.protections) {
    if (p.sheetId !== sheetId || p.warningOnly) continue;
    if (p.type === 'RANGE' && p.area && !overlaps(p.area, area)) continue;
    if (!p.editors.includes(who)) throw new Error(MESSAGES.protectedCell);
  }
}

function shapeCheck(data: unknown, area: GridArea, method: string): unknown[][] {
  if (!Array.isArray(data)) throw new Error(MESSAGES.signature(method));
  if (data.length !== area.numRows) throw new Error(MESSAGES.rowsMismatch(data.length, area.numRows));
  for (const row of data) {
    if (!Array.isArray(row)) throw new Error(MESSAGES.signature(method));
    if (row.length !== area.numColumns) throw new Error(MESSAGES.columnsMismatch(row.length, area.numColumns));
  }
  return data as unknown[][];
}

/** Whether a value satisfies a rule that rejects invalid input. Empty always does. */
function satisfies(ws: Workspace, ssId: string, dv: ValidationData, value: CellValue | null): boolean {
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

export class SpreadsheetFacade {
  constructor(
    private readonly ws: Workspace,
    readonly ssId: string,
  ) {}

  private data(method: string): SpreadsheetData {
    gate(this.ws, method);
    return spreadsheetData(this.ws, this.ssId);
  }

  private sheetFacade(sheet: SheetData): SheetFacade {
    return new SheetFacade(this.ws, this.ssId, sheet.id);
  }

  getId(): string {
    return this.ssId;
  }
  getName(): string {
    return this.data('getName').name;
  }
  rename(name: string): void {
    this.data('rename').name = String(name);
  }
  getUrl(): string {
    gate(this.ws, 'getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.ssId}/edit`;
  }
  getSheets(): SheetFacade[] {
    return this.data('getSheets').sheets.map((s) => this.sheetFacade(s));
  }
  getNumSheets(): number {
    return this.data('getNumSheets').sheets.length;
  }
  getSheetByName(name: string): SheetFacade | null {
    const sheet = sheetByName(this.data('getSheetByName'), String(name));
    return sheet ? this.sheetFacade(sheet) : null;
  }
  getSheetById(id: number): SheetFacade | null {
    const sheet = this.data('getSheetById').sheets.find((s) => s.id === id);
    return sheet ? this.sheetFacade(sheet) : null;
  }
  insertSheet(nameOrIndex?: unknown, index?: unknown): SheetFacade {
    const ss = this.data('insertSheet');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : typeof index === 'number' ? index : undefined;
    const sheet = addSheet(this.ws, ss, name, at);
    ss.activeSheetId = sheet.id;
    ss.activeRange = null;
    return this.sheetFacade(sheet);
  }
  deleteSheet(sheet: SheetFacade): void {
    const ss = this.data('deleteSheet');
    if (ss.sheets.length <= 1) throw new Error(MESSAGES.deleteAllSheets);
    ss.sheets = ss.sheets.filter((s) => s.id !== sheet.sheetId);
    ss.protections = ss.protections.filter((p) => p.sheetId !== sheet.sheetId);
    if (ss.activeSheetId === sheet.sheetId) {
      ss.activeSheetId = (ss.sheets[0] as SheetData).id;
      ss.activeRange = null;
    }
  }
  getEditors(): UserFacade[] {
    return this.data('getEditors').editors.map((e) => new UserFacade(e));
  }
  getViewers(): UserFacade[] {
    const ss = this.data('getViewers');
    return [...ss.editors, ...ss.viewers].map((e) => new UserFacade(e));
  }
  getOwner(): UserFacade {
    return new UserFacade(this.data('getOwner').owner);
  }
  addEditor(user: unknown): SpreadsheetFacade {
    const ss = this.data('addEditor');
    const email = emailOf(user);
    if (!ss.editors.includes(email)) ss.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): SpreadsheetFacade {
    const ss = this.data('addEditors');
    for (const u of users) {
      const email = emailOf(u);
      if (!ss.editors.includes(email)) ss.editors.push(email);
    }
    return this;
  }
  removeEditor(user: unknown): SpreadsheetFacade {
    const ss = this.data('removeEditor');
    const email = emailOf(user);
    if (email !== ss.owner) ss.editors = ss.editors.filter((e) => e !== email);
    return this;
  }
  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.data('toast').ui.toasts.push({
      message: String(message),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : null,
    });
  }
  getSpreadsheetTimeZone(): string {
    gate(this.ws, 'getSpreadsheetTimeZone');
    return TIME_ZONE;
  }
  getSpreadsheetLocale(): string {
    gate(this.ws, 'getSpreadsheetLocale');
    return LOCALE;
  }
  getActiveSheet(): SheetFacade {
    const ss = this.data('getActiveSheet');
    return this.sheetFacade(sheetById(ss, ss.activeSheetId));
  }
  setActiveSheet(sheet: SheetFacade): SheetFacade {
    const ss = this.data('setActiveSheet');
    ss.activeSheetId = sheet.sheetId;
    ss.activeRange = null;
    return sheet;
  }
  getActiveRange(): RangeFacade | null {
    return activeRangeOf(this.ws, this.data('getActiveRange'));
  }
  setActiveRange(range: RangeFacade): RangeFacade {
    activate(this.data('setActiveRange'), range);
    return range;
  }
  getRange(a1: string): RangeFacade {
    const ss = this.data('getRange');
    const { sheetName, a1: ref } = splitSheetPrefix(String(a1));
    const sheet = sheetName === null ? sheetById(ss, ss.activeSheetId) : sheetByName(ss, sheetName);
    if (!sheet) throw new Error(MESSAGES.rangeNotFound);
    const area = parseA1(ref, sheet.maxRows, sheet.maxColumns);
    if (!area) throw new Error(MESSAGES.rangeNotFound);
    return new RangeFacade(this.ws, this.ssId, sheet.id, area);
  }
  getProtections(type: unknown): ProtectionFacade[] {
    const ss = this.data('getProtections');
    return ss.protections
      .filter((p) => p.type === String(type))
      .map((p) => new ProtectionFacade(this.ws, this.ssId, p.id));
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

export function addSheet(
  ws: Workspace,
  ss: SpreadsheetData,
  name: string | undefined,
  index: number | undefined,
): SheetData {
  let sheetName = name;
  if (sheetName === undefined) {
    let n = ss.sheets.length + 1;
    while (sheetByName(ss, `${DEFAULT_SHEET_PREFIX}${n}`)) n += 1;
    sheetName = `${DEFAULT_SHEET_PREFIX}${n}`;
  }
  if (sheetByName(ss, sheetName)) throw new Error(MESSAGES.sheetExists(sheetName));
  let id = 0;
  while (id === 0 || ss.sheets.some((s) => s.id === id)) id = 1 + Math.floor(ws.random() * 2_000_000_000);
  const sheet = newSheetData(ss.sheets.length === 0 ? 0 : id, sheetName);
  const at = index === undefined ? ss.sheets.length : Math.max(0, Math.min(index, ss.sheets.length));
  ss.sheets.splice(at, 0, sheet);
  return sheet;
}

function activate(ss: SpreadsheetData, range: RangeFacade): void {
  ss.activeSheetId = range.sheetId;
  ss.activeRange = { sheetId: range.sheetId, ...range.area };
}

export function activeRangeOf(ws: Workspace, ss: SpreadsheetData): RangeFacade {
  const sheet = sheetById(ss, ss.activeSheetId);
  const area =
    ss.activeRange && ss.activeRange.sheetId === sheet.id
      ? ss.activeRange
      : { row: 1, column: 1, numRows: 1, numColumns: 1 };
  return new RangeFacade(ws, ss.id, sheet.id, {
    row: area.row,
    column: area.column,
    numRows: area.numRows,
    numColumns: area.numColumns,
  });
}

export class SheetFacade {
  constructor(
    private readonly ws: Workspace,
    readonly ssId: string,
    readonly sheetId: number,
  ) {}

  private ss(): SpreadsheetData {
    return spreadsheetData(this.ws, this.ssId);
  }
  private data(method: string, cells = 0): SheetData {
    gate(this.ws, method, cells);
    return sheetById(this.ss(), this.sheetId);
  }
  private range(area: GridArea): RangeFacade {
    return new RangeFacade(this.ws, this.ssId, this.sheetId, area);
  }
  private editable(area: GridArea): void {
    assertCanEdit(this.ws, this.ss(), this.sheetId, area);
  }

  getName(): string {
    return sheetById(this.ss(), this.sheetId).name;
  }
  getSheetName(): string {
    return this.getName();
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.ss().sheets.findIndex((s) => s.id === this.sheetId) + 1;
  }
  getParent(): SpreadsheetFacade {
    return new SpreadsheetFacade(this.ws, this.ssId);
  }
  setName(name: string): SheetFacade {
    const sheet = this.data('setName');
    const clash = sheetByName(this.ss(), String(name));
    if (clash && clash.id !== this.sheetId) throw new Error(MESSAGES.sheetExists(String(name)));
    sheet.name = String(name);
    return this;
  }
  getType(): string {
    gate(this.ws, 'getType');
    return 'GRID';
  }

  getRange(a: unknown, column?: unknown, numRows?: unknown, numColumns?: unknown): RangeFacade {
    const sheet = this.data('getRange');
    if (typeof a === 'string') {
      const { a1 } = splitSheetPrefix(a);
      const area = parseA1(a1, sheet.maxRows, sheet.maxColumns);
      if (!area) throw new Error(MESSAGES.rangeNotFound);
      return this.range(area);
    }
    return this.range(checkedArea(a, column, numRows ?? 1, numColumns ?? 1));
  }
  getDataRange(): RangeFacade {
    const sheet = this.data('getDataRange');
    return this.range({
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRowOf(sheet)),
      numColumns: Math.max(1, lastColumnOf(sheet)),
    });
  }
  getLastRow(): number {
    return lastRowOf(this.data('getLastRow'));
  }
  getLastColumn(): number {
    return lastColumnOf(this.data('getLastColumn'));
  }
  getMaxRows(): number {
    return this.data('getMaxRows').maxRows;
  }
  getMaxColumns(): number {
    return this.data('getMaxColumns').maxColumns;
  }
  /**
   * Google: "A -1 value given as the row or column position is equivalent to getting the very last row
   * or column that has data in the sheet". On a sheet without data that is zero rows: the result is `[]`
   * (and rows of zero width when only the columns are empty).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    const sheet = sheetById(this.ss(), this.sheetId);
    const rows = numRows === -1 ? Math.max(0, lastRowOf(sheet) - startRow + 1) : numRows;
    const cols = numColumns === -1 ? Math.max(0, lastColumnOf(sheet) - startColumn + 1) : numColumns;
    gate(this.ws, 'getSheetValues', rows * cols);
    if (startRow < 1 || startColumn < 1) throw new Error(MESSAGES.outside);
    if (numRows !== -1 && numRows < 1) throw new Error(MESSAGES.minRows);
    if (numColumns !== -1 && numColumns < 1) throw new Error(MESSAGES.minColumns);
    return readGrid(sheet, { row: startRow, column: startColumn, numRows: rows, numColumns: cols });
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetFacade {
    insertRows(this.data('insertRowsAfter'), afterPosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): SheetFacade {
    insertRows(this.data('insertRowAfter'), afterPosition, 1);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): SheetFacade {
    insertRows(this.data('insertRowsBefore'), beforePosition - 1, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): SheetFacade {
    insertRows(this.data('insertRowBefore'), beforePosition - 1, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): SheetFacade {
    insertColumns(this.data('insertColumnsAfter'), afterPosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): SheetFacade {
    insertColumns(this.data('insertColumnAfter'), afterPosition, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): SheetFacade {
    insertColumns(this.data('insertColumnsBefore'), beforePosition - 1, howMany);
    return this;
  }
  appendRow(rowContents: unknown[]): SheetFacade {
    if (!Array.isArray(rowContents))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const sheet = this.data('appendRow', rowContents.length);
    const row = lastRowOf(sheet) + 1;
    this.editable({ row, column: 1, numRows: 1, numColumns: Math.max(1, rowContents.length) });
    rowContents.forEach((value, i) => writeTyped(sheet, row, i + 1, value));
    return this;
  }
  deleteRow(rowPosition: number): void {
    deleteRows(this.data('deleteRow'), rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    deleteRows(this.data('deleteRows'), rowPosition, howMany);
  }
  deleteColumn(columnPosition: number): SheetFacade {
    deleteColumns(this.data('deleteColumn'), columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    deleteColumns(this.data('deleteColumns'), columnPosition, howMany);
  }

  /** The linked form's URL, or null for a tab no form writes to (the add-on only opens it with FormApp.openByUrl). */
  getFormUrl(): string | null {
    return this.data('getFormUrl').formUrl ?? null;
  }

  setFrozenRows(rows: number): void {
    this.data('setFrozenRows').frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.data('getFrozenRows').frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.data('setFrozenColumns').frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.data('getFrozenColumns').frozenColumns;
  }

  /** Google: if the sheet is already protected, this returns the existing protection. */
  protect(): ProtectionFacade {
    gate(this.ws, 'protect');
    const ss = this.ss();
    const existing = ss.protections.find((p) => p.type === 'SHEET' && p.sheetId === this.sheetId);
    if (existing) return new ProtectionFacade(this.ws, this.ssId, existing.id);
    return new ProtectionFacade(this.ws, this.ssId, addProtection(ss, 'SHEET', this.sheetId, null).id);
  }
  getProtections(type: unknown): ProtectionFacade[] {
    gate(this.ws, 'getProtections');
    return this.ss()
      .protections.filter((p) => p.sheetId === this.sheetId && p.type === String(type))
      .map((p) => new ProtectionFacade(this.ws, this.ssId, p.id));
  }

  newChart(): EmbeddedChartBuilderFacade {
    gate(this.ws, 'newChart');
    return new EmbeddedChartBuilderFacade(this.ws, this.ssId, {
      id: 0,
      type: 'COLUMN',
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    });
  }
  insertChart(chart: EmbeddedChartFacade): void {
    const sheet = this.data('insertChart');
    const ss = this.ss();
    ss.nextChartId += 1;
    sheet.charts.push({ ...structuredClone(chart.chart), id: ss.nextChartId });
  }
  getCharts(): EmbeddedChartFacade[] {
    return this.data('getCharts').charts.map((c) => new EmbeddedChartFacade(this.ws, this.ssId, structuredClone(c)));
  }
  removeChart(chart: EmbeddedChartFacade): void {
    const sheet = this.data('removeChart');
    sheet.charts = sheet.charts.filter((c) => c.id !== chart.chart.id);
  }
  updateChart(chart: EmbeddedChartFacade): void {
    const sheet = this.data('updateChart');
    const i = sheet.charts.findIndex((c) => c.id === chart.chart.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet.');
    sheet.charts[i] = structuredClone(chart.chart);
  }

  clear(options?: ClearOptions): SheetFacade {
    const sheet = this.data('clear');
    clearArea(sheet, { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }, options);
    return this;
  }
  clearContents(): SheetFacade {
    const sheet = this.data('clearContents');
    clearArea(
      sheet,
      { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns },
      { contentsOnly: true },
    );
    return this;
  }
  clearFormats(): SheetFacade {
    const sheet = this.data('clearFormats');
    clearArea(sheet, { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }, { formatOnly: true });
    return this;
  }
  clearNotes(): SheetFacade {
    const sheet = this.data('clearNotes');
    for (const row of sheet.rows) for (const cell of row ?? []) if (cell) delete cell.note;
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): SheetFacade {
    const sheet = this.data('autoResizeColumns');
    for (let c = startColumn; c < startColumn + numColumns; c++) delete sheet.columnWidths[c];
    return this;
  }
  autoResizeColumn(columnPosition: number): SheetFacade {
    delete this.data('autoResizeColumn').columnWidths[columnPosition];
    return this;
  }
  setColumnWidth(columnPosition: number, width: number): SheetFacade {
    this.data('setColumnWidth').columnWidths[columnPosition] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetFacade {
    const sheet = this.data('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) sheet.columnWidths[c] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.data('getColumnWidth').columnWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this.data('hideColumns');
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      if (!sheet.hiddenColumns.includes(c)) sheet.hiddenColumns.push(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this.data('showColumns');
    sheet.hiddenColumns = sheet.hiddenColumns.filter((c) => c < columnIndex || c >= columnIndex + numColumns);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.data('isColumnHiddenByUser').hiddenColumns.includes(columnPosition);
  }

  activate(): SheetFacade {
    gate(this.ws, 'activate');
    const ss = this.ss();
    ss.activeSheetId = this.sheetId;
    ss.activeRange = null;
    return this;
  }
  setTabColor(color: string | null): SheetFacade {
    this.data('setTabColor').tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.data('getTabColor').tabColor;
  }
  showSheet(): SheetFacade {
    this.data('showSheet').hidden = false;
    return this;
  }
  hideSheet(): SheetFacade {
    this.data('hideSheet').hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    return this.data('isSheetHidden').hidden;
  }
  getActiveRange(): RangeFacade | null {
    gate(this.ws, 'getActiveRange');
    const ss = this.ss();
    if (ss.activeSheetId !== this.sheetId) return null;
    return activeRangeOf(this.ws, ss);
  }
  setActiveRange(range: RangeFacade): RangeFacade {
    gate(this.ws, 'setActiveRange');
    activate(this.ss(), range);
    return range;
  }
  toString(): string {
    return 'Sheet';
  }
}

function checkedArea(row: unknown, column: unknown, numRows: unknown, numColumns: unknown): GridArea {
  const nums = [row, column, numRows, numColumns].map((x) => Number(x));
  if (nums.some((n) => !Number.isFinite(n)))
    throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
  const [r, c, nr, nc] = nums.map((n) => Math.floor(n)) as [number, number, number, number];
  if (r < 1 || c < 1) throw new Error(MESSAGES.outside);
  if (nr < 1) throw new Error(MESSAGES.minRows);
  if (nc < 1) throw new Error(MESSAGES.minColumns);
  return { row: r, column: c, numRows: nr, numColumns: nc };
}

function insertRows(sheet: SheetData, after: number, howMany: number): void {
  if (howMany < 1) return;
  if (after < sheet.rows.length)
    sheet.rows.splice(Math.max(0, after), 0, ...Array.from({ length: howMany }, () => null));
  sheet.maxRows += howMany;
}

function insertColumns(sheet: SheetData, after: number, howMany: number): void {
  if (howMany < 1) return;
  for (const row of sheet.rows) {
    if (row && after < row.length) row.splice(Math.max(0, after), 0, ...Array.from({ length: howMany }, () => null));
  }
  sheet.maxColumns += howMany;
}

function deleteRows(sheet: SheetData, from: number, howMany: number): void {
  if (from < 1 || from + howMany - 1 > sheet.maxRows) throw new Error('Those rows are out of bounds.');
  if (sheet.maxRows - howMany <= sheet.frozenRows) throw new Error(MESSAGES.deleteAllRows);
  sheet.rows.splice(from - 1, howMany);
  sheet.maxRows -= howMany;
}

function deleteColumns(sheet: SheetData, from: number, howMany: number): void {
  if (from < 1 || from + howMany - 1 > sheet.maxColumns) throw new Error('Those columns are out of bounds.');
  for (const row of sheet.rows) row?.splice(from - 1, howMany);
  sheet.maxColumns -= howMany;
}

function addProtection(
  ss: SpreadsheetData,
  type: 'RANGE' | 'SHEET',
  sheetId: number,
  area: GridArea | null,
): ProtectionData {
  ss.nextProtectionId += 1;
  // Until the script changes them, a new protection's editors mirror the spreadsheet's (Google's reference).
  const p: ProtectionData = {
    id: ss.nextProtectionId,
    type,
    sheetId,
    area,
    description: '',
    warningOnly: false,
    editors: [...ss.editors],
  };
  ss.protections.push(p);
  return p;
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
function clearArea(sheet: SheetData, area: GridArea, options: ClearOptions = {}): void {
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

/** A range handle: coordinates only; every read or write looks the state up afresh. */
export class RangeFacade {
  constructor(
    private readonly ws: Workspace,
    readonly ssId: string,
    readonly sheetId: number,
    readonly area: GridArea,
  ) {}

  private get size(): number {
    return this.area.numRows * this.area.numColumns;
  }
  private ss(): SpreadsheetData {
    return spreadsheetData(this.ws, this.ssId);
  }
  private sheet(method: string, cells = 0): SheetData {
    gate(this.ws, method, cells);
    return sheetById(this.ss(), this.sheetId);
  }
  private writable(method: string, cells = this.size): SheetData {
    const sheet = this.sheet(method, cells);
    assertCanEdit(this.ws, this.ss(), this.sheetId, this.area);
    return sheet;
  }
  private each(fn: (row: number, column: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.area.numRows; i++) {
      for (let j = 0; j < this.area.numColumns; j++) fn(this.area.row + i, this.area.column + j, i, j);
    }
  }
  private map<T>(sheet: SheetData, fn: (cell: Cell | null) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.area.numRows; i++) {
      const row = sheet.rows[this.area.row - 1 + i];
      const line: T[] = [];
      for (let j = 0; j < this.area.numColumns; j++) line.push(fn(row?.[this.area.column - 1 + j] ?? null));
      out.push(line);
    }
    return out;
  }
  private topLeft(sheet: SheetData): Cell | null {
    return cellAt(sheet, this.area.row, this.area.column);
  }
  private a1At(row: number, column: number): string {
    return a1Of({ row, column, numRows: 1, numColumns: 1 });
  }

  getRow(): number {
    return this.area.row;
  }
  getRowIndex(): number {
    return this.area.row;
  }
  getColumn(): number {
    return this.area.column;
  }
  getNumRows(): number {
    return this.area.numRows;
  }
  getNumColumns(): number {
    return this.area.numColumns;
  }
  getLastRow(): number {
    return this.area.row + this.area.numRows - 1;
  }
  getLastColumn(): number {
    return this.area.column + this.area.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Of(this.area);
  }
  getSheet(): SheetFacade {
    return new SheetFacade(this.ws, this.ssId, this.sheetId);
  }
  getGridId(): number {
    return this.sheetId;
  }

  getValues(): CellValue[][] {
    return readGrid(this.sheet('getValues', this.size), this.area);
  }
  getValue(): CellValue {
    return readValue(this.topLeft(this.sheet('getValue', 1)));
  }
  getDisplayValues(): string[][] {
    return this.map(this.sheet('getDisplayValues', this.size), display);
  }
  getDisplayValue(): string {
    return display(this.topLeft(this.sheet('getDisplayValue', 1)));
  }
  getFormulas(): string[][] {
    return this.map(this.sheet('getFormulas', this.size), (c) => c?.f ?? '');
  }
  getFormula(): string {
    return this.topLeft(this.sheet('getFormula', 1))?.f ?? '';
  }
  getNotes(): string[][] {
    return this.map(this.sheet('getNotes', this.size), (c) => c?.note ?? '');
  }
  getNote(): string {
    return this.topLeft(this.sheet('getNote', 1))?.note ?? '';
  }
  getNumberFormats(): string[][] {
    return this.map(this.sheet('getNumberFormats', this.size), numberFormatOf);
  }
  getNumberFormat(): string {
    return numberFormatOf(this.topLeft(this.sheet('getNumberFormat', 1)));
  }
  getDataValidations(): Array<Array<DataValidationFacade | null>> {
    return this.map(this.sheet('getDataValidations', this.size), (c) =>
      c?.dv ? new DataValidationFacade(this.ws, this.ssId, c.dv) : null,
    );
  }
  getDataValidation(): DataValidationFacade | null {
    const dv = this.topLeft(this.sheet('getDataValidation', 1))?.dv;
    return dv ? new DataValidationFacade(this.ws, this.ssId, dv) : null;
  }
  /** true when every cell is a checked checkbox, false when all unchecked, null otherwise. */
  isChecked(): boolean | null {
    const states = this.map(this.sheet('isChecked', this.size), checkState).flat();
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }

  setValues(values: unknown[][]): RangeFacade {
    const data = shapeCheck(values, this.area, 'setValues');
    const sheet = this.writable('setValues');
    this.assertValid(sheet, (i, j) => data[i]?.[j]);
    this.each((row, column, i, j) => writeTyped(sheet, row, column, (data[i] as unknown[])[j]));
    return this;
  }
  setValue(value: unknown): RangeFacade {
    const sheet = this.writable('setValue');
    this.assertValid(sheet, () => value);
    this.each((row, column) => writeTyped(sheet, row, column, value));
    return this;
  }
  setFormulas(formulas: string[][]): RangeFacade {
    const data = shapeCheck(formulas, this.area, 'setFormulas');
    const sheet = this.writable('setFormulas');
    this.each((row, column, i, j) => writeFormula(sheet, row, column, (data[i] as unknown[])[j]));
    return this;
  }
  setFormula(formula: string): RangeFacade {
    const sheet = this.writable('setFormula');
    this.each((row, column) => writeFormula(sheet, row, column, formula));
    return this;
  }
  setNotes(notes: unknown[][]): RangeFacade {
    const data = shapeCheck(notes, this.area, 'setNotes');
    const sheet = this.writable('setNotes');
    this.each((row, column, i, j) => setNote(sheet, row, column, (data[i] as unknown[])[j]));
    return this;
  }
  setNote(note: unknown): RangeFacade {
    const sheet = this.writable('setNote');
    this.each((row, column) => setNote(sheet, row, column, note));
    return this;
  }
  clearNote(): RangeFacade {
    const sheet = this.writable('clearNote');
    this.each((row, column) => setNote(sheet, row, column, ''));
    return this;
  }
  setNumberFormat(format: string): RangeFacade {
    const sheet = this.writable('setNumberFormat');
    this.each((row, column) => {
      cellFor(sheet, row, column).nf = String(format);
    });
    return this;
  }
  setNumberFormats(formats: string[][]): RangeFacade {
    const data = shapeCheck(formats, this.area, 'setNumberFormats');
    const sheet = this.writable('setNumberFormats');
    this.each((row, column, i, j) => {
      cellFor(sheet, row, column).nf = String((data[i] as unknown[])[j]);
    });
    return this;
  }
  setDataValidation(rule: DataValidationFacade | null): RangeFacade {
    const sheet = this.writable('setDataValidation');
    this.each((row, column) => setValidation(sheet, row, column, rule));
    return this;
  }
  setDataValidations(rules: Array<Array<DataValidationFacade | null>>): RangeFacade {
    const data = shapeCheck(rules, this.area, 'setDataValidations');
    const sheet = this.writable('setDataValidations');
    this.each((row, column, i, j) =>
      setValidation(sheet, row, column, (data[i] as Array<DataValidationFacade | null>)[j] ?? null),
    );
    return this;
  }
  clearDataValidations(): RangeFacade {
    const sheet = this.writable('clearDataValidations');
    this.each((row, column) => setValidation(sheet, row, column, null));
    return this;
  }
  /** Google: checkboxes with true/false, and every cell of the range set to false (unchecked). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): RangeFacade {
    const sheet = this.writable('insertCheckboxes');
    const values = checkedValue === undefined ? [] : [checkedValue, uncheckedValue ?? ''];
    this.each((row, column) => {
      const cell = cellFor(sheet, row, column);
      cell.dv = { type: 'CHECKBOX', values, allowInvalid: true, helpText: null };
      const unchecked = values.length ? (values[1] as CellValue) : false;
      cell.v = unchecked === '' ? null : unchecked;
      delete cell.f;
    });
    return this;
  }
  removeCheckboxes(): RangeFacade {
    const sheet = this.writable('removeCheckboxes');
    this.each((row, column) => {
      const cell = cellAt(sheet, row, column);
      if (!isCheckbox(cell) || !cell) return;
      delete cell.dv;
      cell.v = null;
    });
    return this;
  }
  check(): RangeFacade {
    return this.setChecked('check', true);
  }
  uncheck(): RangeFacade {
    return this.setChecked('uncheck', false);
  }
  private setChecked(method: string, checked: boolean): RangeFacade {
    const sheet = this.writable(method);
    this.each((row, column) => {
      const cell = cellAt(sheet, row, column);
      if (!cell?.dv || cell.dv.type !== 'CHECKBOX') return;
      const custom = cell.dv.values;
      const v = custom.length ? (custom[checked ? 0 : 1] as CellValue) : checked;
      cell.v = v === '' ? null : v;
    });
    return this;
  }
  clearContent(): RangeFacade {
    clearArea(this.writable('clearContent'), this.area, { contentsOnly: true });
    return this;
  }
  clearFormat(): RangeFacade {
    clearArea(this.writable('clearFormat'), this.area, { formatOnly: true });
    return this;
  }
  clear(options?: ClearOptions): RangeFacade {
    clearArea(this.writable('clear'), this.area, options);
    return this;
  }

  setFontWeight(weight: string | null): RangeFacade {
    return this.style('setFontWeight', 'fontWeight', () => weight);
  }
  setFontWeights(weights: Array<Array<string | null>>): RangeFacade {
    const data = shapeCheck(weights, this.area, 'setFontWeights');
    return this.style('setFontWeights', 'fontWeight', (i, j) => (data[i] as Array<string | null>)[j] ?? null);
  }
  setFontColor(color: string | null): RangeFacade {
    return this.style('setFontColor', 'fontColor', () => color);
  }
  setFontStyle(style: string | null): RangeFacade {
    return this.style('setFontStyle', 'fontStyle', () => style);
  }
  setFontSize(size: number): RangeFacade {
    return this.style('setFontSize', 'fontSize', () => String(size));
  }
  setBackground(color: string | null): RangeFacade {
    return this.style('setBackground', 'background', () => color);
  }
  setBackgrounds(colors: Array<Array<string | null>>): RangeFacade {
    const data = shapeCheck(colors, this.area, 'setBackgrounds');
    return this.style('setBackgrounds', 'background', (i, j) => (data[i] as Array<string | null>)[j] ?? null);
  }
  setHorizontalAlignment(alignment: string | null): RangeFacade {
    return this.style('setHorizontalAlignment', 'horizontalAlignment', () => alignment);
  }
  setVerticalAlignment(alignment: string | null): RangeFacade {
    return this.style('setVerticalAlignment', 'verticalAlignment', () => alignment);
  }
  setWrap(wrap: boolean): RangeFacade {
    return this.style('setWrap', 'wrap', () => !!wrap);
  }
  getBackground(): string {
    const st = this.topLeft(this.sheet('getBackground', 1))?.st;
    return typeof st?.background === 'string' ? st.background : '#ffffff';
  }
  getFontWeight(): string {
    const st = this.topLeft(this.sheet('getFontWeight', 1))?.st;
    return typeof st?.fontWeight === 'string' ? st.fontWeight : 'normal';
  }
  private style(method: string, key: string, value: (i: number, j: number) => string | boolean | null): RangeFacade {
    const sheet = this.writable(method);
    this.each((row, column, i, j) => {
      const cell = cellFor(sheet, row, column);
      cell.st = { ...(cell.st ?? {}), [key]: value(i, j) };
    });
    return this;
  }

  protect(): ProtectionFacade {
    gate(this.ws, 'protect');
    return new ProtectionFacade(
      this.ws,
      this.ssId,
      addProtection(this.ss(), 'RANGE', this.sheetId, { ...this.area }).id,
    );
  }
  activate(): RangeFacade {
    gate(this.ws, 'activate');
    activate(this.ss(), this);
    return this;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeFacade {
    gate(this.ws, 'offset');
    return new RangeFacade(
      this.ws,
      this.ssId,
      this.sheetId,
      checkedArea(
        this.area.row + rowOffset,
        this.area.column + columnOffset,
        numRows ?? this.area.numRows,
        numColumns ?? this.area.numColumns,
      ),
    );
  }
  getCell(row: number, column: number): RangeFacade {
    gate(this.ws, 'getCell');
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns)
      throw new Error(MESSAGES.outside);
    return new RangeFacade(this.ws, this.ssId, this.sheetId, {
      row: this.area.row + row - 1,
      column: this.area.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  toString(): string {
    return 'Range';
  }

  /** Apps Script refuses a write that a rejecting validation rule forbids, before writing anything. */
  private assertValid(sheet: SheetData, valueAt: (i: number, j: number) => unknown): void {
    this.each((row, column, i, j) => {
      const dv = cellAt(sheet, row, column)?.dv;
      if (!dv || dv.allowInvalid) return;
      const content = typedContent(valueAt(i, j), cellAt(sheet, row, column)?.nf === '@');
      if (content.f === undefined && !satisfies(this.ws, this.ssId, dv, content.v))
        throw new Error(MESSAGES.invalidData(this.a1At(row, column)));
    });
  }
}

function display(cell: Cell | null): string {
  if (!cell) return '';
  if (cell.f !== undefined) return '';
  if (cell.v === null) return isCheckbox(cell) ? formatCell(false) : '';
  return formatCell(cell.v, cell.nf);
}

/** Google's format of a cell that was never formatted ("automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

function numberFormatOf(cell: Cell | null): string {
  return cell?.nf ?? DEFAULT_NUMBER_FORMAT;
}

function checkState(cell: Cell | null): boolean | null {
  if (!cell?.dv || cell.dv.type !== 'CHECKBOX') return null;
  const custom = cell.dv.values;
  const v = cell.v ?? (custom.length ? '' : false);
  if (custom.length) return v === custom[0] ? true : v === custom[1] ? false : null;
  return v === true ? true : v === false ? false : null;
}

function writeFormula(sheet: SheetData, row: number, column: number, formula: unknown): void {
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

function setNote(sheet: SheetData, row: number, column: number, note: unknown): void {
  const text = note === null || note === undefined ? '' : String(note);
  if (text === '') {
    const cell = cellAt(sheet, row, column);
    if (cell) delete cell.note;
    return;
  }
  cellFor(sheet, row, column).note = text;
}

function setValidation(sheet: SheetData, row: number, column: number, rule: DataValidationFacade | null): void {
  if (!rule) {
    const cell = cellAt(sheet, row, column);
    if (cell) delete cell.dv;
    return;
  }
  cellFor(sheet, row, column).dv = structuredClone(rule.rule);
}

export class ProtectionFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    readonly protectionId: number,
  ) {}

  private data(method: string): ProtectionData {
    gate(this.ws, method);
    const p = spreadsheetData(this.ws, this.ssId).protections.find((x) => x.id === this.protectionId);
    if (!p) throw new Error('The protection has been removed.');
    return p;
  }
  private owner(): string {
    return spreadsheetData(this.ws, this.ssId).owner.toLowerCase();
  }

  getProtectionType(): string {
    return this.data('getProtectionType').type;
  }
  setDescription(description: string): ProtectionFacade {
    this.data('setDescription').description = String(description);
    return this;
  }
  getDescription(): string {
    return this.data('getDescription').description;
  }
  setWarningOnly(warningOnly: boolean): ProtectionFacade {
    this.data('setWarningOnly').warningOnly = !!warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.data('isWarningOnly').warningOnly;
  }
  addEditor(user: unknown): ProtectionFacade {
    const p = this.data('addEditor');
    const email = emailOf(user);
    if (!p.editors.includes(email)) p.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): ProtectionFacade {
    const p = this.data('addEditors');
    for (const u of users) {
      const email = emailOf(u);
      if (!p.editors.includes(email)) p.editors.push(email);
    }
    return this;
  }
  /** The spreadsheet's owner can never be removed from a protection. */
  removeEditor(user: unknown): ProtectionFacade {
    const p = this.data('removeEditor');
    const email = emailOf(user);
    if (email !== this.owner()) p.editors = p.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(users: unknown[]): ProtectionFacade {
    const p = this.data('removeEditors');
    const drop = new Set(users.map(emailOf));
    drop.delete(this.owner());
    p.editors = p.editors.filter((e) => !drop.has(e));
    return this;
  }
  getEditors(): UserFacade[] {
    const p = this.data('getEditors');
    const all = p.editors.includes(this.owner()) ? p.editors : [this.owner(), ...p.editors];
    return all.map((e) => new UserFacade(e));
  }
  canEdit(): boolean {
    const p = this.data('canEdit');
    const ss = spreadsheetData(this.ws, this.ssId);
    const who = editingIdentity(this.ws, ss);
    return who === this.owner() || p.editors.includes(who);
  }
  canDomainEdit(): boolean {
    gate(this.ws, 'canDomainEdit');
    return false;
  }
  setDomainEdit(_editable: boolean): ProtectionFacade {
    gate(this.ws, 'setDomainEdit');
    return this;
  }
  getRange(): RangeFacade {
    const p = this.data('getRange');
    const sheet = sheetById(spreadsheetData(this.ws, this.ssId), p.sheetId);
    const area = p.area ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    return new RangeFacade(this.ws, this.ssId, p.sheetId, { ...area });
  }
  setRange(range: RangeFacade): ProtectionFacade {
    const p = this.data('setRange');
    p.sheetId = range.sheetId;
    p.area = { ...range.area };
    return this;
  }
  remove(): void {
    this.data('remove');
    const ss = spreadsheetData(this.ws, this.ssId);
    ss.protections = ss.protections.filter((x) => x.id !== this.protectionId);
  }
}

/**
 * What a built rule and a rule builder both answer about their criteria: Google's DataValidation and
 * DataValidationBuilder share these getters. Criteria ranges are kept by sheet name and A1 and turned
 * back into Ranges on read.
 */
abstract class ValidationRuleReader {
  constructor(
    protected readonly ws: Workspace,
    protected ssId: string | null,
    public rule: ValidationData,
  ) {}

  getCriteriaType(): string {
    gate(this.ws, 'getCriteriaType');
    return this.rule.type;
  }
  getCriteriaValues(): unknown[] {
    gate(this.ws, 'getCriteriaValues');
    return criteriaValues(this.ws, this.ssId, this.rule);
  }
  getAllowInvalid(): boolean {
    gate(this.ws, 'getAllowInvalid');
    return this.rule.allowInvalid;
  }
  getHelpText(): string | null {
    gate(this.ws, 'getHelpText');
    return this.rule.helpText;
  }
  copy(): DataValidationBuilderFacade {
    gate(this.ws, 'copy');
    return new DataValidationBuilderFacade(this.ws, structuredClone(this.rule), this.ssId);
  }
}

/** A built rule. */
export class DataValidationFacade extends ValidationRuleReader {}

function criteriaValues(ws: Workspace, ssId: string | null, rule: ValidationData): unknown[] {
  if (rule.type === 'VALUE_IN_RANGE' && ssId) {
    const ref = rule.values[0] as { sheetName: string; a1: string };
    const ss = spreadsheetData(ws, ssId);
    const sheet = sheetByName(ss, ref.sheetName);
    const area = sheet && parseA1(ref.a1, sheet.maxRows, sheet.maxColumns);
    const range = sheet && area ? new RangeFacade(ws, ssId, sheet.id, area) : null;
    return [range, ...rule.values.slice(1)];
  }
  return rule.values.map((v) => (Array.isArray(v) ? [...(v as unknown[])] : isDate(v) ? new Date(v.getTime()) : v));
}

export class DataValidationBuilderFacade extends ValidationRuleReader {
  constructor(
    ws: Workspace,
    rule: ValidationData = { type: '', values: [], allowInvalid: true, helpText: null },
    ssId: string | null = null,
  ) {
    super(ws, ssId, rule);
  }

  private set(method: string, type: string, values: unknown[]): DataValidationBuilderFacade {
    gate(this.ws, method);
    this.rule = { ...this.rule, type, values };
    return this;
  }

  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilderFacade {
    return this.set('requireValueInList', 'VALUE_IN_LIST', [[...values].map((v) => String(v)), showDropdown]);
  }
  requireValueInRange(range: RangeFacade, showDropdown = true): DataValidationBuilderFacade {
    const sheet = sheetById(spreadsheetData(this.ws, range.ssId), range.sheetId);
    this.ssId = range.ssId;
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [
      { sheetName: sheet.name, a1: a1Of(range.area) },
      showDropdown,
    ]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilderFacade {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('requireCheckbox', 'CHECKBOX', values);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilderFacade {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilderFacade {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate(): DataValidationBuilderFacade {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): DataValidationBuilderFacade {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderFacade {
    gate(this.ws, 'setAllowInvalid');
    this.rule = { ...this.rule, allowInvalid: !!allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilderFacade {
    gate(this.ws, 'setHelpText');
    this.rule = { ...this.rule, helpText: String(helpText) };
    return this;
  }
  build(): DataValidationFacade {
    gate(this.ws, 'build');
    if (!this.rule.type) throw new Error('You must specify a data validation criterion.');
    return new DataValidationFacade(this.ws, this.ssId, structuredClone(this.rule));
  }
}

export class EmbeddedChartFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    readonly chart: ChartData,
  ) {}

  getChartId(): number | null {
    gate(this.ws, 'getChartId');
    return this.chart.id === 0 ? null : this.chart.id;
  }
  getType(): string {
    gate(this.ws, 'getType');
    return this.chart.type;
  }
  getRanges(): RangeFacade[] {
    gate(this.ws, 'getRanges');
    return rangesOf(this.ws, this.ssId, this.chart);
  }
  getOptions(): { get(option: string): unknown } {
    gate(this.ws, 'getOptions');
    const options = { ...this.chart.options };
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    gate(this.ws, 'getContainerInfo');
    const p = { ...this.chart.position };
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilderFacade {
    gate(this.ws, 'modify');
    return new EmbeddedChartBuilderFacade(this.ws, this.ssId, structuredClone(this.chart));
  }
}

function rangesOf(ws: Workspace, ssId: string, chart: ChartData): RangeFacade[] {
  const ss = spreadsheetData(ws, ssId);
  return chart.ranges.flatMap((ref) => {
    const sheet = sheetByName(ss, ref.sheetName);
    const area = sheet && parseA1(ref.a1, sheet.maxRows, sheet.maxColumns);
    return sheet && area ? [new RangeFacade(ws, ssId, sheet.id, area)] : [];
  });
}

/** One builder for every chart kind: `asColumnChart()` and friends set the type and return it. */
export class EmbeddedChartBuilderFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    private chart: ChartData,
  ) {}

  private step(method: string, change: (c: ChartData) => void): EmbeddedChartBuilderFacade {
    gate(this.ws, method);
    change(this.chart);
    return this;
  }

  addRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const sheet = sheetById(spreadsheetData(this.ws, range.ssId), range.sheetId);
    return this.step('addRange', (c) => c.ranges.push({ sheetName: sheet.name, a1: a1Of(range.area) }));
  }
  removeRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const a1 = a1Of(range.area);
    return this.step('removeRange', (c) => {
      c.ranges = c.ranges.filter((r) => r.a1 !== a1);
    });
  }
  clearRanges(): EmbeddedChartBuilderFacade {
    return this.step('clearRanges', (c) => {
      c.ranges = [];
    });
  }
  getRanges(): RangeFacade[] {
    gate(this.ws, 'getRanges');
    return rangesOf(this.ws, this.ssId, this.chart);
  }
  setChartType(type: unknown): EmbeddedChartBuilderFacade {
    return this.step('setChartType', (c) => {
      c.type = String(type);
    });
  }
  getChartType(): string {
    gate(this.ws, 'getChartType');
    return this.chart.type;
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilderFacade {
    return this.step('setPosition', (c) => {
      c.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    });
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilderFacade {
    return this.step('setOption', (c) => {
      c.options[String(option)] = structuredClone(value);
    });
  }
  setNumHeaders(headers: number): EmbeddedChartBuilderFacade {
    return this.step('setNumHeaders', (c) => {
      c.options.numHeaders = headers;
    });
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilderFacade {
    return this.step('setTransposeRowsAndColumns', (c) => {
      c.options.transposeRowsAndColumns = !!transpose;
    });
  }
  setTitle(title: string): EmbeddedChartBuilderFacade {
    return this.step('setTitle', (c) => {
      c.options.title = String(title);
    });
  }
  setStacked(): EmbeddedChartBuilderFacade {
    return this.step('setStacked', (c) => {
      c.options.isStacked = true;
    });
  }
  setLegendPosition(position: unknown): EmbeddedChartBuilderFacade {
    return this.step('setLegendPosition', (c) => {
      c.options['legend.position'] = String(position);
    });
  }
  asColumnChart(): EmbeddedChartBuilderFacade {
    return this.setType('asColumnChart', 'COLUMN');
  }
  asBarChart(): EmbeddedChartBuilderFacade {
    return this.setType('asBarChart', 'BAR');
  }
  asPieChart(): EmbeddedChartBuilderFacade {
    return this.setType('asPieChart', 'PIE');
  }
  asLineChart(): EmbeddedChartBuilderFacade {
    return this.setType('asLineChart', 'LINE');
  }
  asAreaChart(): EmbeddedChartBuilderFacade {
    return this.setType('asAreaChart', 'AREA');
  }
  asTableChart(): EmbeddedChartBuilderFacade {
    return this.setType('asTableChart', 'TABLE');
  }
  private setType(method: string, type: string): EmbeddedChartBuilderFacade {
    return this.step(method, (c) => {
      c.type = type;
    });
  }
  build(): EmbeddedChartFacade {
    gate(this.ws, 'build');
    if (this.chart.ranges.length === 0) throw new Error('The chart has no data: add a range before building it.');
    return new EmbeddedChartFacade(this.ws, this.ssId, structuredClone(this.chart));
  }
}
