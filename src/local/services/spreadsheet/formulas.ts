/**
 * Formula cells computed as Sheets computes them (catalogue: SHEETS-FORMULAS), through fast-formula-parser
 * (MIT; HyperFormula, the other complete engine, is GPL-3.0 or commercial): arithmetic, references to
 * cells and ranges of any tab, and the functions staff plausibly type (SUM, IF, COUNTIF, VLOOKUP,
 * CONCATENATE, text and date functions). A function the engine does not know reads `#NAME?`, a reference
 * to a tab that does not exist `#REF!`, a formula that refers to itself `#REF!`, a formula that does not
 * parse `#ERROR!`, as Sheets shows them; `getValues` returns these error texts as strings.
 *
 * Values are computed when read, so a formula always reflects the cells it refers to and the emulated
 * clock (`TODAY()`, `NOW()`). Dates travel as Sheets' serial numbers (days since 1899-12-30 in the
 * spreadsheet's zone); a formula whose outermost function makes a date reads back as a Date.
 */
import FormulaParser, { FormulaError, FormulaHelpers, Types, type FunctionArg } from 'fast-formula-parser';
import { DAY_MS } from '../../../core/time/units';
import { wallClock, zonedToUtc } from '../../../core/time/zone';
import {
  cellAt,
  isDate,
  sheetByName,
  type Cell,
  type CellValue,
  type Conventions,
  type SheetData,
  type SpreadsheetData,
} from './model';

/** What a formula can see: the spreadsheet it lives in, its conventions and the emulated time. */
export interface FormulaScope {
  ss: SpreadsheetData;
  conventions: Conventions;
  nowMs: number;
}

const MAX_DEPTH = 64;
const DATE_RESULT = /^=\s*(DATE|TODAY|NOW|EDATE|EOMONTH|DATEVALUE|WORKDAY|WORKDAY\.INTL)\s*\(/i;

/** Sheets' serial number of an instant, read in the spreadsheet's zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const w = wallClock(date.getTime(), timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return (wall - Date.UTC(1899, 11, 30)) / DAY_MS;
}

/** The instant a serial number stands for in the spreadsheet's zone. */
export function serialToDate(serial: number, timeZone: string): Date {
  const w = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * DAY_MS));
  return new Date(
    zonedToUtc(
      {
        year: w.getUTCFullYear(),
        month: w.getUTCMonth() + 1,
        day: w.getUTCDate(),
        hour: w.getUTCHours(),
        minute: w.getUTCMinutes(),
        second: w.getUTCSeconds(),
      },
      timeZone,
    ),
  );
}

interface Evaluation {
  scope: FormulaScope;
  /** Formula cells being computed, to catch a formula that depends on itself. */
  visiting: Set<Cell>;
}

/**
 * One parser per nesting depth: computing a formula that refers to another formula cell parses again
 * while the outer parse is still running, and a parser is not reentrant.
 */
const parsers: FormulaParser[] = [];
let current: Evaluation | null = null;
let depth = 0;

class CircularReference extends Error {}

function parserAt(level: number): FormulaParser {
  let parser = parsers[level];
  if (!parser) {
    parser = new FormulaParser({
      onCell: (ref) => referenced(ref.sheet, ref.row, ref.col),
      onRange: (ref) => {
        const out: unknown[][] = [];
        for (let r = ref.from.row; r <= ref.to.row; r++) {
          const line: unknown[] = [];
          for (let c = ref.from.col; c <= ref.to.col; c++) line.push(referenced(ref.sheet, r, c));
          out.push(line);
        }
        return out;
      },
      functions: extraFunctions,
    });
    parsers[level] = parser;
  }
  return parser;
}

function evaluation(): Evaluation {
  if (!current) throw new Error('A formula was evaluated outside formulaValue.');
  return current;
}

