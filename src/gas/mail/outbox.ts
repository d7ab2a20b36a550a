/**
 * The mail outbox: every workflow queues its mails here and the entry point flushes them at its end.
 *
 * - A mail goes at most once per dedupe key: the keys of sent mails are kept (hashed, a bounded recent
 *   window) in one Script Property; older duplicates are prevented by the workflows' own row state
 *   (a processed response, `Inviato il`), which is why the window can stay small.
 * - A mail that cannot go now (daily quota spent, a failure) stays queued in Script Properties, split in
 *   chunks under the 9 KB per-value limit, and goes on a later flush (the next execution, the periodic
 *   reconciliation or the job runner).
 * - Attachments are Drive file ids, resolved when the mail is sent, so a queued mail stays small and
 *   survives between executions (a Blob cannot be stored).
 */
import { headerSafe } from '../../core/mail/document';
import { chunkUtf8, keyDigest, utf8Length } from '../../core/mail/storage';
import { isTransient, withRetry } from '../platform/retry';
import { logEvent } from '../registry/log';

export interface QueuedAttachment {
  /** A Drive file id; the file's current content is attached. */
  fileId: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** Sender name shown to the recipient (`Nome mittente`). */
  name?: string;
  replyTo?: string;
  attachments?: QueuedAttachment[];
  /** Identifies the mail across executions: the same key is never sent twice. */
  dedupeKey: string;
}

interface StoredMail extends MailMessage {
  attempts: number;
  lastError?: string;
}

const PREFIX = 'a4pa.mail.';
const QUEUE_COUNT = `${PREFIX}queue.n`;
const QUEUE_CHUNK = `${PREFIX}queue.`;
const SENT = `${PREFIX}sent`;
/** Chunk size in UTF-8 bytes: under the 9 KB a property value may hold. */
const CHUNK_BYTES = 8000;
/** Sent keys remembered (14-character digests: about 6 KB, one property). */
const SENT_WINDOW = 400;
/** The queue may not take the whole 500 KB store other workflows share. */
const QUEUE_BUDGET_BYTES = 300_000;
/** A mail refused this many times (not for quota, not transiently) is dropped and reported in `Registro`. */
const MAX_ATTEMPTS = 5;
/** Mails sent by one flush: keeps a flush well inside the execution's time. */
const MAX_PER_FLUSH = 60;

interface OutboxState {
  queue: StoredMail[];
  sent: string[];
  chunks: number;
}

/** Loaded once per execution (Apps Script re-evaluates the script for every execution). */
let state: OutboxState | null = null;

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

function load(): OutboxState {
  if (state) return state;
  const all = props().getProperties();
  const chunks = Number(all[QUEUE_COUNT] ?? '0') || 0;
  let json = '';
  for (let i = 0; i < chunks; i += 1) json += all[`${QUEUE_CHUNK}${i}`] ?? '';
  let queue: StoredMail[] = [];
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (Array.isArray(parsed)) queue = parsed as StoredMail[];
    } catch {
      // A torn write (an execution stopped between chunk writes) loses the queue, not the add-on:
      // every workflow can tell from its rows what was not sent.
      queue = [];
    }
  }
  const sent = (all[SENT] ?? '').split(',').filter((k) => k !== '');
  state = { queue, sent, chunks };
  return state;
}

function save(st: OutboxState): void {
  const json = st.queue.length > 0 ? JSON.stringify(st.queue) : '';
  const pieces = json ? chunkUtf8(json, CHUNK_BYTES) : [];
  const values: Record<string, string> = { [QUEUE_COUNT]: String(pieces.length), [SENT]: st.sent.join(',') };
  pieces.forEach((p, i) => (values[`${QUEUE_CHUNK}${i}`] = p));
  const store = props();
  store.setProperties(values);
  for (let i = pieces.length; i < st.chunks; i += 1) store.deleteProperty(`${QUEUE_CHUNK}${i}`);
  st.chunks = pieces.length;
}

function recipients(to: string): number {
  return to.split(',').filter((x) => x.trim() !== '').length;
}

/**
 * Queues a mail (persisted at once, so a mail survives the execution stopping before the flush).
 * Returns false when a mail with the same dedupe key was already sent or queued.
 */
