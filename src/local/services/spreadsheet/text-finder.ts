/**
 * `Sheet.createTextFinder` and `Range.createTextFinder` as Google documents them
 * (developers.google.com/apps-script/reference/spreadsheet/text-finder): a search over the cells of a
 * sheet's data or of a range, matched against what each cell shows (or its formula text with
 * `matchFormulaText(true)`), case-insensitive and partial unless told otherwise. The search runs on
 * Google's side, so only `findAll`, `findNext` and `findPrevious` are charged, by the cells scanned.
 */
import type { Workspace } from '../../runtime/workspace';
import { cellAt, lastColumnOf, lastRowOf, sheetById, spreadsheetData, type Cell, type GridArea } from './model';

/** What a finder needs from the facades: how a cell reads on screen and how to hand a range back. */
export interface FinderHost<R> {
  display(cell: Cell | null): string;
  range(area: GridArea): R;
}

/** catalogue: SHEETS-TEXTFINDER-EMPTY (unverified: an empty search is refused, the hardest answer). */
export const EMPTY_SEARCH_MESSAGE = 'Exception: Invalid argument: findText';

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class TextFinderFacade<R extends { getRow(): number; getColumn(): number }> {
  private caseSensitive = false;
  private entireCell = false;
  private regularExpression = false;
  private formulaText = false;
  private noDiacritics = false;
  /** The cell the next `findNext` starts after (row, column), or null before the first match. */
  private current: { row: number; column: number } | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    private readonly sheetId: number,
    /** The searched area; null = the sheet's data range as it is when a search runs. */
    private readonly area: GridArea | null,
    private readonly text: string,
    private readonly host: FinderHost<R>,
  ) {
    if (text === '') throw new Error(EMPTY_SEARCH_MESSAGE);
  }

  matchCase(matchCase: boolean): this {
    this.caseSensitive = matchCase === true;
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): this {
    this.entireCell = matchEntireCell === true;
    return this;
  }
  useRegularExpression(useRegEx: boolean): this {
    this.regularExpression = useRegEx === true;
    return this;
  }
  matchFormulaText(matchFormulaText: boolean): this {
    this.formulaText = matchFormulaText === true;
    return this;
  }
  ignoreDiacritics(ignoreDiacritics: boolean): this {
    this.noDiacritics = ignoreDiacritics === true;
    return this;
  }
  /** The search continues immediately after the top-left cell of `range`. */
  startFrom(range: R): this {
    this.current = { row: range.getRow(), column: range.getColumn() };
    return this;
  }

  findAll(): R[] {
    const matches = this.scan('findAll');
    const last = matches[matches.length - 1];
    if (last) this.current = last;
    return matches.map((m) => this.host.range({ row: m.row, column: m.column, numRows: 1, numColumns: 1 }));
  }

  /** catalogue: SHEETS-TEXTFINDER-NEXT — null when no match is left after the current one (no wrap). */
  findNext(): R | null {
    const matches = this.scan('findNext');
    const from = this.current;
    const next = from
      ? matches.find((m) => m.row > from.row || (m.row === from.row && m.column > from.column))
      : matches[0];
    return this.settle(next);
  }

  findPrevious(): R | null {
    const matches = this.scan('findPrevious');
    const from = this.current;
    const before = from
      ? matches.filter((m) => m.row < from.row || (m.row === from.row && m.column < from.column))
      : [];
    return this.settle(before[before.length - 1]);
  }

  getCurrentMatch(): R | null {
    return this.current ? this.host.range({ ...this.current, numRows: 1, numColumns: 1 }) : null;
  }

  toString(): string {
    return 'TextFinder';
  }

  private settle(match: { row: number; column: number } | undefined): R | null {
    if (!match) return null;
    this.current = match;
    return this.host.range({ row: match.row, column: match.column, numRows: 1, numColumns: 1 });
  }

  private pattern(): RegExp {
    const source = this.regularExpression ? this.text : escapeRegExp(this.prepare(this.text));
    const anchored = this.entireCell ? `^(?:${source})$` : source;
    return new RegExp(anchored, this.caseSensitive ? 'u' : 'iu');
  }

  private prepare(text: string): string {
    return this.noDiacritics ? stripDiacritics(text) : text;
  }

  /** Every matching cell of the area, row by row and left to right (catalogue: SHEETS-TEXTFINDER-ORDER). */
  private scan(method: string): Array<{ row: number; column: number }> {
    const sheet = sheetById(spreadsheetData(this.ws, this.ssId), this.sheetId);
    const area = this.area ?? {
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRowOf(sheet)),
      numColumns: Math.max(1, lastColumnOf(sheet)),
    };
    this.ws.call('Spreadsheet', method, area.numRows * area.numColumns);
    const regex = this.pattern();
    const out: Array<{ row: number; column: number }> = [];
    const lastRow = Math.min(area.row + area.numRows - 1, sheet.rows.length);
    for (let row = area.row; row <= lastRow; row++) {
      if (!sheet.rows[row - 1]) continue;
      for (let column = area.column; column < area.column + area.numColumns; column++) {
        const cell = cellAt(sheet, row, column);
        if (!cell) continue;
        const shown = this.formulaText && cell.f !== undefined ? cell.f : this.host.display(cell);
        if (shown !== '' && regex.test(this.prepare(shown))) out.push({ row, column });
      }
    }
    return out;
  }
}
