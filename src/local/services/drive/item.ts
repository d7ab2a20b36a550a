/**
 * The methods a Drive File and a Drive Folder have in common (name, description, dates, parents, trash,
 * move, sharing), and the chaining of their setters.
 */
import { spreadsheetData } from '../spreadsheet/model';
import { checkSignature } from '../signature';
import {
  fileUrl,
  findItem,
  isEffectivelyTrashed,
  isFolder,
  setTrashed,
  SHEETS_MIME,
  type DriveItem,
} from '../files/store';
import { emailOf, idOf, touch, type DriveContext, type DriveObject } from './context';

function userOf(email: string) {
  return {
    getEmail: () => email,
    getName: () => email.split('@')[0] ?? '',
    getDomain: () => email.split('@')[1] ?? '',
  };
}

function sharingMethods(ctx: DriveContext, item: DriveItem) {
  const { call } = ctx;
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

function commonMethods(ctx: DriveContext, item: DriveItem) {
  const { call, ws } = ctx;
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
      touch(ws, item);
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
      touch(ws, item);
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
      return ctx.folders(item.parents.filter((id) => findItem(ws, id) !== null));
    },
    isTrashed(): boolean {
      call('isTrashed');
      return isEffectivelyTrashed(ws, item);
    },
    setTrashed(trashed: boolean) {
      call('setTrashed');
      setTrashed(ws, item, Boolean(trashed));
      touch(ws, item);
    },
    moveTo(destination: unknown) {
      checkSignature(`DriveApp.${isFolder(item) ? 'Folder' : 'File'}.moveTo`, [destination], [['Object']]);
      call('moveTo');
      const target = ctx.itemOrThrow(idOf(destination));
      if (!isFolder(target)) throw new Error('Invalid argument: destination');
      item.parents = [target.id];
      touch(ws, item);
    },
  };
}

/** The shared methods of a File or Folder. */
export function itemMethods(ctx: DriveContext, item: DriveItem): DriveObject {
  return { ...commonMethods(ctx, item), ...sharingMethods(ctx, item) };
}

/** The shared setters answer the File or Folder they were called on, so calls chain as in Apps Script. */
export function chaining(self: DriveObject): DriveObject {
  for (const key of ['setName', 'setDescription', 'setTrashed', 'moveTo', 'setSharing', 'addViewer', 'addEditor']) {
    const method = self[key] as (...a: unknown[]) => unknown;
    self[key] = (...a: unknown[]) => {
      method(...a);
      return self;
    };
  }
  return self;
}
