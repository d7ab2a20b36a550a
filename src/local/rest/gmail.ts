/**
 * Gmail API v1 `users.messages.send`: the RFC 5322 message (base64url `raw`, or the upload endpoint's
 * `message/rfc822` body) is read back into the emulated outbox, where MailApp's and GmailApp's mail
 * land too, under the same daily recipient quota (catalogue: REST-GMAIL-SEND).
 */
import type { Workspace } from '../runtime/workspace';
import { EmulatedBlob } from '../services/blob';
import { mailGlobals } from '../services/mail';
import { exportedPdfText } from './drive';
import { json, jsonBody, RestError, type RestRequest, type RestResponse } from './http';

interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

function splitMessage(raw: Buffer): Part {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : '';
  const headers: Record<string, string> = {};
  let last = '';
  for (const line of head.split(/\r?\n/)) {
    if (/^\s/.test(line) && last) headers[last] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      headers[last] = line.slice(colon + 1).trim();
    }
  }
  return { headers, body: Buffer.from(body, 'latin1') };
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text = part.body.toString('latin1');
  if (encoding === 'base64') return Buffer.from(text.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
  return part.body;
}

function param(header: string, name: string): string | null {
  const m = new RegExp(`${name}\\*?=(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? decodeWords(m[1] ?? m[2] ?? '') : null;
}

/** The leaves of a MIME tree, in order. */
function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain';
  if (!/^multipart\//i.test(type)) return [part];
  const boundary = param(type, 'boundary');
  if (!boundary) return [];
  return part.body
    .toString('latin1')
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .flatMap((p) => leaves(splitMessage(Buffer.from(p.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), 'latin1'))));
}

function displayName(from: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<[^>]+>\s*$/.exec(decodeWords(from));
  return m ? (m[1] as string).trim() : '';
}

function sendRaw(ws: Workspace, raw: Buffer): Record<string, unknown> {
  const message = splitMessage(raw);
  const to = decodeWords(message.headers.to ?? '');
  if (to.trim() === '') throw new RestError(400, 'Invalid To header', 'invalidArgument');
  let body = '';
  let htmlBody = '';
  const attachments: EmulatedBlob[] = [];
  for (const leaf of leaves(message)) {
    const type = (leaf.headers['content-type'] ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
    const disposition = leaf.headers['content-disposition'] ?? '';
    const filename = param(disposition, 'filename') ?? param(leaf.headers['content-type'] ?? '', 'name');
    const data = decodeBody(leaf);
    if (/^attachment/i.test(disposition) || filename) {
      const bytes = new Uint8Array(data);
      attachments.push(new EmulatedBlob(bytes, type, filename ?? 'attachment', exportedPdfText(ws, bytes)));
    } else if (type === 'text/html') htmlBody = data.toString('utf8');
    else if (type === 'text/plain' && body === '') body = data.toString('utf8');
  }
  const gmail = mailGlobals(ws).GmailApp as { sendEmail(message: Record<string, unknown>): unknown };
  gmail.sendEmail({
    to,
    cc: decodeWords(message.headers.cc ?? ''),
    bcc: decodeWords(message.headers.bcc ?? ''),
    subject: decodeWords(message.headers.subject ?? ''),
    body,
    htmlBody,
    name: displayName(message.headers.from ?? ''),
    replyTo: decodeWords(message.headers['reply-to'] ?? ''),
    attachments,
  });
  const id = ws.newId('18', 14).toLowerCase();
  return { id, threadId: id, labelIds: ['SENT'] };
}

function rethrowQuota(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (/too many times for one day/i.test(message))
    throw new RestError(
      429,
      'User-rate limit exceeded: daily sending limit reached.',
      'dailyLimitExceeded',
      'usageLimits',
    );
  if (/recipient|invalid argument/i.test(message)) throw new RestError(400, message, 'invalidArgument');
  throw error;
}

const SEND = /^\/(upload\/)?gmail\/v1\/users\/([^/]+)\/messages\/send$/;

export function handleGmail(ws: Workspace, req: RestRequest): RestResponse | null {
  const m = SEND.exec(req.path);
  if (!m || req.method !== 'POST') return null;
  const user = decodeURIComponent(m[2] as string);
  if (user !== 'me' && user.toLowerCase() !== ws.state.owner.toLowerCase())
    throw new RestError(403, 'Delegation denied for ' + ws.state.owner, 'forbidden');
  let raw: Buffer;
  if (m[1]) raw = Buffer.from(req.body);
  else {
    const encoded = jsonBody(req).raw;
    if (typeof encoded !== 'string' || encoded === '')
      throw new RestError(400, "Invalid value for ByteString: 'raw' is required", 'invalidArgument');
    raw = Buffer.from(encoded, 'base64url');
  }
  try {
    return json(200, sendRaw(ws, raw));
  } catch (error) {
    return rethrowQuota(error);
  }
}
