/** The emulated Sheet, and the row and column insertions and deletions it makes. */
import type { Workspace } from '../../runtime/workspace';
import { strictAbout } from '../../runtime/variant';
import {
  a1FrameOf,
  conventionsOf,
  lastColumnOf,
  lastRowOf,
  MESSAGES,
  parseA1,
  sheetById,
  sheetByName,
  splitSheetPrefix,
  spreadsheetData,
  type Cell,
  type CellValue,
  type GridArea,
  type SheetData,
  type SpreadsheetData,
} from './model';
import { gate } from './gate';
import { TextFinderFacade, finderTarget } from './text-finder';
import { ClearOptions, assertCellsFit, assertInside, clearArea, formulaScope, readGrid, writeTyped } from './cells';
import { EmbeddedChartBuilderFacade, EmbeddedChartFacade } from './chart';
import { ProtectionFacade, addProtection, assertCanEdit } from './protection';
import { RangeFacade } from './range';
import { RangeListFacade } from './range-list';
import { shiftMerges, sortArea } from './range-ops';
import { SpreadsheetFacade, activate, activeRangeOf } from './spreadsheet';

export const DEFAULT_COLUMN_WIDTH = 100;

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
      return new RangeFacade(this.ws, this.ssId, this.sheetId, assertInside(sheet, area), a1FrameOf(a1));
    }
    return this.range(assertInside(sheet, checkedArea(a, column, numRows ?? 1, numColumns ?? 1)));
  }
  /** One RangeList of A1 ranges of this sheet (catalogue: SHEETS-RANGELIST). */
  getRangeList(a1Notations: string[]): RangeListFacade {
    if (!Array.isArray(a1Notations)) throw new Error(MESSAGES.signature('Sheet.getRangeList', [a1Notations]));
    const sheet = this.data('getRangeList');
    return new RangeListFacade(
      a1Notations.map((notation) => {
        const { a1 } = splitSheetPrefix(String(notation));
        const area = parseA1(a1, sheet.maxRows, sheet.maxColumns);
        if (!area) throw new Error(MESSAGES.rangeNotFound);
        return new RangeFacade(this.ws, this.ssId, this.sheetId, assertInside(sheet, area), a1FrameOf(a1));
      }),
    );
  }
  createTextFinder(findText: string): TextFinderFacade<RangeFacade> {
    this.data('createTextFinder');
    const target = finderTarget(this.ws, this.ssId, this.sheetId, null, (area) => this.range(area));
    return new TextFinderFacade(this.ws, this.ssId, [target], String(findText));
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
   * or column that has data in the sheet". When that leaves no rows or columns (a sheet without data),
   * strict throws as a range of zero rows does and lenient returns `[]` (catalogue:
   * SHEETS-SHEETVALUES-EMPTY, unverified).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    const sheet = sheetById(this.ss(), this.sheetId);
    const rows = numRows === -1 ? Math.max(0, lastRowOf(sheet) - startRow + 1) : numRows;
    const cols = numColumns === -1 ? Math.max(0, lastColumnOf(sheet) - startColumn + 1) : numColumns;
    gate(this.ws, 'getSheetValues', rows * cols);
    if (startRow < 1 || startColumn < 1) throw new Error(MESSAGES.outside);
    if (numRows !== -1 && numRows < 1) throw new Error(MESSAGES.minRows);
    if (numColumns !== -1 && numColumns < 1) throw new Error(MESSAGES.minColumns);
    if (rows === 0 || cols === 0) {
      if (!strictAbout(this.ws, 'SHEETS-SHEETVALUES-EMPTY')) return [];
      throw new Error(rows === 0 ? MESSAGES.minRows : MESSAGES.minColumns);
    }
    const area = assertInside(sheet, { row: startRow, column: startColumn, numRows: rows, numColumns: cols });
    return readGrid(formulaScope(this.ss(), this.ws.now()), sheet, area);
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetFacade {
    insertRows(
      this.data('insertRowsAfter'),
      afterPosition,
      howMany,
      !strictAbout(this.ws, 'SHEETS-INSERT-ROWS-FORMAT'),
    );
    return this;
  }
  insertRowAfter(afterPosition: number): SheetFacade {
    insertRows(this.data('insertRowAfter'), afterPosition, 1, !strictAbout(this.ws, 'SHEETS-INSERT-ROWS-FORMAT'));
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): SheetFacade {
    insertRows(
      this.data('insertRowsBefore'),
      beforePosition - 1,
      howMany,
      !strictAbout(this.ws, 'SHEETS-INSERT-ROWS-FORMAT'),
    );
    return this;
  }
  insertRowBefore(beforePosition: number): SheetFacade {
    insertRows(this.data('insertRowBefore'), beforePosition - 1, 1, !strictAbout(this.ws, 'SHEETS-INSERT-ROWS-FORMAT'));
    return this;
  }
  /**
   * The sheet's rows below the frozen ones, by one column (catalogue: SHEETS-SORT): a header that is not
   * frozen is sorted with the data.
   */
  sort(columnPosition: number, ascending = true): SheetFacade {
    const sheet = this.data('sort');
    const first = sheet.frozenRows + 1;
    const last = lastRowOf(sheet);
    if (last < first) return this;
    const area = { row: first, column: 1, numRows: last - first + 1, numColumns: Math.max(1, lastColumnOf(sheet)) };
    this.editable(area);
    const values = readGrid(formulaScope(this.ss(), this.ws.now()), sheet, area);
    sortArea(sheet, area, [{ column: columnPosition, ascending: ascending !== false }], values);
    return this;
  }
  /** Blank rows before `rowIndex` (catalogue: SHEETS-LAST-ROW: they leave `getLastRow` alone). */
  insertRows(rowIndex: number, numRows = 1): void {
    insertRows(this.data('insertRows'), rowIndex - 1, numRows, !strictAbout(this.ws, 'SHEETS-INSERT-ROWS-FORMAT'));
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    insertColumns(this.data('insertColumns'), columnIndex - 1, numColumns);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): SheetFacade {
    insertColumns(this.data('insertColumnsAfter'), afterPosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): SheetFacade {
    insertColumns(this.data('insertColumnAfter'), afterPosition, 1);
    return this;
  }
  insertColumnBefore(beforePosition: number): SheetFacade {
    insertColumns(this.data('insertColumnBefore'), beforePosition - 1, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): SheetFacade {
    insertColumns(this.data('insertColumnsBefore'), beforePosition - 1, howMany);
    return this;
  }
  appendRow(rowContents: unknown[]): SheetFacade {
    if (!Array.isArray(rowContents)) throw new Error(MESSAGES.signature('Sheet.appendRow', [rowContents]));
    assertCellsFit(rowContents);
    const sheet = this.data('appendRow', rowContents.length);
    const row = lastRowOf(sheet) + 1;
    this.editable({ row, column: 1, numRows: 1, numColumns: Math.max(1, rowContents.length) });
    const conventions = conventionsOf(this.ss());
    rowContents.forEach((value, i) => writeTyped(sheet, row, i + 1, value, conventions));
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
    hide(this.data('hideColumns').hiddenColumns, columnIndex, numColumns);
  }
  hideColumn(column: RangeFacade): void {
    hide(this.data('hideColumn').hiddenColumns, column.getColumn(), column.getNumColumns());
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this.data('showColumns');
    sheet.hiddenColumns = shown(sheet.hiddenColumns, columnIndex, numColumns);
  }
  unhideColumn(column: RangeFacade): void {
    const sheet = this.data('unhideColumn');
    sheet.hiddenColumns = shown(sheet.hiddenColumns, column.getColumn(), column.getNumColumns());
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.data('isColumnHiddenByUser').hiddenColumns.includes(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    hide(hiddenRowsOf(this.data('hideRows')), rowIndex, numRows);
  }
  hideRow(row: RangeFacade): void {
    hide(hiddenRowsOf(this.data('hideRow')), row.getRow(), row.getNumRows());
  }
  showRows(rowIndex: number, numRows = 1): void {
    const sheet = this.data('showRows');
    sheet.hiddenRows = shown(hiddenRowsOf(sheet), rowIndex, numRows);
  }
  unhideRow(row: RangeFacade): void {
    const sheet = this.data('unhideRow');
    sheet.hiddenRows = shown(hiddenRowsOf(sheet), row.getRow(), row.getNumRows());
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return hiddenRowsOf(this.data('isRowHiddenByUser')).includes(rowPosition);
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
  /** The top-left cell of the selection (catalogue: SHEETS-ACTIVE-CELL). */
  getActiveCell(): RangeFacade {
    gate(this.ws, 'getActiveCell');
    const ss = this.ss();
    if (ss.activeSheetId !== this.sheetId)
      return new RangeFacade(this.ws, ss.id, this.sheetId, { row: 1, column: 1, numRows: 1, numColumns: 1 });
    const area = activeRangeOf(this.ws, ss).area;
    return new RangeFacade(this.ws, ss.id, this.sheetId, {
      row: area.row,
      column: area.column,
      numRows: 1,
      numColumns: 1,
    });
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

export function checkedArea(row: unknown, column: unknown, numRows: unknown, numColumns: unknown): GridArea {
  const nums = [row, column, numRows, numColumns].map((x) => Number(x));
  if (nums.some((n) => !Number.isFinite(n)))
    throw new Error(MESSAGES.signature('Sheet.getRange', [row, column, numRows, numColumns]));
  const [r, c, nr, nc] = nums.map((n) => Math.floor(n)) as [number, number, number, number];
  if (r < 1 || c < 1) throw new Error(MESSAGES.outside);
  if (nr < 1) throw new Error(MESSAGES.minRows);
  if (nc < 1) throw new Error(MESSAGES.minColumns);
  return { row: r, column: c, numRows: nr, numColumns: nc };
}

function hiddenRowsOf(sheet: SheetData): number[] {
  return (sheet.hiddenRows ??= []);
}

function hide(hidden: number[], from: number, count: number): void {
  for (let i = from; i < from + count; i++) if (!hidden.includes(i)) hidden.push(i);
}

function shown(hidden: number[], from: number, count: number): number[] {
  return hidden.filter((i) => i < from || i >= from + count);
}

/** Hidden rows or columns at or past `from` move with their neighbours; deleted ones are forgotten. */
function shiftHidden(hidden: number[], from: number, delta: number): number[] {
  return hidden.filter((i) => delta >= 0 || i < from || i >= from - delta).map((i) => (i >= from ? i + delta : i));
}

/**
 * New rows shift the ones below (content, notes, formats and validation move with their rows). Strict,
 * they are bare; lenient, they take the number format, validation and styles of the row above (of the
 * row below when inserted at the top) (catalogue: SHEETS-INSERT-ROWS-FORMAT, unverified).
 */
function insertRows(sheet: SheetData, after: number, howMany: number, inherit = false): void {
  if (howMany < 1) return;
  const model = sheet.rows[after >= 1 ? after - 1 : after] ?? null;
  const inherited = (): Array<Cell | null> | null =>
    inherit && model
      ? model.map((c) => {
          if (!c) return null;
          const cell: Cell = { v: null };
          if (c.nf !== undefined) cell.nf = c.nf;
          if (c.dv) cell.dv = structuredClone(c.dv);
          if (c.st) cell.st = structuredClone(c.st);
          return cell;
        })
      : null;
  if (after < sheet.rows.length)
    sheet.rows.splice(Math.max(0, after), 0, ...Array.from({ length: howMany }, inherited));
  sheet.maxRows += howMany;
  shiftMerges(sheet, 'rows', after + 1, howMany);
  sheet.hiddenRows = shiftHidden(hiddenRowsOf(sheet), after + 1, howMany);
}

function insertColumns(sheet: SheetData, after: number, howMany: number): void {
  if (howMany < 1) return;
  for (const row of sheet.rows) {
    if (row && after < row.length) row.splice(Math.max(0, after), 0, ...Array.from({ length: howMany }, () => null));
  }
  sheet.maxColumns += howMany;
  shiftMerges(sheet, 'columns', after + 1, howMany);
  sheet.hiddenColumns = shiftHidden(sheet.hiddenColumns, after + 1, howMany);
}

function deleteRows(sheet: SheetData, from: number, howMany: number): void {
  if (from < 1 || from + howMany - 1 > sheet.maxRows) throw new Error('Those rows are out of bounds.');
  if (sheet.maxRows - howMany <= sheet.frozenRows) throw new Error(MESSAGES.deleteAllRows);
  sheet.rows.splice(from - 1, howMany);
  sheet.maxRows -= howMany;
  shiftMerges(sheet, 'rows', from, -howMany);
  sheet.hiddenRows = shiftHidden(hiddenRowsOf(sheet), from, -howMany);
}

function deleteColumns(sheet: SheetData, from: number, howMany: number): void {
  if (from < 1 || from + howMany - 1 > sheet.maxColumns) throw new Error('Those columns are out of bounds.');
  for (const row of sheet.rows) row?.splice(from - 1, howMany);
  sheet.maxColumns -= howMany;
  shiftMerges(sheet, 'columns', from, -howMany);
  sheet.hiddenColumns = shiftHidden(sheet.hiddenColumns, from, -howMany);
}
