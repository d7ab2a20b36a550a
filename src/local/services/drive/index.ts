/**
 * The emulated `DriveApp` with its File, Folder and iterator objects. They are closures over one
 * Workspace and call one another (a File's parents are Folders, a Folder lists Files), so they stay
 * together here; what they read and convert lives beside them (content.ts, query.ts, enums.ts, host.ts).
 */
import type { Workspace } from '../../runtime/workspace';
import { ACCESS, MIME_TYPE, PERMISSION } from './enums';
import { asBlob, bytesOf, convert } from './content';
import { decodeToken, encodeToken, searchPredicate } from './query';
import { EmulatedBlob } from '../blob';
import { commitDoc, committedDoc, newDocContent } from '../files/doc-model';
import { spendCreatedDoc } from '../documents/quota';
import { strictAbout } from '../../runtime/variant';
import { spreadsheetData } from '../spreadsheet/model';
import { formsState } from '../forms/model';
import { checkSignature } from '../signature';
import {
  adoptSpreadsheets,
  createItem,
  DOC_MIME,
  driveState,
  fileUrl,
  findItem,
  FOLDER_MIME,
  FORM_MIME,
  isEffectivelyTrashed,
  isFolder,
  PDF_MIME,
  SHEETS_MIME,
  type DriveItem,
} from '../files/store';

export { DOC_MIME, FOLDER_MIME, PDF_MIME } from '../files/store';
export { MIME_TYPE } from './enums';
export { hostDriveFile, snapshotDrive } from './host';

/** Apps Script's message for an id that is unknown or not visible to the user. */
export const NO_ITEM_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

interface IteratorFactory<T> {
  (ids: string[]): T;
}

