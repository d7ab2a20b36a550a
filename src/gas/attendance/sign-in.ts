/**
 * The sign-in sheets in Drive: per session, a copy of the template Doc «Modello foglio firme» (made on
 * first use in the academy's folder, found again by the id in Script Properties, so staff's edits to it
 * show in the next sheets), its placeholders filled literally by the Docs API, the table of enrollees
 * put at its `{{ELENCO_PARTECIPANTI}}` paragraph, and the PDF, under `Registri presenze <anno>/<Codice
 * corso>/`. A rerun replaces them (the previous Doc and PDF of the session go to the trash), so the
 * folder never holds two sheets of one session.
 */
import {
  PARTICIPANTS_MARKER,
  SIGN_IN_TEMPLATE_NAME,
  signInFillBody,
  signInTemplateParagraphs,
  type SignInSheet,
} from '../../core/attendance/sign-in-sheet';
import { childFolder, fileAlive, rootChildFolder } from '../certificates/documents';
import { readProperty, writeProperties } from '../platform/properties';
import { callGoogleApi } from '../platform/rest';
import { withRetry } from '../platform/retry';
import { logEvent } from '../registry/log';
import { academySpreadsheet } from '../registry/workbook';

type Folder = GoogleAppsScript.Drive.Folder;

const PDF = 'application/pdf';
const DOCS = 'https://docs.googleapis.com/v1/documents';
const TEMPLATE_KEY = 'a4pa.attendance.signInTemplate';

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

/** The folder holding the academy's spreadsheet (its first parent), else the Drive root. */
function academyFolder(): Folder {
  const parents = DriveApp.getFileById(academySpreadsheet().getId()).getParents();
  return parents.hasNext() ? parents.next() : DriveApp.getRootFolder();
}

function createTemplate(): string {
  const doc = DocumentApp.create(SIGN_IN_TEMPLATE_NAME);
  const body = doc.getBody();
  const [first, ...rest] = signInTemplateParagraphs();
  // A new Doc's body holds one empty paragraph: the first line goes there rather than below it.
  const opening = body.getParagraphs()[0];
  if (first && opening) {
    opening.setText(first.text);
    opening.setHeading(DocumentApp.ParagraphHeading.TITLE);
  }
  for (const p of rest) body.appendParagraph(p.text);
  doc.saveAndClose();
  DriveApp.getFileById(doc.getId()).moveTo(academyFolder());
  return doc.getId();
}

/** The template's id: the recorded one while its Doc is alive, else a new template (logged). */
export function signInTemplateId(): string {
  const recorded = readProperty(TEMPLATE_KEY) ?? '';
  if (fileAlive(recorded)) return recorded;
  const id = createTemplate();
  writeProperties({ [TEMPLATE_KEY]: id });
  logEvent('Modello foglio firme creato', id);
  return id;
}

function trashNamed(folder: Folder, names: readonly string[]): void {
  for (const name of names) {
    const files = withRetry('Folder.getFilesByName', () => folder.getFilesByName(name));
    while (files.hasNext()) files.next().setTrashed(true);
  }
}

function markerPattern(): string {
  return PARTICIPANTS_MARKER.replace(/[{}]/g, '\\$&');
}

/** The table at the marker's paragraph (the marker goes), or at the end of a template without one. */
function putTable(docId: string, table: string[][]): void {
  const doc = DocumentApp.openById(docId);
  const body = doc.getBody();
  const found = body.findText(markerPattern());
  if (found) {
    const paragraph = found.getElement().getParent().asParagraph();
    body.insertTable(body.getChildIndex(paragraph), table);
    paragraph.removeFromParent();
  } else body.appendTable(table);
  doc.saveAndClose();
}

/** Writes one sheet's Doc and PDF into the folder, replacing the session's previous ones. */
export function saveSignInSheet(folder: Folder, templateId: string, sheet: SignInSheet): SignInFile {
  const pdfName = `${sheet.name}.pdf`;
  trashNamed(folder, [sheet.name, pdfName]);
  const file = DriveApp.getFileById(templateId).makeCopy(sheet.name, folder);
  callGoogleApi(
    'Docs',
    'post',
    `${DOCS}/${encodeURIComponent(file.getId())}:batchUpdate`,
    signInFillBody(sheet.values),
  );
  putTable(file.getId(), sheet.table);
  const pdf = folder.createFile(file.getAs(PDF)).setName(pdfName);
  return { session: sheet.session, name: sheet.name, docUrl: file.getUrl(), pdfUrl: pdf.getUrl() };
}
