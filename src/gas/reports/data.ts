/**
 * The reports' input on the add-on's side: each source tab read once (one `getSheetValues` each,
 * through `readTable`), the questionnaire's scores and the archives' hours, put together by the core.
 */
import { buildReportSource, type ReportSource } from '../../core/reports/source';
import { TAB } from '../../core/registry/tabs';
import { readFeedbackScores } from '../feedback/form';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { archivedHours } from '../years/archives';

export function readReportSource(): ReportSource {
  const settings = readSettings();
  const tables = {
    comuni: readTable(TAB.comuni),
    employees: readTable(TAB.dipendenti),
    courses: readTable(TAB.corsi),
    sessions: readTable(TAB.sessioni),
    enrollments: readTable(TAB.iscrizioni),
    attendance: readTable(TAB.presenze),
    certificates: readTable(TAB.attestati),
    external: readTable(TAB.formazioneEsterna),
  };
  return buildReportSource(tables, {
    settings,
    feedback: readFeedbackScores(settings),
    pastYears: archivedHours(),
    now: formatInSpreadsheetZone(new Date(), 'yyyy-MM-dd HH:mm'),
  });
}
