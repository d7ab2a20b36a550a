/**
 * Applying a decision on an enrollment waiting for the referent's approval, from a signed link (web
 * app) or from the sidebar (staff): under the script lock, in one enrollment run (settle, write, calendar,
 * form choices, mails).
 */
import { approvalOutcomeMail, type ApprovalOutcome } from '../../core/approval/mail';
import { decideOnBook, type Decider, type DecisionOutcome } from '../../core/approval/decide';
import { BusyError, UserError } from '../../core/registry/errors';
import type { EnrollmentStatus } from '../../core/registry/tabs';
import { loadEnrollmentData, openBook } from '../enrollment/data';
import { PROP_FORM_URL } from '../enrollment/form';
import { Notifier } from '../enrollment/notify';
import { afterRun, finishRun, withScriptLock } from '../enrollment/process';
import { readProperty } from '../platform/properties';
import { queueMail } from '../mail/outbox';
import { serverAction } from '../platform/entry';
import { logEvent } from '../registry/log';
import { duplicateIdMessage } from '../../core/registry/codec';
import { MAIL_BOUNDS } from '../../core/mail/outbox';
import { cutText } from '../../core/text';

export interface AppliedDecision {
  outcome: DecisionOutcome;
  /** The employee's name as the registry knows it ('' when unknown). */
  name: string;
  courseTitle: string;
  /** Why an unknown id was refused when its ID is typed on more than one row. */
  refusal?: string;
}

/** The web app's single-use check, run under the lock: `allow` before anything changes, `used` once decided. */
export interface DecisionGuard {
  allow: () => boolean;
  used: () => void;
}

/**
 * Decides enrollment `id` (approve or deny). Returns false when the guard refused, null when the lock
 * could not be had.
 */
export function applyDecision(
  id: string,
  approve: boolean,
  by: Decider,
  reason?: string,
  guard?: DecisionGuard,
): AppliedDecision | null | false {
  return withScriptLock((): AppliedDecision | false => {
    if (guard && !guard.allow()) return false;
    const data = loadEnrollmentData({ comuni: true });
    const book = openBook(data);
    const notifier = new Notifier(data, readProperty(PROP_FORM_URL) ?? '');
    const outcome = decideOnBook(
      book,
      id,
      approve,
      by,
      reason === undefined ? undefined : cutText(reason, MAIL_BOUNDS.reason),
    );
    if (outcome.kind === 'unknown')
      return { outcome, name: '', courseTitle: '', refusal: duplicateIdMessage(data.enrollments, id) ?? undefined };
    const e = outcome.enrollment;
    const name = notifier.nameOf(e.email);
    const course = notifier.course(e.course);
    if (outcome.kind === 'notPending') {
      guard?.used();
      return { outcome, name, courseTitle: course.title };
    }
    const who = by === 'referent' ? 'referente' : undefined;
    logEvent(
      outcome.kind === 'approved' ? 'Iscrizione approvata' : 'Iscrizione non approvata',
      `${e.id} ${e.course} ${e.email}`,
      who,
    );
    const courses = finishRun(data, book, notifier, who, [e.course]);
    const mailOutcome: ApprovalOutcome =
      outcome.kind === 'denied'
        ? { kind: 'denied', reason: outcome.reason }
        : e.status === 'Confermata'
          ? { kind: 'confirmed' }
          : { kind: 'waitlisted', position: e.waitPosition };
    const mail = approvalOutcomeMail(notifier.ctx, name, course, mailOutcome);
    queueMail({
      to: e.email,
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      name: notifier.ctx.sender,
      dedupeKey: `approval-outcome:${e.id}`,
    });
    guard?.used();
    afterRun(data, book, courses);
    return { outcome, name, courseTitle: course.title };
  });
}

export interface StaffDecisionResult {
  id: string;
  status: EnrollmentStatus;
  waitPosition: number | null;
  message: string;
}

/** Staff (sidebar): decides instead of the referent. */
export const decideApproval = serverAction(
  'Decidi approvazione',
  (enrollmentId: string, approve: boolean, reason?: string): StaffDecisionResult => {
    const id = String(enrollmentId ?? '').trim();
    if (!id) throw new UserError("Indichi l'iscrizione da approvare o respingere.");
    const applied = applyDecision(
      id,
      approve === true,
      'staff',
      reason === undefined || reason === null ? undefined : String(reason),
    );
    if (applied === null || applied === false) throw new BusyError();
    const { outcome } = applied;
    if (outcome.kind === 'unknown')
      throw new UserError(applied.refusal ?? `L'iscrizione ${id} non esiste nel foglio Iscrizioni.`);
    const e = outcome.enrollment;
    if (outcome.kind === 'notPending')
      throw new UserError(`L'iscrizione ${id} non è in approvazione (stato attuale: ${e.status}).`);
    const message =
      outcome.kind === 'denied'
        ? `Iscrizione ${id} respinta: ${outcome.reason}.`
        : e.status === 'Confermata'
          ? `Iscrizione ${id} approvata e confermata.`
          : `Iscrizione ${id} approvata: in lista d'attesa (posizione ${e.waitPosition ?? '-'}).`;
    return { id, status: e.status, waitPosition: e.waitPosition, message };
  },
);
