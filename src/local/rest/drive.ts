/**
 * Drive API v3 over the emulated Drive: the same files and folders `DriveApp` sees. Listing understands
 * the v3 query language the add-on and the worker use (name, mimeType, parents, trashed, appProperties, properties);
 * a Doc exports as the PDF Drive would render; uploads are multipart (metadata then media).
 */
import { createHash } from 'node:crypto';
import type { Workspace } from '../runtime/workspace';
import { commitDoc, committedDoc, documentText, newDocContent } from '../services/files/doc-model';
import { renderPdf } from '../services/files/pdf';
import { DOCS_CREATED_EXCEEDED, spendCreatedDoc } from '../services/documents/quota';
import { strictAbout } from '../runtime/variant';
import {
  createItem,
  deleteForever,
  DOC_MIME,
  driveState,
  fileUrl,
  findItem,
  isEffectivelyTrashed,
  isFolder,
  PDF_MIME,
  setTrashed,
  SHEETS_MIME,
  type DriveItem,
} from '../services/files/store';
import { convertXlsx, XLSX_MIME } from '../services/files/xlsx-convert';
import { NotAWorkbookError } from '../services/files/xlsx-read';
import { boundaryOf } from '../../core/http/batch';
import { bytes, json, jsonBody, noContent, RestError, type RestRequest, type RestResponse } from './http';

type Json = Record<string, unknown>;

/**
 * The text of PDFs this server exported, by content hash: an exported PDF uploaded back (the
 * certificate flow) keeps the text the snapshot shows for PDFs made locally.
 */
const exportedText = new WeakMap<Workspace, Map<string, string>>();

function digest(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function notFound(id: string): never {
  throw new RestError(404, `File not found: ${id}.`, 'notFound');
}

function item(ws: Workspace, id: string): DriveItem {
  const found = findItem(ws, id);
  if (!found || id === driveState(ws).rootId) return notFound(id);
  return found;
}

function resource(ws: Workspace, it: DriveItem): Json {
  return {
    kind: 'drive#file',
    id: it.id,
    name: it.name,
    mimeType: it.mimeType,
    parents: [...it.parents],
    trashed: isEffectivelyTrashed(ws, it),
    description: it.description,
    createdTime: new Date(it.createdMs).toISOString(),
    modifiedTime: new Date(it.updatedMs).toISOString(),
    webViewLink: fileUrl(it),
    ...(it.mimeType.startsWith('application/vnd.google-apps.') ? {} : { size: String(it.bytes.length) }),
    appProperties: { ...(it.appProperties ?? {}) },
    properties: { ...(it.properties ?? {}) },
    owners: [{ kind: 'drive#user', emailAddress: it.owner, me: true }],
  };
}

/** The Excel types Drive imports into Sheets; the emulator reads only .xlsx, an .xls fails to convert. */
const EXCEL_MIMES = [XLSX_MIME, 'application/vnd.ms-excel'];

const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];

/** The fields a `fields` mask asks for (`files(id,name),nextPageToken` or `id,name`); the defaults otherwise. */
function fieldsOf(mask: string | null, listing: boolean): string[] {
  if (!mask || mask.trim() === '*') return mask ? ['*'] : DEFAULT_FIELDS;
  const inner = listing ? /files\(([^)]*)\)/.exec(mask)?.[1] : mask;
  if (inner === undefined) return listing && /\bfiles\b/.test(mask) ? ['*'] : DEFAULT_FIELDS;
  return inner
    .split(',')
    .map((f) => f.trim().split('/')[0] as string)
    .filter((f) => f !== '');
}

function pick(full: Json, fields: string[]): Json {
  if (fields.includes('*')) return full;
  const out: Json = {};
  for (const f of fields) if (full[f] !== undefined) out[f] = full[f];
  return out;
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\'/g, "'").replace(/\\\\/g, '\\');
}

const QUOTED = `'(?:[^'\\\\]|\\\\.)*'`;

