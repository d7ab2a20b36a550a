/** A file's content in and out of the emulated Drive: the blobs scripts hand to `createFile`, and `getAs` conversions. */
import type { Workspace } from '../../runtime/workspace';
import { EmulatedBlob, toUint8 } from '../blob';
import { A4_HEIGHT, A4_WIDTH, committedDoc, documentText, newDocContent } from '../files/doc-model';
import { renderPdf, renderTextPdf } from '../files/pdf';
import { DOC_MIME, PDF_MIME, type DriveItem } from '../files/store';

/** Blob-like values scripts pass to `createFile` (an EmulatedBlob, or anything with `getBlob`). */
export interface BlobLike {
  getBytes(): number[];
  getName(): string | null;
  getContentType(): string | null;
}

export function asBlob(value: unknown): BlobLike & { text?: string | null; rawBytes?: () => Uint8Array } {
  const v = value as { getBlob?: () => unknown; getBytes?: unknown };
  if (v && typeof v.getBytes !== 'function' && typeof v.getBlob === 'function') return asBlob(v.getBlob());
  if (!v || typeof v.getBytes !== 'function') throw new Error('Invalid argument: blob');
  return value as BlobLike;
}

export function bytesOf(blob: BlobLike & { rawBytes?: () => Uint8Array }): Uint8Array {
  return typeof blob.rawBytes === 'function' ? new Uint8Array(blob.rawBytes()) : toUint8(blob.getBytes());
}

/** The blob Google gives for a file in another format, or the error it throws when it cannot. */
export function convert(ws: Workspace, item: DriveItem, contentType: string): EmulatedBlob {
  if (item.mimeType === DOC_MIME) {
    const doc = committedDoc(ws, item.id) ?? newDocContent();
    if (contentType === PDF_MIME) {
      const pdf = renderPdf(doc, item.name);
      return new EmulatedBlob(pdf.bytes, PDF_MIME, `${item.name}.pdf`, pdf.text);
    }
    if (contentType === 'text/plain' || contentType === 'text/markdown') {
      const ext = contentType === 'text/plain' ? 'txt' : 'md';
      return new EmulatedBlob(new TextEncoder().encode(documentText(doc)), contentType, `${item.name}.${ext}`);
    }
  } else if (contentType === item.mimeType) {
    return new EmulatedBlob(new Uint8Array(item.bytes), item.mimeType, item.name, item.text === '' ? null : item.text);
  } else if (contentType === PDF_MIME && /^text\/(plain|csv|html)$/.test(item.mimeType)) {
    const source = new TextDecoder().decode(item.bytes);
    const pdf = renderTextPdf(source, item.name, A4_WIDTH, A4_HEIGHT);
    return new EmulatedBlob(pdf.bytes, PDF_MIME, `${item.name.replace(/\.[^.]*$/, '')}.pdf`, pdf.text);
  }
  throw new Error(`Converting from ${item.mimeType} to ${contentType} is not supported.`);
}
