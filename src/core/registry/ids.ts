/**
 * Human-readable identifiers (docs/product.md, "Identifiers"): employees `D00001`, enrollments `I00001`, sessions
 * `<Codice>-S<n>` counted per course in the order rows were added. An ID is assigned once and never
 * reused: the next one follows the highest ever issued, which the caller keeps outside the tab (a row
 * deleted by staff does not give its ID back).
 */

export type SequencePrefix = 'D' | 'I';

export const ID_DIGITS = 5;

export function formatSequenceId(prefix: SequencePrefix, n: number): string {
  return `${prefix}${String(n).padStart(ID_DIGITS, '0')}`;
}

/** The number of `D00042` (42), or null for anything else. */
export function sequenceNumber(prefix: SequencePrefix, id: string): number | null {
  const m = new RegExp(`^${prefix}(\\d+)$`).exec(id.trim());
  return m ? Number(m[1]) : null;
}

export function highestSequence(prefix: SequencePrefix, ids: Iterable<string>): number {
  let max = 0;
  for (const id of ids) {
    const n = sequenceNumber(prefix, id);
    if (n !== null && n > max) max = n;
  }
  return max;
}

export function sessionId(course: string, n: number): string {
  return `${course}-S${n}`;
}

export function sessionNumber(course: string, id: string): number | null {
  const trimmed = id.trim();
  const prefix = `${course}-S`;
  if (!trimmed.startsWith(prefix)) return null;
  const rest = trimmed.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

export interface IdAssignment {
  /** Sheet row. */
  row: number;
  id: string;
}

/** Rows of a tab as the ID planner needs them: the sheet row, the ID cell and, for sessions, the course. */
export interface IdRow {
  row: number;
  id: string;
  course?: string;
  /** Whether the row holds anything besides the ID (blank rows get no ID). */
  filled: boolean;
}

/**
 * IDs for the filled rows that have none, in row order, after `max(highest in the tab, issued)`.
 * Returns the assignments and the new highest issued.
 */
export function planSequenceIds(
  prefix: SequencePrefix,
  rows: readonly IdRow[],
  issued: number,
): { assignments: IdAssignment[]; issued: number } {
  let next = Math.max(
    issued,
    highestSequence(
      prefix,
      rows.map((r) => r.id),
    ),
  );
  const assignments: IdAssignment[] = [];
  for (const r of rows) {
    if (!r.filled || r.id.trim() !== '') continue;
    next += 1;
    assignments.push({ row: r.row, id: formatSequenceId(prefix, next) });
  }
  return { assignments, issued: next };
}

/**
 * Session IDs per course: a row without an ID gets `<course>-S<n>` with n after the highest of that
 * course in the tab and ever issued (`issued` by course). Rows without a course cannot get one yet.
 */
export function planSessionIds(
  rows: readonly IdRow[],
  issued: Readonly<Record<string, number>>,
): { assignments: IdAssignment[]; issued: Record<string, number> } {
  const highest: Record<string, number> = { ...issued };
  for (const r of rows) {
    const course = (r.course ?? '').trim();
    if (course === '') continue;
    const n = sessionNumber(course, r.id);
    if (n !== null && n > (highest[course] ?? 0)) highest[course] = n;
  }
  const assignments: IdAssignment[] = [];
  for (const r of rows) {
    const course = (r.course ?? '').trim();
    if (!r.filled || r.id.trim() !== '' || course === '') continue;
    const n = (highest[course] ?? 0) + 1;
    highest[course] = n;
    assignments.push({ row: r.row, id: sessionId(course, n) });
  }
  return { assignments, issued: highest };
}
