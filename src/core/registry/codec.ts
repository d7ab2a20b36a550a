/**
 * The table codec: from the grid `getValues` returns to validated records and back to row arrays.
 * Columns are found by header text; staff's own columns are never read as ours nor written.
 */
import type * as z from 'zod/mini';
import { CELL_CHARACTER_LIMIT, cutText, neutralizeText, normalizeKey, storedText } from '../text';
import {
  attendanceSchema,
  certificateSchema,
  comuneSchema,
  courseSchema,
  employeeSchema,
  enrollmentSchema,
  externalTrainingSchema,
  logEntrySchema,
  sessionSchema,
  settingRowSchema,
  type Attendance,
  type Certificate,
  type Comune,
  type Course,
  type Employee,
  type Enrollment,
  type ExternalTraining,
  type LogEntry,
  type Problem,
  type Session,
  type SettingRow,
} from './schemas';
import { COLUMNS, TAB, type ColumnSpec } from './tabs';

export interface RecordByTab {
  Comuni: Comune;
  Dipendenti: Employee;
  Corsi: Course;
  Sessioni: Session;
  Iscrizioni: Enrollment;
  Presenze: Attendance;
  Attestati: Certificate;
  Registro: LogEntry;
  'Formazione esterna': ExternalTraining;
  Impostazioni: SettingRow;
}

export type RegistryTab = keyof RecordByTab;

interface TabDef {
  columns: readonly ColumnSpec[];
  schema: () => z.ZodMiniType;
  /** The field that names a row for every workflow: typed twice, it makes all its rows unusable. */
  identity?: string;
}

const DEFS: Record<RegistryTab, TabDef> = {
  [TAB.comuni]: { columns: COLUMNS.comuni, schema: comuneSchema },
  [TAB.dipendenti]: { columns: COLUMNS.dipendenti, schema: employeeSchema, identity: 'id' },
  [TAB.corsi]: { columns: COLUMNS.corsi, schema: courseSchema, identity: 'code' },
  [TAB.sessioni]: { columns: COLUMNS.sessioni, schema: sessionSchema, identity: 'id' },
  [TAB.iscrizioni]: { columns: COLUMNS.iscrizioni, schema: enrollmentSchema, identity: 'id' },
  [TAB.presenze]: { columns: COLUMNS.presenze, schema: attendanceSchema },
  [TAB.attestati]: { columns: COLUMNS.attestati, schema: certificateSchema },
  [TAB.registro]: { columns: COLUMNS.registro, schema: logEntrySchema },
  [TAB.formazioneEsterna]: { columns: COLUMNS.formazioneEsterna, schema: externalTrainingSchema },
  [TAB.impostazioni]: { columns: COLUMNS.impostazioni, schema: settingRowSchema },
};

export function isRegistryTab(name: string): name is RegistryTab {
  return Object.prototype.hasOwnProperty.call(DEFS, name);
}

/** A tab's columns as the codec reads them (the worker turns Sheets API serial numbers into dates by kind). */
export function columnSpecs(tab: RegistryTab): readonly ColumnSpec[] {
  return DEFS[tab].columns;
}

/** Formats an instant in the spreadsheet's time zone (Utilities.formatDate bound to it). */
export type FormatDate = (date: Date, pattern: string) => string;

export type Cell = string | number | boolean | Date;

export type ColumnMap<T> = Partial<Record<keyof T & string, number>>;

export interface DecodedTable<T> {
  tab: RegistryTab;
  /** The header row as the sheet has it. */
  header: string[];
  /** Field → 1-based column, for the columns the sheet has. */
  columns: ColumnMap<T>;
  /** Valid rows only; `row` is the sheet row. */
  rows: Array<{ row: number; record: T }>;
  problems: Problem[];
  /**
   * The last row with content (1 = header only, 0 = an empty sheet). Unchecked boxes are not content
   * here: a checkbox column may read `false` all the way down to the sheet's last row
   * (docs/google-behaviour.md, SHEETS-CHECKBOX-EMPTY), and new rows belong right after the data.
   */
  lastRow: number;
  width: number;
  /** The grid as read, index 0 = sheet row 1; kept current by the writers. */
  values: Cell[][];
  /** Identifiers typed on more than one row (by `identityKey`) → those sheet rows, none of them in `rows`. */
  duplicateIds: Map<string, number[]>;
}

