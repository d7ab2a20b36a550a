/**
 * A whole training year of the demo academy, driven as people would drive it: staff set the academy up
 * and publish the form; employees send it over the enrollment window (a few twice, some cancelling, a
 * few from addresses nobody knows); staff enroll a couple of people by hand; the calendar is synced;
 * each month the courses that ended get their attendance register ticked (about one absence in ten, a
 * few partial hours), are set to `Concluso` and get their certificates (a job that continues across
 * executions as the clock moves on); at the end of the year the reports are refreshed and the comuni
 * get their summaries. Time advances between events, so the add-on's time-driven triggers run as on
 * Google. Deterministic for a given seed.
 *
 * Over 600 lines on purpose: it is one year's story told in order, each step reading what the steps
 * before it left (the random draws included, so the seed replays it); the academy and catalog it starts
 * from live apart (./academy.ts, ./catalog.ts).
 */
import { seededRandom } from '../runtime/random';
import { demoRegistry, demoSettings, type RegistryRows } from './academy';
import { classicPlacement, type YearPlacement } from './placement';
import { prepareAcademy, runStep } from '../scenario/runner';
import { LocalAcademy } from '../runtime/session';
import type { RunResult } from '../runtime/runtime';
import { wallClock, zonedToUtc } from '../../core/time/zone';
import { nextOccurrence, triggerState } from '../runtime/triggers';
import { editEvent } from '../services/spreadsheet';
import { hostSubmit } from '../services/forms';
import { enrollmentSubmission } from '../scenario/submit';
import { writeTyped } from '../services/spreadsheet/cells';
import { conventionsOf, normalizeHeader, sheetByName, spreadsheetData } from '../services/spreadsheet/model';

export interface YearOptions {
  /** The classic year (enrollment from 11 January, sessions February to November); 2027 by default. */
  year?: number;
  /** Another placement of the year (`placementAround`); it wins over `year`. */
  placement?: YearPlacement;
  /**
   * Stop at this instant: the months before it lived, the reports refreshed and the comuni's summaries
   * sent then, the courses after it still open. Without it the whole year runs to its end.
   */
  until?: number;
  /**
   * Live the past quickly, for a playground that must open soon: the form's responses of each day are
   * taken in by one run of the hourly reconciliation at 18:00 (the trigger Google runs when a submit
   * trigger is missed) instead of one form-submit execution each, and the reconciliation's other
   * hourly occurrences, which would find nothing to do, are passed over. Daily triggers, the jobs'
   * continuations and every staff action still run.
   */
  fastPast?: boolean;
  /** About how many employees (spread over the 50 comuni by population). */
  employees?: number;
  /** Keep only the first N courses of the catalog (with their sessions): a small academy for tests. */
  courses?: number;
  seed?: number;
  bundle?: string;
  /** Called with a short Italian line at each stage. */
  progress?: (line: string) => void;
}

export interface YearStats {
  submissions: number;
  duplicates: number;
  cancellations: number;
  unknownEmails: number;
  staffEnrollments: number;
  coursesConcluded: number;
  attendanceRows: number;
  absences: number;
  partialHours: number;
}

