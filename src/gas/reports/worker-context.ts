/**
 * `getWorkerContext`, called by the worker through the Apps Script API `scripts.run`: what only the
 * add-on holds, computed here so the signing secret and the archives' ids never leave Apps Script and
 * the worker repeats none of those rules (`src/core/reports/worker-context.ts`). Staff only, like every
 * server function; the worker's account must be staff of the academy.
 */
import { slashedDate } from '../../core/text';
import { isSummaryPeriod } from '../../core/reports/summary-record';
import { pastYearsToJson, type WorkerContext } from '../../core/reports/worker-context';
import { summaryPageLinks } from '../comune-page/links';
import { readFeedbackScores } from '../feedback/form';
import { serverAction } from '../platform/entry';
import { readSettings } from '../registry/settings';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { archivedHours } from '../years/archives';
import { legacySummariesStored, migrateLegacySummaries, readSummaryRecord } from './summaries';

export interface WorkerContextRequest {
  /** The comuni whose page links the worker needs (ISTAT codes; others are ignored). */
  istats: string[];
  /** The summaries' period the worker is about to send (`yyyy-MM`), or '' when it sends none. */
  period: string;
}

export const getWorkerContext = serverAction('Dati per il worker', (request: WorkerContextRequest): WorkerContext => {
  const istats = Array.isArray(request?.istats) ? request.istats.map(String) : [];
  const period = String(request?.period ?? '');
  // The worker reads Registro right after this call: a month half-sent under the old property must be
  // in Registro by then, or it would send those comuni a second summary.
  if (isSummaryPeriod(period) && legacySummariesStored()) migrateLegacySummaries(readSummaryRecord(period));
  const link = summaryPageLinks(istats, Date.now(), (ms) =>
    slashedDate(formatInSpreadsheetZone(new Date(ms), 'yyyy-MM-dd')),
  );
  const pageLinks: WorkerContext['pageLinks'] = {};
  for (const istat of istats) {
    const made = link({ istat });
    if (made) pageLinks[istat] = made;
  }
  return {
    pageLinks,
    pastYears: pastYearsToJson(archivedHours()),
    feedback: readFeedbackScores(readSettings()),
  };
});
