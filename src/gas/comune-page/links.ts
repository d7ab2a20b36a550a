/**
 * Links to a comune's page: signed with the academy's secret (the one approval links use), valid
 * `COMUNE_LINK_VALID_DAYS`, revocable per comune by raising that comune's key version (kept in one
 * Script Property: a small map of ISTAT code → version).
 */
import { DAY_MS } from '../../core/time/units';
import {
  checkComuneLink,
  comuneLinkPayload,
  formatComuneLink,
  type ComuneLinkCheck,
} from '../../core/tokens/comune-link';
import { approvalSecret, sign, webAppBaseUrl } from '../approval/links';
import { readProperty, writeProperties } from '../platform/properties';

/** Longer than a month, so the link in one monthly summary still works when the next one arrives. */
export const COMUNE_LINK_VALID_DAYS = 45;

function readVersions(): Record<string, number> {
  const raw = readProperty('a4pa.comunePage.versions');
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

function versionOf(versions: Record<string, number>, istat: string): number {
  const v = versions[istat];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 1;
}

export interface ComuneLink {
  url: string;
  expiresAtMs: number;
  /** The comune's key version the link was signed under (raised by each revocation). */
  version: number;
}

/** Links for comuni by ISTAT code, all made with one read of the versions; '' without a web app. */
export function comuneLinks(istats: readonly string[], nowMs: number): Map<string, ComuneLink> {
  const base = webAppBaseUrl();
  const out = new Map<string, ComuneLink>();
  if (!base) return out;
  const versions = readVersions();
  const expiresAt = Math.floor((nowMs + COMUNE_LINK_VALID_DAYS * DAY_MS) / 1000);
  for (const istat of istats) {
    if (!/^\d{6}$/.test(istat)) continue;
    const claims = { istat, version: versionOf(versions, istat), expiresAt };
    const token = formatComuneLink(claims, sign(comuneLinkPayload(claims)));
    out.set(istat, {
      url: `${base}${base.includes('?') ? '&' : '?'}comune=${token}`,
      expiresAtMs: expiresAt * 1000,
      version: claims.version,
    });
  }
  return out;
}

/** Every link of the comune made so far stops working; returns the new version. */
export function revokeComuneLinks(istat: string): number {
  const versions = readVersions();
  const next = versionOf(versions, istat) + 1;
  writeProperties({ 'a4pa.comunePage.versions': JSON.stringify({ ...versions, [istat]: next }) });
  return next;
}

/** A token checked against the stored secret and the comune's current version. */
export function verifyComuneLink(token: string, nowMs: number): ComuneLinkCheck {
  if (!approvalSecret(false)) return { ok: false, reason: 'signature' };
  const versions = readVersions();
  return checkComuneLink(token, sign, (istat) => versionOf(versions, istat), Math.floor(nowMs / 1000));
}

/** For the monthly summaries: each comune's link and the last day it works, made with one read. */
export function summaryPageLinks(
  istats: readonly string[],
  nowMs: number,
  formatDay: (ms: number) => string,
): (comune: { istat: string }) => { url: string; validUntil: string } | null {
  const links = comuneLinks(istats, nowMs);
  return (comune) => {
    const link = links.get(comune.istat);
    return link ? { url: link.url, validUntil: formatDay(link.expiresAtMs - DAY_MS) } : null;
  };
}
