/**
 * Retrying Google calls that fail for a moment (docs/google-behaviour.md, runtime errors): exponential
 * backoff with jitter, bounded so a retry loop cannot eat the 6-minute execution limit.
 */
import { messageOf } from '../../core/registry/errors';

const TRANSIENT_PATTERNS: readonly RegExp[] = [
  /too many times in a short time/i,
  /service unavailable/i,
  /service error/i,
  /a server error occurred/i,
  /timed out while accessing/i,
  /rate ?limit exceeded/i,
  /ratelimitexceeded/i,
  /usagelimits/i,
  /userratelimitexceeded/i,
  /lock timeout/i,
  /backend error/i,
  /internal error/i,
  /try again/i,
];

/** Quota for the day, permissions, bad input: waiting seconds will not help. */
const PERMANENT_PATTERNS: readonly RegExp[] = [
  /for one day/i,
  /permission/i,
  /not authorized|unauthorized/i,
  /exceeded maximum execution time/i,
];

export function isTransient(error: unknown): boolean {
  const message = messageOf(error);
  if (PERMANENT_PATTERNS.some((p) => p.test(message))) return false;
  return TRANSIENT_PATTERNS.some((p) => p.test(message));
}

/** The longest single wait between attempts. */
export const MAX_DELAY_MS = 16_000;

/** The wait before retry number `attempt` (0-based): base x 2^attempt plus up to as much jitter, capped. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = baseMs * 2 ** attempt;
  return Math.min(MAX_DELAY_MS, Math.round(exponential + random() * exponential));
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  baseMs?: number;
  /** Apps Script's `Utilities.sleep` unless given. */
  sleep?: (ms: number) => void;
  random?: () => number;
}

/** Runs `fn`, retrying transient failures; anything else (and the last failure) is rethrown as it is. */
export function withRetry<T>(label: string, fn: () => T, options: RetryOptions = {}): T {
  const attempts = Math.max(1, options.attempts ?? 4);
  const baseMs = options.baseMs ?? 500;
  const sleep = options.sleep ?? ((ms: number) => Utilities.sleep(ms));
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (error) {
      if (attempt + 1 >= attempts || !isTransient(error)) throw error;
      const delay = backoffDelay(attempt, baseMs, options.random);
      console.log(`${label}: ${messageOf(error)}; nuovo tentativo tra ${delay} ms`);
      sleep(delay);
    }
  }
}
