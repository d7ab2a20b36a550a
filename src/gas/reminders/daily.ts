/**
 * The daily run: attendance from Meet of the sessions that ended, session reminders, reminders to referents who have not answered, and after a course
 * the satisfaction questionnaire and the notice to absentees. Each tab is read once; every mail has a
 * dedupe key and a record in a ledger, so a run repeated (or resumed after a failure) never sends twice.
 */
import { absenteeMail, feedbackMail } from '../../core/feedback/mail';
import { endedCourses, type EndedCourse } from '../../core/feedback/after-course';
import { feedbackChoice } from '../../core/feedback/questionnaire';
import { sessionReminderMail } from '../../core/reminders/mail';
import { addDays, daysBetween, dueSessionReminders, staleApprovals } from '../../core/reminders/plan';
import type { ComposedMail } from '../../core/mail/document';
import { SCHEDULED_COURSE_STATUSES, TAB } from '../../core/registry/tabs';
import { DAY_MS } from '../../core/time/units';
import { referentMails } from '../approval/request';
import { importEndedMeetSessions } from '../attendance/meet-import';
import { extraSetting, loadEnrollmentData, type EnrollmentData } from '../enrollment/data';
import { PROP_FORM_URL } from '../enrollment/form';
import { Notifier } from '../enrollment/notify';
import { withScriptLock } from '../enrollment/process';
import { ensureFeedbackForm } from '../feedback/form';
import { flushMail, queueMail } from '../mail/outbox';
import { readProperty } from '../platform/properties';
import { logEvent } from '../registry/log';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { Ledger } from './ledger';

/** Extra setting: days a request may wait for the referent before a reminder (and between reminders). */
export const APPROVAL_REMINDER_SETTING = 'Promemoria referente giorni';
const DEFAULT_APPROVAL_REMINDER_DAYS = 3;
/** Days after a course's last session during which its follow-up mails may still go. */
const AFTER_COURSE_WINDOW_DAYS = 30;

export interface DailySummary {
  /** Online and mixed sessions whose Meet attendance this run imported. */
  meetSessions: number;
  sessionReminders: number;
  approvalReminders: number;
  feedbackRequests: number;
  absenteeNotices: number;
}

/** Noon UTC of a calendar day: safely inside that day for the ledger's day arithmetic. */
function dayMs(isoDate: string): number {
  return Date.parse(`${isoDate}T12:00:00Z`);
}

class DailyRun {
  readonly summary: DailySummary = {
    meetSessions: 0,
    sessionReminders: 0,
    approvalReminders: 0,
    feedbackRequests: 0,
    absenteeNotices: 0,
  };
  private readonly notifier: Notifier;
  private readonly now = Date.now();
  private readonly today: string;
  private readonly nowTime: string;
  private readonly ledgers: { sessions: Ledger; approvals: Ledger; after: Ledger };

  constructor(private readonly data: EnrollmentData) {
    this.notifier = new Notifier(data, readProperty(PROP_FORM_URL) ?? '');
    const stamp = formatInSpreadsheetZone(new Date(this.now), 'yyyy-MM-dd HH:mm');
    this.today = stamp.slice(0, 10);
    this.nowTime = stamp.slice(11);
    this.ledgers = {
      sessions: Ledger.open('session-reminders'),
      approvals: Ledger.open('approval-reminders'),
      after: Ledger.open('after-course'),
    };
  }

  private queue(to: string, mail: ComposedMail, dedupeKey: string): void {
    queueMail({
      to,
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      name: this.notifier.ctx.sender,
      dedupeKey,
    });
  }

