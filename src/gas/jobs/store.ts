/**
 * The job runner's Apps Script adapters: job states in Script Properties, the slice lease, and the
 * one-shot continuation trigger. Each function touches its service and does nothing else.
 */

export const JOB_KEY_PREFIX = 'a4pa.job.';
const LEASE_KEY = 'a4pa.jobs.lease';
export const CONTINUATION_HANDLER = 'runJobs';

export function readJobText(kind: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(JOB_KEY_PREFIX + kind);
}

export function writeJobText(kind: string, text: string): void {
  PropertiesService.getScriptProperties().setProperty(JOB_KEY_PREFIX + kind, text);
}

/** Every stored job state, by kind, in one Properties read. */
export function readAllJobTexts(): Record<string, string> {
  const all = PropertiesService.getScriptProperties().getProperties();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(JOB_KEY_PREFIX)) out[key.slice(JOB_KEY_PREFIX.length)] = value;
  }
  return out;
}

/**
 * Takes the runner's lease until `untilMs` unless another execution holds it. The script lock guards
 * only this read-and-write: holding it for a whole slice would stall form submissions for minutes.
 */
export function acquireLease(nowMs: number, untilMs: number): boolean {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return false;
  try {
    const props = PropertiesService.getScriptProperties();
    const held = Number(props.getProperty(LEASE_KEY) ?? '0');
    if (held > nowMs) return false;
    props.setProperty(LEASE_KEY, String(untilMs));
    return true;
  } finally {
    lock.releaseLock();
  }
}

export function releaseLease(): void {
  PropertiesService.getScriptProperties().deleteProperty(LEASE_KEY);
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
