/**
 * What a submission decided from its sender's rows reads (see `loadEnrollmentSlice` in data.ts): the
 * sender's rows of `Dipendenti` and `Iscrizioni`, found with TextFinders on the key columns the tally
 * recorded, and everything else in one Sheets API `spreadsheets.get` of those ranges' grid data, each
 * cell with its value and its number format type, which is how grid data tells a date from a number
 * (REST-SHEETS-GRID-DATA; `src/core/registry/grid-reads.ts` makes of it the two readings the reports'
 * rule in `src/core/registry/api-reads.ts` decodes): `Impostazioni`, `Corsi`, `Sessioni`, both headers,
 * the found rows and the rows from the one the tally says is the tab's last. Eight reads, the last-row
 * check and the time zone become one request. It is made before the run writes anything, so it never
 * depends on whether the API sees SpreadsheetApp's pending writes (SHEETS-REST-PENDING-WRITES).
 */
import { cellFromReadings, columnLetters, quotedTab, rowsAsGetValues } from '../../core/registry/api-reads';
import { decodeTable, mapColumns, type RecordByTab, type RegistryTab } from '../../core/registry/codec';
import type { Course, Employee, Enrollment, Session, SettingRow } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import type { SliceLayout } from '../../core/enrollment/tally';
import { idAtRow, type EmployeeRowRuns } from '../../core/enrollment/employee-rows';
import { gridKey, gridReadings } from '../../core/registry/grid-reads';
import { callGoogleApi } from '../platform/rest';
import { gridDataUrl } from '../registry/api-tables';
import { findRows, partialTable, readRows, rowRuns, type PartialTable } from '../registry/lookup';
import { requireSheet, type Table } from '../registry/table';
import { adoptLogHeader } from '../registry/log';
import { formatInSpreadsheetZone, sheetNamed, spreadsheetTimeZone } from '../registry/workbook';

export interface SliceTables {
  settings: Table<SettingRow>;
  courses: Table<Course>;
  sessions: Table<Session>;
  employees: PartialTable<Employee>;
  enrollments: PartialTable<Enrollment>;
  /** The submit event's time cell when asked for: its time in ms, NaN when it holds no date. */
  eventTimeMs?: number;
}

type Rows = unknown[][];

/**
 * `Comuni` is not among them: it matters only for the fee rule and the referent, and its checkbox column
 * reads `FALSE` down to the sheet's end (SHEETS-CHECKBOX-EMPTY), so a run that needs it reads it apart.
 */
const WHOLE_TABS = [TAB.impostazioni, TAB.corsi, TAB.sessioni] as const;

function columnsOf(tab: RegistryTab, header: readonly unknown[]): Record<string, number | undefined> {
  return mapColumns(tab, header).columns as Record<string, number | undefined>;
}

/** The header's width up to its last non-empty cell (the API leaves trailing empty cells out). */
export function headerWidth(header: readonly unknown[]): number {
  let width = header.length;
  while (width > 0 && String(header[width - 1] ?? '').trim() === '') width -= 1;
  return width;
}

/** Whether the headers just read still put the keys where the tally recorded them. */
function layoutHolds(
  layout: SliceLayout,
  employeeHeader: readonly unknown[],
  enrollmentHeader: readonly unknown[],
): boolean {
  const employee = columnsOf(TAB.dipendenti, employeeHeader);
  const enrollment = columnsOf(TAB.iscrizioni, enrollmentHeader);
  const keys = [enrollment.email, enrollment.employeeId];
  if (keys.some((k) => k === undefined)) return false;
  const numbers = keys as number[];
  return (
    employee.email === layout.employeeEmail &&
    employee.id === layout.employeeId &&
    Math.min(...numbers) === layout.enrollmentKeys[0] &&
    Math.max(...numbers) === layout.enrollmentKeys[1] &&
    headerWidth(enrollmentHeader) === layout.enrollmentWidth
  );
}

function wholeTable<N extends (typeof WHOLE_TABS)[number]>(
  tab: N,
  serial: Rows,
  formatted: Rows,
  zone: string,
): Table<RecordByTab[N]> {
  const width = Math.max(0, ...serial.map((r) => r.length));
  const grid = rowsAsGetValues(tab, serial[0] ?? [], serial, formatted, width, zone);
  return { ...decodeTable(tab, grid, formatInSpreadsheetZone), sheet: requireSheet(tab) };
}

/**
 * The tables a submission needs, with `Dipendenti` and `Iscrizioni` holding only the rows whose keys
 * are the senders' e-mails (and their IDs). Null when the sheet no longer matches the tally: a header
 * moved, or `Iscrizioni` does not end at `lastRow` (rows came or went since it was written).
 */
