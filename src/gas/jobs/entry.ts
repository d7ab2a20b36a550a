import type { JobProgress } from '../../core/jobs/state';
import { serverAction } from '../platform/entry';
import { flushLog } from '../registry/log';
import { jobsProgress, runJobSlice } from './runner';

interface TriggerEvent {
  triggerUid?: string;
}

function nextSlice(): JobProgress[] {
  return runJobSlice(undefined, Date.now()).progress;
}

const nextSliceForStaff = serverAction('Prosegui lavori', nextSlice);

/** A trigger uid proves a trigger only if the project has that trigger (a caller can type any uid). */
function isOwnTrigger(uid: string): boolean {
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
}

/**
 * The job runner's entry point: fired by the one-shot continuation trigger, or called by the open
 * sidebar for the next slice (a published add-on's time triggers fire at most hourly). Only the
 * trigger skips the staff check: it runs as the script's owner, whose identity Google may not expose,
 * and it can only continue work staff already started.
 */
export function runJobs(event?: TriggerEvent): JobProgress[] {
  if (!event || typeof event !== 'object' || !event.triggerUid || !isOwnTrigger(String(event.triggerUid)))
    return nextSliceForStaff();
  try {
    return nextSlice();
  } finally {
    flushLog();
  }
}

/** Progress of the long jobs, for the dashboard: `[{ kind, label, done, total, status }]`. */
export const getJobsProgress = serverAction('Avanzamento lavori', (): JobProgress[] => jobsProgress());
