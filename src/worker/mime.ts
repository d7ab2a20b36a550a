/**
 * The parts of an RFC 2822 message the worker's mails share, and their sending through the Gmail API
 * (`users.messages.send` takes the whole message as base64url `raw`).
 */
import type { Connection } from './google';

/** A header in ASCII goes as it is; anything else as one UTF-8 encoded word (RFC 2047). */
export function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** A body part's bytes in base64, lines of 76 characters as RFC 2045 asks. */
export function base64Lines(bytes: Buffer | string): string {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return (buffer.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** A boundary no body part of ours contains. */
export function boundary(): string {
  return `a4pa_${Date.now().toString(36)}`;
}

export async function sendMime(conn: Connection, mime: string): Promise<void> {
  const raw = Buffer.from(mime, 'utf8').toString('base64url');
  await conn.gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
}
