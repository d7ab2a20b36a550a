/**
 * The closed years' archive spreadsheets: which archive holds which year (a Script Property), finding or
 * creating a year's archive in the academy's Drive folder, shared read-only with staff, and reading an
 * archived tab. Each function touches its services and does nothing else.
 */
import { archiveName } from '../../core/years/change';
import { readProperty, writeProperties } from '../platform/properties';
import { withRetry } from '../platform/retry';
import { readGrid } from '../registry/table';
import { academySpreadsheet } from '../registry/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ARCHIVES_KEY = 'a4pa.years.archives';
export const ARCHIVE_INFO_TAB = 'Archivio';
const SHEETS_MIME = 'application/vnd.google-apps.spreadsheet';

let memo: Record<string, string> | null = null;

/** Archive spreadsheet id by closed year (`{ "2027": "1AbC…" }`), read once per execution. */
export function archiveIds(): Record<string, string> {
  if (!memo) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(readProperty(ARCHIVES_KEY) ?? '{}');
    } catch {
      parsed = null;
    }
    memo = {};
    if (parsed && typeof parsed === 'object') {
      for (const [year, id] of Object.entries(parsed as Record<string, unknown>)) {
        if (/^\d{4}$/.test(year) && typeof id === 'string' && id) memo[year] = id;
      }
    }
  }
  return memo;
}

export function recordArchive(year: number, id: string): void {
  const next = { ...archiveIds(), [String(year)]: id };
  writeProperties({ [ARCHIVES_KEY]: JSON.stringify(next) });
  memo = next;
}

/** The closed years that have an archive, newest first. */
export function archivedYears(): number[] {
  return Object.keys(archiveIds())
    .map(Number)
    .sort((a, b) => b - a);
}

const opened = new Map<number, Spreadsheet | null>();

/** The archive of a closed year, or null when there is none or it can no longer be opened. */
export function openArchive(year: number): Spreadsheet | null {
  if (opened.has(year)) return opened.get(year) ?? null;
  const id = archiveIds()[String(year)];
  let archive: Spreadsheet | null = null;
  if (id) {
    try {
      archive = withRetry('SpreadsheetApp.openById', () => SpreadsheetApp.openById(id));
    } catch {
      archive = null;
    }
  }
  opened.set(year, archive);
  return archive;
}

/** An archived tab's grid (header first), or none when the archive lacks the tab. */
export function readArchivedGrid(archive: Spreadsheet, tab: string): unknown[][] {
  const sheet = archive.getSheetByName(tab);
  return sheet ? readGrid(sheet) : [];
}

/** The folder holding the academy's spreadsheet (its first parent), else the Drive root. */
function academyFolder(): GoogleAppsScript.Drive.Folder {
  const parents = DriveApp.getFileById(academySpreadsheet().getId()).getParents();
  return parents.hasNext() ? parents.next() : DriveApp.getRootFolder();
}

/**
 * The archive of `year`: the one recorded, else a spreadsheet of that name already in the academy's
 * folder (an execution stopped between creating it and recording it), else a new one. A new archive is
 * moved into the folder and shared as viewer with `viewers`: staff read it, nobody edits it by mistake.
 */
export function ensureArchive(
  year: number,
  viewers: readonly string[],
  about: ReadonlyArray<readonly [string, string]>,
): Spreadsheet {
  const recorded = openArchive(year);
  if (recorded) return recorded;
  const name = archiveName(year);
  const folder = academyFolder();
  const found = folder.getFilesByName(name);
  while (found.hasNext()) {
    const file = found.next();
    if (file.getMimeType() === SHEETS_MIME && !file.isTrashed()) {
      const archive = SpreadsheetApp.openById(file.getId());
      recordArchive(year, archive.getId());
      opened.set(year, archive);
      return archive;
    }
  }
  const archive = SpreadsheetApp.create(name);
  // The first tab says what the file is: a new spreadsheet starts with one unnamed tab.
  const first = archive.getSheets()[0];
  if (first && about.length > 0) {
    first.setName(ARCHIVE_INFO_TAB);
    first.getRange(1, 1, about.length, 2).setValues(about.map(([k, v]) => [k, v]));
  }
  const file = DriveApp.getFileById(archive.getId());
  file.moveTo(folder);
  recordArchive(year, archive.getId());
  const owner = Session.getEffectiveUser().getEmail().toLowerCase();
  for (const email of new Set(viewers.map((v) => v.toLowerCase()))) {
    if (email && email !== owner) file.addViewer(email);
  }
  opened.set(year, archive);
  return archive;
}

/** The archive's tab `name` with `header` as its frozen first row, created when missing. */
export function archiveTab(
  archive: Spreadsheet,
  name: string,
  header: readonly unknown[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = archive.getSheetByName(name);
  if (existing) return existing;
  const sheet = archive.insertSheet(name);
  if (header.length > 0) {
    sheet.getRange(1, 1, 1, header.length).setValues([header.map((h) => String(h ?? ''))]);
    sheet.setFrozenRows(1);
  }
  return sheet;
}
