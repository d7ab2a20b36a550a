/**
 * "Invia riepilogo ai comuni": the period's summaries go through the outbox (quota-aware: what the
 * daily quota blocks stays queued and goes on a later flush). Queuing sends nothing: the caller writes
 * `Registro` first and flushes after, so no referent reads a summary the log does not hold.
 *
 * Which comuni already have the period's summary is the record the worker shares
 * (`src/core/reports/summary-record.ts`): one `Registro` line per summary queued, its details starting
 * with the dedupe key. A run skips a recorded comune, so a second run in the month (the add-on's or the
 * worker's) sends nothing even after the outbox's window of recent keys has moved on.
 *
 * Before that record, the comuni served were kept in the Script Property `a4pa.reports.summaries`
 * (one period's list). A month half-sent under it is still honoured: its comuni count as served, and
 * the first run that finds it writes their `Registro` lines (so the worker sees them too) and deletes it.
 */
import { recordedSummaryKeys, SUMMARY_QUEUED, summaryRecordDetails } from '../../core/reports/summary-record';
import { summaryEnvelope, type ComuneSummary } from '../../core/reports/summary';
import { TAB } from '../../core/registry/tabs';
import { queueMail } from '../mail/outbox';
import { deleteProperties, readProperty } from '../platform/properties';
import { logEvent } from '../registry/log';
import { readTable } from '../registry/table';

const LEGACY_KEY = 'a4pa.reports.summaries';

interface LegacyRecord {
  period: string;
  done: string[];
}

/** The old property's record, whatever its period; null when absent or unreadable. */
function readLegacy(): LegacyRecord | null {
  const raw = readProperty(LEGACY_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<LegacyRecord>;
    return {
      period: String(parsed.period ?? ''),
      done: Array.isArray(parsed.done) ? parsed.done.map(String) : [],
    };
  } catch {
    return { period: '', done: [] };
  }
}

/** Whether the old property is still stored (one look at the properties snapshot, no read of Registro). */
export function legacySummariesStored(): boolean {
  return readProperty(LEGACY_KEY) !== null;
}

/** Which comuni have the period's summary, and what of it only the old property knows. */
export interface SummaryRecord {
  /** Dedupe keys recorded in `Registro` or in the old property. */
  keys: Set<string>;
  /** Keys only the old property holds (their `Registro` lines are still to write). */
  legacyOnly: string[];
  /** Whether the old property is still stored (any period). */
  legacyStored: boolean;
}

/** The period's record: `Registro` in one read, and the old property (free: the properties snapshot). */
export function readSummaryRecord(period: string): SummaryRecord {
  const registro = recordedSummaryKeys(
    readTable(TAB.registro).rows.map((r) => r.record),
    period,
  );
  const legacy = readLegacy();
  const old = legacy && legacy.period === period ? legacy.done.map((comune) => `summary:${comune}:${period}`) : [];
  const legacyOnly = old.filter((key) => !registro.has(key));
  return { keys: new Set([...registro, ...legacyOnly]), legacyOnly, legacyStored: legacy !== null };
}

/**
 * Moves the old property's record into `Registro`: a line for each of its comuni not there yet, then
 * the property is deleted (once in a deployment's life). The lines go out with the caller's `flushLog`.
 */
export function migrateLegacySummaries(record: SummaryRecord): void {
  if (!record.legacyStored) return;
  for (const key of record.legacyOnly) logEvent(SUMMARY_QUEUED, `${key} (registrato dalla versione precedente)`);
  deleteProperties([LEGACY_KEY]);
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
  recorded: ReadonlySet<string>,
  envelope: ReturnType<typeof summaryEnvelope>,
): SummaryRun {
  let queued = 0;
  let already = 0;
  let deferred = 0;
  let deferReason = '';
  for (const s of summaries) {
    if (recorded.has(s.dedupeKey)) {
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
      name: envelope.name,
    };
    const message = envelope.replyTo ? { ...base, replyTo: envelope.replyTo } : base;
    const outcome = queueMail(message);
    if (outcome === 'failed') {
      // Nothing is recorded for it, so a later run (the add-on's or the worker's) sends it: nothing is lost.
      deferReason = 'la coda email non ha potuto registrarlo (vedi Registro)';
      deferred += 1;
      continue;
    }
    // A duplicate is in the outbox already (queued or sent) but not in Registro: an execution stopped
    // between its queueing and its log. Its line is written now, so the worker does not send it again.
    if (outcome === 'duplicate') already += 1;
    else queued += 1;
    logEvent(SUMMARY_QUEUED, summaryRecordDetails(s));
  }
  return { queued, already, deferred, deferReason };
}