/** One clause of a v3 query (`name = 'x'`, `'id' in parents`, `appProperties has { key='k' and value='v' }`). */
function clause(ws: Workspace, text: string): (it: DriveItem) => boolean {
  const t = text.trim();
  let m = new RegExp(`^(name|mimeType)\\s*(=|!=|contains)\\s*(${QUOTED})$`).exec(t);
  if (m) {
    const field = m[1] as 'name' | 'mimeType';
    const value = unquote(m[3] as string);
    if (m[2] === 'contains') return (it) => it[field].toLowerCase().includes(value.toLowerCase());
    return m[2] === '=' ? (it) => it[field] === value : (it) => it[field] !== value;
  }
  m = new RegExp(`^(${QUOTED})\\s+in\\s+parents$`).exec(t);
  if (m) {
    const parent = unquote(m[1] as string);
    const id = parent === 'root' ? driveState(ws).rootId : parent;
    return (it) => it.parents.includes(id);
  }
  m = /^trashed\s*=\s*(true|false)$/.exec(t);
  if (m) {
    const wanted = m[1] === 'true';
    return (it) => isEffectivelyTrashed(ws, it) === wanted;
  }
  m = new RegExp(
    `^(appProperties|properties)\\s+has\\s*\\{\\s*key\\s*=\\s*(${QUOTED})\\s+and\\s+value\\s*=\\s*(${QUOTED})\\s*\\}$`,
  ).exec(t);
  if (m) {
    const field = m[1] as 'appProperties' | 'properties';
    const key = unquote(m[2] as string);
    const value = unquote(m[3] as string);
    return (it) => it[field]?.[key] === value;
  }
  throw new RestError(400, 'Invalid Value', 'invalid');
}

/** Clauses joined by `and` (the only operator the add-on and the worker use; `or` is refused). */
function query(ws: Workspace, q: string): (it: DriveItem) => boolean {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  const tokens = q.split(/(\s+and\s+)/i);
  for (const token of tokens) {
    for (let i = 0; i < token.length; i++) {
      const ch = token[i];
      if (ch === '\\') i++;
      else if (ch === "'") quoted = !quoted;
      else if (!quoted && ch === '{') depth++;
      else if (!quoted && ch === '}') depth--;
    }
    if (/^\s+and\s+$/i.test(token) && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += token;
  }
  if (current.trim() !== '') parts.push(current);
  if (parts.some((p) => /\s+or\s+/i.test(p.replace(new RegExp(QUOTED, 'g'), ''))))
    throw new RestError(400, 'Invalid Value', 'invalid');
  const tests = parts.map((p) => clause(ws, p));
  const mentionsTrash = parts.some((p) => /^\s*trashed\s*=/.test(p));
  return (it) => (mentionsTrash || !isEffectivelyTrashed(ws, it)) && tests.every((test) => test(it));
}

function listFiles(ws: Workspace, req: RestRequest): RestResponse {
  const st = driveState(ws);
  const filter = query(ws, req.query.get('q') ?? '');
  const pageSize = Math.min(Math.max(Number(req.query.get('pageSize') ?? 100) || 100, 1), 1000);
  const offset = Number.parseInt(req.query.get('pageToken') ?? '0', 36);
  if (!Number.isFinite(offset) || offset < 0) throw new RestError(400, 'Invalid Value', 'invalid');
  const ids = st.order.filter((id) => id !== st.rootId && filter(st.items[id] as DriveItem));
  const fields = fieldsOf(req.query.get('fields'), true);
  const page = ids.slice(offset, offset + pageSize).map((id) => pick(resource(ws, st.items[id] as DriveItem), fields));
  const out: Json = { kind: 'drive#fileList', incompleteSearch: false, files: page };
  if (offset + pageSize < ids.length) out.nextPageToken = (offset + pageSize).toString(36);
  return json(200, out);
}

function parentOf(ws: Workspace, parents: unknown): string {
  const st = driveState(ws);
  if (!Array.isArray(parents) || parents.length === 0) return st.rootId;
  const id = String(parents[0]) === 'root' ? st.rootId : String(parents[0]);
  const parent = findItem(ws, id);
  if (!parent || !isFolder(parent)) notFound(id);
  return id;
}

function applyMetadata(ws: Workspace, it: DriveItem, meta: Json): void {
  if (typeof meta.name === 'string') it.name = meta.name;
  if (typeof meta.description === 'string') it.description = meta.description;
  if (typeof meta.trashed === 'boolean') setTrashed(ws, it, meta.trashed);
  for (const field of ['appProperties', 'properties'] as const) {
    const given = meta[field];
    if (!given || typeof given !== 'object') continue;
    const next = { ...(it[field] ?? {}) };
    for (const [k, v] of Object.entries(given as Json)) {
      if (v === null) delete next[k];
      else next[k] = String(v);
    }
    it[field] = next;
  }
}

function createFile(ws: Workspace, meta: Json, media: { bytes: Uint8Array; contentType: string } | null): DriveItem {
  const mimeType =
    typeof meta.mimeType === 'string' ? meta.mimeType : (media?.contentType ?? 'application/octet-stream');
  const data = media?.bytes ?? new Uint8Array(0);
  if (mimeType === SHEETS_MIME && media && EXCEL_MIMES.includes(media.contentType)) {
    const converted = convertXlsxOrFail(
      ws,
      data,
      typeof meta.name === 'string' ? meta.name : 'Untitled',
      parentOf(ws, meta.parents),
    );
    applyMetadata(ws, converted, { ...meta, name: undefined });
    return converted;
  }
  const created = createItem(ws, {
    name: typeof meta.name === 'string' ? meta.name : 'Untitled',
    mimeType,
    parentId: parentOf(ws, meta.parents),
    bytes: mimeType.startsWith('application/vnd.google-apps.') ? new Uint8Array(0) : data,
    text: mimeType === PDF_MIME ? (exportedText.get(ws)?.get(digest(data)) ?? '') : '',
  });
  applyMetadata(ws, created, { ...meta, name: undefined });
  if (mimeType === DOC_MIME) commitDoc(ws, created.id, newDocContent());
  return created;
}

/** A multipart/related upload: the first part is the metadata (JSON), the second the media. */
function parseUpload(req: RestRequest): { meta: Json; media: { bytes: Uint8Array; contentType: string } } {
  const boundary = boundaryOf(req.headers['content-type'] ?? '');
  if (!boundary) throw new RestError(400, 'Bad Request: multipart upload without boundary', 'badRequest');
  const raw = Buffer.from(req.body).toString('latin1');
  const parts = raw
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => {
      const split = /\r?\n\r?\n/.exec(p);
      const head = split ? p.slice(0, split.index) : p;
      const body = split ? p.slice(split.index + split[0].length) : '';
      const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
      return { type, body: Buffer.from(body.replace(/\r\n$/, ''), 'latin1') };
    });
  if (parts.length < 2)
    throw new RestError(400, 'Bad Request: multipart upload needs metadata and media', 'badRequest');
  let meta: Json;
  try {
    meta = JSON.parse(parts[0]!.body.toString('utf8')) as Json;
  } catch {
    throw new RestError(400, 'Invalid JSON payload received.', 'parseError');
  }
  return { meta, media: { bytes: new Uint8Array(parts[1]!.body), contentType: parts[1]!.type } };
}