/** `DriveApp` and the `MimeType` enum; every method is a counted 'Drive' call, iterator steps included. */
export function driveGlobals(ws: Workspace): { DriveApp: unknown; MimeType: typeof MIME_TYPE } {
  const call = (method: string): void => {
    ws.call('Drive', method);
    adoptSpreadsheets(ws);
  };

  function itemOrThrow(id: string): DriveItem {
    const item = findItem(ws, String(id));
    if (!item) throw new Error(NO_ITEM_MESSAGE);
    return item;
  }

  function idOf(value: unknown): string {
    const v = value as { getId?: () => string };
    if (!v || typeof v.getId !== 'function') throw new Error('Invalid argument: item');
    return v.getId();
  }

  function emailOf(user: unknown): string {
    if (typeof user === 'string') return user;
    const u = user as { getEmail?: () => string };
    if (u && typeof u.getEmail === 'function') return u.getEmail();
    throw new Error('Invalid argument: user');
  }

  function makeIterator<T>(
    kind: 'file' | 'folder',
    ids: string[],
    wrap: (item: DriveItem) => T,
  ): {
    hasNext(): boolean;
    next(): T;
    getContinuationToken(): string;
  } {
    let index = 0;
    return {
      hasNext(): boolean {
        call('hasNext');
        return index < ids.length;
      },
      next(): T {
        call('next');
        if (index >= ids.length) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
        const id = ids[index++] as string;
        return wrap(itemOrThrow(id));
      },
      getContinuationToken(): string {
        call('getContinuationToken');
        return encodeToken(kind, ids.slice(index));
      },
    };
  }

  const fileIterator: IteratorFactory<ReturnType<typeof makeIterator>> = (ids) => makeIterator('file', ids, wrapFile);
  const folderIterator: IteratorFactory<ReturnType<typeof makeIterator>> = (ids) =>
    makeIterator('folder', ids, wrapFolder);

  function visible(filter: (item: DriveItem) => boolean): string[] {
    const st = driveState(ws);
    return st.order.filter((id) => {
      const item = st.items[id] as DriveItem;
      return id !== st.rootId && !isEffectivelyTrashed(ws, item) && filter(item);
    });
  }

  function childrenOf(folderId: string, wantFolders: boolean, name?: string): string[] {
    return visible(
      (item) =>
        item.parents.includes(folderId) &&
        isFolder(item) === wantFolders &&
        (name === undefined || item.name === String(name)),
    );
  }

  function touch(item: DriveItem): void {
    item.updatedMs = ws.now();
  }

  function newFile(parentId: string, args: unknown[]): DriveItem {
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

  function sharingMethods(item: DriveItem) {
    return {
      setSharing(access: string, permission: string) {
        call('setSharing');
        item.access = String(access);
        item.permission = String(permission);
      },
      getSharingAccess(): string {
        call('getSharingAccess');
        return item.access;
      },
      getSharingPermission(): string {
        call('getSharingPermission');
        return item.permission;
      },
      addViewer(user: unknown) {
        call('addViewer');
        const email = emailOf(user);
        if (!item.viewers.includes(email)) item.viewers.push(email);
      },
      addEditor(user: unknown) {
        call('addEditor');
        const email = emailOf(user);
        if (!item.editors.includes(email)) item.editors.push(email);
      },
      getViewers() {
        call('getViewers');
        return item.viewers.map(userOf);
      },
      getEditors() {
        call('getEditors');
        return item.editors.map(userOf);
      },
      getOwner() {
        call('getOwner');
        return userOf(item.owner);
      },
    };
  }

  function userOf(email: string) {
    return {
      getEmail: () => email,
      getName: () => email.split('@')[0] ?? '',
      getDomain: () => email.split('@')[1] ?? '',
    };
  }

  function commonMethods(item: DriveItem) {
    return {
      getId(): string {
        call('getId');
        return item.id;
      },
      getName(): string {
        call('getName');
        return item.name;
      },
      setName(name: string) {
        call('setName');
        item.name = String(name);
        if (item.mimeType === SHEETS_MIME) spreadsheetData(ws, item.id).name = item.name;
        touch(item);
      },
      getUrl(): string {
        call('getUrl');
        return fileUrl(item);
      },
      getDescription(): string | null {
        call('getDescription');
        return item.description === '' ? null : item.description;
      },
      setDescription(description: string) {
        call('setDescription');
        item.description = String(description);
        touch(item);
      },
      getDateCreated(): Date {
        call('getDateCreated');
        return new Date(item.createdMs);
      },
      getLastUpdated(): Date {
        call('getLastUpdated');
        return new Date(item.updatedMs);
      },
      getParents() {
        call('getParents');
        return folderIterator(item.parents.filter((id) => findItem(ws, id) !== null));
      },
      isTrashed(): boolean {
        call('isTrashed');
        return isEffectivelyTrashed(ws, item);
      },
      setTrashed(trashed: boolean) {
        call('setTrashed');
        item.trashed = Boolean(trashed);
        touch(item);
      },
      moveTo(destination: unknown) {
        checkSignature(`DriveApp.${isFolder(item) ? 'Folder' : 'File'}.moveTo`, [destination], [['Object']]);
        call('moveTo');
        const target = itemOrThrow(idOf(destination));
        if (!isFolder(target)) throw new Error('Invalid argument: destination');
        item.parents = [target.id];
        touch(item);
      },
    };
  }

  /** The shared setters answer the File or Folder they were called on, so calls chain as in Apps Script. */
  function chaining(self: Record<string, unknown>): Record<string, unknown> {
    for (const key of ['setName', 'setDescription', 'setTrashed', 'moveTo', 'setSharing', 'addViewer', 'addEditor']) {
      const method = self[key] as (...a: unknown[]) => unknown;
      self[key] = (...a: unknown[]) => {
        method(...a);
        return self;
      };
    }
    return self;
  }

  function wrapFile(item: DriveItem): Record<string, unknown> {
    const self: Record<string, unknown> = {
      ...commonMethods(item),
      ...sharingMethods(item),
      getMimeType(): string {
        call('getMimeType');
        return item.mimeType;
      },
      getSize(): number {
        call('getSize');
        return sizeOf(item);
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
          else if (arg !== undefined && arg !== null) destination = itemOrThrow(idOf(arg));
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
        return wrapFile(copy);
      },
      setContent(content: string) {
        call('setContent');
        if (item.mimeType.startsWith('application/vnd.google-apps.')) throw new Error('Invalid argument: file');
        item.bytes = new TextEncoder().encode(String(content));
        item.text = '';
        touch(item);
        return self;
      },
    };
    return chaining(self);
  }

  function wrapFolder(item: DriveItem): Record<string, unknown> {
    const self: Record<string, unknown> = {
      ...commonMethods(item),
      ...sharingMethods(item),
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
        return wrapFolder(createItem(ws, { name: String(name), mimeType: FOLDER_MIME, parentId: item.id }));
      },
      createFile(...args: unknown[]) {
        call('createFile');
        return wrapFile(newFile(item.id, args));
      },
      getFiles() {
        call('getFiles');
        return fileIterator(childrenOf(item.id, false));
      },
      getFolders() {
        call('getFolders');
        return folderIterator(childrenOf(item.id, true));
      },
      getFilesByName(name: string) {
        call('getFilesByName');
        return fileIterator(childrenOf(item.id, false, name));
      },
      getFoldersByName(name: string) {
        call('getFoldersByName');
        return folderIterator(childrenOf(item.id, true, name));
      },
      getFilesByType(mimeType: string) {
        call('getFilesByType');
        return fileIterator(childrenOf(item.id, false).filter((id) => findItem(ws, id)?.mimeType === String(mimeType)));
      },
      searchFiles(query: string) {
        call('searchFiles');
        const pred = searchPredicate(ws, String(query));
        return fileIterator(visibleAll((x) => !isFolder(x) && x.parents.includes(item.id) && pred(x)));
      },
      searchFolders(query: string) {
        call('searchFolders');
        const pred = searchPredicate(ws, String(query));
        return folderIterator(visibleAll((x) => isFolder(x) && x.parents.includes(item.id) && pred(x)));
      },
      addFile(child: unknown) {
        call('addFile');
        const target = itemOrThrow(idOf(child));
        if (!target.parents.includes(item.id)) target.parents.push(item.id);
        return self;
      },
      addFolder(child: unknown) {
        call('addFolder');
        const target = itemOrThrow(idOf(child));
        if (!target.parents.includes(item.id)) target.parents.push(item.id);
        return self;
      },
      removeFile(child: unknown) {
        call('removeFile');
        const target = itemOrThrow(idOf(child));
        target.parents = target.parents.filter((p) => p !== item.id);
        return self;
      },
      removeFolder(child: unknown) {
        call('removeFolder');
        const target = itemOrThrow(idOf(child));
        target.parents = target.parents.filter((p) => p !== item.id);
        return self;
      },
    };
    return chaining(self);
  }

  /** Every item, trashed ones included, that the filter accepts (the query decides about the trash). */
  function visibleAll(filter: (item: DriveItem) => boolean): string[] {
    const st = driveState(ws);
    return st.order.filter((id) => id !== st.rootId && filter(st.items[id] as DriveItem));
  }

  /**
   * Bytes a file takes: its content, or for a spreadsheet, form or document the size of what it holds
   * (Google counts Workspace files toward storage: catalogue DRIVE-SEES-WORKSPACE-FILES).
   */
  function sizeOf(item: DriveItem): number {
    if (item.mimeType === SHEETS_MIME) return Buffer.byteLength(JSON.stringify(spreadsheetData(ws, item.id)));
    if (item.mimeType === DOC_MIME) return Buffer.byteLength(JSON.stringify(committedDoc(ws, item.id) ?? {}));
    if (item.mimeType === FORM_MIME) return Buffer.byteLength(JSON.stringify(formsState(ws).forms[item.id] ?? {}));
    return item.bytes.length;
  }

  /** A null, undefined or empty id is refused before any lookup (gas-fakes test/testdrive.js lines 759-776). */
  function checkedId(id: unknown): string {
    if (id === null || id === undefined || id === '') throw new Error('Invalid argument: id');
    return String(id);
  }

  const DriveApp = {
    Access: ACCESS,
    Permission: PERMISSION,
    toString(): string {
      return 'Drive';
    },
    getRootFolder() {
      call('getRootFolder');
      return wrapFolder(itemOrThrow(driveState(ws).rootId));
    },
    getFileById(id: string) {
      call('getFileById');
      const item = itemOrThrow(checkedId(id));
      if (isFolder(item)) throw new Error(NO_ITEM_MESSAGE);
      return wrapFile(item);
    },
    getFolderById(id: string) {
      call('getFolderById');
      const item = itemOrThrow(checkedId(id));
      if (!isFolder(item)) throw new Error(NO_ITEM_MESSAGE);
      return wrapFolder(item);
    },
    createFolder(name: string) {
      call('createFolder');
      return wrapFolder(createItem(ws, { name: String(name), mimeType: FOLDER_MIME }));
    },
    createFile(...args: unknown[]) {
      call('createFile');
      return wrapFile(newFile(driveState(ws).rootId, args));
    },
    getFiles() {
      call('getFiles');
      return fileIterator(visible((item) => !isFolder(item)));
    },
    getFolders() {
      call('getFolders');
      return folderIterator(visible((item) => isFolder(item)));
    },
    getFilesByName(name: string) {
      call('getFilesByName');
      return fileIterator(visible((item) => !isFolder(item) && item.name === String(name)));
    },
    getFoldersByName(name: string) {
      call('getFoldersByName');
      return folderIterator(visible((item) => isFolder(item) && item.name === String(name)));
    },
    getFilesByType(mimeType: string) {
      call('getFilesByType');
      return fileIterator(visible((item) => !isFolder(item) && item.mimeType === String(mimeType)));
    },
    searchFiles(query: string) {
      call('searchFiles');
      const pred = searchPredicate(ws, String(query));
      return fileIterator(visibleAll((item) => !isFolder(item) && pred(item)));
    },
    searchFolders(query: string) {
      call('searchFolders');
      const pred = searchPredicate(ws, String(query));
      return folderIterator(visibleAll((item) => isFolder(item) && pred(item)));
    },
    continueFileIterator(token: string) {
      call('continueFileIterator');
      return fileIterator(decodeToken('file', String(token)));
    },
    continueFolderIterator(token: string) {
      call('continueFolderIterator');
      return folderIterator(decodeToken('folder', String(token)));
    },
  };
  return { DriveApp, MimeType: MIME_TYPE };
}
