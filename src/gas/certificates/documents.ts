/**
 * Drive, Docs and Mail adapters for certificates: folders, the template copy, literal placeholder
 * replacement, the PDF export, the mail quota. Each function touches its services and does nothing else.
 */
import { withRetry } from '../platform/retry';
import { PLACEHOLDERS, placeholderToken, QR_MARKER, type Placeholder } from '../../core/certificates/placeholders';
import { callGoogleApi } from '../platform/rest';

type Folder = GoogleAppsScript.Drive.Folder;

export const PDF_MIME = 'application/pdf';

/** A folder by id, or null when it is gone, trashed or not reachable. */
export function folderById(id: string): Folder | null {
  if (!id) return null;
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

/** The named sub-folder of a folder, found (first one not trashed) or created once. */
export function childFolder(parent: Folder, name: string): Folder {
  const found = withRetry('Folder.getFoldersByName', () => {
    const it = parent.getFoldersByName(name);
    return it.hasNext() ? it.next() : null;
  });
  return found ?? parent.createFolder(name);
}

/** The year's certificates folder (`Attestati <anno>`) in the Drive root, found or created. */
export function rootChildFolder(name: string): Folder {
  return childFolder(DriveApp.getRootFolder(), name);
}

export function folderName(folder: Folder): string {
  return folder.getName();
}

type File = GoogleAppsScript.Drive.File;

/** Copies the template into the folder; the copy is returned to be exported and trashed without a lookup. */
export function copyTemplate(templateId: string, name: string, folder: Folder): { file: File; id: string } {
  const file = DriveApp.getFileById(templateId).makeCopy(name, folder);
  return { file, id: file.getId() };
}

/**
 * Replaces every placeholder of a Doc literally, in body, header and footer, with one Docs API
 * `batchUpdate` (one `replaceAllText` per placeholder, applied atomically and saved at once; catalogue:
 * REST-DOCS-BATCHUPDATE): the text is matched as text and the value inserted as text, so a name with
 * `$1`, `\\` or `(` stays as written. Filling again is harmless (a replaced placeholder no longer matches).
 */
export function fillDocument(docId: string, values: Record<Placeholder, string>, options: { withQr: boolean }): void {
  const requests = PLACEHOLDERS.map((name) => ({
    replaceAllText: { containsText: { text: placeholderToken(name), matchCase: true }, replaceText: values[name] },
  }));
  // Without a verification address there is no QR code to draw: the marker goes with the text fill.
  if (!options.withQr)
    requests.push({ replaceAllText: { containsText: { text: QR_MARKER, matchCase: true }, replaceText: '' } });
  callGoogleApi(
    'Docs API',
    'post',
    `https://docs.googleapis.com/v1/documents/${encodeURIComponent(docId)}:batchUpdate`,
    {
      requests,
    },
  );
}

/** Exports a saved Doc as PDF into the folder; returns the PDF's id and URL. */
export function exportPdf(doc: File, pdfName: string, folder: Folder): { fileId: string; url: string } {
  const blob = withRetry('File.getAs', () => doc.getAs(PDF_MIME)).setName(pdfName);
  // Not retried: a create that failed after Drive made the file would leave two PDFs.
  const pdf = folder.createFile(blob);
  return { fileId: pdf.getId(), url: pdf.getUrl() };
}

/** Moves a file to the trash; a file already gone is fine (nothing left to clean). */
export function trashFile(id: string): void {
  if (!id) return;
  try {
    withRetry('DriveApp.setTrashed', () => DriveApp.getFileById(id).setTrashed(true));
  } catch (error) {
    if (!/No item with the given ID|not found/i.test(error instanceof Error ? error.message : String(error)))
      throw error;
  }
}

export function trashCopy(file: File): void {
  withRetry('File.setTrashed', () => file.setTrashed(true));
}

/** Whether a file exists and is not in the trash. */
export function fileAlive(id: string): boolean {
  if (!id) return false;
  try {
    return !DriveApp.getFileById(id).isTrashed();
  } catch {
    return false;
  }
}

/** What is left of today's mail quota (recipients). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
