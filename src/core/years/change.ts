/**
 * Closing a training year and opening the next (*Nuovo anno formativo*): which year may be opened, what
 * work is still unfinished, and the steps of the change in the order they must run. Pure: the adapter
 * (src/gas/years/) gathers the facts and performs the steps.
 */
import type { CandidateSources, CertRecordKey } from '../certificates/eligibility';
import { certificatesToIssue } from '../certificates/preview';
import { keyDigest } from '../mail/storage';

/** What staff must know before the year closes: each entry is a line of the preview and of the refusal. */
export interface UnfinishedWork {
  /** Requests still waiting for a seat, by course. */
  waiting: ReadonlyArray<{ course: string; count: number }>;
  /** Requests waiting for the comune's referent (`In approvazione`). */
  approvals: number;
  /** Requests from unknown addresses (`Da verificare`). */
  unverified: number;
  /** People eligible for a certificate of a `Concluso` course who have none yet. */
  certificatesToIssue: number;
  /** Certificates issued whose mail has not gone yet. */
  certificatesUnsent: number;
}

/** The unfinished work in the year's rows (the certificates as «Emetti attestati» would issue them). */
export function unfinishedWorkOf(
  year: Omit<CandidateSources, 'certificates'> & {
    certificates: ReadonlyArray<CertRecordKey & { sentAt: Date | null }>;
  },
): UnfinishedWork {
  const waiting = new Map<string, number>();
  let approvals = 0;
  let unverified = 0;
  for (const e of year.enrollments) {
    if (e.status === 'In attesa') waiting.set(e.course, (waiting.get(e.course) ?? 0) + 1);
    if (e.status === 'In approvazione') approvals += 1;
    if (e.status === 'Da verificare') unverified += 1;
  }
  return {
    waiting: [...waiting].map(([course, count]) => ({ course, count })),
    approvals,
    unverified,
    certificatesToIssue: certificatesToIssue(year),
    certificatesUnsent: year.certificates.filter((c) => c.sentAt === null).length,
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The unfinished work in Italian, one line per kind; empty when nothing is left. */
export function unfinishedLines(work: UnfinishedWork): string[] {
  const lines: string[] = [];
  const waiting = work.waiting.filter((w) => w.count > 0);
  if (waiting.length > 0) {
    const total = waiting.reduce((n, w) => n + w.count, 0);
    const list = waiting.map((w) => `${w.course} (${w.count})`).join(', ');
    lines.push(`${plural(total, "richiesta in lista d'attesa", "richieste in lista d'attesa")}: ${list}.`);
  }
  if (work.approvals > 0)
    lines.push(`${plural(work.approvals, 'richiesta attende', 'richieste attendono')} l'approvazione del referente.`);
  if (work.unverified > 0)
    lines.push(
      `${plural(work.unverified, 'richiesta «Da verificare»', 'richieste «Da verificare»')} senza dipendente.`,
    );
  if (work.certificatesToIssue > 0)
    lines.push(
      `${plural(work.certificatesToIssue, 'attestato da emettere', 'attestati da emettere')} per i corsi conclusi («Emetti attestati»).`,
    );
  if (work.certificatesUnsent > 0)
    lines.push(
      `${plural(work.certificatesUnsent, 'attestato emesso non ancora inviato', 'attestati emessi non ancora inviati')}.`,
    );
  return lines;
}

/**
 * Why `requested` cannot be opened now, or null: only the year after the current one, given as a whole
 * number, and only once.
 */
export function yearRefusal(currentYear: number, requested: unknown): string | null {
  const year = typeof requested === 'string' && /^\s*\d{4}\s*$/.test(requested) ? Number(requested) : requested;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    return `Indicare l'anno formativo da aprire come numero di quattro cifre (il prossimo è il ${currentYear + 1}).`;
  }
  if (year === currentYear) return `L'anno formativo ${year} è già aperto.`;
  if (year < currentYear)
    return `L'anno formativo ${year} è già chiuso: l'anno in corso è il ${currentYear}, si può aprire solo il ${currentYear + 1}.`;
  if (year !== currentYear + 1)
    return `Si può aprire solo l'anno successivo a quello in corso (${currentYear}): il ${currentYear + 1}, non il ${year}.`;
  return null;
}

/** The tabs whose closed-year rows move to the archive, in the order they move. */
export const MOVED_TABS = ['Corsi', 'Sessioni', 'Iscrizioni', 'Presenze', 'Attestati', 'Formazione esterna'] as const;
export type MovedTab = (typeof MOVED_TABS)[number];

/** The archive's tab holding the form's responses of the closed year. */
export const ARCHIVED_RESPONSES_TAB = 'Risposte modulo iscrizioni';
/** The archive's tab of hours per employee, computed once from the archived rows (reports read it). */
export const ARCHIVED_HOURS_TAB = 'Ore per dipendente';
export const ARCHIVED_HOURS_HEADER = ['ID', 'Email', 'Ore'] as const;

export function archiveName(year: number): string {
  return `Academy4PA - Archivio ${year}`;
}

/**
 * The steps of a year change in order. A step is done once and is safe to repeat (a killed execution
 * repeats the step it was in): each phase starts only when the previous phase is complete.
 */
export const CHANGE_PHASES: ReadonlyArray<readonly string[]> = [
  ['form-close', 'responses', 'archive'],
  [...MOVED_TABS.map((t) => `move:${t}`), 'move:responses'],
  ['hours', 'catalog', 'settings', 'form-reset', 'meet-ledger'],
];

/** The steps still to do: those of the first phase not complete (later phases wait for it). */
export function pendingSteps(done: ReadonlySet<string>): string[] {
  for (const phase of CHANGE_PHASES) {
    const left = phase.filter((s) => !done.has(s));
    if (left.length > 0) return left;
  }
  return [];
}

/**
 * The code of a course's edition in the new year: a trailing year (`-2027` or `-27`) becomes the new
 * one, otherwise the new year is appended; a code already taken gets `-2`, `-3`…
 */
export function nextEditionCode(code: string, closedYear: number, newYear: number, taken: ReadonlySet<string>): string {
  const short = String(closedYear).slice(2);
  let base: string;
  if (code.endsWith(`-${closedYear}`)) base = `${code.slice(0, -String(closedYear).length)}${newYear}`;
  else if (code.endsWith(`-${short}`)) base = `${code.slice(0, -short.length)}${String(newYear).slice(2)}`;
  else base = `${code}-${newYear}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate.toUpperCase()); n++) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * Cells one chunk of the archive move reads and writes: about 2 s a call under the latency model
 * (src/local/runtime/latency.ts), so a chunk of five calls takes some 10 s and a slice moves many before its budget.
 */
export const MOVE_CHUNK_CELLS = 60_000;

/** Rows in one chunk of a tab `width` columns wide. */
export function moveChunkRows(width: number): number {
  return Math.max(1, Math.floor(MOVE_CHUNK_CELLS / Math.max(1, width)));
}

/** A cell as `getValues` gives it, in a form two reads of the same row always agree on. */
function cellKey(v: unknown): string {
  if (v instanceof Date) return `d:${v.getTime()}`;
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  return `s:${String(v ?? '')}`;
}

export function rowKey(row: readonly unknown[], width: number): string {
  const cells: string[] = [];
  for (let i = 0; i < width; i++) cells.push(cellKey(row[i] ?? ''));
  return cells.join('\u0001');
}

/** No content: empty cells, or unticked checkboxes (a checkbox column reads `false` on every row). */
export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(
    (v) => v === '' || v === null || v === undefined || v === false || (typeof v === 'string' && v.trim() === ''),
  );
}

/** The rows below the header that have content: what the preview counts as moving. */
export function rowsWithContent(grid: ReadonlyArray<readonly unknown[]>): number {
  return grid.slice(1).filter((r) => !isBlankRow(r)).length;
}

/** Archived rows counted by content: what a chunk's rows are matched against. */
export function archivedCounts(archived: ReadonlyArray<readonly unknown[]>, width: number): Map<string, number> {
  const have = new Map<string, number>();
  for (const row of archived) {
    const key = rowKey(row, width);
    have.set(key, (have.get(key) ?? 0) + 1);
  }
  return have;
}

/**
 * The rows (indices into `rows`) the archive still lacks: each row to move that has no equal row left
 * in `have` (counted, so two identical rows need two archived ones). Each match is taken out of `have`,
 * so the chunks of one execution share one count and an archived row answers for one row only.
 */
export function takeMissing(
  rows: ReadonlyArray<readonly unknown[]>,
  moving: readonly number[],
  have: Map<string, number>,
  width: number,
): number[] {
  const out: number[] = [];
  for (const i of moving) {
    const key = rowKey(rows[i] ?? [], width);
    const left = have.get(key) ?? 0;
    if (left > 0) have.set(key, left - 1);
    else out.push(i);
  }
  return out;
}

/** `takeMissing` against archived rows given as a grid. A move repeated after a killed execution adds nothing. */
export function missingFromArchive(
  rows: ReadonlyArray<readonly unknown[]>,
  moving: readonly number[],
  archived: ReadonlyArray<readonly unknown[]>,
  width: number,
): number[] {
  return takeMissing(rows, moving, archivedCounts(archived, width), width);
}

/**
 * A short digest of a row's content (`rowKey`): the move records the first row it has not handled yet,
 * so that a later execution can tell whether the tab still has its rows where the progress says.
 */
export function rowDigest(row: readonly unknown[], width: number): string {
  return keyDigest(rowKey(row, width));
}

/**
 * Splits a tab's data rows (indices) into those that move and those that stay. `stays` says which rows
 * belong to the new year (external training dated after the closed year, a row whose date cannot be
 * read: it is staff's to fix, never dropped); blank rows are neither.
 */
export function splitRows(
  rows: ReadonlyArray<readonly unknown[]>,
  stays: (row: readonly unknown[]) => boolean,
): { moving: number[]; staying: number[] } {
  const moving: number[] = [];
  const staying: number[] = [];
  rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    if (stays(row)) staying.push(i);
    else moving.push(i);
  });
  return { moving, staying };
}
