/**
 * The requests of `spreadsheets.batchUpdate` the emulator applies (the structural ones the worker
 * needs, cells and charts); anything else is refused by name, as Google does.
 */
import type { Workspace } from '../runtime/workspace';
import { addSheet } from '../services/spreadsheet/spreadsheet';
import { sheetByName, type SpreadsheetData } from '../services/spreadsheet/model';
import { RestError } from './http';
import { writeCells } from './sheets-cells';
import { addChart, chartById, chartFromSpec } from './sheets-charts';
import type { Json } from './sheets-ranges';

export function applyRequest(ws: Workspace, ss: SpreadsheetData, request: Json, index: number): Json {
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
