import { DAY_MS } from '../../core/time/units';
import { isoInZone } from '../../core/time/zone';
import type { Workspace } from '../runtime/workspace';
import { EmulatedBlob, toUint8 } from './blob';

/** A Workspace account's daily allowance of e-mail recipients (Google's quotas page). */
export const WORKSPACE_MAIL_QUOTA = 1500;
const QUOTA_WINDOW_MS = DAY_MS;
/** Google's per-message cap on To + Cc + Bcc, for consumer and Workspace accounts alike. */
const MAX_RECIPIENTS_PER_MESSAGE = 50;

export interface OutboxAttachment {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface OutboxEntry {
  at: number;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  noReply: boolean;
  attachments: OutboxAttachment[];
  /** The plain text of attachments the emulator rendered (PDFs), by attachment index. */
  attachmentTexts: string[];
  via: 'MailApp' | 'GmailApp';
}

interface MailState {
  outbox: OutboxEntry[];
  remaining: number;
  /** When the current 24-hour quota window started; null while nothing has been spent. */
  windowStartMs: number | null;
}

function mailState(ws: Workspace): MailState {
  return ws.slot<MailState>('mail', () => ({ outbox: [], remaining: WORKSPACE_MAIL_QUOTA, windowStartMs: null }));
}

/** The quota after any refill due by now: Google gives the full allowance back a day later. */
function currentQuota(ws: Workspace): MailState {
  const st = mailState(ws);
  if (st.windowStartMs !== null && ws.now() - st.windowStartMs >= QUOTA_WINDOW_MS) {
    st.remaining = WORKSPACE_MAIL_QUOTA;
    st.windowStartMs = null;
  }
  return st;
}

/** Host knob: what `getRemainingDailyQuota()` answers from now on, until the refill 24 h later. */
export function setMailQuota(ws: Workspace, remaining: number): void {
  const st = mailState(ws);
  st.remaining = Math.max(0, Math.floor(remaining));
  st.windowStartMs = ws.now();
}

export function outbox(ws: Workspace): Array<Omit<OutboxEntry, 'noReply' | 'attachmentTexts' | 'via'>> {
  return mailState(ws).outbox.map((m) => ({
    at: m.at,
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    subject: m.subject,
    body: m.body,
    htmlBody: m.htmlBody,
    name: m.name,
    replyTo: m.replyTo,
    attachments: m.attachments.map((a) => ({ ...a })),
  }));
}

export function snapshotMail(
  ws: Workspace,
): Array<{ at: string; to: string; subject: string; body: string; attachments: string[] }> {
  return mailState(ws).outbox.map((m) => ({
    at: isoInZone(m.at),
    to: m.to,
    subject: m.subject,
    body: m.body !== '' ? m.body : htmlToText(m.htmlBody),
    attachments: m.attachments.map((a) => a.name),
  }));
}

/** Readable text of an HTML body: block ends become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|ul|ol)\s*>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A message as the script gave it: the outbox entry's fields, attachments still as the script's blobs. */
type MessageInput = Omit<OutboxEntry, 'at' | 'attachments' | 'attachmentTexts' | 'via'> & { attachments: unknown[] };

const ADDRESS =
  /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** The addresses of a comma-separated recipient list; `Name <addr>` forms are reduced to the address. */
function parseRecipients(list: string): string[] {
  if (list.trim() === '') return [];
  return list.split(',').map((raw) => {
    const item = raw.trim();
    const angle = /<([^>]*)>\s*$/.exec(item);
    const address = (angle ? angle[1] : item).trim();
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${item}`);
    return address;
  });
}

/**
 * Header fields cannot carry line breaks: Apps Script refuses such a value (public reports of mail
 * merges failing with "String contains control character" when a sheet cell held a return) rather than
 * folding it, so a header injection through a subject or sender name is impossible.
 */
function checkHeader(value: string): void {
  if (/[\r\n]/.test(value)) throw new Error('String contains control character');
}

function asString(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function toAttachment(value: unknown): { attachment: OutboxAttachment; text: string } {
  const blob = value as {
    getBlob?: () => unknown;
    getBytes?: () => number[];
    rawBytes?: () => Uint8Array;
    getName?: () => string | null;
    getContentType?: () => string | null;
  };
  if (!(value instanceof EmulatedBlob) && typeof blob?.getBlob === 'function') return toAttachment(blob.getBlob());
  if (!blob || typeof blob.getBytes !== 'function') throw new Error('Invalid argument: attachments');
  const bytes = typeof blob.rawBytes === 'function' ? new Uint8Array(blob.rawBytes()) : toUint8(blob.getBytes());
  const text = value instanceof EmulatedBlob ? (value.text ?? '') : '';
  return {
    attachment: {
      name: blob.getName?.() ?? 'attachment',
      mimeType: blob.getContentType?.() ?? 'application/octet-stream',
      bytes,
    },
    text,
  };
}

function send(ws: Workspace, via: OutboxEntry['via'], message: MessageInput): void {
  checkHeader(message.subject);
  checkHeader(message.name);
  const recipients = [...parseRecipients(message.to), ...parseRecipients(message.cc), ...parseRecipients(message.bcc)];
  if (message.replyTo !== '') parseRecipients(message.replyTo);
  if (recipients.length === 0) throw new Error('Failed to send email: no recipient');
  if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw new Error('Limit Exceeded: Email Recipients Per Message.');
  const converted = message.attachments.map(toAttachment);
  const st = currentQuota(ws);
  if (recipients.length > st.remaining) throw new Error('Service invoked too many times for one day: email.');
  st.remaining -= recipients.length;
  if (st.windowStartMs === null) st.windowStartMs = ws.now();
  st.outbox.push({
    at: ws.now(),
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    body: message.body,
    htmlBody: message.htmlBody,
    name: message.name,
    replyTo: message.replyTo,
    noReply: message.noReply,
    attachments: converted.map((c) => c.attachment),
    attachmentTexts: converted.map((c) => c.text),
    via,
  });
}

type Options = Record<string, unknown>;

function fromArgs(args: unknown[]): MessageInput {
  if (args.length === 1 && args[0] !== null && typeof args[0] === 'object') {
    const m = args[0] as Options;
    return normalise(asString(m.to), asString(m.subject), asString(m.body), m);
  }
  if (args.length < 3) throw new Error('The parameters do not match the method signature for MailApp.sendEmail.');
  const options = (args[3] ?? {}) as Options;
  return normalise(asString(args[0]), asString(args[1]), asString(args[2]), options);
}

function normalise(to: string, subject: string, body: string, o: Options): MessageInput {
  const attachments = o.attachments === undefined || o.attachments === null ? [] : o.attachments;
  if (!Array.isArray(attachments)) throw new Error('Invalid argument: attachments');
  return {
    to,
    cc: asString(o.cc),
    bcc: asString(o.bcc),
    subject,
    body,
    htmlBody: asString(o.htmlBody),
    name: asString(o.name),
    replyTo: asString(o.replyTo),
    noReply: o.noReply === true,
    attachments,
  };
}

/** `MailApp` and the two `GmailApp` methods the add-on may use; both share one outbox and one quota. */
export function mailGlobals(ws: Workspace): { MailApp: unknown; GmailApp: unknown } {
  const MailApp = {
    sendEmail(...args: unknown[]): void {
      ws.call('Mail', 'sendEmail');
      send(ws, 'MailApp', fromArgs(args));
    },
    getRemainingDailyQuota(): number {
      ws.call('Mail', 'getRemainingDailyQuota');
      return currentQuota(ws).remaining;
    },
  };
  const GmailApp: { sendEmail(...args: unknown[]): unknown; getAliases(): string[] } = {
    sendEmail(...args: unknown[]): unknown {
      ws.call('Mail', 'sendEmail');
      send(ws, 'GmailApp', fromArgs(args));
      return GmailApp;
    },
    getAliases(): string[] {
      ws.call('Mail', 'getAliases');
      return [];
    },
  };
  return { MailApp, GmailApp };
}
