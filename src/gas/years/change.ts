/**
 * The year change as a job of src/gas/jobs/: each step of `CHANGE_PHASES` is an item, safe to repeat,
 * and marked done in one Script Property once it has run, so a slice stopped anywhere (time limit,
 * quota, a failing service) resumes at the step it was in without duplicating or losing a row.
 */
import type { JobWork } from '../../core/jobs/slice';
import { fitsInBudget, type JobParams, type JobState } from '../../core/jobs/state';
import { decodeTable, type Cell, type RegistryTab } from '../../core/registry/codec';
import { BusyError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { computeReports } from '../../core/reports/compute';
import { neutralizeCell, normalizeKey } from '../../core/text';
import {
  ARCHIVED_HOURS_HEADER,
  ARCHIVED_HOURS_TAB,
  ARCHIVED_RESPONSES_TAB,
  MOVED_TABS,
  nextEditionCode,
  pendingSteps,
  type MovedTab,
} from '../../core/years/change';
import { CATCH_UP_LIMIT, processPending, withScriptLock } from '../enrollment/process';
import {
  PROP_CHOICES,
  PROP_CLOSED_BY_ADDON,
  PROP_FORM_ID,
  PROP_WATERMARK,
  openFormById,
  publishForm,
} from '../enrollment/form';
import { PROP_ENROLLMENT_INDEX, loadEnrollmentData, openBook, rememberEnrollmentIndex } from '../enrollment/data';
import { forgetMeetImports } from '../attendance/meet-ledger';
import { readProperty, writeProperties } from '../platform/properties';
import { logEvent } from '../registry/log';
import { readSettings, writeSetting } from '../registry/settings';
import { readGrid, readTable, writeBlock } from '../registry/table';
import { academySpreadsheet, allSheets, formatInSpreadsheetZone, sheetNamed } from '../registry/workbook';
import { archiveTab, ensureArchive, openArchive, readArchivedGrid } from './archives';
import { moveRows, type MoveOptions, type MoveOutcome, type MoveProgress } from './move';

export const YEAR_JOB = 'training-year';
const CHANGE_KEY = 'a4pa.years.change';

/** The change under way or last made: which year closes, which opens, and the steps done. */
export interface YearChange {
  closed: number;
  year: number;
  startedAt: number;
  done: string[];
  /** Moves under way, by step (`move:Presenze`): where the next chunk starts. */
  moves?: Record<string, MoveProgress>;
}

/**
 * How long into an execution chunks of a move may still start: within the job slice's budget
 * (SLICE_BUDGET_MS, 270 s, counted from the same start), leaving the final writes their time.
 */
const MOVE_BUDGET_MS = 240_000;
/**
 * When this execution began: Apps Script evaluates the script afresh for each execution, so the module
 * is loaded at its start (the preview before the slice already took part of the 6 minutes).
 */
const executionStart = Date.now();

function parseMoves(v: unknown): Record<string, MoveProgress> {
  const out: Record<string, MoveProgress> = {};
  if (!v || typeof v !== 'object') return out;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
  for (const [step, p] of Object.entries(v as Record<string, Partial<MoveProgress>>)) {
    const { next, archived, base, kept, lastRow, digest, tail } = p ?? {};
    if (![next, archived, base, kept].every(whole)) continue;
    // What lets a resumed move trust its row number; without it the move rescans (move.ts, stillHolds).
    const check = whole(lastRow) && typeof digest === 'string' ? { lastRow, digest } : {};
    const range =
      Array.isArray(tail) && tail.length === 2 && tail.every(whole) ? { tail: tail as [number, number] } : {};
    out[step] = { next, archived, base, kept, ...check, ...range } as MoveProgress;
  }
  return out;
}

export function readChange(): YearChange | null {
  const text = readProperty(CHANGE_KEY);
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<YearChange>;
    if (typeof v.closed !== 'number' || typeof v.year !== 'number' || !Array.isArray(v.done)) return null;
    return {
      closed: v.closed,
      year: v.year,
      startedAt: Number(v.startedAt) || 0,
      done: v.done.map(String),
      moves: parseMoves(v.moves),
    };
  } catch {
    return null;
  }
}

export function writeChange(change: YearChange): void {
  writeProperties({ [CHANGE_KEY]: JSON.stringify(change) });
}

export function isComplete(change: YearChange): boolean {
  return pendingSteps(new Set(change.done)).length === 0;
}

