/**
 * An Excel file chosen for an import, read through Drive's own conversion (catalogue
 * REST-DRIVE-CONVERT-XLSX): Drive v3 `files.copy` to the Google Sheets type makes a temporary
 * spreadsheet in the user's own My Drive (where they may always delete it, even when the file sits in a
 * shared drive they only edit), its first tab is read in one `getValues`, and the copy is deleted
 * whatever happens. Each copy carries a tag of this reading, so a copy whose answer was lost (a retried
 * request) is found and deleted too.
 */
import { messageOf, UserError } from '../../core/registry/errors';
import { callGoogleApi } from '../platform/rest';
import { withRetry } from '../platform/retry';
import { logEvent } from '../registry/log';
import { spreadsheetGrid } from './grid';

const DRIVE = 'https://www.googleapis.com/drive/v3/files';
const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
/** The Drive `appProperties` key that marks a temporary copy, its value the reading's own id. */
const TAG = 'a4paImportCopy';

function convert(file: GoogleAppsScript.Drive.File, tag: string): string {
  try {
    const copy = callGoogleApi(
      'Drive API',
      'post',
      `${DRIVE}/${encodeURIComponent(file.getId())}/copy?fields=id&supportsAllDrives=true`,
      {
        name: `${file.getName()} (copia temporanea per l'importazione)`,
        mimeType: SPREADSHEET,
        parents: ['root'],
        appProperties: { [TAG]: tag },
      },
    ) as { id?: string } | null;
    if (!copy?.id) throw new Error('Drive API: answer without id');
    return copy.id;
  } catch (error) {
    throw new UserError(
      `Drive non è riuscito a convertire «${file.getName()}» in un foglio Google (${messageOf(error)}): il file potrebbe essere danneggiato o non essere un file Excel. Lo apra in Excel, lo salvi di nuovo come .xlsx (o come CSV) e ripeta l'importazione; non è stato importato nulla.`,
    );
  }
}

function taggedCopies(tag: string): string[] {
  const q = `appProperties has { key='${TAG}' and value='${tag}' } and trashed = false`;
  const page = callGoogleApi(
    'Drive API',
    'get',
    `${DRIVE}?q=${encodeURIComponent(q)}&pageSize=100&fields=${encodeURIComponent('files(id)')}`,
  ) as { files?: Array<{ id?: string }> } | null;
  return (page?.files ?? []).map((f) => f.id ?? '').filter((id) => id !== '');
}

/**
 * Deletes the reading's copies. One that cannot be deleted is written to Registro for staff to remove
 * by hand, never fatal: the import itself has what it needed.
 */
function removeCopies(tag: string, known: string | null, shown: string): void {
  const ids = new Set<string>(known ? [known] : []);
  try {
    for (const id of taggedCopies(tag)) ids.add(id);
  } catch (error) {
    console.warn(`Importazione: copie temporanee di «${shown}» non cercate (${messageOf(error)})`);
  }
  for (const id of ids) {
    try {
      callGoogleApi('Drive API', 'delete', `${DRIVE}/${encodeURIComponent(id)}`);
    } catch (error) {
      logEvent(
        'Copia temporanea non eliminata',
        `«${shown}» (copia temporanea per l'importazione), ID ${id}: ${messageOf(error)}; la elimini dal Drive`,
      );
    }
  }
}

/** The rows of the workbook's first worksheet (row 0 = its header), as Google Sheets reads them. */
export function readExcelGrid(file: GoogleAppsScript.Drive.File): unknown[][] {
  const tag = Utilities.getUuid();
  let copyId: string | null = null;
  try {
    copyId = convert(file, tag);
    const id = copyId;
    return spreadsheetGrid(withRetry('SpreadsheetApp.openById', () => SpreadsheetApp.openById(id)));
  } finally {
    removeCopies(tag, copyId, file.getName());
  }
}
