/**
 * `npm run demo` without its command line: a whole training year on a fresh demo academy, the files
 * anyone can open (export/demo-output.ts) and the short Italian summary the CLI prints. The CLI
 * (cli/demo.ts) parses the arguments and prints; the demo test runs this in its own process, so the year
 * it checks is the one whose Script Properties it also reads.
 */
import { resolve } from 'node:path';
import { writeDemoOutput, type DemoSummary } from '../export/demo-output';
import { placementAround } from './placement';
import { simulateYear, type YearOutcome } from './year';

export interface DemoOptions {
  out: string;
  employees?: number;
  courses?: number;
  seed?: number;
  year?: number;
  /** The instant the year is placed around (epoch ms). */
  start?: number;
  progress?: (line: string) => void;
}

export interface DemoRun {
  outcome: YearOutcome;
  summary: DemoSummary;
  /** The summary as the CLI prints it on stdout. */
  report: string;
}

function italian(n: number): string {
  return n.toLocaleString('it-IT');
}

function report(s: DemoSummary, dir: string, seconds: number): string {
  const statuses = Object.entries(s.enrollments.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${italian(v)} ${k.toLowerCase()}`)
    .join(', ');
  return [
    '',
    `Anno formativo ${s.year} completato in ${italian(Math.round(seconds))} s.`,
    `  ${italian(s.comuni)} comuni, ${italian(s.employees)} dipendenti, ${italian(s.courses)} corsi, ${italian(s.sessions)} sessioni (${italian(s.calendarEvents)} eventi in calendario)`,
    `  ${italian(s.enrollments.total)} iscrizioni: ${statuses}`,
    `  ${italian(s.hours.attendedInCourses)} ore frequentate nei corsi; ${italian(s.certificates)} attestati; ${italian(s.mails)} email inviate`,
    `  ${italian(s.executions)} esecuzioni Apps Script, ${italian(s.calls.total)} chiamate ai servizi, ${italian(s.projectedSeconds)} s stimati su Google${s.failedExecutions ? `; ${italian(s.failedExecutions)} esecuzioni con errore o rifiuto (vedi Registro)` : ''}`,
    `File in ${dir}: academy.xlsx, calendar.ics, attestati/ (${italian(s.files.pdfs)} PDF), mail/ (${italian(s.files.emls)} .eml), summary.json`,
    '',
  ].join('\n');
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const dir = resolve(options.out);
  const began = Date.now();
  const outcome = await simulateYear({
    year: options.year,
    placement: options.start !== undefined ? placementAround(options.start) : undefined,
    employees: options.employees,
    courses: options.courses,
    seed: options.seed,
    progress: options.progress,
  });
  options.progress?.('Scrittura dei file...');
  const summary = await writeDemoOutput(outcome, dir);
  return { outcome, summary, report: report(summary, dir, (Date.now() - began) / 1000) };
}
