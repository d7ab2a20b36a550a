/**
 * The sidebar's dashboard, in one server round trip and at most 12 Spreadsheet calls whatever the size
 * of the registry: every tab staff type in is read once (its validation gives the "Da correggere"
 * list), the settings come from the read the staff check already made, and (as a read-only action)
 * the spreadsheet's zone from Script Properties, remembered by Configura and the daily run.
 */
import { crossCheck } from '../../core/registry/checks';
import {
  countedRows,
  leftOutRows,
  leftOutSentence,
  registryLeftOut,
  type LeftOutRow,
} from '../../core/registry/left-out';
import type { Comune, Course, Problem, Session } from '../../core/registry/schemas';
import { normalizeKey } from '../../core/text';
import { currentFigures } from '../figures/current';
import { ENROLLMENT_STATUS, COURSE_STATUS, TAB } from '../../core/registry/tabs';
import { PROP_FORM_URL } from '../enrollment/form';
import { readProperty } from '../platform/properties';
import { jobsProgress } from '../jobs/runner';
import { parkedMailCount, pendingMailCount } from '../mail/outbox';
import { callerEmail } from '../platform/auth';
import { crossCheckTables, orderProblems, tryRead } from '../registry/problems';
import { readSettings, settingsProblems } from '../registry/settings';
import { columnTexts, MissingTabError } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { courseSummaries, nextSessions, tallyEnrollments, type EnrollmentTally } from '../../core/dashboard/summaries';
import type { Dashboard, DashboardSettings } from './types';

