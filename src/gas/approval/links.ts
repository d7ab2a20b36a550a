/**
 * The approve and deny links of referent approval: HMAC-SHA256 with a secret made once
 * (`Utilities.getUuid()`, kept in Script Properties), pointing at the web app (`doGet`).
 */
import { DAY_MS } from '../../core/time/units';
import {
  base64Url,
  checkToken,
  formatToken,
  tokenPayload,
  type Decision,
  type TokenCheck,
  type TokenClaims,
} from '../../core/tokens/token';
import { BusyError } from '../../core/registry/errors';
import { readProperty, refreshProperties, writeProperties } from '../platform/properties';

/** How long a link works; a reminder sends fresh links. */
export const LINK_VALID_DAYS = 7;

let secret: string | null = null;
const SECRET_KEY = 'a4pa.approval.secret';
/** How long making the secret waits for another execution's lock. */
const SECRET_LOCK_WAIT_MS = 10_000;

/**
 * Made under the script lock and looked for again there: two executions making it at once would each
 * sign with their own, and the links signed with the one overwritten would stop working. An execution
 * already holding the lock read the store when it took it, so its snapshot is current.
 */
function makeSecret(): string {
  const lock = LockService.getScriptLock();
  const held = lock.hasLock();
  if (!held && !lock.tryLock(SECRET_LOCK_WAIT_MS)) throw new BusyError();
  try {
    if (!held) refreshProperties();
    const stored = readProperty(SECRET_KEY);
    if (stored) return stored;
    const made = `${Utilities.getUuid()}${Utilities.getUuid()}`;
    writeProperties({ [SECRET_KEY]: made });
    return made;
  } finally {
    if (!held) lock.releaseLock();
  }
}

/** The academy's signing secret, made on first use ('' when `create` is false and there is none yet). */
export function approvalSecret(create = true): string {
  if (secret) return secret;
  const stored = readProperty(SECRET_KEY);
  if (stored) {
    secret = stored;
    return stored;
  }
  if (!create) return '';
  secret = makeSecret();
  return secret;
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
