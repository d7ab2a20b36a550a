/**
 * The referent's decision on an enrollment waiting as `In approvazione`. Approval turns it into an
 * ordinary waiting request with its original request time, so the book's settling gives it a seat by the
 * normal rules (first come by request time, caps per comune) or a place in the waitlist; denial refuses
 * it with the reason in `Note`.
 */
import type { EnrollmentBook } from '../enrollment/policy';
import type { EnrollmentRecord } from '../enrollment/types';

export const PENDING_APPROVAL = 'In approvazione';
export const DEFAULT_DENIAL_REASON = 'richiesta non approvata dal referente del comune';

export type Decider = 'referent' | 'staff';

export type DecisionOutcome =
  | { kind: 'approved'; enrollment: EnrollmentRecord }
  | { kind: 'denied'; enrollment: EnrollmentRecord; reason: string }
  /** Already decided (approved, denied, cancelled): nothing changes. */
  | { kind: 'notPending'; enrollment: EnrollmentRecord }
  | { kind: 'unknown' };

/** A reason as typed in a link or the sidebar: one line, bounded, never empty. */
export function denialReason(reason: string | undefined): string {
  const text = String(reason ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 300);
  return text || DEFAULT_DENIAL_REASON;
}

function decidedBy(by: Decider): string {
  return by === 'referent' ? 'dal referente del comune' : "dall'ufficio formazione";
}

export function decideOnBook(
  book: EnrollmentBook,
  enrollmentId: string,
  approve: boolean,
  by: Decider,
  reason?: string,
): DecisionOutcome {
  const e = book.byId(enrollmentId);
  if (!e) return { kind: 'unknown' };
  if (e.status !== PENDING_APPROVAL) return { kind: 'notPending', enrollment: e };
  if (approve) {
    e.status = 'In attesa';
    e.notes = `Approvata ${decidedBy(by)}.`;
    book.settle(e.course);
    return { kind: 'approved', enrollment: e };
  }
  const why = denialReason(reason);
  e.status = 'Respinta';
  e.waitPosition = null;
  e.notes = `Respinta ${decidedBy(by)}: ${why}`;
  return { kind: 'denied', enrollment: e, reason: why };
}
