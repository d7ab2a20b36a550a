/**
 * Reading an Excel workbook (.xlsx, Office Open XML) as Drive reads it when it converts one to Google
 * Sheets: every worksheet in the workbook's order with its cells' values (shared and inline strings,
 * numbers, booleans, error codes, formulas with their last computed value) and each cell's number
 * format, so dates come out as dates. Anything that is not such a workbook is refused with
 * `NotAWorkbookError`.
 */
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { DAY_MS } from '../../../core/time/units';
import { wallClock, type WallClock } from '../../../core/time/zone';

export class NotAWorkbookError extends Error {}

export type XlsxValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: WallClock };

export interface XlsxCell {
  /** 1-based. */
  row: number;
  column: number;
  value: XlsxValue;
  /** The cell's number format as the workbook writes it (`dd/mm/yyyy`, `0.00`); absent for General. */
  format?: string;
  /** The formula without its leading `=`, when the cell has one of its own. */
  formula?: string;
}

export interface XlsxSheet {
  name: string;
  cells: XlsxCell[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['sheet', 'Relationship', 'si', 'r', 'xf', 'numFmt', 'row', 'c']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

/** Excel's built-in number formats that show a date or a time (ECMA-376 part 1, 18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = {
  14: 'dd/mm/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'dd/mm/yyyy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
};

/** Day 0 of the 1900 date system as Sheets counts it; the 1904 system starts 1,462 days later. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904_DAYS = 1462;

function parse(files: Record<string, Uint8Array>, path: string): Node | null {
  const data = files[path];
  if (!data) return null;
  try {
    return parser.parse(new TextDecoder().decode(data)) as Node;
  } catch {
    throw new NotAWorkbookError(`${path} is not well-formed XML`);
  }
}

function child(node: unknown, name: string): Node | undefined {
  const found = (node as Node | undefined)?.[name];
  return found !== null && typeof found === 'object' ? (found as Node) : undefined;
}

function list(node: unknown, name: string): Node[] {
  const found = (node as Node | undefined)?.[name];
  return Array.isArray(found) ? (found as Node[]) : [];
}

function attr(node: Node | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return v === undefined ? undefined : String(v);
}

/** The text of an element that may carry attributes (`<t xml:space="preserve">`). */
function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node);
  const inner = (node as Node)['#text'];
  return inner === undefined ? '' : String(inner);
}

/** A shared or inline string: one `<t>`, or rich-text runs `<r><t>` (phonetic hints left out). */
function richText(node: Node | undefined): string {
  if (!node) return '';
  if (node.t !== undefined) return text(node.t);
  return list(node, 'r')
    .map((run) => text(run.t))
    .join('');
}

/** Whether a number format shows a date or a time: a d, m, y, h or s outside quotes, escapes and colours. */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The wall clock a serial number shows (days since day 0, the fraction being the time of day). */
export function serialToWallClock(serial: number, date1904: boolean): WallClock {
  const days = serial + (date1904 ? EPOCH_1904_DAYS : 0);
  return wallClock(EPOCH_1900 + Math.round((days * DAY_MS) / 1000) * 1000, 'UTC');
}

function isoWallClock(iso: string): WallClock {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) throw new NotAWorkbookError(`invalid date cell ${iso}`);
  const n = (i: number): number => Number(m[i] ?? 0);
  return { year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5), second: n(6) };
}

/** `B12` → row 12, column 2. */
function reference(ref: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/i.exec(ref);
  if (!m) return null;
  const column = [...(m[1] as string).toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

interface Styles {
  formatOf: (styleIndex: number) => string | undefined;
}

function styles(files: Record<string, Uint8Array>): Styles {
  const sheet = child(parse(files, 'xl/styles.xml'), 'styleSheet');
  const custom = new Map(
    list(child(sheet, 'numFmts'), 'numFmt').map((f) => [Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '']),
  );
  const xfs = list(child(sheet, 'cellXfs'), 'xf').map((xf) => Number(attr(xf, 'numFmtId') ?? 0));
  return {
    formatOf: (index) => {
      const id = xfs[index];
      if (id === undefined || id === 0) return undefined;
      return custom.get(id) ?? BUILT_IN_FORMATS[id];
    },
  };
}

function sheetPaths(files: Record<string, Uint8Array>): { names: string[]; paths: string[]; date1904: boolean } {
  const workbook = child(parse(files, 'xl/workbook.xml'), 'workbook');
  const sheets = list(child(workbook, 'sheets'), 'sheet');
  if (!workbook || sheets.length === 0) throw new NotAWorkbookError('no worksheets');
  const rels = list(child(parse(files, 'xl/_rels/workbook.xml.rels'), 'Relationships'), 'Relationship');
  const targets = new Map(rels.map((r) => [attr(r, 'Id'), attr(r, 'Target') ?? '']));
  const pr = attr(child(workbook, 'workbookPr'), 'date1904');
  const paths = sheets.map((s) => {
    const target = targets.get(attr(s, 'id')) ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  });
  return { names: sheets.map((s) => attr(s, 'name') ?? ''), paths, date1904: pr === '1' || pr === 'true' };
}

function cellValue(c: Node, shared: readonly string[], date: boolean, date1904: boolean): XlsxValue | null {
  const type = attr(c, 't') ?? 'n';
  if (type === 'inlineStr') return { kind: 'string', value: richText(child(c, 'is')) };
  if (c.v === undefined) return null;
  const v = text(c.v);
  switch (type) {
    case 's': {
      const s = shared[Number(v)];
      if (s === undefined) throw new NotAWorkbookError(`shared string ${v} missing`);
      return { kind: 'string', value: s };
    }
    case 'str':
    case 'e':
      return { kind: 'string', value: v };
    case 'b':
      return { kind: 'boolean', value: v === '1' || v === 'true' };
    case 'd':
      return { kind: 'date', value: isoWallClock(v) };
    default: {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw new NotAWorkbookError(`invalid number ${v}`);
      return date ? { kind: 'date', value: serialToWallClock(n, date1904) } : { kind: 'number', value: n };
    }
  }
}

function readSheet(
  files: Record<string, Uint8Array>,
  path: string,
  shared: readonly string[],
  style: Styles,
  date1904: boolean,
): XlsxCell[] {
  const sheet = child(parse(files, path), 'worksheet');
  if (!sheet) throw new NotAWorkbookError(`worksheet ${path} missing`);
  const cells: XlsxCell[] = [];
  let rowNumber = 0;
  for (const row of list(child(sheet, 'sheetData'), 'row')) {
    rowNumber = Number(attr(row, 'r') ?? rowNumber + 1);
    let column = 0;
    for (const c of list(row, 'c')) {
      const at = reference(attr(c, 'r') ?? '');
      column = at ? at.column : column + 1;
      const format = style.formatOf(Number(attr(c, 's') ?? 0));
      const value = cellValue(c, shared, format !== undefined && isDateFormat(format), date1904);
      if (value === null) continue;
      const formula = text(c.f).trim();
      cells.push({
        row: at ? at.row : rowNumber,
        column,
        value,
        ...(format === undefined ? {} : { format }),
        ...(formula === '' ? {} : { formula }),
      });
    }
  }
  return cells;
}

export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new NotAWorkbookError('not a zip archive');
  }
  const { names, paths, date1904 } = sheetPaths(files);
  const shared = list(child(parse(files, 'xl/sharedStrings.xml'), 'sst'), 'si').map(richText);
  const style = styles(files);
  return paths.map((path, i) => ({ name: names[i] as string, cells: readSheet(files, path, shared, style, date1904) }));
}
