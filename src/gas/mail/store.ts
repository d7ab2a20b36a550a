/**
 * Where the outbox keeps its mails. Each function touches one Google service and does nothing else.
 *
 * - Script Properties: the few mails of the moment (one run's mails, queued and sent in the same
 *   execution), split in chunks under the 9 KB per-value limit; the digests of recently sent dedupe
 *   keys; the counts of what waits in the tab (so the dashboard and every run know without reading it).
 * - The hidden tab `Posta in uscita`: every mail beyond what Properties should hold (the 500 KB store
 *   is shared with the jobs and the form's state), e.g. a day without mail quota in the enrollment rush.
 *   Far larger, and auditable: staff can see what waits and why a mail is parked.
 */
import { chunkUtf8 } from '../../core/mail/storage';
import { OUTBOX_HEADERS, OUTBOX_TAB, type OutboxCell, type StoredMail } from '../../core/mail/outbox';
import { neutralizeCell } from '../../core/text';
import { readProperty, writeProperties } from '../platform/properties';
import { withRetry } from '../platform/retry';
import { writeBlock } from '../registry/table';
import { academySpreadsheet, rememberSheet, sheetNamed } from '../registry/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const QUEUE_COUNT = 'a4pa.mail.queue.n';
const QUEUE_CHUNK = 'a4pa.mail.queue.';
const SENT = 'a4pa.mail.sent';
const BACKLOG = 'a4pa.mail.backlog';
/** Chunk size in UTF-8 bytes: under the 9 KB a property value may hold. */
const CHUNK_BYTES = 8000;

/** What waits in the tab, as counted by the last execution that changed it. */
export interface Backlog {
  waiting: number;
  parked: number;
}

export interface PropertyState {
  queue: StoredMail[];
  sent: string[];
  chunks: number;
  backlog: Backlog;
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0;
}

function parseBacklog(text: string | null): Backlog {
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    const o = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    return { waiting: count(o.waiting), parked: count(o.parked) };
  } catch {
    return { waiting: 0, parked: 0 };
  }
}

/** The outbox's properties, from the execution's one read of the store. */
export function readPropertyState(): PropertyState {
  const chunks = Number(readProperty(QUEUE_COUNT) ?? '0') || 0;
  let json = '';
  for (let i = 0; i < chunks; i += 1) json += readProperty(`${QUEUE_CHUNK}${i}`) ?? '';
  let queue: StoredMail[] = [];
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (Array.isArray(parsed)) queue = parsed as StoredMail[];
    } catch {
      // A torn write (an execution stopped between chunk writes) loses these few mails, not the add-on:
      // every workflow can tell from its rows what was not sent.
      queue = [];
    }
  }
  const sent = (readProperty(SENT) ?? '').split(',').filter((k) => k !== '');
  return { queue, sent, chunks, backlog: parseBacklog(readProperty(BACKLOG)) };
}

/** Writes the queue, the sent digests and the backlog counts in one call; chunks no longer used are emptied. */
export function writePropertyState(st: PropertyState): void {
  const json = st.queue.length > 0 ? JSON.stringify(st.queue) : '';
  const pieces = json ? chunkUtf8(json, CHUNK_BYTES) : [];
  const values: Record<string, string> = {
    [QUEUE_COUNT]: String(pieces.length),
    [SENT]: st.sent.join(','),
    [BACKLOG]: JSON.stringify(st.backlog),
  };
  pieces.forEach((p, i) => (values[`${QUEUE_CHUNK}${i}`] = p));
  for (let i = pieces.length; i < st.chunks; i += 1) values[`${QUEUE_CHUNK}${i}`] = '';
  // Stored at once: the outbox takes a mail as queued (and sends it) only once Properties hold it.
  writeProperties(values, { now: true });
  st.chunks = pieces.length;
}

/** Only the sent digests and the counts: what a send from the tab changes. */
export function writeSentAndBacklog(sent: readonly string[], backlog: Backlog): void {
  // Stored at once: a sent mail's digest is what keeps it from being sent twice.
  writeProperties({ [SENT]: sent.join(','), [BACKLOG]: JSON.stringify(backlog) }, { now: true });
}

/** The tab, or null when it does not exist yet. */
export function findOutboxSheet(): Sheet | null {
  return sheetNamed(OUTBOX_TAB);
}

/**
 * The tab, made when missing: header, frozen, hidden, and protected with a warning (staff's own
 * executions write to it too, so it cannot be locked to the owner).
 */
export function ensureOutboxSheet(): { sheet: Sheet; created: boolean } {
  const found = sheetNamed(OUTBOX_TAB);
  if (found) return { sheet: found, created: false };
  const ss = academySpreadsheet();
  const sheet = ss.insertSheet(OUTBOX_TAB, ss.getSheets().length);
  rememberSheet(sheet, OUTBOX_TAB);
  sheet.getRange(1, 1, 1, OUTBOX_HEADERS.length).setValues([[...OUTBOX_HEADERS]]);
  sheet.setFrozenRows(1);
  sheet.hideSheet();
  sheet.protect().setDescription('Academy4PA: posta in uscita, scritta dal componente aggiuntivo').setWarningOnly(true);
  return { sheet, created: true };
}

/** Every row under the header, in one call. */
export function readOutboxGrid(sheet: Sheet): unknown[][] {
  const grid = withRetry('Spreadsheet.getSheetValues', () => sheet.getSheetValues(1, 1, -1, -1));
  return grid.slice(1);
}

function stored(line: readonly OutboxCell[]): OutboxCell[] {
  return line.map((v) => neutralizeCell(v));
}

/** Writes whole rows from `row` on, in one block (the sheet grows when needed). */
export function writeOutboxRows(sheet: Sheet, row: number, lines: ReadonlyArray<readonly OutboxCell[]>): void {
  if (lines.length === 0) return;
  writeBlock(sheet, row, 1, lines.map(stored));
}

/** Empties the rows from `row` to `lastRow` (one call): what a drained backlog leaves behind. */
export function clearOutboxRows(sheet: Sheet, row: number, lastRow: number): void {
  if (lastRow < row) return;
  withRetry('Range.clearContent', () =>
    sheet.getRange(row, 1, lastRow - row + 1, OUTBOX_HEADERS.length).clearContent(),
  );
}
