/**
 * Moving a tab's closed-year rows to the archive in chunks, so that a year of 10,000 employees (some
 * 160,000 attendance rows) never holds one execution near its 6-minute limit: each chunk's rows the
 * archive lacks are appended there (with their number formats, so codes stay text and dates stay
 * dates), then cleared from the tab, and the progress is saved. Repeated after an execution stopped
 * anywhere, a chunk appends nothing twice and clears nothing it did not archive.
 */
import { isBlankRow, missingFromArchive, moveChunkRows, splitRows } from '../../core/years/change';
import { adjacentRuns, type Cell } from '../../core/registry/codec';
import { neutralizeCell } from '../../core/text';
import { writeBlock } from '../registry/table';
import { markTabChanged } from '../figures/marks';
import { archiveTab } from './archives';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Where a tab's move stands: the first sheet row not handled yet, the archive tab's last row once the
 * chunks before it were appended (the next chunk's rows go below it), the archive's rows from before
 * the move (a change repeated after an undo), and the rows kept so far.
 */
export interface MoveProgress {
  next: number;
  archived: number;
  base: number;
  kept: number;
}

export interface MoveOptions {
  /** Rows of the new year, which stay in the tab. */
  stays?: (row: readonly unknown[]) => boolean;
  /**
   * Delete the moved rows at the end instead of leaving them cleared: a form's responses tab, where
   * Google writes the next response below the last row it wrote, would otherwise keep a gap.
   */
  deleteRows?: boolean;
  /** Whether another chunk fits in the execution's time. */
  mayContinue: () => boolean;
  /** Saves the progress after each chunk (a Script Property): what a later execution resumes from. */
  save: (progress: MoveProgress) => void;
}

export interface MoveOutcome {
  /** True once every row is handled and the tab tidied; false when time ran out first. */
  complete: boolean;
  progress: MoveProgress;
}

/**
 * Moves chunks of `source`'s rows to `archiveName` in `archive`, from `progress` (null on a tab's first
 * run) while `mayContinue` says so.
 */
export function moveRows(
  source: Sheet,
  archive: Spreadsheet,
  archiveName: string,
  progress: MoveProgress | null,
  options: MoveOptions,
): MoveOutcome {
  const lastRow = source.getLastRow();
  const width = source.getLastColumn();
  if (lastRow < 2 || width === 0) {
    return { complete: true, progress: progress ?? { next: 2, archived: 1, base: 1, kept: 0 } };
  }
  markTabChanged(source.getName());
  const header = source.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const target = archiveTab(archive, archiveName, header);
  let state = progress ?? startOf(target);
  const chunk = moveChunkRows(width);
  while (state.next <= lastRow) {
    if (!options.mayContinue()) return { complete: false, progress: state };
    const count = Math.min(chunk, lastRow - state.next + 1);
    const outcome = moveChunk(source, target, state, count, width, options.stays ?? (() => false));
    state = outcome.state;
    options.save(state);
  }
  tidy(source, state, width, options.deleteRows === true);
  return { complete: true, progress: state };
}

/** A tab's first run: the archive tab's rows so far are the base a repeated change is checked against. */
function startOf(target: Sheet): MoveProgress {
  const last = Math.max(target.getLastRow(), 1);
  return { next: 2, archived: last, base: last, kept: 0 };
}

/**
 * One chunk: `count` rows from `state.next`. When the archive tab has grown past `state.archived`, an
 * execution stopped after appending this very chunk (one `setValues`, all or nothing) and before saving:
 * the rows are not appended again. Rows equal to one the archive held before the move began are not
 * appended either (a change repeated after an undo).
 */
function moveChunk(
  source: Sheet,
  target: Sheet,
  state: MoveProgress,
  count: number,
  width: number,
  stays: (row: readonly unknown[]) => boolean,
): { state: MoveProgress; appended: number } {
  const range = source.getRange(state.next, 1, count, width);
  const rows = range.getValues();
  const { moving, staying } = splitRows(rows, stays);
  const targetLast = Math.max(target.getLastRow(), 1);
  let appended = 0;
  if (moving.length > 0 && targetLast <= state.archived) {
    const before = state.base > 1 ? target.getRange(2, 1, state.base - 1, width).getValues() : [];
    const missing = missingFromArchive(rows, moving, before, width);
    if (missing.length > 0) {
      const formats = range.getNumberFormats();
      const start = state.archived + 1;
      const end = start + missing.length - 1;
      // A new tab has 1,000 rows and ranges past them throw (docs/google-behaviour.md, SHEETS-RANGE-BOUNDS).
      if (target.getMaxRows() < end) target.insertRowsAfter(target.getMaxRows(), end - target.getMaxRows());
      target
        .getRange(start, 1, missing.length, width)
        .setNumberFormats(missing.map((i) => formats[i] ?? new Array<string>(width).fill('General')));
      writeBlock(
        target,
        start,
        1,
        missing.map((i) => (rows[i] ?? []).slice(0, width).map((v) => neutralizeCell(v) as Cell)),
      );
      appended = missing.length;
    }
  }
  for (const run of adjacentRuns(moving, (i) => i)) {
    source.getRange(state.next + (run[0] as number), 1, run.length, width).clearContent();
  }
  const next: MoveProgress = {
    next: state.next + count,
    archived: targetLast > state.archived ? targetLast : state.archived + appended,
    base: state.base,
    kept: state.kept + staying.length,
  };
  return { state: next, appended };
}

/**
 * The cleared rows go where they must: with rows kept among them (or a responses tab) the blank rows
 * are deleted run by run from the bottom, which is safe to repeat (only blank rows are deleted); a tab
 * whose every row moved keeps its cleared rows, as staff would leave it.
 */
function tidy(source: Sheet, state: MoveProgress, width: number, deleteRows: boolean): void {
  // A tidy repeated after its deletions finds fewer rows than it handled.
  const handled = Math.min(state.next - 2, source.getMaxRows() - 1);
  if ((state.kept === 0 && !deleteRows) || handled <= 0) return;
  const rows = source.getRange(2, 1, handled, width).getValues();
  const blank: number[] = [];
  rows.forEach((row, i) => {
    if (isBlankRow(row)) blank.push(i);
  });
  if (blank.length === 0) return;
  // Google refuses to delete every non-frozen row (docs/google-behaviour.md, SHEETS-DELETE-LIMITS).
  if (blank.length === rows.length && source.getMaxRows() <= state.next - 1) source.insertRowsAfter(state.next - 1, 1);
  for (const run of adjacentRuns(blank, (i) => i).reverse()) source.deleteRows((run[0] as number) + 2, run.length);
}
