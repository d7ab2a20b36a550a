import type { Workspace } from '../../runtime/workspace';
import { cloneDoc, commitDoc, committedDoc, newDocContent, type DocContent } from '../files/doc-model';
import { findItem } from '../files/store';
import { DOCUMENT_MISSING } from './enums';

/** An open document of one execution: edits land here and reach Drive at save time. */
export interface Session {
  id: string;
  doc: DocContent;
  closed: boolean;
}

const sessions = new WeakMap<Workspace, Map<string, Session>>();
const hooked = new WeakSet<Workspace>();

/**
 * Google's reference: `saveAndClose()` flushes pending updates and is "automatically invoked at the end of
 * script execution for each open editable Document". Until then an export (Drive `getAs`, `makeCopy`)
 * sees the last saved content, which is why scripts save before exporting a PDF.
 */
export function openSession(ws: Workspace, id: string): Session {
  let map = sessions.get(ws);
  if (!map) {
    map = new Map();
    sessions.set(ws, map);
  }
  if (!hooked.has(ws)) {
    hooked.add(ws);
    ws.endHooks.push(() => flushDocuments(ws));
  }
  let session = map.get(id);
  if (!session || session.closed) {
    session = { id, doc: cloneDoc(committedDoc(ws, id) ?? newDocContent()), closed: false };
    map.set(id, session);
  }
  return session;
}

/** Saves every document still open, as the end of an execution does. */
export function flushDocuments(ws: Workspace): void {
  const map = sessions.get(ws);
  if (!map) return;
  for (const session of map.values()) {
    if (!session.closed && findItem(ws, session.id)) commitDoc(ws, session.id, session.doc);
    session.closed = true;
  }
  map.clear();
}

export function docIdFromUrl(url: string): string {
  const m = /\/d\/([A-Za-z0-9_-]+)/.exec(url) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(url);
  if (!m) throw new Error(DOCUMENT_MISSING);
  return m[1] as string;
}