function exportFile(ws: Workspace, it: DriveItem, mimeType: string): RestResponse {
  if (it.mimeType !== DOC_MIME)
    throw new RestError(403, 'Export only supports Docs Editors files.', 'fileNotExportable');
  const doc = committedDoc(ws, it.id) ?? newDocContent();
  if (mimeType === PDF_MIME) {
    const pdf = renderPdf(doc, it.name);
    const cache = exportedText.get(ws) ?? new Map<string, string>();
    cache.set(digest(pdf.bytes), pdf.text);
    exportedText.set(ws, cache);
    return bytes(200, PDF_MIME, pdf.bytes);
  }
  if (mimeType === 'text/plain') return bytes(200, 'text/plain', new TextEncoder().encode(documentText(doc)));
  throw new RestError(400, 'The requested conversion is not supported.', 'badRequest');
}

/** Drive's answer to a file it cannot convert (catalogue REST-DRIVE-CONVERT-XLSX: the strict answer is unverified). */
function conversionFailed(ws: Workspace): never {
  if (strictAbout(ws, 'REST-DRIVE-CONVERT-XLSX')) throw new RestError(500, 'Internal Error', 'internalError');
  throw new RestError(400, 'Bad Request', 'badRequest');
}

function convertXlsxOrFail(ws: Workspace, data: Uint8Array, name: string, parentId: string): DriveItem {
  try {
    return convertXlsx(ws, data, name, parentId);
  } catch (error) {
    if (error instanceof NotAWorkbookError) conversionFailed(ws);
    throw error;
  }
}

/**
 * A copy that asks for another MIME type is a conversion (catalogue REST-DRIVE-CONVERT-XLSX): an Excel
 * workbook becomes a Google Sheets file; a copy to any other type Drive cannot import into is refused.
 */
function convertOnCopy(ws: Workspace, it: DriveItem, meta: Json): DriveItem | null {
  const wanted = typeof meta.mimeType === 'string' ? meta.mimeType : it.mimeType;
  if (wanted === it.mimeType) return null;
  if (wanted !== SHEETS_MIME || !EXCEL_MIMES.includes(it.mimeType))
    throw new RestError(400, `Bad Request: cannot convert ${it.mimeType} to ${wanted}`, 'badRequest');
  const parentId = Array.isArray(meta.parents) ? parentOf(ws, meta.parents) : (it.parents[0] ?? driveState(ws).rootId);
  const copy = convertXlsxOrFail(
    ws,
    it.bytes,
    typeof meta.name === 'string' ? meta.name : it.name.replace(/\.xlsx?$/i, ''),
    parentId,
  );
  applyMetadata(ws, copy, { ...meta, name: undefined, mimeType: undefined });
  return copy;
}

