/**
 * Moving the demo's emulated time: instants of a Europe/Rome wall clock, the days and months a year's
 * story walks through, the jobs' continuation triggers run to their end, and every execution recorded.
 */
import { MINUTE_MS } from '../../core/time/units';
import { zonedToUtc } from '../../core/time/zone';
import type { RunResult } from '../runtime/runtime';
import type { LocalAcademy } from '../runtime/session';
import { triggerState } from '../runtime/triggers';

/** Lets the event loop turn, so V8 can free the contexts of the executions that have finished. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The instant of a Europe/Rome wall-clock time. */
export function at(year: number, month: number, day: number, hour: number, minute = 0): number {
  return zonedToUtc({ year, month, day, hour, minute, second: 0 });
}

export interface Day {
  year: number;
  month: number;
  day: number;
}

export function dayOf(iso: string): Day {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Working days of the enrollment window (three weeks from the day it opens), in order. */
export function windowDays(opens: string): Day[] {
  const days: Day[] = [];
  for (let d = new Date(`${opens}T00:00:00Z`); days.length < 15; d.setUTCDate(d.getUTCDate() + 1)) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6)
      days.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return days;
}

/** The months (`yyyy-mm`) from the first to the last, in order. */
export function monthsBetween(first: string, last: string): string[] {
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
export function closingOf(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? at(y + 1, 1, 1, 9) : at(y, m + 1, 1, 9);
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
    const next = Math.max(Math.min(...pending.map((t) => t.nextAtMs as number)), academy.now() + MINUTE_MS);
    academy.advance((next - academy.now()) / MINUTE_MS);
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
