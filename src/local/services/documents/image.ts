/**
 * Inline images (`Paragraph.appendInlineImage(blob)`, catalogue: DOCS-INLINE-IMAGE): PNG, JPEG or GIF
 * bytes, inserted at their own pixel size; `setWidth`/`setHeight` change the size in pixels.
 */
import type { InlineImageNode, ParagraphNode } from '../files/doc-model';
import { chain, live, type DocsContext, type Obj } from './context';
import { ELEMENT_TYPE } from './enums';
import type { Session } from './session';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** Width and height in pixels from a PNG's IHDR, a GIF's screen descriptor or a JPEG's frame header. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50)
    return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length >= 10 && bytes[0] === 0x47 && bytes[1] === 0x49)
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      const marker = bytes[at + 1] as number;
      const length = view.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xc3) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      at += 2 + length;
    }
  }
  return null;
}

interface BlobLike {
  getBytes(): number[];
  getContentType(): string | null;
}

function blobOf(source: unknown): BlobLike {
  const s = source as { getBlob?: () => BlobLike } & Partial<BlobLike>;
  if (typeof s?.getBytes === 'function' && typeof s.getContentType === 'function') return s as BlobLike;
  if (typeof s?.getBlob === 'function') return s.getBlob();
  throw new Error('Invalid argument: image');
}

/** Appends an image to a paragraph; throws Google's message for bytes that are not an image. */
export function appendImage(ctx: DocsContext, session: Session, p: ParagraphNode, source: unknown): Obj {
  const blob = blobOf(source);
  const bytes = Uint8Array.from(blob.getBytes(), (b) => b & 0xff);
  const size = imageSize(bytes);
  if (!IMAGE_TYPES.has(blob.getContentType() ?? '') || !size) throw new Error('Invalid image data.');
  live(session);
  const node: InlineImageNode = {
    mimeType: blob.getContentType() as string,
    base64: Buffer.from(bytes).toString('base64'),
    width: size.width,
    height: size.height,
  };
  p.images = [...(p.images ?? []), node];
  return wrapImage(ctx, session, node);
}

function wrapImage(ctx: DocsContext, session: Session, node: InlineImageNode): Obj {
  const { call } = ctx;
  const self: Obj = {
    getType: () => ELEMENT_TYPE.INLINE_IMAGE,
    getWidth() {
      call('getWidth');
      return node.width;
    },
    getHeight() {
      call('getHeight');
      return node.height;
    },
    setWidth(width: number) {
      call('setWidth');
      live(session);
      node.width = Number(width);
    },
    setHeight(height: number) {
      call('setHeight');
      live(session);
      node.height = Number(height);
    },
  };
  return chain(self, ['setWidth', 'setHeight']);
}
