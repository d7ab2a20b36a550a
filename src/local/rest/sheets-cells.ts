/**
 * `repeatCell` and `updateCells` of `spreadsheets.batchUpdate`: the number formats and notes a
 * CellData sets, only where the request's `fields` mask names them (catalogue: REST-SHEETS-CELLS).
 */
import { setNote } from '../services/spreadsheet/cells';
import { cellAt, cellFor, type SheetData, type SpreadsheetData } from '../services/spreadsheet/model';
import { RestError } from './http';
import { gridArea, type Json } from './sheets-ranges';

/** Which of a CellData's parts the `fields` mask names (`*` names them all). */
function masked(fields: string): { numberFormat: boolean; note: boolean } {
  const parts = fields.split(',').map((f) => f.trim());
  const has = (...names: string[]): boolean => parts.some((p) => p === '*' || names.includes(p));
  return {
    numberFormat: has('userEnteredFormat', 'userEnteredFormat.numberFormat'),
    note: has('note'),
  };
}

function applyCellData(
  sheet: SheetData,
  row: number,
  column: number,
  data: Json,
  mask: ReturnType<typeof masked>,
): void {
  if (mask.numberFormat) {
    const format = ((data.userEnteredFormat as Json | undefined)?.numberFormat ?? null) as Json | null;
    const pattern = typeof format?.pattern === 'string' ? format.pattern : '';
    if (pattern) cellFor(sheet, row, column).nf = pattern;
    else {
      const cell = cellAt(sheet, row, column);
      if (cell) delete cell.nf;
    }
  }
  if (mask.note) setNote(sheet, row, column, typeof data.note === 'string' ? data.note : '');
}

/**
 * `repeatCell` (one CellData over a range) and `updateCells` (rows of CellData from a start or over a
 * range): only the parts `fields` names change, and a request without `fields` is refused
 * (catalogue: REST-SHEETS-CELLS).
 */
export function writeCells(ss: SpreadsheetData, kind: string, body: Json, index: number): Json {
  const at = `requests[${index}].${kind}`;
  const fields = typeof body.fields === 'string' ? body.fields.trim() : '';
  if (fields === '') throw new RestError(400, `Invalid ${at}: At least one field must be specified.`);
  const mask = masked(fields);
  if (kind === 'repeatCell') {
    const { sheet, area } = gridArea(ss, (body.range ?? {}) as Json, at);
    const data = (body.cell ?? {}) as Json;
    for (let r = 0; r < area.numRows; r++)
      for (let c = 0; c < area.numColumns; c++) applyCellData(sheet, area.row + r, area.column + c, data, mask);
    return {};
  }
  const rows = Array.isArray(body.rows) ? (body.rows as Json[]) : [];
  const start = (body.start ?? null) as Json | null;
  const { sheet, area } = start
    ? gridArea(
        ss,
        {
          sheetId: start.sheetId,
          startRowIndex: Number(start.rowIndex ?? 0),
          endRowIndex: Number(start.rowIndex ?? 0) + Math.max(1, rows.length),
          startColumnIndex: Number(start.columnIndex ?? 0),
          endColumnIndex:
            Number(start.columnIndex ?? 0) +
            Math.max(1, ...rows.map((r) => (Array.isArray(r.values) ? r.values.length : 0))),
        },
        at,
      )
    : gridArea(ss, (body.range ?? {}) as Json, at);
  rows.forEach((rowData, r) => {
    const values = Array.isArray(rowData.values) ? (rowData.values as Json[]) : [];
    values.forEach((data, c) => {
      if (r < area.numRows && c < area.numColumns) applyCellData(sheet, area.row + r, area.column + c, data, mask);
    });
  });
  return {};
}
