/**
 * Writing a report tab: the whole grid (header included) in one `setValues`, the rows a longer previous
 * report left below cleared in one `clearContent`, one number format per column block, and the tab's
 * chart kept as a single chart updated in place.
 */
import type { ChartSpec, FormatBlock, ReportCell, ReportTab } from '../../core/reports/layout';
import { neutralizeCell } from '../../core/text';
import { requireSheet, writeBlock } from '../registry/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** User text (names, titles) stays text: a value starting with `=` must not become a formula. */
function gridOf(tab: ReportTab): ReportCell[][] {
  return [[...tab.header], ...tab.rows.map((row) => row.map((v) => neutralizeCell(v)))];
}

function writeGrid(sheet: Sheet, grid: ReportCell[][], previousLastRow: number): void {
  writeBlock(sheet, 1, 1, grid);
  const width = grid[0]?.length ?? 0;
  if (previousLastRow > grid.length && width > 0) {
    sheet.getRange(grid.length + 1, 1, previousLastRow - grid.length, width).clearContent();
  }
}

function applyFormats(sheet: Sheet, formats: readonly FormatBlock[], rows: number): void {
  if (rows === 0) return;
  for (const f of formats) sheet.getRange(2, f.column, rows, f.columns).setNumberFormat(f.format);
}

function chartType(kind: ChartSpec['kind']): GoogleAppsScript.Charts.ChartType {
  return kind === 'BAR' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN;
}

function configure(builder: ChartBuilder, sheet: Sheet, spec: ChartSpec): ChartBuilder {
  let b = builder.setChartType(chartType(spec.kind));
  for (const column of spec.columns) b = b.addRange(sheet.getRange(1, column, spec.rows + 1, 1));
  b = b.setNumHeaders(1).setOption('title', spec.title);
  for (const [key, value] of Object.entries(spec.options)) b = b.setOption(key, value);
  return b;
}

/**
 * The report tabs belong to the add-on, so any chart on one is the report's: the first is updated in
 * place (staff may have moved or resized it), any other is a duplicate and goes.
 */
function placeChart(sheet: Sheet, spec: ChartSpec, width: number): void {
  const [ours, ...duplicates] = sheet.getCharts();
  for (const chart of duplicates) sheet.removeChart(chart);
  if (ours) {
    sheet.updateChart(configure(ours.modify().clearRanges(), sheet, spec).build());
  } else {
    sheet.insertChart(configure(sheet.newChart().setPosition(1, width + 2, 0, 0), sheet, spec).build());
  }
}

/**
 * Rewrites one report tab: a constant number of Spreadsheet calls, whatever the number of rows. The
 * header's first cell carries `leftOut` as its note (which registry rows the figures leave out), or
 * no note when nothing was left out.
 */
export function writeReportTab(tab: ReportTab, leftOut: string): void {
  const sheet = requireSheet(tab.tab);
  const previousLastRow = sheet.getLastRow();
  writeGrid(sheet, gridOf(tab), previousLastRow);
  const corner = sheet.getRange(1, 1);
  if (leftOut === '') corner.clearNote();
  else corner.setNote(`Academy4PA: ${leftOut}`);
  applyFormats(sheet, tab.formats, tab.rows.length);
  if (tab.chart) placeChart(sheet, tab.chart, tab.header.length);
}
