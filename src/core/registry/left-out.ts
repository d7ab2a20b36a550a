/**
 * Rows left out because they need fixing: a row a check flagged (its own values or a reference to
 * another tab) counts nowhere until it is fixed, and whatever it was left out of says which rows.
 */
import { normalizeKey } from '../text';
import type { Problem } from './schemas';
import { TAB } from './tabs';

export interface LeftOutRow {
  tab: string;
  /** Sheet row (1-based; 1 is the header). */
  row: number;
  /** The first reason, as "Da correggere" shows it. */
  message: string;
}

type Rows<T> = ReadonlyArray<{ row: number; record: T }>;

/** Each flagged data row once, in the order the problems come (their first message). */
export function leftOutRows(problems: readonly Problem[]): LeftOutRow[] {
  const seen = new Set<string>();
  const out: LeftOutRow[] = [];
  for (const p of problems) {
    if (p.row <= 1) continue;
    const key = `${p.tab}\u0000${p.row}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ tab: p.tab, row: p.row, message: p.message });
  }
  return out;
}

/** The rows of `tab` that no problem flags. */
export function countedRows<T>(tab: string, rows: Rows<T>, leftOut: readonly LeftOutRow[]): Rows<T> {
  const flagged = new Set(leftOut.filter((l) => l.tab === tab).map((l) => l.row));
  return flagged.size === 0 ? rows : rows.filter((r) => !flagged.has(r.row));
}

/**
 * Employees whose comune is not among the comuni that count (its row in `Comuni` is flagged): they would
 * make up a comune of their own in the reports, so they are left out with the reason.
 */
export function employeesOfUncountedComuni<E extends { comune: string }>(
  tab: string,
  employees: Rows<E>,
  countedComuni: readonly string[],
): LeftOutRow[] {
  const known = new Set(countedComuni.map((c) => normalizeKey(c)));
  return employees
    .filter((e) => !known.has(normalizeKey(e.record.comune)))
    .map((e) => ({
      tab,
      row: e.row,
      message: `Comune: «${e.record.comune}» non è conteggiato finché la sua riga in «Comuni» è da correggere`,
    }));
}

/**
 * Every row that counts nowhere, from the problems of the tabs read: the flagged rows, then the employees
 * of a comune whose own row is flagged (`comuni` null when that tab could not be read: nothing to compare).
 */
export function registryLeftOut(
  problems: readonly Problem[],
  comuni: Rows<{ name: string }> | null,
  employees: Rows<{ comune: string }>,
): LeftOutRow[] {
  const flagged = leftOutRows(problems);
  if (!comuni) return flagged;
  const counted = countedRows(TAB.comuni, comuni, flagged).map((c) => c.record.name);
  return [
    ...flagged,
    ...employeesOfUncountedComuni(TAB.dipendenti, countedRows(TAB.dipendenti, employees, flagged), counted),
  ];
}

/** "Dipendenti riga 5; Sessioni righe 3, 7", tabs in the order they come. */
export function leftOutList(rows: readonly LeftOutRow[]): string {
  const byTab = new Map<string, number[]>();
  for (const r of rows) byTab.set(r.tab, [...(byTab.get(r.tab) ?? []), r.row]);
  return [...byTab]
    .map(([tab, list]) => {
      const sorted = [...new Set(list)].sort((a, b) => a - b);
      return `${tab} ${sorted.length === 1 ? 'riga' : 'righe'} ${sorted.join(', ')}`;
    })
    .join('; ');
}

/** The sentence a report ends with: how many rows were left out and which ('' when none). */
export function leftOutSentence(rows: readonly LeftOutRow[]): string {
  if (rows.length === 0) return '';
  const count =
    rows.length === 1
      ? '1 riga da correggere non è stata conteggiata'
      : `${rows.length} righe da correggere non sono state conteggiate`;
  return `${count} (${leftOutList(rows)}): vedi «Da correggere».`;
}
