/**
 * The playground's HTTP plumbing (node:http only): answers with the security headers every page
 * carries, request bodies, JSON input and the same-origin check on POSTs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Pages may load and talk to this server only: no CDN, no fonts, no request outside localhost. */
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; worker-src 'self' blob:; object-src 'self'; base-uri 'self'; form-action 'self'",
  'Referrer-Policy': 'no-referrer',
};

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, ...SECURITY_HEADERS });
  res.end(body);
}

export function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json', JSON.stringify(value));
}

export function sendBytes(res: ServerResponse, mimeType: string, bytes: Uint8Array, name: string): void {
  const safeName = name.replace(/[^\w.\- ]/g, '_');
  res.writeHead(200, {
    'Content-Type': mimeType || 'application/octet-stream',
    'Content-Disposition': `inline; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    ...SECURITY_HEADERS,
  });
  res.end(Buffer.from(bytes));
}

/** A file of the playground's own (scripts, the vendored libraries): cached, it never changes while serving. */
export function sendAsset(res: ServerResponse, type: string, body: string | Uint8Array): void {
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'max-age=3600',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/** After a POST, back to a page of the playground (never elsewhere). */
export function redirect(res: ServerResponse, location: string): void {
  const target = location.startsWith('/') && !location.startsWith('//') ? location : '/';
  res.writeHead(303, { Location: target, ...SECURITY_HEADERS });
  res.end();
}

/** POSTs only from the playground's own pages: another site cannot drive the local academy. */
export function assertSameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return;
  const host = req.headers.host ?? '';
  if (origin !== `http://${host}`) throw new HttpError(403, "Richiesta da un'altra origine rifiutata.");
}

export function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body || '{}');
    if (isPlainRecord(value)) return value;
  } catch {
    // Reported below as a bad request.
  }
  throw new HttpError(400, 'Richiesta non valida (JSON atteso).');
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Richiesta troppo grande.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A cookie of the request, decoded, or null. */
export function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}
