/**
 * The id a session's event is inserted under, chosen by the caller (Calendar accepts base32hex ids of
 * 5-1024 characters). A retried insert whose first answer was lost meets "already exists" instead of
 * making a second event, whoever retries it: the add-on, a later slice or the worker.
 */
import type { ExistingEvent } from './types';

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

function base32hex(bytes: readonly number[]): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(buffer << (5 - bits)) & 31];
  return out;
}

/** UTF-8 by hand: Apps Script's V8 has no TextEncoder. */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/**
 * The id of the next event of a session: one more than the events the calendar already holds for it
 * (cancelled ones included), so a session whose event was deleted gets a new id, and the same
 * calendar state always gives the same id.
 */
export function nextEventId(sessionId: string, existing: readonly ExistingEvent[]): string {
  return `a4pa${base32hex(utf8(sessionId))}g${existing.length + 1}`;
}
