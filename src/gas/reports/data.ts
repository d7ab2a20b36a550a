/**
 * The reports' input on the add-on's side: the source tabs read together through the Sheets API
 * (`readTablesTogether`: at 10,000 employees `Iscrizioni` alone is 400,000 cells, which one `getValues`
 * after another moved in 15 s), the questionnaire's scores and the archives' hours, put together by the
 * core.
 */
import { buildReportSource, REPORT_SOURCE_TABS, reportTablesOf, type ReportSource } from '../../core/reports/source';
import { readFeedbackScores } from '../feedback/form';
import { readTablesTogether } from '../registry/api-tables';
import { readSettings } from '../registry/settings';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { archivedHours } from '../years/archives';

export function readReportSource(): ReportSource {
  const settings = readSettings();
  const read = readTablesTogether(REPORT_SOURCE_TABS);
  return buildReportSource(reportTablesOf(read), {
    settings,
    feedback: readFeedbackScores(settings),
    pastYears: archivedHours(),
    now: formatInSpreadsheetZone(new Date(), 'yyyy-MM-dd HH:mm'),
  });
}