export function yearJobLabel(params: JobParams): string {
  return `Nuovo anno formativo ${String(params.year ?? '')}`;
}

function enrollmentForm(): GoogleAppsScript.Forms.Form | null {
  const id = readProperty(PROP_FORM_ID) || readSettings().enrollmentFormId;
  return id ? openFormById(id) : null;
}

/** Runs `fn` under the script lock (form submissions and staff write the same tabs), or fails to retry. */
function locked<T>(fn: () => T): T {
  const result = withScriptLock(() => ({ value: fn() }));
  if (!result) throw new BusyError();
  return result.value;
}

/** External training dated after the closed year stays; so does a row whose date cannot be read. */
function externalStays(header: readonly unknown[], closed: number): (row: readonly unknown[]) => boolean {
  const at = header.findIndex((h) => normalizeKey(String(h ?? '')) === normalizeKey('Data'));
  return (row) => {
    if (at < 0) return false;
    const v = row[at];
    if (!(v instanceof Date)) return true;
    return Number(formatInSpreadsheetZone(v, 'yyyy')) > closed;
  };
}

/** The tabs the enrollment form writes its responses to. */
function responseTabs(formId: string): GoogleAppsScript.Spreadsheet.Sheet[] {
  return allSheets().filter((sheet) => {
    const url = sheet.getFormUrl();
    if (!url) return false;
    try {
      return FormApp.openByUrl(url).getId() === formId;
    } catch {
      return false;
    }
  });
}

function staffViewers(): string[] {
  const editors = academySpreadsheet()
    .getEditors()
    .map((u) => u.getEmail());
  return [...readSettings().staff, ...editors];
}

class YearChangeWork implements JobWork {
  readonly phased = true;
  private longestChunk = 0;

  constructor(private change: YearChange) {}

  /**
   * The steps of the first unfinished phase: a later phase's steps become pending, within the same
   * slice, once it is complete; a move stopped by the time budget stays pending for the next slice.
   */
  pending(): string[] {
    return pendingSteps(new Set(this.change.done));
  }

  run(step: string): void {
    const ready = pendingSteps(new Set(this.change.done));
    if (!ready.includes(step)) throw new Error(`«${step}» attende i passi precedenti (${ready.join(', ')}).`);
    if (this.perform(step) === 'unfinished') return;
    const moves = Object.fromEntries(
      Object.entries(this.change.moves ?? {}).filter(([key]) => key !== step && !key.startsWith(`${step}#`)),
    );
    this.change = { ...this.change, done: [...new Set([...this.change.done, step])], moves };
    writeChange(this.change);
  }

  /** Whether another chunk of a move fits in this execution (the longest chunk so far as the yardstick). */
  private mayContinue(): boolean {
    return fitsInBudget(Date.now() - executionStart, this.longestChunk, MOVE_BUDGET_MS);
  }

  private saveMove(step: string, progress: MoveProgress): void {
    this.change = { ...this.change, moves: { ...this.change.moves, [step]: progress } };
    writeChange(this.change);
  }

  /** One move's chunks, timed for `mayContinue`: 'unfinished' when the budget ran out first. */
  private moveTab(
    step: string,
    source: GoogleAppsScript.Spreadsheet.Sheet,
    name: string,
    options: Pick<MoveOptions, 'stays' | 'deleteRows'> = {},
  ): 'unfinished' | MoveOutcome {
    let chunkStart = Date.now();
    const outcome = moveRows(source, this.archive(), name, this.change.moves?.[step] ?? null, {
      ...options,
      mayContinue: () => {
        chunkStart = Date.now();
        return this.mayContinue();
      },
      save: (progress) => {
        this.longestChunk = Math.max(this.longestChunk, Date.now() - chunkStart);
        this.saveMove(step, progress);
      },
    });
    if (outcome.rescanned)
      logEvent(
        'Anno formativo: foglio riletto',
        `${source.getName()}: righe ordinate, inserite o eliminate durante il passaggio; riletto dall'inizio, ogni riga archiviata una volta`,
      );
    return outcome.complete ? outcome : 'unfinished';
  }

  close(): void {
    if (isComplete(this.change)) {
      logEvent(
        'Anno formativo aperto',
        `${this.change.year}: l'anno ${this.change.closed} è nell'archivio, il catalogo è in «Corsi» come Bozza`,
      );
    }
  }

