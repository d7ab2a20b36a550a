/**
 * The small academy of test/fixtures/small-academy.ts for the enrollment tests: setup, its registry, the
 * published form, and submissions through the real form-submit trigger, with per-step call counts.
 */
import { prepareAcademy, runStep, type Preparation } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import type { RunResult } from '../../../src/local/runtime/runtime';
import type { ServiceName } from '../../../src/local/runtime/latency';
import type { CellInput, ScenarioStep } from '../../../src/local/scenario/schema';
import { snapshotMail } from '../../../src/local/services/mail';
import { snapshotSheets } from '../../../src/local/services/spreadsheet';
import { COMUNI, EXCEL_COURSE, PEOPLE, SESSIONS, START } from '../../fixtures/small-academy';

export { COMUNI, PEOPLE, SESSIONS, START };

export function course(over: Record<string, CellInput> = {}): Record<string, CellInput> {
  return { ...EXCEL_COURSE, ...over };
}

export async function academyWith(preparation: Preparation = {}): Promise<LocalAcademy> {
  const academy = LocalAcademy.fresh({ start: START });
  await prepareAcademy(academy, {
    settings: preparation.settings ?? {},
    registry: preparation.registry ?? { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
  });
  return academy;
}

export function step(academy: LocalAcademy, s: ScenarioStep): ReturnType<typeof runStep> {
  return runStep(academy, s, 0);
}

export function publish(academy: LocalAcademy): RunResult {
  const run = academy.call('publishEnrollmentForm');
  if (!run.ok) throw new Error(run.error);
  return run;
}

/** Calls made by `fn`, by service. */
export function callsOf(academy: LocalAcademy, fn: () => void): Record<ServiceName, number> {
  const before = { ...academy.ws.counts };
  fn();
  const out = {} as Record<ServiceName, number>;
  for (const k of Object.keys(before) as ServiceName[]) out[k] = academy.ws.counts[k] - before[k];
  return out;
}

export function rows(academy: LocalAcademy, tab: string): Array<Record<string, unknown>> {
  const sheet = snapshotSheets(academy.ws, academy.spreadsheetId)[tab];
  return sheet ? sheet.rows : [];
}

export function formulas(academy: LocalAcademy): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [tab, sheet] of Object.entries(snapshotSheets(academy.ws, academy.spreadsheetId))) {
    if (sheet.formulas.length > 0) out[tab] = sheet.formulas;
  }
  return out;
}

export function enrollmentsView(academy: LocalAcademy): Array<[string, string, unknown]> {
  return rows(academy, 'Iscrizioni').map((r) => [String(r.Email), String(r.Stato), r['Posizione attesa']]);
}

export function mails(academy: LocalAcademy): Array<{ to: string; subject: string; body: string }> {
  return snapshotMail(academy.ws).map((m) => ({ to: m.to, subject: m.subject, body: m.body }));
}
