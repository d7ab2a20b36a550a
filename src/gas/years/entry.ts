/**
 * *Nuovo anno formativo*: the preview of what the change will do, `startTrainingYear(year)` (refusals in
 * Italian that change nothing, then the change as a resumable job) and the menu item, which shows the
 * preview and asks for confirmation.
 */
import type { JobProgress } from '../../core/jobs/state';
import { BusyError, UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import type { DecodedTables } from '../../core/registry/api-reads';
import type { RecordByTab } from '../../core/registry/codec';
import {
  MOVED_TABS,
  archiveName,
  nextEditionCode,
  rowsWithContent,
  unfinishedLines,
  unfinishedWorkOf,
  yearRefusal,
  type MovedTab,
  type UnfinishedWork,
} from '../../core/years/change';
import type { Settings } from '../../core/registry/schemas';
import { registerJobHandler } from '../jobs/handlers';
import { jobsProgress, readJob, runJobSlice, startJob } from '../jobs/runner';
import { serverAction } from '../platform/entry';
import { readProperty } from '../platform/properties';
import { PROP_FORM_URL } from '../enrollment/form';
import { logEvent } from '../registry/log';
import { readTablesTogether } from '../registry/api-tables';
import { readSettings } from '../registry/settings';
import { MissingTabError } from '../registry/table';
import { sheetNamed } from '../registry/workbook';
import { YEAR_JOB, isComplete, openYearChangeSlice, readChange, writeChange, yearJobLabel } from './change';

registerJobHandler(YEAR_JOB, { label: yearJobLabel, open: openYearChangeSlice });

export interface TrainingYearPreview {
  /** The year in progress and the one the change opens. */
  closing: number;
  opening: number;
  archive: string;
  /** Rows that move to the archive, by tab (external training dated after the year stays). */
  rows: Array<{ tab: string; count: number }>;
  /** The catalog's new editions, in `Bozza`. */
  editions: Array<{ from: string; to: string; title: string }>;
  /** Work still open: the change asks for confirmation when there is any. */
  unfinished: string[];
  /** Why the change cannot start now (a job running, a change already made…); '' when it can. */
  blocked: string;
  formUrl: string;
  message: string;
}

export interface TrainingYearResult {
  message: string;
  progress: JobProgress | null;
  preview: TrainingYearPreview;
}

type YearTables = Partial<DecodedTables<MovedTab>>;

/**
 * The tabs that move, each read once and together through the Sheets API (at 10,000 employees
 * `Iscrizioni` alone is some 40,000 rows, 12 s for one `getValues` under the latency model): the counts,
 * the catalog and the unfinished work all come from these reads. A missing tab moves no row; `required`
 * refuses it, as `readTable` would, where its records are needed.
 */
function readYearTables(): YearTables {
  return readTablesTogether(MOVED_TABS.filter((tab) => sheetNamed(tab) !== null));
}

function required<N extends MovedTab>(tables: YearTables, tab: N): NonNullable<YearTables[N]> {
  const table = tables[tab];
  if (!table) throw new MissingTabError(tab);
  return table;
}

function recordsOf<N extends MovedTab>(tables: YearTables, tab: N): Array<RecordByTab[N]> {
  return required(tables, tab).rows.map((r) => r.record);
}

/** Waitlists, approvals, unknown senders and certificates, as «Emetti attestati» would see them. */
function unfinishedWork(tables: YearTables, settings: Settings): UnfinishedWork {
  return unfinishedWorkOf({
    courses: recordsOf(tables, TAB.corsi),
    sessions: recordsOf(tables, TAB.sessioni),
    enrollments: recordsOf(tables, TAB.iscrizioni),
    attendance: recordsOf(tables, TAB.presenze),
    certificates: recordsOf(tables, TAB.attestati),
    defaultThreshold: settings.defaultThreshold,
  });
}

/** Rows with content: `getLastRow` counts checkbox cells (docs/google-behaviour.md, SHEETS-CHECKBOX-EMPTY). */
function rowsToMove(tables: YearTables): Array<{ tab: string; count: number }> {
  return MOVED_TABS.map((tab) => ({ tab, count: rowsWithContent(tables[tab]?.values ?? []) }));
}

/** Another long job running: the year's tabs would move under it. */
function runningJobs(): string[] {
  return jobsProgress()
    .filter((p) => p.status === 'in corso' && p.kind !== YEAR_JOB)
    .map((p) => p.label);
}

function buildPreview(requested: unknown): TrainingYearPreview {
  const settings = readSettings();
  const closing = settings.year;
  const opening = closing + 1;
  const tables = readYearTables();
  const courses = recordsOf(tables, TAB.corsi);
  const planned = new Set<string>();
  const editions = courses
    .filter((c) => c.status !== 'Annullato')
    .map((c) => {
      const to = nextEditionCode(c.code, closing, opening, planned);
      planned.add(to.toUpperCase());
      return { from: c.code, to, title: c.title };
    });
  const refusal = yearRefusal(closing, requested);
  const jobs = runningJobs();
  const blocked =
    refusal ??
    (jobs.length > 0 ? `È in corso «${jobs.join('», «')}»: attendere che finisca prima di chiudere l'anno.` : '');
  const unfinished = blocked ? [] : unfinishedLines(unfinishedWork(tables, settings));
  const rows = rowsToMove(tables);
  const moved = rows.reduce((n, r) => n + r.count, 0);
  const message = blocked
    ? blocked
    : `Chiusura del ${closing} e apertura del ${opening}: ${moved} righe nell'archivio «${archiveName(closing)}», ` +
      `${editions.length} corsi copiati in Bozza con i nuovi codici, numerazione attestati da A4PA-${opening}-00001, ` +
      `stesso modulo di iscrizione (stesso indirizzo), impostazioni invariate.` +
      (unfinished.length > 0 ? ` Lavoro non concluso: ${unfinished.join(' ')}` : '');
  return {
    closing,
    opening,
    archive: archiveName(closing),
    rows,
    editions,
    unfinished,
    blocked,
    formUrl: readProperty(PROP_FORM_URL) ?? '',
    message,
  };
}

/** What «Nuovo anno formativo» would do, and what stands in its way; changes nothing. */
export const previewTrainingYear = serverAction(
  'Anteprima nuovo anno formativo',
  (year?: number): TrainingYearPreview => buildPreview(year ?? readSettings().year + 1),
  { readOnly: true },
);

function progressOfChange(): JobProgress | null {
  return jobsProgress().find((p) => p.kind === YEAR_JOB) ?? null;
}

function outcome(year: number): string {
  const change = readChange();
  const progress = progressOfChange();
  if (change && change.year === year && isComplete(change))
    return `Anno formativo ${year} aperto: l'anno ${change.closed} è nell'archivio «${archiveName(change.closed)}», il catalogo è in «Corsi» come Bozza da rivedere.`;
  if (progress && progress.status === 'in corso')
    return `Passaggio al ${year}: ${progress.done} passi su ${progress.total} completati; il resto prosegue automaticamente.`;
  return `Passaggio al ${year} interrotto${progress?.failed ? ` (${progress.failed} passi non riusciti, vedi Registro)` : ''}: rilanciare «Nuovo anno formativo» per riprendere.`;
}

/**
 * Closes the current year and opens `year`, the next one. Refused, changing nothing, when the year is
 * not the next, when it is already open, while another execution holds the script lock or another job
 * runs; unfinished work (waitlists, approvals, certificates) is listed and needs `{ confirm: true }`. A
 * change stopped halfway is resumed by calling it again with the same year.
 */
function startYear(year: number, options?: { confirm?: boolean }): TrainingYearResult {
  const startedAt = Date.now();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(1000)) throw new BusyError();
  let preview: TrainingYearPreview;
  try {
    const change = readChange();
    const resuming = change !== null && change.year === Number(year) && !isComplete(change);
    const running = readJob(YEAR_JOB)?.status === 'running';
    preview = buildPreview(resuming ? readSettings().year : year);
    if (!resuming && !running) {
      if (preview.blocked) throw new UserError(preview.blocked);
      if (preview.unfinished.length > 0 && options?.confirm !== true) {
        throw new UserError(
          `Prima di chiudere il ${preview.closing}: ${preview.unfinished.join(' ')} Confermare per procedere comunque.`,
        );
      }
      writeChange({ closed: preview.closing, year: preview.opening, startedAt, done: [] });
      logEvent(
        'Nuovo anno formativo avviato',
        `${preview.closing} → ${preview.opening}${preview.unfinished.length > 0 ? ` (confermato con lavoro non concluso: ${preview.unfinished.join(' ')})` : ''}`,
      );
    }
    const target = resuming || running ? (change?.year ?? Number(year)) : preview.opening;
    startJob(YEAR_JOB, { year: target });
  } finally {
    lock.releaseLock();
  }
  runJobSlice(YEAR_JOB, startedAt);
  const opened = readChange()?.year ?? preview.opening;
  return { message: outcome(opened), progress: progressOfChange(), preview };
}

export const startTrainingYear = serverAction('Nuovo anno formativo', startYear);

/**
 * The menu item: the preview in a dialog, then the change on «Sì» (confirming the unfinished work the
 * dialog listed).
 */
export const startNextTrainingYear = serverAction('Nuovo anno formativo', (): void => {
  const ui = SpreadsheetApp.getUi();
  const preview = buildPreview(readSettings().year + 1);
  if (preview.blocked) {
    ui.alert('Nuovo anno formativo', preview.blocked, ui.ButtonSet.OK);
    return;
  }
  const answer = ui.alert('Nuovo anno formativo', `${preview.message}\n\nProcedere?`, ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return;
  const result = startYear(preview.opening, { confirm: true });
  ui.alert('Nuovo anno formativo', result.message, ui.ButtonSet.OK);
});
