/**
 * `Sheet.getSheetValues` with -1 ("up to the last row or column with data") on a tab that may hold no
 * data yet. What Google does then is undocumented (docs/google-behaviour.md, SHEETS-SHEETVALUES-EMPTY):
 * it may return no rows or throw as a range of zero rows does; either way the caller gets no rows, in
 * one call.
 */
const ZERO_SIZED = /number of (rows|columns) in the range must be at least 1/i;

export function sheetValues(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  startRow: number,
  startColumn: number,
  numRows: number,
  numColumns: number,
): unknown[][] {
  try {
    return sheet.getSheetValues(startRow, startColumn, numRows, numColumns);
  } catch (error) {
    const message = String((error as { message?: unknown } | null)?.message ?? error);
    if ((numRows === -1 || numColumns === -1) && ZERO_SIZED.test(message)) return [];
    throw error;
  }
}
