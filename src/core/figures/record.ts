/**
 * The figures record: what the dashboard needs of the big registry tabs (`Dipendenti`, `Iscrizioni`,
 * `Presenze`, `Formazione esterna`), kept beside them so the sidebar need not read 40,000 rows to open.
 * Each tab's part holds its header and last row as recorded, the problems its own rows have (the codec's
 * messages, in the codec's order) and the tab's counts; `Iscrizioni` also keeps one short contribution
 * per row (its identifier, course and status), so the rows that changed since can be taken out of the
 * counts and put back as they are now. Rules that compare rows with each other (duplicated identifiers,
 * e-mails, references to another tab) are not folded row by row: where a change could touch one, the
 * tab is read whole again (`null` from the folds below).
 */
import * as z from 'zod/mini';
import { tallyEnrollments, type EnrollmentTally } from '../dashboard/summaries';
import { identityKey, type DecodedTable } from '../registry/codec';
import { crossCheck } from '../registry/checks';
import type { Employee, Enrollment, Problem } from '../registry/schemas';
import { ENROLLMENT_STATUS, TAB } from '../registry/tabs';
import { normalizeKey } from '../text';

export const RECORDED_TABS = [TAB.dipendenti, TAB.iscrizioni, TAB.presenze, TAB.formazioneEsterna] as const;
export type RecordedTab = (typeof RECORDED_TABS)[number];

export const FIGURES_VERSION = 1;

const problemSchema = z.object({ tab: z.string(), row: z.number(), column: z.string(), message: z.string() });

const tabPart = {
  header: z.array(z.string()),
  /** `getLastRow()` of the tab when the part was made. */
  lastRow: z.int().check(z.nonnegative()),
  /** The codec's problems of the tab's rows (header problems included), in the codec's order. */
  problems: z.array(problemSchema),
};

const employeeFiguresSchema = z.object({
  ...tabPart,
  /** Rows no check of the tab flags (its codec, duplicated identifiers and e-mails). */
  counted: z.int().check(z.nonnegative()),
  active: z.int().check(z.nonnegative()),
  /** `normalizeKey` of the comune of every decoded row: each must be a comune that counts. */
  comuneKeys: z.array(z.string()),
  /** The duplicated e-mails the cross-check reports, in its order. */
  emailDuplicates: z.array(problemSchema),
});

const statusCounts = z.partialRecord(z.enum(ENROLLMENT_STATUS), z.int().check(z.nonnegative()));

const enrollmentFiguresSchema = z.object({
  ...tabPart,
  tally: z.record(z.string(), statusCounts),
  /**
   * A high-water mark of the `I<n>` typed in the tab (never lowered by a fold): a row whose ID is above
   * it duplicates no other row.
   */
  maxSequence: z.int().check(z.nonnegative()),
  duplicates: z.boolean(),
});

const problemsOnlySchema = z.object(tabPart);

export const figuresRecordSchema = z.object({
  version: z.literal(FIGURES_VERSION),
  /** Raised by each save; the same number is kept in Script Properties, so an old copy is seen as stale. */
  generation: z.int().check(z.nonnegative()),
  tabs: z.object({
    [TAB.dipendenti]: z.optional(employeeFiguresSchema),
    [TAB.iscrizioni]: z.optional(enrollmentFiguresSchema),
    [TAB.presenze]: z.optional(problemsOnlySchema),
    [TAB.formazioneEsterna]: z.optional(problemsOnlySchema),
  }),
});

export type FiguresRecord = z.infer<typeof figuresRecordSchema>;
export type EmployeeFigures = z.infer<typeof employeeFiguresSchema>;
export type EnrollmentFigures = z.infer<typeof enrollmentFiguresSchema>;
export type ProblemsOnlyFigures = z.infer<typeof problemsOnlySchema>;
export type TabFigures = EmployeeFigures | EnrollmentFigures | ProblemsOnlyFigures;

