/**
 * Charts through `spreadsheets.batchUpdate` (`addChart`, `updateChartSpec`, `deleteEmbeddedObject`)
 * and as `spreadsheets.get` lists them: a basic chart's ChartSpec to and from the model the emulated
 * `EmbeddedChart` reads (catalogue: REST-SHEETS-CHARTS).
 */
import {
  a1Of,
  parseA1,
  sheetByName,
  type ChartData,
  type SheetData,
  type SpreadsheetData,
} from '../services/spreadsheet/model';
import { RestError } from './http';
import { gridArea, type Json } from './sheets-ranges';

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
export function chartFromSpec(
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

export function addChart(ss: SpreadsheetData, body: Json, index: number): Json {
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

export function chartById(
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
export function chartResource(ss: SpreadsheetData, sheet: SheetData, chart: ChartData): Json {
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
