/**
 * What a submission decided from its sender's rows reads (see `loadEnrollmentSlice` in data.ts): the
 * sender's rows of `Dipendenti` and `Iscrizioni`, found with TextFinders on the key columns the tally
 * recorded, and everything else in one `UrlFetchApp.fetchAll` (catalogue URLFETCH-FETCHALL) of two Sheets
 * API `values.batchGet` requests over the same ranges, as serial numbers and with dates as text, which
 * is how the API tells a date from a number (REST-SHEETS-VALUES; the rule is the reports',
 * `src/core/registry/api-reads.ts`): `Impostazioni`, `Corsi`, `Sessioni`, both headers, the
 * found rows of `Iscrizioni` and the rows from the one the tally says is the tab's last. Eight reads,
 * the last-row check and the time zone become two requests sent together. They are made before the run writes anything,
 * so they never depend on whether the API sees SpreadsheetApp's pending writes (SHEETS-REST-PENDING-WRITES).
 */
import { cellFromReadings, columnLetters, quotedTab, rowsAsGetValues } from '../../core/registry/api-reads';
import { decodeTable, mapColumns, type RecordByTab, type RegistryTab } from '../../core/registry/codec';
import type { Course, Employee, Enrollment, Session, SettingRow } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import type { SliceLayout } from '../../core/enrollment/tally';
import { idAtRow, type EmployeeRowRuns } from '../../core/enrollment/employee-rows';
import { answerError, callGoogleApisTogether } from '../platform/rest';
import { batchGetUrl, valuesOf } from '../registry/api-tables';
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
  const ranges = [
    ...WHOLE_TABS.map(quotedTab),
    `${quotedTab(TAB.dipendenti)}!1:1`,
    `${quotedTab(TAB.iscrizioni)}!1:1`,
    // From the tally's last row down: that row alone, with content, means the tab ends there.
    `${quotedTab(TAB.iscrizioni)}!A${lastRow}:${widthLetters}`,
    ...runs.map(([a, b]) => `${quotedTab(TAB.iscrizioni)}!A${a}:${widthLetters}${b}`),
  ];
  const employeeRuns = readFirst ? [] : rowRuns(employeeRows);
  const employeesAt = ranges.length;
  ranges.push(...employeeRuns.map(([a, b]) => `${quotedTab(TAB.dipendenti)}!${a}:${b}`));
  // `Registro`'s header, for the log's flush at the end of the run (a missing tab would fail the request).
  const logAt = sheetNamed(TAB.registro) ? ranges.push(`${quotedTab(TAB.registro)}!1:1`) - 1 : -1;
  // The submit event's time cell (its responses tab is the form's, wherever staff renamed it).
  const eventAt = eventCell ? ranges.push(`${quotedTab(eventCell.tab)}!A${eventCell.row}`) - 1 : -1;
  const answers = callGoogleApisTogether(
    [false, true].map((dates) => ({ method: 'get' as const, url: batchGetUrl(ranges, dates), resend: true })),
  );
  const failed = answers.find((a) => a.status >= 300);
  if (failed) throw new Error(answerError('Sheets', failed));
  const [serial, formatted] = answers.map((a) => valuesOf(a.body)) as [Rows[], Rows[]];
  const at = (i: number): [Rows, Rows] => [serial[i] ?? [], formatted[i] ?? []];
  const base = WHOLE_TABS.length;
  const employeeHeader = at(base)[0][0] ?? [];
  const enrollmentHeader = at(base + 1)[0][0] ?? [];
  if (!layoutHolds(layout, employeeHeader, enrollmentHeader)) return null;
  const tail = at(base + 2)[0];
  if (tail.length !== 1 || (tail[0] ?? []).length === 0) return null;

  if (logAt >= 0) adoptLogHeader(at(logAt)[0][0] ?? []);
  const zone = spreadsheetTimeZone();
  const [eventSerial, eventFormatted] = eventAt >= 0 ? at(eventAt) : [[], []];
  const eventTime = cellFromReadings('datetime', eventSerial[0]?.[0], eventFormatted[0]?.[0], zone);
  const enrollmentLines = new Map<number, unknown[]>();
  runs.forEach(([first], k) => {
    const [s, f] = at(base + 3 + k);
    rowsAsGetValues(TAB.iscrizioni, enrollmentHeader, s, f, layout.enrollmentWidth, zone).forEach((line, i) =>
      enrollmentLines.set(first + i, line),
    );
  });
  const employeeLines = readFirst ?? new Map<number, unknown[]>();
  const employeeWidth = headerWidth(employeeHeader);
  employeeRuns.forEach(([first], k) => {
    const [s, f] = at(employeesAt + k);
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
    settings: wholeTable(TAB.impostazioni, ...at(0), zone),
    courses: wholeTable(TAB.corsi, ...at(1), zone),
    sessions: wholeTable(TAB.sessioni, ...at(2), zone),
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
    eventTimeMs: eventTime instanceof Date ? eventTime.getTime() : eventAt >= 0 ? NaN : undefined,
  };
}
