/**
 * What the sidebar receives from the dashboard's server functions. Everything is JSON-like (no `Date`:
 * `google.script.run` cannot carry one), so the same shapes arrive in Apps Script and in the playground.
 */
import type { JobProgress } from '../../core/jobs/state';
import type { CourseSummary, NextSession } from '../../core/dashboard/summaries';
import type { Candidate, EnrollmentAction } from '../../core/enrollment/staff-view';
import type { LeftOutRow } from '../../core/registry/left-out';
import type { PastYear } from '../../core/years/history';
import type { Problem } from '../../core/registry/schemas';
import type { CourseStatus, EnrollmentStatus, Mode, SessionStatus } from '../../core/registry/tabs';

export type { CourseSummary, EnrollmentAction, NextSession };

export interface DashboardSettings {
  year: number;
  targetHours: number;
  defaultThreshold: number;
  requireFeePaid: boolean;
  referentApproval: boolean;
  maxSeatsPerComune: number | null;
  reminderDaysBefore: number;
  staffNotificationEmail: string;
  calendarConfigured: boolean;
  templateConfigured: boolean;
}

export interface Dashboard {
  user: string;
  /** ISO-8601 instant of the server's clock when the dashboard was read. */
  at: string;
  /** The same instant as staff read it in the spreadsheet's time zone: `dd/MM/yyyy HH:mm`. */
  atText: string;
  counts: {
    coursesByStatus: Partial<Record<CourseStatus, number>>;
    enrollmentsByStatus: Partial<Record<EnrollmentStatus, number>>;
    employees: number;
    activeEmployees: number;
    comuni: number;
    comuniUnpaid: number;
  };
  unpaidComuni: string[];
  nextSessions: NextSession[];
  courses: CourseSummary[];
  jobs: JobProgress[];
  pendingMails: number;
  /** Mails the outbox gave up on for now (`Sospesa` in `Posta in uscita`, each with a `Registro` line). */
  parkedMails: number;
  problems: Problem[];
  /** The rows the figures above leave out (each flagged row once, with its first reason). */
  leftOut: LeftOutRow[];
  /** How many rows the figures leave out and which ('' when none), as the reports say it. */
  leftOutText: string;
  formUrl: string;
  /** Null before the first «Configura» (no `Impostazioni` tab). */
  settings: DashboardSettings | null;
}

export interface CourseEnrollment {
  id: string;
  email: string;
  employeeId: string;
  name: string;
  comune: string;
  status: EnrollmentStatus;
  waitPosition: number | null;
  requestedAt: string;
  notes: string;
  actions: EnrollmentAction[];
  /** For a `Da verificare`: the name and comune typed in the form (null when the row has none). */
  typed: { name: string; comune: string } | null;
  /** For a `Da verificare`: employees who may be the person, best first, with where they differ. */
  candidates: Candidate[];
  /** The person's closed years, newest first: the hours each year's archive recorded for them. */
  pastYears: PastYear[];
}

export interface CourseView {
  code: string;
  title: string;
  status: CourseStatus;
  mode: Mode;
  seats: number;
  hours: number;
  sessions: Array<{ id: string; date: string; start: string; end: string; status: SessionStatus; meetLink: string }>;
  /** Status → enrollments, in the order staff deal with them. */
  groups: Array<{ status: EnrollmentStatus; enrollments: CourseEnrollment[] }>;
}

export interface ActionResult {
  id: string;
  status: EnrollmentStatus;
  message: string;
}
