/**
 * The demo's hands on the academy: the clock moved on (the add-on's time-driven triggers running as on
 * Google, or the fast past's evening reconciliation), the form sent by employees, attendance ticked and
 * course statuses typed by staff, and a record of every execution with what the year counted.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time/units';
import { wallClock } from '../../core/time/zone';
import type { RunResult } from '../runtime/runtime';
import type { LocalAcademy } from '../runtime/session';
import { nextOccurrence, triggerState } from '../runtime/triggers';
import { runStep } from '../scenario/runner';
import { enrollmentSubmission } from '../scenario/submit';
import { hostSubmit } from '../services/forms';
import { editEvent } from '../services/spreadsheet';
import { writeTyped } from '../services/spreadsheet/cells';
import { conventionsOf, normalizeHeader, sheetByName, spreadsheetData } from '../services/spreadsheet/model';
import { breathe, finishJobs, recordExecutions } from './clock';

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

/** What one year of the story recorded: its executions, those that failed, its counts. */
export interface YearRecord {
  runs: RunResult[];
  failures: Array<{ what: string; error: string }>;
  stats: YearStats;
}

function emptyRecord(): YearRecord {
  return {
    runs: [],
    failures: [],
    stats: {
      submissions: 0,
      duplicates: 0,
      cancellations: 0,
      unknownEmails: 0,
      staffEnrollments: 0,
      coursesConcluded: 0,
      attendanceRows: 0,
      absences: 0,
      partialHours: 0,
    },
  };
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

export class YearDriver {
  /** The year being recorded: `nextRecord` starts another (the years of one academy, one after the other). */
  record: YearRecord = emptyRecord();

  constructor(
    readonly academy: LocalAcademy,
    readonly random: () => number,
    readonly fast: boolean,
  ) {
    recordExecutions(academy, (fn, run) => {
      // Only what the summary needs: a year's results (dashboards, job reports) would pile up in memory.
      this.record.runs.push({ ok: run.ok, value: null, elapsedMs: run.elapsedMs });
      if (!run.ok) this.record.failures.push({ what: fn, error: run.error ?? 'errore sconosciuto' });
    });
  }

  get stats(): YearStats {
    return this.record.stats;
  }

  /** The record so far, and a fresh one for what follows. */
  nextRecord(): YearRecord {
    const done = this.record;
    this.record = emptyRecord();
    return done;
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
      const step = Math.min(ms - this.academy.now(), DAY_MS);
      if (this.fast) this.skipHourlyUntil(this.academy.now() + step);
      this.academy.advance(step / MINUTE_MS);
      await breathe();
    }
  }

  /** The hourly triggers' occurrences up to `ms` are passed over: their next one comes after it. */
  private skipHourlyUntil(ms: number): void {
    for (const t of triggerState(this.academy.ws).triggers) {
      if (t.type !== 'CLOCK' || t.everyMs === null || t.everyMs > HOUR_MS || t.nextAtMs === null || t.nextAtMs > ms)
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
    if (this.fast) return this.store(email, courses, options);
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
      this.record.failures.push({ what: `modulo ${email}`, error: step.error ?? 'errore sconosciuto' });
    }
    return step.ok;
  }

  /** Fast past: the response is stored in the form and waits for the evening's reconciliation. */
  private store(
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
      this.record.failures.push({
        what: `modulo ${email}`,
        error: error instanceof Error ? error.message : String(error),
      });
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
