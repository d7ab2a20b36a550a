/**
 * The report computations (docs/product.md, workflow 8 and the report tabs): yearly hours against the target
 * per employee and per comune, course figures and the budget, from plain registry data. Every input is
 * visited a constant number of times through maps, so the cost is linear in the size of the registry.
 */
import {
  countedRows,
  rowHours,
  round2,
  type AttendanceEnrollment,
  type AttendanceMark,
  type AttendanceSession,
} from '../attendance/attendance';
import { normalizeEmail, normalizeKey } from '../text';

export interface ReportComune {
  istat: string;
  name: string;
  referentEmail: string;
  annualFee: number;
  feePaid: boolean;
}

export interface ReportEmployee {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  comune: string;
  active: boolean;
}

export interface ReportCourse {
  code: string;
  title: string;
  hours: number;
  seats: number;
  cost: number;
  status: string;
}

export type ReportSession = AttendanceSession;

export type ReportEnrollment = AttendanceEnrollment;

export type ReportAttendance = AttendanceMark;

export interface ReportCertificate {
  course: string;
  employeeId: string;
}

export interface ReportExternalTraining {
  email: string;
  hours: number;
  date: string;
}

export interface ReportFeedback {
  course: string;
  score: number;
}

export interface ReportInput {
  /** `Anno formativo`. */
  year: number;
  /** `Ore obiettivo annue`. */
  targetHours: number;
  /** Local wall-clock time of the computation, `yyyy-mm-dd HH:mm`: sessions that ended by then have been held. */
  now: string;
  comuni: readonly ReportComune[];
  employees: readonly ReportEmployee[];
  courses: readonly ReportCourse[];
  sessions: readonly ReportSession[];
  enrollments: readonly ReportEnrollment[];
  attendance: readonly ReportAttendance[];
  certificates: readonly ReportCertificate[];
  externalTraining: readonly ReportExternalTraining[];
  feedback?: readonly ReportFeedback[];
  /** Hours of each employee (by ID) in closed years, newest first, from the years' archives. */
  pastYears?: ReadonlyArray<{ year: number; hoursByEmployee: ReadonlyMap<string, number> }>;
}

export interface EmployeeReportRow {
  id: string;
  firstName: string;
  lastName: string;
  comune: string;
  email: string;
  active: boolean;
  hours: number;
  target: number;
  missing: number;
  courses: number;
  reached: boolean;
  /** Hours in each of `Reports.pastYears`, in its order. */
  pastHours: number[];
}

export interface ComuneReportRow {
  /** Empty for a comune named by employees but missing from `Comuni`. */
  istat: string;
  name: string;
  referentEmail: string;
  employees: number;
  trained: number;
  hours: number;
  /** Null when the comune has no active employee. */
  averageHours: number | null;
  /** Share (0..1) of active employees at or above the target; null without active employees. */
  reachedShare: number | null;
  /** Null for a comune missing from `Comuni`. */
  annualFee: number | null;
  feePaid: boolean | null;
  costShare: number;
}

export interface CourseReportRow {
  code: string;
  title: string;
  seats: number;
  confirmed: number;
  waiting: number;
  /** confirmed / seats; null when the course has no seats. */
  fillRate: number | null;
  /** attended hours / (confirmed x course hours); null when that is zero. */
  attendanceRate: number | null;
  absentees: number;
  certificates: number;
  /** Null when there is no feedback. */
  satisfaction: number | null;
  cost: number;
  /** cost / attended hours of all its participants; null when nobody attended. */
  costPerParticipantHour: number | null;
}

export interface Balance {
  feesDue: number;
  feesPaid: number;
  courseCosts: number;
  saldo: number;
  /** Null when no participant-hour was attended in the year's courses. */
  costPerParticipantHour: number | null;
}

export interface Reports {
  year: number;
  /** The closed years shown beside the current one in Report dipendenti, newest first. */
  pastYears: number[];
  targetHours: number;
  employees: EmployeeReportRow[];
  comuni: ComuneReportRow[];
  courses: CourseReportRow[];
  balance: Balance;
}

const CANCELLED_SESSION = 'Annullata';
const CANCELLED_COURSE = 'Annullato';
const CONFIRMED = 'Confermata';
const WAITING = 'In attesa';
/** "Formato": at least one hour in the year. */
const TRAINED_HOURS = 1;

function inYear(day: string, year: number): boolean {
  return day.startsWith(`${year}-`);
}

function add<K>(map: Map<K, number>, key: K, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

function round4(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10_000) / 10_000;
}

/**
 * A course belongs to the year of its first session that is not cancelled; a course with none yet is
 * planned for the current training year.
 */
