/**
 * The emulated `DriveApp` of one Workspace, one Apps Script class a file: drive-app.ts, file.ts,
 * folder.ts, iterator.ts, with what File and Folder share in item.ts. They call one another (a File's
 * parents are Folders, a Folder lists Files) through the context tied here; what they read and convert
 * lives beside them (content.ts, query.ts, enums.ts, host.ts).
 */
import type { Workspace } from '../../runtime/workspace';
import { adoptSpreadsheets, type DriveItem } from '../files/store';
import { itemOrThrow, type DriveContext } from './context';
import { emulatedDriveApp } from './drive-app';
import { MIME_TYPE } from './enums';
import { emulatedFile } from './file';
import { emulatedFolder } from './folder';
import { driveIterator } from './iterator';

export { PDF_MIME } from '../files/store';
export { hostDriveFile, snapshotDrive } from './host';

/** `DriveApp` and the `MimeType` enum; every method is a counted 'Drive' call, iterator steps included. */
export function driveGlobals(ws: Workspace): { DriveApp: unknown; MimeType: typeof MIME_TYPE } {
  const ctx: DriveContext = {
    ws,
    call(method: string): void {
      ws.call('Drive', method);
      adoptSpreadsheets(ws);
    },
    itemOrThrow: (id: string) => itemOrThrow(ws, id),
    file: (item: DriveItem) => emulatedFile(ctx, item),
    folder: (item: DriveItem) => emulatedFolder(ctx, item),
    files: (ids: string[]) => driveIterator(ctx, 'file', ids, ctx.file),
    folders: (ids: string[]) => driveIterator(ctx, 'folder', ids, ctx.folder),
  };
  return { DriveApp: emulatedDriveApp(ctx), MimeType: MIME_TYPE };
}