export function queueMail(message: MailMessage): boolean {
  const st = load();
  const digest = keyDigest(message.dedupeKey);
  if (st.sent.includes(digest) || st.queue.some((m) => keyDigest(m.dedupeKey) === digest)) return false;
  const stored: StoredMail = {
    to: headerSafe(message.to),
    subject: headerSafe(message.subject),
    body: message.body,
    dedupeKey: message.dedupeKey,
    attempts: 0,
  };
  if (message.htmlBody) stored.htmlBody = message.htmlBody;
  if (message.name) stored.name = headerSafe(message.name);
  if (message.replyTo) stored.replyTo = headerSafe(message.replyTo);
  if (message.attachments && message.attachments.length > 0)
    stored.attachments = message.attachments.map((a) => ({ fileId: a.fileId }));
  const size = utf8Length(JSON.stringify(st.queue)) + utf8Length(JSON.stringify(stored));
  if (size > QUEUE_BUDGET_BYTES) {
    throw new Error(
      'Coda email piena: troppe email in attesa di invio. Riprovare domani, quando la quota giornaliera si rinnova.',
    );
  }
  st.queue.push(stored);
  save(st);
  return true;
}

function isQuotaError(message: string): boolean {
  return /too many times for one day|limit exceeded: email/i.test(message);
}

function send(m: StoredMail): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = { to: m.to, subject: m.subject, body: m.body };
  if (m.htmlBody) options.htmlBody = m.htmlBody;
  if (m.name) options.name = m.name;
  if (m.replyTo) options.replyTo = m.replyTo;
  if (m.attachments && m.attachments.length > 0) {
    options.attachments = m.attachments.map((a) =>
      withRetry('DriveApp.getBlob', () => DriveApp.getFileById(a.fileId).getBlob()),
    );
  }
  // Not retried here: a send that failed after Google accepted it would go twice. The queue is the
  // retry: the mail stays first in line for the next flush, under the same dedupe key.
  MailApp.sendEmail(options);
}

export interface FlushResult {
  sent: number;
  pending: number;
  /** Mails given up after repeated failures (their keys and last errors; also logged in `Registro`). */
  dropped: Array<{ key: string; error: string }>;
}

/**
 * Sends queued mails in order, within the daily quota. The quota is asked only when more than one mail
 * waits: a single mail is simply sent, and the quota error keeps it queued just the same. The state is
 * saved after every send, so an execution stopped mid-flush never sends a mail twice.
 */
export function flushMail(): FlushResult {
  const st = load();
  const dropped: FlushResult['dropped'] = [];
  if (st.queue.length === 0) return { sent: 0, pending: 0, dropped };
  let remaining =
    st.queue.length > 1
      ? withRetry('MailApp.getRemainingDailyQuota', () => MailApp.getRemainingDailyQuota())
      : Number.POSITIVE_INFINITY;
  let sent = 0;
  const failedNow = new Set<StoredMail>();
  while (st.queue.length > 0 && sent < MAX_PER_FLUSH) {
    const m = st.queue[0] as StoredMail;
    if (failedNow.has(m)) break;
    const need = recipients(m.to);
    if (need > remaining) break;
    try {
      send(m);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isQuotaError(message)) break;
      // Google being briefly unavailable says nothing about the mail: only other failures (a refused
      // address, a missing attachment) count toward giving it up.
      if (!isTransient(error)) m.attempts += 1;
      m.lastError = message;
      if (m.attempts < MAX_ATTEMPTS) {
        // A failing mail goes to the back so it never blocks the others; it is retried next flush.
        failedNow.add(m);
        st.queue.push(st.queue.shift() as StoredMail);
        save(st);
        continue;
      }
      st.queue.shift();
      dropped.push({ key: m.dedupeKey, error: message });
      logEvent('Email non inviata', `${m.dedupeKey} a ${m.to}: ${message}`);
      save(st);
      continue;
    }
    st.queue.shift();
    sent += 1;
    remaining -= need;
    st.sent.push(keyDigest(m.dedupeKey));
    if (st.sent.length > SENT_WINDOW) st.sent = st.sent.slice(st.sent.length - SENT_WINDOW);
    save(st);
  }
  return { sent, pending: st.queue.length, dropped };
}

/** Whether the mail with this dedupe key was sent (within the remembered window of recent keys). */
export function wasMailSent(dedupeKey: string): boolean {
  return load().sent.includes(keyDigest(dedupeKey));
}

/** Mails waiting to be sent, for the dashboard. */
export function pendingMailCount(): number {
  return load().queue.length;
}
