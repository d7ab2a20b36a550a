/**
 * The bound spreadsheet and its tabs, looked up once per execution: Apps Script re-evaluates the script
 * for every execution, so these memos never outlive one.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let spreadsheet: Spreadsheet | null = null;
let sheetsByName: Map<string, Sheet> | null = null;
let timeZone: string | null = null;

export function academySpreadsheet(): Spreadsheet {
  if (!spreadsheet) spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet;
}

function sheetMap(): Map<string, Sheet> {
  if (!sheetsByName) {
    sheetsByName = new Map();
    for (const sheet of academySpreadsheet().getSheets()) sheetsByName.set(sheet.getName(), sheet);
  }
  return sheetsByName;
}

/** The tab with that exact name, or null. */
export function sheetNamed(name: string): Sheet | null {
  return sheetMap().get(name) ?? null;
}

export function allSheetNames(): string[] {
  return [...sheetMap().keys()];
}

/** Records a tab setup has just inserted, so later lookups in the execution see it. */
export function rememberSheet(sheet: Sheet, name: string): void {
  sheetMap().set(name, sheet);
}

export function spreadsheetTimeZone(): string {
  if (timeZone === null) timeZone = academySpreadsheet().getSpreadsheetTimeZone();
  return timeZone;
}

/** `Utilities.formatDate` in the spreadsheet's zone: how date and time cells must be read. */
export function formatInSpreadsheetZone(date: Date, pattern: string): string {
  return Utilities.formatDate(date, spreadsheetTimeZone(), pattern);
}
