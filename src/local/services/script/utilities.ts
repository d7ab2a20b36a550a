import { createHash, createHmac } from 'node:crypto';
import type { Workspace } from '../../runtime/workspace';
import { EmulatedBlob, toUint8 } from '../blob';
import { enumOf, spend } from './common';
import { parseCsv } from './csv';
import { checkSignature, type Enum, type Param } from '../signature';
import { gzipBlob, ungzipBlob, unzipBlob, zipBlobs } from './archive';
import { formatDate } from './format-date';
import { parseDate } from './parse-date';
import { formatString } from './format-string';

/** The emulated Utilities: dates, strings, digests, encodings, blobs and sleep on the emulated clock. */

const DigestAlgorithm = enumOf(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
const MacAlgorithm = enumOf(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);
const Charset = enumOf(['US_ASCII', 'UTF_8'] as const);

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_HMAC: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
function signed(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/**
 * A string's bytes in `charset`; US-ASCII writes '?' for what it cannot encode, as Java does. A byte
 * array element that is no number is refused as Apps Script refuses it ("Cannot convert …").
 */
function bytesOf(value: unknown, charset: string = Charset.UTF_8): Uint8Array {
  if (typeof value === 'string') {
    if (charset === Charset.US_ASCII)
      return Uint8Array.from(Array.from(value), (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63));
    return new TextEncoder().encode(value);
  }
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) {
    const bad = value.find((b) => typeof b !== 'number' && Number.isNaN(Number(b)));
    if (bad !== undefined) throw new Error(`Cannot convert ${String(bad)} to byte.`);
    return toUint8(value.map(Number));
  }
  throw new Error('Invalid argument: value');
}

const CHARSET: Enum = { values: Object.values(Charset) };
const DIGEST: Enum = { values: Object.values(DigestAlgorithm) };
const HMAC: Enum = { values: Object.values(MacAlgorithm) };

/**
 * Digests and signatures take bytes, or a string with an optional charset; a string without one is read
 * as US-ASCII (docs/google-behaviour.md, UTIL-DEFAULT-CHARSET, from the gas-fakes suite's live assertions).
 */
const STRING_DEFAULT_CHARSET = Charset.US_ASCII;

const HMAC_OVERLOADS: Param[][] = [
  ['Byte[]', 'Byte[]'],
  ['String', 'String'],
  ['String', 'String', CHARSET],
];

function base64Decode(text: string, webSafe: boolean): number[] {
  const normalized = webSafe ? String(text).replace(/-/g, '+').replace(/_/g, '/') : String(text);
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(normalized)) throw new Error('Could not decode string.');
  return signed(Uint8Array.from(Buffer.from(normalized, 'base64')));
}

export function utilities(ws: Workspace): Record<string, unknown> {
  const call = (method: string): void => ws.call('Utilities', method);
  return {
    DigestAlgorithm,
    MacAlgorithm,
    Charset,
    formatDate(...args: unknown[]): string {
      call('formatDate');
      const [date, timeZone, pattern] = args as [Date, string, string];
      checkSignature('Utilities.formatDate', args, [['Date', 'String', 'String']]);
      return formatDate(date.getTime(), String(timeZone), String(pattern));
    },
    parseDate(...args: unknown[]): Date {
      call('parseDate');
      const [text, timeZone, pattern] = args as [string, string, string];
      checkSignature('Utilities.parseDate', args, [['String', 'String', 'String']]);
      return parseDate(String(text), String(timeZone), String(pattern));
    },
    formatString(template: string, ...args: unknown[]): string {
      call('formatString');
      return formatString(template, args);
    },
    getUuid(): string {
      call('getUuid');
      const bytes = Array.from({ length: 16 }, () => Math.floor(ws.random() * 256));
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    computeDigest(...args: unknown[]): number[] {
      call('computeDigest');
      const [algorithm, value, charset] = args as [string, unknown, string | undefined];
      checkSignature('Utilities.computeDigest', args, [
        [DIGEST, 'Byte[]'],
        [DIGEST, 'String'],
        [DIGEST, 'String', CHARSET],
      ]);
      const name = NODE_DIGEST[String(algorithm)];
      if (!name) throw new Error(`Invalid argument: algorithm`);
      return signed(
        createHash(name)
          .update(bytesOf(value, charset ?? STRING_DEFAULT_CHARSET))
          .digest(),
      );
    },
    computeHmacSha256Signature(...args: unknown[]): number[] {
      call('computeHmacSha256Signature');
      const [value, key, charset] = args as [unknown, unknown, string | undefined];
      checkSignature('Utilities.computeHmacSha256Signature', args, HMAC_OVERLOADS);
      const cs = charset ?? STRING_DEFAULT_CHARSET;
      return signed(createHmac('sha256', bytesOf(key, cs)).update(bytesOf(value, cs)).digest());
    },
    computeHmacSignature(...args: unknown[]): number[] {
      call('computeHmacSignature');
      const [algorithm, value, key, charset] = args as [string, unknown, unknown, string | undefined];
      checkSignature(
        'Utilities.computeHmacSignature',
        args,
        HMAC_OVERLOADS.map((o) => [HMAC, ...o]),
      );
      const name = NODE_HMAC[String(algorithm)];
      const cs = charset ?? STRING_DEFAULT_CHARSET;
      return signed(
        createHmac(name as string, bytesOf(key, cs))
          .update(bytesOf(value, cs))
          .digest(),
      );
    },
    zip(blobs: EmulatedBlob[], name?: string): EmulatedBlob {
      call('zip');
      checkSignature('Utilities.zip', [blobs, name], [['Object'], ['Object', 'String']]);
      return zipBlobs(blobs, name === undefined ? undefined : String(name));
    },
    unzip(blob: EmulatedBlob): EmulatedBlob[] {
      call('unzip');
      checkSignature('Utilities.unzip', [blob], [['Blob']]);
      return unzipBlob(blob);
    },
    gzip(blob: EmulatedBlob, name?: string): EmulatedBlob {
      call('gzip');
      checkSignature('Utilities.gzip', [blob, name], [['Blob'], ['Blob', 'String']]);
      return gzipBlob(blob, name === undefined ? undefined : String(name));
    },
    ungzip(blob: EmulatedBlob): EmulatedBlob {
      call('ungzip');
      checkSignature('Utilities.ungzip', [blob], [['Blob']]);
      return ungzipBlob(blob);
    },
    base64Encode(data: unknown, charset?: string): string {
      call('base64Encode');
      return Buffer.from(bytesOf(data, charset)).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: string): string {
      call('base64EncodeWebSafe');
      return Buffer.from(bytesOf(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(text: string): number[] {
      call('base64Decode');
      return base64Decode(text, false);
    },
    base64DecodeWebSafe(text: string): number[] {
      call('base64DecodeWebSafe');
      return base64Decode(text, true);
    },
    newBlob(data: unknown, contentType?: string, name?: string): EmulatedBlob {
      call('newBlob');
      if (typeof data === 'string') return EmulatedBlob.fromString(data, contentType ?? 'text/plain', name ?? null);
      return new EmulatedBlob(bytesOf(data), contentType ?? null, name ?? null);
    },
    sleep(ms: number): void {
      call('sleep');
      const duration = Number(ms);
      if (!Number.isFinite(duration) || duration < 0 || duration > 300_000)
        throw new Error('Invalid argument: milliseconds');
      spend(ws, duration);
    },
    parseCsv(csv: string, delimiter?: string): string[][] {
      call('parseCsv');
      return parseCsv(csv, delimiter === undefined ? ',' : String(delimiter));
    },
  };
}
