/**
 * A summary through the Gmail API (`users.messages.send`): the core's composed mail (text and HTML, the
 * same document the add-on's MailApp sends) as one RFC 2822 message, `multipart/alternative`, base64url
 * `raw`. The sender's name and the reply address come from the core's envelope (`summaryEnvelope`).
 */
import type { Connection } from './google';
import { base64Lines, boundary, encodedWord, sendMime } from './mime';

export interface SummaryMessage {
  to: string;
  /** The sending account's address when known (the delegated subject); Gmail puts its own otherwise. */
  fromAddress: string;
  fromName: string;
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
}

export function summaryMime(message: SummaryMessage, boundary: string): string {
  const name = `"${encodedWord(message.fromName.replace(/"/g, "'"))}"`;
  const headers = [
    ...(message.fromAddress ? [`From: ${name} <${message.fromAddress}>`] : []),
    `To: ${message.to}`,
    ...(message.replyTo ? [`Reply-To: ${message.replyTo}`] : []),
    `Subject: ${encodedWord(message.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, text: string): string[] => [
    `--${boundary}`,
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(text),
  ];
  return [
    ...headers,
    '',
    ...part('text/plain', message.body),
    ...(message.htmlBody ? part('text/html', message.htmlBody) : []),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

export async function sendSummaryMail(conn: Connection, message: SummaryMessage): Promise<void> {
  await sendMime(conn, summaryMime(message, boundary()));
}
