/**
 * `Spreadsheet`, `Sheet` and `Range.createTextFinder` as Google documents them
 * (developers.google.com/apps-script/reference/spreadsheet/text-finder): a search over the cells of every
 * sheet's data in tab order, of one sheet's data or of a range, matched against what each cell shows (or
 * its formula text with `matchFormulaText(true)`), case-insensitive and partial unless told otherwise.
 * The search runs on Google's side, so only `findAll`, `findNext`, `findPrevious` and the replacements
 * are charged, by the cells scanned.
 */
import type { Workspace } from '../../runtime/workspace';
import { displayOfCell, formulaScope, writeTyped } from './cells';
import {
  cellAt,
  conventionsOf,
  lastColumnOf,
  lastRowOf,
  sheetById,
  spreadsheetData,
  type Cell,
  type GridArea,
} from './model';
import { assertCanEdit } from './protection';

/**
 * One sheet a finder searches, and what it needs from the facades there: how a cell reads on screen,
 * how to hand a range back, and how to write a replaced text as if typed.
 */
export interface FinderTarget<R> {
  sheetId: number;
  /** The searched area; null = the sheet's data range as it is when a search runs. */
  area: GridArea | null;
  display(cell: Cell | null): string;
  range(area: GridArea): R;
  write(row: number, column: number, text: string): void;
}

/** A sheet of the spreadsheet as a finder's target: shown as Sheets shows it, replaced as typed by the user. */
export function finderTarget<R>(
  ws: Workspace,
  ssId: string,
  sheetId: number,
  area: GridArea | null,
  range: (area: GridArea) => R,
): FinderTarget<R> {
  const ss = spreadsheetData(ws, ssId);
  const sheet = sheetById(ss, sheetId);
  const scope = formulaScope(ss, ws.now());
  return {
    sheetId,
    area,
    range,
    display: (cell) => displayOfCell(scope, sheet, cell),
    write: (row, column, text) => {
      assertCanEdit(ws, ss, sheetId, { row, column, numRows: 1, numColumns: 1 });
      writeTyped(sheet, row, column, text, conventionsOf(ss));
    },
  };
}

interface Match {
  target: number;
  row: number;
  column: number;
  shown: string;
  formula: boolean;
}

function before(a: Match, b: { target: number; row: number; column: number }): boolean {
  return a.target !== b.target ? a.target < b.target : a.row !== b.row ? a.row < b.row : a.column < b.column;
}

/** catalogue: SHEETS-TEXTFINDER-EMPTY (unverified: an empty search is refused, the hardest answer). */
export const EMPTY_SEARCH_MESSAGE = 'Exception: Invalid argument: findText';

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * `text` with `regex`'s matches replaced, where the matching ran on `prepare(text)`: each character of
 * the text is prepared alone, so a match's ends map back to the text's own characters.
 */
