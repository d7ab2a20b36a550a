/**
 * "Configura": builds what is missing of the registry and repairs what staff broke, never duplicating,
 * reordering or erasing what they wrote. Then the other workflows' setup steps run.
 */
import { defaultSettingRows, settingField } from '../../core/registry/settings';
import type { Problem } from '../../core/registry/schemas';
import {
  SYSTEM_TABS,
  TAB,
  TAB_ORDER,
  HEADERS,
  columnsOf,
  type CellKind,
  type ColumnSpec,
  type TabName,
} from '../../core/registry/tabs';
import { normalizeKey } from '../../core/text';
import { logEvent } from '../registry/log';
import { collectProblemsWithTables, reportProblems } from '../registry/problems';
import { assignMissingIds } from '../registry/ids';
import { appendRecords, readTable } from '../registry/table';
import { markTabChanged } from '../figures/marks';
import {
  academySpreadsheet,
  formatInSpreadsheetZone,
  rememberSheet,
  rememberSpreadsheetTimeZone,
  sheetNamed,
} from '../registry/workbook';
import { setupSteps } from './steps';
import { sheetValues } from '../platform/sheet-values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const EDIT_HANDLER = 'onRegistryEdit';
const PROTECTION_PREFIX = 'Academy4PA: ';

export interface SetupResult {
  createdTabs: string[];
  addedColumns: string[];
  addedSettings: string[];
  triggerInstalled: boolean;
  steps: string[];
  /** The rows to fix, as `getDashboard().problems` lists them. */
  problems: Problem[];
  message: string;
}

const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  code: '@',
  euro: '#,##0.00 "€"',
  date: 'dd/MM/yyyy',
  time: 'HH:mm',
  datetime: 'dd/MM/yyyy HH:mm',
};

interface TabLayout {
  sheet: Sheet;
  /** Header → 1-based column, by normalised header. */
  columns: Map<string, number>;
  width: number;
  created: boolean;
}

/** Finds or inserts the tab and makes its header complete: missing headers go after the last one. */
function ensureTab(name: TabName, position: number, addedColumns: string[]): TabLayout {
  const ss = academySpreadsheet();
  let sheet = sheetNamed(name);
  let created = false;
  if (!sheet) {
    sheet = ss.insertSheet(name, position);
    rememberSheet(sheet, name);
    created = true;
  }
  const header = created ? [] : (sheetValues(sheet, 1, 1, 1, -1)[0] ?? []).map((h) => String(h ?? ''));
  while (header.length > 0 && header[header.length - 1]?.trim() === '') header.pop();
  const columns = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normalizeKey(h);
    if (k !== '' && !columns.has(k)) columns.set(k, i + 1);
  });
  const missing = HEADERS[name].filter((h) => !columns.has(normalizeKey(h)));
  if (missing.length > 0) {
    const start = header.length + 1;
    const needed = start + missing.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    markTabChanged(name);
    sheet.getRange(1, start, 1, missing.length).setValues([missing]);
    missing.forEach((h, i) => columns.set(normalizeKey(h), start + i));
    if (!created) addedColumns.push(...missing.map((h) => `${name} › ${h}`));
  }
  const width = header.length + missing.length;
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return { sheet, columns, width, created };
}

function columnRange(layout: TabLayout, column: number, maxRows: number): GoogleAppsScript.Spreadsheet.Range {
  return layout.sheet.getRange(2, column, Math.max(1, maxRows - 1), 1);
}

const CHECKBOX_RULE = (): GoogleAppsScript.Spreadsheet.DataValidation =>
  SpreadsheetApp.newDataValidation().requireCheckbox().build();

function validationFor(
  spec: ColumnSpec,
  layouts: Map<TabName, TabLayout>,
  maxRowsOf: (t: TabName) => number,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const dropdown = spec.dropdown;
  if (!dropdown) return null;
  if (Array.isArray(dropdown)) {
    return SpreadsheetApp.newDataValidation()
      .requireValueInList([...dropdown], true)
      .setAllowInvalid(false)
      .build();
  }
  const ref = dropdown as { tab: TabName; header: string };
  const source = layouts.get(ref.tab);
  const at = source?.columns.get(normalizeKey(ref.header));
  if (!source || at === undefined) return null;
  return SpreadsheetApp.newDataValidation()
    .requireValueInRange(columnRange(source, at, maxRowsOf(ref.tab)), true)
    .setAllowInvalid(true)
    .setHelpText(`Scelga un valore della colonna «${ref.header}» del foglio «${ref.tab}».`)
    .build();
}

/**
 * Formats, dropdowns and checkboxes of the tab's columns (re-applied: setup repairs them). A checkbox
 * column gets its rule on the rows with data, where it keeps what staff ticked, and `insertCheckboxes`
 * below them: those rows are empty in every column, so setting them to `false` loses nothing, and Google
 * documents what that leaves (content, counted by `getLastRow()`), whereas what a bare checkbox rule does
 * to an empty cell is not documented (docs/google-behaviour.md, SHEETS-CHECKBOX-EMPTY).
 */