function coursesOfYear(
  courses: readonly ReportCourse[],
  sessions: readonly ReportSession[],
  year: number,
): Set<string> {
  const first = new Map<string, string>();
  for (const s of sessions) {
    if (s.status === CANCELLED_SESSION) continue;
    const seen = first.get(s.course);
    if (seen === undefined || s.date < seen) first.set(s.course, s.date);
  }
  const out = new Set<string>();
  for (const c of courses) {
    const day = first.get(c.code);
    if (day === undefined || inYear(day, year)) out.add(c.code);
  }
  return out;
}

interface Attended {
  /** employee → hours attended in sessions dated in the year. */
  yearHours: Map<string, number>;
  /** employee → courses with at least one hour attended in the year. */
  yearCourses: Map<string, Set<string>>;
  /** course → hours attended by all its participants (any date). */
  courseHours: Map<string, number>;
  /** `course\0employee` → hours attended in the course (any date). */
  byCourseEmployee: Map<string, number>;
}

function attendedHours(input: ReportInput): Attended {
  const sessions = new Map<string, ReportSession>();
  for (const s of input.sessions) if (s.status !== CANCELLED_SESSION) sessions.set(s.id, s);
  const out: Attended = {
    yearHours: new Map(),
    yearCourses: new Map(),
    courseHours: new Map(),
    byCourseEmployee: new Map(),
  };
  for (const { row, session } of countedRows(input.attendance, (id) => sessions.get(id))) {
    const hours = rowHours(row, session);
    if (hours <= 0) continue;
    add(out.courseHours, session.course, hours);
    add(out.byCourseEmployee, `${session.course}\u0000${row.employeeId}`, hours);
    if (inYear(session.date, input.year)) {
      add(out.yearHours, row.employeeId, hours);
      const courses = out.yearCourses.get(row.employeeId) ?? new Set<string>();
      courses.add(session.course);
      out.yearCourses.set(row.employeeId, courses);
    }
  }
  return out;
}

function externalHoursByEmail(input: ReportInput): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of input.externalTraining) {
    if (t.hours > 0 && inYear(t.date, input.year)) add(out, normalizeEmail(t.email), t.hours);
  }
  return out;
}

/**
 * Report dipendenti: every active employee, and an inactive one only when they trained in the year
 * (their hours happened), in registry order.
 */
function employeeRows(input: ReportInput, attended: Attended, external: Map<string, number>): EmployeeReportRow[] {
  const out: EmployeeReportRow[] = [];
  for (const e of input.employees) {
    const hours = round2((attended.yearHours.get(e.id) ?? 0) + (external.get(normalizeEmail(e.email)) ?? 0));
    if (!e.active && hours <= 0) continue;
    out.push({
      id: e.id,
      firstName: e.firstName,
      lastName: e.lastName,
      comune: e.comune,
      email: normalizeEmail(e.email),
      active: e.active,
      hours,
      target: input.targetHours,
      missing: round2(Math.max(0, input.targetHours - hours)),
      courses: attended.yearCourses.get(e.id)?.size ?? 0,
      reached: hours >= input.targetHours,
      pastHours: (input.pastYears ?? []).map((p) => round2(p.hoursByEmployee.get(e.id) ?? 0)),
    });
  }
  return out;
}

interface ComuneAccumulator {
  row: ComuneReportRow;
  reached: number;
  participantHours: number;
}

function comuneRows(
  input: ReportInput,
  employees: readonly EmployeeReportRow[],
  participantHoursByEmployee: Map<string, number>,
  courseCosts: number,
): ComuneReportRow[] {
  const byKey = new Map<string, ComuneAccumulator>();
  const ordered: ComuneAccumulator[] = [];
  const accumulator = (name: string, comune: ReportComune | null): ComuneAccumulator => {
    const key = normalizeKey(name);
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        row: {
          istat: comune?.istat ?? '',
          name: comune?.name ?? name,
          referentEmail: comune ? normalizeEmail(comune.referentEmail) : '',
          employees: 0,
          trained: 0,
          hours: 0,
          averageHours: null,
          reachedShare: null,
          annualFee: comune ? comune.annualFee : null,
          feePaid: comune ? comune.feePaid : null,
          costShare: 0,
        },
        reached: 0,
        participantHours: 0,
      };
      byKey.set(key, acc);
      ordered.push(acc);
    }
    return acc;
  };
  for (const c of input.comuni) accumulator(c.name, c);
  const reported = new Map(employees.map((e) => [e.id, e]));
  for (const e of input.employees) {
    const participantHours = participantHoursByEmployee.get(e.id) ?? 0;
    const r = reported.get(e.id);
    const counted = e.active && r !== undefined;
    if (!counted && participantHours <= 0) continue;
    const acc = accumulator(e.comune, null);
    acc.participantHours += participantHours;
    if (!counted) continue;
    acc.row.employees += 1;
    acc.row.hours += r.hours;
    if (r.hours >= TRAINED_HOURS) acc.row.trained += 1;
    if (r.reached) acc.reached += 1;
  }
  const totalParticipantHours = ordered.reduce((n, a) => n + a.participantHours, 0);
  for (const acc of ordered) {
    const row = acc.row;
    row.hours = round2(row.hours);
    row.averageHours = row.employees > 0 ? round2(row.hours / row.employees) : null;
    row.reachedShare = round4(ratio(acc.reached, row.employees));
    row.costShare =
      totalParticipantHours > 0 ? round2((courseCosts * acc.participantHours) / totalParticipantHours) : 0;
  }
  return ordered.map((a) => a.row);
}

