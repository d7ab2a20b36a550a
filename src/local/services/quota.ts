import { DAY_MS } from '../../core/time/units';
import type { Workspace } from '../runtime/workspace';

/**
 * Google's per-user daily allowances (docs/google-behaviour.md, QUOTA-DAILY-*): what is spent comes back
 * whole 24 hours after the first spending of the window, as the mail quota does. State lives in the
 * `quotas` slot, one allowance per name.
 */

export const QUOTA_WINDOW_MS = DAY_MS;

interface Allowance {
  spent: number;
  windowStartMs: number | null;
}

function allowances(ws: Workspace): Record<string, Allowance> {
  return ws.slot<Record<string, Allowance>>('quotas', () => ({}));
}

function current(ws: Workspace, name: string): Allowance {
  const all = allowances(ws);
  const allowance = (all[name] ??= { spent: 0, windowStartMs: null });
  if (allowance.windowStartMs !== null && ws.now() - allowance.windowStartMs >= QUOTA_WINDOW_MS) {
    allowance.spent = 0;
    allowance.windowStartMs = null;
  }
  return allowance;
}

/** Spends one unit of `name` or throws `message` when `limit` units are already spent in the window. */
export function spendDaily(ws: Workspace, name: string, limit: number, message: () => Error): void {
  const allowance = current(ws, name);
  if (allowance.spent >= limit) throw message();
  allowance.spent += 1;
  if (allowance.windowStartMs === null) allowance.windowStartMs = ws.now();
}

/** Host knob (tests, scenarios): `remaining` units of `name` are left until the window refills. */
export function setDailyRemaining(ws: Workspace, name: string, limit: number, remaining: number): void {
  const allowance = current(ws, name);
  allowance.spent = Math.max(0, limit - Math.max(0, Math.floor(remaining)));
  allowance.windowStartMs = ws.now();
}
