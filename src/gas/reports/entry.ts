/**
 * Aggiorna report and Invia riepilogo ai comuni (docs/product.md, workflow 8): each source tab read once,
 * the reports computed in the core, each report tab written in one batch.
 */
import { computeReports, type Balance } from '../../core/reports/compute';
import { reportTabs } from '../../core/reports/layout';
import { comuneSummaries, periodLabel, summaryEnvelope, summaryExclusions } from '../../core/reports/summary';
import { leftOutSentence, type LeftOutRow } from '../../core/registry/left-out';
import { formatNumberIt, slashedDate } from '../../core/text';
import { summaryPageLinks } from '../comune-page/links';
import { serverAction } from '../platform/entry';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { flushLog, logEvent } from '../registry/log';
import { flushMail } from '../mail/outbox';
import { readSettings } from '../registry/settings';
import { readReportSource } from './data';
import { deliverSummaries, migrateLegacySummaries, readSummaryRecord } from './summaries';
import { writeReportTabs } from './write';

export interface ReportsSummary {
  message: string;
  year: number;
  targetHours: number;
  employees: number;
  employeesAtTarget: number;
  comuni: number;
  courses: number;
  totalHours: number;
  balance: Balance;
  /** How many rows were left out because they need fixing, and which (tab, row, first reason). */
  skippedRows: number;
  leftOut: LeftOutRow[];
}

function euro(n: number): string {
  return `${formatNumberIt(n, 2)} €`;
}

/** Aggiorna report: rewrites `Report dipendenti`, `Report comuni`, `Report corsi` and `Bilancio`. */
export const refreshReports = serverAction('Aggiorna report', (): ReportsSummary => {
  const source = readReportSource();
  const reports = computeReports(source.input);
  const leftOut = leftOutSentence(source.leftOut);
  writeReportTabs(reportTabs(reports), leftOut);
  const atTarget = reports.employees.filter((e) => e.active && e.reached).length;
  const active = reports.employees.filter((e) => e.active).length;
  const totalHours = Math.round(reports.comuni.reduce((n, c) => n + c.hours, 0) * 100) / 100;
  const message =
    `Report ${reports.year} aggiornati: ${active} dipendenti, ${atTarget} all'obiettivo di ${reports.targetHours} ore; ` +
    `${reports.courses.length} corsi; saldo ${euro(reports.balance.saldo)}.${leftOut ? ` ${leftOut}` : ''}`;
  logEvent(
    'Report aggiornati',
    `anno ${reports.year}: ${reports.employees.length} dipendenti, ${reports.comuni.length} comuni, ${reports.courses.length} corsi`,
  );
  return {
    message,
    year: reports.year,
    targetHours: reports.targetHours,
    employees: active,
    employeesAtTarget: atTarget,
    comuni: reports.comuni.length,
    courses: reports.courses.length,
    totalHours,
    balance: reports.balance,
    skippedRows: source.leftOut.length,
    leftOut: source.leftOut,
  };
});

export interface SummariesResult {
  message: string;
  period: string;
  queued: number;
  alreadySent: number;
  sent: number;
  pending: number;
  deferred: number;
}

/** Invia riepilogo ai comuni: one mail per comune's referent, at most once a month. */
export const sendComuniSummaries = serverAction('Invia riepilogo ai comuni', (): SummariesResult => {
  const source = readReportSource();
  const settings = readSettings();
  const reports = computeReports(source.input);
  const pageLink = summaryPageLinks(
    reports.comuni.map((c) => c.istat),
    Date.now(),
    (ms) => slashedDate(formatInSpreadsheetZone(new Date(ms), 'yyyy-MM-dd')),
  );
  const summaries = comuneSummaries(reports, source.period, pageLink);
  const record = readSummaryRecord(source.period);
  migrateLegacySummaries(record);
  const run = deliverSummaries(summaries, record.keys, summaryEnvelope(settings));
  if (run.queued > 0) logEvent('Riepilogo comuni', `${source.period}: ${run.queued} riepiloghi accodati`);
  if (run.deferred > 0) logEvent('Riepilogo comuni', `${source.period}: ${run.deferred} rinviati (${run.deferReason})`);
  flushLog();
  const flush = flushMail();
  const month = periodLabel(source.period);
  const parts: string[] = [];
  if (summaries.length === 0)
    parts.push('Nessun comune con referente e dipendenti attivi: nessun riepilogo da inviare.');
  else if (run.queued === 0 && run.deferred === 0)
    parts.push(`I riepiloghi di ${month} sono già stati inviati a tutti i ${run.already} comuni.`);
  else
    parts.push(
      `Riepiloghi di ${month}: ${run.queued} preparati${run.already > 0 ? `, ${run.already} già inviati in precedenza` : ''}.`,
    );
  if (flush.pending > 0)
    parts.push(`${flush.pending} email in coda partiranno appena la quota giornaliera lo consente.`);
  if (run.deferred > 0)
    parts.push(`${run.deferred} riepiloghi non sono stati accodati (${run.deferReason}): rilancia l'invio più tardi.`);
  return {
    message: parts.join(' '),
    period: source.period,
    queued: run.queued,
    alreadySent: run.already,
    sent: flush.sent,
    pending: flush.pending,
    deferred: run.deferred,
  };
});

export interface SummariesPreview {
  message: string;
  period: string;
  /** One mail per comune's referent: to whom, its subject, and whether this period's already went. */
  recipients: Array<{ comune: string; to: string; subject: string; alreadySent: boolean }>;
  leftOut: Array<{ comune: string; reason: string }>;
  /** Registry rows left out of the figures because they need fixing. */
  leftOutRows: LeftOutRow[];
}

/** «Invia riepilogo ai comuni» without sending: who would receive which mail, who not and why. */
export function buildSummariesPreview(): SummariesPreview {
  const source = readReportSource();
  const reports = computeReports(source.input);
  const done = readSummaryRecord(source.period).keys;
  const recipients = comuneSummaries(reports, source.period).map((s) => ({
    comune: s.name,
    to: s.to,
    subject: s.subject,
    alreadySent: done.has(s.dedupeKey),
  }));
  const leftOut = summaryExclusions(reports);
  const fresh = recipients.filter((r) => !r.alreadySent).length;
  const month = periodLabel(source.period);
  const parts = [
    fresh === 0
      ? `Nessun nuovo riepilogo di ${month} da inviare.`
      : `${fresh === 1 ? 'Un riepilogo' : `${fresh} riepiloghi`} di ${month} da inviare, uno per referente di comune.`,
  ];
  if (recipients.length > fresh) parts.push(`${recipients.length - fresh} già inviati in questo mese.`);
  if (leftOut.length > 0) parts.push(`${leftOut.length} comuni senza riepilogo (motivo accanto al nome).`);
  const skipped = leftOutSentence(source.leftOut);
  if (skipped) parts.push(skipped);
  return { message: parts.join(' '), period: source.period, recipients, leftOut, leftOutRows: source.leftOut };
}

export const previewComuniSummaries = serverAction('Anteprima riepilogo ai comuni', buildSummariesPreview, {
  readOnly: true,
});
