/**
 * The `summaries` job: Invia riepilogo ai comuni run from Node through googleapis, with the add-on's own
 * core (the reports' input and figures, who gets a summary, its Italian text, its dedupe key), so the
 * add-on and the worker send the same mails and either finishes a month the other started.
 *
 * - What only the add-on holds (the page links' signing secret, the archives, the questionnaire) comes
 *   from one `scripts.run` of `getWorkerContext`; the secret never leaves Apps Script.
 * - The mail record is `Registro` (`src/core/reports/summary-record.ts`): read after that call (which
 *   moves a month half-sent under the add-on's old property into it), a comune recorded for the period
 *   is skipped, and each Gmail send is followed at once by its own `Riepilogo inviato` line. A send
 *   whose line cannot be written stops the job, so the record never falls more than one mail behind.
 * - Requests are retried with backoff on 429/5xx (Google's advice for Gmail's `rateLimitExceeded` and
 *   `backendError` too); the daily sending limit stops the job at once, the rest left for a later run.
 * - Cloud Run tasks share the comuni by their key, as the calendar shares the courses.
 */
import { computeReports } from '../core/reports/compute';
import { buildReportSource, REPORT_SOURCE_TABS, reportTablesOf } from '../core/reports/source';
import { comuneSummaries, summaryEnvelope, type ComuneSummary } from '../core/reports/summary';
import { recordedSummaryKeys, SUMMARY_SENT, summaryRecordDetails } from '../core/reports/summary-record';
import { pastYearsFromJson } from '../core/reports/worker-context';
import { TAB } from '../core/registry/tabs';
import { workerContext } from './add-on';
import { sleep, type Connection } from './google';
import { appendLog, formatInZone, readTables, settingsFrom } from './registry';
import { errorText, isDailyLimit, statusOf, withRetries, type Wait } from './retry';
import { shardOf, type Shard } from './shard';
import { sendSummaryMail } from './summaries-mail';

export interface SummariesJobOptions {
  spreadsheetId: string;
  /** The month whose summaries go (`yyyy-MM`); the current month on the spreadsheet's clock by default. */
  period?: string;
  shard: Shard;
  now?: Date;
  /** Who the Registro names, and the sending address when it is one (the account the worker acts as). */
  actor: string;
  wait?: Wait;
  /** One line per mail sent, as it goes. */
  log?: (line: string) => void;
}

export interface SummariesJobResult {
  period: string;
  /** Summaries this task had to look after (its share of the comuni with a referent and staff). */
  total: number;
  sent: number;
  /** Comuni already recorded in Registro for the period (by the add-on or an earlier run). */
  already: number;
  /** Why the job stopped before the end (the daily limit, a lasting fault), with the summaries left. */
  stopped: { reason: string; left: number } | null;
  /** Summaries Gmail refused (a malformed address): the others went on. */
  failed: Array<{ comune: string; error: string }>;
}

export async function runSummariesJob(conn: Connection, options: SummariesJobOptions): Promise<SummariesJobResult> {
  const now = options.now ?? new Date();
  const wait = options.wait ?? sleep;
  const log = options.log ?? (() => undefined);
  const period = options.period ?? formatInZone(now, 'yyyy-MM');
  const tables = await readTables(conn.sheets, options.spreadsheetId, [...REPORT_SOURCE_TABS, TAB.impostazioni], wait);
  const settings = settingsFrom(tables[TAB.impostazioni], now);
  const istats = tables[TAB.comuni].rows.map((r) => r.record.istat).filter((istat) => istat !== '');
  const context = await workerContext(conn, conn.scriptId, { istats, period }, wait);
  // Registro is read after the add-on answered: a month half-sent under its old property is in it now.
  const registro = (await readTables(conn.sheets, options.spreadsheetId, [TAB.registro], wait))[TAB.registro];
  const source = buildReportSource(reportTablesOf(tables), {
    settings,
    feedback: context.feedback,
    pastYears: pastYearsFromJson(context.pastYears),
    now: formatInZone(now, 'yyyy-MM-dd HH:mm'),
  });
  const reports = computeReports(source.input);
  const summaries = comuneSummaries(reports, period, (c) => context.pageLinks[c.istat] ?? null).filter((s) =>
    shardOf(s.comune, options.shard),
  );
  const recorded = recordedSummaryKeys(
    registro.rows.map((r) => r.record),
    period,
  );
  const envelope = summaryEnvelope(settings);
  const fromAddress = options.actor.includes('@') ? options.actor : '';

  const result: SummariesJobResult = {
    period,
    total: summaries.length,
    sent: 0,
    already: 0,
    stopped: null,
    failed: [],
  };
  const todo: ComuneSummary[] = [];
  for (const s of summaries) {
    if (recorded.has(s.dedupeKey)) result.already += 1;
    else todo.push(s);
  }
  for (const [i, s] of todo.entries()) {
    try {
      await withRetries(wait, () =>
        sendSummaryMail(conn, {
          to: s.to,
          fromAddress,
          fromName: envelope.name,
          replyTo: envelope.replyTo,
          subject: s.subject,
          body: s.body,
          htmlBody: s.htmlBody,
        }),
      );
    } catch (error) {
      const status = statusOf(error);
      if (status >= 400 && status < 500 && status !== 429 && !isDailyLimit(error)) {
        result.failed.push({ comune: s.name, error: errorText(error) });
        continue;
      }
      result.stopped = {
        reason: isDailyLimit(error)
          ? 'limite giornaliero di invio di Gmail raggiunto'
          : `Gmail non risponde (${errorText(error)})`,
        left: todo.length - i,
      };
      break;
    }
    // Right after the send: the record is at most this one mail behind, and a failure here stops the job.
    await withRetries(wait, () =>
      appendLog(conn.sheets, options.spreadsheetId, {
        who: options.actor,
        action: SUMMARY_SENT,
        details: summaryRecordDetails(s),
        at: new Date(),
      }),
    );
    result.sent += 1;
    log(`riepilogo ${s.dedupeKey} inviato a ${s.to}`);
  }
  return result;
}
