import type { Workspace } from '../../runtime/workspace';
import { DOCUMENT_CLOSED } from './enums';
import type { Session } from './session';

/** What every DocumentApp element needs: the workspace and the counted call under `Docs`. */
export interface DocsContext {
  ws: Workspace;
  call: (method: string) => void;
}

export type Obj = Record<string, unknown>;

export function live(session: Session): void {
  if (session.closed) throw new Error(DOCUMENT_CLOSED);
}

/** Chainable setters return their element, as in Apps Script. */
export function chain(self: Obj, keys: string[]): Obj {
  for (const key of keys) {
    const method = self[key] as (...a: unknown[]) => unknown;
    self[key] = (...a: unknown[]) => {
      method(...a);
      return self;
    };
  }
  return self;
}