/** A referenced cell as the engine wants it: numbers (dates as serials), strings, booleans, null. */
function referenced(sheetName: string, row: number, column: number): unknown {
  const { scope } = evaluation();
  const sheet = sheetByName(scope.ss, sheetName);
  if (!sheet) throw new FormulaError('#REF!');
  if (row > sheet.maxRows || column > sheet.maxColumns) return null;
  const cell = cellAt(sheet, row, column);
  if (!cell) return null;
  const value = cell.f !== undefined ? computed(sheet, row, column, cell) : cell.v;
  if (value === null || value === '') return null;
  if (isDate(value)) return dateToSerial(value, scope.conventions.timeZone);
  if (typeof value === 'string' && /^#[A-Z/0!?]+[!?]?$/.test(value)) return new FormulaError(value);
  return value;
}

function computed(sheet: SheetData, row: number, column: number, cell: Cell): CellValue {
  const state = evaluation();
  if (state.visiting.has(cell) || depth >= MAX_DEPTH) throw new CircularReference();
  state.visiting.add(cell);
  depth += 1;
  try {
    return compute(sheet, row, column, cell, state.scope);
  } finally {
    depth -= 1;
    state.visiting.delete(cell);
  }
}

function compute(sheet: SheetData, row: number, column: number, cell: Cell, scope: FormulaScope): CellValue {
  const text = cell.f as string;
  let result: unknown;
  try {
    result = parserAt(depth).parse(text.slice(1), { sheet: sheet.name, row, col: column });
  } catch (thrown) {
    const error = cause(thrown);
    if (error instanceof CircularReference) {
      if (depth > 1) throw error;
      return '#REF!';
    }
    if (error instanceof FormulaError) return error.error || '#ERROR!';
    return '#ERROR!';
  }
  return toCellValue(result, text, scope);
}

/** The engine wraps an error raised while evaluating (an unknown function, a bad reference) in `#ERROR!`. */
function cause(error: unknown): unknown {
  let current = error;
  while (current instanceof FormulaError && current.error === '#ERROR!' && current.details instanceof Error)
    current = current.details;
  return current;
}

function toCellValue(result: unknown, text: string, scope: FormulaScope): CellValue {
  let value = result;
  while (Array.isArray(value)) value = value[0];
  if (value instanceof FormulaError) return value.error;
  if (value && typeof value === 'object' && '_error' in value) return String((value as { _error: unknown })._error);
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '#NUM!';
    return DATE_RESULT.test(text) ? serialToDate(value, scope.conventions.timeZone) : value;
  }
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** The value a formula cell reads as (`getValue(s)`), computed now. */
export function formulaValue(
  scope: FormulaScope,
  sheet: SheetData,
  row: number,
  column: number,
  cell: Cell,
): CellValue {
  const outer = current;
  const outerDepth = depth;
  current = { scope, visiting: new Set() };
  depth = 0;
  try {
    return computed(sheet, row, column, cell);
  } catch (error) {
    if (error instanceof CircularReference) return '#REF!';
    throw error;
  } finally {
    current = outer;
    depth = outerDepth;
  }
}

function flatValues(args: FunctionArg[]): unknown[] {
  return args.flatMap((arg) => {
    const value = arg.value;
    return Array.isArray(value) ? (value as unknown[]).flat(Infinity) : [value];
  });
}

/** Functions staff type that the engine lacks, and the clock functions, which read the emulated clock. */
const extraFunctions: Record<string, (...args: FunctionArg[]) => unknown> = {
  TODAY: () => {
    const { scope } = evaluation();
    return Math.floor(dateToSerial(new Date(scope.nowMs), scope.conventions.timeZone));
  },
  NOW: () => {
    const { scope } = evaluation();
    return dateToSerial(new Date(scope.nowMs), scope.conventions.timeZone);
  },
  UPPER: (text: FunctionArg) => String(FormulaHelpers.accept(text, Types.STRING)).toUpperCase(),
  VALUE: (text: FunctionArg) => {
    const raw = FormulaHelpers.accept(text);
    if (typeof raw === 'number') return raw;
    const n = Number(String(raw).trim().replace(',', '.'));
    if (String(raw).trim() === '' || !Number.isFinite(n)) throw new FormulaError('#VALUE!');
    return n;
  },
  COUNTA: (...args: FunctionArg[]) => flatValues(args).filter((v) => v !== null && v !== undefined && v !== '').length,
};
