/**
 * The pure state machine of a long job (certificates, a whole year's calendar sync, the mail queue).
 *
 * A job never keeps the list of its items: at every slice its handler recomputes what is still pending
 * from the workspace itself (rows written, files made), so a slice killed at any point loses nothing and
 * repeats nothing. The state only carries what cannot be recomputed: counts, a free-form cursor the
 * handler may use, and the failures (retried a bounded number of times, then given up and reported).
 * It is plain JSON, kept in one Script Property per kind (9 KB per value).
 */
import { storedJson } from '../stored-json';

export type JobParamValue = string | number | boolean | null;
export type JobParams = Record<string, JobParamValue>;
export type JobStatus = 'running' | 'done';

export interface JobFailure {
  item: string;
  attempts: number;
  error: string;
}

export interface JobState {
  kind: string;
  label: string;
  params: JobParams;
  status: JobStatus;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  slices: number;
  done: number;
  total: number;
  /** Free-form checkpoint owned by the job's handler. */
  cursor: string;
  /** Items that failed and will be tried again on a later slice. */
  retrying: JobFailure[];
  /** Items given up after MAX_ATTEMPTS: reported, never blocking the rest. */
  failed: JobFailure[];
}

export const MAX_ATTEMPTS = 3;
/** Failures kept in the state; beyond it only the count grows, so the property stays under 9 KB. */
export const MAX_FAILURES_KEPT = 40;
const MAX_ERROR_CHARS = 120;

export function newJob(kind: string, label: string, params: JobParams, now: number): JobState {
  return {
    kind,
    label,
    params,
    status: 'running',
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    slices: 0,
    done: 0,
    total: 0,
    cursor: '',
    retrying: [],
    failed: [],
  };
}

/** The items a slice should work on, in the handler's order: pending ones not given up. */
export function itemsForSlice(state: JobState, pending: readonly string[]): string[] {
  const gaveUp = new Set(state.failed.map((f) => f.item));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of pending) {
    if (gaveUp.has(item) || seen.has(item)) continue;
    seen.add(item);
    out.push(item);
  }
  return out;
}

export function beginSlice(state: JobState, pendingCount: number, now: number): JobState {
  return {
    ...state,
    slices: state.slices + 1,
    updatedAt: now,
    total: Math.max(state.total, state.done + state.failed.length + pendingCount),
  };
}

export function recordSuccess(state: JobState, item: string, now: number): JobState {
  return {
    ...state,
    done: state.done + 1,
    updatedAt: now,
    retrying: state.retrying.filter((f) => f.item !== item),
  };
}

export interface FailureOutcome {
  state: JobState;
  /** True when this failure was the last allowed attempt: the item is given up. */
  gaveUp: boolean;
  attempts: number;
}

export function recordFailure(
  state: JobState,
  item: string,
  error: string,
  now: number,
  maxAttempts = MAX_ATTEMPTS,
): FailureOutcome {
  const previous = state.retrying.find((f) => f.item === item);
  const attempts = (previous?.attempts ?? 0) + 1;
  const failure: JobFailure = { item, attempts, error: error.slice(0, MAX_ERROR_CHARS) };
  const retrying = state.retrying.filter((f) => f.item !== item);
  if (attempts >= maxAttempts) {
    const failed = [...state.failed, failure].slice(-MAX_FAILURES_KEPT);
    return { state: { ...state, retrying, failed, updatedAt: now }, gaveUp: true, attempts };
  }
  return {
    state: { ...state, retrying: [...retrying, failure].slice(-MAX_FAILURES_KEPT), updatedAt: now },
    gaveUp: false,
    attempts,
  };
}

/**
 * Closes a slice. `remaining` is what the handler still reports pending (given-up items excluded): none
 * left means the job is done.
 */
export function endSlice(state: JobState, remaining: number, now: number): JobState {
  const total = Math.max(state.total, state.done + state.failed.length + remaining);
  if (remaining > 0) return { ...state, total, updatedAt: now };
  return { ...state, total, status: 'done', finishedAt: now, updatedAt: now, retrying: [] };
}

/**
 * Whether one more item fits in the slice: the time spent so far plus the longest item seen (an
 * estimate of the next one) must stay within the budget.
 */
export function fitsInBudget(elapsedMs: number, longestItemMs: number, budgetMs: number): boolean {
  return elapsedMs + longestItemMs <= budgetMs;
}

export interface JobProgress {
  kind: string;
  label: string;
  done: number;
  total: number;
  status: 'in corso' | 'completato' | 'completato con errori';
  failed: number;
}

export function progressOf(state: JobState): JobProgress {
  const failed = state.failed.length;
  const status = state.status === 'running' ? 'in corso' : failed > 0 ? 'completato con errori' : 'completato';
  return { kind: state.kind, label: state.label, done: state.done, total: state.total, status, failed };
}

/** Parses a stored state; anything malformed is treated as no job (it is never trusted blindly). */
export function parseJobState(text: string | null): JobState | null {
  const value = storedJson(text);
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<JobState>;
  if (typeof v.kind !== 'string' || (v.status !== 'running' && v.status !== 'done') || typeof v.done !== 'number')
    return null;
  return {
    kind: v.kind,
    label: typeof v.label === 'string' ? v.label : v.kind,
    params: v.params && typeof v.params === 'object' ? v.params : {},
    status: v.status,
    startedAt: Number(v.startedAt) || 0,
    updatedAt: Number(v.updatedAt) || 0,
    finishedAt: typeof v.finishedAt === 'number' ? v.finishedAt : null,
    slices: Number(v.slices) || 0,
    done: v.done,
    total: Number(v.total) || 0,
    cursor: typeof v.cursor === 'string' ? v.cursor : '',
    retrying: Array.isArray(v.retrying) ? v.retrying : [],
    failed: Array.isArray(v.failed) ? v.failed : [],
  };
}
