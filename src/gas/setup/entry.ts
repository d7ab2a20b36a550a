/** Entry points of the registry: setup ("Configura") and the installable edit trigger. */
import { isRegistryTab, type RecordByTab, type RegistryTab } from '../../core/registry/codec';
import { TAB } from '../../core/registry/tabs';
import { serverAction } from '../platform/entry';
import { flushLog } from '../registry/log';
import { crossCheckTables, reportProblems, tryRead, VALIDATED_TABS } from '../registry/problems';
import { assignMissingIds, ID_TABS, type IdTab } from '../registry/ids';
import { readTable, type Table } from '../registry/table';
import { academySpreadsheet } from '../registry/workbook';
import { EDIT_HANDLER, runSetup, type SetupResult } from './setup';
import { requireOwnTriggerOrStaff } from '../platform/auth';
import { refreshProperties } from '../platform/properties';
import { markRowsChanged } from '../figures/marks';
import { handleEnrollmentEdits } from '../enrollment/entry';
import { fillTickedHours } from '../attendance/prepare';
import type { Attendance, Problem } from '../../core/registry/schemas';

export const setupAcademy = serverAction('Configura', (): SetupResult => {
  const result = runSetup();
  academySpreadsheet().toast(result.message, 'Academy4PA', 10);
  return result;
});

/**
 * The tabs whose marks an edit of a tab can change: a comune renamed or added in `Comuni` makes the
 * employees naming it right or wrong, a course code in `Corsi` its sessions and enrollments.
 */
const MARKED_WITH: Partial<Record<string, readonly RegistryTab[]>> = {
  [TAB.comuni]: [TAB.dipendenti],
  [TAB.corsi]: [TAB.sessioni, TAB.iscrizioni],
};

/** The tabs a tab's cross-tab checks read besides itself. */
const CHECKED_AGAINST: Partial<Record<string, readonly RegistryTab[]>> = {
  [TAB.dipendenti]: [TAB.comuni],
  [TAB.sessioni]: [TAB.corsi],
  [TAB.iscrizioni]: [TAB.corsi],
};

function isIdTab(name: string): name is IdTab {
  return (ID_TABS as readonly string[]).includes(name);
}

/**
 * Marks the edited tab's cells to fix, and those of the tabs its edit can make right or wrong, with
 * every check that concerns them (their rows and the cross-tab references): one read per tab involved.
 */
function markEditedTabs(name: RegistryTab, edited: Table<unknown> | undefined): Table<unknown> {
  const marked = [name, ...(MARKED_WITH[name] ?? [])];
  const involved = new Set<RegistryTab>(marked);
  for (const tab of marked) for (const other of CHECKED_AGAINST[tab] ?? []) involved.add(other);
  const problems: Problem[] = [];
  const tables = new Map<RegistryTab, Table<unknown>>();
  for (const tab of involved) {
    const table = tab === name && edited ? edited : tryRead(tab, []);
    if (table) tables.set(tab, table as Table<unknown>);
  }
  for (const table of tables.values()) problems.push(...table.problems);
  const get = <N extends RegistryTab>(tab: N): Table<RecordByTab[N]> | null =>
    (tables.get(tab) as Table<RecordByTab[N]> | undefined) ?? null;
  problems.push(
    ...crossCheckTables({
      comuni: get(TAB.comuni),
      employees: get(TAB.dipendenti),
      courses: get(TAB.corsi),
      sessions: get(TAB.sessioni),
      enrollments: get(TAB.iscrizioni),
    }),
  );
  reportProblems(
    problems,
    marked.map((tab) => tables.get(tab)).filter((t): t is Table<unknown> => t !== undefined),
  );
  return tables.get(name) as Table<unknown>;
}

function rowSpan(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * The installable edit trigger: a row typed without an ID gets one at once, and the cells to fix are
 * marked at once (a note with the message and a highlight) in the edited tab and the tabs it affects. Another execution holding the script lock (a workflow
 * assigning IDs itself) makes this one step aside. The edited rows are marked for the figures record
 * either way: staff's typing is the only change to the registry Google tells the script about.
 */
export function onRegistryEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  requireOwnTriggerOrStaff(EDIT_HANDLER, e, 'Controllo delle modifiche al registro');
  // A hand-made event (plain data, no Range) proves no edit: nothing to do.
  if (e?.range && typeof (e.range as { getSheet?: unknown }).getSheet !== 'function') return;
  const name = e?.range ? e.range.getSheet().getName() : '';
  if (name !== '' && !(isRegistryTab(name) && (VALIDATED_TABS as readonly string[]).includes(name))) return;
  const lock = LockService.getScriptLock();
  const edited = e?.range ? rowSpan(e.range.getRow(), e.range.getNumRows()) : [];
  if (!lock.tryLock(5000)) {
    markRowsChanged(name, edited);
    return;
  }
  try {
    refreshProperties();
    markRowsChanged(name, edited);
    let table: Table<unknown> | undefined;
    if (name === '' || isIdTab(name)) {
      const tables = assignMissingIds(name === '' ? ID_TABS : [name as IdTab]);
      if (name !== '') table = tables[name as IdTab] as Table<unknown> | undefined;
    }
    if (name !== '' && isRegistryTab(name) && name !== TAB.impostazioni) {
      const t = markEditedTabs(name, table ?? (readTable(name) as Table<unknown>));
      if (name === TAB.presenze && e?.range)
        fillTickedHours(t as Table<Attendance>, e.range.getRow(), e.range.getNumRows());
    }
    flushLog();
  } finally {
    lock.releaseLock();
  }
  if (name === TAB.iscrizioni && e?.range) {
    handleEnrollmentEdits(edited);
  }
}
