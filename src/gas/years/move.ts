/**
 * Moving a tab's closed-year rows to the archive: the rows the archive lacks are appended there (with
 * their number formats, so codes stay text and dates stay dates), then removed from the tab. Repeated
 * after an execution stopped halfway, it appends nothing twice and removes nothing it did not archive.
 */
import { missingFromArchive, splitRows } from '../../core/years/change';
import { adjacentRuns, type Cell } from '../../core/registry/codec';
import { neutralizeCell } from '../../core/text';
import { readGrid, writeBlock } from '../registry/table';
import { markTabChanged } from '../figures/marks';
import { archiveTab } from './archives';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface MoveOutcome {
  moved: number;
  /** Rows appended to the archive by this run (fewer than `moved` when a previous run archived some). */
  archived: number;
  kept: number;
}

export interface MoveOptions {
  /** Rows of the new year, which stay in the tab. */
  stays?: (row: readonly unknown[]) => boolean;
  /**
   * Delete the moved rows instead of clearing them: a form's responses tab, where Google writes the
   * next response below the last row it wrote, would otherwise leave a gap of cleared rows.
   */
  deleteRows?: boolean;
}

function widthOf(header: readonly unknown[]): number {
  let width = header.length;
  while (width > 0 && String(header[width - 1] ?? '').trim() === '') width -= 1;
  return width;
}

export function moveRows(
  source: Sheet,
  archive: Spreadsheet,
  archiveName: string,
  options: MoveOptions = {},
): MoveOutcome {
  const grid = readGrid(source);
  const header = grid[0] ?? [];
  const width = Math.max(widthOf(header), ...grid.slice(1).map((r) => widthOf(r)));
  const rows = grid.slice(1);
  if (width === 0 || rows.length === 0) return { moved: 0, archived: 0, kept: 0 };
  const { moving, staying } = splitRows(rows, options.stays ?? (() => false));
  if (moving.length === 0) return { moved: 0, archived: 0, kept: staying.length };
  const target = archiveTab(archive, archiveName, header.slice(0, width));
  const archivedRows = readGrid(target).slice(1);
  const missing = missingFromArchive(rows, moving, archivedRows, width);
  if (missing.length > 0) {
    const formats = source.getRange(2, 1, rows.length, width).getNumberFormats();
    const start = Math.max(target.getLastRow(), 1) + 1;
    const values = missing.map((i) => (rows[i] ?? []).slice(0, width).map((v) => neutralizeCell(v) as Cell));
    const block = target.getRange(start, 1, missing.length, width);
    block.setNumberFormats(missing.map((i) => formats[i] ?? new Array<string>(width).fill('General')));
    writeBlock(target, start, 1, values);
  }
  markTabChanged(source.getName());
  removeMoved(source, rows.length, moving, staying.length, width, options.deleteRows === true);
  return { moved: moving.length, archived: missing.length, kept: staying.length };
}

/**
 * Removes the moved rows. When every row moves, their cells are cleared in one call (or the rows
 * deleted); when some stay, the moved rows are deleted run by run from the bottom, so an execution
 * stopped between two deletions leaves every row either in place or archived, never twice.
 */
function removeMoved(
  source: Sheet,
  rows: number,
  moving: readonly number[],
  kept: number,
  width: number,
  deleteRows: boolean,
): void {
  const lastRow = rows + 1;
  if (kept === 0 && !deleteRows) {
    source.getRange(2, 1, rows, width).clearContent();
    return;
  }
  // Google refuses to delete every non-frozen row (docs/google-behaviour.md, SHEETS-DELETE-LIMITS).
  if (kept === 0 && source.getMaxRows() <= lastRow) source.insertRowsAfter(lastRow, 1);
  for (const run of adjacentRuns([...moving], (i) => i).reverse()) {
    const first = (run[0] as number) + 2;
    source.deleteRows(first, run.length);
  }
}