/** The header as compared between reads: trailing empty cells do not matter. */
export function headerOf(row: readonly unknown[]): string[] {
  const out = row.map((v) => (v === null || v === undefined ? '' : String(v)));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

const SEQUENCE = /^I(\d+)$/;

function sequenceOf(key: string): number | null {
  const m = SEQUENCE.exec(key);
  return m ? Number(m[1]) : null;
}

/** `Iscrizioni`: what one sheet row contributes, as the record keeps it ('' for a blank row). */
export function enrollmentContribution(key: string, record: Pick<Enrollment, 'course' | 'status'> | null): string {
  if (record) return `${key}\t${record.course}\t${record.status}`;
  return key === '' ? '' : `${key}\t!`;
}

interface Contribution {
  key: string;
  counted: { course: string; status: Enrollment['status'] } | null;
}

function parseContribution(text: string): Contribution {
  const [key = '', course = '', status = ''] = text.split('\t');
  const known = (ENROLLMENT_STATUS as readonly string[]).includes(status);
  return { key, counted: known ? { course, status: status as Enrollment['status'] } : null };
}

function idKeyAt(table: DecodedTable<unknown>, row: number): string {
  const at = (table.columns as Record<string, number | undefined>).id;
  return at === undefined ? '' : identityKey(String(table.values[row - 1]?.[at - 1] ?? ''));
}

/** Every contribution of a whole decoded `Iscrizioni`, index 0 = sheet row 2. */
export function enrollmentContributions(table: DecodedTable<Enrollment>, lastRow: number): string[] {
  const valid = new Map(table.rows.map((r) => [r.row, r.record]));
  const out: string[] = [];
  for (let row = 2; row <= lastRow; row++)
    out.push(enrollmentContribution(idKeyAt(table, row), valid.get(row) ?? null));
  return out;
}

export function employeeFigures(table: DecodedTable<Employee>, lastRow: number): EmployeeFigures {
  const emailDuplicates = crossCheck({ employees: table.rows });
  const flagged = new Set(emailDuplicates.map((p) => p.row));
  const counted = table.rows.filter((r) => !flagged.has(r.row));
  return {
    header: headerOf(table.header),
    lastRow,
    problems: table.problems,
    counted: counted.length,
    active: counted.filter((r) => r.record.active).length,
    comuneKeys: [...new Set(table.rows.map((r) => normalizeKey(r.record.comune)))],
    emailDuplicates,
  };
}

export function enrollmentFigures(table: DecodedTable<Enrollment>, lastRow: number): EnrollmentFigures {
  let maxSequence = 0;
  for (let row = 2; row <= table.values.length; row++) {
    const n = sequenceOf(idKeyAt(table, row));
    if (n !== null && n > maxSequence) maxSequence = n;
  }
  return {
    header: headerOf(table.header),
    lastRow,
    problems: table.problems,
    tally: tallyEnrollments(table.rows.map((r) => r.record)),
    maxSequence,
    duplicates: table.duplicateIds.size > 0,
  };
}

export function problemsOnlyFigures(table: DecodedTable<unknown>, lastRow: number): ProblemsOnlyFigures {
  return { header: headerOf(table.header), lastRow, problems: table.problems };
}

/** What changed in a tab since its part was made: the rows to read again, decoded on their own. */
export interface TabChange<T> {
  header: string[];
  lastRow: number;
  /** Sheet rows written or typed since (appended rows included), ascending. */
  rows: readonly number[];
  /** Those rows decoded with the current header (every other row blank). */
  decoded: DecodedTable<T>;
}

function mergedProblems(previous: readonly Problem[], change: TabChange<unknown>): Problem[] {
  const dirty = new Set(change.rows);
  return [...previous.filter((p) => !dirty.has(p.row)), ...change.decoded.problems].sort((a, b) => a.row - b.row);
}

function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** A part folds when its header is the same and sound, and no row above its last one went away. */
function foldable(previous: ProblemsOnlyFigures, change: TabChange<unknown>): boolean {
  return (
    sameHeader(previous.header, change.header) &&
    !previous.problems.some((p) => p.row <= 1) &&
    change.lastRow >= previous.lastRow &&
    !change.rows.includes(1)
  );
}

/** `Presenze`, `Formazione esterna`: each row's problems are its own, so the changed rows replace theirs. */
export function foldProblemsOnly(
  previous: ProblemsOnlyFigures,
  change: TabChange<unknown>,
): ProblemsOnlyFigures | null {
  if (!foldable(previous, change)) return null;
  return { header: change.header, lastRow: change.lastRow, problems: mergedProblems(previous.problems, change) };
}

function addTo(tally: EnrollmentTally, course: string, status: Enrollment['status'], n: number): void {
  const byStatus = (tally[course] ??= {});
  const next = (byStatus[status] ?? 0) + n;
  if (next === 0) delete byStatus[status];
  else byStatus[status] = next;
  if (Object.keys(byStatus).length === 0) delete tally[course];
}

/**
 * `Iscrizioni`: the changed rows' old contributions leave the counts and their current ones enter.
 * Null (read the tab whole) when the tab has duplicated identifiers, or when a row takes an identifier
 * that is not a fresh `I<n>` above every one recorded: that could make a duplicate elsewhere in the tab.
 * An identifier cleared cannot (there was no duplicate to undo).
 */
export function foldEnrollments(
  previous: EnrollmentFigures,
  change: TabChange<Enrollment>,
  oldContributions: ReadonlyMap<number, string>,
): { figures: EnrollmentFigures; contributions: Map<number, string> } | null {
  if (!foldable(previous, change) || previous.duplicates || change.decoded.duplicateIds.size > 0) return null;
  const tally: EnrollmentTally = JSON.parse(JSON.stringify(previous.tally)) as EnrollmentTally;
  const valid = new Map(change.decoded.rows.map((r) => [r.row, r.record]));
  const contributions = new Map<number, string>();
  let maxSequence = previous.maxSequence;
  const fresh = new Set<string>();
  for (const row of change.rows) {
    const old = parseContribution(oldContributions.get(row) ?? '');
    const key = idKeyAt(change.decoded, row);
    if (key !== old.key && key !== '') {
      const n = sequenceOf(key);
      if (n === null || n <= previous.maxSequence || fresh.has(key)) return null;
      fresh.add(key);
      maxSequence = Math.max(maxSequence, n);
    }
    if (old.counted) addTo(tally, old.counted.course, old.counted.status, -1);
    const now = valid.get(row) ?? null;
    if (now) addTo(tally, now.course, now.status, 1);
    contributions.set(row, enrollmentContribution(key, now));
  }
  return {
    figures: {
      header: change.header,
      lastRow: change.lastRow,
      problems: mergedProblems(previous.problems, change),
      tally,
      maxSequence,
      duplicates: false,
    },
    contributions,
  };
}

/** FNV-1a over the record's JSON: a record edited by hand or cut short no longer matches its checksum. */
export function checksumOf(record: FiguresRecord): string {
  const text = JSON.stringify(record);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
