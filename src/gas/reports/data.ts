/**
 * The reports' input: each source tab read once (one `getSheetValues` each, through `readTable`) and
 * reduced to the plain data the core computes from.
 */
import type { ReportInput } from '../../core/reports/compute';
import { TAB } from '../../core/registry/tabs';
import { readFeedbackScores } from '../feedback/form';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';

export interface ReportSource {
  input: ReportInput;
  /** Rows skipped because they need fixing (listed in the sidebar's "Da correggere"). */
  skippedRows: number;
  /** The calendar month of the run in the spreadsheet's zone, `yyyy-MM`: the summaries' period. */
  period: string;
}

function records<T>(table: { rows: Array<{ record: T }> }): T[] {
  return table.rows.map((r) => r.record);
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
  const now = new Date();
  return {
    input: {
      year: settings.year,
      targetHours: settings.targetHours,
      now: formatInSpreadsheetZone(now, 'yyyy-MM-dd HH:mm'),
      comuni: records(comuni),
      employees: records(employees),
      courses: records(courses),
      sessions: records(sessions),
      enrollments: records(enrollments),
      attendance: records(attendance),
      certificates: records(certificates),
      externalTraining: records(external),
      feedback: readFeedbackScores(settings),
    },
    skippedRows: tables.reduce((n, t) => n + new Set(t.problems.filter((p) => p.row > 1).map((p) => p.row)).size, 0),
    period: formatInSpreadsheetZone(now, 'yyyy-MM'),
  };
}
