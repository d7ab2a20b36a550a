import { DAY_MS } from '../../../core/time/units';
import type { Workspace } from '../../runtime/workspace';
import { forgetForm } from '../forms/state';
import { spreadsheetsState } from '../spreadsheet/model';
import { forgetDoc } from './doc-model';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOC_MIME = 'application/vnd.google-apps.document';
export const PDF_MIME = 'application/pdf';
export const SHEETS_MIME = 'application/vnd.google-apps.spreadsheet';
export const FORM_MIME = 'application/vnd.google-apps.form';

/** One Drive item, file or folder; plain data so the workspace can be persisted. */
export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  /** When it went to the trash, which Drive empties of it 30 days later (DRIVE-TRASH-EXPIRES). */
  trashedMs?: number;
  bytes: Uint8Array;
  /** The plain text of a PDF the emulator rendered ('' for anything else). */
  text: string;
  description: string;
  createdMs: number;
  updatedMs: number;
  owner: string;
  editors: string[];
  viewers: string[];
  access: string;
  permission: string;
  /** Drive API v3 `appProperties`: private key-value pairs of the app that set them. */
  appProperties?: Record<string, string>;
  /** Drive API v3 `properties`: public key-value pairs, visible to every app. */
  properties?: Record<string, string>;
}

export interface DriveState {
  rootId: string;
  items: Record<string, DriveItem>;
  /** Ids in creation order, for listings and snapshots. */
  order: string[];
  /** When the trash was last emptied of what had been there 30 days. */
  trashSweptMs?: number;
}

/** How long Drive keeps a trashed file before deleting it forever (DRIVE-TRASH-EXPIRES). */
export const TRASH_KEPT_MS = 30 * DAY_MS;
const sweeping = new WeakSet<Workspace>();

export function driveState(ws: Workspace): DriveState {
  const st = ws.slot<DriveState>('drive', () => ({ rootId: '', items: {}, order: [] }));
  if (!sweeping.has(ws)) {
    // At an execution's end, not inside a service call that may be walking the items.
    sweeping.add(ws);
    ws.endHooks.push(() => sweepTrash(ws));
  }
  if (st.rootId === '') {
    const id = ws.newId('0A', 17);
    st.rootId = id;
    st.items[id] = newItem(ws, id, 'My Drive', FOLDER_MIME, []);
    st.order.push(id);
  }
  return st;
}

function newItem(ws: Workspace, id: string, name: string, mimeType: string, parents: string[]): DriveItem {
  return {
    id,
    name,
    mimeType,
    parents,
    trashed: false,
    bytes: new Uint8Array(0),
    text: '',
    description: '',
    createdMs: ws.now(),
    updatedMs: ws.now(),
    owner: ws.state.owner,
    editors: [],
    viewers: [],
    access: 'PRIVATE',
    permission: 'NONE',
  };
}

/** Creates an item in `parentId` (the root when omitted) and returns it. */
export function createItem(
  ws: Workspace,
  init: { name: string; mimeType: string; parentId?: string; bytes?: Uint8Array; text?: string; id?: string },
): DriveItem {
  const st = driveState(ws);
  const id = init.id ?? ws.newId('1', 32);
  const item = newItem(ws, id, init.name, init.mimeType, [init.parentId ?? st.rootId]);
  item.bytes = init.bytes ?? new Uint8Array(0);
  item.text = init.text ?? '';
  st.items[id] = item;
  st.order.push(id);
  return item;
}

/** Moves an item to the trash or out of it; the 30 days Drive keeps it start when it goes in. */
export function setTrashed(ws: Workspace, item: DriveItem, trashed: boolean): void {
  if (trashed && !item.trashed) item.trashedMs = ws.now();
  if (!trashed) delete item.trashedMs;
  item.trashed = trashed;
}

/**
 * Deletes items forever with everything inside them: their Drive entries, a spreadsheet's sheets
 * (DRIVE-SEES-WORKSPACE-FILES) and a document's content.
 */
