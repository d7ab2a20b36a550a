/**
 * The figures of the big registry tabs, brought up to date: for each tab, the rows marked since the
 * record was saved and the rows appended since are read again (one read per run of rows) and folded in;
 * a tab without a usable part (no record, another generation, a header changed, rows deleted, a change
 * the fold cannot take) is read whole and its part made again. Under the script lock the result is
 * saved and the marks it folded are cleared; without it (another execution is writing) it is only used.
 */
import {
  employeeFigures,
  enrollmentContributions,
  enrollmentFigures,
  foldEnrollments,
  foldProblemsOnly,
  headerOf,
  problemsOnlyFigures,
  RECORDED_TABS,
  type FiguresRecord,
  type RecordedTab,
  type TabChange,
} from '../../core/figures/record';
import { rowRuns } from '../../core/figures/marks';
import { decodeTable, type Cell, type DecodedTable } from '../../core/registry/codec';
import type { Enrollment } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { refreshProperties } from '../platform/properties';
import { sheetValues } from '../platform/sheet-values';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone, sheetNamed } from '../registry/workbook';
import { clearMarks, pendingMarks } from './marks';
import { loadContributions, loadFigures, saveFigures, type ContributionWrites } from './store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Tabs = FiguresRecord['tabs'];

/** Past this many runs of changed rows a tab is cheaper to read whole than run by run. */
const MAX_RUNS = 25;

/** The changed rows read with the current header, every other row left blank, so rows keep their numbers. */
function changeOf<T>(tab: RecordedTab, sheet: Sheet, lastRow: number, rows: readonly number[]): TabChange<T> {
  const headerRow = sheetValues(sheet, 1, 1, 1, -1)[0] ?? [];
  const header = headerOf(headerRow);
  const width = Math.max(1, header.length);
  const grid: Cell[][] = [headerRow as Cell[]];
  for (const [first, count] of rowRuns(rows)) {
    const values = sheetValues(sheet, first, 1, count, width);
    values.forEach((line, i) => {
      while (grid.length < first + i - 1) grid.push([]);
      grid[first + i - 1] = line as Cell[];
    });
  }
  const decoded = decodeTable(tab, grid, formatInSpreadsheetZone) as unknown as DecodedTable<T>;
  return { header, lastRow, rows, decoded };
}

interface Refreshed {
  tabs: Tabs;
  writes: ContributionWrites;
}

function wholeTab(tab: RecordedTab, lastRow: number, out: Refreshed): void {
  if (tab === TAB.dipendenti) {
    out.tabs[tab] = employeeFigures(readTable(tab), lastRow);
  } else if (tab === TAB.iscrizioni) {
    const table = readTable(tab);
    out.tabs[tab] = enrollmentFigures(table, lastRow);
    out.writes.all = enrollmentContributions(table, lastRow);
  } else {
    out.tabs[tab] = problemsOnlyFigures(readTable(tab), lastRow);
  }
}

function refreshTab(
  tab: RecordedTab,
  sheet: Sheet,
  previous: Tabs,
  marked: Set<number> | null | undefined,
  out: Refreshed,
): boolean {
  const lastRow = sheet.getLastRow();
  const part = previous[tab];
  if (!part || marked === null || lastRow < part.lastRow) {
    wholeTab(tab, lastRow, out);
    return true;
  }
  const rows = [...(marked ?? [])].filter((r) => r <= lastRow);
  for (let r = part.lastRow + 1; r <= lastRow; r++) rows.push(r);
  const wanted = [...new Set(rows)].sort((a, b) => a - b);
  if (wanted.length === 0) {
    out.tabs[tab] = part as never;
    return false;
  }
  if (tab === TAB.dipendenti || rowRuns(wanted).length > MAX_RUNS) {
    wholeTab(tab, lastRow, out);
    return true;
  }
  if (tab === TAB.iscrizioni) {
    const change = changeOf<Enrollment>(tab, sheet, lastRow, wanted);
    const folded = foldEnrollments(
      previous[TAB.iscrizioni] as NonNullable<Tabs['Iscrizioni']>,
      change,
      loadContributions(wanted.filter((r) => r <= part.lastRow)),
    );
    if (!folded) {
      wholeTab(tab, lastRow, out);
      return true;
    }
    out.tabs[tab] = folded.figures;
    out.writes.rows = folded.contributions;
    return true;
  }
  const folded = foldProblemsOnly(part, changeOf<unknown>(tab, sheet, lastRow, wanted));
  if (!folded) wholeTab(tab, lastRow, out);
  else out.tabs[tab] = folded;
  return true;
}

function brought(whole: boolean): FiguresRecord['tabs'] | null {
  const sheets = RECORDED_TABS.map((tab) => sheetNamed(tab));
  if (sheets.some((s) => s === null)) return null;
  const lock = LockService.getScriptLock();
  const already = lock.hasLock();
  const held = already || lock.tryLock(0);
  try {
    if (held && !already) refreshProperties();
    const saved = whole ? null : loadFigures();
    const marks = pendingMarks();
    const out: Refreshed = { tabs: {}, writes: {} };
    let changed = saved === null;
    RECORDED_TABS.forEach((tab, i) => {
      const marked = saved ? marks.byTab.get(tab) : null;
      if (refreshTab(tab, sheets[i] as Sheet, saved?.tabs ?? {}, marked, out)) changed = true;
    });
    if (held && (changed || marks.keys.length > 0)) {
      saveFigures({ tabs: out.tabs }, out.writes);
      clearMarks(marks.keys);
    }
    return out.tabs;
  } finally {
    if (held && !already) lock.releaseLock();
  }
}

/**
 * The record of every big tab as the registry is now, or null when one of them is missing (the caller
 * reads the registry the usual way and reports it). Employee rows are never folded one by one: a change
 * there can make or undo a duplicated e-mail or an unknown comune anywhere in the tab.
 */
export function currentFigures(): FiguresRecord['tabs'] | null {
  return brought(false);
}

/**
 * The record made again from every row, whatever the marks say: the weekly safety net for changes
 * no trigger reports (rows inserted, deleted or sorted by hand, another program's writes).
 */
export function rebuildFigures(): void {
  brought(true);
}