export interface YearOutcome {
  academy: LocalAcademy;
  year: number;
  startMs: number;
  /** Every Apps Script execution the year needed, in order. */
  runs: RunResult[];
  /** Executions that ended in an error (a refusal shown to a user counts here too), with what ran. */
  failures: Array<{ what: string; error: string }>;
  stats: YearStats;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Courses people of an office look for first (code prefixes of the catalog's families). */
const OFFICE_INTERESTS: Record<string, string[]> = {
  'Anagrafe e stato civile': ['SPOL', 'APPIO', 'TEL-CITT', 'DOCDIG'],
  Protocollo: ['DOCDIG', 'WRD', 'GDPR', 'SPOL'],
  Segreteria: ['DOCDIG', 'WRD', 'GDPR', 'GWS'],
  Tributi: ['PAGOPA', 'EXC', 'APPIO', 'TEL-CITT'],
  Ragioneria: ['EXC', 'PAGOPA', 'GWS'],
  'Ufficio tecnico': ['SUE', 'COM-TEC', 'EXC'],
  'Edilizia privata (SUE)': ['SUE', 'COM-TEC', 'DOCDIG'],
  SUAP: ['SUAP', 'DOCDIG', 'PAGOPA'],
  'Lavori pubblici': ['EXC', 'COM-TEC', 'DOCDIG'],
  'Polizia locale': ['CYBER', 'GDPR', 'TEL-CITT'],
  'Servizi sociali': ['TEL-CITT', 'GDPR', 'WRD'],
  'Sportello polifunzionale': ['SPOL', 'TEL-CITT', 'APPIO', 'PAGOPA'],
  Biblioteca: ['GWS', 'WRD', 'CYBER'],
  Personale: ['EXC', 'GDPR', 'LEAD'],
};
const EVERYONE = ['CYBER', 'GDPR', 'GWS', 'WRD', 'EXC'];

/** Lets the event loop turn, so V8 can free the contexts of the executions that have finished. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function at(year: number, month: number, day: number, hour: number, minute = 0): number {
  return zonedToUtc({ year, month, day, hour, minute, second: 0 });
}

interface Course {
  code: string;
  status: string;
  audience: string[];
  lastSession: string;
}

interface Person {
  email: string;
  role: string;
  office: string;
  active: boolean;
}

/** The demo registry, cut to its first `courses` courses (and their sessions) when asked. */
export function yearRegistry(
  options: Pick<YearOptions, 'year' | 'placement' | 'employees' | 'courses' | 'seed'>,
): RegistryRows {
  const placement = options.placement ?? classicPlacement(options.year ?? 2027);
  const registry = demoRegistry({
    year: placement.year,
    sessions: { from: placement.sessionsFrom, to: placement.sessionsTo },
    employees: options.employees,
    seed: options.seed,
  });
  if (options.courses === undefined) return registry;
  const corsi = (registry.Corsi ?? []).slice(0, options.courses);
  const codes = new Set(corsi.map((c) => String(c.Codice)));
  return { ...registry, Corsi: corsi, Sessioni: (registry.Sessioni ?? []).filter((s) => codes.has(String(s.Corso))) };
}

function coursesOf(registry: RegistryRows): Course[] {
  const last = new Map<string, string>();
  for (const s of registry.Sessioni ?? []) {
    const code = String(s.Corso);
    const date = String(s.Data);
    if ((last.get(code) ?? '') < date) last.set(code, date);
  }
  return (registry.Corsi ?? []).map((c) => ({
    code: String(c.Codice),
    status: String(c.Stato),
    audience: String(c.Destinatari ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    lastSession: last.get(String(c.Codice)) ?? '',
  }));
}

function peopleOf(registry: RegistryRows): Person[] {
  return (registry.Dipendenti ?? []).map((e) => ({
    email: String(e.Email),
    role: String(e.Ruolo),
    office: String(e.Ufficio),
    active: e.Attivo === true,
  }));
}

/** The 1-4 courses a person picks: by office first, then what everyone takes, among open courses for their role. */
function choose(person: Person, open: Course[], random: () => number): string[] {
  const eligible = open.filter((c) => c.audience.length === 0 || c.audience.includes(person.role));
  const interests = [
    ...(OFFICE_INTERESTS[person.office] ?? []),
    ...(person.role === 'Dipendente' ? [] : ['LEAD']),
    ...EVERYONE,
  ];
  const wanted = 1 + Math.floor(random() * random() * 4);
  const picked: string[] = [];
  for (const family of interests) {
    if (picked.length >= wanted) break;
    if (random() < 0.45) continue;
    const editions = eligible.filter(
      (c) => c.code.startsWith(`${family}-`) && !picked.some((p) => p.startsWith(`${family}-`)),
    );
    const edition = editions[Math.floor(random() * editions.length)];
    if (edition) picked.push(edition.code);
  }
  if (picked.length === 0 && eligible.length > 0)
    picked.push((eligible[Math.floor(random() * eligible.length)] as Course).code);
  return picked;
}

/** Minutes after midnight of a session time: `HH:mm` text, an ISO string or a time cell (a Date). */
function minutesOfDay(value: unknown): number | null {
  if (value instanceof Date) {
    const w = wallClock(value.getTime());
    return w.hour * 60 + w.minute;
  }
  const m = /(?:^|T)(\d{1,2}):(\d{2})/.exec(String(value ?? ''));
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** A session's length in hours from its `Inizio` and `Fine` cells (0 when unreadable). */
export function sessionLength(start: unknown, end: unknown): number {
  const a = minutesOfDay(start);
  const b = minutesOfDay(end);
  return a === null || b === null || b <= a ? 0 : (b - a) / 60;
}

/**
 * Lets the job runner's one-shot continuation triggers run, the clock moving to each, until no job
 * schedules another slice (bounded: a job that never ends is the add-on's bug to show, not to hang on).
 */
export function finishJobs(academy: LocalAcademy, maxSlices = 500): void {
  for (let i = 0; i < maxSlices; i++) {
    const pending = triggerState(academy.ws).triggers.filter(
      (t) => t.handler === 'runJobs' && t.type === 'CLOCK' && t.nextAtMs !== null,
    );
    if (pending.length === 0) return;
    const next = Math.max(Math.min(...pending.map((t) => t.nextAtMs as number)), academy.now() + MINUTE);
    academy.advance((next - academy.now()) / MINUTE);
  }
}

/**
 * Calls `sink` after every Apps Script execution of the academy (calls, triggers, edit and form events):
 * they all go through `Runtime.run`.
 */
export function recordExecutions(academy: LocalAcademy, sink: (fn: string, run: RunResult) => void): void {
  const runtime = academy.runtime;
  const run = runtime.run.bind(runtime);
  runtime.run = (fn, args, options) => {
    const result = run(fn, args, options);
    sink(fn, result);
    return result;
  };
}

class Year {
  readonly runs: RunResult[] = [];
  readonly failures: Array<{ what: string; error: string }> = [];
  readonly stats: YearStats = {
    submissions: 0,
    duplicates: 0,
    cancellations: 0,
    unknownEmails: 0,
    staffEnrollments: 0,
    coursesConcluded: 0,
    attendanceRows: 0,
    absences: 0,
    partialHours: 0,
  };

  constructor(
    readonly academy: LocalAcademy,
    readonly random: () => number,
    private readonly fast: boolean,
  ) {
    recordExecutions(academy, (fn, run) => {
      // Only what the summary needs: a year's results (dashboards, job reports) would pile up in memory.
      this.runs.push({ ok: run.ok, value: null, elapsedMs: run.elapsedMs });
      if (!run.ok) this.failures.push({ what: fn, error: run.error ?? 'errore sconosciuto' });
    });
  }

  call(fn: string, args: unknown[] = []): RunResult {
    return this.academy.call(fn, args);
  }

  /**
   * The clock moves on to `ms` (never back); due time-driven triggers run. It moves a day at a time and
   * lets the event loop turn in between: V8 frees the script contexts of finished executions only then,
   * and a year holds thousands of them.
   */
  async until(ms: number): Promise<void> {
    // The emulated clock keeps fractions of a millisecond; the runtime advances by whole ones.
    while (ms - this.academy.now() >= 1) {
      const step = Math.min(ms - this.academy.now(), DAY);
      if (this.fast) this.skipHourlyUntil(this.academy.now() + step);
      this.academy.advance(step / MINUTE);
      await breathe();
    }
  }

  /** The hourly triggers' occurrences up to `ms` are passed over: their next one comes after it. */
  private skipHourlyUntil(ms: number): void {
    for (const t of triggerState(this.academy.ws).triggers) {
      if (t.type !== 'CLOCK' || t.everyMs === null || t.everyMs > HOUR || t.nextAtMs === null || t.nextAtMs > ms)
        continue;
      t.nextAtMs = nextOccurrence(t, ms, ms);
    }
  }

  /** The hourly reconciliation runs now (fast past), until it finds no response left to take in. */
  reconcileNow(): void {
    const trigger = triggerState(this.academy.ws).triggers.find(
      (t) => t.type === 'CLOCK' && t.handler === 'reconcileResponses',
    );
    if (!trigger) return;
    for (let i = 0; i < 20; i++) {
      trigger.nextAtMs = this.academy.now();
      const [run] = this.academy.advance(0);
      if (!run?.ok || !((run.value as { processed?: number } | null)?.processed ?? 0)) return;
    }
  }

  async finishJobs(): Promise<void> {
    finishJobs(this.academy);
    await breathe();
  }

  submit(
    email: string,
    courses: string[],
    options: { action?: 'Iscrizione' | 'Annullamento'; duplicate?: boolean; answers?: Record<string, string> } = {},
  ): boolean {
    if (this.fast) return this.record(email, courses, options);
    const step = runStep(
      this.academy,
      {
        do: 'submit',
        email,
        courses,
        action: options.action ?? 'Iscrizione',
        duplicate: options.duplicate ?? false,
        ...(options.answers ? { answers: options.answers } : {}),
      },
      this.stats.submissions,
    );
    this.stats.submissions += 1;
    if (!step.ok && !(step.value as { executions?: number } | null)?.executions) {
      this.failures.push({ what: `modulo ${email}`, error: step.error ?? 'errore sconosciuto' });
    }
    return step.ok;
  }

  /** Fast past: the response is stored in the form and waits for the evening's reconciliation. */
  private record(
    email: string,
    courses: string[],
    options: { action?: 'Iscrizione' | 'Annullamento'; answers?: Record<string, string> },
  ): boolean {
    this.stats.submissions += 1;
    try {
      const { formId, submission } = enrollmentSubmission(this.academy, {
        email,
        courses,
        action: options.action ?? 'Iscrizione',
        ...(options.answers ? { answers: options.answers } : {}),
      });
      hostSubmit(this.academy.ws, formId, submission);
      return true;
    } catch (error) {
      this.failures.push({ what: `modulo ${email}`, error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  /**
   * Staff ticks one course's register from the paper sheets: about one absence in ten per session, a
   * few people leaving early (partial hours). The column is pasted as one block, so one edit event.
   */
  tickAttendance(code: string): void {
    const { ws } = this.academy;
    const ss = spreadsheetData(ws, this.academy.spreadsheetId);
    const sheet = sheetByName(ss, 'Presenze');
    const conventions = conventionsOf(ss);
    const tab = this.academy.readTab('Presenze');
    if (!sheet || !tab) return;
    const col = (name: string): number => tab.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
    const course = col('Corso');
    const present = col('Presente');
    const hours = col('Ore');
    const session = col('Sessione');
    if (course < 0 || present < 0 || hours < 0 || session < 0) return;
    const lengths = this.sessionLengths();
    let first = 0;
    let last = 0;
    tab.rows.forEach((row, i) => {
      if (row[course] !== code || row[present] === true) return;
      const r = i + 2;
      first = first === 0 ? r : first;
      last = r;
      this.stats.attendanceRows += 1;
      const roll = this.random();
      if (roll < 0.1) {
        this.stats.absences += 1;
        writeTyped(sheet, r, present + 1, false, conventions);
        return;
      }
      writeTyped(sheet, r, present + 1, true, conventions);
      const length = lengths.get(String(row[session])) ?? 0;
      if (roll > 0.97 && length > 1) {
        this.stats.partialHours += 1;
        writeTyped(sheet, r, hours + 1, length - 1, conventions);
      }
    });
    if (first === 0) return;
    const left = Math.min(present, hours) + 1;
    const width = Math.abs(present - hours) + 1;
    const edits = triggerState(ws).triggers.filter((t) => t.type === 'ON_EDIT');
    for (const trigger of edits) {
      this.academy.runtime.fire(
        trigger,
        editEvent(ws, this.academy.spreadsheetId, 'Presenze', first, left, last - first + 1, width),
      );
    }
  }

  private sessionLengths(): Map<string, number> {
    const tab = this.academy.readTab('Sessioni');
    const out = new Map<string, number>();
    if (!tab) return out;
    const col = (name: string): number => tab.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
    const [id, start, end] = [col('ID'), col('Inizio'), col('Fine')];
    for (const row of tab.rows) out.set(String(row[id]), sessionLength(row[start], row[end]));
    return out;
  }

  setCourseStatus(code: string, status: string): void {
    this.academy.edit('Corsi', { Codice: code }, { Stato: status });
  }
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function dayOf(iso: string): Day {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Working days of the enrollment window (three weeks from the day it opens), in order. */
function windowDays(opens: string): Day[] {
  const days: Day[] = [];
  for (let d = new Date(`${opens}T00:00:00Z`); days.length < 15; d.setUTCDate(d.getUTCDate() + 1)) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6)
      days.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return days;
}

/** The months (`yyyy-mm`) from the first to the last, in order. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); ; m++) {
    if (m > 12) {
      y += 1;
      m = 1;
    }
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
  }
}

/** 09:00 on the first day of the month after `month` (`yyyy-mm`): when staff close that month's courses. */
function closingOf(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? at(y + 1, 1, 1, 9) : at(y, m + 1, 1, 9);
}

export async function simulateYear(options: YearOptions = {}): Promise<YearOutcome> {
  const placement = options.placement ?? classicPlacement(options.year ?? 2027);
  const year = placement.year;
  const seed = options.seed ?? 2027;
  const random = seededRandom(seed);
  const say = options.progress ?? ((): void => undefined);
  const opens = dayOf(placement.enrollmentOpens);
  const startMs = at(opens.year, opens.month, opens.day, 8, 30);
  const endMs = options.until ?? Number.POSITIVE_INFINITY;
  if (endMs < startMs) throw new Error('the year cannot stop before its enrollment opens');
  // The caller's server answers its first requests before the setup's long first stretch begins.
  await breathe();
  const academy = LocalAcademy.fresh({ start: startMs, seed, bundle: options.bundle });
  const fast = options.fastPast ?? false;
  const y = new Year(academy, random, fast);

  const registry = yearRegistry({
    placement,
    employees: options.employees,
    courses: options.courses,
    seed: options.seed,
  });
  say(
    `Configurazione: ${registry.Comuni?.length ?? 0} comuni, ${registry.Dipendenti?.length ?? 0} dipendenti, ${registry.Corsi?.length ?? 0} corsi, ${registry.Sessioni?.length ?? 0} sessioni`,
  );
  prepareAcademy(academy, { settings: demoSettings(year), registry });
  const published = y.call('publishEnrollmentForm');
  if (!published.ok) throw new Error(`pubblicazione del modulo non riuscita: ${published.error ?? ''}`);

  const courses = coursesOf(registry);
  const open = courses.filter((c) => c.status === 'Iscrizioni aperte');
  const people = peopleOf(registry).filter((p) => p.active);

  // Who sends the form and when: most employees, at random working hours over the window.
  const days = windowDays(placement.enrollmentOpens);
  const plan: Array<{ ms: number; email: string; courses: string[]; kind: 'enroll' | 'cancel' | 'unknown' }> = [];
  const slot = (): number => {
    const d = days[Math.floor(random() * days.length)] as Day;
    return at(d.year, d.month, d.day, 8, 30) + Math.floor(random() * 9 * HOUR);
  };
  for (const p of people) {
    if (random() > 0.85) continue;
    const chosen = choose(p, open, random);
    if (chosen.length === 0) continue;
    const ms = slot();
    plan.push({ ms, email: p.email, courses: chosen, kind: 'enroll' });
    if (random() < 0.05)
      plan.push({
        ms: ms + 2 * HOUR + Math.floor(random() * 3 * 24 * HOUR),
        email: p.email,
        courses: [chosen[0] as string],
        kind: 'cancel',
      });
  }
  const unknown = Math.max(2, Math.round(people.length / 200));
  for (let i = 0; i < unknown; i++) {
    const c = open[Math.floor(random() * open.length)];
    if (c)
      plan.push({ ms: slot(), email: `utente${i + 1}.privato@gmail.example.com`, courses: [c.code], kind: 'unknown' });
  }
  plan.sort((a, b) => a.ms - b.ms);
  const lastDay = days[days.length - 1] as Day;
  const closeMs = at(lastDay.year, lastDay.month, lastDay.day, 18);
  say(`Iscrizioni: ${plan.length} invii del modulo dal ${opens.day}/${opens.month}/${opens.year}`);

  let done = 0;
  let evening = 0;
  const takeInTheDay = async (): Promise<void> => {
    await y.until(evening);
    y.reconcileNow();
  };
  for (const p of plan) {
    const when = Math.min(p.ms, closeMs);
    if (when > endMs) break;
    if (fast && when > evening) {
      if (evening > 0) await takeInTheDay();
      const w = wallClock(when);
      evening = at(w.year, w.month, w.day, 18);
    }
    await y.until(when);
    if (p.kind === 'cancel') {
      if (y.submit(p.email, p.courses, { action: 'Annullamento' })) y.stats.cancellations += 1;
    } else {
      const duplicate = random() < 0.03;
      if (duplicate) y.stats.duplicates += 1;
      if (p.kind === 'unknown') y.stats.unknownEmails += 1;
      // Someone the registry does not know (a new hire, a private address) types their own name and comune.
      const answers =
        p.kind === 'unknown'
          ? { Nome: 'Nuovo', Cognome: `Assunto ${p.email.slice(6, 7)}`, Comune: 'Crema' }
          : undefined;
      y.submit(p.email, p.courses, { duplicate, answers });
    }
    await breathe();
    done += 1;
    if (done % 100 === 0) say(`  ${done} di ${plan.length} invii elaborati`);
  }

  if (fast && evening > 0 && evening <= endMs) await takeInTheDay();

  // Staff enroll a couple of people who phoned in, and cancel one request by hand.
  if (closeMs <= endMs) {
    const late = people.filter((p) => !plan.some((q) => q.email === p.email)).slice(0, 2);
    for (const p of late) {
      const c = choose(p, open, random)[0];
      if (c && y.call('enrollManually', [p.email, c]).ok) y.stats.staffEnrollments += 1;
    }
    await y.until(closeMs);
  }

  // The window closes: courses become `Iscrizioni chiuse` only as they end; the calendar goes out now.
  const first = dayOf(placement.sessionsFrom);
  const syncMs = at(first.year, first.month, first.day, 8, 0);
  if (syncMs <= endMs) {
    await y.until(syncMs);
    say('Sincronizzazione del calendario');
    y.call('syncCalendar');
    await y.finishJobs();
  }

  // Month by month: the courses that ended get attendance, `Concluso` and certificates.
  const held = courses.filter((c) => c.status !== 'Bozza' && c.lastSession !== '');
  const lastSession = held.reduce((last, c) => (c.lastSession > last ? c.lastSession : last), placement.sessionsFrom);
  for (const month of monthsBetween(placement.sessionsFrom.slice(0, 7), lastSession.slice(0, 7))) {
    const closing = closingOf(month);
    if (closing > endMs) break;
    const ending = held.filter((c) => c.lastSession.slice(0, 7) === month);
    await y.until(closing);
    if (ending.length === 0) continue;
    say(`${month.slice(5, 7)}/${month.slice(0, 4)}: registro presenze, chiusura e attestati di ${ending.length} corsi`);
    for (const c of ending) {
      y.call('prepareAttendance', [c.code]);
      y.tickAttendance(c.code);
      y.setCourseStatus(c.code, 'Concluso');
      y.stats.coursesConcluded += 1;
    }
    y.call('issueCertificates');
    await y.finishJobs();
  }

  // The reports once the last course is closed (or on the day the year stops), and the summaries to the comuni.
  say('Report e riepiloghi ai comuni');
  await y.until(Number.isFinite(endMs) ? Math.max(academy.now(), endMs - 3 * HOUR) : academy.now() + HOUR);
  y.call('refreshReports');
  y.call('sendComuniSummaries');
  await y.until(Number.isFinite(endMs) ? Math.max(academy.now(), endMs) : academy.now() + 2 * HOUR);
  await y.finishJobs();
  return { academy, year, startMs, runs: y.runs, failures: y.failures, stats: y.stats };
}