/** How identifiers are compared: `i00001 ` and `I00001` name the same row. */
export function identityKey(id: string): string {
  return id.replace(/\s+/g, '').toUpperCase();
}

function rowList(rows: readonly number[]): string {
  return rows.length < 2 ? rows.join('') : `${rows.slice(0, -1).join(', ')} e ${rows[rows.length - 1]}`;
}

/**
 * Why an action through `id` is refused, or null when `id` names one row only. A workflow that found no
 * usable row for an identifier asks this to say why.
 */
export function duplicateIdMessage(
  table: Pick<DecodedTable<unknown>, 'tab' | 'duplicateIds'>,
  id: string,
): string | null {
  const rows = table.duplicateIds.get(identityKey(String(id ?? '')));
  if (!rows) return null;
  return `«${cutText(String(id).trim(), 60)}» compare in più righe di ${table.tab} (righe ${rowList(rows)}): nessuna operazione la usa finché non è corretta.`;
}

/**
 * Finds the identifiers typed on more than one row (rows with other problems included, so a broken
 * copy also disables the good one), reports each of those rows with the others' numbers and takes them
 * out of `rows`: no cancellation, decision, promotion, attendance, certificate or calendar change acts
 * on a row whose identifier is ambiguous.
 */
function setAsideDuplicates<T>(table: DecodedTable<T>, field: string, header: string): void {
  const at = (table.columns as Record<string, number | undefined>)[field];
  if (at === undefined) return;
  const byKey = new Map<string, number[]>();
  table.values.forEach((line, i) => {
    if (i === 0) return;
    const key = identityKey(String(line[at - 1] ?? ''));
    if (key === '') return;
    byKey.set(key, [...(byKey.get(key) ?? []), i + 1]);
  });
  for (const [key, rows] of byKey) {
    if (rows.length < 2) continue;
    table.duplicateIds.set(key, rows);
    for (const row of rows) {
      const others = rows.filter((r) => r !== row);
      const typed = cutText(String(table.values[row - 1]?.[at - 1] ?? '').trim(), 60);
      table.problems.push({
        tab: table.tab,
        row,
        column: header,
        message: `${header}: «${typed}» è anche ${others.length === 1 ? 'alla riga' : 'alle righe'} ${rowList(others)}; finché non è unico nessuna operazione usa queste righe`,
      });
    }
  }
  if (table.duplicateIds.size === 0) return;
  const blocked = new Set([...table.duplicateIds.values()].flat());
  table.rows = table.rows.filter((r) => !blocked.has(r.row));
}

export function headerText(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Field → column for the headers found; the documented headers no column matched. */
export function mapColumns(
  tab: RegistryTab,
  headerRow: readonly unknown[],
): { columns: Record<string, number>; missing: ColumnSpec[] } {
  const positions = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = normalizeKey(headerText(h));
    if (key !== '' && !positions.has(key)) positions.set(key, i + 1);
  });
  const columns: Record<string, number> = {};
  const missing: ColumnSpec[] = [];
  for (const spec of DEFS[tab].columns) {
    const at = positions.get(normalizeKey(spec.header));
    if (at === undefined) missing.push(spec);
    else columns[spec.field] = at;
  }
  return { columns, missing };
}

function isEmptyCell(v: unknown): boolean {
  return v === '' || v === null || v === undefined || v === false || (typeof v === 'string' && v.trim() === '');
}

