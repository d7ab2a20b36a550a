/**
 * Drive's conversion of an uploaded Excel workbook into a Google Sheets file (Drive v3 `files.copy` or
 * `files.create` with the Sheets MIME type, catalogue REST-DRIVE-CONVERT-XLSX): a new spreadsheet with
 * one tab per worksheet, in order and with their names, each cell's value and number format kept, dates
 * read on the new spreadsheet's wall clock. A file that is not a workbook converts to nothing.
 */
import { zonedToUtc } from '../../../core/time/zone';
import type { Workspace } from '../../runtime/workspace';
import { writeRaw } from '../spreadsheet/cells';
import { createSpreadsheetData } from '../spreadsheet/host';
import { cellFor, conventionsOf, type CellValue, type SheetData } from '../spreadsheet/model';
import { addSheet } from '../spreadsheet/spreadsheet';
import { createItem, SHEETS_MIME, type DriveItem } from './store';
import { readXlsx, type XlsxCell, type XlsxSheet } from './xlsx-read';

/** The MIME type of an .xlsx; the older binary .xls is not read by the emulator (see the catalogue entry). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fill(sheet: SheetData, cells: readonly XlsxCell[], timeZone: string): void {
  for (const c of cells) {
    const value: CellValue = c.value.kind === 'date' ? new Date(zonedToUtc(c.value.value, timeZone)) : c.value.value;
    sheet.maxRows = Math.max(sheet.maxRows, c.row);
    sheet.maxColumns = Math.max(sheet.maxColumns, c.column);
    writeRaw(sheet, c.row, c.column, value);
    const cell = cellFor(sheet, c.row, c.column);
    if (c.format !== undefined) cell.nf = c.format;
    if (c.formula !== undefined) cell.f = `=${c.formula}`;
  }
}

/** Makes the spreadsheet in `parentId` from the workbook's bytes; throws `NotAWorkbookError` for anything else. */
export function convertXlsx(ws: Workspace, data: Uint8Array, name: string, parentId: string): DriveItem {
  const sheets: XlsxSheet[] = readXlsx(data);
  const ss = createSpreadsheetData(ws, name, ws.state.owner);
  const { timeZone } = conventionsOf(ss);
  sheets.forEach((worksheet, i) => {
    const tab = i === 0 ? (ss.sheets[0] as SheetData) : addSheet(ws, ss, worksheet.name, undefined);
    tab.name = worksheet.name;
    fill(tab, worksheet.cells, timeZone);
  });
  return createItem(ws, { id: ss.id, name, mimeType: SHEETS_MIME, parentId });
}