function replaceMapped(text: string, regex: RegExp, replacement: string, prepare: (t: string) => string): string {
  const starts: number[] = [];
  let prepared = '';
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    for (let k = 0; k < prepare(char).length; k++) starts.push(i);
    prepared += prepare(char);
    i += char.length;
  }
  starts.push(text.length);
  const global = new RegExp(regex.source, `${regex.flags}g`);
  let out = '';
  let from = 0;
  for (const m of prepared.matchAll(global)) {
    if (m[0] === '') continue;
    const start = starts[m.index] as number;
    const end = starts[m.index + m[0].length] as number;
    out += text.slice(from, start) + replacement;
    from = end;
  }
  return out + text.slice(from);
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
  /** The cell the next `findNext` starts after, or null before the first match. */
  private current: { target: number; row: number; column: number } | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    private readonly targets: ReadonlyArray<FinderTarget<R>>,
    private readonly text: string,
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
  /** The search continues immediately after the top-left cell of `range` (a range of the first sheet searched). */
  startFrom(range: R): this {
    this.current = { target: 0, row: range.getRow(), column: range.getColumn() };
    return this;
  }

  findAll(): R[] {
    const matches = this.scan('findAll');
    const last = matches[matches.length - 1];
    if (last) this.current = last;
    return matches.map((m) => this.rangeOf(m));
  }

  /** catalogue: SHEETS-TEXTFINDER-NEXT — null when no match is left after the current one (no wrap). */
  findNext(): R | null {
    const matches = this.scan('findNext');
    const from = this.current;
    return this.settle(from ? matches.find((m) => before(from as Match, m)) : matches[0]);
  }

  findPrevious(): R | null {
    const matches = this.scan('findPrevious');
    const from = this.current;
    const earlier = from ? matches.filter((m) => before(m, from)) : [];
    return this.settle(earlier[earlier.length - 1]);
  }

  getCurrentMatch(): R | null {
    return this.current ? this.rangeOf(this.current) : null;
  }

  /**
   * catalogue: SHEETS-TEXTFINDER-REPLACE — every match replaced, in formula text or in what the cell
   * shows, written as if typed; the answer is how many cells changed. A formula found by its value is
   * left as it is, as the editor's Find and replace does without "Also search within formulas".
   */
  replaceAllWith(replaceText: string): number {
    const matches = this.scan('replaceAllWith').filter((m) => this.replaceable(m));
    const regex = this.pattern();
    for (const m of matches) this.replace(m, regex, String(replaceText));
    return matches.length;
  }

  /** catalogue: SHEETS-TEXTFINDER-REPLACE — the current match only; 0 when there is none. */
  replaceWith(replaceText: string): number {
    const from = this.current;
    if (!from) return 0;
    const match = this.scan('replaceWith').find((m) => !before(m, from) && !before(from as Match, m));
    if (!match || !this.replaceable(match)) return 0;
    this.replace(match, this.pattern(), String(replaceText));
    return 1;
  }

  toString(): string {
    return 'TextFinder';
  }

  /** A formula is only rewritten when its text was searched: a match on its value leaves it alone. */
  private replaceable(match: Match): boolean {
    return this.formulaText || !match.formula;
  }

  private replace(match: Match, regex: RegExp, replaceText: string): void {
    const target = this.targets[match.target] as FinderTarget<R>;
    const prepare = (t: string) => this.prepare(t);
    target.write(match.row, match.column, replaceMapped(match.shown, regex, replaceText, prepare));
  }

  private rangeOf(at: { target: number; row: number; column: number }): R {
    const target = this.targets[at.target] as FinderTarget<R>;
    return target.range({ row: at.row, column: at.column, numRows: 1, numColumns: 1 });
  }

  private settle(match: Match | undefined): R | null {
    if (!match) return null;
    this.current = match;
    return this.rangeOf(match);
  }

  private pattern(): RegExp {
    const source = this.regularExpression ? this.text : escapeRegExp(this.prepare(this.text));
    const anchored = this.entireCell ? `^(?:${source})$` : source;
    return new RegExp(anchored, this.caseSensitive ? 'u' : 'iu');
  }

  private prepare(text: string): string {
    return this.noDiacritics ? stripDiacritics(text) : text;
  }

  /** Every matching cell, sheet by sheet, row by row and left to right (catalogue: SHEETS-TEXTFINDER-ORDER). */
  private scan(method: string): Match[] {
    const ss = spreadsheetData(this.ws, this.ssId);
    const areas = this.targets.map((target) => {
      const sheet = sheetById(ss, target.sheetId);
      const area = target.area ?? {
        row: 1,
        column: 1,
        numRows: Math.max(1, lastRowOf(sheet)),
        numColumns: Math.max(1, lastColumnOf(sheet)),
      };
      return { sheet, area };
    });
    this.ws.call(
      'Spreadsheet',
      method,
      areas.reduce((n, { area }) => n + area.numRows * area.numColumns, 0),
    );
    const regex = this.pattern();
    const out: Match[] = [];
    areas.forEach(({ sheet, area }, target) => {
      const host = this.targets[target] as FinderTarget<R>;
      const lastRow = Math.min(area.row + area.numRows - 1, sheet.rows.length);
      for (let row = area.row; row <= lastRow; row++) {
        if (!sheet.rows[row - 1]) continue;
        for (let column = area.column; column < area.column + area.numColumns; column++) {
          const cell = cellAt(sheet, row, column);
          if (!cell) continue;
          const shown = this.formulaText && cell.f !== undefined ? cell.f : host.display(cell);
          if (shown !== '' && regex.test(this.prepare(shown)))
            out.push({ target, row, column, shown, formula: cell.f !== undefined });
        }
      }
    });
    return out;
  }
}
