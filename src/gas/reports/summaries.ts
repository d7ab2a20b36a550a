/**
 * "Invia riepilogo ai comuni": the period's summaries go through the outbox (quota-aware: what the
 * daily quota blocks stays queued and goes on a later flush). Queuing sends nothing: the caller writes
 * `Registro` first and flushes after, so no referent reads a summary the log does not hold. The comuni already served in the period
 * are kept in one Script Property, so a second run in the month sends nothing even after the outbox's
 * window of recent keys has moved on.
 */
import type { ComuneSummary } from '../../core/reports/summary';
import { queueMail } from '../mail/outbox';
import { readProperty, writeProperties } from '../platform/properties';

interface PeriodRecord {
  period: string;
  done: string[];
}

/** The comuni (their summary keys) already served in the period. */
export function readDone(period: string): Set<string> {
  const raw = readProperty('a4pa.reports.summaries');
  if (!raw) return new Set();
  try {
    const parsed = JSON.parse(raw) as Partial<PeriodRecord>;
    return parsed.period === period && Array.isArray(parsed.done) ? new Set(parsed.done.map(String)) : new Set();
  } catch {
    return new Set();
  }
}

function writeDone(record: PeriodRecord): void {
  writeProperties({ 'a4pa.reports.summaries': JSON.stringify(record) });
}

export interface SummaryRun {
  /** Summaries queued by this run. */
  queued: number;
  /** Comuni already served in the period. */
  already: number;
  /** Summaries left for a later run because the outbox could not take them (its message). */
  deferred: number;
  deferReason: string;
}

export function deliverSummaries(
  summaries: readonly ComuneSummary[],
  period: string,
  sender: string,
  replyTo: string,
): SummaryRun {
  const done = readDone(period);
  let queued = 0;
  let already = 0;
  let deferred = 0;
  let deferReason = '';
  for (const s of summaries) {
    if (done.has(s.comune)) {
      already += 1;
      continue;
    }
    if (deferReason) {
      deferred += 1;
      continue;
    }
    const base = {
      to: s.to,
      subject: s.subject,
      body: s.body,
      htmlBody: s.htmlBody,
      dedupeKey: s.dedupeKey,
      name: sender || 'Academy4PA',
    };
    const message = replyTo ? { ...base, replyTo } : base;
    const outcome = queueMail(message);
    if (outcome === 'failed') {
      // Nothing is recorded for it, so a later run sends it: nothing is lost.
      deferReason = 'la coda email non ha potuto registrarlo (vedi Registro)';
      deferred += 1;
      continue;
    }
    if (outcome === 'duplicate') already += 1;
    else queued += 1;
    done.add(s.comune);
  }
  if (queued > 0 || already > 0) writeDone({ period, done: [...done] });
  return { queued, already, deferred, deferReason };
}
