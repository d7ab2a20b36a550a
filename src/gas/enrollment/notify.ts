/**
 * The mails and `Registro` entries of enrollment runs, built from the policy's results and queued in the
 * outbox (sent by the entry point's final flush).
 */
import type { RequestResult } from '../../core/enrollment/policy';
import type { EnrollmentRecord } from '../../core/enrollment/types';
import {
  promotionMail,
  staffCancellationMail,
  staffEnrollmentMail,
  submissionMail,
  unknownEmailStaffMail,
  type MailContext,
  type MailCourse,
  type MailItem,
  type MailOutcome,
  type MailSession,
  type PromotionReason,
  type StaffEnrollmentOutcome,
} from '../../core/mail/enrollment';
import type { ComposedMail } from '../../core/mail/document';
import { logEvent } from '../registry/log';
import { queueMail, type MailMessage } from '../mail/outbox';
import { MAIL_BOUNDS } from '../../core/mail/outbox';
import { cutText } from '../../core/text';
import { referentMails } from '../approval/request';
import type { EnrollmentData } from './data';

/** Notifiers of this execution: `queueHeldMail` moves what any of them still holds to the outbox. */
const live: Notifier[] = [];

/** Queues every mail still held by this execution's notifiers (called once the rows are written). */
export function queueHeldMail(): void {
  for (const n of live) n.queueAll();
}

export class Notifier {
  private readonly courses = new Map<string, MailCourse>();
  private readonly sessions = new Map<string, MailSession[]>();
  private readonly held: MailMessage[] = [];
  readonly ctx: MailContext;

  constructor(
    private readonly data: EnrollmentData,
    formUrl: string,
  ) {
    this.ctx = { sender: data.settings.senderName, formUrl };
    live.push(this);
    for (const { record: c } of data.courses.rows) {
      this.courses.set(c.code, {
        code: c.code,
        title: c.title,
        mode: c.mode,
        venue: c.venue,
        teacher: c.teacher,
        hours: c.hours,
      });
    }
    for (const { record: s } of data.sessions.rows) {
      const list = this.sessions.get(s.course) ?? [];
      list.push({ date: s.date, start: s.start, end: s.end, venue: s.venue, meetLink: s.meetLink, status: s.status });
      this.sessions.set(s.course, list);
    }
  }

  course(code: string): MailCourse {
    return this.courses.get(code) ?? { code, title: code, mode: '', venue: '', teacher: '', hours: 0 };
  }

  sessionsOf(code: string): MailSession[] {
    return this.sessions.get(code) ?? [];
  }

  /** The person's name as the registry knows it, else as answered in the form. */
  nameOf(email: string, answered = ''): string {
    const wanted = email.trim().toLowerCase();
    const employee = this.data.employees.rows.find((r) => r.record.email === wanted)?.record;
    return cutText(employee ? `${employee.firstName} ${employee.lastName}` : answered, MAIL_BOUNDS.name);
  }

  /**
   * Mails are held until the rows they describe are written (`queueAll`): a run that fails before its
   * write must not have told anyone an outcome the sheet does not hold.
   */
  private send(to: string, mail: ComposedMail, dedupeKey: string): void {
    if (!to.trim()) return;
    this.held.push({
      to,
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      name: this.ctx.sender,
      dedupeKey,
    });
  }

  /** Moves the held mails to the outbox, once the sheet holds what they say. */
  queueAll(): void {
    for (const m of this.held.splice(0)) queueMail(m);
  }

  /** The one mail of a submission (or manual enrollment) to the person, with every course's outcome. */
  outcomeMail(email: string, name: string, results: readonly RequestResult[], dedupeKey: string): void {
    if (results.length === 0) return;
    const items: MailItem[] = results.map((r) => ({
      course: this.course(r.course),
      sessions: this.sessionsOf(r.course),
      outcome: outcomeOf(r),
    }));
    this.send(email, submissionMail(this.ctx, name, items), dedupeKey);
  }

  promotion(e: EnrollmentRecord, reason: PromotionReason = 'seatFreed'): void {
    this.send(
      e.email,
      promotionMail(this.ctx, this.nameOf(e.email), this.course(e.course), this.sessionsOf(e.course), reason),
      `promote:${e.id}`,
    );
  }

