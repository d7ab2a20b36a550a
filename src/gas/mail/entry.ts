/**
 * The outbox's own entry point and setup: `sendQueuedMail`, a one-shot trigger that goes on sending a
 * backlog (e.g. the day after a day without quota) until nothing waits, so a thousand mails go within
 * the hour instead of a few dozen at each hourly reconciliation; and the hidden `Posta in uscita` tab,
 * made by Configura.
 */
import { withScriptLock } from '../enrollment/process';
import { requireOwnTriggerOrStaff } from '../platform/auth';
import { BusyError } from '../../core/registry/errors';
import { serverAction } from '../platform/entry';
import { withRetry } from '../platform/retry';
import { flushLog, logEvent } from '../registry/log';
import { registerSetupStep } from '../setup/steps';
import { flushMail, MAILS_PER_LOCK, MAX_PER_EXECUTION, pendingMailCount, requeueParkedMail } from './outbox';
import { ensureOutboxSheet } from './store';

export const DRAIN_HANDLER = 'sendQueuedMail';
/** Sending stops this long into an execution, well under the 6-minute limit. */
const DRAIN_BUDGET_MS = 240_000;
const CONTINUE_AFTER_MS = 60_000;

export interface DrainResult {
  sent: number;
  pending: number;
  /** Whether a continuation was scheduled for what is left. */
  continues: boolean;
}

/**
 * Sends what waits, oldest first, a few mails per hold of the script lock, until nothing waits, the
 * daily quota is spent or the execution's budget is used; when mail is left for a reason that the next
 * minute can fix (the budget, a busy lock), one continuation trigger is left for it. `inTrigger`: called
 * by that trigger, whose spent one-shot must go even when nothing is left.
 */
export function drainOutbox(startedAt: number, inTrigger = false): DrainResult {
  let sent = 0;
  let more = false;
  for (;;) {
    if (Date.now() - startedAt > DRAIN_BUDGET_MS || sent >= MAX_PER_EXECUTION) {
      more = true;
      break;
    }
    const piece = withScriptLock(() => flushMail(MAILS_PER_LOCK));
    if (!piece) {
      more = true;
      break;
    }
    sent += piece.sent;
    if (piece.stoppedBy !== 'limit' || piece.sent === 0) break;
  }
  const pending = pendingMailCount();
  const continues = more && pending > 0;
  if (continues || inTrigger) replaceContinuation(continues);
  flushLog();
  return { sent, pending, continues };
}

/** At most one continuation: spent one-shots are deleted (they stay listed after firing). */
function replaceContinuation(wanted: boolean): void {
  for (const t of withRetry('ScriptApp.getProjectTriggers', () => ScriptApp.getProjectTriggers())) {
    if (t.getHandlerFunction() === DRAIN_HANDLER) ScriptApp.deleteTrigger(t);
  }
  if (!wanted) return;
  try {
    ScriptApp.newTrigger(DRAIN_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
  } catch (error) {
    // Without the trigger the hourly reconciliation still sends the rest.
    logEvent('Email: trigger non creato', error instanceof Error ? error.message : String(error));
  }
}

/** The outbox's continuation trigger (or staff, by hand). */
export function sendQueuedMail(event?: { triggerUid?: string }): DrainResult {
  const startedAt = Date.now();
  const by = requireOwnTriggerOrStaff(DRAIN_HANDLER, event, 'Invio email in coda');
  return drainOutbox(startedAt, by === 'trigger');
}

export interface RetryParkedResult {
  message: string;
  requeued: number;
  stillParked: number;
  sent: number;
  pending: number;
}

/**
 * «Riprova le email sospese»: the parked mails go back in line and as many as the quota allows go now;
 * the rest follows with the outbox's continuation. Each mail still goes at most once (its dedupe key).
 */
export const retryParkedMail = serverAction('Riprova le email sospese', (): RetryParkedResult => {
  const back = requeueParkedMail();
  if (!back) throw new BusyError();
  flushLog();
  const drained = back.requeued > 0 ? drainOutbox(Date.now()) : { sent: 0, pending: pendingMailCount() };
  const parts: string[] = [];
  if (back.requeued === 0 && back.stillParked === 0) parts.push('Nessuna email sospesa.');
  else if (back.requeued > 0)
    parts.push(`${back.requeued} email sospese rimesse in coda: ${drained.sent} inviate ora.`);
  if (drained.pending > 0)
    parts.push(`${drained.pending} email in coda partiranno appena la quota giornaliera lo consente.`);
  if (back.stillParked > 0)
    parts.push(
      `${back.stillParked} restano sospese perché non possono partire così come sono (vedere «Posta in uscita» e Registro).`,
    );
  return {
    message: parts.join(' '),
    requeued: back.requeued,
    stillParked: back.stillParked,
    sent: drained.sent,
    pending: drained.pending,
  };
});

registerSetupStep({
  name: 'Posta in uscita',
  run: () => (ensureOutboxSheet().created ? 'foglio nascosto «Posta in uscita» per le email in attesa' : ''),
});
