import { createHash, createHmac } from 'node:crypto';
import type { Workspace } from '../../runtime/workspace';
import { EmulatedBlob, toUint8 } from '../blob';
import { enumOf, spend } from './common';
import { parseCsv } from './csv';
import { formatDate } from './format-date';
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

function bytesOf(value: unknown, charset?: string): Uint8Array {
  if (typeof value === 'string') {
    if (charset === Charset.US_ASCII)
      return Uint8Array.from(value, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63));
    return new TextEncoder().encode(value);
  }
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return toUint8(value as number[]);
  throw new Error('Invalid argument: value');
}

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
    formatDate(date: Date, timeZone: string, pattern: string): string {
      call('formatDate');
      if (!(date instanceof Date) && !(date && typeof (date as Date).getTime === 'function'))
        throw new Error('Invalid argument: date');
      return formatDate(date.getTime(), String(timeZone), String(pattern));
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
    computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
      call('computeDigest');
      const name = NODE_DIGEST[String(algorithm)];
      if (!name) throw new Error(`Invalid argument: algorithm`);
      return signed(createHash(name).update(bytesOf(value, charset)).digest());
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
      call('computeHmacSha256Signature');
      return signed(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
    },
    computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[] {
      call('computeHmacSignature');
      const name = NODE_HMAC[String(algorithm)];
      if (!name) throw new Error(`Invalid argument: algorithm`);
      return signed(createHmac(name, bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
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
