/**
 * The reports' input, built the same way by the add-on and the worker from the registry's decoded tabs:
 * rows that need fixing (their own values, a wrong reference, or a comune whose row is wrong) are left
 * out of the figures and listed, as the sidebar's "Da correggere" lists them.
 */
import { crossCheckTables } from '../registry/checks';
import type { DecodedTable, RecordByTab } from '../registry/codec';
import { countedRows, registryLeftOut, type LeftOutRow } from '../registry/left-out';
import type { Settings } from '../registry/schemas';
import { TAB } from '../registry/tabs';
import type { ReportFeedback, ReportInput } from './compute';

export interface ReportSource {
  input: ReportInput;
  /** Rows left out because they need fixing (tab, row, first reason); the header row never is one. */
  leftOut: LeftOutRow[];
  /** The calendar month of the run in the spreadsheet's zone, `yyyy-MM`: the summaries' period. */
  period: string;
}

type Decoded<N extends keyof RecordByTab> = DecodedTable<RecordByTab[N]>;

export interface ReportTables {
  comuni: Decoded<typeof TAB.comuni>;
  employees: Decoded<typeof TAB.dipendenti>;
  courses: Decoded<typeof TAB.corsi>;
  sessions: Decoded<typeof TAB.sessioni>;
  enrollments: Decoded<typeof TAB.iscrizioni>;
  attendance: Decoded<typeof TAB.presenze>;
  certificates: Decoded<typeof TAB.attestati>;
  external: Decoded<typeof TAB.formazioneEsterna>;
}

/** The registry tabs the reports read, in `ReportTables` order (one batch read on the worker's side). */
export const REPORT_SOURCE_TABS = [
  TAB.comuni,
  TAB.dipendenti,
  TAB.corsi,
  TAB.sessioni,
  TAB.iscrizioni,
  TAB.presenze,
  TAB.attestati,
  TAB.formazioneEsterna,
] as const;

/** The report tabs as read, each by its tab name. */
export type ReportTabsRead = { [N in (typeof REPORT_SOURCE_TABS)[number]]: Decoded<N> };

/** The tabs read by name, as `buildReportSource` takes them: the one mapping both sides use. */
export function reportTablesOf(read: ReportTabsRead): ReportTables {
  return {
    comuni: read[TAB.comuni],
    employees: read[TAB.dipendenti],
    courses: read[TAB.corsi],
    sessions: read[TAB.sessioni],
    enrollments: read[TAB.iscrizioni],
    attendance: read[TAB.presenze],
    certificates: read[TAB.attestati],
    external: read[TAB.formazioneEsterna],
  };
}

export interface ReportContext {
  settings: Pick<Settings, 'year' | 'targetHours'>;
  feedback: ReportFeedback[];
  /** Each closed year's hours per employee, from the archives (years before `settings.year` count). */
  pastYears: NonNullable<ReportInput['pastYears']>;
  /** The run's time on the spreadsheet's wall clock, `yyyy-MM-dd HH:mm`. */
  now: string;
}

export function buildReportSource(tables: ReportTables, context: ReportContext): ReportSource {
  const { comuni, employees, courses, sessions, enrollments, attendance, certificates, external } = tables;
  const all = [comuni, employees, courses, sessions, enrollments, attendance, certificates, external];
  const leftOut = registryLeftOut(
    [...all.flatMap((t) => t.problems), ...crossCheckTables({ comuni, employees, courses, sessions, enrollments })],
    comuni.rows,
    employees.rows,
  );
  const counted = <T>(tab: string, rows: ReadonlyArray<{ row: number; record: T }>): T[] =>
    countedRows(tab, rows, leftOut).map((r) => r.record);
  return {
    input: {
      year: context.settings.year,
      targetHours: context.settings.targetHours,
      now: context.now,
      comuni: counted(TAB.comuni, comuni.rows),
      employees: counted(TAB.dipendenti, employees.rows),
      courses: counted(TAB.corsi, courses.rows),
      sessions: counted(TAB.sessioni, sessions.rows),
      enrollments: counted(TAB.iscrizioni, enrollments.rows),
      attendance: counted(TAB.presenze, attendance.rows),
      certificates: counted(TAB.attestati, certificates.rows),
      externalTraining: counted(TAB.formazioneEsterna, external.rows),
      feedback: context.feedback,
      pastYears: context.pastYears.filter((p) => p.year < context.settings.year),
    },
    leftOut: leftOut.filter((l) => l.row > 1),
    period: context.now.slice(0, 7),
  };
}
