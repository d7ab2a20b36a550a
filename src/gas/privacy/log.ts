/**
 * `Registro` past retention: the e-mail addresses of employees in old lines become their pseudonyms;
 * staff's own addresses stay, so who did what remains accountable.
 */
import { isPseudonymous, replaceEmails } from '../../core/privacy/retention';
import type { LogEntry } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { normalizeEmail } from '../../core/text';
import { readTable, updateRecords } from '../registry/table';
import type { Pseudonyms } from './pseudonyms';

export function anonymiseLog(
  cutoff: string,
  dayOf: (d: Date | null) => string,
  pseudonyms: Pseudonyms,
  staff: ReadonlySet<string>,
): number {
  const log = readTable(TAB.registro);
  const swap = (email: string): string | null =>
    staff.has(normalizeEmail(email)) || isPseudonymous(email) ? null : pseudonyms.ofEmail(email).email;
  const patches: Array<{ row: number; patch: Partial<LogEntry> }> = [];
  let changed = 0;
  for (const { row, record } of log.rows) {
    const day = dayOf(record.at);
    if (day === '' || day >= cutoff) continue;
    const who = replaceEmails(record.who, swap);
    const details = replaceEmails(record.details, swap);
    if (who !== record.who || details !== record.details) changed += 1;
    patches.push({ row, patch: { who, details } });
  }
  // Employees' lines are interleaved with staff's: the old lines go back as one block (the unchanged
  // ones as they are) rather than one write per run of changed lines.
  if (changed > 0) updateRecords(log, patches);
  return changed;
}
