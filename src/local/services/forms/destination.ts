import { type Workspace } from '../../runtime/workspace';
import { strictAbout } from '../../runtime/variant';
import { appendRowsToSheet, ensureSheet, hostTabNames } from '../spreadsheet';
import { answerCell } from './answers';
import { cellFor, sheetByName, type SheetData, spreadsheetData } from '../spreadsheet/model';
import {
  collectsEmail,
  type DestinationData,
  editUrl,
  EMAIL_HEADER,
  type FormData,
  GRID_TYPES,
  type ItemData,
  LAYOUT_TYPES,
  type ResponseData,
  RESPONSES_SHEET_PREFIX,
  TIMESTAMP_HEADER,
} from './model';

/**
 * Linking a spreadsheet adds a new responses tab, named as an Italian spreadsheet names it ("Risposte
 * del modulo 1", then 2, ...: never an existing tab), with the header row written at once.
 */
export function linkDestination(ws: Workspace, form: FormData, spreadsheetId: string): void {
  const existing = new Set(hostTabNames(ws, spreadsheetId));
  let n = 1;
  while (existing.has(`${RESPONSES_SHEET_PREFIX}${n}`)) n += 1;
  const sheetName = `${RESPONSES_SHEET_PREFIX}${n}`;
  ensureSheet(ws, spreadsheetId, sheetName);
  const sheet = sheetByName(spreadsheetData(ws, spreadsheetId), sheetName);
  if (!sheet) throw new Error(`Il foglio "${sheetName}" non è stato creato.`);
  sheet.formUrl = editUrl(form);
  if (form.destination) unlinkDestination(ws, form.destination);
  const destination: DestinationData = { spreadsheetId, sheetId: sheet.id, sheetName, columns: [] };
  form.destination = destination;
  syncDestinationColumns(ws, form, destination);
}

/**
 * The responses tab's columns for the form as it is now, as Google keeps them: a new question gets a new
 * column at the end, a renamed one keeps its column under the new title, a deleted one keeps its column
 * and its last title. Returns whether anything changed.
 */
export function refreshColumns(form: FormData, destination: DestinationData): boolean {
  const columns = destination.columns;
  let changed = false;
  if (!columns.some((c) => c.kind === 'timestamp')) {
    columns.unshift({ kind: 'timestamp' });
    changed = true;
  }
  if (collectsEmail(form) && !columns.some((c) => c.kind === 'email')) {
    // Second on a fresh tab; turned on later, a new column at the end, so rows already written stay aligned.
    columns.push({ kind: 'email' });
    changed = true;
  }
  for (const item of form.items) {
    if (LAYOUT_TYPES.has(item.type)) continue;
    for (const { row, title } of itemColumns(item)) {
      const column = columns.find((c) => c.kind === 'item' && c.itemId === item.id && c.row === row);
      if (!column) {
        columns.push({ kind: 'item', itemId: item.id, title, ...(row === undefined ? {} : { row }) });
        changed = true;
      } else if (column.kind === 'item' && column.title !== title) {
        column.title = title;
        changed = true;
      }
    }
  }
  return changed;
}

/** A question's columns: one, or for a grid one per row titled "Question [Row]" as Google titles them. */
function itemColumns(item: ItemData): Array<{ row: number | undefined; title: string }> {
  if (!GRID_TYPES.has(item.type)) return [{ row: undefined, title: item.title }];
  return (item.rows ?? []).map((rowTitle, row) => ({ row, title: `${item.title} [${rowTitle}]` }));
}

export function syncDestinationColumns(ws: Workspace, form: FormData, destination: DestinationData): void {
  refreshColumns(form, destination);
  const header = destination.columns.map((c) =>
    c.kind === 'timestamp' ? TIMESTAMP_HEADER : c.kind === 'email' ? EMAIL_HEADER : c.title,
  );
  writeHeaderRow(ws, destination, header);
}

/** The linked tab under its current name (by id; workbooks saved before ids were kept go by name). */
export function destinationSheet(ws: Workspace, destination: DestinationData): SheetData | undefined {
  const ss = spreadsheetData(ws, destination.spreadsheetId);
  const sheet =
    (destination.sheetId === undefined
      ? sheetByName(ss, destination.sheetName)
      : ss.sheets.find((s) => s.id === destination.sheetId)) ?? undefined;
  if (sheet) destination.sheetName = sheet.name;
  return sheet;
}

/** The tab stays, with its rows, but no longer belongs to the form. */
export function unlinkDestination(ws: Workspace, destination: DestinationData): void {
  const sheet = destinationSheet(ws, destination);
  if (sheet) delete sheet.formUrl;
}

/** Google rewrites the header cells itself (no script call, no parsing of what it writes). */
export function writeHeaderRow(ws: Workspace, destination: DestinationData, header: string[]): void {
  const sheet = destinationSheet(ws, destination);
  if (!sheet) throw new Error(`Il foglio "${destination.sheetName}" collegato al modulo non esiste più.`);
  header.forEach((title, index) => {
    const cell = cellFor(sheet, 1, index + 1);
    cell.v = title;
    delete cell.f;
  });
}
export function appendResponseRow(
  ws: Workspace,
  form: FormData,
  destination: DestinationData,
  response: ResponseData,
): void {
  if (refreshColumns(form, destination)) syncDestinationColumns(ws, form, destination);
  const sheet = destinationSheet(ws, destination);
  if (!sheet) throw new Error(`Il foglio "${destination.sheetName}" collegato al modulo non esiste più.`);
  const row = destination.columns.map((c): unknown => {
    // The tab's time against the response's own is not documented (FORMS-DESTINATION-ROW): strictly
    // it is the same time to the second only, so nothing may take one for the other exactly.
    if (c.kind === 'timestamp')
      return new Date(
        strictAbout(ws, 'FORMS-DESTINATION-ROW')
          ? Math.floor(response.timestampMs / 1000) * 1000
          : response.timestampMs,
      );
    if (c.kind === 'email') return response.email;
    const answer = response.answers.find((a) => a.itemId === c.itemId);
    if (!answer) return '';
    if (c.row === undefined) return answerCell(answer.value);
    const cell = Array.isArray(answer.value) ? answer.value[c.row] : null;
    return cell === null || cell === undefined ? '' : answerCell(cell);
  });
  const written = appendRowsToSheet(ws, destination.spreadsheetId, destination.sheetName, [row]);
  response.landing = { spreadsheetId: destination.spreadsheetId, sheetId: sheet.id, row: written.row };
}
