/**
 * The job runner's Apps Script adapters: job states in Script Properties, the slice lease, and the
 * one-shot continuation trigger. Each function touches its service and does nothing else.
 */
import { deleteProperties, readFamily, readProperty, refreshProperties, writeProperties } from '../platform/properties';

export const JOB_KEY_PREFIX = 'a4pa.job.';
export const CONTINUATION_HANDLER = 'runJobs';

export function readJobText(kind: string): string | null {
  return readProperty(`${JOB_KEY_PREFIX}${kind}`);
}

export function writeJobText(kind: string, text: string): void {
  writeProperties({ [`${JOB_KEY_PREFIX}${kind}`]: text });
}

/** Every stored job state, by kind, in one Properties read. */
export function readAllJobTexts(): Record<string, string> {
  return readFamily(JOB_KEY_PREFIX);
}

/**
 * Takes the runner's lease until `untilMs` unless another execution holds it. The script lock guards
 * only this read-and-write: holding it for a whole slice would stall form submissions for minutes.
 */
export function acquireLease(nowMs: number, untilMs: number): boolean {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return false;
  try {
    refreshProperties();
    const held = Number(readProperty('a4pa.jobs.lease') ?? '0');
    if (held > nowMs) return false;
    writeProperties({ 'a4pa.jobs.lease': String(untilMs) });
    return true;
  } finally {
    lock.releaseLock();
  }
}

export function releaseLease(): void {
  deleteProperties(['a4pa.jobs.lease']);
}

/**
 * Leaves at most one continuation trigger: every `runJobs` trigger is deleted (a one-shot trigger stays
 * listed after it fired) and, when `afterMs` is given, a fresh one-shot is created. A published Editor
 * add-on may refuse a trigger that soon; the open sidebar then drives the next slices, so the refusal
 * is returned rather than thrown.
 */
export function replaceContinuationTrigger(afterMs: number | null): string {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === CONTINUATION_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
  if (afterMs === null) return '';
  try {
    ScriptApp.newTrigger(CONTINUATION_HANDLER).timeBased().after(afterMs).create();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
