/**
 * The emulated SpreadsheetApp (script side) and its host API (runner, playground, other services).
 *
 * Known simplifications, each deliberate:
 * - Formulas are stored, never evaluated: a formula cell reads back as `''` from `getValues` and
 *   `getDisplayValues`, and as its text from `getFormulas`.
 * - `getSheetValues(r, c, -1, -1)` on a sheet without data returns `[]` (zero rows: -1 means "up to the
 *   last row with data", and there is none).
 * - A checkbox cell that holds nothing reads as `false` (unchecked), as Sheets draws it.
 * - `getDisplayValues` follows the it_IT locale: decimal comma, `dd/MM/yyyy` dates, `HH.mm.ss` times,
 *   booleans as `VERO`/`FALSO`; number formats are applied in a simple way (`#,##0.00 €`, `0%`, `0.0`).
 * - Writing beyond the sheet's last row or column grows the sheet; reading beyond it reads empty cells.
 * - Row and column insertions shift cells, not protections, charts or validation ranges.
 */
import type { Workspace } from '../../runtime/workspace';
import { createCharts, createSpreadsheetApp } from './app';

export {
  answerNextAlerts,
  appendRowsToSheet,
  boundSpreadsheetId,
  clearAnswers,
  createSpreadsheet,
  editEvent,
  ensureSheet,
  hostAppendRecords,
  hostEditCells,
  hostReadTab,
  hostTabNames,
  snapshotSheets,
  spreadsheetFormSubmitEvent,
  uiState,
  type SheetSnapshot,
} from './host';

export function spreadsheetGlobals(ws: Workspace): {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Charts: GoogleAppsScript.Charts.Charts;
} {
  return {
    SpreadsheetApp: createSpreadsheetApp(ws) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    Charts: createCharts() as unknown as GoogleAppsScript.Charts.Charts,
  };
}
