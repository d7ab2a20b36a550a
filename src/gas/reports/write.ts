/**
 * Writing the report tabs, all of them together: every grid (header included) in one Sheets API
 * `values.batchUpdate`, the rows a longer previous report left below cleared in one `values.batchClear`,
 * and every number format and corner note in one `spreadsheets.batchUpdate`, the three sent side by side
 * (they touch different cells and each is safe to send twice). Each tab's chart is kept as a single
 * chart updated in place through SpreadsheetApp.
 */
import type { ChartSpec, ReportTab } from '../../core/reports/layout';
import { clearRanges, formatRequests, valuesBody, type PlacedReport } from '../../core/reports/sheet-writes';
import { answerError, callGoogleApisTogether, type ApiCall } from '../platform/rest';
import { requireSheet } from '../registry/table';
import { academySpreadsheet } from '../registry/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

const SHEETS_API = 'https://sheets.googleapis.com/v4/spreadsheets';

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

interface Placed extends PlacedReport {
  sheet: Sheet;
}

/** The API refuses a write past the grid: a tab too small for its report grows first. */
function fit(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Rewrites the report tabs: a constant number of calls and requests, whatever the number of rows.
 * Pending SpreadsheetApp changes (rows added) are flushed first, so the API sees the grown tabs.
 */
export function writeReportTabs(tabs: readonly ReportTab[], leftOut: string): void {
  const placed: Placed[] = tabs.map((tab) => {
    const sheet = requireSheet(tab.tab);
    fit(sheet, tab.rows.length + 1, Math.max(1, tab.header.length));
    return { tab, sheet, sheetId: sheet.getSheetId(), previousLastRow: sheet.getLastRow() };
  });
  SpreadsheetApp.flush();
  const base = `${SHEETS_API}/${encodeURIComponent(academySpreadsheet().getId())}`;
  const below = clearRanges(placed);
  const calls: ApiCall[] = [
    { method: 'post', url: `${base}/values:batchUpdate`, body: valuesBody(placed), resend: true },
    { method: 'post', url: `${base}:batchUpdate`, body: { requests: formatRequests(placed, leftOut) }, resend: true },
  ];
  if (below.length > 0)
    calls.push({ method: 'post', url: `${base}/values:batchClear`, body: { ranges: below }, resend: true });
  const answers = callGoogleApisTogether(calls);
  const failed = answers.find((a) => a.status >= 300);
  if (failed) throw new Error(answerError('Sheets', failed));
  for (const p of placed) if (p.tab.chart) placeChart(p.sheet, p.tab.chart, p.tab.header.length);
}
