/**
 * The demo academy over several training years: the first lived as `simulateYear` lives it, then each
 * next one opened as staff would open it. In early January staff run *Nuovo anno formativo*
 * (`startTrainingYear`, its job's continuations to the end), then review the `Bozza` editions it copied:
 * they type each edition's sessions (last year's, from the archive, moved 52 weeks on so the weekday
 * stays) into `Sessioni` as one pasted block, open the editions whose course was held, and publish the
 * form. The new year's story then runs as the first one did (./story.ts).
 */
import { DAY_MS } from '../../core/time/units';
import { nextEditionCode } from '../../core/years/change';
import { wallClock } from '../../core/time/zone';
import type { RunResult } from '../runtime/runtime';
import type { LocalAcademy } from '../runtime/session';
import type { ServiceName } from '../runtime/latency';
import { hostReadTab } from '../services/spreadsheet';
import { spreadsheetsState } from '../services/spreadsheet/model';
import type { RegistryRows } from './academy';
import { at, breathe, dayOf, finishJobs } from './clock';
import type { YearDriver, YearRecord } from './driver';
import { classicPlacement } from './placement';
import { liveYear } from './story';
import { simulateYear, type YearOptions } from './year';

export interface YearsOptions extends Pick<
  YearOptions,
  'employees' | 'courses' | 'seed' | 'bundle' | 'progress' | 'fastPast'
> {
  /** How many years in a row (two at least); the first is `year`, 2027 by default. */
  years: number;
  year?: number;
  /** Called at the end of each year's story, before the change that closes it (the last year's too). */
  onYearEnd?: (year: number, academy: LocalAcademy) => void;
}

/** A stretch of the academy's life: its executions and its Workspace calls by service. */
export interface Stretch {
  record: YearRecord;
  calls: Partial<Record<ServiceName, number>>;
}

export interface LivedYear extends Stretch {
  year: number;
}

/** The change into `year`: the job to its end, then staff's review of the catalog. */
export interface YearChangeStretch extends Stretch {
  year: number;
  review: Stretch;
}

export interface YearsOutcome {
  academy: LocalAcademy;
  years: LivedYear[];
  changes: YearChangeStretch[];
}

function callCounts(academy: LocalAcademy): Record<ServiceName, number> {
  return { ...academy.ws.counts };
}

/** The calls made since `before`, by service. */
function callsSince(academy: LocalAcademy, before: Record<ServiceName, number>): Partial<Record<ServiceName, number>> {
  const out: Partial<Record<ServiceName, number>> = {};
  for (const [service, count] of Object.entries(academy.ws.counts) as Array<[ServiceName, number]>) {
    const made = count - (before[service] ?? 0);
    if (made > 0) out[service] = made;
  }
  return out;
}

/** Runs `work`, recording its executions and calls apart from the rest. */
async function stretch(y: YearDriver, work: () => Promise<void> | void): Promise<Stretch> {
  y.nextRecord();
  const before = callCounts(y.academy);
  await work();
  return { calls: callsSince(y.academy, before), record: y.nextRecord() };
}

function mustRun(run: RunResult, what: string): void {
  if (!run.ok) throw new Error(`${what}: ${run.error ?? 'errore'}`);
}

type Rows = Array<Record<string, unknown>>;

/** A tab's rows by header, as staff read them on screen (the values `getValues` would give). */
function recordsOf(academy: LocalAcademy, spreadsheetId: string, tab: string): Rows {
  const table = hostReadTab(academy.ws, spreadsheetId, tab);
  if (!table) return [];
  return table.rows
    .filter((row) => row.some((v) => v !== '' && v !== null && v !== false))
    .map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i]])));
}

function archiveId(academy: LocalAcademy, year: number): string {
  const name = `Academy4PA - Archivio ${year}`;
  const found = Object.values(spreadsheetsState(academy.ws).byId).find((ss) => ss.name === name);
  if (!found) throw new Error(`nessun archivio «${name}»`);
  return found.id;
}