function lastFilledRow(values: readonly Cell[][]): number {
  for (let r = values.length; r >= 1; r--) if (!(values[r - 1] ?? []).every(isEmptyCell)) return r;
  return 0;
}

/** Reads a cell for its column's kind: dates and times go through the spreadsheet's zone, never getHours(). */
function cellInput(spec: ColumnSpec, v: unknown, formatDate: FormatDate): unknown {
  if (v instanceof Date) {
    if (spec.kind === 'date') return formatDate(v, 'yyyy-MM-dd');
    if (spec.kind === 'time') return formatDate(v, 'HH:mm');
  }
  return v;
}

function toCells(grid: readonly (readonly unknown[])[]): Cell[][] {
  return grid.map((r) => r.map((v) => (v === null || v === undefined ? '' : (v as Cell))));
}

/**
 * Decodes a tab from its whole grid (row 1 = header). A blank row is skipped silently, a row that fails
 * validation is reported and left out of `rows`; a missing required header is one problem for the tab
 * and no rows.
 */
export function decodeTable<N extends RegistryTab>(
  tab: N,
  grid: readonly (readonly unknown[])[],
  formatDate: FormatDate,
): DecodedTable<RecordByTab[N]> {
  const values = toCells(grid);
  const header = (values[0] ?? []).map(headerText);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const { columns, missing } = mapColumns(tab, header);
  const table: DecodedTable<RecordByTab[N]> = {
    tab,
    header,
    columns: columns as ColumnMap<RecordByTab[N]>,
    rows: [],
    problems: [],
    lastRow: lastFilledRow(values),
    width,
    values,
    duplicateIds: new Map(),
  };
  const missingRequired = missing.filter((m) => m.requiredColumn);
  if (missingRequired.length > 0) {
    table.problems.push({
      tab,
      row: 1,
      column: missingRequired.map((m) => m.header).join(', '),
      message: `Manca la colonna ${missingRequired.map((m) => `«${m.header}»`).join(', ')} nell'intestazione: esegua «Configura» per aggiungerla.`,
    });
    return table;
  }
  const def = DEFS[tab];
  // Rows below the last filled one are blank (a checkbox column leaves `false` down to the sheet's
  // end, so `getLastRow()` counts them): they would all be skipped, so they are not even looked at.
  for (let i = 1; i < table.lastRow; i++) {
    const row = values[i] as Cell[];
    const input: Record<string, unknown> = {};
    let blank = true;
    for (const spec of def.columns) {
      const at = columns[spec.field];
      if (at === undefined) {
        input[spec.field] = '';
        continue;
      }
      const v = row[at - 1];
      if (!isEmptyCell(v)) blank = false;
      input[spec.field] = cellInput(spec, v ?? '', formatDate);
    }
    if (blank) continue;
    const parsed = def.schema().safeParse(input);
    if (parsed.success) {
      table.rows.push({ row: i + 1, record: parsed.data as RecordByTab[N] });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const spec = def.columns.find((c) => c.field === issue.path[0]) ?? def.columns[0];
      const headerName = spec?.header ?? '';
      table.problems.push({ tab, row: i + 1, column: headerName, message: `${headerName}: ${issue.message}` });
    }
  }
  if (def.identity) {
    const header = def.columns.find((c) => c.field === def.identity)?.header ?? def.identity;
    setAsideDuplicates(table, def.identity, header);
  }
  return table;
}

/**
 * A record's value as a cell: user text neutralised and cut under Google's 50,000 characters a cell (one
 * left for the neutralising `'`), lists joined, `null` as empty.
 */
export function encodeValue(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return neutralizeText(cutText(v.map(String).join(', '), CELL_CHARACTER_LIMIT - 1));
  return neutralizeText(cutText(String(v), CELL_CHARACTER_LIMIT - 1));
}

/**
 * Writes the record's fields into a copy of `base` (the row as it is, or blanks for a new row): only
 * the columns of the fields given change, so staff's own columns keep what they hold.
 */