export function deleteForever(ws: Workspace, ids: readonly string[]): void {
  const st = driveState(ws);
  const doomed = new Set<string>(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const other of st.order) {
      const o = st.items[other] as DriveItem;
      if (!doomed.has(other) && o.parents.some((p) => doomed.has(p))) {
        doomed.add(other);
        grew = true;
      }
    }
  }
  const spreadsheets = spreadsheetsState(ws).byId;
  for (const d of doomed) {
    if (st.items[d]?.mimeType === SHEETS_MIME) delete spreadsheets[d];
    if (st.items[d]?.mimeType === FORM_MIME) forgetForm(ws, d);
    forgetDoc(ws, d);
    delete st.items[d];
  }
  st.order = st.order.filter((d) => !doomed.has(d));
}

/**
 * Drive deletes on its own what has been in the trash 30 days (DRIVE-TRASH-EXPIRES); looked at once an
 * emulated day. A file trashed before its time was recorded (an older saved workbook) starts its 30 days now.
 */
export function sweepTrash(ws: Workspace): void {
  const st = driveState(ws);
  const now = ws.now();
  if (st.trashSweptMs !== undefined && now - st.trashSweptMs < DAY_MS) return;
  st.trashSweptMs = now;
  const expired: string[] = [];
  for (const id of st.order) {
    const item = st.items[id] as DriveItem;
    if (!item.trashed) continue;
    item.trashedMs ??= now;
    if (now - item.trashedMs >= TRASH_KEPT_MS) expired.push(id);
  }
  if (expired.length > 0) deleteForever(ws, expired);
}

export function findItem(ws: Workspace, id: string): DriveItem | null {
  const st = driveState(ws);
  return Object.prototype.hasOwnProperty.call(st.items, id) ? (st.items[id] as DriveItem) : null;
}

export function isFolder(item: DriveItem): boolean {
  return item.mimeType === FOLDER_MIME;
}

/** Whether the item or any folder above it is in the trash (Drive hides both alike). */
export function isEffectivelyTrashed(ws: Workspace, item: DriveItem): boolean {
  const seen = new Set<string>();
  let current: DriveItem | null = item;
  while (current && !seen.has(current.id)) {
    if (current.trashed) return true;
    seen.add(current.id);
    const parentId: string | undefined = current.parents[0];
    current = parentId === undefined ? null : findItem(ws, parentId);
  }
  return false;
}

/** Path from the Drive root, e.g. `Attestati 2027/EXC-BASE/A4PA-2027-00001.pdf`. */
export function pathOf(ws: Workspace, item: DriveItem): string {
  const st = driveState(ws);
  const names: string[] = [];
  const seen = new Set<string>();
  let current: DriveItem | null = item;
  while (current && current.id !== st.rootId && !seen.has(current.id)) {
    names.unshift(current.name);
    seen.add(current.id);
    const parentId: string | undefined = current.parents[0];
    current = parentId === undefined ? null : findItem(ws, parentId);
  }
  return names.join('/');
}

/**
 * Every spreadsheet is a Drive file of Google's Sheets type with the spreadsheet's id and name
 * (docs/google-behaviour.md, DRIVE-SEES-WORKSPACE-FILES). Spreadsheets keep their own slot, so Drive
 * adopts the ones it has not seen yet, and follows their current name, whenever it is asked.
 */
export function adoptSpreadsheets(ws: Workspace): void {
  const st = driveState(ws);
  for (const ss of Object.values(spreadsheetsState(ws).byId)) {
    const item = st.items[ss.id];
    if (!item) createItem(ws, { id: ss.id, name: ss.name, mimeType: SHEETS_MIME });
    else if (item.mimeType === SHEETS_MIME) item.name = ss.name;
  }
}

/** Files that are Sheets or Forms: the scenario snapshot lists them under `sheets` and `forms`. */
export function isSheetOrForm(item: DriveItem): boolean {
  return item.mimeType === SHEETS_MIME || item.mimeType === FORM_MIME;
}

export function fileUrl(item: DriveItem): string {
  if (item.mimeType === DOC_MIME) return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
  if (item.mimeType === SHEETS_MIME) return `https://docs.google.com/spreadsheets/d/${item.id}/edit?usp=drivesdk`;
  if (item.mimeType === FORM_MIME) return `https://docs.google.com/forms/d/${item.id}/edit?usp=drivesdk`;
  if (isFolder(item)) return `https://drive.google.com/drive/folders/${item.id}`;
  return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
}
