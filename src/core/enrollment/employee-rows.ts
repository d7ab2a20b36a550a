/**
 * Which employee ID each `Dipendenti` row holds, as the last run that read the tab whole found it: runs of
 * consecutive rows holding consecutive `D` numbers (the add-on issues IDs in row order, so a registry that
 * was never sorted is a few runs). A submission takes its sender's ID from here, searches `Iscrizioni` by it
 * at once, and reads the row itself with the run's other reads, which prove the map: a row holding another
 * ID (rows moved, an ID edited) sends the run to the whole tabs, which write the map again.
 */
import * as z from 'zod/mini';
import { formatSequenceId, sequenceNumber } from '../registry/ids';
import { parseStored } from '../stored-json';

const positive = z.number().check(z.int(), z.gte(1));
const runsSchema = z.array(z.tuple([positive, positive, positive]));

/** `[first row, its ID's number, how many rows]`, rows ascending. */
export type EmployeeRowRuns = Array<[row: number, first: number, length: number]>;

/** The runs of a tab's rows (row number and ID); a row with an ID of another shape belongs to none. */
export function employeeRowRuns(rows: ReadonlyArray<{ row: number; id: string }>): EmployeeRowRuns {
  const runs: EmployeeRowRuns = [];
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  for (const { row, id } of sorted) {
    const n = sequenceNumber('D', id);
    if (n === null || n < 1) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[2] === row && last[1] + last[2] === n) last[2] += 1;
    else runs.push([row, n, 1]);
  }
  return runs;
}

/** The ID the map gives a row, or null for a row it does not cover. */
export function idAtRow(runs: EmployeeRowRuns, row: number): string | null {
  for (const [first, n, length] of runs)
    if (row >= first && row < first + length) return formatSequenceId('D', n + (row - first));
  return null;
}

/** The stored map; null for none, or for a value that is not one (a property edited by hand). */
export function parseEmployeeRowRuns(text: string | null): EmployeeRowRuns | null {
  return parseStored(text, runsSchema) as EmployeeRowRuns | null;
}
