/**
 * The registry through the Sheets API: tabs read as the add-on's `readTablesTogether` reads them (the
 * requests' rendering and the decoding are the core's, `src/core/registry/api-reads.ts`) and decoded by
 * the core's codec; changes written as the add-on writes them (contiguous blocks, typed as if entered).
 */
import type { sheets_v4 } from 'googleapis';
import {
  a1Of,
  batchGetRendering,
  datesByTab,
  decodeReads,
  planReads,
  quotedTab,
  type DecodedTables,
  type ReadRequest,
  type TabExtent,
} from '../core/registry/api-reads';
import {
  encodeRow,
  mapColumns,
  planUpdates,
  type DecodedTable,
  type RecordByTab,
  type RegistryTab,
} from '../core/registry/codec';
import { decodeSettings } from '../core/registry/settings';
import type { Settings } from '../core/registry/schemas';
import { TAB } from '../core/registry/tabs';
import { wallClock } from '../core/time/zone';
import { withRetries, type Wait } from './retry';

const ZONE = 'Europe/Rome';

/** The `yyyy`, `MM`, `dd`, `HH`, `mm`, `ss` patterns the codec asks for, on the spreadsheet's clock. */
export function formatInZone(date: Date, pattern: string, zone = ZONE): string {
  const w = wallClock(date.getTime(), zone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return pattern
    .replace('yyyy', String(w.year))
    .replace('MM', two(w.month))
    .replace('dd', two(w.day))
    .replace('HH', two(w.hour))
    .replace('mm', two(w.minute))
    .replace('ss', two(w.second));
}

type Rows = unknown[][];

/** One `values.batchGet`, retried: each range's rows (trailing empties left out, as Google answers). */
export async function batchGet(
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  ranges: string[],
  dates: boolean,
  wait: Wait,
): Promise<Rows[]> {
  const got = await withRetries(wait, () =>
    sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges, ...batchGetRendering(dates) }),
  );
  return (got.data.valueRanges ?? []).map((r) => (r.values ?? []) as Rows);
}

/**
 * The tabs as the add-on's `readTablesTogether` reads them (`src/core/registry/api-reads.ts`): each whole
 * in one request (its size is what the API answers), then the date columns again with dates as text, so
 * a number typed into a date column stays a number (a row to fix) as `getValues` would tell it.
 */
export async function readTables<N extends RegistryTab>(
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  tabs: readonly N[],
  wait: Wait,
  zone = ZONE,
): Promise<DecodedTables<N>> {
  const whole = await batchGet(sheets, spreadsheetId, tabs.map(quotedTab), false, wait);
  const extents: TabExtent[] = tabs.map((tab, i) => {
    const rows = whole[i] ?? [];
    return { tab, lastRow: rows.length, lastColumn: Math.max(0, ...rows.map((r) => r.length)) };
  });
  const headers = new Map<RegistryTab, unknown[]>(tabs.map((tab, i) => [tab, whole[i]?.[0] ?? []]));
  const dated = planReads(extents, datesByTab(headers), 1).filter((r) => r.dates);
  const formatted = await Promise.all(
    dated.map((r) => batchGet(sheets, spreadsheetId, r.ranges.map(a1Of), true, wait)),
  );
  const bodies: ReadRequest[] = extents
    .filter((e) => e.lastRow >= 2)
    .map((e) => ({
      dates: false,
      ranges: [{ tab: e.tab, firstRow: 2, rows: e.lastRow - 1, firstColumn: 1, columns: e.lastColumn }],
    }));
  const bodyAnswers = bodies.map((b) => [(whole[tabs.indexOf(b.ranges[0]?.tab as N)] ?? []).slice(1)]);
  return decodeReads(
    tabs,
    { extents, headers, requests: [...bodies, ...dated], answers: [...bodyAnswers, ...formatted] },
    zone,
    (date, pattern) => formatInZone(date, pattern, zone),
  );
}

export function settingsFrom(table: DecodedTable<RecordByTab['Impostazioni']>, now: Date): Settings {
  return decodeSettings(
    table.rows.map((r) => ({ row: r.row, key: r.record.key, value: r.record.value })),
    Number(formatInZone(now, 'yyyy')),
  ).settings;
}

function cellText(v: unknown): unknown {
  return v instanceof Date ? formatInZone(v, 'yyyy-MM-dd HH:mm:ss') : v;
}

/** Writes changed fields of rows in contiguous blocks, one `values.batchUpdate` for them all. */
export async function updateRows<T>(
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  table: DecodedTable<T>,
  changes: ReadonlyArray<{ row: number; patch: Partial<T> }>,
): Promise<void> {
  const blocks = planUpdates(table, changes);
  if (blocks.length === 0) return;
  await sheets.spreadsheets.values.batchUpdate({
    spreadsheetId,
    requestBody: {
      valueInputOption: 'USER_ENTERED',
      data: blocks.map((b) => ({
        range: a1Of({
          tab: table.tab,
          firstRow: b.row,
          rows: b.values.length,
          firstColumn: b.column,
          columns: b.values[0]?.length ?? 1,
        }),
        values: b.values.map((r) => r.map(cellText)),
      })),
    },
  });
}

/** One `Registro` line, as the add-on writes them: columns found by header, staff's own left empty. */
export async function appendLog(
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  entry: { who: string; action: string; details: string; at: Date },
): Promise<void> {
  const head = await sheets.spreadsheets.values.get({ spreadsheetId, range: `${quotedTab(TAB.registro)}!1:1` });
  const header = ((head.data.values?.[0] ?? []) as unknown[]).map((h) => String(h ?? ''));
  const { columns } = mapColumns(TAB.registro, header);
  const width = Math.max(header.length, ...Object.values(columns as Record<string, number>));
  const line: unknown[] = new Array(width).fill('');
  const put = (field: string, value: unknown): void => {
    const at = (columns as Record<string, number | undefined>)[field];
    if (at !== undefined) line[at - 1] = value;
  };
  put('at', formatInZone(entry.at, 'yyyy-MM-dd HH:mm:ss'));
  put('who', entry.who);
  put('action', entry.action);
  put('details', entry.details);
  await sheets.spreadsheets.values.append({
    spreadsheetId,
    range: `${quotedTab(TAB.registro)}!A1`,
    valueInputOption: 'USER_ENTERED',
    requestBody: { values: [line] },
  });
}

/**
 * Adds records below the tab's last row as the add-on does (its columns only, staff's left empty), in one
 * `values.append`; the rows they landed on, in order, from Google's answer.
 */
export async function appendRecords<T>(
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  table: DecodedTable<T>,
  records: readonly T[],
): Promise<number[]> {
  if (records.length === 0) return [];
  const width = Math.max(table.header.length, ...Object.values(table.columns as Record<string, number>));
  const blank = new Array<string>(width).fill('');
  const lines = records.map((r) => encodeRow(table.columns, r as Partial<T>, blank).map(cellText));
  const answer = await sheets.spreadsheets.values.append({
    spreadsheetId,
    range: `${quotedTab(table.tab)}!A1`,
    valueInputOption: 'USER_ENTERED',
    insertDataOption: 'INSERT_ROWS',
    requestBody: { values: lines },
  });
  const start = Number(/![A-Z]+(\d+)/.exec(answer.data.updates?.updatedRange ?? '')?.[1] ?? 0);
  if (!start) throw new Error(`«${table.tab}»: righe aggiunte senza intervallo nella risposta.`);
  return records.map((_, i) => start + i);
}
