/**
 * Issuing identifiers: employees `D00001`, enrollments `I00001`, sessions `<Codice>-S<n>`. The highest
 * ever issued lives in Script Properties, so a deleted row never gives its ID back; callers that create
 * rows concurrently (form submissions, sidebar) hold the script lock.
 */
import { applyBlock, decodeTable, type Cell, type DecodedTable, type RecordByTab } from '../../core/registry/codec';
import {
  formatSequenceId,
  highestSequence,
  planSequenceIds,
  planSessionIds,
  type IdAssignment,
  type IdRow,
  type SequencePrefix,
} from '../../core/registry/ids';
import { TAB } from '../../core/registry/tabs';
import { columnTexts, readGrid, writeBlock, type Table } from './table';
import { markRowsChanged } from '../figures/marks';
import { formatInSpreadsheetZone, sheetNamed } from './workbook';
import { readProperty, writeProperties } from '../platform/properties';

const ISSUED_PREFIX = 'a4pa.issued.';

function issued(key: string): number {
  const n = Number(readProperty(`${ISSUED_PREFIX}${key}`) ?? 0);
  return Number.isFinite(n) ? n : 0;
}

function recordIssued(updates: Record<string, number>): void {
  const props: Record<string, string> = {};
  for (const [k, n] of Object.entries(updates)) {
    if (n > issued(k)) props[`${ISSUED_PREFIX}${k}`] = String(n);
  }
  writeProperties(props);
}

/** Reserves `count` new IDs (`D00001`, `I00001`) after everything in the tab, ever issued and `floor`. */
export function nextIds<T>(table: DecodedTable<T>, prefix: SequencePrefix, count: number, floor = 0): string[] {
  const start = Math.max(
    issued(prefix),
    highestSequence(prefix, columnTexts(table as DecodedTable<unknown>, 'id')),
    floor,
  );
  const ids = Array.from({ length: count }, (_, i) => formatSequenceId(prefix, start + i + 1));
  if (count > 0) recordIssued({ [prefix]: start + count });
  return ids;
}

export function nextId<T>(table: DecodedTable<T>, prefix: SequencePrefix, floor = 0): string {
  return nextIds(table, prefix, 1, floor)[0] as string;
}

export type IdTab = typeof TAB.dipendenti | typeof TAB.iscrizioni | typeof TAB.sessioni;
export const ID_TABS: readonly IdTab[] = [TAB.dipendenti, TAB.iscrizioni, TAB.sessioni];

export interface IdTables {
  Dipendenti?: Table<RecordByTab['Dipendenti']>;
  Iscrizioni?: Table<RecordByTab['Iscrizioni']>;
  Sessioni?: Table<RecordByTab['Sessioni']>;
}

function idRows(table: DecodedTable<unknown>): IdRow[] {
  const columns = table.columns as Record<string, number | undefined>;
  const idAt = columns.id;
  const courseAt = columns.course;
  const owned = Object.entries(columns)
    .filter(([f, c]) => f !== 'id' && c !== undefined)
    .map(([, c]) => c as number);
  return table.values.slice(1).map((r, i) => ({
    row: i + 2,
    id: idAt === undefined ? '' : String(r[idAt - 1] ?? '').trim(),
    course: courseAt === undefined ? '' : String(r[courseAt - 1] ?? '').trim(),
    filled: owned.some((c) => {
      const v = r[c - 1];
      return v !== '' && v !== false && v !== undefined && !(typeof v === 'string' && v.trim() === '');
    }),
  }));
}

/** One write of the ID column from the first to the last row that gets an ID. */
function writeIds(table: Table<unknown>, assignments: IdAssignment[]): void {
  const idAt = (table.columns as Record<string, number | undefined>).id;
  if (idAt === undefined || assignments.length === 0) return;
  const first = Math.min(...assignments.map((a) => a.row));
  const last = Math.max(...assignments.map((a) => a.row));
  const byRow = new Map(assignments.map((a) => [a.row, a.id]));
  markRowsChanged(table.tab, [...byRow.keys()]);
  const values: Cell[][] = [];
  for (let r = first; r <= last; r++) values.push([byRow.get(r) ?? table.values[r - 1]?.[idAt - 1] ?? '']);
  writeBlock(table.sheet, first, idAt, values);
  applyBlock(table.values, { row: first, column: idAt, values });
}

/**
 * Gives an ID to every filled row that has none (employees, enrollments, sessions), one batched write
 * per tab, and returns the tables as they now are (decoded again, no further read), so a workflow can
 * use them instead of reading the tabs a second time.
 */
export function assignMissingIds(tabs: readonly IdTab[] = ID_TABS): IdTables {
  const out: IdTables = {};
  const updates: Record<string, number> = {};
  for (const tab of tabs) {
    const sheet = sheetNamed(tab);
    if (!sheet) continue;
    const grid = readGrid(sheet);
    let table: Table<unknown> = { ...decodeTable(tab, grid, formatInSpreadsheetZone), sheet };
    if ((table.columns as Record<string, number | undefined>).id === undefined) {
      (out as Record<string, Table<unknown>>)[tab] = table;
      continue;
    }
    const rows = idRows(table);
    let assignments: IdAssignment[];
    if (tab === TAB.sessioni) {
      const previous: Record<string, number> = {};
      for (const r of rows) if (r.course) previous[r.course] = issued(`S:${r.course}`);
      const plan = planSessionIds(rows, previous);
      assignments = plan.assignments;
      for (const a of assignments) {
        const course = rows.find((r) => r.row === a.row)?.course ?? '';
        updates[`S:${course}`] = plan.issued[course] ?? 0;
      }
    } else {
      const prefix: SequencePrefix = tab === TAB.dipendenti ? 'D' : 'I';
      const plan = planSequenceIds(prefix, rows, issued(prefix));
      assignments = plan.assignments;
      if (assignments.length > 0) updates[prefix] = plan.issued;
    }
    if (assignments.length > 0) {
      writeIds(table, assignments);
      table = { ...decodeTable(tab, table.values, formatInSpreadsheetZone), sheet };
    }
    (out as Record<string, Table<unknown>>)[tab] = table;
  }
  recordIssued(updates);
  return out;
}
