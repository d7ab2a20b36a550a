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

/**
 * Runs one slice of a job within `budgetMs`: items in the handler's order, each success or failure
 * checkpointed; an item that fails is not retried within the same slice (a failing service gets time to
 * recover), and is given up after its last attempt without blocking the others.
 */
export function runSlice(initial: JobState, work: JobWork, hooks: SliceHooks, budgetMs: number): SliceResult {
  const started = hooks.now();
  const items = itemsForSlice(initial, work.pending());
  let state = beginSlice(initial, items.length, started);
  hooks.checkpoint(state, false);
  let longest = 0;
  let processed = 0;
  let pausedBy = '';
  try {
    for (const item of items) {
      if (!fitsInBudget(hooks.now() - started, longest, budgetMs)) break;
      const itemStart = hooks.now();
      try {
        work.run(item);
        state = recordSuccess(state, item, hooks.now());
      } catch (error) {
        if (hooks.isFatal(error)) throw error;
        if (hooks.shouldPause(error)) {
          pausedBy = messageOf(error);
          break;
        }
        const outcome = recordFailure(state, item, messageOf(error), hooks.now());
        state = outcome.state;
        if (outcome.gaveUp) hooks.onGiveUp(item, messageOf(error), outcome.attempts);
      }
      processed += 1;
      longest = Math.max(longest, hooks.now() - itemStart);
      hooks.checkpoint(state, false);
    }
  } finally {
    work.close();
  }
  const remaining = itemsForSlice(state, work.pending()).length;
  state = endSlice(state, remaining, hooks.now());
  hooks.checkpoint(state, true);
  return { state, processed, remaining, pausedBy };
}