const FILE = /^\/drive\/v3\/files(?:\/([^/]+))?(?:\/(copy|export))?$/;

export function handleDrive(ws: Workspace, req: RestRequest): RestResponse | null {
  if (req.path === '/upload/drive/v3/files' && req.method === 'POST') {
    const type = req.query.get('uploadType');
    if (type !== 'multipart')
      throw new RestError(400, `Invalid uploadType: ${type ?? '(none)'}; this server takes multipart.`, 'badRequest');
    const { meta, media } = parseUpload(req);
    ws.call('Drive', 'files.create');
    return json(200, pick(resource(ws, createFile(ws, meta, media)), fieldsOf(req.query.get('fields'), false)));
  }
  const m = FILE.exec(req.path);
  if (!m) return null;
  const id = m[1] === undefined ? null : decodeURIComponent(m[1]);
  const action = m[2];
  const fields = fieldsOf(req.query.get('fields'), false);
  if (id === null) {
    if (req.method === 'GET') {
      ws.call('Drive', 'files.list');
      return listFiles(ws, req);
    }
    if (req.method === 'POST') {
      ws.call('Drive', 'files.create');
      return json(200, pick(resource(ws, createFile(ws, jsonBody(req), null)), fields));
    }
    return null;
  }
  ws.call('Drive', action ? `files.${action}` : `files.${req.method.toLowerCase()}`);
  const it = item(ws, id);
  if (action === 'copy' && req.method === 'POST') {
    if (isFolder(it))
      throw new RestError(403, 'The user does not have sufficient permissions for this file.', 'cannotCopyFile');
    const meta = jsonBody(req);
    const converted = convertOnCopy(ws, it, meta);
    if (converted) return json(200, pick(resource(ws, converted), fields));
    if (it.mimeType === DOC_MIME && strictAbout(ws, 'DOCS-COPY-COUNTS-AS-CREATED')) {
      try {
        spendCreatedDoc(ws);
      } catch {
        throw new RestError(403, DOCS_CREATED_EXCEEDED, 'dailyLimitExceeded');
      }
    }
    const copy = createItem(ws, {
      name: typeof meta.name === 'string' ? meta.name : `Copia di ${it.name}`,
      mimeType: it.mimeType,
      parentId: Array.isArray(meta.parents) ? parentOf(ws, meta.parents) : (it.parents[0] ?? driveState(ws).rootId),
      bytes: new Uint8Array(it.bytes),
      text: it.text,
    });
    copy.description = it.description;
    applyMetadata(ws, copy, { ...meta, name: undefined });
    if (it.mimeType === DOC_MIME) commitDoc(ws, copy.id, committedDoc(ws, it.id) ?? newDocContent());
    return json(200, pick(resource(ws, copy), fields));
  }
  if (action === 'export' && req.method === 'GET') return exportFile(ws, it, req.query.get('mimeType') ?? '');
  if (action) return null;
  if (req.method === 'GET') {
    if (req.query.get('alt') === 'media') {
      if (it.mimeType.startsWith('application/vnd.google-apps.'))
        throw new RestError(
          403,
          'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
          'fileNotDownloadable',
        );
      return bytes(200, it.mimeType, new Uint8Array(it.bytes));
    }
    return json(200, pick(resource(ws, it), fields));
  }
  if (req.method === 'PATCH') {
    applyMetadata(ws, it, jsonBody(req));
    const add = req.query.get('addParents');
    const remove = req.query.get('removeParents');
    if (add) {
      for (const p of add.split(',')) parentOf(ws, [p]);
      it.parents = [
        ...new Set([...it.parents.filter((p) => !(remove ?? '').split(',').includes(p)), ...add.split(',')]),
      ];
    }
    it.updatedMs = ws.now();
    return json(200, pick(resource(ws, it), fields));
  }
  if (req.method === 'DELETE') {
    deleteForever(ws, [it.id]);
    return noContent();
  }
  return null;
}

/** The text of a PDF this server exported (what the snapshot shows for it), '' for any other bytes. */
export function exportedPdfText(ws: Workspace, data: Uint8Array): string {
  return exportedText.get(ws)?.get(digest(data)) ?? '';
}
