/** The emulated Range. */
import type { Workspace } from '../../runtime/workspace';
import {
  a1Of,
  cellAt,
  cellFor,
  conventionsOf,
  hasContent,
  isCheckbox,
  MESSAGES,
  sheetById,
  spreadsheetData,
  type A1Frame,
  type Cell,
  type CellValue,
  type Conventions,
  type GridArea,
  type SheetData,
  type SpreadsheetData,
} from './model';
import type { FormulaScope } from './formulas';
import { typedContent } from './typing';
import { gate } from './gate';
import { TextFinderFacade, finderTarget } from './text-finder';
import {
  ClearOptions,
  assertCellsFit,
  assertInside,
  cellValue,
  checkState,
  checkboxValue,
  clearArea,
  display,
  formulaScope,
  numberFormatOf,
  readGrid,
  satisfies,
  setNote,
  setValidation,
  shapeCheck,
  writeFormula,
  writeTyped,
} from './cells';
import { ProtectionFacade, addProtection, assertCanEdit } from './protection';
import { SheetFacade, checkedArea } from './sheet';
import { activate } from './spreadsheet';
import { DataValidationFacade } from './validation';
import {
  breakApartArea,
  copyArea,
  mergeArea,
  mergesTouching,
  OPS_MESSAGES,
  pasteArea,
  sortArea,
  COPY_PASTE_TYPES,
  type PasteKind,
  type SortSpec,
} from './range-ops';