export function readSliceTables(
  layout: SliceLayout,
  lastRow: number,
  emails: readonly string[],
  eventCell?: { tab: string; row: number },
  /** Which ID each `Dipendenti` row held at the last whole read (null: none kept). */
  employeeRowIds: EmployeeRowRuns | null = null,
): SliceTables | null {
  for (const tab of WHOLE_TABS) requireSheet(tab);
  const employeeSheet = requireSheet(TAB.dipendenti);
  const enrollmentSheet = requireSheet(TAB.iscrizioni);
  const employeeRows = findRows(employeeSheet, layout.employeeEmail, layout.employeeEmail, emails);
  // The IDs in the sender's rows are the next search's keys: the map gives them, and the rows are read with
  // the other reads, which prove it; without the map the rows are read through SpreadsheetApp first.
  const mapped = employeeRows.map((row) => (employeeRowIds ? idAtRow(employeeRowIds, row) : null));
  const fromMap = mapped.every((id) => id !== null);
  const readFirst = fromMap ? null : readRows(employeeSheet, employeeRows, -1);
  const ids = readFirst
    ? [...readFirst.values()].map((line) => String(line[layout.employeeId - 1] ?? '').trim())
    : (mapped as string[]);
  const [firstKey, lastKey] = layout.enrollmentKeys;
  const enrollmentRows = findRows(enrollmentSheet, firstKey, lastKey, [...emails, ...ids], lastRow);
  const runs = rowRuns(enrollmentRows);
  const widthLetters = columnLetters(layout.enrollmentWidth);
  const ranges: string[] = [];
  /** Asks for a range starting at column A of `row`; answers the key its block is found by. */
  const want = (tab: string, row: number, a1: string): string => {
    ranges.push(a1);
    return gridKey(tab, row, 1);
  };
  const wholeAt = WHOLE_TABS.map((tab) => want(tab, 1, quotedTab(tab)));
  const employeeHeaderAt = want(TAB.dipendenti, 1, `${quotedTab(TAB.dipendenti)}!1:1`);
  const enrollmentHeaderAt = want(TAB.iscrizioni, 1, `${quotedTab(TAB.iscrizioni)}!1:1`);
  // From the tally's last row down: that row alone, with content, means the tab ends there. A slice is
  // read only from SLICE_FROM_ROWS rows on (data.ts), so this block never starts at the header's row.
  const tailAt = want(TAB.iscrizioni, lastRow, `${quotedTab(TAB.iscrizioni)}!A${lastRow}:${widthLetters}`);
  // A run starting at the last row is the tail's first row: two blocks starting at one cell could not be told apart.
  const runsAt = runs.map(([a, b]) =>
    a === lastRow ? tailAt : want(TAB.iscrizioni, a, `${quotedTab(TAB.iscrizioni)}!A${a}:${widthLetters}${b}`),
  );
  const employeeRuns = readFirst ? [] : rowRuns(employeeRows);
  const employeeRunsAt = employeeRuns.map(([a, b]) =>
    want(TAB.dipendenti, a, `${quotedTab(TAB.dipendenti)}!${a}:${b}`),
  );
  // `Registro`'s header, for the log's flush at the end of the run (a missing tab would fail the request).
  const logAt = sheetNamed(TAB.registro) ? want(TAB.registro, 1, `${quotedTab(TAB.registro)}!1:1`) : null;
  // The submit event's time cell (its responses tab is the form's, wherever staff renamed it).
  const eventAt = eventCell
    ? want(eventCell.tab, eventCell.row, `${quotedTab(eventCell.tab)}!A${eventCell.row}`)
    : null;
  const blocks = gridReadings(callGoogleApi('Sheets', 'get', gridDataUrl(ranges)));
  const at = (key: string): [Rows, Rows] => {
    const block = blocks.get(key);
    return [block?.serial ?? [], block?.formatted ?? []];
  };
  const employeeHeader = at(employeeHeaderAt)[0][0] ?? [];
  const enrollmentHeader = at(enrollmentHeaderAt)[0][0] ?? [];
  if (!layoutHolds(layout, employeeHeader, enrollmentHeader)) return null;
  const tail = at(tailAt)[0];
  if (tail.length !== 1 || (tail[0] ?? []).length === 0) return null;

  if (logAt) adoptLogHeader(at(logAt)[0][0] ?? []);
  const zone = spreadsheetTimeZone();
  const [eventSerial, eventFormatted] = eventAt ? at(eventAt) : [[], []];
  const eventTime = cellFromReadings('datetime', eventSerial[0]?.[0], eventFormatted[0]?.[0], zone);
  const enrollmentLines = new Map<number, unknown[]>();
  runs.forEach(([first, last], k) => {
    const [s, f] = at(runsAt[k] as string);
    rowsAsGetValues(TAB.iscrizioni, enrollmentHeader, s, f, layout.enrollmentWidth, zone)
      .slice(0, last - first + 1)
      .forEach((line, i) => enrollmentLines.set(first + i, line));
  });
  const employeeLines = readFirst ?? new Map<number, unknown[]>();
  const employeeWidth = headerWidth(employeeHeader);
  employeeRuns.forEach(([first], k) => {
    const [s, f] = at(employeeRunsAt[k] as string);
    rowsAsGetValues(TAB.dipendenti, employeeHeader, s, f, employeeWidth, zone).forEach((line, i) =>
      employeeLines.set(first + i, line),
    );
  });
  // A row holding another ID than the map's was searched for with a wrong key: the whole tabs decide.
  const proven = employeeRows.every((row, i) => {
    const line = employeeLines.get(row);
    return readFirst !== null || String(line?.[layout.employeeId - 1] ?? '').trim() === mapped[i];
  });
  if (!proven) return null;
  return {
    settings: wholeTable(TAB.impostazioni, ...at(wholeAt[0] as string), zone),
    courses: wholeTable(TAB.corsi, ...at(wholeAt[1] as string), zone),
    sessions: wholeTable(TAB.sessioni, ...at(wholeAt[2] as string), zone),
    // Nothing is appended to `Dipendenti` here: the table needs to reach only the rows it holds.
    employees: partialTable(
      TAB.dipendenti,
      employeeSheet,
      employeeHeader,
      employeeLines,
      Math.max(1, ...employeeRows),
      false,
    ),
    // The tail read proved the tab ends at `lastRow` in the header's columns. A cell typed right of the
    // header, which it cannot see, would put an appended row lower: the next run's tail read then finds
    // more than one row and reads the tab whole.
    enrollments: partialTable(TAB.iscrizioni, enrollmentSheet, enrollmentHeader, enrollmentLines, lastRow, true),
    eventTimeMs: eventTime instanceof Date ? eventTime.getTime() : eventAt ? NaN : undefined,
  };
}
