import type { JobWork } from '../../core/jobs/slice';
import type { JobParams, JobState } from '../../core/jobs/state';

/**
 * A kind of long job. Workflows register theirs when their module loads (the bundle evaluates every
 * module at start), so the runner needs no list of workflows.
 */
export interface JobHandler {
  /** The Italian label shown in the dashboard's progress list. */
  label(params: JobParams): string;
  /** Opens one slice: reads what the slice needs (once) and returns its work. */
  open(params: JobParams, state: JobState): JobWork;
}

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function registeredKinds(): string[] {
  return [...handlers.keys()];
}
