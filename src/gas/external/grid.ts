/**
 * The first tab of a spreadsheet chosen for an import, in one read. Its dates are written out on the
 * spreadsheet's own wall clock (`yyyy-MM-dd HH:mm:ss`): a file made in another zone keeps the day it
 * shows, and a duration typed as a time keeps its hours.
 */
import { formatDateOnce } from '../registry/workbook';

export function spreadsheetGrid(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] {
  const sheet = ss.getSheets()[0];
  if (!sheet) return [];
  const zone = ss.getSpreadsheetTimeZone();
  return sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map((v: unknown) => (v instanceof Date ? formatDateOnce(v, zone, 'yyyy-MM-dd HH:mm:ss') : v)));
}
