/**
 * Sheets API v4 over the emulated spreadsheets: the same cells `SpreadsheetApp` reads and writes.
 * Values render as Google renders them (FORMATTED_VALUE by default; UNFORMATTED_VALUE with dates as
 * serial numbers; trailing empty rows and cells left out; catalogue: REST-SHEETS-VALUES), and writes
 * honour `valueInputOption` (RAW stores strings as given, USER_ENTERED parses them as typed).
 */
import { wallClock } from '../../core/time/zone';
import type { Workspace } from '../runtime/workspace';
import { formulaScope, readGrid, writeRaw, writeTyped } from '../services/spreadsheet/cells';
import { addSheet } from '../services/spreadsheet/spreadsheet';
import {
  a1Of,
  cellAt,
  conventionsOf,
  isDate,
  lastColumnOf,
  lastRowOf,
  parseA1,
  sheetByName,
  spreadsheetsState,
  splitSheetPrefix,
  TIME_ZONE,
  type CellValue,
  type Conventions,
  type GridArea,
  type SheetData,
  type SpreadsheetData,
} from '../services/spreadsheet/model';
import { displayValue } from '../services/spreadsheet/number-format';
import { json, jsonBody, RestError, type RestRequest, type RestResponse } from './http';

type Json = Record<string, unknown>;

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date cell as Sheets' serial number: days since 1899-12-30 on the spreadsheet's wall clock. */
export function serialOf(date: Date, timeZone = TIME_ZONE): number {
  const w = wallClock(date.getTime(), timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return (wallMs - SERIAL_EPOCH_MS) / DAY_MS;
}

function spreadsheet(ws: Workspace, id: string): SpreadsheetData {
  const ss = spreadsheetsState(ws).byId[id];
  if (!ss) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  return ss;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface Target {
  sheet: SheetData;
  area: GridArea;
}

/** A range in A1 notation with its sheet ('Sheet'!A1:B2, a bare sheet name, or A1 on the first sheet). */
function resolveRange(ss: SpreadsheetData, notation: string): Target {
  const { sheetName, a1 } = splitSheetPrefix(notation);
  const bad = (): never => {
    throw new RestError(400, `Unable to parse range: ${notation}`, 'badRequest');
  };
  if (sheetName === null) {
    const whole = sheetByName(
      ss,
      notation
        .trim()
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'"),
    );
    if (whole)
      return { sheet: whole, area: { row: 1, column: 1, numRows: whole.maxRows, numColumns: whole.maxColumns } };
    const first = ss.sheets[0];
    if (!first) return bad();
    const area = parseA1(a1, first.maxRows, first.maxColumns);
    return area ? { sheet: first, area } : bad();
  }
  const sheet = sheetByName(ss, sheetName);
  if (!sheet) return bad();
  if (a1 === '') return { sheet, area: { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns } };
  const area = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  return area ? { sheet, area } : bad();
}

interface RenderOptions {
  valueRender: string;
  dateRender: string;
  majorDimension: string;
}

function renderOptions(source: { get(name: string): string | null }): RenderOptions {
  return {
    valueRender: source.get('valueRenderOption') ?? 'FORMATTED_VALUE',
    dateRender: source.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER',
    majorDimension: source.get('majorDimension') ?? 'ROWS',
  };
}

function renderCell(
  sheet: SheetData,
  row: number,
  column: number,
  value: CellValue,
  options: RenderOptions,
  conventions: Conventions,
): unknown {
  const cell = cellAt(sheet, row, column);
  if (options.valueRender === 'FORMULA' && cell?.f) return cell.f;
  if (options.valueRender === 'FORMATTED_VALUE')
    return displayValue(value === '' ? null : value, cell?.nf, conventions);
  if (isDate(value))
    return options.dateRender === 'FORMATTED_STRING' ? displayValue(value, cell?.nf, conventions) : serialOf(value);
  return value;
}

/** The values of a range, clipped to the sheet's content, trailing empties dropped, as Google answers. */
function valueRange(ss: SpreadsheetData, notation: string, options: RenderOptions, nowMs: number): Json {
  const { sheet, area } = resolveRange(ss, notation);
  const lastRow = Math.min(area.row + area.numRows - 1, lastRowOf(sheet));
  const lastColumn = Math.min(area.column + area.numColumns - 1, lastColumnOf(sheet));
  const rangeText = `${quoteSheet(sheet.name)}!${a1Of({
    ...area,
    numRows: Math.min(area.numRows, sheet.maxRows - area.row + 1),
    numColumns: Math.min(area.numColumns, sheet.maxColumns - area.column + 1),
  })}`;
  const out: Json = { range: rangeText, majorDimension: options.majorDimension };
  if (lastRow < area.row || lastColumn < area.column) return out;
  const scope = formulaScope(ss, nowMs);
  const grid = readGrid(scope, sheet, {
    row: area.row,
    column: area.column,
    numRows: lastRow - area.row + 1,
    numColumns: lastColumn - area.column + 1,
  });
  let rows: unknown[][] = grid.map((line, r) => {
    const rendered = line.map((v, c) =>
      renderCell(sheet, area.row + r, area.column + c, v, options, scope.conventions),
    );
    let end = rendered.length;
    while (end > 0 && (rendered[end - 1] === '' || rendered[end - 1] === null)) end -= 1;
    return rendered.slice(0, end);
  });
  let end = rows.length;
  while (end > 0 && (rows[end - 1] as unknown[]).length === 0) end -= 1;
  rows = rows.slice(0, end);
  if (options.majorDimension === 'COLUMNS') {
    const width = Math.max(0, ...rows.map((r) => r.length));
    rows = Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? ''));
  }
  if (rows.length > 0) out.values = rows;
  return out;
}

