/**
 * The referent's link to their comune's page: the comune's ISTAT code, the comune's key version and an
 * expiry in clear, then an HMAC-SHA256 of them (computed by the adapter with the academy's secret).
 * Staff revoke every link of one comune by raising its version: older links no longer verify. Like the
 * approval tokens, a link is accepted only in its one canonical spelling.
 */
import { safeEqual } from './token';

export interface ComuneLinkClaims {
  /** `Codice ISTAT` of the comune (six digits). */
  istat: string;
  /** The comune's key version when the link was made. */
  version: number;
  /** Epoch seconds after which the link no longer works. */
  expiresAt: number;
}

export type ComuneLinkCheck =
  { ok: true; claims: ComuneLinkClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'revoked' };

const PATTERN = /^c\.(\d{6})\.([0-9a-z]{1,6})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;

export function comuneLinkPayload(claims: ComuneLinkClaims): string {
  return `c.${claims.istat}.${Math.floor(claims.version).toString(36)}.${Math.floor(claims.expiresAt).toString(36)}`;
}

export function formatComuneLink(claims: ComuneLinkClaims, signature: string): string {
  return `${comuneLinkPayload(claims)}.${signature}`;
}

/**
 * Shape, signature, version, then expiry: a token that is not ours says nothing about its claims, and a
 * revoked link says so even after it would have expired anyway.
 */
export function checkComuneLink(
  token: string,
  sign: (payload: string) => string,
  currentVersion: (istat: string) => number,
  nowSeconds: number,
): ComuneLinkCheck {
  const m = PATTERN.exec(String(token ?? '').trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const claims: ComuneLinkClaims = {
    istat: m[1] as string,
    version: parseInt(m[2] as string, 36),
    expiresAt: parseInt(m[3] as string, 36),
  };
  const payload = `c.${m[1]}.${m[2]}.${m[3]}`;
  if (payload !== comuneLinkPayload(claims)) return { ok: false, reason: 'malformed' };
  if (!safeEqual(sign(payload), m[4] as string)) return { ok: false, reason: 'signature' };
  if (claims.version !== currentVersion(claims.istat)) return { ok: false, reason: 'revoked' };
  if (!(nowSeconds < claims.expiresAt)) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
