/**
 * The worker's `reports` job: the report tabs `refreshReports` writes, written from Node through the
 * Sheets API with the add-on's own core: the registry read as `getValues` reads it
 * (`src/core/registry/api-reads.ts`), the source and left-out rows (`src/core/reports/source.ts`), the
 * figures and layout (`compute.ts`, `layout.ts`) and the very requests the add-on sends
 * (`src/core/reports/sheet-writes.ts`). What only the add-on holds (closed years' hours, questionnaire
 * scores) comes from `getWorkerContext` through the Apps Script API `scripts.run`. Every request is safe
 * to send twice, so a transient failure is retried, and a run cut short is repaired by the next one,
 * which rewrites every tab whole.
 */
import type { sheets_v4 } from 'googleapis';
import { quotedTab } from '../core/registry/api-reads';
import { decodeSettings } from '../core/registry/settings';
import { leftOutSentence } from '../core/registry/left-out';
import { TAB } from '../core/registry/tabs';
import { computeReports } from '../core/reports/compute';
import { reportTabs } from '../core/reports/layout';
import { buildReportSource, REPORT_SOURCE_TABS, reportTablesOf } from '../core/reports/source';
import {
  chartRequests,
  clearRanges,
  formatRequests,
  valuesBody,
  type PlacedReport,
} from '../core/reports/sheet-writes';
import { pastYearsFromJson } from '../core/reports/worker-context';
import { batchGet, formatInZone, readTables } from './registry';
import { workerContext } from './add-on';
import { sleep, type Connection } from './google';
import { withRetries } from './retry';

const TABS = [...REPORT_SOURCE_TABS, TAB.impostazioni] as const;

export interface ReportsJobOptions {
  spreadsheetId: string;
  /** The add-on's Apps Script project, for `getWorkerContext`. */
  scriptId: string;
  now?: Date;
  wait?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface ReportsJobResult {
  year: number;
  employees: number;
  comuni: number;
  courses: number;
  leftOut: number;
}

export async function runReportsJob(conn: Connection, options: ReportsJobOptions): Promise<ReportsJobResult> {
  const wait = options.wait ?? sleep;
  const { spreadsheetId } = options;
  const now = options.now ?? new Date();
  const meta = await withRetries(wait, () => conn.sheets.spreadsheets.get({ spreadsheetId }));
  const zone = meta.data.properties?.timeZone ?? 'Europe/Rome';
  const tables = await readTables(conn.sheets, spreadsheetId, TABS, wait, zone);
  const settings = decodeSettings(
    tables[TAB.impostazioni].rows.map((r) => ({ row: r.row, key: r.record.key, value: r.record.value })),
    Number(formatInZone(now, 'yyyy', zone)),
  ).settings;
  const context = await workerContext(conn, options.scriptId, { istats: [], period: '' }, wait);
  const source = buildReportSource(reportTablesOf(tables), {
    settings,
    feedback: context.feedback,
    pastYears: pastYearsFromJson(context.pastYears),
    now: formatInZone(now, 'yyyy-MM-dd HH:mm', zone),
  });
  const reports = computeReports(source.input);
  const tabs = reportTabs(reports);
  const leftOut = leftOutSentence(source.leftOut);
  const sheetsOf = new Map((meta.data.sheets ?? []).map((s) => [s.properties?.title ?? '', s]));
  const missing = tabs.find((t) => !sheetsOf.has(t.tab));
  if (missing) throw new Error(`Il foglio «${missing.tab}» non esiste: esegua «Configura» dal menu Academy4PA.`);
  const previous = await batchGet(
    conn.sheets,
    spreadsheetId,
    tabs.map((t) => quotedTab(t.tab)),
    false,
    wait,
  );
  const placed: PlacedReport[] = tabs.map((tab, i) => ({
    tab,
    sheetId: sheetsOf.get(tab.tab)?.properties?.sheetId ?? 0,
    previousLastRow: previous[i]?.length ?? 0,
  }));
  // The API refuses a write past the grid: a tab too small for its report grows first.
  const grow = placed.flatMap((p) => {
    const grid = sheetsOf.get(p.tab.tab)?.properties?.gridProperties;
    const out: sheets_v4.Schema$Request[] = [];
    const rows = p.tab.rows.length + 1 - (grid?.rowCount ?? 0);
    const columns = p.tab.header.length - (grid?.columnCount ?? 0);
    if (rows > 0) out.push({ appendDimension: { sheetId: p.sheetId, dimension: 'ROWS', length: rows } });
    if (columns > 0) out.push({ appendDimension: { sheetId: p.sheetId, dimension: 'COLUMNS', length: columns } });
    return out;
  });
  if (grow.length > 0)
    await withRetries(wait, () =>
      conn.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: grow } }),
    );
  await withRetries(wait, () =>
    conn.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: valuesBody(placed) as sheets_v4.Schema$BatchUpdateValuesRequest,
    }),
  );
  const below = clearRanges(placed);
  if (below.length > 0)
    await withRetries(wait, () =>
      conn.sheets.spreadsheets.values.batchClear({ spreadsheetId, requestBody: { ranges: below } }),
    );
  const charts = placed.flatMap((p) =>
    chartRequests(
      p.tab,
      p.sheetId,
      (sheetsOf.get(p.tab.tab)?.charts ?? []).map((c) => Number(c.chartId)),
    ),
  );
  await withRetries(wait, () =>
    conn.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [...formatRequests(placed, leftOut), ...charts] as sheets_v4.Schema$Request[] },
    }),
  );
  options.log?.(`Report ${reports.year} scritti: ${tabs.map((t) => `${t.tab} ${t.rows.length} righe`).join(', ')}.`);
  return {
    year: reports.year,
    employees: reports.employees.length,
    comuni: reports.comuni.length,
    courses: reports.courses.length,
    leftOut: source.leftOut.length,
  };
}