export function encodeRow<T>(columns: ColumnMap<T>, record: Partial<T>, base: readonly Cell[]): Cell[] {
  const out = base.slice();
  for (const [field, value] of Object.entries(record)) {
    const at = (columns as Record<string, number | undefined>)[field];
    if (at === undefined) continue;
    while (out.length < at) out.push('');
    out[at - 1] = encodeValue(value);
  }
  return out;
}

export interface CellBlock {
  /** 1-based first row and column. */
  row: number;
  column: number;
  values: Cell[][];
}

/**
 * Groups row patches into rectangular blocks for batched writes: adjacent rows share a block whose
 * columns span the changed ones, never crossing a column the add-on does not own (staff's columns).
 * Unchanged cells inside a block keep their current value.
 */
export function planUpdates<T>(
  table: Pick<DecodedTable<T>, 'columns' | 'values' | 'width'>,
  changes: ReadonlyArray<{ row: number; patch: Partial<T> }>,
): CellBlock[] {
  const owned = new Set(Object.values(table.columns as Record<string, number>));
  const byRow = new Map<number, Map<number, Cell>>();
  for (const { row, patch } of changes) {
    const cells = byRow.get(row) ?? new Map<number, Cell>();
    for (const [field, value] of Object.entries(patch)) {
      const at = (table.columns as Record<string, number | undefined>)[field];
      if (at !== undefined) cells.set(at, encodeValue(value));
    }
    if (cells.size > 0) byRow.set(row, cells);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: CellBlock[] = [];
  for (const groupRows of adjacentRuns(rows, (r) => r)) {
    const changed = new Set<number>();
    for (const r of groupRows) for (const c of (byRow.get(r) as Map<number, Cell>).keys()) changed.add(c);
    for (const [c0, c1] of segments(
      [...changed].sort((a, b) => a - b),
      owned,
    )) {
      const values = groupRows.map((r) => {
        const current = table.values[r - 1] ?? [];
        const patch = byRow.get(r) as Map<number, Cell>;
        const line: Cell[] = [];
        for (let c = c0; c <= c1; c++) line.push(patch.has(c) ? (patch.get(c) as Cell) : (current[c - 1] ?? ''));
        return line;
      });
      blocks.push({ row: groupRows[0] as number, column: c0, values });
    }
  }
  return blocks;
}

/** Items (in order) split into runs whose positions follow each other: one sheet write per run. */
export function adjacentRuns<T>(items: readonly T[], positionOf: (item: T) => number): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && positionOf(item) === positionOf(last) + 1) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Column runs covering the changed columns, split wherever a column between them is not ours. */
function segments(changed: number[], owned: ReadonlySet<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const c of changed) {
    const last = out[out.length - 1];
    if (last) {
      let contiguous = true;
      for (let k = last[1] + 1; k < c; k++) if (!owned.has(k)) contiguous = false;
      if (contiguous) {
        last[1] = c;
        continue;
      }
    }
    out.push([c, c]);
  }
  return out;
}

/** Applies written blocks to the in-memory grid so the table stays what the sheet holds. */
export function applyBlock(values: Cell[][], block: CellBlock): void {
  block.values.forEach((line, i) => {
    const r = block.row - 1 + i;
    while (values.length <= r) values.push([]);
    const target = values[r] as Cell[];
    line.forEach((v, j) => {
      const c = block.column - 1 + j;
      while (target.length <= c) target.push('');
      target[c] = typeof v === 'string' ? storedText(v) : v;
    });
  });
}

/** A column's text (trimmed) in every data row, valid or not; none when the tab lacks the column. */
export function columnTexts(table: DecodedTable<unknown>, field: string): string[] {
  const at = (table.columns as Record<string, number | undefined>)[field];
  if (at === undefined) return [];
  return table.values.slice(1).map((r) => String(r[at - 1] ?? '').trim());
}
