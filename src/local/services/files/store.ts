import type { Workspace } from '../../runtime/workspace';
import { spreadsheetsState } from '../spreadsheet/model';

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
}

export function driveState(ws: Workspace): DriveState {
  const st = ws.slot<DriveState>('drive', () => ({ rootId: '', items: {}, order: [] }));
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
