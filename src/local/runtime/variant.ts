import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which answer the emulator gives where Google's behaviour is unverified (docs/google-behaviour.md):
 * `strict`, the default, is the answer hardest for the add-on; `lenient` is the other one. A workspace
 * holds its variant (`Workspace.create({ variant })`, else `A4PA_VARIANT` from the environment), and every
 * emulated service asks it through `strictAbout`, naming the catalogue entry, so a reader finds each branch
 * from the catalogue.
 *
 * `strictAbout` is asked only at a point where the two answers differ, so reaching it is what makes a run
 * depend on the variant: with `A4PA_REACHED_DIR` set, each behaviour reached is noted there once per test
 * file (scripts/variant-suites.ts), and `npm test` reruns under `lenient` exactly the integration suites
 * that reached one (docs/contracts.md, "The lenient rerun").
 */
export type Variant = 'strict' | 'lenient';

export const VARIANT_ENV = 'A4PA_VARIANT';

/** The directory where runs note the unverified behaviours they reach (unset: nothing is noted). */
export const REACHED_DIR_ENV = 'A4PA_REACHED_DIR';

export function variantFromEnv(env: Record<string, string | undefined> = process.env): Variant {
  const value = env[VARIANT_ENV];
  if (value === undefined || value === '' || value === 'strict') return 'strict';
  if (value === 'lenient') return 'lenient';
  throw new Error(`${VARIANT_ENV} must be "strict" or "lenient", not "${value}".`);
}

/** The unverified catalogue entries whose two answers the emulator implements. */
export type UnverifiedBehaviour =
  | 'CAL-CANCELLED-PURGED'
  | 'CAL-RATE-LIMIT-REASON'
  | 'DOCS-COPY-COUNTS-AS-CREATED'
  | 'FORMS-CHECKBOX-ORDER'
  | 'FORMS-DESTINATION-ROW'
  | 'REST-DRIVE-CONVERT-XLSX'
  | 'REST-FORMS-FRESH'
  | 'REST-MEET-ANONYMOUS-REJOIN'
  | 'REST-PEOPLE-ACCOUNT-EMAIL'
  | 'REST-SHEETS-GRID-DATA'
  | 'SCRIPT-MONTH-DAY-SHORT'
  | 'SHEETS-CHECKBOX-EMPTY'
  | 'SHEETS-INSERT-ROWS-FORMAT'
  | 'SHEETS-SHEETVALUES-EMPTY';

/**
 * The name of the note a process writes in the reached directory: one per Jest worker (a worker runs one
 * test file at a time, and the processes a test starts inherit the worker's id), else one per process.
 */
export function reachedNoteName(env: Record<string, string | undefined> = process.env): string {
  const worker = env.JEST_WORKER_ID;
  return worker === undefined ? `process-${process.pid}.log` : `worker-${worker}.log`;
}

// Per module instance, which Jest renews for each test file: each file notes its own behaviours.
const noted = new Set<UnverifiedBehaviour>();

function note(behaviour: UnverifiedBehaviour): void {
  const dir = process.env[REACHED_DIR_ENV];
  if (dir === undefined || dir === '' || noted.has(behaviour)) return;
  noted.add(behaviour);
  appendFileSync(join(dir, reachedNoteName()), `reached ${behaviour}\n`);
}

/**
 * Whether the emulator gives the strict answer to an unverified behaviour in this workspace. Ask it only
 * where the two answers differ: the question itself marks the run as depending on the variant.
 */
export function strictAbout(ws: { readonly variant: Variant }, behaviour: UnverifiedBehaviour): boolean {
  note(behaviour);
  return ws.variant === 'strict';
}
