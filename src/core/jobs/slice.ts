import {
  beginSlice,
  endSlice,
  fitsInBudget,
  itemsForSlice,
  recordFailure,
  recordSuccess,
  type JobState,
} from './state';
import { messageOf } from '../registry/errors';

/** What a job's handler offers one slice: the items still pending, how to do one, and a final flush. */
export interface JobWork {
  /** Items still to do, recomputed from the workspace (an item done disappears from this list). */
  pending(): string[];
  run(item: string): void;
  /**
   * Several items done together (their Google requests sent in parallel), at most `batchSize` at once:
   * each item's error in order, or null when it succeeded. A throw counts against every item.
   */
  runBatch?(items: string[]): Array<unknown>;
  batchSize?: number;
  /**
   * Items unlock as others finish (a job in phases): once the slice's items have run, `pending` is read
   * again and the newly pending ones run in the same slice.
   */
  phased?: boolean;
  /** Flushes what the slice buffered (rows, log, mail); called once, even after a failed item. */
  close(): void;
}

export interface SliceHooks {
  now(): number;
  /**
   * Persists the state (after each item with `final` false, the adapter may throttle those writes; once
   * with `final` true at the end of the slice). Progress itself lives in the workspace, so a lost
   * intermediate checkpoint only delays counts, never repeats work.
   */
  checkpoint(state: JobState, final: boolean): void;
  /** An item given up after its last attempt. */
  onGiveUp(item: string, error: string, attempts: number): void;
  /** Errors that must end the slice at once instead of counting against the item (e.g. time limit). */
  isFatal(error: unknown): boolean;
  /**
   * Errors that say "not now" for every item (a daily quota): the slice stops, the item keeps its
   * attempts, and the job waits for a later slice.
   */
  shouldPause(error: unknown): boolean;
}

export interface SliceResult {
  state: JobState;
  processed: number;
  /** Items still pending after the slice (given-up ones excluded). */
  remaining: number;
  /** The error that paused the slice, '' when it was not paused. */
  pausedBy: string;
}

/** Each item's error (null on success): one `runBatch` for the chunk, or `run` item by item. */
function runChunk(work: JobWork, chunk: string[]): unknown[] {
  if (work.runBatch) {
    try {
      return work.runBatch(chunk);
    } catch (error) {
      return chunk.map(() => error);
    }
  }
  return chunk.map((item) => {
    try {
      work.run(item);
      return null;
    } catch (error) {
      return error;
    }
  });
}

/**
 * Runs one slice of a job within `budgetMs`: items in the handler's order, each success or failure
 * checkpointed; an item that fails is not retried within the same slice (a failing service gets time to
 * recover), and is given up after its last attempt without blocking the others.
 */
export function runSlice(initial: JobState, work: JobWork, hooks: SliceHooks, budgetMs: number): SliceResult {
  const started = hooks.now();
  let items = itemsForSlice(initial, work.pending());
  let state = beginSlice(initial, items.length, started);
  hooks.checkpoint(state, false);
  let longest = 0;
  let processed = 0;
  let pausedBy = '';
  let outOfTime = false;
  // Items tried in this slice: a failed one waits for the next slice; one still pending after it ran
  // (work done in parts) too.
  const tried = new Set<string>();
  let left: string[] | null = null;
  const size = work.runBatch ? Math.max(1, work.batchSize ?? 1) : 1;
  try {
    while (items.length > 0 && pausedBy === '' && !outOfTime) {
      for (let start = 0; start < items.length && pausedBy === ''; start += size) {
        if (!fitsInBudget(hooks.now() - started, longest, budgetMs)) {
          outOfTime = true;
          break;
        }
        const chunk = items.slice(start, start + size);
        const chunkStart = hooks.now();
        const errors = runChunk(work, chunk);
        for (const [n, item] of chunk.entries()) {
          tried.add(item);
          const error = errors[n] ?? null;
          if (error === null) {
            state = recordSuccess(state, item, hooks.now());
            processed += 1;
            continue;
          }
          if (hooks.isFatal(error)) throw error;
          if (hooks.shouldPause(error)) {
            pausedBy = messageOf(error);
            break;
          }
          const outcome = recordFailure(state, item, messageOf(error), hooks.now());
          state = outcome.state;
          if (outcome.gaveUp) hooks.onGiveUp(item, messageOf(error), outcome.attempts);
          processed += 1;
        }
        longest = Math.max(longest, hooks.now() - chunkStart);
        hooks.checkpoint(state, false);
      }
      if (pausedBy !== '' || outOfTime || work.phased !== true) break;
      // Items that became pending as others finished (a job's next phase) run in the same slice.
      left = itemsForSlice(state, work.pending());
      items = left.filter((item) => !tried.has(item));
      state = { ...state, total: Math.max(state.total, state.done + state.failed.length + items.length) };
    }
  } finally {
    work.close();
  }
  const remaining = left !== null && items.length === 0 ? left.length : itemsForSlice(state, work.pending()).length;
  state = endSlice(state, remaining, hooks.now());
  hooks.checkpoint(state, true);
  return { state, processed, remaining, pausedBy };
}
