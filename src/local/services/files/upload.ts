/**
 * Putting a file into the emulated Drive from outside the script, as a person does by dragging it into
 * drive.google.com: folders along the path are reused when they exist (and not in the trash) and made
 * when they do not. Not a script call, so nothing is counted or charged.
 */
import type { Workspace } from '../../runtime/workspace';
import { createItem, driveState, FOLDER_MIME, isEffectivelyTrashed, type DriveItem } from './store';

/** The MIME type Drive gives an upload, by extension (what a browser sends for these files). */
const TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  json: 'application/json',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
};

export function uploadedMimeType(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

function childFolder(ws: Workspace, parentId: string, name: string): DriveItem {
  const st = driveState(ws);
  const existing = st.order
    .map((id) => st.items[id] as DriveItem)
    .find(
      (item) =>
        item.mimeType === FOLDER_MIME &&
        item.name === name &&
        item.parents.includes(parentId) &&
        !isEffectivelyTrashed(ws, item),
    );
  return existing ?? createItem(ws, { name, mimeType: FOLDER_MIME, parentId });
}

/** Uploads `content` to `path` (`Cartella/Sottocartella/file.csv`, from My Drive) and returns the file's id. */
export function uploadFile(ws: Workspace, path: string, content: Uint8Array): string {
  const parts = path.split('/').filter((p) => p.trim() !== '');
  const name = parts.pop();
  if (!name) throw new Error(`upload: "${path}" names no file`);
  let parentId = driveState(ws).rootId;
  for (const folder of parts) parentId = childFolder(ws, parentId, folder).id;
  return createItem(ws, { name, mimeType: uploadedMimeType(name), parentId, bytes: content }).id;
}
