/**
 * Moving a tab's closed-year rows to the archive in chunks, so that a year of 10,000 employees (some
 * 160,000 attendance rows) never holds one execution near its 6-minute limit: each chunk's rows the
 * archive lacks are appended there (with their number formats, so codes stay text and dates stay
 * dates), then cleared from the tab, and the progress is saved. Repeated after an execution stopped
 * anywhere, a chunk appends nothing twice and clears nothing it did not archive.
 */
import { archivedCounts, isBlankRow, moveChunkRows, rowDigest, splitRows, takeMissing } from '../../core/years/change';
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
 * the move (a change repeated after an undo), and the rows kept so far. `lastRow` and `digest` are what
 * the tab looked like when the progress was saved (its last row, the digest of row `next`, '' past the
 * end): a later execution trusts the row number only if both still hold. `tail` is the archive's rows
 * appended by a chunk whose progress was never saved, when a rescan began: matched by content, since
 * their rows may now be anywhere in the tab.
 */
export interface MoveProgress {
  next: number;
  archived: number;
  base: number;
  kept: number;
  lastRow?: number;
  digest?: string;
  tail?: [number, number];
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
  /** Whether this execution found the tab changed since the progress was saved and rescanned it. */
  rescanned: boolean;
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
    return { complete: true, progress: progress ?? { next: 2, archived: 1, base: 1, kept: 0 }, rescanned: false };
  }
  markTabChanged(source.getName());
  const header = source.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const target = archiveTab(archive, archiveName, header);
  let state = progress ?? startOf(target);
  const matchable = new Matchable(target, width);
  const chunk = moveChunkRows(width);
  // Only a resumed move is checked, once, before its first chunk (or its tidy, when past the end).
  let verify = progress !== null;
  let rescanned = false;
  if (verify && state.next > lastRow) {
    verify = false;
    if (!stillHolds(state, lastRow, undefined, width)) {
      state = rescanFrom(state, target);
      rescanned = true;
    }
  }
  while (state.next <= lastRow) {
    if (!options.mayContinue()) return { complete: false, progress: state, rescanned };
    const count = Math.min(chunk, lastRow - state.next + 1);
    const read = readChunk(source, state.next, count, width, lastRow);
    if (verify) {
      verify = false;
      if (!stillHolds(state, lastRow, read.rows[0], width)) {
        state = rescanFrom(state, target);
        rescanned = true;
        continue;
      }
    }
    state = moveChunk(source, target, state, read, width, options.stays ?? (() => false), matchable);
    options.save(state);
  }
  tidy(source, state, width, options.deleteRows === true);
  return { complete: true, progress: state, rescanned };
}

/** A tab's first run: the archive tab's rows so far are the base a repeated change is checked against. */
function startOf(target: Sheet): MoveProgress {
  const last = Math.max(target.getLastRow(), 1);
  return { next: 2, archived: last, base: last, kept: 0 };
}

/**
 * Whether the tab is as the progress left it: the same last row and, at `next`, the row it recorded.
 * A sort, or rows inserted or deleted above `next`, changes one or the other (a sort sends the cleared
 * rows to the bottom, docs/google-behaviour.md SHEETS-SORT). A progress from before these fields were
 * recorded cannot be checked and is not trusted.
 */
function stillHolds(
  state: MoveProgress,
  lastRow: number,
  first: readonly unknown[] | undefined,
  width: number,
): boolean {
  if (state.lastRow === undefined || state.digest === undefined) return false;
  if (state.lastRow !== lastRow) return false;
  return state.digest === (first ? rowDigest(first, width) : '');
}

/**
 * The tab changed under a resumed move: every row is looked at again from the top. Rows the move has
 * already cleared are blank and are skipped; a row still there is appended only if the archive lacks
 * it, matched against the archive's rows from before the move and those appended by a chunk that never
 * saved its progress (the only archived rows whose source may still be in the tab); the rows of saved
 * chunks are not matched, since theirs were cleared.
 */
function rescanFrom(state: MoveProgress, target: Sheet): MoveProgress {
  const targetLast = Math.max(target.getLastRow(), 1);
  const from = state.tail?.[0] ?? state.archived + 1;
  const tail: [number, number] | undefined = targetLast >= from ? [from, targetLast] : undefined;
  return { next: 2, archived: targetLast, base: state.base, kept: 0, ...(tail ? { tail } : {}) };
}

/**
 * The archive rows a chunk's rows are matched against, read once per execution (the archive's rows
 * before the move and a rescan's tail) and taken out as they match, so one archived row answers for one
 * row only.
 */
class Matchable {
  private counts: Map<string, number> | null = null;

  constructor(
    private readonly target: Sheet,
    private readonly width: number,
  ) {}

  of(state: MoveProgress): Map<string, number> {
    if (this.counts) return this.counts;
    const rows: unknown[][] = [];
    if (state.base > 1) rows.push(...this.target.getRange(2, 1, state.base - 1, this.width).getValues());
    if (state.tail) {
      const [from, to] = state.tail;
      rows.push(...this.target.getRange(from, 1, to - from + 1, this.width).getValues());
    }
    this.counts = archivedCounts(rows, this.width);
    return this.counts;
  }
}

interface ChunkRead {
  /** The chunk's rows and the one after it: its number formats are read from the same range. */
  range: GoogleAppsScript.Spreadsheet.Range;
  rows: unknown[][];
  /** The row after the chunk (the next chunk's first), read with it: what the saved progress records. */
  following: unknown[] | undefined;
}

/** The chunk's rows and, in the same call, the one after it. */
function readChunk(source: Sheet, next: number, count: number, width: number, lastRow: number): ChunkRead {
  const extra = next + count <= lastRow ? 1 : 0;
  const range = source.getRange(next, 1, count + extra, width);
  const values = range.getValues();
  return { range, rows: values.slice(0, count), following: extra === 1 ? values[count] : undefined };
}

/**
 * One chunk from `state.next`. When the archive tab has grown past `state.archived`, an execution
 * stopped after appending this very chunk (one `setValues`, all or nothing) and before saving: the rows
 * are not appended again. Rows equal to one the archive held before the move began are not appended
 * either (a change repeated after an undo), nor, in a rescan, rows equal to its tail's.
 */
function moveChunk(
  source: Sheet,
  target: Sheet,
  state: MoveProgress,
  read: ChunkRead,
  width: number,
  stays: (row: readonly unknown[]) => boolean,
  matchable: Matchable,
): MoveProgress {
  const { rows, range } = read;
  const { moving, staying } = splitRows(rows, stays);
  const targetLast = Math.max(target.getLastRow(), 1);
  let appended = 0;
  if (moving.length > 0 && targetLast <= state.archived) {
    const matching = state.base > 1 || state.tail !== undefined;
    const missing = matching ? takeMissing(rows, moving, matchable.of(state), width) : moving;
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
  return {
    next: state.next + rows.length,
    archived: targetLast > state.archived ? targetLast : state.archived + appended,
    base: state.base,
    kept: state.kept + staying.length,
    lastRow: source.getLastRow(),
    digest: read.following ? rowDigest(read.following, width) : '',
    ...(state.tail ? { tail: state.tail } : {}),
  };
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
