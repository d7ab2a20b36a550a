/**
 * A whole training year of the demo academy, driven as people would drive it: staff set the academy up
 * and publish the form, then the year's story runs (./story.ts) on the demo registry (./academy.ts,
 * ./catalog.ts), with the clock, the people's choices and staff's hands of ./clock.ts, ./choices.ts and
 * ./driver.ts. Time advances between events, so the add-on's time-driven triggers run as on Google.
 * Deterministic for a given seed. The years after it: ./years.ts.
 */
import { seededRandom } from '../runtime/random';
import { LocalAcademy } from '../runtime/session';
import { prepareAcademy } from '../scenario/runner';
import { demoRegistry, demoSettings, type RegistryRows } from './academy';
import { at, breathe, dayOf } from './clock';
import { YearDriver, type YearRecord } from './driver';
import { classicPlacement, type YearPlacement } from './placement';
import { liveYear } from './story';

export type { YearStats } from './driver';

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

export interface YearOutcome {
  academy: LocalAcademy;
  year: number;
  startMs: number;
  /** Every Apps Script execution the year needed, in order. */
  runs: YearRecord['runs'];
  /** Executions that ended in an error (a refusal shown to a user counts here too), with what ran. */
  failures: YearRecord['failures'];
  stats: YearRecord['stats'];
  /** The driver that lived it, ready to live the next year on the same academy (./years.ts). */
  driver: YearDriver;
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

export async function simulateYear(options: YearOptions = {}): Promise<YearOutcome> {
  const placement = options.placement ?? classicPlacement(options.year ?? 2027);
  const year = placement.year;
  const seed = options.seed ?? 2027;
  const random = seededRandom(seed);
  const say = options.progress ?? ((): void => undefined);
  const opens = dayOf(placement.enrollmentOpens);
  const startMs = at(opens.year, opens.month, opens.day, 8, 30);
  if ((options.until ?? Number.POSITIVE_INFINITY) < startMs)
    throw new Error('the year cannot stop before its enrollment opens');
  // The caller's server answers its first requests before the setup's long first stretch begins.
  await breathe();
  const academy = LocalAcademy.fresh({ start: startMs, seed, bundle: options.bundle });
  const y = new YearDriver(academy, random, options.fastPast ?? false);

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
  await liveYear(y, registry, placement, { until: options.until, say });
  const record = y.nextRecord();
  return { academy, year, startMs, ...record, driver: y };
}
