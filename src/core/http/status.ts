/**
 * How an answer of Google's REST APIs is read, for every caller (add-on and worker): which statuses are
 * worth a retry after a backoff, and the message of a failure (catalogue: REST-ERROR-BODY).
 */

/** Google's advice: back off and retry on 429, 5xx, and 403 for rate limits (catalogue: CAL-RATE-LIMIT). */
export function isRetryable(status: number, body: unknown): boolean {
  if (status === 429 || status >= 500) return true;
  if (status !== 403) return false;
  const reasons = ((body as { error?: { errors?: Array<{ reason?: string }> } } | null)?.error?.errors ?? []).map(
    (e) => e.reason,
  );
  return reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded' || r === 'quotaExceeded');
}

export function apiErrorMessage(api: string, status: number, body: unknown): string {
  const message = (body as { error?: { message?: string } } | null)?.error?.message;
  return `${api} ${status}${message ? `: ${message}` : ''}`;
}
