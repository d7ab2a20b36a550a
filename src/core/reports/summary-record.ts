/**
 * The record of which comuni already have a period's summary, shared by the add-on and the worker:
 * one `Registro` line per summary, whose details begin with the summary's dedupe key
 * (`summary:<ISTAT>:<yyyy-MM>`). The add-on writes its line when it queues the mail (the outbox then
 * delivers it even after a crash), the worker right after each Gmail send; both skip a comune whose
 * key is recorded. Both can read `Registro` (the Sheets API reads it, a Script Property it could not)
 * and staff can see in it who got what.
 */
import type { ComuneSummary } from './summary';

/** The add-on's line: the summary is in the outbox, which sends it (now or when the quota allows). */
export const SUMMARY_QUEUED = 'Riepilogo accodato';
/** The worker's line: Gmail accepted the summary. */
export const SUMMARY_SENT = 'Riepilogo inviato';

const RECORD_ACTIONS: ReadonlySet<string> = new Set([SUMMARY_QUEUED, SUMMARY_SENT]);

/**
 * The key, then a space. A comune without ISTAT code is keyed by its normalised name, which may hold
 * spaces: the key ends at the first `:yyyy-MM` followed by a space or the end.
 */
const KEY_AT_START = /^(summary:.+?:\d{4}-(?:0[1-9]|1[0-2]))(?=\s|$)/;

/** A summaries' period: a calendar month, `yyyy-MM`. */
export function isSummaryPeriod(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** A line's details: the key first (what the readers look for), then who received it, for staff. */
export function summaryRecordDetails(summary: Pick<ComuneSummary, 'dedupeKey' | 'to' | 'name'>): string {
  return `${summary.dedupeKey} a ${summary.to} (${summary.name})`;
}

/**
 * The dedupe keys recorded for `period` by `Registro` lines. Other lines that name a key (the outbox's
 * «Email non accodata», «Email sospesa») do not count: only the two record actions do.
 */
export function recordedSummaryKeys(lines: Iterable<{ action: string; details: string }>, period: string): Set<string> {
  const suffix = `:${period}`;
  const out = new Set<string>();
  for (const line of lines) {
    if (!RECORD_ACTIONS.has(line.action.trim())) continue;
    const key = KEY_AT_START.exec(line.details.trim())?.[1];
    if (key?.endsWith(suffix)) out.add(key);
  }
  return out;
}
