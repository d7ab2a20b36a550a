import type { JobProgress } from '../../core/jobs/state';
import { serverAction } from '../platform/entry';
import { flushLog } from '../registry/log';
import { jobsProgress, runJobSlice } from './runner';
import { CONTINUATION_HANDLER } from './store';
import { firedByOwnTrigger } from '../platform/auth';

interface TriggerEvent {
  triggerUid?: string;
}

function nextSlice(): JobProgress[] {
  return runJobSlice(undefined, Date.now()).progress;
}

const nextSliceForStaff = serverAction('Prosegui lavori', nextSlice);

/**
 * The job runner's entry point: fired by the one-shot continuation trigger, or called by the open
 * sidebar for the next slice (a published add-on's time triggers fire at most hourly). Only the
 * trigger skips the staff check: it runs as the script's owner, whose identity Google may not expose,
 * and it can only continue work staff already started.
 */
export function runJobs(event?: TriggerEvent): JobProgress[] {
  if (!firedByOwnTrigger(CONTINUATION_HANDLER, event)) return nextSliceForStaff();
  try {
    return nextSlice();
  } finally {
    flushLog();
  }
}

/** Progress of the long jobs, for the dashboard: `[{ kind, label, done, total, status }]`. */
export const getJobsProgress = serverAction('Avanzamento lavori', (): JobProgress[] => jobsProgress());
