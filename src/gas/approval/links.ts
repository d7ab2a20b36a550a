/**
 * The approve and deny links of referent approval: HMAC-SHA256 with a secret made once
 * (`Utilities.getUuid()`, kept in Script Properties), pointing at the web app (`doGet`).
 */
import {
  base64Url,
  checkToken,
  formatToken,
  tokenPayload,
  type Decision,
  type TokenCheck,
  type TokenClaims,
} from '../../core/tokens/token';
import { readProperty, writeProperties } from '../platform/properties';

/** How long a link works; a reminder sends fresh links. */
export const LINK_VALID_DAYS = 7;
const DAY_MS = 86_400_000;

let secret: string | null = null;

/** The academy's signing secret, made on first use ('' when `create` is false and there is none yet). */
export function approvalSecret(create = true): string {
  if (secret) return secret;
  const stored = readProperty('a4pa.approval.secret');
  if (stored) {
    secret = stored;
    return stored;
  }
  if (!create) return '';
  const made = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  writeProperties({ 'a4pa.approval.secret': made });
  secret = made;
  return made;
}

export function sign(payload: string): string {
  return base64Url(Utilities.computeHmacSha256Signature(payload, approvalSecret(), Utilities.Charset.UTF_8));
}

let webAppUrl: string | null = null;

/** The deployed web app's URL, or '' when the script is not deployed as a web app. */
export function webAppBaseUrl(): string {
  if (webAppUrl === null) {
    let url = '';
    try {
      url = ScriptApp.getService().getUrl() || '';
    } catch {
      url = '';
    }
    webAppUrl = url;
  }
  return webAppUrl;
}

function nonce(): string {
  return Utilities.getUuid().replace(/-/g, '');
}

export interface DecisionLinks {
  approveUrl: string;
  denyUrl: string;
}

/** A fresh pair of single-use links for one enrollment, valid `LINK_VALID_DAYS` from `nowMs`. */
export function decisionLinks(enrollmentId: string, nowMs: number): DecisionLinks {
  const base = webAppBaseUrl();
  if (!base) return { approveUrl: '', denyUrl: '' };
  const expiresAt = Math.floor((nowMs + LINK_VALID_DAYS * DAY_MS) / 1000);
  const link = (decision: Decision): string => {
    const claims: TokenClaims = { enrollmentId, decision, expiresAt, nonce: nonce() };
    return `${base}${base.includes('?') ? '&' : '?'}decisione=${formatToken(claims, sign(tokenPayload(claims)))}`;
  };
  return { approveUrl: link('approve'), denyUrl: link('deny') };
}

/** A token checked against the stored secret; before any link was made no token can be valid. */
export function verifyDecisionToken(token: string, nowMs: number): TokenCheck {
  if (!approvalSecret(false)) return { ok: false, reason: 'signature' };
  return checkToken(token, sign, Math.floor(nowMs / 1000));
}
