/** What the Spreadsheet emulator's tests share: a bound spreadsheet in a fresh Workspace, and runs as a user. */
import type { Variant } from '../../runtime/variant';
import { Execution, Workspace } from '../../runtime/workspace';
import { createSpreadsheet, spreadsheetGlobals } from '.';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function setup(options: { variant?: Variant; timeZone?: string; locale?: string } = {}) {
  const ws = Workspace.create({
    startMs: Date.parse('2027-02-01T09:00:00+01:00'),
    variant: options.variant ?? 'strict',
  });
  const id = createSpreadsheet(ws, 'Academy4PA', { bind: true, timeZone: options.timeZone, locale: options.locale });
  const { SpreadsheetApp, Charts } = spreadsheetGlobals(ws);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0] as Sheet;
  ws.resetCounts();
  return { ws, id, app: SpreadsheetApp, Charts, ss, sheet };
}

export function runAs(ws: Workspace, user: string, kind: Execution['kind'], fn: () => void): void {
  ws.execution = new Execution(kind, user, ws.now());
  try {
    fn();
  } finally {
    ws.execution = null;
  }
}

export const romeMidnight = (date: string) => new Date(`${date}T00:00:00+01:00`);
