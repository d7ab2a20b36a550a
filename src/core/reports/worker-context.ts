/**
 * What the worker asks of the add-on through the Apps Script API `scripts.run` (`getWorkerContext`):
 * what only the add-on holds or can compute. The comuni's page links (signed with the academy's
 * secret, which never leaves Apps Script), the closed years' hours (the archives' ids live in Script
 * Properties) and the questionnaire's scores (read from the feedback form). `scripts.run` carries JSON
 * only, so the closed years' hours travel as plain objects and are turned back into maps here, on the
 * worker's side, for the core's reports.
 */
import type { ReportFeedback, ReportInput } from './compute';
import type { ComunePageLink } from './summary';

export interface WorkerContext {
  /** Each comune's page link by ISTAT code; empty when the add-on has no web app deployed. */
  pageLinks: Record<string, ComunePageLink>;
  /** Each closed year's hours per employee ID, the most recent first (as the archives give them). */
  pastYears: Array<{ year: number; hoursByEmployee: Record<string, number> }>;
  feedback: ReportFeedback[];
}

type PastYears = NonNullable<ReportInput['pastYears']>;

export function pastYearsToJson(pastYears: PastYears): WorkerContext['pastYears'] {
  return pastYears.map((p) => ({ year: p.year, hoursByEmployee: Object.fromEntries(p.hoursByEmployee) }));
}

export function pastYearsFromJson(pastYears: WorkerContext['pastYears']): PastYears {
  return pastYears.map((p) => ({ year: p.year, hoursByEmployee: new Map(Object.entries(p.hoursByEmployee)) }));
}
