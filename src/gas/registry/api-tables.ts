/**
 * Many registry tabs read at once through the Sheets API (`values.batchGet`, requests sent together by
 * `UrlFetchApp.fetchAll`, catalogue URLFETCH-FETCHALL) and decoded by the codec exactly as `readTable`
 * decodes `getValues` (rules in `src/core/registry/api-reads.ts`). Worth it where whole big tabs must be
 * read: `getValues` moves one tab's cells after another, the requests move them side by side.
 */
import {
  a1Of,
  batchGetRendering,
  datesByTab,
  decodeReads,
  planReads,
  quotedTab,
  type DecodedTables,
  type TabExtent,
} from '../../core/registry/api-reads';
import type { RegistryTab } from '../../core/registry/codec';
import { GRID_READING_FIELDS } from '../../core/registry/grid-reads';
import { answerError, callGoogleApi, callGoogleApisTogether } from '../platform/rest';
import { academySpreadsheet, formatInSpreadsheetZone, spreadsheetTimeZone } from './workbook';
import { requireSheet } from './table';

const SHEETS_API = 'https://sheets.googleapis.com/v4/spreadsheets';
/** As many requests as `fetchAll` is taken to run side by side (src/local/runtime/latency.ts). */
const SLOTS = 10;

/** A `values.batchGet` of the ranges: serial numbers, or (`formattedDates`) dates as text in their format. */
function batchGetUrl(ranges: readonly string[], formattedDates: boolean): string {
  const query = [
    ...ranges.map((r) => `ranges=${encodeURIComponent(r)}`),
    ...Object.entries(batchGetRendering(formattedDates)).map(([name, value]) => `${name}=${value}`),
  ].join('&');
  return `${SHEETS_API}/${encodeURIComponent(academySpreadsheet().getId())}/values:batchGet?${query}`;
}

/**
 * One `spreadsheets.get` of the ranges' grid data with only the fields a reading needs
 * (REST-SHEETS-GRID-DATA: a fields mask, which also asks for the grid data).
 */
export function gridDataUrl(ranges: readonly string[]): string {
  const query = [
    ...ranges.map((r) => `ranges=${encodeURIComponent(r)}`),
    `fields=${encodeURIComponent(GRID_READING_FIELDS)}`,
  ];
  return `${SHEETS_API}/${encodeURIComponent(academySpreadsheet().getId())}?${query.join('&')}`;
}

type Rows = unknown[][];

/** The rows each range of a `values.batchGet` answer holds, in request order (none for an empty range). */
function valuesOf(body: unknown): Rows[] {
  const ranges = (body as { valueRanges?: Array<{ values?: Rows }> } | null)?.valueRanges ?? [];
  return ranges.map((r) => r.values ?? []);
}

/**
 * The tabs decoded as `readTable` decodes them. A missing tab is refused as `readTable` refuses it.
 * Three steps: each tab's size (two calls a tab), the headers (one request, to find the date columns),
 * then every row below them (about ten requests together).
 */
export function readTablesTogether<N extends RegistryTab>(tabs: readonly N[]): DecodedTables<N> {
  const extents: TabExtent[] = tabs.map((tab) => {
    const sheet = requireSheet(tab);
    return { tab, lastRow: sheet.getLastRow(), lastColumn: sheet.getLastColumn() };
  });
  const headed = extents.filter((e) => e.lastRow >= 1 && e.lastColumn >= 1);
  const headers = new Map<RegistryTab, unknown[]>();
  if (headed.length > 0) {
    const answer = callGoogleApi(
      'Sheets',
      'get',
      batchGetUrl(
        headed.map((e) => `${quotedTab(e.tab)}!1:1`),
        false,
      ),
    );
    valuesOf(answer).forEach((rows, i) => headers.set((headed[i] as TabExtent).tab, rows[0] ?? []));
  }
  const requests = planReads(extents, datesByTab(headers), SLOTS);
  const answers = callGoogleApisTogether(
    requests.map((r) => ({
      method: 'get' as const,
      url: batchGetUrl(r.ranges.map(a1Of), r.dates),
      resend: true,
    })),
  );
  const failed = answers.find((a) => a.status >= 300);
  if (failed) throw new Error(answerError('Sheets', failed));
  return decodeReads(
    tabs,
    { extents, headers, requests, answers: answers.map((a) => valuesOf(a.body)) },
    spreadsheetTimeZone(),
    formatInSpreadsheetZone,
  );
}