function courseRows(input: ReportInput, yearCourses: Set<string>, attended: Attended): CourseReportRow[] {
  const confirmed = new Map<string, Set<string>>();
  const waiting = new Map<string, number>();
  const idByEmail = new Map(input.employees.map((e) => [normalizeEmail(e.email), e.id]));
  for (const e of input.enrollments) {
    if (e.status === WAITING) add(waiting, e.course, 1);
    if (e.status !== CONFIRMED) continue;
    const who = e.employeeId || idByEmail.get(normalizeEmail(e.email)) || `@${normalizeEmail(e.email)}`;
    const set = confirmed.get(e.course) ?? new Set<string>();
    set.add(who);
    confirmed.set(e.course, set);
  }
  const held = new Set<string>();
  for (const s of input.sessions) {
    if (s.status !== CANCELLED_SESSION && `${s.date} ${s.end}` <= input.now) held.add(s.course);
  }
  const certificates = new Map<string, number>();
  for (const c of input.certificates) add(certificates, c.course, 1);
  const feedbackSum = new Map<string, number>();
  const feedbackCount = new Map<string, number>();
  for (const f of input.feedback ?? []) {
    if (!Number.isFinite(f.score)) continue;
    add(feedbackSum, f.course, f.score);
    add(feedbackCount, f.course, 1);
  }
  const out: CourseReportRow[] = [];
  for (const c of input.courses) {
    if (!yearCourses.has(c.code)) continue;
    const enrolled = confirmed.get(c.code) ?? new Set<string>();
    const hours = round2(attended.courseHours.get(c.code) ?? 0);
    let absentees = 0;
    if (held.has(c.code)) {
      for (const who of enrolled)
        if (!((attended.byCourseEmployee.get(`${c.code}\u0000${who}`) ?? 0) > 0)) absentees += 1;
    }
    const votes = feedbackCount.get(c.code) ?? 0;
    out.push({
      code: c.code,
      title: c.title,
      seats: c.seats,
      confirmed: enrolled.size,
      waiting: waiting.get(c.code) ?? 0,
      fillRate: round4(ratio(enrolled.size, c.seats)),
      attendanceRate: round4(ratio(hours, enrolled.size * c.hours)),
      absentees,
      certificates: certificates.get(c.code) ?? 0,
      satisfaction: votes > 0 ? round2((feedbackSum.get(c.code) ?? 0) / votes) : null,
      cost: c.cost,
      costPerParticipantHour: hours > 0 ? round2(c.cost / hours) : null,
    });
  }
  return out;
}

/** Every report of the year, computed in one linear pass over each input. */
export function computeReports(input: ReportInput): Reports {
  const attended = attendedHours(input);
  const external = externalHoursByEmail(input);
  const yearCourses = coursesOfYear(input.courses, input.sessions, input.year);
  const costed = input.courses.filter((c) => yearCourses.has(c.code) && c.status !== CANCELLED_COURSE);
  const courseCosts = round2(costed.reduce((n, c) => n + c.cost, 0));
  const costedCodes = new Set(costed.map((c) => c.code));
  const participantHours = round2(costed.reduce((n, c) => n + (attended.courseHours.get(c.code) ?? 0), 0));
  const participantHoursByEmployee = new Map<string, number>();
  for (const [key, hours] of attended.byCourseEmployee) {
    const [course, employee] = key.split('\u0000') as [string, string];
    if (costedCodes.has(course)) add(participantHoursByEmployee, employee, hours);
  }
  const employees = employeeRows(input, attended, external);
  const feesDue = round2(input.comuni.reduce((n, c) => n + c.annualFee, 0));
  const feesPaid = round2(input.comuni.reduce((n, c) => n + (c.feePaid ? c.annualFee : 0), 0));
  return {
    year: input.year,
    pastYears: (input.pastYears ?? []).map((p) => p.year),
    targetHours: input.targetHours,
    employees,
    comuni: comuneRows(input, employees, participantHoursByEmployee, courseCosts),
    courses: courseRows(input, yearCourses, attended),
    balance: {
      feesDue,
      feesPaid,
      courseCosts,
      saldo: round2(feesPaid - courseCosts),
      costPerParticipantHour: participantHours > 0 ? round2(courseCosts / participantHours) : null,
    },
  };
}
