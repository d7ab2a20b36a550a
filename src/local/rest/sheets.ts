/**
 * Sheets API v4 over the emulated spreadsheets, the same cells `SpreadsheetApp` reads and writes: this
 * file routes each endpoint and answers `spreadsheets.get`; the values endpoints' rendering and writing
 * are in `sheets-values.ts`, the batchUpdate requests in `sheets-requests.ts` (cells in
 * `sheets-cells.ts`, charts in `sheets-charts.ts`), how a range is found in `sheets-ranges.ts`.
 */
import type { Workspace } from '../runtime/workspace';
import { a1Of, conventionsOf, lastRowOf, type SpreadsheetData } from '../services/spreadsheet/model';
import { json, jsonBody, RestError, type RestRequest, type RestResponse } from './http';
import { chartResource } from './sheets-charts';
import { quoteSheet, resolveRange, spreadsheet, type Json } from './sheets-ranges';
import { applyRequest } from './sheets-requests';
import { cellCount, cellsOf, clearValues, renderOptions, valueRange, writeValues } from './sheets-values';

function spreadsheetResource(ss: SpreadsheetData): Json {
  return {
    spreadsheetId: ss.id,
    properties: { title: ss.name, ...conventionsOf(ss), autoRecalc: 'ON_CHANGE' },
    sheets: ss.sheets.map((s, index) => ({
      properties: {
        sheetId: s.id,
        title: s.name,
        index,
        sheetType: 'GRID',
        gridProperties: {
          rowCount: s.maxRows,
          columnCount: s.maxColumns,
          ...(s.frozenRows ? { frozenRowCount: s.frozenRows } : {}),
        },
        ...(s.hidden ? { hidden: true } : {}),
      },
      ...(s.charts.length > 0 ? { charts: s.charts.map((c) => chartResource(ss, s, c)) } : {}),
    })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
  };
}

const BASE = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/;

export function handleSheets(ws: Workspace, req: RestRequest): RestResponse | null {
  const m = BASE.exec(req.path);
  if (!m) return null;
  const id = decodeURIComponent(m[1] as string);
  const rest = m[2] as string;
  const ss = spreadsheet(ws, id);
  if (rest === '' && req.method === 'GET') {
    ws.call('Spreadsheet', 'spreadsheets.get');
    return json(200, spreadsheetResource(ss));
  }
  if (rest === ':batchUpdate' && req.method === 'POST') {
    const requests = jsonBody(req).requests;
    if (!Array.isArray(requests)) throw new RestError(400, 'Invalid JSON payload: requests must be a list.');
    ws.call('Spreadsheet', 'spreadsheets.batchUpdate');
    // All or nothing, as Google applies a batch (catalogue: REST-SHEETS-BATCHUPDATE).
    const before = structuredClone(ss);
    let replies: Json[];
    try {
      replies = (requests as Json[]).map((r, i) => applyRequest(ws, ss, r, i));
    } catch (error) {
      Object.assign(ss, before);
      throw error;
    }
    return json(200, { spreadsheetId: ss.id, replies });
  }
  if (rest === '/values:batchGet' && req.method === 'GET') {
    const options = renderOptions(req.query);
    const ranges = req.query.getAll('ranges');
    const valueRanges = ranges.map((r) => valueRange(ss, r, options, ws.now()));
    ws.call('Spreadsheet', 'values.batchGet', cellCount(valueRanges));
    return json(200, { spreadsheetId: ss.id, valueRanges });
  }
  if (rest === '/values:batchUpdate' && req.method === 'POST') {
    const body = jsonBody(req);
    const data = Array.isArray(body.data) ? (body.data as Json[]) : [];
    const input = String(body.valueInputOption ?? '');
    const responses = data.map((d) => writeValues(ss, String(d.range ?? ''), cellsOf(d.values), input));
    ws.call(
      'Spreadsheet',
      'values.batchUpdate',
      responses.reduce((s, r) => s + Number(r.updatedCells), 0),
    );
    return json(200, {
      spreadsheetId: ss.id,
      totalUpdatedRows: responses.reduce((s, r) => s + Number(r.updatedRows), 0),
      totalUpdatedColumns: Math.max(0, ...responses.map((r) => Number(r.updatedColumns))),
      totalUpdatedCells: responses.reduce((s, r) => s + Number(r.updatedCells), 0),
      totalUpdatedSheets: new Set(responses.map((r) => String(r.updatedRange).split('!')[0])).size,
      responses,
    });
  }
  if (rest === '/values:batchClear' && req.method === 'POST') {
    const ranges = jsonBody(req).ranges;
    if (!Array.isArray(ranges)) throw new RestError(400, 'Invalid JSON payload: ranges must be a list.');
    const clearedRanges = (ranges as unknown[]).map((r) => clearValues(ss, String(r)));
    ws.call('Spreadsheet', 'values.batchClear');
    return json(200, { spreadsheetId: ss.id, clearedRanges });
  }
  const values = /^\/values\/([^:]+)(:append)?$/.exec(rest);
  if (values) {
    const range = decodeURIComponent(values[1] as string);
    if (values[2] === ':append' && req.method === 'POST') {
      const rows = cellsOf(jsonBody(req).values);
      const { sheet, area } = resolveRange(ss, range);
      const row = Math.max(lastRowOf(sheet) + 1, area.row);
      if (row + rows.length - 1 > sheet.maxRows) sheet.maxRows = row + rows.length - 1;
      const start = `${quoteSheet(sheet.name)}!${a1Of({ row, column: area.column, numRows: 1, numColumns: 1 })}`;
      const updates = writeValues(ss, start, rows, req.query.get('valueInputOption') ?? '');
      ws.call('Spreadsheet', 'values.append', Number(updates.updatedCells));
      return json(200, { spreadsheetId: ss.id, tableRange: `${quoteSheet(sheet.name)}!A1`, updates });
    }
    if (req.method === 'GET') {
      const out = valueRange(ss, range, renderOptions(req.query), ws.now());
      ws.call('Spreadsheet', 'values.get', cellCount([out]));
      return json(200, out);
    }
    if (req.method === 'PUT') {
      const body = jsonBody(req);
      const out = writeValues(ss, range, cellsOf(body.values), req.query.get('valueInputOption') ?? '');
      ws.call('Spreadsheet', 'values.update', Number(out.updatedCells));
      return json(200, out);
    }
  }
  throw new RestError(404, 'Requested entity was not found.', 'notFound');
}
