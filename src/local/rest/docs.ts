/**
 * Docs API v1 over the emulated Docs: `documents.get` reads the saved content, `documents.batchUpdate`
 * applies its requests atomically (all or none) and saves at once (catalogue: REST-DOCS-BATCHUPDATE).
 * `replaceAllText` matches its text literally (`matchCase` false by default), in every segment (body,
 * header, footer), within each paragraph, and inserts the replacement as plain text: no pattern syntax.
 */
import type { Workspace } from '../runtime/workspace';
import {
  cloneDoc,
  commitDoc,
  committedDoc,
  paragraphsOf,
  paragraphText,
  spliceText,
  type DocContent,
  type ParagraphNode,
} from '../services/files/doc-model';
import { DOC_MIME, findItem } from '../services/files/store';
import { json, jsonBody, RestError, type RestRequest, type RestResponse } from './http';

type Json = Record<string, unknown>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceLiterally(paragraphs: ParagraphNode[], find: string, replacement: string, matchCase: boolean): number {
  const re = new RegExp(escapeRegExp(find), matchCase ? 'g' : 'gi');
  let changed = 0;
  for (const p of paragraphs) {
    const text = paragraphText(p);
    const hits: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) hits.push(m.index);
    for (const start of hits.reverse()) spliceText(p, start, start + find.length, replacement);
    changed += hits.length;
  }
  return changed;
}

function segments(doc: DocContent): ParagraphNode[] {
  return [...paragraphsOf(doc.body), ...(doc.header ?? []), ...(doc.footer ?? [])];
}

function applyRequest(doc: DocContent, request: Json, index: number): Json {
  const kind = Object.keys(request)[0] ?? '';
  if (kind !== 'replaceAllText')
    throw new RestError(
      400,
      `Invalid requests[${index}]: ${kind || 'an empty request'} is not supported by this server.`,
    );
  const body = request.replaceAllText as Json;
  const criteria = (body.containsText ?? {}) as Json;
  const text = typeof criteria.text === 'string' ? criteria.text : '';
  if (text === '')
    throw new RestError(400, `Invalid requests[${index}].replaceAllText: The text to search for cannot be empty.`);
  const replacement = typeof body.replaceText === 'string' ? body.replaceText : '';
  const occurrencesChanged = replaceLiterally(segments(doc), text, replacement, criteria.matchCase === true);
  return { replaceAllText: occurrencesChanged > 0 ? { occurrencesChanged } : {} };
}

function structural(doc: DocContent): Json {
  let index = 1;
  const content = doc.body.map((node) => {
    const text =
      node.kind === 'TABLE' ? node.rows.map((r) => r.map(paragraphText).join('\t')).join('\n') : paragraphText(node);
    const start = index;
    index += text.length + 1;
    return {
      startIndex: start,
      endIndex: index,
      paragraph: {
        elements: [{ startIndex: start, endIndex: index, textRun: { content: `${text}\n`, textStyle: {} } }],
        paragraphStyle: { namedStyleType: node.kind === 'TABLE' ? 'NORMAL_TEXT' : headingStyle(node.heading) },
      },
    };
  });
  return { content };
}

function headingStyle(heading: string): string {
  if (heading === 'TITLE' || heading === 'SUBTITLE') return heading;
  const m = /^HEADING(\d)$/.exec(heading);
  return m ? `HEADING_${m[1]}` : 'NORMAL_TEXT';
}

function revisionOf(ws: Workspace, id: string): string {
  return `${id.slice(0, 8)}-${findItem(ws, id)?.updatedMs ?? 0}`;
}

const PATH = /^\/v1\/documents\/([^/:]+)(:batchUpdate)?$/;

export function handleDocs(ws: Workspace, req: RestRequest): RestResponse | null {
  const m = PATH.exec(req.path);
  if (!m) return null;
  const id = decodeURIComponent(m[1] as string);
  const file = findItem(ws, id);
  const doc = committedDoc(ws, id);
  if (!file || file.mimeType !== DOC_MIME || !doc)
    throw new RestError(404, 'Requested entity was not found.', 'notFound');
  if (!m[2] && req.method === 'GET') {
    ws.call('Docs', 'documents.get');
    return json(200, { documentId: id, title: file.name, body: structural(doc), revisionId: revisionOf(ws, id) });
  }
  if (m[2] && req.method === 'POST') {
    const requests = jsonBody(req).requests;
    if (!Array.isArray(requests) || requests.length === 0)
      throw new RestError(400, 'Invalid JSON payload: requests must be a non-empty list.');
    ws.call('Docs', 'documents.batchUpdate');
    const draft = cloneDoc(doc);
    const replies = (requests as Json[]).map((r, i) => applyRequest(draft, r, i));
    commitDoc(ws, id, draft);
    file.updatedMs = ws.now();
    return json(200, { documentId: id, replies, writeControl: { requiredRevisionId: revisionOf(ws, id) } });
  }
  return null;
}