  /**
   * Attendance of the online and mixed sessions that ended since the last run, before the follow-up mails
   * (the notice to absentees reads it). Meet failing never stops the reminders: the session stays new and
   * the next day's run reads it again.
   */
  meetAttendance(): void {
    try {
      const report = importEndedMeetSessions({
        courses: this.data.courses.rows.map((r) => r.record),
        sessions: this.data.sessions.rows.map((r) => r.record),
        enrollments: this.data.enrollments.rows.map((r) => r.record),
        employees: this.data.employees.rows.map((r) => r.record),
      });
      this.summary.meetSessions = report?.sessions.length ?? 0;
    } catch (error) {
      logEvent('Errore', `Importa presenze da Meet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  sessionReminders(): void {
    const days = this.data.settings.reminderDaysBefore;
    const input = {
      sessions: this.data.sessions.rows.map((r) => r.record),
      courses: this.data.courses.rows.map((r) => r.record),
      enrollments: this.data.enrollments.rows.map((r) => r.record),
    };
    const ledger = this.ledgers.sessions;
    for (const due of dueSessionReminders(input, this.today, this.nowTime, days)) {
      const s = due.session;
      const session = this.data.sessions.rows.find((r) => r.record.id === s.id)?.record;
      if (!session) continue;
      const course = this.notifier.course(s.course);
      const left = daysBetween(this.today, s.date) ?? 0;
      for (const email of due.emails) {
        const key = `reminder:${s.id}:${email}`;
        if (ledger.has(key, this.now)) continue;
        this.queue(
          email,
          sessionReminderMail(this.notifier.ctx, this.notifier.nameOf(email), course, session, left),
          key,
        );
        ledger.add(key, dayMs(addDays(s.date, 1)));
        this.summary.sessionReminders += 1;
      }
    }
  }

  approvalReminders(): void {
    if (!this.data.settings.referentApproval) return;
    const every = Number(extraSetting(this.data.settings, APPROVAL_REMINDER_SETTING)) || DEFAULT_APPROVAL_REMINDER_DAYS;
    const ledger = this.ledgers.approvals;
    const pending = this.data.enrollments.rows
      .map((r) => r.record)
      .filter((e) => e.status === 'In approvazione')
      .map((e) => ({ ...e, requestedOn: formatInSpreadsheetZone(e.requestedAt, 'yyyy-MM-dd') }));
    const due = staleApprovals(pending, this.today, every).filter(
      (e) => !ledger.has(`approval-reminder:${e.id}`, this.now),
    );
    if (due.length === 0) return;
    const dir = {
      employees: this.data.employees.rows.map((r) => r.record),
      comuni: this.data.comuni,
      course: (code: string) => this.notifier.course(code),
    };
    for (const m of referentMails(this.notifier.ctx, dir, due, 'reminder', this.now)) {
      this.queue(m.to, m.mail, `approval-reminder:${m.to}:${this.today}:${m.enrollments.map((e) => e.id).join(',')}`);
      for (const e of m.enrollments) ledger.add(`approval-reminder:${e.id}`, this.now + (every - 1) * DAY_MS);
      logEvent('Promemoria al referente', `${m.to}: ${m.enrollments.map((e) => e.id).join(', ')}`);
      this.summary.approvalReminders += 1;
    }
  }

  afterCourses(): void {
    const attendance = readTable(TAB.presenze).rows.map((r) => r.record);
    const cancelled = new Set(
      this.data.courses.rows.filter((r) => !SCHEDULED_COURSE_STATUSES.has(r.record.status)).map((r) => r.record.code),
    );
    const ended = endedCourses(
      {
        sessions: this.data.sessions.rows.map((r) => r.record),
        enrollments: this.data.enrollments.rows.map((r) => r.record),
        attendance,
        cancelledCourses: cancelled,
      },
      `${this.today} ${this.nowTime}`,
      AFTER_COURSE_WINDOW_DAYS,
    );
    const ledger = this.ledgers.after;
    const feedbackDue = ended.flatMap((c) =>
      c.confirmed.filter((p) => !ledger.has(`feedback:${c.code}:${p.email}`, this.now)).map((p) => ({ c, p })),
    );
    if (feedbackDue.length > 0) {
      const choices = ended.map((c) => feedbackChoice(c.code, this.notifier.course(c.code).title));
      const form = ensureFeedbackForm(this.data.settings, choices);
      if (form.created) logEvent('Modulo gradimento creato', `${form.formId} ${form.url}`);
      for (const { c, p } of feedbackDue) {
        const key = `feedback:${c.code}:${p.email}`;
        this.queue(
          p.email,
          feedbackMail(this.notifier.ctx, this.notifier.nameOf(p.email), this.notifier.course(c.code), form.url),
          key,
        );
        ledger.add(key, this.keepUntil(c));
        this.summary.feedbackRequests += 1;
      }
    }
    for (const c of ended) {
      for (const p of c.absentees) {
        const key = `absent:${c.code}:${p.email}`;
        if (ledger.has(key, this.now)) continue;
        this.queue(
          p.email,
          absenteeMail(this.notifier.ctx, this.notifier.nameOf(p.email), this.notifier.course(c.code)),
          key,
        );
        ledger.add(key, this.keepUntil(c));
        logEvent('Assenza comunicata', `${c.code} ${p.email}`);
        this.summary.absenteeNotices += 1;
      }
    }
  }

  /** Beyond the follow-up window: after that the course is no longer looked at. */
  private keepUntil(c: EndedCourse): number {
    return dayMs(addDays(c.lastDate, AFTER_COURSE_WINDOW_DAYS + 1));
  }

  save(): void {
    for (const l of Object.values(this.ledgers)) l.save(this.now);
  }
}

/** The daily run under the script lock; null when another run holds it (tomorrow's run catches up). */
export function runDaily(): DailySummary | null {
  return withScriptLock(() => {
    const run = new DailyRun(loadEnrollmentData({ comuni: true }));
    try {
      run.meetAttendance();
      run.sessionReminders();
      run.approvalReminders();
      run.afterCourses();
    } finally {
      run.save();
    }
    flushMail();
    return run.summary;
  });
}
