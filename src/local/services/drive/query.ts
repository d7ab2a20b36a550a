/** What Drive reads from a script's strings: search queries (`searchFiles`) and iterators' continuation tokens. */
import type { Workspace } from '../../runtime/workspace';
import { isEffectivelyTrashed, type DriveItem } from '../files/store';

export function encodeToken(kind: string, ids: string[]): string {
  return Buffer.from(JSON.stringify({ kind, ids }), 'utf8').toString('base64');
}

export function decodeToken(kind: string, token: string): string[] {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { kind?: unknown; ids?: unknown };
    if (parsed.kind === kind && Array.isArray(parsed.ids) && parsed.ids.every((x) => typeof x === 'string'))
      return parsed.ids as string[];
  } catch {
    // An unreadable token is reported below as Google does.
  }
  throw new Error('Invalid argument: continuationToken');
}

/** A tiny reader of Drive v2 search queries: clauses joined by `and` (title, mimeType, parents, trashed). */
export function searchPredicate(ws: Workspace, query: string): (item: DriveItem) => boolean {
  const clauses = query
    .split(/\s+and\s+/i)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const unquote = (s: string): string =>
    s
      .replace(/^'(.*)'$/s, '$1')
      .replace(/\\'/g, "'")
      .replace(/\\\\/g, '\\');
  const tests = clauses.map((clause): ((item: DriveItem) => boolean) => {
    let m = /^(title|name)\s*(=|!=|contains)\s*('(?:[^'\\]|\\.)*')$/i.exec(clause);
    if (m) {
      const value = unquote(m[3] as string);
      const op = (m[2] as string).toLowerCase();
      if (op === 'contains') return (item) => item.name.toLowerCase().includes(value.toLowerCase());
      return op === '=' ? (item) => item.name === value : (item) => item.name !== value;
    }
    m = /^mimeType\s*(=|!=)\s*('(?:[^'\\]|\\.)*')$/i.exec(clause);
    if (m) {
      const value = unquote(m[2] as string);
      return m[1] === '=' ? (item) => item.mimeType === value : (item) => item.mimeType !== value;
    }
    m = /^('(?:[^'\\]|\\.)*')\s+in\s+parents$/i.exec(clause);
    if (m) {
      const value = unquote(m[1] as string);
      return (item) => item.parents.includes(value);
    }
    m = /^trashed\s*=\s*(true|false)$/i.exec(clause);
    if (m) {
      const wanted = (m[1] as string).toLowerCase() === 'true';
      return (item) => isEffectivelyTrashed(ws, item) === wanted;
    }
    throw new Error(`Invalid argument: q`);
  });
  const mentionsTrash = clauses.some((c) => /^trashed\s*=/i.test(c));
  return (item) => (mentionsTrash || !isEffectivelyTrashed(ws, item)) && tests.every((t) => t(item));
}
