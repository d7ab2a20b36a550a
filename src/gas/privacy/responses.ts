/**
 * What the enrollment form keeps about people past retention. Responses older than the cutoff are
 * deleted from the form's store (a bounded number per run: each is a Forms call); Google leaves the
 * copy in the linked responses tab, so in every tab the form writes to, those rows keep the choices
 * but lose the e-mail (to its pseudonym) and the names.
 */
import { anonymisedResponseRows, responseColumns } from '../../core/privacy/retention';
import { adjacentRuns, type Cell } from '../../core/registry/codec';
import { FORM_ITEMS } from '../../core/enrollment/form';
import { neutralizeCell } from '../../core/text';
import { withRetry } from '../platform/retry';
import { readGrid, writeBlock } from '../registry/table';
import { allSheets } from '../registry/workbook';
import type { Pseudonyms } from './pseudonyms';

type Form = GoogleAppsScript.Forms.Form;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const MAX_RESPONSES_PER_RUN = 300;

export interface ResponsesOutcome {
  deleted: number;
  left: number;
}

/**
 * Deletes the oldest responses while they are older than the cutoff, within the run's limits. The form
 * lists its responses in the order they came, so the walk stops at the first recent one and reads no
 * more timestamps than it deletes (each is a Forms call). `left` counts the responses not yet looked at
 * when a limit stopped the walk.
 */
export function deleteOldResponses(
  form: Form,
  isOld: (submitted: Date) => boolean,
  inTime: () => boolean,
): ResponsesOutcome {
  const all = withRetry('Form.getResponses', () => form.getResponses());
  let deleted = 0;
  let i = 0;
  for (; i < all.length && deleted < MAX_RESPONSES_PER_RUN && inTime(); i++) {
    const response = all[i] as GoogleAppsScript.Forms.FormResponse;
    if (!isOld(new Date(response.getTimestamp().getTime()))) return { deleted, left: 0 };
    const id = response.getId();
    withRetry('Form.deleteResponse', () => {
      try {
        form.deleteResponse(id);
      } catch (error) {
        // A retry after a deletion that went through finds it gone: that is the outcome wanted.
        if (!/no response with the given id/i.test(error instanceof Error ? error.message : String(error))) throw error;
      }
    });
    deleted += 1;
  }
  return { deleted, left: all.length - i };
}

/** The tabs this form sends its responses to (a relinked form leaves older tabs behind, still its own). */
function responseTabs(formId: string): Sheet[] {
  const tabs: Sheet[] = [];
  for (const sheet of allSheets()) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    let linked = '';
    try {
      linked = withRetry('FormApp.openByUrl', () => FormApp.openByUrl(url)).getId();
    } catch {
      // A tab left by a form since deleted: not the enrollment form's.
      continue;
    }
    if (linked === formId) tabs.push(sheet);
  }
  return tabs;
}

/** Anonymises the old rows of each responses tab of the form; returns how many rows changed. */
export function anonymiseResponseTabs(
  formId: string,
  cutoff: string,
  dayOf: (value: unknown) => string,
  pseudonyms: Pseudonyms,
): number {
  let changed = 0;
  for (const sheet of responseTabs(formId)) {
    const grid = readGrid(sheet);
    const header = (grid[0] ?? []).map((h) => String(h ?? ''));
    const columns = responseColumns(header, [FORM_ITEMS.firstName, FORM_ITEMS.lastName]);
    const touched = [...(columns.email === null ? [] : [columns.email]), ...columns.names];
    if (touched.length === 0) continue;
    const rows = anonymisedResponseRows(
      grid.slice(1),
      columns,
      cutoff,
      dayOf,
      (email) => pseudonyms.ofEmail(email).email,
    );
    const c0 = Math.min(...touched);
    const c1 = Math.max(...touched);
    // One block per run of adjacent rows; the block's other cells are written back as they were.
    for (const run of adjacentRuns(rows, (r) => r.index)) {
      const block = run.map((r) => r.values.slice(c0, c1 + 1).map((v) => neutralizeCell(v) as Cell));
      writeBlock(sheet, (run[0] as { index: number }).index + 2, c0 + 1, block);
    }
    changed += rows.length;
  }
  return changed;
}
