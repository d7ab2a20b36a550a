/** The emulated Drive `Folder`: what it creates and lists, besides the methods every item has. */
import { createItem, findItem, FOLDER_MIME, isFolder, type DriveItem } from '../files/store';
import { childrenOf, idOf, visibleAll, type DriveContext, type DriveObject } from './context';
import { newFile } from './file';
import { chaining, itemMethods } from './item';
import { searchPredicate } from './query';

export function emulatedFolder(ctx: DriveContext, item: DriveItem): DriveObject {
  const { call, ws } = ctx;
  const self: DriveObject = {
    ...itemMethods(ctx, item),
    /** A folder takes no storage of its own. */
    getSize(): number {
      call('getSize');
      return 0;
    },
    /** A Folder prints its name ("My Drive" for the root), as gas-fakes asserts on live Apps Script. */
    toString(): string {
      return item.name;
    },
    createFolder(name: string) {
      call('createFolder');
      return ctx.folder(createItem(ws, { name: String(name), mimeType: FOLDER_MIME, parentId: item.id }));
    },
    createFile(...args: unknown[]) {
      call('createFile');
      return ctx.file(newFile(ws, item.id, args));
    },
    getFiles() {
      call('getFiles');
      return ctx.files(childrenOf(ws, item.id, false));
    },
    getFolders() {
      call('getFolders');
      return ctx.folders(childrenOf(ws, item.id, true));
    },
    getFilesByName(name: string) {
      call('getFilesByName');
      return ctx.files(childrenOf(ws, item.id, false, name));
    },
    getFoldersByName(name: string) {
      call('getFoldersByName');
      return ctx.folders(childrenOf(ws, item.id, true, name));
    },
    getFilesByType(mimeType: string) {
      call('getFilesByType');
      return ctx.files(childrenOf(ws, item.id, false).filter((id) => findItem(ws, id)?.mimeType === String(mimeType)));
    },
    searchFiles(query: string) {
      call('searchFiles');
      const pred = searchPredicate(ws, String(query));
      return ctx.files(visibleAll(ws, (x) => !isFolder(x) && x.parents.includes(item.id) && pred(x)));
    },
    searchFolders(query: string) {
      call('searchFolders');
      const pred = searchPredicate(ws, String(query));
      return ctx.folders(visibleAll(ws, (x) => isFolder(x) && x.parents.includes(item.id) && pred(x)));
    },
    addFile(child: unknown) {
      call('addFile');
      const target = ctx.itemOrThrow(idOf(child));
      if (!target.parents.includes(item.id)) target.parents.push(item.id);
      return self;
    },
    addFolder(child: unknown) {
      call('addFolder');
      const target = ctx.itemOrThrow(idOf(child));
      if (!target.parents.includes(item.id)) target.parents.push(item.id);
      return self;
    },
    removeFile(child: unknown) {
      call('removeFile');
      const target = ctx.itemOrThrow(idOf(child));
      target.parents = target.parents.filter((p) => p !== item.id);
      return self;
    },
    removeFolder(child: unknown) {
      call('removeFolder');
      const target = ctx.itemOrThrow(idOf(child));
      target.parents = target.parents.filter((p) => p !== item.id);
      return self;
    },
  };
  return chaining(self);
}
