/**
 * Rows to fix: gathered from every registry tab (row validation and cross-tab checks) for the sidebar's
 * "Da correggere" list, and shown as cell notes on the offending cells.
 */
import { crossCheckTables } from '../../core/registry/checks';
import type { RecordByTab, RegistryTab } from '../../core/registry/codec';
import type { Problem } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { CELL_CHARACTER_LIMIT, cutText, normalizeKey } from '../../core/text';
import { settingsProblems } from './settings';
import { MissingTabError, readTable, type Table } from './table';

/** Tabs staff type in, whose rows are validated. */
export const VALIDATED_TABS: readonly RegistryTab[] = [
  TAB.comuni,
  TAB.dipendenti,
  TAB.corsi,
  TAB.sessioni,
  TAB.iscrizioni,
  TAB.presenze,
  TAB.formazioneEsterna,
  TAB.impostazioni,
];

export { crossCheckTables };

/** What marks the part of a note the add-on wrote, so it can be replaced without touching staff's notes. */
export const NOTE_MARK = '⚠ Academy4PA: ';

/** Reads a tab (one call), adding its row problems, or its absence as a problem (then null). */
export function tryRead<N extends RegistryTab>(tab: N, problems: Problem[]): Table<RecordByTab[N]> | null {
  try {
    const table = readTable(tab);
    problems.push(...table.problems);
    return table;
  } catch (error) {
    if (error instanceof MissingTabError) {
      problems.push({ tab, row: 0, column: '', message: error.message });
      return null;
    }
    throw error;
  }
}

/** The "Da correggere" order: each problem once, by tab (in `VALIDATED_TABS` order) then row. */
export function orderProblems(problems: readonly Problem[]): Problem[] {
  const order = new Map<string, number>(VALIDATED_TABS.map((t, i) => [t, i]));
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const k = `${p.tab}|${p.row}|${p.column}|${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => (order.get(a.tab) ?? 99) - (order.get(b.tab) ?? 99) || a.row - b.row);
}

export interface CollectedProblems {
  problems: Problem[];
  tables: Array<Table<unknown>>;
}

/** Reads every validated tab (one call each) and returns its problems with the tables read. */
export function collectProblemsWithTables(): CollectedProblems {
  const problems: Problem[] = [];
  const comuni = tryRead(TAB.comuni, problems);
  const employees = tryRead(TAB.dipendenti, problems);
  const courses = tryRead(TAB.corsi, problems);
  const sessions = tryRead(TAB.sessioni, problems);
  const enrollments = tryRead(TAB.iscrizioni, problems);
  const attendance = tryRead(TAB.presenze, problems);
  const external = tryRead(TAB.formazioneEsterna, problems);
  const settingsTable = tryRead(TAB.impostazioni, problems);
  if (settingsTable) problems.push(...settingsProblems().filter((p) => p.row !== 1));
  problems.push(...crossCheckTables({ comuni, employees, courses, sessions, enrollments }));
  const tables = [comuni, employees, courses, sessions, enrollments, attendance, external, settingsTable].filter(
    (t): t is NonNullable<typeof t> => t !== null,
  ) as Array<Table<unknown>>;
  return { problems: orderProblems(problems), tables };
}

/** The staff part of a note: everything before the add-on's own part. */
export function staffPartOfNote(note: string): string {
  const at = note.indexOf(NOTE_MARK);
  return at < 0 ? note : note.slice(0, at).trimEnd();
}

export function composeNote(current: string, messages: readonly string[]): string {
  const staff = staffPartOfNote(current);
  if (messages.length === 0) return staff;
  const ours = messages.map((m) => `${NOTE_MARK}${m}`).join('\n');
  return cutText(staff === '' ? ours : `${staff}\n\n${ours}`, CELL_CHARACTER_LIMIT);
}

function columnOf(table: Table<unknown>, header: string): number {
  const key = normalizeKey(header.split(',')[0] ?? '');
  const i = table.header.findIndex((h) => normalizeKey(h) === key);
  return i < 0 ? 1 : i + 1;
}

/**
 * The highlight the add-on puts on a cell to fix. A cell carries it only while it also carries the
 * add-on's part of a note: that note is how the add-on remembers which colours are its own.
 */
export const PROBLEM_BACKGROUND = '#fde2e1';

/** Google answers a cell without a colour of its own as white (catalogue: SHEETS-BACKGROUNDS). */
const DEFAULT_BACKGROUND = '#ffffff';

/**
 * A cell's next background: highlighted while it has a problem (unless staff coloured it), back to no
 * colour once fixed, but only where the highlight is the add-on's own (its note says so).
 */
export function nextBackground(current: string, hadOwnNote: boolean, hasProblem: boolean): string | null {
  const colour = current.toLowerCase();
  if (hasProblem) return colour === DEFAULT_BACKGROUND ? PROBLEM_BACKGROUND : current;
  if (hadOwnNote && colour === PROBLEM_BACKGROUND) return null;
  return current;
}

function sameBackground(a: string | null, b: string): boolean {
  return (a ?? DEFAULT_BACKGROUND).toLowerCase() === b.toLowerCase();
}

/**
 * Marks each problem on its cell (a note with the message and a highlight) and clears the marks the
 * add-on left on cells that are fine now; staff's own notes and colours stay. Per tab: one `getNotes`
 * and one `getBackgrounds` of the data block, then one `setNotes` and one `setBackgrounds` of the rows
 * whose marks change.
 */
export function reportProblems(problems: readonly Problem[], tables?: ReadonlyArray<Table<unknown>>): void {
  const given = tables ?? collectProblemsWithTables().tables;
  for (const table of given) {
    const lastRow = table.lastRow;
    const width = Math.max(table.width, table.header.length);
    if (lastRow < 1 || width < 1) continue;
    const wanted = new Map<string, string[]>();
    for (const p of problems) {
      if (p.tab !== table.tab || p.row < 1 || p.row > lastRow) continue;
      const key = `${p.row}:${columnOf(table, p.column)}`;
      wanted.set(key, [...(wanted.get(key) ?? []), p.message]);
    }
    const range = table.sheet.getRange(1, 1, lastRow, width);
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();
    let first = Infinity;
    let last = -Infinity;
    const nextNotes: string[][] = [];
    const nextBackgrounds: Array<Array<string | null>> = [];
    notes.forEach((line, r) => {
      const noteLine: string[] = [];
      const backgroundLine: Array<string | null> = [];
      line.forEach((note, c) => {
        const current = String(note ?? '');
        const messages = wanted.get(`${r + 1}:${c + 1}`) ?? [];
        const updated = composeNote(current, messages);
        const background = String(backgrounds[r]?.[c] ?? DEFAULT_BACKGROUND);
        const colour = nextBackground(background, current.includes(NOTE_MARK), messages.length > 0);
        if (updated !== current || !sameBackground(colour, background)) {
          first = Math.min(first, r);
          last = Math.max(last, r);
        }
        noteLine.push(updated);
        backgroundLine.push(colour);
      });
      nextNotes.push(noteLine);
      nextBackgrounds.push(backgroundLine);
    });
    if (first === Infinity) continue;
    const block = table.sheet.getRange(first + 1, 1, last - first + 1, width);
    block.setNotes(nextNotes.slice(first, last + 1));
    block.setBackgrounds(nextBackgrounds.slice(first, last + 1));
  }
}
