/**
 * Signed, expiring, single-use links for the web app (the referent's approve and deny links). A token
 * carries its claims in clear (enrollment id, decision, expiry, nonce) followed by an HMAC-SHA256 of
 * them: the adapter computes the HMAC with the academy's secret, this module only shapes and checks.
 * Every character is URL-safe, so a token goes into a query string as it is.
 */

export type Decision = 'approve' | 'deny';

export interface TokenClaims {
  enrollmentId: string;
  decision: Decision;
  /** Epoch seconds after which the link no longer works. */
  expiresAt: number;
  /** Random hex: what makes the token single-use once recorded as used. */
  nonce: string;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const TOKEN_PATTERN =
  /^([A-Za-z0-9][A-Za-z0-9-]{0,23})\.([ad])\.([0-9a-z]{1,10})\.([0-9a-f]{16,64})\.([A-Za-z0-9_-]{43})$/;

/**
 * The signed part of a token, in its one canonical encoding (expiry in base 36 without leading zeros,
 * nonce in lower-case hex): a token is accepted only in exactly this spelling, so no second string can
 * carry the same signature.
 */
export function tokenPayload(claims: TokenClaims): string {
  return `${claims.enrollmentId}.${claims.decision === 'approve' ? 'a' : 'd'}.${Math.floor(claims.expiresAt).toString(36)}.${claims.nonce}`;
}

export function formatToken(claims: TokenClaims, signature: string): string {
  return `${tokenPayload(claims)}.${signature}`;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding of bytes as Apps Script returns them (signed -128..127) or unsigned. */
export function base64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = (bytes[i] as number) & 0xff;
    const b1 = i + 1 < bytes.length ? (bytes[i + 1] as number) & 0xff : 0;
    const b2 = i + 2 < bytes.length ? (bytes[i + 2] as number) & 0xff : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += B64URL[(n >> 18) & 63] as string;
    out += B64URL[(n >> 12) & 63] as string;
    if (i + 1 < bytes.length) out += B64URL[(n >> 6) & 63] as string;
    if (i + 2 < bytes.length) out += B64URL[n & 63] as string;
  }
  return out;
}

/** Compares two strings in time independent of where they differ (no timing oracle on signatures). */
export function safeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i += 1) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * Checks shape, signature and expiry, in that order: a token that is not ours says nothing about
 * its claims. `sign` is the HMAC of a payload as base64url; `nowSeconds` the current epoch seconds.
 */
export function checkToken(token: string, sign: (payload: string) => string, nowSeconds: number): TokenCheck {
  const m = TOKEN_PATTERN.exec(String(token ?? '').trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const claims: TokenClaims = {
    enrollmentId: m[1] as string,
    decision: m[2] === 'a' ? 'approve' : 'deny',
    expiresAt: parseInt(m[3] as string, 36),
    nonce: m[4] as string,
  };
  const payload = `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
  if (payload !== tokenPayload(claims)) return { ok: false, reason: 'malformed' };
  if (!safeEqual(sign(payload), m[5] as string)) return { ok: false, reason: 'signature' };
  if (!(nowSeconds < claims.expiresAt)) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
