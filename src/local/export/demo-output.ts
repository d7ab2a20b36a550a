/**
 * What `npm run demo` leaves in its output directory after the year: the workbook, the calendar, the
 * certificate PDFs, the mails and `summary.json` with the year's counts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS } from '../../core/time/units';
import { sessionLength } from '../demo/driver';
import type { YearOutcome } from '../demo/year';
import { CONTRACT_SERVICES, type ServiceName } from '../runtime/latency';
import { snapshotSheets } from '../services/spreadsheet';
import { writeEmls } from './eml';
import { writeIcs } from './ics';
import { writeDrivePdfs } from './pdfs';
import { writeXlsx } from './xlsx';

export interface DemoSummary {
  year: number;
  comuni: number;
  employees: number;
  courses: number;
  sessions: number;
  enrollments: { total: number; byStatus: Record<string, number> };
  certificates: number;
  mails: number;
  mailAttachments: number;
  calendarEvents: number;
  attendanceRows: number;
  hours: { attendedInCourses: number; totalWithExternal: number };
  calls: { total: number; byService: Record<string, number> };
  executions: number;
  failedExecutions: number;
  /** What failed or was refused, once per distinct message (the first few). */
  failures: string[];
  emulatedDuration: { from: string; to: string; days: number };
  projectedSeconds: number;
  simulation: YearOutcome['stats'];
  files: { xlsx: string; ics: string; pdfs: number; emls: number };
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export async function writeDemoOutput(outcome: YearOutcome, dir: string): Promise<DemoSummary> {
  const { academy } = outcome;
  const ws = academy.ws;
  mkdirSync(dir, { recursive: true });
  const xlsx = join(dir, 'academy.xlsx');
  const ics = join(dir, 'calendar.ics');
  await writeXlsx(ws, academy.spreadsheetId, xlsx);
  const calendar = writeIcs(ws, ics, 'Academy4PA — Corsi');
  const pdfs = writeDrivePdfs(ws, join(dir, 'attestati'));
  const mail = await writeEmls(ws, join(dir, 'mail'));

  const sheets = snapshotSheets(ws, academy.spreadsheetId);
  const rows = (tab: string): Array<Record<string, unknown>> => sheets[tab]?.rows ?? [];
  const byStatus: Record<string, number> = {};
  for (const r of rows('Iscrizioni')) {
    const s = String(r.Stato ?? '');
    byStatus[s] = (byStatus[s] ?? 0) + 1;
  }
  const lengths = new Map(rows('Sessioni').map((s) => [String(s.ID), sessionLength(s.Inizio, s.Fine)]));
  const attended = rows('Presenze').reduce((sum, r) => {
    if (r.Presente !== true) return sum;
    return sum + (typeof r.Ore === 'number' ? r.Ore : (lengths.get(String(r.Sessione)) ?? 0));
  }, 0);
  const byService: Record<string, number> = {};
  let total = 0;
  for (const [service, count] of Object.entries(ws.counts) as Array<[ServiceName, number]>) {
    if (count === 0 && !(CONTRACT_SERVICES as readonly string[]).includes(service)) continue;
    byService[service] = count;
    total += count;
  }
  const from = new Date(outcome.startMs).toISOString();
  const to = new Date(academy.now()).toISOString();
  const summary: DemoSummary = {
    year: outcome.year,
    comuni: rows('Comuni').length,
    employees: rows('Dipendenti').length,
    courses: rows('Corsi').length,
    sessions: rows('Sessioni').length,
    enrollments: { total: rows('Iscrizioni').length, byStatus },
    certificates: rows('Attestati').length,
    mails: mail.messages,
    mailAttachments: mail.attachments,
    calendarEvents: calendar.events,
    attendanceRows: rows('Presenze').length,
    hours: {
      attendedInCourses: Math.round(attended * 100) / 100,
      totalWithExternal: rows('Report comuni').reduce((sum, r) => sum + num(r['Ore totali']), 0),
    },
    calls: { total, byService },
    executions: outcome.runs.length,
    failedExecutions: outcome.failures.length,
    failures: [...new Set(outcome.failures.map((f) => `${f.what}: ${f.error}`))].slice(0, 10),
    emulatedDuration: { from, to, days: Math.round(((academy.now() - outcome.startMs) / DAY_MS) * 10) / 10 },
    projectedSeconds: Math.round(outcome.runs.reduce((sum, r) => sum + r.elapsedMs, 0) / 100) / 10,
    simulation: outcome.stats,
    files: { xlsx: 'academy.xlsx', ics: 'calendar.ics', pdfs: pdfs.length, emls: mail.messages },
  };
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
