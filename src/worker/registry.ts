/**
 * The registry through the Sheets API: tabs read in one `values.batchGet` (unformatted, dates as serial
 * numbers turned back into dates on the spreadsheet's wall clock) and decoded by the core's codec, the
 * add-on's own; changes written as the add-on writes them (contiguous blocks, typed as if entered).
 */
import type { sheets_v4 } from 'googleapis';
import {
  columnSpecs,
  decodeTable,
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
import { serialToInstant } from '../core/registry/api-reads';
import { wallClock } from '../core/time/zone';

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

const DATE_KINDS = new Set(['date', 'time', 'datetime']);

/** Serial numbers in the tab's date and time columns become Dates, as `getValues` gives them. */
function withDates(tab: RegistryTab, grid: unknown[][]): unknown[][] {
  const header = (grid[0] ?? []).map((h) => String(h ?? ''));
  const { columns } = mapColumns(tab, header);
  const dateColumns = columnSpecs(tab)
    .filter((spec) => DATE_KINDS.has(spec.kind))
    .map((spec) => (columns as Record<string, number | undefined>)[spec.field])
    .filter((c): c is number => c !== undefined);
  return grid.map((row, i) =>
    i === 0
      ? row
      : row.map((v, c) => (typeof v === 'number' && dateColumns.includes(c + 1) ? serialToInstant(v, ZONE) : v)),
  );
}

function quoted(tab: string): string {
  return `'${tab.replace(/'/g, "''")}'`;
}

export type Tables = { [N in RegistryTab]?: DecodedTable<RecordByTab[N]> };

export async function readTables<N extends RegistryTab>(
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  tabs: readonly N[],
): Promise<{ [K in N]: DecodedTable<RecordByTab[K]> }> {
  const got = await sheets.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: tabs.map(quoted),
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
  });
  const out = {} as { [K in N]: DecodedTable<RecordByTab[K]> };
  tabs.forEach((tab, i) => {
    const grid = (got.data.valueRanges?.[i]?.values ?? []) as unknown[][];
    out[tab] = decodeTable(tab, withDates(tab, grid), (d, p) => formatInZone(d, p)) as DecodedTable<
      RecordByTab[typeof tab]
    >;
  });
  return out;
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

function a1(row: number, column: number, width: number, height: number): string {
  const letter = (n: number): string => {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  return `${letter(column)}${row}:${letter(column + width - 1)}${row + height - 1}`;
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
        range: `${quoted(table.tab)}!${a1(b.row, b.column, b.values[0]?.length ?? 1, b.values.length)}`,
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
  const head = await sheets.spreadsheets.values.get({ spreadsheetId, range: `${quoted(TAB.registro)}!1:1` });
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
    range: `${quoted(TAB.registro)}!A1`,
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
    range: `${quoted(table.tab)}!A1`,
    valueInputOption: 'USER_ENTERED',
    insertDataOption: 'INSERT_ROWS',
    requestBody: { values: lines },
  });
  const start = Number(/![A-Z]+(\d+)/.exec(answer.data.updates?.updatedRange ?? '')?.[1] ?? 0);
  if (!start) throw new Error(`«${table.tab}»: righe aggiunte senza intervallo nella risposta.`);
  return records.map((_, i) => start + i);
}