  /** The mail of a hand enrollment by staff (a refused or duplicate attempt mails nobody). */
  staffEnrollment(e: EnrollmentRecord, outcome: StaffEnrollmentOutcome): void {
    this.send(
      e.email,
      staffEnrollmentMail(this.ctx, this.nameOf(e.email), this.course(e.course), this.sessionsOf(e.course), outcome),
      `manual:${e.id}`,
    );
  }

  staffCancellation(e: EnrollmentRecord, reason: string): void {
    this.send(
      e.email,
      staffCancellationMail(this.ctx, this.nameOf(e.email), this.course(e.course), cutText(reason, MAIL_BOUNDS.reason)),
      `cancel:${e.id}`,
    );
  }

  /** To `Email staff per notifiche` when a request comes from an address not in `Dipendenti`. */
  unknownEmail(
    email: string,
    answered: { firstName: string; lastName: string; comune: string },
    courses: readonly string[],
    dedupeKey: string,
  ): void {
    const to = this.data.settings.staffNotificationEmail;
    if (!to || courses.length === 0) return;
    this.send(
      to,
      unknownEmailStaffMail(
        cutText(email, MAIL_BOUNDS.address),
        {
          firstName: cutText(answered.firstName, MAIL_BOUNDS.name),
          lastName: cutText(answered.lastName, MAIL_BOUNDS.name),
          comune: cutText(answered.comune, MAIL_BOUNDS.name),
        },
        courses.map((c) => this.course(c)),
      ),
      dedupeKey,
    );
  }

  /** To the comune's referent, when `Approvazione referente` is on: the request with signed approve and deny links. */
  referentApproval(enrollments: readonly EnrollmentRecord[], dedupeKey: string): void {
    if (enrollments.length === 0) return;
    const dir = {
      employees: this.data.employees.rows.map((r) => r.record),
      comuni: this.data.comuni,
      course: (code: string) => this.course(code),
    };
    for (const m of referentMails(this.ctx, dir, enrollments, 'request', Date.now()))
      this.send(m.to, m.mail, dedupeKey);
  }
}

export function outcomeOf(r: RequestResult): MailOutcome {
  switch (r.kind) {
    case 'notEnrolled':
      return { kind: 'notEnrolled' };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'duplicate':
      return { kind: 'duplicate', status: r.enrollment.status, position: r.enrollment.waitPosition };
    case 'new':
      switch (r.enrollment.status) {
        case 'Confermata':
          return { kind: 'confirmed' };
        case 'In attesa':
          return { kind: 'waitlisted', position: r.enrollment.waitPosition };
        case 'In approvazione':
          return { kind: 'pendingApproval' };
        case 'Da verificare':
          return { kind: 'unverified' };
        default:
          return { kind: 'refused', reason: r.enrollment.notes };
      }
  }
}

const LOG_ACTION: Record<string, string> = {
  Confermata: 'Iscrizione confermata',
  'In attesa': "Iscrizione in lista d'attesa",
  'In approvazione': 'Iscrizione in approvazione',
  'Da verificare': 'Iscrizione da verificare',
  Respinta: 'Iscrizione respinta',
};

/** `Registro` entries for a request's results (ids and e-mails only, never other personal data). */
export function logResults(results: readonly RequestResult[], who?: string): void {
  const by = who || undefined;
  for (const r of results) {
    if (r.kind === 'new') {
      const e = r.enrollment;
      const position = e.status === 'In attesa' && e.waitPosition ? `, posizione ${e.waitPosition}` : '';
      logEvent(LOG_ACTION[e.status] ?? `Iscrizione ${e.status}`, `${e.id} ${e.course} ${e.email}${position}`, by);
    } else if (r.kind === 'cancelled') {
      logEvent('Iscrizione annullata', `${r.enrollment.id} ${r.course} ${r.enrollment.email}`, by);
    } else if (r.kind === 'duplicate') {
      logEvent('Richiesta duplicata ignorata', `${r.enrollment.id} ${r.course} ${r.enrollment.email}`, by);
    } else {
      // A cancellation of nothing changes no row, but staff must still see that it arrived.
      logEvent('Annullamento senza iscrizione attiva', `${r.course}${by ? ` ${by}` : ''}`, by);
    }
  }
}

export function logPromotions(promoted: readonly EnrollmentRecord[], who?: string): void {
  for (const e of promoted)
    logEvent("Promozione dalla lista d'attesa", `${e.id} ${e.course} ${e.email}`, who || undefined);
}
