/**
 * `years@1k`: three demo years in a row on one academy of about 1,000 employees (src/local/demo/years.ts),
 * each year's projected seconds, executions and calls, the year changes' own, and the target that the
 * third year costs within 10% of the first: nothing the add-on does may grow with the academy's age.
 */
import type { ServiceName } from '../runtime/latency';
import { simulateYears, type Stretch, type YearsOptions, type YearsOutcome } from '../demo/years';

export interface StretchFigures {
  year: number;
  projectedSeconds: number;
  executions: number;
  failedExecutions: number;
  longestExecutionSeconds: number;
  calls: { total: number; byService: Partial<Record<ServiceName, number>> };
}

export interface YearsFigures {
  /** Each year's story, from its enrollment window to its reports. */
  years: StretchFigures[];
  /** Each *Nuovo anno formativo* (the job to its end), and staff's review of the catalog after it. */
  changes: Array<StretchFigures & { review: StretchFigures }>;
  /** The third year's projected seconds over the first's. */
  thirdToFirst: number;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function figuresOf(year: number, stretch: Stretch): StretchFigures {
  const elapsed = stretch.record.runs.map((r) => r.elapsedMs);
  const total = Object.values(stretch.calls).reduce((a, b) => a + (b ?? 0), 0);
  return {
    year,
    projectedSeconds: seconds(elapsed.reduce((a, b) => a + b, 0)),
    executions: elapsed.length,
    failedExecutions: stretch.record.failures.length,
    longestExecutionSeconds: seconds(Math.max(0, ...elapsed)),
    calls: { total, byService: stretch.calls },
  };
}

export function yearsFigures(outcome: YearsOutcome): YearsFigures {
  const years = outcome.years.map((y) => figuresOf(y.year, y));
  const changes = outcome.changes.map((c) => ({ ...figuresOf(c.year, c), review: figuresOf(c.year, c.review) }));
  const first = years[0]?.projectedSeconds ?? 0;
  const third = years[2]?.projectedSeconds ?? 0;
  return { years, changes, thirdToFirst: first > 0 ? Math.round((third / first) * 1000) / 1000 : 0 };
}

/** The target: the third year within 10% of the first, either way. */
export function thirdWithinTenPercent(figures: YearsFigures): boolean {
  return figures.years.length >= 3 && Math.abs(figures.thirdToFirst - 1) <= 0.1;
}

export async function runYears(
  options: Omit<YearsOptions, 'years'>,
): Promise<{ outcome: YearsOutcome; figures: YearsFigures }> {
  const outcome = await simulateYears({ ...options, years: 3 });
  return { outcome, figures: yearsFigures(outcome) };
}
