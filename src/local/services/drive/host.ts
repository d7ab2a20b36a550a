/** The emulated Drive as the host reads it (the snapshot, the playground's file pages): no script call is counted. */
import type { Workspace } from '../../runtime/workspace';
import { committedDoc, documentText, newDocContent } from '../files/doc-model';
import { renderPdf } from '../files/pdf';
import {
  DOC_MIME,
  driveState,
  findItem,
  isEffectivelyTrashed,
  isFolder,
  isSheetOrForm,
  pathOf,
  PDF_MIME,
  type DriveItem,
} from '../files/store';

/** Files (not folders) outside the trash, in creation order, with their path from the Drive root. */
export function snapshotDrive(
  ws: Workspace,
): Array<{ id: string; name: string; mimeType: string; path: string; text: string }> {
  const st = driveState(ws);
  const out: Array<{ id: string; name: string; mimeType: string; path: string; text: string }> = [];
  for (const id of st.order) {
    const item = st.items[id] as DriveItem;
    if (isFolder(item) || isSheetOrForm(item) || isEffectivelyTrashed(ws, item)) continue;
    const doc = item.mimeType === DOC_MIME ? committedDoc(ws, id) : null;
    out.push({
      id,
      name: item.name,
      mimeType: item.mimeType,
      path: pathOf(ws, item),
      text: doc ? documentText(doc).trim() : item.text,
    });
  }
  return out;
}

/** A file as the playground serves it (not counted as a script call); a Doc comes as its PDF. */
export function hostDriveFile(
  ws: Workspace,
  id: string,
): { name: string; mimeType: string; bytes: Uint8Array; trashed: boolean } | null {
  const item = findItem(ws, id);
  if (!item || isFolder(item)) return null;
  const trashed = isEffectivelyTrashed(ws, item);
  if (item.mimeType === DOC_MIME) {
    const pdf = renderPdf(committedDoc(ws, id) ?? newDocContent(), item.name);
    return { name: `${item.name}.pdf`, mimeType: PDF_MIME, bytes: pdf.bytes, trashed };
  }
  return { name: item.name, mimeType: item.mimeType, bytes: item.bytes, trashed };
}
