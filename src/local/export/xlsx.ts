/**
 * The academy's spreadsheet as an .xlsx file anyone can open in Excel or LibreOffice: every tab in
 * order, header row bold and frozen, dates as dates (Rome wall clock: a workbook has no time zone),
 * numbers as numbers, checkboxes as booleans, column widths as set on the sheet or fitted to content.
 */
import ExcelJS from 'exceljs';
import { wallClock } from '../../core/time/zone';
import type { Workspace } from '../runtime/workspace';
import {
  cellAt,
  isCheckbox,
  isDate,
  lastColumnOf,
  lastRowOf,
  spreadsheetData,
  type Cell,
  type SheetData,
} from '../services/spreadsheet/model';

/** Sheets' default column width in pixels; Excel measures widths in characters of about 7 pixels. */
const PIXELS_PER_CHARACTER = 7;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Excel's limit on a worksheet's name. */
const MAX_SHEET_NAME = 31;

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

/**
 * The instant's Rome wall-clock reading as a Date whose UTC fields carry it: exceljs turns a Date into
 * a serial number from its UTC fields, so this is what makes the cell read as in the sheet.
 */
function excelDate(value: Date): { date: Date; hasTime: boolean } {
  const w = wallClock(value.getTime());
  return {
    date: new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)),
    hasTime: w.hour !== 0 || w.minute !== 0 || w.second !== 0,
  };
}

/** A Sheets number format Excel reads the same way (digits, separators, percent, currency); else none. */
function numberFormat(pattern: string | undefined): string | undefined {
  if (!pattern || pattern === '@') return undefined;
  return /^[0#.,%€ \-"]+$/.test(pattern) ? pattern : undefined;
}

function displayLength(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 16;
  return String(value)
    .split('\n')
    .reduce((max, line) => Math.max(max, line.length), 0);
}

function writeCell(target: ExcelJS.Cell, cell: Cell | null): void {
  if (cell?.f !== undefined) {
    const result = cell.v === null || cell.v === '' ? undefined : cell.v;
    target.value = {
      formula: cell.f.replace(/^=/, ''),
      result: result instanceof Date ? excelDate(result).date : result,
    } as ExcelJS.CellFormulaValue;
    return;
  }
  if (isCheckbox(cell) && (cell?.v === null || cell?.v === undefined || typeof cell.v === 'boolean')) {
    target.value = cell?.v === true;
    return;
  }
  const v = cell?.v ?? null;
  if (v === null || v === '') return;
  if (isDate(v)) {
    const { date, hasTime } = excelDate(v);
    target.value = date;
    target.numFmt = hasTime ? DATE_TIME_FORMAT : DATE_FORMAT;
    return;
  }
  target.value = v;
  if (typeof v === 'number') {
    const nf = numberFormat(cell?.nf);
    if (nf) target.numFmt = nf;
  }
  if (cell?.note) target.note = cell.note;
}

function uniqueName(name: string, used: Set<string>): string {
  const clean = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, MAX_SHEET_NAME);
  let candidate = clean;
  for (let n = 2; used.has(candidate.toLowerCase()); n++)
    candidate = `${clean.slice(0, MAX_SHEET_NAME - String(n).length - 1)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function addSheet(book: ExcelJS.Workbook, sheet: SheetData, name: string): void {
  const lastRow = lastRowOf(sheet);
  const lastColumn = lastColumnOf(sheet);
  const frozen = Math.max(1, sheet.frozenRows);
  const out = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: frozen, xSplit: sheet.frozenColumns }],
    state: sheet.hidden ? 'hidden' : 'visible',
  });
  const widths = new Array<number>(lastColumn).fill(0);
  for (let r = 1; r <= lastRow; r++) {
    const row = out.getRow(r);
    for (let c = 1; c <= lastColumn; c++) {
      const cell = cellAt(sheet, r, c);
      writeCell(row.getCell(c), cell);
      widths[c - 1] = Math.max(widths[c - 1] ?? 0, displayLength(cell?.v ?? null));
    }
    if (r <= frozen) row.font = { bold: true };
    row.commit();
  }
  for (let c = 1; c <= lastColumn; c++) {
    const set = sheet.columnWidths[c];
    const chars = set !== undefined ? set / PIXELS_PER_CHARACTER : (widths[c - 1] ?? 0) + 2;
    const column = out.getColumn(c);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(chars)));
    if (sheet.hiddenColumns.includes(c)) column.hidden = true;
  }
}

/** Writes every tab of the spreadsheet `ssId` to `file`. Returns the tab names written. */
export async function writeXlsx(ws: Workspace, ssId: string, file: string): Promise<string[]> {
  const ss = spreadsheetData(ws, ssId);
  const book = new ExcelJS.Workbook();
  book.creator = 'Academy4PA';
  book.title = ss.name;
  const used = new Set<string>();
  const names: string[] = [];
  for (const sheet of ss.sheets) {
    const name = uniqueName(sheet.name, used);
    addSheet(book, sheet, name);
    names.push(name);
  }
  await book.xlsx.writeFile(file);
  return names;
}
