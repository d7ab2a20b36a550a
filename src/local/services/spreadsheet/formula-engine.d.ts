/** The part of fast-formula-parser (MIT, no type declarations of its own) the emulator uses. */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface FunctionArg {
    value: unknown;
    isArray?: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
  }
  export interface ParserOptions {
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    functions?: Record<string, (...args: FunctionArg[]) => unknown>;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    /** For `#ERROR!`, the error that made it (another FormulaError, or what a callback threw). */
    readonly details?: unknown;
  }
  export const Types: { NUMBER: number; ARRAY: number; BOOLEAN: number; STRING: number; RANGE_REF: number };
  export const FormulaHelpers: {
    accept(param: FunctionArg, type?: number | null, defValue?: unknown, flat?: boolean): unknown;
  };
  export default class FormulaParser {
    constructor(options?: ParserOptions);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
  }
}
