/**
 * The `Registro` tab: every change of state is buffered during the execution and appended in one block
 * by `flushLog()`, called once at the end of each entry point.
 */
import { mapColumns, encodeRow, type Cell, type ColumnMap } from '../../core/registry/codec';
import { TAB } from '../../core/registry/tabs';
import { appendOneRow, writeBlock } from './table';
import { sheetNamed } from './workbook';
import { sheetValues } from '../platform/sheet-values';

interface Pending {
  at: Date;
  who: string;
  action: string;
  details: string;
}

const pending: Pending[] = [];
let actor: string | null = null;
/** `Registro`'s header when another read of this execution brought it (saves the flush its own read). */
let knownHeader: unknown[] | null = null;

/** Keeps `Registro`'s header read with other ranges (the Sheets API reads of a submission). */
export function adoptLogHeader(header: readonly unknown[]): void {
  knownHeader = [...header];
}

function currentActor(): string {
  if (actor === null) {
    actor = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'sistema';
  }
  return actor;
}

/** Buffers one `Registro` row; logs carry ids and e-mails, never personal details beyond them. */
export function logEvent(action: string, details: string, who?: string): void {
  pending.push({ at: new Date(), who: who ?? currentActor(), action, details });
}

export function pendingLogCount(): number {
  return pending.length;
}

/**
 * Appends the buffered rows below the last row in one block (header read unless already known, last
 * row, one write), or a single row with one `appendRow`. Without a `Registro` tab (before setup) the
 * rows go to the execution log instead.
 */
export function flushLog(): void {
  if (pending.length === 0) return;
  const entries = pending.splice(0, pending.length);
  const sheet = sheetNamed(TAB.registro);
  if (!sheet) {
    for (const e of entries) console.log(`${e.action}: ${e.details}`);
    return;
  }
  const header = knownHeader ?? sheetValues(sheet, 1, 1, 1, -1)[0] ?? [];
  const { columns } = mapColumns(TAB.registro, header);
  const cols = Object.values(columns);
  if (cols.length === 0) {
    for (const e of entries) console.log(`${e.action}: ${e.details}`);
    return;
  }
  const c0 = Math.min(...cols);
  const c1 = Math.max(...cols);
  const blank: Cell[] = new Array<Cell>(c1).fill('');
  const rows = entries.map((e) => encodeRow(columns as ColumnMap<Pending>, e, blank).slice(c0 - 1, c1));
  const only = rows[0];
  if (rows.length === 1 && only && c0 === 1) {
    appendOneRow(
      sheet,
      only,
      [columns.at, columns.action, columns.details].filter((c) => c !== undefined),
    );
    return;
  }
  writeBlock(sheet, sheet.getLastRow() + 1, c0, rows);
}
