/**
 * The conformance probes' format. A probe asks Google (or the emulator) one question per catalogue entry
 * of docs/google-behaviour.md and returns the answer as plain JSON; the same code runs in both, bundled
 * as plain Apps Script (`npm run conformance`, `-- --live`). Each service keeps its probes in one file
 * of `probes/`, listed in `probes/index.ts`.
 */

/**
 * What a probe may use: a scratch spreadsheet made for the run (trashed after it), fresh tabs in it, and
 * a way to have the files it makes (forms, documents) trashed after the run too. A probe that makes
 * calendar events deletes them itself.
 */
export interface ProbeContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** A new empty tab (1,000 rows, 26 columns) of the scratch spreadsheet. */
  freshSheet(): GoogleAppsScript.Spreadsheet.Sheet;
  /** Trashes the Drive file after the run; answers the id. */
  scratch(fileId: string): string;
}

/** The catalogue's answer: one for a verified entry, one per variant for an unverified one. */
export type Expected = { value: unknown } | { strict: unknown; lenient: unknown };

export interface Probe {
  /** The catalogue entry's ID, e.g. `SHEETS-RANGE-BOUNDS`. */
  id: string;
  run(ctx: ProbeContext): unknown;
  expected: Expected;
}

/** The message an action throws, or `null` when it does not throw: errors become answers. */
export function thrown(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return String((error as { message?: unknown } | null)?.message ?? error).replace(/^Exception: /, '');
  }
}

/** A value as JSON carries it: Dates as ISO instants, everything else as is. */
export function plain(value: unknown): unknown {
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}
