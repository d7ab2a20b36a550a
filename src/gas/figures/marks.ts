/**
 * Word that rows of a big registry tab changed since the figures record was made. The add-on's own
 * writers leave it before they write (a write that then fails leaves a mark that costs one re-read);
 * the edit trigger leaves it for staff's typing, which is the only change Google reports to a script
 * (docs/google-behaviour.md, SCRIPT-EDIT-TRIGGER-USER-ONLY). Under the script lock the marks go into one
 * key, read and rewritten; without it each mark takes a key of its own, so two executions never
 * overwrite each other's word.
 */
import { combineMarks, formatRuns, markSchema, WHOLE_TAB, type Mark } from '../../core/figures/marks';
import { RECORDED_TABS } from '../../core/figures/record';
import { deleteProperties, readFamily, writeProperties } from '../platform/properties';
import type { PropertyKey } from '../platform/property-keys';

const PREFIX = 'a4pa.figures.dirty.';
const HELD = 'held';
/** Past this many characters a tab's runs become "the whole tab": a mark stays well under 9 KB. */
const MAX_RUNS_TEXT = 1500;

function recorded(tab: string): boolean {
  return (RECORDED_TABS as readonly string[]).includes(tab);
}

function lockHeld(): boolean {
  return LockService.getScriptLock().hasLock();
}

function parseMark(text: string): Mark {
  try {
    const parsed = markSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // An unreadable mark says something changed without saying what: every recorded tab is read again.
  }
  return Object.fromEntries(RECORDED_TABS.map((t) => [t, WHOLE_TAB]));
}

function merged(mark: Mark, tab: string, rows: readonly number[] | null): Mark {
  if (rows === null || mark[tab] === WHOLE_TAB) return { ...mark, [tab]: WHOLE_TAB };
  const before = combineMarks([mark]).get(tab) ?? new Set<number>();
  const text = formatRuns([...(before ?? []), ...rows]);
  return { ...mark, [tab]: text.length > MAX_RUNS_TEXT ? WHOLE_TAB : text };
}

function leave(tab: string, rows: readonly number[] | null): void {
  if (!recorded(tab) || (rows !== null && rows.length === 0)) return;
  if (lockHeld()) {
    const key = `${PREFIX}${HELD}` as PropertyKey;
    const current = readFamily(PREFIX)[HELD];
    writeProperties({ [key]: JSON.stringify(merged(current ? parseMark(current) : {}, tab, rows)) });
    return;
  }
  const key = `${PREFIX}${Utilities.getUuid()}` as PropertyKey;
  writeProperties({ [key]: JSON.stringify(merged({}, tab, rows)) });
}

/** The rows of `tab` about to be written in place. */
export function markRowsChanged(tab: string, rows: readonly number[]): void {
  leave(tab, rows);
}

/** Rows of `tab` inserted, deleted or moved: every row below may have shifted, so the whole tab. */
export function markTabChanged(tab: string): void {
  leave(tab, null);
}

export interface PendingMarks {
  /** Per tab, the rows named, or null for the whole tab. */
  byTab: Map<string, Set<number> | null>;
  /** The keys read, to delete once the record that folds them is saved. */
  keys: string[];
}

export function pendingMarks(): PendingMarks {
  const family = readFamily(PREFIX);
  const keys = Object.keys(family);
  return { byTab: combineMarks(keys.map((k) => parseMark(family[k] ?? ''))), keys };
}

export function clearMarks(keys: readonly string[]): void {
  deleteProperties(keys.map((k) => `${PREFIX}${k}` as PropertyKey));
}
