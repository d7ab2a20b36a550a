/**
 * The bound spreadsheet and its tabs, looked up once per execution: Apps Script re-evaluates the script
 * for every execution, so these memos never outlive one.
 */
import { readProperty, writeProperties } from '../platform/properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let spreadsheet: Spreadsheet | null = null;
let sheetsByName: Map<string, Sheet> | null = null;
let timeZone: string | null = null;
/** Whether `timeZone` was read from the spreadsheet in this execution (not taken from Script Properties). */
let zoneAsked = false;

export function academySpreadsheet(): Spreadsheet {
  if (!spreadsheet) spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet;
}

function sheetMap(): Map<string, Sheet> {
  if (!sheetsByName) {
    // Built whole before it is kept: a failing call halfway must not leave later lookups an empty map.
    const map = new Map<string, Sheet>();
    for (const sheet of academySpreadsheet().getSheets()) map.set(sheet.getName(), sheet);
    sheetsByName = map;
  }
  return sheetsByName;
}

/** The tab with that exact name, or null. */
export function sheetNamed(name: string): Sheet | null {
  return sheetMap().get(name) ?? null;
}

export function allSheets(): Sheet[] {
  return [...sheetMap().values()];
}

/** Records a tab setup has just inserted, so later lookups in the execution see it. */
export function rememberSheet(sheet: Sheet, name: string): void {
  sheetMap().set(name, sheet);
}

export function spreadsheetTimeZone(): string {
  if (timeZone === null) {
    timeZone = academySpreadsheet().getSpreadsheetTimeZone();
    zoneAsked = true;
  }
  return timeZone;
}

/**
 * Reads the spreadsheet's zone and keeps it in Script Properties for the read-only views. Configura
 * and the daily run call it, so a zone staff change in the spreadsheet's settings is seen within a day.
 */
export function rememberSpreadsheetTimeZone(): void {
  if (!zoneAsked) timeZone = null;
  const zone = spreadsheetTimeZone();
  if (readProperty('a4pa.spreadsheet.timeZone') !== zone) writeProperties({ 'a4pa.spreadsheet.timeZone': zone });
}

/**
 * For a read-only view (the dashboard), the zone last remembered instead of a Spreadsheet call: it
 * shows dates and writes nothing, so a zone at most a day old costs nothing but display.
 */
export function preferRememberedTimeZone(): void {
  if (timeZone !== null) return;
  const remembered = readProperty('a4pa.spreadsheet.timeZone');
  if (remembered) timeZone = remembered;
}

/**
 * Runs `fn` with the zone last remembered when this execution has not asked Google for it (a call
 * saved), for a run that reads through the Sheets API and writes no date it read: the zone turns only
 * date-time serials into instants there. When `fn` gives up (null) the memo is dropped again, so a run
 * that then reads the tabs through SpreadsheetApp, where a date's day depends on the zone, asks Google.
 */
export function withRememberedTimeZone<T>(fn: () => T | null): T | null {
  const before = timeZone;
  preferRememberedTimeZone();
  const result = fn();
  if (result === null && !zoneAsked) timeZone = before;
  return result;
}

/**
 * Formatted dates by zone, pattern and instant. A tab repeats the same few dates on thousands of rows
 * (a session's day on every attendance row), and each `Utilities.formatDate` is a call into Google's
 * services: the answer is a pure function of the three, so one call per distinct date is enough.
 */
const formatted = new Map<string, string>();
/** Bounds the memo in an execution that reads many distinct instants (timestamps of responses). */
const FORMATTED_LIMIT = 20_000;

/** `Utilities.formatDate`, asked once per execution for each zone, pattern and instant. */
export function formatDateOnce(date: Date, zone: string, pattern: string): string {
  const instant = date.getTime();
  if (!Number.isFinite(instant)) return Utilities.formatDate(date, zone, pattern);
  const key = `${zone}|${pattern}|${instant}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const text = Utilities.formatDate(date, zone, pattern);
  if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
  formatted.set(key, text);
  return text;
}

/** `Utilities.formatDate` in the spreadsheet's zone: how date and time cells must be read. */
export function formatInSpreadsheetZone(date: Date, pattern: string): string {
  return formatDateOnce(date, spreadsheetTimeZone(), pattern);
}