  private archive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const archive = openArchive(this.change.closed);
    if (!archive) throw new Error(`L'archivio del ${this.change.closed} non si apre.`);
    return archive;
  }

  private perform(step: string): 'unfinished' | void {
    const { closed } = this.change;
    if (step === 'form-close') return this.closeForm();
    if (step === 'responses') return this.catchUpResponses();
    if (step === 'archive') {
      const when = formatInSpreadsheetZone(new Date(), 'dd/MM/yyyy HH:mm');
      ensureArchive(closed, staffViewers(), [
        ['Anno formativo', String(closed)],
        ['Archiviato il', when],
        ['Registro di origine', academySpreadsheet().getUrl()],
        [
          'Contenuto',
          "Corsi, sessioni, iscrizioni, presenze, attestati, formazione esterna e risposte al modulo dell'anno.",
        ],
      ]);
      return;
    }
    if (step.startsWith('move:')) return this.move(step.slice('move:'.length));
    if (step === 'hours') return this.writeHours();
    if (step === 'catalog') return this.copyCatalog();
    if (step === 'settings') {
      if (readSettings().year !== this.change.year) writeSetting('year', this.change.year);
      return;
    }
    if (step === 'form-reset') return this.resetForm();
    if (step === 'meet-ledger') {
      const forgotten = forgetMeetImports();
      if (forgotten > 0)
        logEvent('Anno formativo: memoria Meet svuotata', `${forgotten} voci delle sessioni del ${closed} archiviate`);
      return;
    }
    throw new Error(`Passo sconosciuto: ${step}`);
  }

  /** No response may arrive while its tabs move; the flag keeps choice refreshes from reopening it. */
  private closeForm(): void {
    const form = enrollmentForm();
    if (!form) return;
    form.setCustomClosedFormMessage(
      `Le iscrizioni dell'anno formativo ${this.change.closed} sono chiuse: il catalogo del ${this.change.year} sarà pubblicato a breve.`,
    );
    form.setAcceptingResponses(false);
    // The add-on's flag off: a choice refresh meanwhile (a manual enrollment) must not reopen it.
    writeProperties({ [PROP_CLOSED_BY_ADDON]: 'false' });
  }

  /** Every response already sent is processed before its year is archived: none is lost. */
  private catchUpResponses(): void {
    const form = enrollmentForm();
    if (!form) return;
    for (let round = 0; round < 8; round++) {
      const result = processPending(form, '');
      if (!result) throw new BusyError();
      if (result.processed < CATCH_UP_LIMIT) return;
    }
    throw new Error('Restano risposte del modulo da elaborare: il passaggio riprende al prossimo giro.');
  }

  private move(tab: string): 'unfinished' | void {
    if (tab === 'responses') {
      const formId = readProperty(PROP_FORM_ID) || readSettings().enrollmentFormId;
      if (!formId) return;
      return locked(() => {
        const sheets = responseTabs(formId);
        for (const [i, sheet] of sheets.entries()) {
          const name = i === 0 ? ARCHIVED_RESPONSES_TAB : `${ARCHIVED_RESPONSES_TAB} (${i + 1})`;
          const key = i === 0 ? 'move:responses' : `move:responses#${i + 1}`;
          if (this.moveTab(key, sheet, name, { deleteRows: true }) === 'unfinished') return 'unfinished';
        }
        return undefined;
      });
    }
    if (!(MOVED_TABS as readonly string[]).includes(tab)) throw new Error(`Foglio non previsto: ${tab}`);
    const sheet = sheetNamed(tab as MovedTab);
    if (!sheet) return;
    return locked(() => {
      const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
      const options = tab === TAB.formazioneEsterna ? { stays: externalStays(header, this.change.closed) } : {};
      const outcome = this.moveTab(`move:${tab}`, sheet, tab, options);
      if (outcome === 'unfinished') return 'unfinished';
      const moved = outcome.progress.archived - outcome.progress.base;
      if (moved > 0) logEvent('Anno formativo: righe archiviate', `${tab}: ${moved} righe nel ${this.change.closed}`);
      return undefined;
    });
  }

  /** Each employee's hours of the closed year, counted by the reports' own rules from the archived rows. */
  private writeHours(): void {
    const archive = this.archive();
    const decoded = <N extends RegistryTab>(tab: N) =>
      decodeTable(tab, readArchivedGrid(archive, tab), formatInSpreadsheetZone).rows.map((r) => r.record);
    const employees = readTable(TAB.dipendenti);
    const settings = readSettings();
    const reports = computeReports({
      year: this.change.closed,
      targetHours: settings.targetHours,
      now: `${this.change.closed + 1}-01-01 00:00`,
      comuni: [],
      employees: employees.rows.map((r) => r.record),
      courses: decoded(TAB.corsi),
      sessions: decoded(TAB.sessioni),
      enrollments: decoded(TAB.iscrizioni),
      attendance: decoded(TAB.presenze),
      certificates: decoded(TAB.attestati),
      externalTraining: decoded(TAB.formazioneEsterna),
    });
    const byId = new Map(employees.rows.map((r) => [r.record.id, r.record.email]));
    const rows: Cell[][] = reports.employees
      .filter((e) => e.hours > 0)
      .map((e) => [e.id, byId.get(e.id) ?? e.email, e.hours].map((v) => neutralizeCell(v) as Cell));
    const sheet = archiveTab(archive, ARCHIVED_HOURS_TAB, ARCHIVED_HOURS_HEADER);
    if (rows.length > 0) writeBlock(sheet, 2, 1, rows);
  }

  /**
   * The closed year's courses (cancelled ones aside) become `Bozza` editions with new codes, every other
   * column as it was; an edition already in `Corsi` (a repeated step) is not added again.
   */
  private copyCatalog(): void {
    const archived = readArchivedGrid(this.archive(), TAB.corsi);
    const sheet = sheetNamed(TAB.corsi);
    if (!sheet || archived.length < 2) return;
    locked(() => {
      const current = readGrid(sheet);
      const header = (current[0] ?? []).map((h) => normalizeKey(String(h ?? '')));
      const from = (archived[0] ?? []).map((h) => normalizeKey(String(h ?? '')));
      const codeAt = from.indexOf(normalizeKey('Codice'));
      const statusAt = from.indexOf(normalizeKey('Stato'));
      if (codeAt < 0) return;
      const present = new Set(
        current.slice(1).map((r) =>
          String(r[header.indexOf(normalizeKey('Codice'))] ?? '')
            .trim()
            .toUpperCase(),
        ),
      );
      const planned = new Set<string>();
      const rows: Cell[][] = [];
      for (const row of archived.slice(1)) {
        const code = String(row[codeAt] ?? '').trim();
        if (!code || String(row[statusAt] ?? '').trim() === 'Annullato') continue;
        const next = nextEditionCode(code, this.change.closed, this.change.year, planned);
        planned.add(next.toUpperCase());
        if (present.has(next.toUpperCase())) continue;
        rows.push(
          header.map((h) => {
            if (h === normalizeKey('Codice')) return next;
            if (h === normalizeKey('Stato')) return 'Bozza';
            const i = from.indexOf(h);
            return i < 0 || h === '' ? '' : (neutralizeCell(row[i] ?? '') as Cell);
          }),
        );
      }
      if (rows.length === 0) return;
      const start = Math.max(sheet.getLastRow(), 1) + 1;
      writeBlock(sheet, start, 1, rows);
      logEvent(
        'Anno formativo: catalogo copiato',
        `${rows.length} corsi del ${this.change.closed} in Bozza per il ${this.change.year}`,
      );
    });
  }

  /**
   * Same form, same URL (published on the comuni's intranets and in every calendar invitation): its
   * responses are emptied, the watermark and the enrollment tally start again, and publication puts the
   * new year's title and choices on it (closed until a course opens).
   */
  private resetForm(): void {
    locked(() => {
      const form = enrollmentForm();
      writeProperties({ [PROP_ENROLLMENT_INDEX]: '', [PROP_CHOICES]: '' });
      if (!form) return;
      form.deleteAllResponses();
      writeProperties({ [PROP_WATERMARK]: String(Date.now()), [PROP_CLOSED_BY_ADDON]: 'true' });
      const data = loadEnrollmentData({ comuni: true });
      publishForm(data, openBook(data));
      rememberEnrollmentIndex(data);
    });
  }
}

export function openYearChangeSlice(_params: JobParams, _state: JobState): JobWork {
  const change = readChange();
  if (!change) return { pending: () => [], run: () => undefined, close: () => undefined };
  return new YearChangeWork(change);
}
