/**
 * "Invia riepilogo ai comuni": the period's summaries go through the outbox (quota-aware: what the
 * daily quota blocks stays queued and goes on a later flush). The comuni already served in the period
 * are kept in one Script Property, so a second run in the month sends nothing even after the outbox's
 * window of recent keys has moved on.
 */
import type { ComuneSummary } from '../../core/reports/summary';
import { flushMail, queueMail, type FlushResult } from '../mail/outbox';

const DONE_KEY = 'a4pa.reports.summaries';

interface PeriodRecord {
  period: string;
  done: string[];
}

/** The comuni (their summary keys) already served in the period. */
export function readDone(period: string): Set<string> {
  const raw = PropertiesService.getScriptProperties().getProperty(DONE_KEY);
  if (!raw) return new Set();
  try {
    const parsed = JSON.parse(raw) as Partial<PeriodRecord>;
    return parsed.period === period && Array.isArray(parsed.done) ? new Set(parsed.done.map(String)) : new Set();
  } catch {
    return new Set();
  }
}

function writeDone(record: PeriodRecord): void {
  PropertiesService.getScriptProperties().setProperty(DONE_KEY, JSON.stringify(record));
}

export interface SummaryRun {
  /** Summaries queued by this run. */
  queued: number;
  /** Comuni already served in the period. */
  already: number;
  /** Summaries left for a later run because the outbox could not take them (its message). */
  deferred: number;
  deferReason: string;
  flush: FlushResult;
}

function mergeFlush(into: FlushResult, more: FlushResult): void {
  into.sent += more.sent;
  into.pending = more.pending;
  into.dropped.push(...more.dropped);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function deliverSummaries(
  summaries: readonly ComuneSummary[],
  period: string,
  sender: string,
  replyTo: string,
): SummaryRun {
  const done = readDone(period);
  const flush: FlushResult = { sent: 0, pending: 0, dropped: [] };
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
    let accepted: boolean;
    try {
      accepted = queueMail(message);
    } catch (error) {
      // The outbox is full: sending what waits makes room, unless the daily quota is spent, in which
      // case the rest waits for a later run (nothing is recorded for it, so nothing is lost).
      const drained = flushMail();
      mergeFlush(flush, drained);
      if (drained.sent === 0) {
        deferReason = errorText(error);
        deferred += 1;
        continue;
      }
      try {
        accepted = queueMail(message);
      } catch (retryError) {
        deferReason = errorText(retryError);
        deferred += 1;
        continue;
      }
    }
    if (accepted) queued += 1;
    else already += 1;
    done.add(s.comune);
  }
  if (queued > 0 || already > 0) writeDone({ period, done: [...done] });
  mergeFlush(flush, flushMail());
  return { queued, already, deferred, deferReason, flush };
}
