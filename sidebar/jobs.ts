/**
 * Long jobs while the sidebar is open: a published add-on's time-driven triggers fire at most hourly,
 * so the open sidebar asks for the next slice itself, ever less often while a job makes no progress.
 */
import type { JobProgress } from '../src/core/jobs/state';
import { append, el } from './dom';
import { messageOf } from '../src/core/registry/errors';
import { run } from './server';
import { isBusy, section, showError } from './ui';

/** How long the sidebar waits between two job slices it asks for (the slice itself takes its time). */
const JOB_POLL_MS = 1500;
/** A job that makes no progress (e.g. waiting for tomorrow's mail quota) is asked ever less often. */
const JOB_POLL_MAX_MS = 60_000;

let jobTimer: number | null = null;
let jobDelay = JOB_POLL_MS;
let jobDone = -1;
let lastJobs: readonly JobProgress[] = [];

export function jobsSection(jobs: readonly JobProgress[]): HTMLElement | null {
  if (jobs.length === 0) return null;
  const list = el('ul', { class: 'jobs' });
  for (const j of jobs) {
    const id = `job-${j.kind}`;
    const pct = j.total > 0 ? Math.round((j.done / j.total) * 100) : j.status === 'in corso' ? 0 : 100;
    append(
      list,
      el(
        'li',
        {},
        el('label', {
          for: id,
          text: `${j.label}: ${j.done} di ${j.total} (${j.status})${j.failed ? `, ${j.failed} non riusciti` : ''}`,
        }),
        el('progress', { id, max: 100, value: String(pct), 'aria-valuetext': `${pct}%` }),
      ),
    );
  }
  return section('Lavori', 'jobs', list);
}

/** Schedules the next slice while a job runs; `onFinished` reloads the dashboard once all are done. */
export function scheduleJobs(jobs: readonly JobProgress[], onFinished: () => Promise<void>): void {
  lastJobs = jobs;
  if (jobTimer !== null) window.clearTimeout(jobTimer);
  jobTimer = null;
  const running = jobs.filter((j) => j.status === 'in corso');
  if (running.length === 0) {
    jobDelay = JOB_POLL_MS;
    jobDone = -1;
    return;
  }
  const done = running.reduce((n, j) => n + j.done + j.failed, 0);
  jobDelay = done === jobDone ? Math.min(jobDelay * 2, JOB_POLL_MAX_MS) : JOB_POLL_MS;
  jobDone = done;
  jobTimer = window.setTimeout(() => void nextSlice(onFinished), jobDelay);
}

async function nextSlice(onFinished: () => Promise<void>): Promise<void> {
  jobTimer = null;
  if (isBusy()) {
    scheduleJobs(lastJobs, onFinished);
    return;
  }
  try {
    const progress = await run('runJobs');
    const old = document.getElementById('jobs');
    const fresh = jobsSection(progress);
    if (old && fresh) old.replaceWith(fresh);
    if (progress.some((j) => j.status === 'in corso')) scheduleJobs(progress, onFinished);
    else await onFinished();
  } catch (error) {
    showError(messageOf(error));
  }
}
