/**
 * Which rows changed since the figures record was made, as the writers leave word of it: a mark names,
 * per tab, row runs (`"2-5,9"`) or the whole tab (`"*"`, after rows were inserted or moved).
 */
import * as z from 'zod/mini';

export const WHOLE_TAB = '*';

export const markSchema = z.record(z.string(), z.string());
export type Mark = z.infer<typeof markSchema>;

/** The rows as runs of consecutive rows: `[first, count]`, ascending. */
export function rowRuns(rows: Iterable<number>): Array<[number, number]> {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === row) last[1] += 1;
    else runs.push([row, 1]);
  }
  return runs;
}

export function formatRuns(rows: Iterable<number>): string {
  return rowRuns(rows)
    .map(([first, count]) => (count === 1 ? String(first) : `${first}-${first + count - 1}`))
    .join(',');
}

/** The rows a mark's text names; null for the whole tab or a text that is not a list of runs. */
export function parseRuns(text: string): number[] | null {
  if (text === WHOLE_TAB) return null;
  const rows: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return null;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (last < first) return null;
    for (let r = first; r <= last; r++) rows.push(r);
  }
  return rows;
}

/** Per tab, the rows all the marks name together, or null for a tab marked whole. */
export function combineMarks(marks: readonly Mark[]): Map<string, Set<number> | null> {
  const out = new Map<string, Set<number> | null>();
  for (const mark of marks) {
    for (const [tab, text] of Object.entries(mark)) {
      const rows = parseRuns(text);
      if (rows === null) {
        out.set(tab, null);
        continue;
      }
      const seen = out.get(tab);
      if (seen === null) continue;
      const set = seen ?? new Set<number>();
      for (const r of rows) set.add(r);
      out.set(tab, set);
    }
  }
  return out;
}
