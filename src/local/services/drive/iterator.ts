/** The emulated `FileIterator` and `FolderIterator`: each step is a counted call; the token holds what is left. */
import type { DriveItem } from '../files/store';
import type { DriveContext, DriveIterator, DriveObject } from './context';
import { encodeToken } from './query';

export function driveIterator(
  ctx: DriveContext,
  kind: 'file' | 'folder',
  ids: string[],
  wrap: (item: DriveItem) => DriveObject,
): DriveIterator {
  let index = 0;
  return {
    hasNext(): boolean {
      ctx.call('hasNext');
      return index < ids.length;
    },
    next(): DriveObject {
      ctx.call('next');
      if (index >= ids.length) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
      const id = ids[index++] as string;
      return wrap(ctx.itemOrThrow(id));
    },
    getContinuationToken(): string {
      ctx.call('getContinuationToken');
      return encodeToken(kind, ids.slice(index));
    },
  };
}