function formatColumns(name: TabName, layouts: Map<TabName, TabLayout>, maxRowsOf: (t: TabName) => number): void {
  const layout = layouts.get(name) as TabLayout;
  const specs = columnsOf(name).filter((spec) => layout.columns.has(normalizeKey(spec.header)));
  const hasCheckboxes = specs.some((spec) => spec.kind === 'bool');
  const lastRow = hasCheckboxes ? (layout.created ? 1 : Math.max(1, layout.sheet.getLastRow())) : 1;
  const maxRows = maxRowsOf(name);
  for (const spec of specs) {
    const at = layout.columns.get(normalizeKey(spec.header)) as number;
    const range = columnRange(layout, at, maxRows);
    const format = NUMBER_FORMATS[spec.kind];
    if (format) range.setNumberFormat(format);
    if (spec.kind === 'bool') {
      if (lastRow >= 2) layout.sheet.getRange(2, at, lastRow - 1, 1).setDataValidation(CHECKBOX_RULE());
      if (lastRow < maxRows) layout.sheet.getRange(lastRow + 1, at, maxRows - lastRow, 1).insertCheckboxes();
      continue;
    }
    const validation = validationFor(spec, layouts, maxRowsOf);
    if (validation) range.setDataValidation(validation);
  }
}

/** Warning-only protections: system columns of staff's tabs, and the add-on's own tabs whole. */
function protect(name: TabName, layout: TabLayout, maxRows: number): void {
  const sheet = layout.sheet;
  if (SYSTEM_TABS.includes(name)) {
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    if (existing.length === 0) {
      sheet
        .protect()
        .setDescription(`${PROTECTION_PREFIX}foglio scritto dal componente aggiuntivo`)
        .setWarningOnly(true);
    }
    return;
  }
  const system = columnsOf(name).filter((c) => c.system);
  if (system.length === 0) return;
  const existing = new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
  for (const spec of system) {
    const at = layout.columns.get(normalizeKey(spec.header));
    const description = `${PROTECTION_PREFIX}colonna di sistema «${spec.header}»`;
    if (at === undefined || existing.has(description)) continue;
    sheet.getRange(1, at, maxRows, 1).protect().setDescription(description).setWarningOnly(true);
  }
}

/** Adds the settings keys that are missing, with their defaults; existing values are never touched. */
function ensureSettings(): string[] {
  const table = readTable(TAB.impostazioni);
  const present = new Set(
    table.values.slice(1).map((r) => {
      const key = String(r[(table.columns.key ?? 1) - 1] ?? '');
      return settingField(key) ?? normalizeKey(key);
    }),
  );
  const year = Number(formatInSpreadsheetZone(new Date(), 'yyyy'));
  const missing = defaultSettingRows(year).filter((r) => !present.has(settingField(r.key) ?? normalizeKey(r.key)));
  appendRecords(table, missing);
  return missing.map((m) => m.key);
}

function ensureEditTrigger(): boolean {
  const exists = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === EDIT_HANDLER);
  if (exists) return false;
  ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(academySpreadsheet()).onEdit().create();
  return true;
}

function summary(result: Omit<SetupResult, 'message'>): string {
  const parts: string[] = [];
  parts.push(
    result.createdTabs.length > 0
      ? `fogli creati: ${result.createdTabs.join(', ')}`
      : 'tutti i fogli erano già presenti',
  );
  if (result.addedColumns.length > 0) parts.push(`colonne aggiunte: ${result.addedColumns.join(', ')}`);
  if (result.addedSettings.length > 0) parts.push(`impostazioni aggiunte: ${result.addedSettings.length}`);
  parts.push(...result.steps);
  parts.push(
    result.problems.length > 0
      ? `righe da correggere: ${result.problems.length} (vedi le note sulle celle)`
      : 'nessuna riga da correggere',
  );
  return `Configurazione completata: ${parts.join('; ')}.`;
}

/** The registry part of setup plus every registered step; returns what it did, in Italian. */
export function runSetup(): SetupResult {
  rememberSpreadsheetTimeZone();
  const createdTabs: string[] = [];
  const addedColumns: string[] = [];
  const layouts = new Map<TabName, TabLayout>();
  TAB_ORDER.forEach((name, i) => {
    const layout = ensureTab(name, i, addedColumns);
    if (layout.created) createdTabs.push(name);
    layouts.set(name, layout);
  });
  const maxRows = new Map<TabName, number>();
  const maxRowsOf = (t: TabName): number => {
    let n = maxRows.get(t);
    if (n === undefined) {
      n = (layouts.get(t) as TabLayout).sheet.getMaxRows();
      maxRows.set(t, n);
    }
    return n;
  };
  for (const name of TAB_ORDER) {
    formatColumns(name, layouts, maxRowsOf);
    protect(name, layouts.get(name) as TabLayout, maxRowsOf(name));
  }
  const addedSettings = ensureSettings();
  const triggerInstalled = ensureEditTrigger();
  assignMissingIds();
  const steps: string[] = [];
  for (const step of setupSteps) {
    const line = step.run();
    if (typeof line === 'string' && line.trim() !== '') steps.push(line.trim().replace(/[.;]+$/, ''));
  }
  const { problems, tables } = collectProblemsWithTables();
  reportProblems(problems, tables);
  const partial = { createdTabs, addedColumns, addedSettings, triggerInstalled, steps, problems };
  const message = summary(partial);
  logEvent(
    'Configura',
    `fogli creati ${createdTabs.length}, colonne aggiunte ${addedColumns.length}, righe da correggere ${problems.length}`,
  );
  return { ...partial, message };
}