function zeroCounts(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

function countBy<T>(records: readonly T[], key: (r: T) => string, keys: readonly string[]): Record<string, number> {
  const counts = zeroCounts(keys);
  for (const r of records) {
    const k = key(r);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

function dashboardSettings(): { settings: DashboardSettings; problems: Problem[] } | null {
  try {
    const s = readSettings();
    return {
      settings: {
        year: s.year,
        targetHours: s.targetHours,
        defaultThreshold: s.defaultThreshold,
        requireFeePaid: s.requireFeePaid,
        referentApproval: s.referentApproval,
        maxSeatsPerComune: s.maxSeatsPerComune,
        reminderDaysBefore: s.reminderDaysBefore,
        staffNotificationEmail: s.staffNotificationEmail,
        calendarConfigured: s.calendarId !== '',
        templateConfigured: s.templateDocId !== '',
      },
      // The header row's problem is already reported by the tab read itself.
      problems: settingsProblems().filter((p) => p.row !== 1),
    };
  } catch (error) {
    if (error instanceof MissingTabError) return null;
    throw error;
  }
}

interface Figures {
  problems: Problem[];
  leftOut: LeftOutRow[];
  comuni: Comune[];
  courses: Course[];
  sessions: Session[];
  tally: EnrollmentTally;
  employees: number;
  activeEmployees: number;
}

function assemble(figures: Figures, settings: DashboardSettings | null): Dashboard {
  const unpaid = figures.comuni.filter((c) => !c.feePaid).map((c) => c.name);
  const enrollmentsByStatus = zeroCounts(ENROLLMENT_STATUS);
  for (const byStatus of Object.values(figures.tally))
    for (const [status, n] of Object.entries(byStatus))
      enrollmentsByStatus[status] = (enrollmentsByStatus[status] ?? 0) + n;
  const now = new Date();
  const today = formatInSpreadsheetZone(now, 'yyyy-MM-dd');
  return {
    user: callerEmail(),
    at: now.toISOString(),
    atText: formatInSpreadsheetZone(now, 'dd/MM/yyyy HH:mm'),
    counts: {
      coursesByStatus: countBy(figures.courses, (c) => c.status, COURSE_STATUS),
      enrollmentsByStatus,
      employees: figures.employees,
      activeEmployees: figures.activeEmployees,
      comuni: figures.comuni.length,
      comuniUnpaid: unpaid.length,
    },
    unpaidComuni: unpaid,
    nextSessions: nextSessions(figures.sessions, figures.courses, figures.tally, today),
    courses: courseSummaries(figures.courses, figures.tally, figures.sessions),
    jobs: jobsProgress(),
    pendingMails: pendingMailCount(),
    parkedMails: parkedMailCount(),
    problems: orderProblems(figures.problems),
    leftOut: figures.leftOut,
    leftOutText: leftOutSentence(figures.leftOut),
    formUrl: readProperty(PROP_FORM_URL) ?? '',
    settings,
  };
}

type Rows<T> = { rows: ReadonlyArray<{ row: number; record: T }> } | null;

function countedRecords<T>(tab: string, table: Rows<T>, leftOut: readonly LeftOutRow[]): T[] {
  return countedRows(tab, table?.rows ?? [], leftOut).map((r) => r.record);
}

/** Every tab read whole: the way when the figures record cannot answer (a tab missing, a reference broken). */
function fromTables(settingsProblems: readonly Problem[]): Figures {
  const problems: Problem[] = [...settingsProblems];
  const comuni = tryRead(TAB.comuni, problems);
  const employees = tryRead(TAB.dipendenti, problems);
  const courses = tryRead(TAB.corsi, problems);
  const sessions = tryRead(TAB.sessioni, problems);
  const enrollments = tryRead(TAB.iscrizioni, problems);
  // Read for their problems only.
  tryRead(TAB.presenze, problems);
  tryRead(TAB.formazioneEsterna, problems);
  problems.push(...crossCheckTables({ comuni, employees, courses, sessions, enrollments }));
  // The figures follow the reports' rule: a row to fix counts nowhere, and the dashboard says which.
  const leftOut = registryLeftOut(problems, comuni?.rows ?? null, employees?.rows ?? []);
  const employeeList = countedRecords(TAB.dipendenti, employees, leftOut);
  return figuresOf(
    problems,
    leftOut,
    { comuni, courses, sessions },
    {
      tally: tallyEnrollments(countedRecords(TAB.iscrizioni, enrollments, leftOut)),
      employees: employeeList.length,
      activeEmployees: employeeList.filter((e) => e.active).length,
    },
  );
}

/**
 * The figures either way ends in: the small tabs' rows that count, beside the big tabs' counts (made from
 * their rows, or taken from the figures record).
 */
function figuresOf(
  problems: Problem[],
  leftOut: LeftOutRow[],
  small: { comuni: Rows<Comune>; courses: Rows<Course>; sessions: Rows<Session> },
  counts: Pick<Figures, 'tally' | 'employees' | 'activeEmployees'>,
): Figures {
  return {
    problems,
    leftOut,
    comuni: countedRecords(TAB.comuni, small.comuni, leftOut),
    courses: countedRecords(TAB.corsi, small.courses, leftOut),
    sessions: countedRecords(TAB.sessioni, small.sessions, leftOut),
    ...counts,
  };
}

/**
 * The same figures from the small tabs read whole and the big ones from the figures record, with the
 * checks across tabs in the order the whole reading makes them. Null when a check across tabs flags a
 * row of a big tab (an unknown comune or course): only the whole reading can say which row.
 */
function fromRecord(settingsProblems: readonly Problem[]): Figures | null {
  const problems: Problem[] = [...settingsProblems];
  const comuni = tryRead(TAB.comuni, problems);
  const recorded = currentFigures();
  const employees = recorded?.[TAB.dipendenti];
  const enrollments = recorded?.[TAB.iscrizioni];
  const attendance = recorded?.[TAB.presenze];
  const external = recorded?.[TAB.formazioneEsterna];
  if (!employees || !enrollments || !attendance || !external) return null;
  problems.push(...employees.problems);
  const courses = tryRead(TAB.corsi, problems);
  const sessions = tryRead(TAB.sessioni, problems);
  problems.push(...enrollments.problems, ...attendance.problems, ...external.problems);
  if (comuni) {
    problems.push(...crossCheck({ comuni: comuni.rows, typedComuni: columnTexts(comuni, 'name') }));
    const names = new Set([...comuni.rows.map((c) => c.record.name), ...columnTexts(comuni, 'name')].map(normalizeKey));
    if (employees.comuneKeys.some((k) => !names.has(k))) return null;
  }
  problems.push(...employees.emailDuplicates);
  if (courses) {
    problems.push(
      ...crossCheck({
        courses: courses.rows,
        ...(sessions && { sessions: sessions.rows }),
        typedCourses: columnTexts(courses, 'code'),
      }),
    );
    const codes = new Set([
      ...courses.rows.map((c) => c.record.code),
      ...columnTexts(courses, 'code').map((c) => c.trim()),
    ]);
    if (Object.keys(enrollments.tally).some((code) => !codes.has(code))) return null;
  }
  const leftOut = leftOutRows(problems);
  if (comuni) {
    const counted = new Set(countedRecords(TAB.comuni, comuni, leftOut).map((c) => normalizeKey(c.name)));
    if (employees.comuneKeys.some((k) => !counted.has(k))) return null;
  }
  return figuresOf(
    problems,
    leftOut,
    { comuni, courses, sessions },
    {
      tally: enrollments.tally,
      employees: employees.counted,
      activeEmployees: employees.active,
    },
  );
}

export function buildDashboard(): Dashboard {
  const settings = dashboardSettings();
  const settingsProblems: Problem[] = settings
    ? settings.problems
    : [{ tab: TAB.impostazioni, row: 0, column: '', message: new MissingTabError(TAB.impostazioni).message }];
  const figures = (settings && fromRecord(settingsProblems)) || fromTables(settingsProblems);
  return assemble(figures, settings?.settings ?? null);
}
