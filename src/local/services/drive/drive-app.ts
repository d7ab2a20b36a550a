/** The emulated `DriveApp`: the root, lookups by id, creation at the root, and the whole-Drive listings. */
import { createItem, driveState, FOLDER_MIME, isFolder } from '../files/store';
import { visible, visibleAll, NO_ITEM_MESSAGE, type DriveContext } from './context';
import { ACCESS, PERMISSION } from './enums';
import { newFile } from './file';
import { decodeToken, searchPredicate } from './query';

/** A null, undefined or empty id is refused before any lookup (gas-fakes test/testdrive.js lines 759-776). */
function checkedId(id: unknown): string {
  if (id === null || id === undefined || id === '') throw new Error('Invalid argument: id');
  return String(id);
}

export function emulatedDriveApp(ctx: DriveContext) {
  const { call, ws } = ctx;
  return {
    Access: ACCESS,
    Permission: PERMISSION,
    toString(): string {
      return 'Drive';
    },
    getRootFolder() {
      call('getRootFolder');
      return ctx.folder(ctx.itemOrThrow(driveState(ws).rootId));
    },
    getFileById(id: string) {
      call('getFileById');
      const item = ctx.itemOrThrow(checkedId(id));
      if (isFolder(item)) throw new Error(NO_ITEM_MESSAGE);
      return ctx.file(item);
    },
    getFolderById(id: string) {
      call('getFolderById');
      const item = ctx.itemOrThrow(checkedId(id));
      if (!isFolder(item)) throw new Error(NO_ITEM_MESSAGE);
      return ctx.folder(item);
    },
    createFolder(name: string) {
      call('createFolder');
      return ctx.folder(createItem(ws, { name: String(name), mimeType: FOLDER_MIME }));
    },
    createFile(...args: unknown[]) {
      call('createFile');
      return ctx.file(newFile(ws, driveState(ws).rootId, args));
    },
    getFiles() {
      call('getFiles');
      return ctx.files(visible(ws, (item) => !isFolder(item)));
    },
    getFolders() {
      call('getFolders');
      return ctx.folders(visible(ws, (item) => isFolder(item)));
    },
    getFilesByName(name: string) {
      call('getFilesByName');
      return ctx.files(visible(ws, (item) => !isFolder(item) && item.name === String(name)));
    },
    getFoldersByName(name: string) {
      call('getFoldersByName');
      return ctx.folders(visible(ws, (item) => isFolder(item) && item.name === String(name)));
    },
    getFilesByType(mimeType: string) {
      call('getFilesByType');
      return ctx.files(visible(ws, (item) => !isFolder(item) && item.mimeType === String(mimeType)));
    },
    searchFiles(query: string) {
      call('searchFiles');
      const pred = searchPredicate(ws, String(query));
      return ctx.files(visibleAll(ws, (item) => !isFolder(item) && pred(item)));
    },
    searchFolders(query: string) {
      call('searchFolders');
      const pred = searchPredicate(ws, String(query));
      return ctx.folders(visibleAll(ws, (item) => isFolder(item) && pred(item)));
    },
    continueFileIterator(token: string) {
      call('continueFileIterator');
      return ctx.files(decodeToken('file', String(token)));
    },
    continueFolderIterator(token: string) {
      call('continueFolderIterator');
      return ctx.folders(decodeToken('folder', String(token)));
    },
  };
}
