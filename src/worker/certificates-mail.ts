/**
 * A certificate's mail through the Gmail API (`users.messages.send`): the core's Italian text
 * (`certificateMail`) as plain text and the PDF attached, in one RFC 2822 message (base64url `raw`).
 */
import type { Connection } from './google';
import { base64Lines, boundary, encodedWord, sendMime } from './mime';

export interface CertificateMessage {
  to: string;
  /** `"<name>" <address>` when the sending account is known (the delegated subject); Gmail's own otherwise. */
  fromName: string;
  fromAddress: string;
  subject: string;
  body: string;
  attachment: { name: string; bytes: Buffer };
}

export function mimeMessage(message: CertificateMessage, boundary: string): string {
  const from =
    message.fromAddress && message.fromName
      ? [`From: "${encodedWord(message.fromName.replace(/"/g, "'"))}" <${message.fromAddress}>`]
      : message.fromAddress
        ? [`From: ${message.fromAddress}`]
        : [];
  return [
    ...from,
    `To: ${message.to}`,
    `Subject: ${encodedWord(message.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.body),
    `--${boundary}`,
    `Content-Type: application/pdf; name="${message.attachment.name}"`,
    `Content-Disposition: attachment; filename="${message.attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.attachment.bytes),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

export async function sendCertificateMail(conn: Connection, message: CertificateMessage): Promise<void> {
  await sendMime(conn, mimeMessage(message, boundary()));
}