function cellsOf(values: unknown): unknown[][] {
  if (!Array.isArray(values) || !values.every(Array.isArray))
    throw new RestError(400, 'Invalid values: expected a list of rows.', 'badRequest');
  return values as unknown[][];
}

/** Writes rows at a range's top-left corner; Google refuses data past the grid or the range's size. */
function writeValues(ss: SpreadsheetData, notation: string, values: unknown[][], inputOption: string): Json {
  if (inputOption !== 'RAW' && inputOption !== 'USER_ENTERED')
    throw new RestError(400, "Invalid valueInputOption: must be 'RAW' or 'USER_ENTERED'.", 'badRequest');
  const { sheet, area } = resolveRange(ss, notation);
  const numRows = values.length;
  const numColumns = Math.max(0, ...values.map((r) => r.length));
  const explicitEnd = /:/.test(splitSheetPrefix(notation).a1);
  if (explicitEnd && (numRows > area.numRows || numColumns > area.numColumns))
    throw new RestError(
      400,
      `Requested writing within range [${notation}], but tried writing to row [${area.row + numRows - 1}]`,
      'badRequest',
    );
  if (area.row + numRows - 1 > sheet.maxRows || area.column + numColumns - 1 > sheet.maxColumns)
    throw new RestError(
      400,
      `Range (${quoteSheet(sheet.name)}!${a1Of({ row: area.row, column: area.column, numRows: Math.max(1, numRows), numColumns: Math.max(1, numColumns) })}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
      'badRequest',
    );
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null) return;
      if (inputOption === 'RAW') writeRaw(sheet, area.row + r, area.column + c, value);
      else writeTyped(sheet, area.row + r, area.column + c, value, conventionsOf(ss));
    }),
  );
  return {
    spreadsheetId: ss.id,
    updatedRange: `${quoteSheet(sheet.name)}!${a1Of({ row: area.row, column: area.column, numRows: Math.max(1, numRows), numColumns: Math.max(1, numColumns) })}`,
    updatedRows: numRows,
    updatedColumns: numColumns,
    updatedCells: values.reduce((sum, r) => sum + r.length, 0),
  };
}

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
    })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
  };
}

/** The structural requests the worker needs; anything else is refused by name, as Google does. */
function applyRequest(ws: Workspace, ss: SpreadsheetData, request: Json, index: number): Json {
  const kind = Object.keys(request)[0] ?? '';
  const body = (request[kind] ?? {}) as Json;
  if (kind === 'addSheet') {
    const props = (body.properties ?? {}) as Json;
    const title = typeof props.title === 'string' ? props.title : undefined;
    if (title !== undefined && sheetByName(ss, title))
      throw new RestError(
        400,
        `Invalid requests[${index}].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
      );
    const sheet = addSheet(ws, ss, title, typeof props.index === 'number' ? props.index : undefined);
    return {
      addSheet: {
        properties: { sheetId: sheet.id, title: sheet.name, index: ss.sheets.indexOf(sheet), sheetType: 'GRID' },
      },
    };
  }
  if (kind === 'appendDimension') {
    const sheet = ss.sheets.find((s) => s.id === Number(body.sheetId));
    if (!sheet)
      throw new RestError(400, `Invalid requests[${index}].appendDimension: No grid with id: ${String(body.sheetId)}`);
    const length = Number(body.length ?? 0);
    if (!(length > 0)) throw new RestError(400, `Invalid requests[${index}].appendDimension: length must be positive.`);
    if (body.dimension === 'COLUMNS') sheet.maxColumns += length;
    else sheet.maxRows += length;
    return {};
  }
  throw new RestError(
    400,
    `Invalid requests[${index}]: ${kind || 'an empty request'} is not supported by this server.`,
  );
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
    const replies = (requests as Json[]).map((r, i) => applyRequest(ws, ss, r, i));
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

function cellCount(ranges: Json[]): number {
  return ranges.reduce(
    (sum, r) => sum + ((r.values as unknown[][] | undefined) ?? []).reduce((s, row) => s + row.length, 0),
    0,
  );
}
