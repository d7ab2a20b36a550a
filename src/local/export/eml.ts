/**
 * The script's outbox as RFC 5322 messages (.eml), composed with nodemailer's MailComposer: sender
 * name, recipients, subject, plain and HTML bodies, and every attachment (the certificate PDFs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Workspace } from '../runtime/workspace';
import { outbox } from '../services/mail';

type Outgoing = ReturnType<typeof outbox>[number];

/** One message as MIME text: `from` is the script owner's address shown with the sender name. */
export function composeEml(message: Outgoing, from: string, index: number): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.name ? { name: message.name, address: from } : from,
    to: message.to,
    cc: message.cc || undefined,
    bcc: message.bcc || undefined,
    replyTo: message.replyTo || undefined,
    subject: message.subject,
    text: message.body || undefined,
    html: message.htmlBody || undefined,
    date: new Date(message.at),
    messageId: `<academy4pa-${index + 1}-${Math.floor(message.at)}@${from.split('@')[1] ?? 'localhost'}>`,
    attachments: message.attachments.map((a) => ({
      filename: a.name,
      contentType: a.mimeType,
      content: Buffer.from(a.bytes),
    })),
    // The compiled message keeps its Bcc header: this is the sender's copy, not what recipients receive.
    keepBcc: true,
  } as ConstructorParameters<typeof MailComposer>[0]);
  return new Promise((resolve, reject) => {
    composer.compile().build((error, buffer) => (error ? reject(error) : resolve(buffer)));
  });
}

function fileName(index: number, message: Outgoing): string {
  const slug = message.subject
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return `${String(index + 1).padStart(5, '0')}-${slug || 'messaggio'}.eml`;
}

/** Writes every sent message to `dir` in order; returns how many and with how many attachments. */
export async function writeEmls(
  ws: Workspace,
  dir: string,
): Promise<{ messages: number; attachments: number; recipients: number }> {
  mkdirSync(dir, { recursive: true });
  const messages = outbox(ws);
  let attachments = 0;
  let recipients = 0;
  for (const [i, m] of messages.entries()) {
    writeFileSync(join(dir, fileName(i, m)), await composeEml(m, ws.state.owner, i));
    attachments += m.attachments.length;
    recipients += [m.to, m.cc, m.bcc].flatMap((list) => list.split(',')).filter((a) => a.trim() !== '').length;
  }
  return { messages: messages.length, attachments, recipients };
}
