/** `Impostazioni`: typed settings with defaults, and writing one key. */
import { decodeSettings, settingField, settingValueText } from '../../core/registry/settings';
import type { Problem, SettingRow, Settings } from '../../core/registry/schemas';
import { SETTING_KEYS, TAB } from '../../core/registry/tabs';
import { normalizeKey } from '../../core/text';
import { appendRecords, readTable, updateRecords, type Table } from './table';
import { formatInSpreadsheetZone } from './workbook';

let memo: { settings: Settings; problems: Problem[] } | null = null;

function currentYear(): number {
  return Number(formatInSpreadsheetZone(new Date(), 'yyyy'));
}

function decode(table: Table<SettingRow>): { settings: Settings; problems: Problem[] } {
  const decoded = decodeSettings(
    table.rows.map((r) => ({ row: r.row, key: r.record.key, value: r.record.value })),
    currentYear(),
  );
  return { settings: decoded.settings, problems: [...table.problems, ...decoded.problems] };
}

function load(): { settings: Settings; problems: Problem[] } {
  memo ??= decode(readTable(TAB.impostazioni));
  return memo;
}

/** The settings from `Impostazioni` read by another path (the Sheets API), kept as this execution's. */
export function adoptSettingsTable(table: Table<SettingRow>): Settings {
  memo = decode(table);
  return memo.settings;
}

/** The settings, defaults applied; read once per execution (writeSetting keeps it current). */
export function readSettings(): Settings {
  return load().settings;
}

/** Settings that could not be read (each fell back to its default). */
export function settingsProblems(): Problem[] {
  return load().problems;
}

/**
 * Sets one key (an `Impostazioni` key such as `ID calendario`, a field name such as `calendarId`, or any extra
 * key): its row's `Valore` is updated, or a row is appended.
 */
export function writeSetting(key: string, value: string | number | boolean): void {
  const label = key in SETTING_KEYS ? SETTING_KEYS[key as keyof typeof SETTING_KEYS] : key;
  const text = settingValueText(value);
  const table = readTable(TAB.impostazioni);
  const wanted = settingField(label) ?? normalizeKey(label);
  const hit = table.rows.find((r) => (settingField(r.record.key) ?? normalizeKey(r.record.key)) === wanted);
  if (hit) updateRecords(table, [{ row: hit.row, patch: { value: text } }]);
  else appendRecords(table, [{ key: label, value: text }]);
  memo = null;
}
