/**
 * Where the figures record lives: the hidden tab «Cifre (Academy4PA)», owned by the add-on. Column A
 * holds the record as JSON (with its checksum) cut in cells under Google's 50,000 characters; column B
 * holds each `Iscrizioni` row's contribution on the same row number. A tab and not Script Properties:
 * at 10,000 employees the 40,000 contributions alone take about 800 KB, past the 500 KB the whole
 * property store holds (docs/google-behaviour.md, PROPS-LIMITS). The record's generation is also kept
 * in Script Properties: a record whose generation or checksum does not match is not used.
 */
import { checksumOf, figuresRecordSchema, FIGURES_VERSION, type FiguresRecord } from '../../core/figures/record';
import { rowRuns } from '../../core/figures/marks';
import { readProperty, writeProperties } from '../platform/properties';
import { sheetValues } from '../platform/sheet-values';
import { writeBlock } from '../registry/table';
import { academySpreadsheet, rememberSheet, sheetNamed } from '../registry/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const FIGURES_TAB = 'Cifre (Academy4PA)';
const GENERATION_KEY = 'a4pa.figures.generation';
const CHUNK_CHARACTERS = 45_000;
/** The record's cells in column A: read in one call; a record that needs more is not kept. */
const RECORD_CELLS = 20;
const CONTRIBUTIONS_COLUMN = 2;
/**
 * Every stored text starts with it, so Sheets keeps it as text: nothing read back as a formula, a number
 * or a date whatever the JSON or the identifier begins with.
 */
const TEXT_MARK = '~';

function stored(text: string): [string] {
  return [text === '' ? '' : `${TEXT_MARK}${text}`];
}

function unstored(value: unknown): string {
  const text = String(value ?? '');
  return text.startsWith(TEXT_MARK) ? text.slice(TEXT_MARK.length) : '';
}

function figuresSheet(): Sheet | null {
  return sheetNamed(FIGURES_TAB);
}

function ensureSheet(): Sheet {
  const found = figuresSheet();
  if (found) return found;
  const ss = academySpreadsheet();
  const sheet = ss.insertSheet(FIGURES_TAB, ss.getSheets().length);
  rememberSheet(sheet, FIGURES_TAB);
  sheet.hideSheet();
  return sheet;
}

/** The saved record, or null when there is none or it cannot be trusted (edited, cut, another generation). */
export function loadFigures(): FiguresRecord | null {
  const sheet = figuresSheet();
  if (!sheet || sheet.getMaxRows() < RECORD_CELLS) return null;
  const text = sheetValues(sheet, 1, 1, RECORD_CELLS, 1)
    .map((r) => unstored(r[0]))
    .join('');
  if (text === '') return null;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  const { checksum, record } = (stored ?? {}) as { checksum?: unknown; record?: unknown };
  const parsed = figuresRecordSchema.safeParse(record);
  if (!parsed.success || checksum !== checksumOf(parsed.data)) return null;
  if (String(parsed.data.generation) !== (readProperty(GENERATION_KEY) ?? '')) return null;
  return parsed.data;
}

/** The saved contributions of these `Iscrizioni` rows (one read per run of rows; '' where none). */
export function loadContributions(rows: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  const sheet = figuresSheet();
  if (!sheet) return out;
  const maxRows = sheet.getMaxRows();
  for (const [first, count] of rowRuns(rows.filter((r) => r >= 2 && r <= maxRows))) {
    const values = sheetValues(sheet, first, CONTRIBUTIONS_COLUMN, count, 1);
    values.forEach((v, i) => out.set(first + i, unstored(v[0])));
  }
  return out;
}

export interface ContributionWrites {
  /** Every row's contribution from row 2 (the tab was read whole), the rows below cleared. */
  all?: readonly string[];
  /** Only these rows changed. */
  rows?: ReadonlyMap<number, string>;
}

/**
 * Saves the record with the next generation. The generation is raised first, so a save cut short (or a
 * record too big to keep) leaves a record of another generation, which is not used and is made again;
 * then the contributions, then the record.
 */
export function saveFigures(record: Omit<FiguresRecord, 'generation' | 'version'>, writes: ContributionWrites): void {
  // The clock makes a generation no earlier record can carry, even when the stored one was lost or edited.
  const kept = Number(readProperty(GENERATION_KEY));
  const generation = Math.max(Date.now(), Number.isSafeInteger(kept) ? kept + 1 : 0);
  writeProperties({ [GENERATION_KEY]: String(generation) });
  const full: FiguresRecord = { version: FIGURES_VERSION, generation, tabs: record.tabs };
  const text = JSON.stringify({ checksum: checksumOf(full), record: full });
  if (text.length > RECORD_CELLS * CHUNK_CHARACTERS) return;
  const sheet = ensureSheet();
  if (writes.all) {
    const previous = sheet.getLastRow();
    if (writes.all.length > 0) writeBlock(sheet, 2, CONTRIBUTIONS_COLUMN, writes.all.map(stored));
    const end = writes.all.length + 1;
    if (previous > end) sheet.getRange(end + 1, CONTRIBUTIONS_COLUMN, previous - end, 1).clearContent();
  }
  if (writes.rows) {
    for (const [first, count] of rowRuns(writes.rows.keys())) {
      const block = Array.from({ length: count }, (_, i) => writes.rows?.get(first + i) ?? '');
      writeBlock(sheet, first, CONTRIBUTIONS_COLUMN, block.map(stored));
    }
  }
  const chunks = Array.from({ length: RECORD_CELLS }, (_, i) =>
    text.slice(i * CHUNK_CHARACTERS, (i + 1) * CHUNK_CHARACTERS),
  );
  writeBlock(sheet, 1, 1, chunks.map(stored));
}
