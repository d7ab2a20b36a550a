/**
 * Sheets API v4 over the emulated spreadsheets: the same cells `SpreadsheetApp` reads and writes.
 * Values render as Google renders them (FORMATTED_VALUE by default; UNFORMATTED_VALUE with dates as
 * serial numbers; trailing empty rows and cells left out; catalogue: REST-SHEETS-VALUES), and writes
 * honour `valueInputOption` (RAW stores strings as given, USER_ENTERED parses them as typed).
 */
import { wallClock } from '../../core/time/zone';
import type { Workspace } from '../runtime/workspace';
import { clearArea, formulaScope, readGrid, setNote, writeRaw, writeTyped } from '../services/spreadsheet/cells';
import { addSheet } from '../services/spreadsheet/spreadsheet';
import {
  a1Of,
  cellAt,
  cellFor,
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
  type ChartData,
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
      ...(s.charts.length > 0 ? { charts: s.charts.map((c) => chartResource(ss, s, c)) } : {}),
    })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
  };
}

/** A GridRange (0-based, end exclusive, an absent bound = the sheet's edge) as the 1-based area it covers. */
function gridArea(ss: SpreadsheetData, range: Json, at: string): Target {
  const sheet = ss.sheets.find((s) => s.id === Number(range.sheetId ?? 0));
  if (!sheet) throw new RestError(400, `Invalid ${at}: No grid with id: ${String(range.sheetId ?? 0)}`);
  const bound = (v: unknown, edge: number): number => (v === undefined || v === null ? edge : Number(v));
  const startRow = bound(range.startRowIndex, 0);
  const endRow = bound(range.endRowIndex, sheet.maxRows);
  const startColumn = bound(range.startColumnIndex, 0);
  const endColumn = bound(range.endColumnIndex, sheet.maxColumns);
  if (endRow > sheet.maxRows || endColumn > sheet.maxColumns)
    throw new RestError(
      400,
      `Invalid ${at}: Range (${quoteSheet(sheet.name)}!${a1Of({ row: startRow + 1, column: startColumn + 1, numRows: Math.max(1, endRow - startRow), numColumns: Math.max(1, endColumn - startColumn) })}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
    );
  if (startRow < 0 || startColumn < 0 || endRow < startRow || endColumn < startColumn)
    throw new RestError(400, `Invalid ${at}: the range's start must not be after its end.`);
  return {
    sheet,
    area: {
      row: startRow + 1,
      column: startColumn + 1,
      numRows: endRow - startRow,
      numColumns: endColumn - startColumn,
    },
  };
}

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
function writeCells(ss: SpreadsheetData, kind: string, body: Json, index: number): Json {
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

const CHART_TYPES = new Set(['BAR', 'COLUMN', 'LINE', 'AREA', 'SCATTER', 'COMBO', 'STEPPED_AREA']);
const AXIS_OPTION: Record<string, string> = { BOTTOM_AXIS: 'hAxis', LEFT_AXIS: 'vAxis' };

function sourceRanges(
  ss: SpreadsheetData,
  data: Json | undefined,
  at: string,
): Array<{ sheetName: string; a1: string }> {
  const sources = (((data?.sourceRange as Json | undefined)?.sources ?? []) as Json[]) ?? [];
  return sources.map((source) => {
    const { sheet, area } = gridArea(ss, source, at);
    return { sheetName: sheet.name, a1: a1Of(area) };
  });
}

/**
 * A basic chart's ChartSpec as the emulator keeps charts (the model `EmbeddedChart` reads): its type,
 * the domain's and series' ranges in order, and the title, legend and axes as the option keys the Apps
 * Script builder sets (catalogue: REST-SHEETS-CHARTS).
 */
function chartFromSpec(
  ss: SpreadsheetData,
  spec: Json,
  kind: string,
  index: number,
): Omit<ChartData, 'id' | 'position'> {
  const at = `requests[${index}].${kind}`;
  const basic = spec.basicChart as Json | undefined;
  if (!basic || !CHART_TYPES.has(String(basic.chartType)))
    throw new RestError(400, `Invalid ${at}: only basic charts (basicChart with a chartType) are supported here.`);
  const ranges = [
    ...((basic.domains ?? []) as Json[]).flatMap((d) => sourceRanges(ss, d.domain as Json, at)),
    ...((basic.series ?? []) as Json[]).flatMap((s) => sourceRanges(ss, s.series as Json, at)),
  ];
  const options: Record<string, unknown> = {};
  if (typeof spec.title === 'string') options.title = spec.title;
  if (basic.legendPosition === 'NO_LEGEND') options['legend.position'] = 'none';
  for (const axis of (basic.axis ?? []) as Json[]) {
    const name = AXIS_OPTION[String(axis.position)];
    if (!name) continue;
    if (typeof axis.title === 'string') options[`${name}.title`] = axis.title;
    const view = (axis.viewWindowOptions ?? {}) as Json;
    if (typeof view.viewWindowMin === 'number') options[`${name}.minValue`] = view.viewWindowMin;
    if (typeof view.viewWindowMax === 'number') options[`${name}.maxValue`] = view.viewWindowMax;
    const format = (axis.format ?? null) as Json | null;
    if (format && typeof format.pattern === 'string') options[`${name}.format`] = format.pattern;
  }
  if (typeof basic.headerCount === 'number') options.numHeaders = basic.headerCount;
  return { type: String(basic.chartType), ranges, options };
}

function addChart(ss: SpreadsheetData, body: Json, index: number): Json {
  const at = `requests[${index}].addChart`;
  const chart = (body.chart ?? {}) as Json;
  const overlay = ((chart.position as Json | undefined)?.overlayPosition ?? null) as Json | null;
  const anchor = (overlay?.anchorCell ?? null) as Json | null;
  if (!anchor) throw new RestError(400, `Invalid ${at}: the chart needs position.overlayPosition.anchorCell.`);
  const { sheet, area } = gridArea(
    ss,
    {
      sheetId: anchor.sheetId,
      startRowIndex: Number(anchor.rowIndex ?? 0),
      endRowIndex: Number(anchor.rowIndex ?? 0) + 1,
      startColumnIndex: Number(anchor.columnIndex ?? 0),
      endColumnIndex: Number(anchor.columnIndex ?? 0) + 1,
    },
    at,
  );
  ss.nextChartId += 1;
  const data: ChartData = {
    id: ss.nextChartId,
    ...chartFromSpec(ss, (chart.spec ?? {}) as Json, 'addChart', index),
    position: {
      row: area.row,
      column: area.column,
      offsetX: Number(overlay?.offsetXPixels ?? 0),
      offsetY: Number(overlay?.offsetYPixels ?? 0),
    },
  };
  sheet.charts.push(data);
  return { addChart: { chart: chartResource(ss, sheet, data) } };
}

function chartById(
  ss: SpreadsheetData,
  id: unknown,
  kind: string,
  index: number,
): { sheet: SheetData; chart: ChartData } {
  for (const sheet of ss.sheets) {
    const chart = sheet.charts.find((c) => c.id === Number(id));
    if (chart) return { sheet, chart };
  }
  throw new RestError(400, `Invalid requests[${index}].${kind}: No chart with id: ${String(id)}`);
}

/** An emulated chart as the EmbeddedChart resource `spreadsheets.get` lists. */
function chartResource(ss: SpreadsheetData, sheet: SheetData, chart: ChartData): Json {
  const grid = (r: { sheetName: string; a1: string }): Json => {
    const source = sheetByName(ss, r.sheetName) ?? sheet;
    const area = parseA1(r.a1, source.maxRows, source.maxColumns) ?? { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return {
      sheetId: source.id,
      startRowIndex: area.row - 1,
      endRowIndex: area.row - 1 + area.numRows,
      startColumnIndex: area.column - 1,
      endColumnIndex: area.column - 1 + area.numColumns,
    };
  };
  const [domain, ...series] = chart.ranges;
  const option = (key: string): unknown => chart.options[key];
  const axis = Object.entries(AXIS_OPTION).flatMap(([position, name]) => {
    const entry: Json = { position };
    if (option(`${name}.title`) !== undefined) entry.title = option(`${name}.title`);
    const view: Json = {};
    if (option(`${name}.minValue`) !== undefined) view.viewWindowMin = option(`${name}.minValue`);
    if (option(`${name}.maxValue`) !== undefined) view.viewWindowMax = option(`${name}.maxValue`);
    if (Object.keys(view).length > 0) entry.viewWindowOptions = view;
    if (option(`${name}.format`) !== undefined) entry.format = { pattern: option(`${name}.format`) };
    return Object.keys(entry).length > 1 ? [entry] : [];
  });
  return {
    chartId: chart.id,
    spec: {
      ...(typeof option('title') === 'string' ? { title: option('title') } : {}),
      basicChart: {
        chartType: chart.type,
        ...(option('legend.position') === 'none' ? { legendPosition: 'NO_LEGEND' } : {}),
        ...(axis.length > 0 ? { axis } : {}),
        ...(typeof option('numHeaders') === 'number' ? { headerCount: option('numHeaders') } : {}),
        domains: domain ? [{ domain: { sourceRange: { sources: [grid(domain)] } } }] : [],
        series: series.map((r) => ({ series: { sourceRange: { sources: [grid(r)] } } })),
      },
    },
    position: {
      overlayPosition: {
        anchorCell: { sheetId: sheet.id, rowIndex: chart.position.row - 1, columnIndex: chart.position.column - 1 },
        offsetXPixels: chart.position.offsetX,
        offsetYPixels: chart.position.offsetY,
      },
    },
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
  if (kind === 'repeatCell' || kind === 'updateCells') return writeCells(ss, kind, body, index);
  if (kind === 'addChart') return addChart(ss, body, index);
  if (kind === 'updateChartSpec') {
    const { chart } = chartById(ss, body.chartId, kind, index);
    Object.assign(chart, chartFromSpec(ss, (body.spec ?? {}) as Json, kind, index));
    return {};
  }
  if (kind === 'deleteEmbeddedObject') {
    const { sheet, chart } = chartById(ss, body.objectId, kind, index);
    sheet.charts = sheet.charts.filter((c) => c !== chart);
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

function cellCount(ranges: Json[]): number {
  return ranges.reduce(
    (sum, r) => sum + ((r.values as unknown[][] | undefined) ?? []).reduce((s, row) => s + row.length, 0),
    0,
  );
}

/**
 * Clears a range's values (formats, notes and validation stay) and names the range cleared, bounded to
 * the sheet (catalogue: REST-SHEETS-BATCHCLEAR).
 */
function clearValues(ss: SpreadsheetData, notation: string): string {
  const { sheet, area } = resolveRange(ss, notation);
  const bounded = {
    ...area,
    numRows: Math.min(area.numRows, sheet.maxRows - area.row + 1),
    numColumns: Math.min(area.numColumns, sheet.maxColumns - area.column + 1),
  };
  clearArea(sheet, bounded, { contentsOnly: true });
  return `${quoteSheet(sheet.name)}!${a1Of(bounded)}`;
}
