/**
 * The sidebar's dashboard, in one server round trip and at most 12 Spreadsheet calls whatever the size
 * of the registry: every tab staff type in is read once (its validation gives the "Da correggere"
 * list), the settings come from the read the staff check already made, and (as a read-only action)
 * the spreadsheet's zone from Script Properties, remembered by Configura and the daily run.
 */
import { countedRows, leftOutSentence, registryLeftOut } from '../../core/registry/left-out';
import type { Problem } from '../../core/registry/schemas';
import { ENROLLMENT_STATUS, COURSE_STATUS, TAB } from '../../core/registry/tabs';
import { PROP_FORM_URL } from '../enrollment/form';
import { readProperty } from '../platform/properties';
import { jobsProgress } from '../jobs/runner';
import { parkedMailCount, pendingMailCount } from '../mail/outbox';
import { callerEmail } from '../platform/auth';
import { crossCheckTables, orderProblems, tryRead } from '../registry/problems';
import { readSettings, settingsProblems } from '../registry/settings';
import { MissingTabError } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { courseSummaries, nextSessions } from '../../core/dashboard/summaries';
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

export function buildDashboard(): Dashboard {
  const problems: Problem[] = [];
  const settings = dashboardSettings();
  if (!settings)
    problems.push({
      tab: TAB.impostazioni,
      row: 0,
      column: '',
      message: new MissingTabError(TAB.impostazioni).message,
    });
  else problems.push(...settings.problems);
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
  const counted = <T>(tab: string, table: { rows: ReadonlyArray<{ row: number; record: T }> } | null): T[] =>
    countedRows(tab, table?.rows ?? [], leftOut).map((r) => r.record);
  const courseList = counted(TAB.corsi, courses);
  const enrollmentList = counted(TAB.iscrizioni, enrollments);
  const employeeList = counted(TAB.dipendenti, employees);
  const comuneList = counted(TAB.comuni, comuni);
  const sessionList = counted(TAB.sessioni, sessions);
  const unpaid = comuneList.filter((c) => !c.feePaid).map((c) => c.name);
  const now = new Date();
  const today = formatInSpreadsheetZone(now, 'yyyy-MM-dd');
  return {
    user: callerEmail(),
    at: now.toISOString(),
    atText: formatInSpreadsheetZone(now, 'dd/MM/yyyy HH:mm'),
    counts: {
      coursesByStatus: countBy(courseList, (c) => c.status, COURSE_STATUS),
      enrollmentsByStatus: countBy(enrollmentList, (e) => e.status, ENROLLMENT_STATUS),
      employees: employeeList.length,
      activeEmployees: employeeList.filter((e) => e.active).length,
      comuni: comuneList.length,
      comuniUnpaid: unpaid.length,
    },
    unpaidComuni: unpaid,
    nextSessions: nextSessions(sessionList, courseList, enrollmentList, today),
    courses: courseSummaries(courseList, enrollmentList, sessionList),
    jobs: jobsProgress(),
    pendingMails: pendingMailCount(),
    parkedMails: parkedMailCount(),
    problems: orderProblems(problems),
    leftOut,
    leftOutText: leftOutSentence(leftOut),
    formUrl: readProperty(PROP_FORM_URL) ?? '',
    settings: settings?.settings ?? null,
  };
}
