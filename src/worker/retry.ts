/**
 * How every worker job meets Google's failures: a call harmless to repeat is retried with backoff on the
 * answers Google calls transient (429, 5xx, the rate-limit reasons of a 403), never on a daily limit, which
 * lasts until the next day (gaxios' own retry is not relied upon).
 */
import { isRetryable } from '../core/http/status';
import { backoffMs } from './google';

export type Wait = (ms: number) => Promise<void>;

export const ATTEMPTS = 5;

interface GoogleError {
  status?: number;
  code?: number | string;
  response?: { status?: number; data?: unknown };
}

/** The HTTP status of a googleapis failure, 0 when it has none (a network error, a thrown Error). */
export function statusOf(error: unknown): number {
  const e = error as GoogleError;
  const status = e.status ?? e.response?.status ?? (typeof e.code === 'number' ? e.code : 0);
  return Number(status) || 0;
}

function reasonsOf(error: unknown): string[] {
  const data = (error as GoogleError).response?.data as { error?: { errors?: Array<{ reason?: string }> } } | undefined;
  return (data?.error?.errors ?? []).map((e) => String(e.reason ?? ''));
}

export function isDailyLimit(error: unknown): boolean {
  return reasonsOf(error).includes('dailyLimitExceeded');
}

export function transient(error: unknown): boolean {
  return isRetryable(statusOf(error), (error as GoogleError).response?.data ?? null) && !isDailyLimit(error);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function withRetries<T>(wait: Wait, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt + 1 >= ATTEMPTS || !transient(error)) throw error;
      await wait(backoffMs(attempt));
    }
  }
}
