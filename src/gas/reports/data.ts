/**
 * The reports' input: each source tab read once (one `getSheetValues` each, through `readTable`) and
 * reduced to the plain data the core computes from.
 */
import type { ReportInput } from '../../core/reports/compute';
import { countedRows, registryLeftOut, type LeftOutRow } from '../../core/registry/left-out';
import { TAB } from '../../core/registry/tabs';
import { readFeedbackScores } from '../feedback/form';
import { crossCheckTables } from '../registry/problems';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { archivedHours } from '../years/archives';

export interface ReportSource {
  input: ReportInput;
  /**
   * Rows left out because they need fixing (as the sidebar's "Da correggere" lists them): their own
   * values or a reference to another tab are wrong, or they belong to a comune whose row is wrong.
   */
  leftOut: LeftOutRow[];
  /** The calendar month of the run in the spreadsheet's zone, `yyyy-MM`: the summaries' period. */
  period: string;
}

function records<T>(rows: ReadonlyArray<{ record: T }>): T[] {
  return rows.map((r) => r.record);
}

export function readReportSource(): ReportSource {
  const settings = readSettings();
  const comuni = readTable(TAB.comuni);
  const employees = readTable(TAB.dipendenti);
  const courses = readTable(TAB.corsi);
  const sessions = readTable(TAB.sessioni);
  const enrollments = readTable(TAB.iscrizioni);
  const attendance = readTable(TAB.presenze);
  const certificates = readTable(TAB.attestati);
  const external = readTable(TAB.formazioneEsterna);
  const tables = [comuni, employees, courses, sessions, enrollments, attendance, certificates, external];
  const leftOut = registryLeftOut(
    [...tables.flatMap((t) => t.problems), ...crossCheckTables({ comuni, employees, courses, sessions, enrollments })],
    comuni.rows,
    employees.rows,
  );
  const counted = <T>(tab: string, rows: ReadonlyArray<{ row: number; record: T }>): T[] =>
    records(countedRows(tab, rows, leftOut));
  const now = new Date();
  return {
    input: {
      year: settings.year,
      targetHours: settings.targetHours,
      now: formatInSpreadsheetZone(now, 'yyyy-MM-dd HH:mm'),
      comuni: counted(TAB.comuni, comuni.rows),
      employees: counted(TAB.dipendenti, employees.rows),
      courses: counted(TAB.corsi, courses.rows),
      sessions: counted(TAB.sessioni, sessions.rows),
      enrollments: counted(TAB.iscrizioni, enrollments.rows),
      attendance: counted(TAB.presenze, attendance.rows),
      certificates: counted(TAB.attestati, certificates.rows),
      externalTraining: counted(TAB.formazioneEsterna, external.rows),
      feedback: readFeedbackScores(settings),
      pastYears: archivedHours().filter((p) => p.year < settings.year),
    },
    leftOut: leftOut.filter((l) => l.row > 1),
    period: formatInSpreadsheetZone(now, 'yyyy-MM'),
  };
}
