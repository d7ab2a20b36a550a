/** The emulated Drive `File`: its content, conversions and copies, besides the methods every item has. */
import type { Workspace } from '../../runtime/workspace';
import { strictAbout } from '../../runtime/variant';
import { EmulatedBlob } from '../blob';
import { spendCreatedDoc } from '../documents/quota';
import { commitDoc, committedDoc, newDocContent } from '../files/doc-model';
import {
  createItem,
  DOC_MIME,
  driveState,
  FORM_MIME,
  isFolder,
  PDF_MIME,
  SHEETS_MIME,
  type DriveItem,
} from '../files/store';
import { formsState } from '../forms/state';
import { spreadsheetData } from '../spreadsheet/model';
import { asBlob, bytesOf, convert } from './content';
import { idOf, touch, type DriveContext, type DriveObject } from './context';
import { chaining, itemMethods } from './item';

/** A new file from a blob, or from a name, text content and plain MIME type (`createFile`'s two forms). */
export function newFile(ws: Workspace, parentId: string, args: unknown[]): DriveItem {
  if (args.length === 1) {
    const blob = asBlob(args[0]);
    const text = blob instanceof EmulatedBlob ? (blob.text ?? '') : '';
    return createItem(ws, {
      name: blob.getName() ?? 'Untitled',
      mimeType: blob.getContentType() ?? 'application/octet-stream',
      parentId,
      bytes: bytesOf(blob),
      text,
    });
  }
  const [name, content, mimeType] = args;
  if (typeof mimeType === 'string' && mimeType.startsWith('application/vnd.google-apps.')) {
    throw new Error('Invalid argument: file.contentType');
  }
  return createItem(ws, {
    name: String(name),
    mimeType: typeof mimeType === 'string' ? mimeType : 'text/plain',
    parentId,
    bytes: new TextEncoder().encode(String(content ?? '')),
  });
}

/**
 * Bytes a file takes: its content, or for a spreadsheet, form or document the size of what it holds
 * (Google counts Workspace files toward storage: catalogue DRIVE-SEES-WORKSPACE-FILES).
 */
function sizeOf(ws: Workspace, item: DriveItem): number {
  if (item.mimeType === SHEETS_MIME) return Buffer.byteLength(JSON.stringify(spreadsheetData(ws, item.id)));
  if (item.mimeType === DOC_MIME) return Buffer.byteLength(JSON.stringify(committedDoc(ws, item.id) ?? {}));
  if (item.mimeType === FORM_MIME) return Buffer.byteLength(JSON.stringify(formsState(ws).forms[item.id] ?? {}));
  return item.bytes.length;
}

export function emulatedFile(ctx: DriveContext, item: DriveItem): DriveObject {
  const { call, ws } = ctx;
  const self: DriveObject = {
    ...itemMethods(ctx, item),
    getMimeType(): string {
      call('getMimeType');
      return item.mimeType;
    },
    getSize(): number {
      call('getSize');
      return sizeOf(ws, item);
    },
    /** A File prints its name, as Apps Script's do (catalogue: SHEETS-TOSTRING). */
    toString(): string {
      return item.name;
    },
    getDownloadUrl(): string {
      call('getDownloadUrl');
      return `https://drive.google.com/uc?id=${item.id}&export=download`;
    },
    getBlob(): EmulatedBlob {
      call('getBlob');
      return convert(ws, item, item.mimeType === DOC_MIME ? PDF_MIME : item.mimeType);
    },
    getAs(contentType: string): EmulatedBlob {
      call('getAs');
      return convert(ws, item, String(contentType));
    },
    makeCopy(...args: unknown[]) {
      call('makeCopy');
      let name = `Copy of ${item.name}`;
      let destination: DriveItem | null = null;
      for (const arg of args) {
        if (typeof arg === 'string') name = arg;
        else if (arg !== undefined && arg !== null) destination = ctx.itemOrThrow(idOf(arg));
      }
      if (destination && !isFolder(destination)) throw new Error('Invalid argument: destination');
      if (item.mimeType === DOC_MIME && strictAbout(ws, 'DOCS-COPY-COUNTS-AS-CREATED')) spendCreatedDoc(ws);
      const copy = createItem(ws, {
        name,
        mimeType: item.mimeType,
        parentId: destination?.id ?? item.parents[0] ?? driveState(ws).rootId,
        bytes: new Uint8Array(item.bytes),
        text: item.text,
      });
      copy.description = item.description;
      if (item.mimeType === DOC_MIME) commitDoc(ws, copy.id, committedDoc(ws, item.id) ?? newDocContent());
      return ctx.file(copy);
    },
    setContent(content: string) {
      call('setContent');
      if (item.mimeType.startsWith('application/vnd.google-apps.')) throw new Error('Invalid argument: file');
      item.bytes = new TextEncoder().encode(String(content));
      item.text = '';
      touch(ws, item);
      return self;
    },
  };
  return chaining(self);
}
