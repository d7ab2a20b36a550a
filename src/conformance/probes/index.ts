/**
 * Every conformance probe, by service (one file each), and the catalogue entries that have none, with
 * the reason. `npm run conformance` reports an entry found in neither as "no probe".
 */
import type { Probe } from '../probe';
import { spreadsheetProbes } from './spreadsheet';

export const PROBES: readonly Probe[] = [...spreadsheetProbes];

export const UNPROBED: Readonly<Record<string, string>> = {
  'SHEETS-BATCH-COST': 'a cost, not an answer: the latency model carries it',
  'SHEETS-CELL-LIMIT': 'ten million cells: too large for a probe, and not emulated',
};
