/**
 * What the emulated Drive objects of one Workspace share: the counted call, the lookups, and the wrappers
 * through which a File names its parent Folders and a Folder lists its Files (index.ts ties them).
 */
import type { Workspace } from '../../runtime/workspace';
import { driveState, findItem, isEffectivelyTrashed, isFolder, type DriveItem } from '../files/store';

/** A File or Folder as the script sees it. */
export type DriveObject = Record<string, unknown>;

export interface DriveIterator {
  hasNext(): boolean;
  next(): DriveObject;
  getContinuationToken(): string;
}

export interface DriveContext {
  readonly ws: Workspace;
  /** Counts one 'Drive' call (iterator steps included). */
  call(method: string): void;
  itemOrThrow(id: string): DriveItem;
  file(item: DriveItem): DriveObject;
  folder(item: DriveItem): DriveObject;
  files(ids: string[]): DriveIterator;
  folders(ids: string[]): DriveIterator;
}

/** Apps Script's message for an id that is unknown or not visible to the user. */
export const NO_ITEM_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export function itemOrThrow(ws: Workspace, id: string): DriveItem {
  const item = findItem(ws, String(id));
  if (!item) throw new Error(NO_ITEM_MESSAGE);
  return item;
}

export function idOf(value: unknown): string {
  const v = value as { getId?: () => string };
  if (!v || typeof v.getId !== 'function') throw new Error('Invalid argument: item');
  return v.getId();
}

export function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  const u = user as { getEmail?: () => string };
  if (u && typeof u.getEmail === 'function') return u.getEmail();
  throw new Error('Invalid argument: user');
}

/** Items outside the trash, in creation order, that the filter accepts (the root excluded). */
export function visible(ws: Workspace, filter: (item: DriveItem) => boolean): string[] {
  const st = driveState(ws);
  return st.order.filter((id) => {
    const item = st.items[id] as DriveItem;
    return id !== st.rootId && !isEffectivelyTrashed(ws, item) && filter(item);
  });
}

/** Every item, trashed ones included, that the filter accepts (the query decides about the trash). */
export function visibleAll(ws: Workspace, filter: (item: DriveItem) => boolean): string[] {
  const st = driveState(ws);
  return st.order.filter((id) => id !== st.rootId && filter(st.items[id] as DriveItem));
}

export function childrenOf(ws: Workspace, folderId: string, wantFolders: boolean, name?: string): string[] {
  return visible(
    ws,
    (item) =>
      item.parents.includes(folderId) &&
      isFolder(item) === wantFolders &&
      (name === undefined || item.name === String(name)),
  );
}

export function touch(ws: Workspace, item: DriveItem): void {
  item.updatedMs = ws.now();
}