function isoDate(ms: number): string {
  const w = wallClock(ms);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

function hhmm(value: unknown): string {
  if (value instanceof Date) {
    const w = wallClock(value.getTime());
    return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
  }
  return String(value ?? '');
}

/** A session's day a year on: 52 weeks later (same weekday), a week more if that falls before February. */
function aYearOn(day: unknown, year: number): string {
  const ms = day instanceof Date ? day.getTime() : Date.parse(`${String(day)}T12:00:00Z`);
  let moved = ms + 364 * DAY_MS;
  if (isoDate(moved) < `${year}-02-01`) moved += 7 * DAY_MS;
  return isoDate(moved);
}

/**
 * Staff review the catalog the change copied: each `Bozza` edition gets last year's sessions a year on,
 * typed into `Sessioni` as one block, and the editions of courses that were held open for enrollment
 * (one typed cell each); then the form is published. Returns the new year's registry as staff typed it.
 */
function reviewCatalog(y: YearDriver, closed: number, year: number): RegistryRows {
  const { academy } = y;
  const archive = archiveId(academy, closed);
  const archivedCourses = recordsOf(academy, archive, 'Corsi');
  const archivedSessions = recordsOf(academy, archive, 'Sessioni');
  const planned = new Set<string>();
  const origin = new Map<string, Record<string, unknown>>();
  for (const course of archivedCourses) {
    if (String(course.Stato) === 'Annullato') continue;
    const code = nextEditionCode(String(course.Codice), closed, year, planned);
    planned.add(code.toUpperCase());
    origin.set(code, course);
  }
  const editions = recordsOf(academy, academy.spreadsheetId, 'Corsi').filter((c) => String(c.Stato) === 'Bozza');
  const sessions: Rows = [];
  const opened: string[] = [];
  for (const edition of editions) {
    const code = String(edition.Codice);
    const from = origin.get(code);
    if (!from) continue;
    const held = archivedSessions.filter((s) => s.Corso === from.Codice);
    for (const s of held) {
      sessions.push({
        Corso: code,
        Data: aYearOn(s.Data, year),
        Inizio: hhmm(s.Inizio),
        Fine: hhmm(s.Fine),
        Sede: s.Sede ?? '',
        Stato: 'Programmata',
      });
    }
    if (String(from.Stato) === 'Concluso' && held.length > 0) opened.push(code);
  }
  academy.append('Sessioni', sessions);
  for (const code of opened) academy.edit('Corsi', { Codice: code }, { Stato: 'Iscrizioni aperte' });
  mustRun(y.call('publishEnrollmentForm'), 'pubblicazione del modulo');
  return {
    Corsi: recordsOf(academy, academy.spreadsheetId, 'Corsi'),
    Sessioni: sessions,
    Dipendenti: recordsOf(academy, academy.spreadsheetId, 'Dipendenti'),
  };
}

/** Lives `options.years` training years in a row on one demo academy. */
export async function simulateYears(options: YearsOptions): Promise<YearsOutcome> {
  const first = await simulateYear({ ...options, year: options.year ?? 2027 });
  const { academy, driver: y } = first;
  const firstCalls = callCounts(academy);
  const say = options.progress ?? ((): void => undefined);
  const years: LivedYear[] = [
    { year: first.year, record: { runs: first.runs, failures: first.failures, stats: first.stats }, calls: firstCalls },
  ];
  const changes: YearChangeStretch[] = [];
  options.onYearEnd?.(first.year, academy);
  for (let year = first.year + 1; year < first.year + options.years; year++) {
    const closed = year - 1;
    say(`Nuovo anno formativo ${year}`);
    // December's daily triggers, and January's before the enrollment opens, belong to no year's figures.
    await stretch(y, () => y.until(at(year, 1, 4, 9)));
    const change = await stretch(y, async () => {
      mustRun(y.call('startTrainingYear', [year, { confirm: true }]), `Nuovo anno formativo ${year}`);
      finishJobs(academy);
      await breathe();
    });
    const placement = classicPlacement(year);
    let registry: RegistryRows = {};
    const review = await stretch(y, () => {
      registry = reviewCatalog(y, closed, year);
    });
    changes.push({ year, ...change, review });
    const opens = dayOf(placement.enrollmentOpens);
    await stretch(y, () => y.until(at(opens.year, opens.month, opens.day, 8, 30)));
    const lived = await stretch(y, () => liveYear(y, registry, placement, { say }));
    years.push({ year, ...lived });
    options.onYearEnd?.(year, academy);
  }
  return { academy, years, changes };
}