/** A range handle: coordinates only; every read or write looks the state up afresh. */
export class RangeFacade {
  constructor(
    private readonly ws: Workspace,
    readonly ssId: string,
    readonly sheetId: number,
    readonly area: GridArea,
    private readonly frame: A1Frame = 'cells',
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
  private grid<T>(fn: (row: number, column: number) => T): T[][] {
    return Array.from({ length: this.area.numRows }, (_, i) =>
      Array.from({ length: this.area.numColumns }, (_, j) => fn(this.area.row + i, this.area.column + j)),
    );
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
  private scope(): FormulaScope {
    return formulaScope(this.ss(), this.ws.now());
  }
  private conventions(): Conventions {
    return conventionsOf(this.ss());
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
    return a1Of(this.area, this.frame);
  }
  getSheet(): SheetFacade {
    return new SheetFacade(this.ws, this.ssId, this.sheetId);
  }
  getGridId(): number {
    return this.sheetId;
  }

  getValues(): CellValue[][] {
    return readGrid(this.scope(), this.sheet('getValues', this.size), this.area);
  }
  getValue(): CellValue {
    return cellValue(this.scope(), this.sheet('getValue', 1), this.area.row, this.area.column);
  }
  getDisplayValues(): string[][] {
    const sheet = this.sheet('getDisplayValues', this.size);
    const scope = this.scope();
    return this.grid((row, column) => display(scope, sheet, row, column));
  }
  getDisplayValue(): string {
    return display(this.scope(), this.sheet('getDisplayValue', 1), this.area.row, this.area.column);
  }
  /** Google: true when every cell of the range is empty (no value, no formula). */
  isBlank(): boolean {
    const sheet = this.sheet('isBlank', this.size);
    return this.map(sheet, (cell) => !hasContent(cell))
      .flat()
      .every(Boolean);
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
    assertCellsFit(data.flat());
    const sheet = this.writable('setValues');
    this.assertValid(sheet, (i, j) => data[i]?.[j]);
    const conventions = this.conventions();
    this.each((row, column, i, j) => writeTyped(sheet, row, column, (data[i] as unknown[])[j], conventions));
    return this;
  }
  setValue(value: unknown): RangeFacade {
    assertCellsFit([value]);
    const sheet = this.writable('setValue');
    this.assertValid(sheet, () => value);
    const conventions = this.conventions();
    this.each((row, column) => writeTyped(sheet, row, column, value, conventions));
    return this;
  }
  setFormulas(formulas: string[][]): RangeFacade {
    const data = shapeCheck(formulas, this.area, 'setFormulas');
    assertCellsFit(data.flat());
    const sheet = this.writable('setFormulas');
    this.each((row, column, i, j) => writeFormula(sheet, row, column, (data[i] as unknown[])[j]));
    return this;
  }
  setFormula(formula: string): RangeFacade {
    assertCellsFit([formula]);
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
    this.each((row, column) => setValidation(sheet, row, column, rule, this.ws));
    return this;
  }
  setDataValidations(rules: Array<Array<DataValidationFacade | null>>): RangeFacade {
    const data = shapeCheck(rules, this.area, 'setDataValidations');
    const sheet = this.writable('setDataValidations');
    this.each((row, column, i, j) =>
      setValidation(sheet, row, column, (data[i] as Array<DataValidationFacade | null>)[j] ?? null, this.ws),
    );
    return this;
  }
  clearDataValidations(): RangeFacade {
    const sheet = this.writable('clearDataValidations');
    this.each((row, column) => setValidation(sheet, row, column, null, this.ws));
    return this;
  }
  /** Google: checkboxes with true/false, and every cell of the range set to false (unchecked). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): RangeFacade {
    const sheet = this.writable('insertCheckboxes');
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    this.each((row, column) => {
      const cell = cellFor(sheet, row, column);
      cell.dv = { type: 'CHECKBOX', values, allowInvalid: true, helpText: null };
      const unchecked = checkboxValue(values, false);
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
      const v = checkboxValue(cell.dv.values, checked);
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
  getBackgrounds(): string[][] {
    return this.map(this.sheet('getBackgrounds', this.size), (c) =>
      typeof c?.st?.background === 'string' ? c.st.background : '#ffffff',
    );
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
    const sheet = this.sheet('offset');
    const area = checkedArea(
      this.area.row + rowOffset,
      this.area.column + columnOffset,
      numRows ?? this.area.numRows,
      numColumns ?? this.area.numColumns,
    );
    return new RangeFacade(this.ws, this.ssId, this.sheetId, assertInside(sheet, area));
  }
  createTextFinder(findText: string): TextFinderFacade<RangeFacade> {
    this.sheet('createTextFinder');
    const target = finderTarget(
      this.ws,
      this.ssId,
      this.sheetId,
      { ...this.area },
      (area) => new RangeFacade(this.ws, this.ssId, this.sheetId, area),
    );
    return new TextFinderFacade(this.ws, this.ssId, [target], String(findText));
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
  /** Sorts the range's rows by one column or several (catalogue: SHEETS-SORT). */
  sort(sortSpecObj: SortSpec | SortSpec[]): RangeFacade {
    const sheet = this.writable('sort');
    const specs = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    sortArea(sheet, this.area, specs, readGrid(this.scope(), sheet, this.area));
    return this;
  }
  /**
   * Copies the cells to `destination` of the same spreadsheet: everything, or what a `CopyPasteType` or
   * the `{ contentsOnly, formatOnly }` options say (catalogue: SHEETS-COPYTO).
   */
  copyTo(destination: RangeFacade, typeOrOptions?: unknown, transposed?: boolean): void {
    if (!(destination instanceof RangeFacade)) throw new Error(MESSAGES.signature('Range.copyTo', [destination]));
    if (destination.ssId !== this.ssId) throw new Error(OPS_MESSAGES.otherSpreadsheet);
    const source = this.sheet('copyTo', this.size);
    const kind = pasteKind(typeOrOptions);
    const target = sheetById(this.ss(), destination.sheetId);
    const area = assertInside(target, pasteArea(this.area, destination.area, transposed === true));
    assertCanEdit(this.ws, this.ss(), destination.sheetId, area);
    const values = readGrid(this.scope(), source, this.area);
    copyArea({ sheet: source, area: this.area, values }, { sheet: target, area }, kind, transposed === true);
  }
  /** Merged cells (catalogue: SHEETS-MERGE): only the top-left cell keeps its content. */
  merge(): RangeFacade {
    mergeArea(this.writable('merge'), this.area, 'all');
    return this;
  }
  mergeAcross(): RangeFacade {
    mergeArea(this.writable('mergeAcross'), this.area, 'across');
    return this;
  }
  mergeVertically(): RangeFacade {
    mergeArea(this.writable('mergeVertically'), this.area, 'vertically');
    return this;
  }
  breakApart(): RangeFacade {
    breakApartArea(this.writable('breakApart'), this.area);
    return this;
  }
  isPartOfMerge(): boolean {
    return mergesTouching(this.sheet('isPartOfMerge'), this.area).length > 0;
  }
  getMergedRanges(): RangeFacade[] {
    return mergesTouching(this.sheet('getMergedRanges'), this.area).map(
      (area) => new RangeFacade(this.ws, this.ssId, this.sheetId, area),
    );
  }
  toString(): string {
    return 'Range';
  }

  /** Apps Script refuses a write that a rejecting validation rule forbids, before writing anything. */
  private assertValid(sheet: SheetData, valueAt: (i: number, j: number) => unknown): void {
    this.each((row, column, i, j) => {
      const dv = cellAt(sheet, row, column)?.dv;
      if (!dv || dv.allowInvalid) return;
      const content = typedContent(valueAt(i, j), cellAt(sheet, row, column)?.nf === '@', this.conventions());
      if (content.f === undefined && !satisfies(this.ws, this.ssId, dv, content.v))
        throw new Error(MESSAGES.invalidData(this.a1At(row, column)));
    });
  }
}

function pasteKind(typeOrOptions: unknown): PasteKind {
  if (typeOrOptions === undefined || typeOrOptions === null) return 'PASTE_NORMAL';
  if (typeof typeOrOptions === 'object') {
    const options = typeOrOptions as { contentsOnly?: unknown; formatOnly?: unknown };
    if (options.formatOnly === true) return 'PASTE_FORMAT';
    if (options.contentsOnly === true) return 'CONTENTS_ONLY';
    return 'PASTE_NORMAL';
  }
  const name = String(typeOrOptions);
  if ((COPY_PASTE_TYPES as readonly string[]).includes(name)) return name as PasteKind;
  throw new Error(MESSAGES.signature('Range.copyTo', [typeOrOptions]));
}
