/**
 * The sign-in sheets in Drive: per session, a Doc laid out from the core's template and its PDF, under
 * `Registri presenze <anno>/<Codice corso>/`. A rerun replaces them (the previous Doc and PDF of the
 * session go to the trash), so the folder never holds two sheets of one session.
 */
import type { SignInSheet } from '../../core/attendance/sign-in-sheet';
import { childFolder, rootChildFolder } from '../certificates/documents';
import { withRetry } from '../platform/retry';

type Folder = GoogleAppsScript.Drive.Folder;

const PDF = 'application/pdf';

export interface SignInFile {
  session: string;
  name: string;
  docUrl: string;
  pdfUrl: string;
}

/** The course's folder, found or created: `Registri presenze <anno>` in the Drive root, then the course. */
export function signInFolder(folders: readonly [string, string]): Folder {
  return childFolder(rootChildFolder(folders[0]), folders[1]);
}

function trashNamed(folder: Folder, names: readonly string[]): void {
  for (const name of names) {
    const files = withRetry('Folder.getFilesByName', () => folder.getFilesByName(name));
    while (files.hasNext()) files.next().setTrashed(true);
  }
}

function writeDoc(sheet: SignInSheet): GoogleAppsScript.Document.Document {
  const doc = DocumentApp.create(sheet.name);
  const body = doc.getBody();
  body.appendParagraph(sheet.title).setHeading(DocumentApp.ParagraphHeading.TITLE);
  for (const line of sheet.details) body.appendParagraph(line);
  body.appendTable(sheet.table);
  for (const line of sheet.closing) body.appendParagraph(line);
  doc.saveAndClose();
  return doc;
}

/** Writes one sheet's Doc and PDF into the folder, replacing the session's previous ones. */
export function saveSignInSheet(folder: Folder, sheet: SignInSheet): SignInFile {
  const pdfName = `${sheet.name}.pdf`;
  trashNamed(folder, [sheet.name, pdfName]);
  const doc = writeDoc(sheet);
  const file = DriveApp.getFileById(doc.getId());
  file.moveTo(folder);
  const pdf = folder.createFile(file.getAs(PDF)).setName(pdfName);
  return { session: sheet.session, name: sheet.name, docUrl: file.getUrl(), pdfUrl: pdf.getUrl() };
}
