/** Entry points of the registry: setup ("Configura") and the installable edit trigger. */
import { crossCheck, type CrossCheckInput } from '../../core/registry/checks';
import { isRegistryTab } from '../../core/registry/codec';
import { TAB } from '../../core/registry/tabs';
import { serverAction } from '../platform/entry';
import { flushLog } from '../registry/log';
import { reportProblems, VALIDATED_TABS } from '../registry/problems';
import { assignMissingIds, ID_TABS, type IdTab } from '../registry/ids';
import { readTable, type Table } from '../registry/table';
import { academySpreadsheet } from '../registry/workbook';
import { EDIT_HANDLER, runSetup, type SetupResult } from './setup';
import { requireOwnTriggerOrStaff } from '../platform/auth';
import { refreshProperties } from '../platform/properties';
import { handleEnrollmentEdits } from '../enrollment/entry';
import { fillTickedHours } from '../attendance/prepare';
import type { Attendance } from '../../core/registry/schemas';

export const setupAcademy = serverAction('Configura', (): SetupResult => {
  const result = runSetup();
  academySpreadsheet().toast(result.message, 'Academy4PA', 10);
  return result;
});

/** The checks within one tab (duplicates) that the edit trigger can make without reading the others. */
const CROSS_CHECK_KEY: Partial<Record<string, keyof CrossCheckInput>> = {
  [TAB.comuni]: 'comuni',
  [TAB.dipendenti]: 'employees',
  [TAB.corsi]: 'courses',
  [TAB.sessioni]: 'sessions',
  [TAB.iscrizioni]: 'enrollments',
};

function isIdTab(name: string): name is IdTab {
  return (ID_TABS as readonly string[]).includes(name);
}

/**
 * The installable edit trigger: a row typed without an ID gets one at once, and the edited tab's
 * notes show what is wrong with its rows. Another execution holding the script lock (a workflow
 * assigning IDs itself) makes this one step aside.
 */
export function onRegistryEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  requireOwnTriggerOrStaff(EDIT_HANDLER, e, 'Controllo delle modifiche al registro');
  // A hand-made event (plain data, no Range) proves no edit: nothing to do.
  if (e?.range && typeof (e.range as { getSheet?: unknown }).getSheet !== 'function') return;
  const name = e?.range ? e.range.getSheet().getName() : '';
  if (name !== '' && !(isRegistryTab(name) && (VALIDATED_TABS as readonly string[]).includes(name))) return;
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(5000)) return;
  try {
    refreshProperties();
    let table: Table<unknown> | undefined;
    if (name === '' || isIdTab(name)) {
      const tables = assignMissingIds(name === '' ? ID_TABS : [name as IdTab]);
      if (name !== '') table = tables[name as IdTab] as Table<unknown> | undefined;
    }
    if (name !== '' && isRegistryTab(name) && name !== TAB.impostazioni) {
      const t = table ?? (readTable(name) as Table<unknown>);
      const key = CROSS_CHECK_KEY[name];
      const own = key ? crossCheck({ [key]: t.rows } as CrossCheckInput) : [];
      reportProblems([...t.problems, ...own], [t]);
      if (name === TAB.presenze && e?.range)
        fillTickedHours(t as Table<Attendance>, e.range.getRow(), e.range.getNumRows());
    }
    flushLog();
  } finally {
    lock.releaseLock();
  }
  if (name === TAB.iscrizioni && e?.range) {
    const first = e.range.getRow();
    handleEnrollmentEdits(Array.from({ length: e.range.getNumRows() }, (_, i) => first + i));
  }
}
