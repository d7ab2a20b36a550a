/**
 * Drive, Docs and Mail adapters for certificates: folders, and the REST requests of a batch of
 * certificates sent together (template copies, fills, PDF exports and uploads, the trash, the listing of
 * a batch's files), the mail quota. Each function touches its services and does nothing else.
 */
import {
  batchQuery,
  copyBody,
  fillBody,
  multipartUpload,
  PDF_MIME,
  pdfMetadata,
  taggedFiles,
  type TaggedFile,
} from '../../core/certificates/files';
import type { Placeholder } from '../../core/certificates/placeholders';
import { withRetry } from '../platform/retry';
import { callGoogleApi, callGoogleApisTogether, type ApiAnswer } from '../platform/rest';

type Folder = GoogleAppsScript.Drive.Folder;

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

const DRIVE = 'https://www.googleapis.com/drive/v3/files';
const UPLOAD = 'https://www.googleapis.com/upload/drive/v3/files?uploadType=multipart&fields=id,webViewLink';
const DOCS = 'https://docs.googleapis.com/v1/documents';

export interface DraftRequest {
  batch: string;
  number: string;
  folderId: string;
}

/**
 * Copies the template once per certificate, all together (Drive v3 `files.copy`), each copy tagged with
 * its batch and number. Not resent: a copy whose answer was lost is looked for with `listBatchFiles`.
 */
export function copyDrafts(templateId: string, drafts: readonly DraftRequest[]): ApiAnswer[] {
  return callGoogleApisTogether(
    drafts.map((d) => ({
      method: 'post',
      url: `${DRIVE}/${encodeURIComponent(templateId)}/copy?fields=id`,
      body: copyBody(d.batch, d.number, d.folderId),
      resend: false,
    })),
  );
}

/** Reads each draft (`documents.get`), all together: where its QR code goes, and its revision. */
export function readDrafts(docIds: readonly string[]): ApiAnswer[] {
  return callGoogleApisTogether(
    docIds.map((id) => ({
      method: 'get',
      url: `${DOCS}/${encodeURIComponent(id)}?fields=${encodeURIComponent('revisionId,body(content)')}`,
      resend: true,
    })),
  );
}

/**
 * Fills each draft with one Docs API `batchUpdate`, all together, its QR code's table drawn in the same
 * request. Resent when it failed for a moment: a fill alone is harmless twice, and one with a QR code
 * names the revision it was made from, so a second application is refused.
 */
export function fillDrafts(
  fills: ReadonlyArray<{
    docId: string;
    values: Record<Placeholder, string>;
    qr: { requests: unknown[]; revisionId: string } | null;
  }>,
): ApiAnswer[] {
  return callGoogleApisTogether(
    fills.map((f) => ({
      method: 'post',
      url: `${DOCS}/${encodeURIComponent(f.docId)}:batchUpdate`,
      body: fillBody(f.values, f.qr),
      resend: true,
    })),
  );
}

/** Sends each draft's own list of Docs requests in one `batchUpdate`, all together (resent: idempotent styles). */
export function updateDrafts(updates: ReadonlyArray<{ docId: string; requests: unknown[] }>): ApiAnswer[] {
  return callGoogleApisTogether(
    updates.map((u) => ({
      method: 'post',
      url: `${DOCS}/${encodeURIComponent(u.docId)}:batchUpdate`,
      body: { requests: u.requests },
      resend: true,
    })),
  );
}

/** Exports each filled draft as PDF (Drive v3 `files.export`), all together; the bytes come back. */
export function exportDrafts(docIds: readonly string[]): ApiAnswer[] {
  return callGoogleApisTogether(
    docIds.map((id) => ({
      method: 'get',
      url: `${DRIVE}/${encodeURIComponent(id)}/export?mimeType=${encodeURIComponent(PDF_MIME)}`,
      resend: true,
      binary: true,
    })),
  );
}

/** Uploads each PDF into its folder, tagged (multipart upload), all together; not resent (see `copyDrafts`). */
export function uploadPdfs(uploads: ReadonlyArray<DraftRequest & { pdf: number[] }>): ApiAnswer[] {
  const utf8 = (text: string): number[] => Utilities.newBlob(text).getBytes();
  return callGoogleApisTogether(
    uploads.map((u, n) => {
      const upload = multipartUpload(
        `a4pa_pdf_${n}_${u.number}`,
        pdfMetadata(u.batch, u.number, u.folderId),
        u.pdf,
        utf8,
      );
      return {
        method: 'post',
        url: UPLOAD,
        raw: { contentType: upload.contentType, bytes: upload.body },
        resend: false,
      };
    }),
  );
}

/** Moves files to the trash together (`files.update`, resent when it failed for a moment). */
export function trashFiles(ids: readonly string[]): ApiAnswer[] {
  if (ids.length === 0) return [];
  return callGoogleApisTogether(
    ids.map((id) => ({
      method: 'patch',
      url: `${DRIVE}/${encodeURIComponent(id)}`,
      body: { trashed: true },
      resend: true,
    })),
  );
}

/** Every file not in the trash that carries the batch's tag (one listing, paged by 1,000). */
export function listBatchFiles(batch: string): TaggedFile[] {
  const files: TaggedFile[] = [];
  let pageToken = '';
  do {
    const query = `q=${encodeURIComponent(batchQuery(batch))}&pageSize=1000&fields=${encodeURIComponent(
      'nextPageToken,files(id,webViewLink,properties)',
    )}${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    const page = callGoogleApi('Drive API', 'get', `${DRIVE}?${query}`) as { nextPageToken?: string } | null;
    files.push(...taggedFiles(page));
    pageToken = page?.nextPageToken ?? '';
  } while (pageToken);
  return files;
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
