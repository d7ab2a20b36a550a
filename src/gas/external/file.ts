/**
 * The file staff chose for an import, found in Drive and read as a grid: a CSV or text export, a Google
 * Sheets file (its first tab) or an Excel workbook (its first worksheet, through Drive's conversion).
 * One Drive lookup and one read, whatever the file's size.
 */
import { parseDelimited } from '../../core/external/delimited';
import { UserError } from '../../core/registry/errors';
import { withRetry } from '../platform/retry';
import { readExcelGrid } from './excel';
import { spreadsheetGrid } from './grid';

type File = GoogleAppsScript.Drive.File;

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
const EXCEL = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

/** Drive ids are long runs of letters, digits, `-` and `_`; anything else is a name or a path. */
const DRIVE_ID = /^[A-Za-z0-9_-]{20,}$/;

function byId(id: string): File | null {
  try {
    return withRetry('DriveApp.getFileById', () => DriveApp.getFileById(id));
  } catch {
    return null;
  }
}

function single(files: GoogleAppsScript.Drive.FileIterator, shown: string): File {
  const found: File[] = [];
  while (files.hasNext() && found.length < 2) found.push(files.next());
  if (found.length === 0)
    throw new UserError(`Nessun file «${shown}» in Drive: controlli il nome o usi l'ID del file.`);
  if (found.length > 1) {
    throw new UserError(
      `In Drive ci sono più file «${shown}»: indichi il percorso (Cartella/file.csv) o l'ID del file.`,
    );
  }
  return found[0] as File;
}

/** A Drive file id, a file name, or a path of folders from My Drive (`Syllabus/completamenti-2026.csv`). */
export function findImportFile(fileIdOrName: string): File {
  const wanted = String(fileIdOrName ?? '').trim();
  if (wanted === '') throw new UserError("Indichi il file da importare: il nome, il percorso o l'ID in Drive.");
  const asId = DRIVE_ID.test(wanted) ? byId(wanted) : null;
  if (asId) return asId;
  const parts = wanted.split('/').filter((p) => p.trim() !== '');
  const name = parts.pop() as string;
  if (parts.length === 0) return single(DriveApp.getFilesByName(name), wanted);
  let folder = DriveApp.getRootFolder();
  for (const part of parts) {
    const folders = folder.getFoldersByName(part);
    if (!folders.hasNext()) throw new UserError(`Nessuna cartella «${part}» nel percorso «${wanted}».`);
    folder = folders.next();
  }
  return single(folder.getFilesByName(name), wanted);
}

/** Exports from Windows programs are often Latin-1: a UTF-8 reading with replacement characters is retried. */
function text(file: File): string {
  const blob = file.getBlob();
  const utf8 = blob.getDataAsString('UTF-8');
  return utf8.includes('\ufffd') ? blob.getDataAsString('ISO-8859-1') : utf8;
}

/** The file's rows (row 0 = its header). */
export function readImportGrid(file: File): unknown[][] {
  const type = file.getMimeType();
  if (type === SPREADSHEET)
    return spreadsheetGrid(withRetry('SpreadsheetApp.openById', () => SpreadsheetApp.openById(file.getId())));
  if (EXCEL.includes(type)) return readExcelGrid(file);
  return parseDelimited(text(file));
}
