/**
 * The Drive and Docs requests that turn a certificate into a PDF, shared by the add-on (UrlFetchApp) and
 * the worker (googleapis): a copy of the template, one `batchUpdate` filling it, the PDF export, the PDF
 * upload, the copy to the trash. Every file made carries public Drive `properties` naming its batch, its
 * number and its role (catalogue: REST-DRIVE-PROPERTIES), so whoever resumes a batch (the add-on or the
 * worker) finds with one listing what an interrupted run made or what a lost answer hid.
 */
import { PLACEHOLDERS, placeholderToken, QR_MARKER, type Placeholder } from './placeholders';

export const PDF_MIME = 'application/pdf';
export const TAG_BATCH = 'a4paBatch';
export const TAG_NUMBER = 'a4paCertificate';
export const TAG_ROLE = 'a4paRole';
export type FileRole = 'bozza' | 'pdf';

/** The year's Drive folder of certificates (one sub-folder a course), the same for the add-on and the worker. */
export function yearFolderName(year: number): string {
  return `Attestati ${year}`;
}

/** The draft Doc's name is the exported PDF's title: the certificate's number, as readers show it. */
export function draftName(number: string): string {
  return number;
}

export function pdfName(number: string): string {
  return `${number}.pdf`;
}

export function fileTags(batch: string, number: string, role: FileRole): Record<string, string> {
  return { [TAG_BATCH]: batch, [TAG_NUMBER]: number, [TAG_ROLE]: role };
}

/** Body of `files.copy` for a certificate's draft. */
export function copyBody(batch: string, number: string, folderId: string): Record<string, unknown> {
  return { name: draftName(number), parents: [folderId], properties: fileTags(batch, number, 'bozza') };
}

/**
 * The `documents.batchUpdate` body replacing every placeholder literally, in body, header and footer (one
 * `replaceAllText` per placeholder, applied atomically; catalogue: REST-DOCS-BATCHUPDATE): the text is
 * matched as text and inserted as text, so a name with `$1`, `\\` or `(` stays as written. Without a QR
 * code the fill may be resent after a lost answer (a replaced placeholder no longer matches). With one,
 * the QR's requests (`qrDrawRequests`, made from the indexes of the revision read) come first and the
 * body names that revision, so a resend after a lost answer is refused instead of drawing a second code.
 */
export function fillBody(
  values: Record<Placeholder, string>,
  qr: { requests: unknown[]; revisionId: string } | null,
): { requests: unknown[]; writeControl?: { requiredRevisionId: string } } {
  const fill: unknown[] = PLACEHOLDERS.map((name) => ({
    replaceAllText: { containsText: { text: placeholderToken(name), matchCase: true }, replaceText: values[name] },
  }));
  if (qr) return { requests: [...qr.requests, ...fill], writeControl: { requiredRevisionId: qr.revisionId } };
  // Without a verification address there is no QR code to draw: the marker goes with the text fill.
  fill.push({ replaceAllText: { containsText: { text: QR_MARKER, matchCase: true }, replaceText: '' } });
  return { requests: fill };
}

/** Metadata of the PDF's upload. */
export function pdfMetadata(batch: string, number: string, folderId: string): Record<string, unknown> {
  return { name: pdfName(number), mimeType: PDF_MIME, parents: [folderId], properties: fileTags(batch, number, 'pdf') };
}

/** The Drive v3 query finding every file of a batch, trashed or not excluded by Drive's default. */
export function batchQuery(batch: string): string {
  return `properties has { key='${TAG_BATCH}' and value='${batch.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' } and trashed = false`;
}

export interface TaggedFile {
  id: string;
  number: string;
  role: FileRole;
  url: string;
}

/** Reads a `files.list` page (fields `files(id,webViewLink,properties)`) into the batch's files. */
export function taggedFiles(list: unknown): TaggedFile[] {
  const files = (list as { files?: Array<Record<string, unknown>> } | null)?.files ?? [];
  const out: TaggedFile[] = [];
  for (const f of files) {
    const props = (f.properties ?? {}) as Record<string, string>;
    const role = props[TAG_ROLE];
    const number = props[TAG_NUMBER];
    if (typeof f.id !== 'string' || !number || (role !== 'bozza' && role !== 'pdf')) continue;
    out.push({ id: f.id, number, role, url: typeof f.webViewLink === 'string' ? f.webViewLink : '' });
  }
  return out;
}

/** A certificate of a batch in flight: its job item (`''` for a freed number), number and code. */
export interface InflightEntry {
  key: string;
  number: string;
  verificationCode: string;
  /** A PDF found for it after an interrupted run, adopted instead of made again. */
  pdfId: string;
  pdfUrl: string;
}

/**
 * After an interrupted run, from one listing of its batch's files: drafts go to the trash; a PDF whose
 * certificate still has no row and whose person is still due one is adopted (one per number); any other
 * PDF no row points at goes. Entries already recorded are dropped; a number whose person is no longer
 * due a certificate is freed (key '') for the next one, so numbers stay sequential (a number without a
 * row was never shown to anyone).
 */
export function resumeBatch(input: {
  entries: readonly InflightEntry[];
  files: readonly TaggedFile[];
  recordedNumbers: ReadonlySet<string>;
  recordedFiles: ReadonlySet<string>;
  due: ReadonlySet<string>;
}): { entries: InflightEntry[]; trash: string[] } {
  const open = input.entries.filter((e) => !input.recordedNumbers.has(e.number));
  const openByNumber = new Map(open.map((e) => [e.number, e]));
  const adopted = new Map<string, TaggedFile>();
  const trash: string[] = [];
  for (const f of input.files) {
    if (f.role === 'pdf' && input.recordedFiles.has(f.id)) continue;
    const entry = openByNumber.get(f.number);
    if (f.role === 'pdf' && entry && input.due.has(entry.key) && !entry.pdfId && !adopted.has(f.number))
      adopted.set(f.number, f);
    else trash.push(f.id);
  }
  const entries = open.map((e): InflightEntry => {
    const found = adopted.get(e.number);
    if (found) return { ...e, pdfId: found.id, pdfUrl: found.url };
    if (input.due.has(e.key)) return e;
    if (e.pdfId && !input.recordedFiles.has(e.pdfId)) trash.push(e.pdfId);
    return { ...e, key: '', pdfId: '', pdfUrl: '' };
  });
  return { entries, trash };
}

/** A multipart/related upload body: the JSON metadata, then the PDF's bytes. */
export function multipartUpload(
  boundary: string,
  metadata: Record<string, unknown>,
  pdf: readonly number[],
  utf8: (text: string) => number[],
): { contentType: string; body: number[] } {
  const head = utf8(
    `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(metadata)}\r\n` +
      `--${boundary}\r\nContent-Type: ${PDF_MIME}\r\n\r\n`,
  );
  const tail = utf8(`\r\n--${boundary}--`);
  return { contentType: `multipart/related; boundary=${boundary}`, body: [...head, ...pdf, ...tail] };
}
