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
import { applyFieldMask, maskReaches, parseFieldMask } from './field-mask';
import { gridCellCount, gridDataBySheet } from './sheets-grid';
import { quoteSheet, resolveRange, spreadsheet, type Json } from './sheets-ranges';
import { applyRequest } from './sheets-requests';
import { cellCount, cellsOf, clearValues, renderOptions, valueRange, writeValues } from './sheets-values';

/**
 * The Spreadsheet resource: with ranges, only the sheets they touch (catalogue: REST-SHEETS-GRID-DATA),
 * and each sheet's grid data when asked for.
 */
function spreadsheetResource(
  ss: SpreadsheetData,
  touched: ReadonlySet<number> | null,
  grid: Map<number, Json[]> | null,
): Json {
  const listed = touched ? ss.sheets.filter((s) => touched.has(s.id)) : ss.sheets;
  return {
    spreadsheetId: ss.id,
    properties: { title: ss.name, ...conventionsOf(ss), autoRecalc: 'ON_CHANGE' },
    sheets: listed.map((s) => ({
      properties: {
        sheetId: s.id,
        title: s.name,
        index: ss.sheets.indexOf(s),
        sheetType: 'GRID',
        gridProperties: {
          rowCount: s.maxRows,
          columnCount: s.maxColumns,
          ...(s.frozenRows ? { frozenRowCount: s.frozenRows } : {}),
        },
        ...(s.hidden ? { hidden: true } : {}),
      },
      ...(grid ? { data: grid.get(s.id) ?? [] } : {}),
      ...(s.charts.length > 0 ? { charts: s.charts.map((c) => chartResource(ss, s, c)) } : {}),
    })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
  };
}

/**
 * `spreadsheets.get`: `includeGridData` is ignored when a `fields` mask is set, which then asks for grid
 * data by naming `sheets.data` (Google's reference for the method).
 */
function getSpreadsheet(ws: Workspace, ss: SpreadsheetData, req: RestRequest): Json {
  const ranges = req.query.getAll('ranges');
  const fields = req.query.get('fields');
  const mask = fields === null ? null : parseFieldMask(fields);
  const withGrid = mask ? maskReaches(mask, ['sheets', 'data']) : req.query.get('includeGridData') === 'true';
  const touched = ranges.length > 0 ? new Set(ranges.map((r) => resolveRange(ss, r).sheet.id)) : null;
  const grid = withGrid
    ? gridDataBySheet(ws, ss, ranges.length > 0 ? ranges : ss.sheets.map((s) => quoteSheet(s.name)))
    : null;
  const full = spreadsheetResource(ss, touched, grid);
  const body = (mask ? applyFieldMask(full, mask) : full) as Json;
  ws.call('Spreadsheet', 'spreadsheets.get', gridCellCount(body));
  return body;
}

const BASE = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/;

export function handleSheets(ws: Workspace, req: RestRequest): RestResponse | null {
  const m = BASE.exec(req.path);
  if (!m) return null;
  const id = decodeURIComponent(m[1] as string);
  const rest = m[2] as string;
  const ss = spreadsheet(ws, id);
  if (rest === '' && req.method === 'GET') return json(200, getSpreadsheet(ws, ss, req));
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
