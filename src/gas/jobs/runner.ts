import { runSlice } from '../../core/jobs/slice';
import { messageOf } from '../../core/registry/errors';
import {
  newJob,
  parseJobState,
  progressOf,
  type JobParams,
  type JobProgress,
  type JobState,
} from '../../core/jobs/state';
import { logEvent } from '../registry/log';
import { jobHandler, registeredKinds } from './handlers';
import {
  acquireLease,
  readAllJobTexts,
  readJobText,
  releaseLease,
  replaceContinuationTrigger,
  writeJobText,
} from './store';

/** A slice's time budget: well under the 6-minute limit, leaving room for the final writes. */
export const SLICE_BUDGET_MS = 270_000;
/** The lease outlives any execution (6 minutes), so a killed slice never blocks the next one for long. */
const LEASE_MS = 6 * 60_000 + 30_000;
/** The continuation trigger set before a slice fires only after that slice must have ended. */
const SAFETY_CONTINUATION_MS = LEASE_MS + 30_000;
const NEXT_SLICE_MS = 60_000;
/** After a daily quota stopped a slice, try again later. */
const PAUSED_RETRY_MS = 60 * 60_000;
/** Finished jobs stay in the dashboard for a day. */
const SHOW_FINISHED_MS = 24 * 60 * 60_000;
/** Intermediate checkpoints are throttled: progress itself is in the workspace. */
const CHECKPOINT_EVERY_MS = 15_000;

const TIME_LIMIT = /exceeded maximum execution time/i;
/** Google's daily allowances: Apps Script's own words, and the Calendar API's for events created (docs/google-behaviour.md, QUOTA-DAILY-CALENDAR-EVENTS). */
const DAILY_QUOTA = /too many times for one day|calendar usage limits exceeded/i;

/**
 * Thrown by an item that cannot go on today for a reason shared by every item (a daily quota): the
 * slice stops without counting an attempt and the job waits.
 */
export class JobPause extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobPause';
  }
}

export function readJob(kind: string): JobState | null {
  return parseJobState(readJobText(kind));
}

/**
 * Starts a job of a kind, or returns the one of that kind already running (one at a time).
 * Nothing runs yet: the caller runs a first slice or leaves it to the continuation trigger.
 */
export function startJob(kind: string, params: JobParams): { state: JobState; started: boolean } {
  const handler = jobHandler(kind);
  if (!handler) throw new Error(`Tipo di lavoro sconosciuto: ${kind}`);
  const current = readJob(kind);
  if (current && current.status === 'running') return { state: current, started: false };
  const state = newJob(kind, handler.label(params), params, Date.now());
  writeJobText(kind, JSON.stringify(state));
  logEvent('Lavoro avviato', `${state.label} (${kind})`);
  return { state, started: true };
}

export interface SliceReport {
  progress: JobProgress[];
  /** False when another execution was running a slice (nothing was done here). */
  ran: boolean;
}

/**
 * Runs one slice of every running job (or of one kind), sharing one time budget measured from
 * `startedAtMs`, then leaves exactly one continuation trigger if work remains and none otherwise.
 */
export function runJobSlice(kind?: string, startedAtMs: number = Date.now()): SliceReport {
  const kinds = kind ? [kind] : registeredKinds();
  const running = kinds.map((k) => readJob(k)).filter((s): s is JobState => s !== null && s.status === 'running');
  if (running.length === 0) return { progress: jobsProgress(), ran: false };
  if (!acquireLease(Date.now(), Date.now() + LEASE_MS)) {
    scheduleNext(NEXT_SLICE_MS);
    return { progress: jobsProgress(), ran: false };
  }
  let pausedBy = '';
  try {
    scheduleNext(SAFETY_CONTINUATION_MS);
    for (const state of running) {
      const remainingBudget = SLICE_BUDGET_MS - (Date.now() - startedAtMs);
      if (remainingBudget <= 0) break;
      const paused = runOneSlice(state, remainingBudget);
      pausedBy = pausedBy || paused;
    }
  } finally {
    releaseLease();
  }
  const stillRunning = kinds.some((k) => readJob(k)?.status === 'running');
  scheduleNext(stillRunning ? (pausedBy ? PAUSED_RETRY_MS : NEXT_SLICE_MS) : null);
  return { progress: jobsProgress(), ran: true };
}

function runOneSlice(state: JobState, budgetMs: number): string {
  const handler = jobHandler(state.kind);
  if (!handler) return '';
  let lastWrite = 0;
  const result = runSlice(
    state,
    handler.open(state.params, state),
    {
      now: () => Date.now(),
      checkpoint: (s, final) => {
        const now = Date.now();
        if (!final && now - lastWrite < CHECKPOINT_EVERY_MS) return;
        lastWrite = now;
        writeJobText(s.kind, JSON.stringify(s));
      },
      onGiveUp: (item, error, attempts) =>
        logEvent('Lavoro: elemento non riuscito', `${state.label}: ${item} dopo ${attempts} tentativi (${error})`),
      isFatal: (error) => TIME_LIMIT.test(messageOf(error)),
      shouldPause: (error) => error instanceof JobPause || DAILY_QUOTA.test(messageOf(error)),
    },
    budgetMs,
  );
  if (result.state.status === 'done') {
    const p = progressOf(result.state);
    logEvent('Lavoro completato', `${p.label}: ${p.done} di ${p.total}${p.failed ? `, ${p.failed} non riusciti` : ''}`);
  }
  if (result.pausedBy) logEvent('Lavoro sospeso', `${state.label}: ${result.pausedBy}`);
  return result.pausedBy;
}

function scheduleNext(afterMs: number | null): void {
  const refused = replaceContinuationTrigger(afterMs);
  if (refused) logEvent('Lavoro: trigger non creato', `${refused} (il pannello laterale proseguirà il lavoro)`);
}

/** Progress of running jobs and of those finished in the last day, for the dashboard. */
export function jobsProgress(): JobProgress[] {
  const now = Date.now();
  return Object.values(readAllJobTexts())
    .map((text) => parseJobState(text))
    .filter(
      (s): s is JobState => s !== null && (s.status === 'running' || now - (s.finishedAt ?? 0) < SHOW_FINISHED_MS),
    )
    .sort((a, b) => a.startedAt - b.startedAt)
    .map(progressOf);
}
