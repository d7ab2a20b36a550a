/**
 * Faults injected on the REST side, as Google's front ends produce them: a status with Google's error
 * body, either before the request is applied (nothing happened) or after it (the change is made, the
 * answer is lost: the hardest case for idempotency). Not persisted: a test sets them for one run.
 */
import type { Workspace } from '../runtime/workspace';

export type RestApi = 'sheets' | 'drive' | 'docs' | 'calendar' | 'gmail' | 'forms' | 'meet' | 'people' | 'script';

export interface RestFault {
  api: RestApi;
  /** 429, 500 or 503 are what Google's APIs answer under load. */
  status: number;
  times: number;
  /** `after`: the request is applied, then the error is answered instead of its result. */
  when: 'before' | 'after';
  /** Only requests whose method and path match (e.g. `POST /calendar/v3/calendars/`). */
  match?: RegExp;
}

const faults = new WeakMap<Workspace, RestFault[]>();

export function injectRestFault(ws: Workspace, fault: RestFault): void {
  const list = faults.get(ws) ?? [];
  list.push({ ...fault });
  faults.set(ws, list);
}

/** The fault that applies to this request now (its count is used up), or null. */
export function takeRestFault(ws: Workspace, api: RestApi, method: string, path: string): RestFault | null {
  const fault = (faults.get(ws) ?? []).find(
    (f) => f.api === api && f.times > 0 && (!f.match || f.match.test(`${method} ${path}`)),
  );
  if (!fault) return null;
  fault.times -= 1;
  return fault;
}

export function pendingRestFaults(ws: Workspace): number {
  return (faults.get(ws) ?? []).reduce((sum, f) => sum + f.times, 0);
}
