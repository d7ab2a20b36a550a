/**
 * Docs API v1 over the emulated Docs: `documents.get` reads the saved content with its indexes
 * (`docs-structure.ts`), `documents.batchUpdate` applies its requests (`docs-edits.ts`) atomically (all
 * or none) and saves at once (catalogue: REST-DOCS-BATCHUPDATE); a `writeControl.requiredRevisionId`
 * other than the document's latest revision refuses the whole batch (REST-DOCS-WRITE-CONTROL).
 */
import type { Workspace } from '../runtime/workspace';
import { adoptDoc, cloneDoc, committedDoc } from '../services/files/doc-model';
import { applyEdits } from './docs-edits';
import { structuralBody } from './docs-structure';
import { DOC_MIME, findItem } from '../services/files/store';
import { json, jsonBody, RestError, type RestRequest, type RestResponse } from './http';

type Json = Record<string, unknown>;

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
    return json(200, { documentId: id, title: file.name, body: structuralBody(doc), revisionId: revisionOf(ws, id) });
  }
  if (m[2] && req.method === 'POST') {
    const payload = jsonBody(req);
    const requests = payload.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      throw new RestError(400, 'Invalid JSON payload: requests must be a non-empty list.');
    ws.call('Docs', 'documents.batchUpdate');
    const required = ((payload.writeControl ?? {}) as Json).requiredRevisionId;
    if (typeof required === 'string' && required !== revisionOf(ws, id))
      throw new RestError(
        400,
        `The required revision ID '${required}' does not match the latest revision of the document.`,
        'failedPrecondition',
      );
    const draft = cloneDoc(doc);
    const replies = applyEdits(draft, requests as Json[]);
    adoptDoc(ws, id, draft);
    // Every applied batch is a new revision, even within the same millisecond.
    file.updatedMs = Math.max(ws.now(), file.updatedMs + 1);
    return json(200, { documentId: id, replies, writeControl: { requiredRevisionId: revisionOf(ws, id) } });
  }
  return null;
}
