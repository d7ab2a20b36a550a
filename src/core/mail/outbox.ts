/**
 * The outbox's data: a queued mail as it is stored, the bounds that keep it storable and readable, and
 * the row of the add-on's own hidden tab `Posta in uscita`, where mails wait when there are more than
 * Script Properties can hold (a day without mail quota in the enrollment rush). Pure: the adapters in
 * `src/gas/mail` read and write it.
 */
import * as z from 'zod/mini';
import { CELL_CHARACTER_LIMIT, cutText } from '../text';
import { MINUTE_MS } from '../time/units';
import { headerSafe } from './document';

export interface QueuedAttachment {
  /** A Drive file id; the file's current content is attached when the mail is sent. */
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

export interface StoredMail extends MailMessage {
  /** Failures that say something about the mail (not Google's passing trouble): five park it. */
  attempts: number;
  lastError?: string;
  /** Every failure in a row, passing ones included: they space the tries out. */
  failures?: number;
  /** Epoch ms before which the mail is not tried again. */
  retryAt?: number;
}

/** The longest wait between two tries: shorter than an hour, so every hourly reconciliation tries again. */
const MAX_RETRY_DELAY_MS = 30 * MINUTE_MS;

/**
 * How long a mail that just failed for the `failures`-th time in a row waits: 1, 2, 4 … minutes, at most
 * half an hour. Without it a mail Google refuses would be tried by every flush of a rush, each try a
 * Mail call made under the script lock that the submissions wait for.
 */
export function retryDelayMs(failures: number): number {
  return Math.min(MINUTE_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_DELAY_MS);
}

/** The mail after a failed try at `nowMs`: one more failure, and the time it may be tried again. */
export function afterFailure(mail: StoredMail, message: string, counts: boolean, nowMs: number): void {
  if (counts) mail.attempts += 1;
  mail.lastError = message;
  mail.failures = (mail.failures ?? 0) + 1;
  mail.retryAt = nowMs + retryDelayMs(mail.failures);
}

/** A mail put back in line by staff goes at the next flush, its attempts counted afresh. */
export function freshStart(mail: StoredMail): void {
  mail.attempts = 0;
  delete mail.failures;
  delete mail.retryAt;
}

/**
 * Lengths a mail may not pass. A name or a reason typed into a form or the sidebar goes into subjects
 * and bodies: 20,000 `"` in a name once made a mail too big to queue (and 120,000 characters of
 * `&quot;` in its HTML). The bodies' bounds keep a whole stored mail inside one cell.
 */
export const MAIL_BOUNDS = {
  /** A person's name, as answered in the form or typed in `Dipendenti`. */
  name: 120,
  /** A reason typed by staff or a referent (cancellation, refusal). */
  reason: 1_000,
  subject: 250,
  senderName: 120,
  address: 320,
  body: 16_000,
  htmlBody: 30_000,
  key: 200,
} as const;

/** Google's cap on recipients of one message (docs/google-behaviour.md). */
export const MAX_RECIPIENTS = 50;

export function recipientList(to: string): string[] {
  return to
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** The mail as it will be stored: header fields on one line, every field within its bound. */
export function boundedMail(message: MailMessage): StoredMail {
  const stored: StoredMail = {
    to: cutText(headerSafe(message.to), MAIL_BOUNDS.address * MAX_RECIPIENTS),
    subject: cutText(headerSafe(message.subject), MAIL_BOUNDS.subject),
    body: cutText(message.body, MAIL_BOUNDS.body),
    dedupeKey: message.dedupeKey,
    attempts: 0,
  };
  if (message.htmlBody) stored.htmlBody = boundedHtml(message.htmlBody);
  if (message.name) stored.name = cutText(headerSafe(message.name), MAIL_BOUNDS.senderName);
  if (message.replyTo) stored.replyTo = cutText(headerSafe(message.replyTo), MAIL_BOUNDS.address);
  if (message.attachments && message.attachments.length > 0)
    stored.attachments = message.attachments.map((a) => ({ fileId: String(a.fileId) }));
  return stored;
}

/** HTML past its bound is not cut (a cut tag would show): the mail goes as plain text only. */
function boundedHtml(html: string): string | undefined {
  return html.length <= MAIL_BOUNDS.htmlBody ? html : undefined;
}

/** Why a mail can never be sent as it is, or '' when it can be tried. */
export function unsendableReason(mail: StoredMail): string {
  const to = recipientList(mail.to);
  if (to.length === 0) return 'nessun destinatario';
  if (to.length > MAX_RECIPIENTS) return `${to.length} destinatari (al massimo ${MAX_RECIPIENTS} per messaggio)`;
  if (mail.dedupeKey.length === 0 || mail.dedupeKey.length > MAIL_BOUNDS.key) return 'chiave di invio non valida';
  return '';
}

/** The state of a mail in `Posta in uscita`. */
export const OUTBOX_STATUS = ['In attesa', 'Inviata', 'Sospesa'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUS)[number];

export const OUTBOX_TAB = 'Posta in uscita';

/** Its columns, in order (the tab is the add-on's own: staff do not type in it). */
export const OUTBOX_HEADERS = [
  'Chiave',
  'Stato',
  'Accodata il',
  'Destinatari',
  'Oggetto',
  'Tentativi',
  'Ultimo errore',
  'Inviata il',
  'Contenuto',
] as const;

export type OutboxCell = string | number | Date;

/** The mail's content (everything but what has its own column) as stored in `Contenuto`. */
const contentSchema = z.object({
  body: z.string(),
  htmlBody: z.optional(z.string()),
  name: z.optional(z.string()),
  replyTo: z.optional(z.string()),
  attachments: z.optional(z.array(z.object({ fileId: z.string() }))),
  failures: z.optional(z.int().check(z.nonnegative())),
  retryAt: z.optional(z.number()),
});

export interface OutboxRow {
  /** Sheet row (2 = first under the header). */
  row: number;
  status: OutboxStatus;
  queuedAt: Date | string;
  mail: StoredMail;
}

/** A row's cells for `OUTBOX_HEADERS`; text columns are stored as text by the writer. */
export function encodeOutboxRow(
  mail: StoredMail,
  status: OutboxStatus,
  queuedAt: Date,
  sentAt: Date | '',
): OutboxCell[] {
  const content: z.infer<typeof contentSchema> = { body: mail.body };
  if (mail.htmlBody) content.htmlBody = mail.htmlBody;
  if (mail.name) content.name = mail.name;
  if (mail.replyTo) content.replyTo = mail.replyTo;
  if (mail.attachments) content.attachments = mail.attachments;
  if (mail.failures !== undefined) content.failures = mail.failures;
  if (mail.retryAt !== undefined) content.retryAt = mail.retryAt;
  let json = JSON.stringify(content);
  // Escaping can grow a body past the cell: the HTML part goes first, then the text is cut.
  if (json.length > CELL_CHARACTER_LIMIT - 1) {
    delete content.htmlBody;
    json = JSON.stringify(content);
  }
  if (json.length > CELL_CHARACTER_LIMIT - 1) {
    content.body = cutText(content.body, Math.floor(content.body.length / 2));
    json = JSON.stringify(content);
  }
  return [
    mail.dedupeKey,
    status,
    queuedAt,
    mail.to,
    mail.subject,
    mail.attempts,
    cutText(mail.lastError ?? '', 1_000),
    sentAt,
    json,
  ];
}

/**
 * A row of the tab back as a stored mail, or null for a row that is not one (blank, or not written by
 * the add-on): such a row is left where it is and never sent.
 */
export function decodeOutboxRow(cells: readonly unknown[], row: number): OutboxRow | null {
  const [key, status, queuedAt, to, subject, attempts, lastError, , content] = cells;
  if (typeof key !== 'string' || key === '') return null;
  if (!(OUTBOX_STATUS as readonly unknown[]).includes(status)) return null;
  let parsed: z.infer<typeof contentSchema>;
  try {
    const result = contentSchema.safeParse(JSON.parse(String(content ?? '')));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  const mail: StoredMail = {
    to: String(to ?? ''),
    subject: String(subject ?? ''),
    dedupeKey: key,
    attempts: typeof attempts === 'number' && Number.isFinite(attempts) ? attempts : 0,
    ...parsed,
  };
  if (typeof lastError === 'string' && lastError !== '') mail.lastError = lastError;
  return {
    row,
    status: status as OutboxStatus,
    queuedAt: queuedAt instanceof Date ? queuedAt : String(queuedAt ?? ''),
    mail,
  };
}
