/**
 * The bench's scenarios (docs/contracts.md, "Bench JSON"). Each prepares its academy first (registries seeded
 * through the host API, see seed.ts) and measures only the workflow under test. Per-call costs come
 * from the latency model in src/local/runtime/latency.ts, where each figure's source is documented.
 */
import { finishJobs } from '../demo/clock';
import { simulateYear } from '../demo/year';
import type { LocalAcademy } from '../runtime/session';
import { runStep } from '../scenario/runner';
import { BURST_SUBMISSIONS, runBurst } from './burst';
import { measure, type Measurement } from './measure';
import { CONTRACT_SERVICES } from '../runtime/latency';
import { quotaUse, type QuotaUse } from './quotas';
import { benchRegistry, courseCode, employeeEmail, seededAcademy } from './seed';
import { runYears, thirdWithinTenPercent, type YearsFigures } from './years';

export const LATENCY_MODEL =
  "Per-call costs in ms from src/local/runtime/latency.ts: Google's Apps Script best-practices page (100x100 cells written one " +
  'by one ~70 s vs ~1 s batched: ~7 ms a plain call, ~0.03 ms a cell moved by a batched range call, 40 ms fixed per getValues/' +
  'setValues, in line with a public 400x10 setValues measured at ~164 ms); public benchmarks of PropertiesService (~30 ms read, ' +
  '~62 ms write) and CacheService (~3 ms); Calendar advanced service 200-400 ms per request (insert with Meet 400 ms); ' +
  'FormApp ~150 ms per item change, 300 ms openById; a certificate ~5.5 s end to end (makeCopy 1.5 s, Doc open 0.6 s, ' +
  'saveAndClose 0.8 s, PDF export 1.5 s, createFile 0.5 s, mail 0.4 s), within the 2-13 s public reports. projectedSeconds ' +
  "is the emulated clock's advance inside the measured executions.";

export interface Target {
  description: string;
  met: boolean;
}

export interface ScenarioResult {
  name: string;
  employees: number;
  calls: Measurement['calls'];
  projectedSeconds: number;
  executions: number;
  cpuMs: number;
  longestExecutionSeconds: number;
  failedExecutions: number;
  failures?: string[];
  targets?: Target[];
  quotas?: Record<string, QuotaUse>;
  /** burst@10k: requests with no row, rows beyond one per request, senders without an outcome mail. */
  lost?: number;
  duplicated?: number;
  unconfirmed?: number;
  /** burst@10k: minutes from pressing Send to the outcome mail, median and 95th percentile. */
  p50Minutes?: number;
  p95Minutes?: number;
  /** years@1k: each year's figures and each year change's (src/local/bench/years.ts). */
  years?: YearsFigures['years'];
  changes?: YearsFigures['changes'];
  thirdToFirst?: number;
  note?: string;
}

function result(name: string, employees: number, m: Measurement, extra: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    name,
    employees,
    calls: m.calls,
    projectedSeconds: m.projectedSeconds,
    executions: m.executions,
    cpuMs: m.cpuMs,
    longestExecutionSeconds: m.longestExecutionSeconds,
    failedExecutions: m.failures.length,
    ...(m.failures.length > 0 ? { failures: [...new Set(m.failures)].slice(0, 5) } : {}),
    ...extra,
  };
}

function spreadsheetCalls(m: Measurement): number {
  return m.calls.byService.Spreadsheet ?? 0;
}

function workspaceCalls(m: Measurement): number {
  return CONTRACT_SERVICES.reduce((sum, s) => sum + (m.calls.byService[s] ?? 0), 0);
}

function mustCall(academy: LocalAcademy, fn: string, args: unknown[] = []): void {
  const run = academy.call(fn, args);
  if (!run.ok) throw new Error(`${fn}: ${run.error ?? 'errore'}`);
}

function registryAcademy(employees: number, bundle?: string): LocalAcademy {
  const academy = seededAcademy(benchRegistry(employees), { bundle });
  mustCall(academy, 'publishEnrollmentForm');
  return academy;
}

function submitStep(academy: LocalAcademy, email: string, course: string, action: 'Iscrizione' | 'Annullamento'): void {
  const step = runStep(academy, { do: 'submit', email, courses: [course], action }, 0);
  if (!step.ok) throw new Error(`invio del modulo non riuscito: ${step.error ?? ''}`);
}

/**
 * One submission (a course that is full: the request goes to the waitlist) into a year's registry, after
 * another one, as in a rush: the first submission after a publication (or after a run that caught up a
 * backlog) proves its sender with one FormApp call more, and is measured apart in the note.
 */
function enroll(employees: number, bundle?: string): ScenarioResult {
  const academy = registryAcademy(employees, bundle);
  const last = employees - 1;
  const first = measure(academy, () => submitStep(academy, employeeEmail(last - 1), courseCode(10), 'Iscrizione'));
  const m = measure(academy, () => submitStep(academy, employeeEmail(last), courseCode(10), 'Iscrizione'));
  return result(`enroll@${employees / 1000}k`, employees, m, {
    targets: [
      {
        description:
          'una iscrizione: chiamate Spreadsheet costanti, nessuna lettura di un foglio intero (al massimo 25)',
        met: spreadsheetCalls(m) <= 25,
      },
      { description: 'una iscrizione: al massimo 2,5 s stimati', met: m.projectedSeconds <= 2.5 },
      { description: 'una iscrizione: al massimo 15 chiamate ai servizi Workspace', met: workspaceCalls(m) <= 15 },
    ],
    note:
      `dopo un'altra iscrizione; la prima dopo la pubblicazione, che chiede a FormApp il mittente, ` +
      `${workspaceCalls(first)} chiamate ai servizi Workspace e ${first.projectedSeconds} s stimati`,
  });
}

/** A cancellation by form in a full course with a waitlist: the first waiting person is promoted. */
function cancelPromote(employees: number, bundle?: string): ScenarioResult {
  const academy = registryAcademy(employees, bundle);
  const m = measure(academy, () => submitStep(academy, employeeEmail(0), courseCode(0), 'Annullamento'));
  return result(`cancel-promote@${employees / 1000}k`, employees, m, {
    targets: [
      {
        description: 'un annullamento con promozione: al massimo 15 chiamate Spreadsheet',
        met: spreadsheetCalls(m) <= 15,
      },
    ],
  });
}

/** Sincronizza calendario over a year's 240 sessions with their confirmed attendees, slices included. */
function calendarSync(employees: number, bundle?: string): ScenarioResult {
  const academy = seededAcademy(benchRegistry(employees), { bundle });
  const m = measure(academy, () => {
    mustCall(academy, 'syncCalendar');
    finishJobs(academy);
  });
  return result(`calendar-sync@${employees / 1000}k`, employees, m, {
    targets: [
      { description: 'ogni esecuzione sotto i 6 minuti', met: m.longestExecutionSeconds < 360 },
      { description: 'un anno di sessioni entro 15 s stimati', met: m.projectedSeconds <= 15 },
    ],
  });
}

/** Certificates of one concluded course, attendance ticked: copy, fill, PDF, trash, mail, record. */
function certificates(count: number, bundle?: string): ScenarioResult {
  const people = Array.from({ length: count }, (_, i) => ({
    ID: `D${String(i + 1).padStart(5, '0')}`,
    Nome: `Nome${i + 1}`,
    Cognome: `Cognome${i + 1}`,
    Email: `dip${i + 1}@comune.pandino.cr.it`,
    Comune: 'Pandino',
    Ruolo: 'Dipendente',
    Attivo: true,
  }));
  const sessions = [1, 2, 3].map((k) => ({
    ID: `EXC-BASE-S${k}`,
    Corso: 'EXC-BASE',
    Data: `2027-03-0${k + 1}`,
    Inizio: '09:00',
    Fine: '13:00',
    Stato: 'Programmata',
  }));
  const academy = seededAcademy(
    {
      Comuni: [
        {
          'Codice ISTAT': '019067',
          Comune: 'Pandino',
          Provincia: 'CR',
          'Quota annuale (€)': 900,
          'Quota pagata': true,
        },
      ],
      Dipendenti: people,
      Corsi: [
        {
          Codice: 'EXC-BASE',
          Titolo: 'Excel di base',
          Area: 'Competenze digitali',
          Docente: 'Luca Piloni',
          Ore: 12,
          Modalità: 'In presenza',
          Sede: 'Crema',
          Posti: Math.max(30, count),
          'Costo (€)': 1080,
          Stato: 'Concluso',
        },
      ],
      Sessioni: sessions,
      Iscrizioni: people.map((p, i) => ({
        ID: `I${String(i + 1).padStart(5, '0')}`,
        'Data richiesta': new Date(Date.parse('2027-01-20T10:00:00+01:00')),
        Corso: 'EXC-BASE',
        Email: p.Email,
        Dipendente: p.ID,
        Stato: 'Confermata',
        Origine: 'Modulo',
      })),
      Presenze: people.flatMap((p) =>
        sessions.map((s) => ({
          Sessione: s.ID,
          Corso: 'EXC-BASE',
          Dipendente: p.ID,
          Email: p.Email,
          Presente: true,
          Ore: '',
        })),
      ),
    },
    { bundle, start: '2027-03-20T09:00:00+01:00' },
  );
  const m = measure(academy, () => {
    mustCall(academy, 'issueCertificates', ['EXC-BASE']);
    finishJobs(academy);
  });
  const issued = academy.readTab('Attestati')?.rows.length ?? 0;
  return result(`certificates-${count}`, count, m, {
    targets: [
      { description: `${count} attestati in una sola esecuzione`, met: m.executions === 1 && issued === count },
      ...(count === 25 ? [{ description: 'entro 60 s stimati', met: m.projectedSeconds <= 60 }] : []),
    ],
    note: `${issued} attestati emessi in ${m.executions} esecuzioni`,
  });
}

/**
 * The sidebar opened during the day: the figures record exists (the first opening, or the daily run,
 * made it: measured apart as `firstOpening`), then an employee enrolled and another cancelled through
 * the form (the add-on's writes) and staff typed a status by hand (the edit trigger's mark), and the
 * dashboard is opened again: that opening is the one measured.
 */
function dashboard(employees: number, bundle?: string): ScenarioResult {
  const academy = registryAcademy(employees, bundle);
  const first = measure(academy, () => mustCall(academy, 'getDashboard'));
  submitStep(academy, employeeEmail(employees - 1), courseCode(10), 'Iscrizione');
  submitStep(academy, employeeEmail(0), courseCode(0), 'Annullamento');
  runStep(academy, { do: 'edit', tab: 'Iscrizioni', where: { ID: 'I00002' }, set: { Stato: 'Annullata' } }, 0);
  const m = measure(academy, () => mustCall(academy, 'getDashboard'));
  return result(`dashboard@${employees / 1000}k`, employees, m, {
    targets: [
      {
        description:
          'cruscotto: al massimo 30 chiamate ai servizi Workspace (Spreadsheet, Forms, Calendar, Docs, Drive, Mail), quante che sia il registro',
        met: workspaceCalls(m) <= 30,
      },
      ...(employees >= 10_000 ? [{ description: 'entro 3 s stimati', met: m.projectedSeconds <= 3 }] : []),
    ],
    note:
      `dopo un'iscrizione, un annullamento dal modulo e uno stato scritto a mano; la prima apertura, ` +
      `che crea il registro delle cifre, ${first.projectedSeconds} s stimati e ${spreadsheetCalls(first)} chiamate Spreadsheet`,
  });
}

function reports(employees: number, bundle?: string): ScenarioResult {
  const academy = seededAcademy(benchRegistry(employees), { bundle });
  const m = measure(academy, () => mustCall(academy, 'refreshReports'));
  return result(`reports@${employees / 1000}k`, employees, m, {
    targets: employees >= 10_000 ? [{ description: 'entro 10 s stimati', met: m.projectedSeconds <= 10 }] : [],
    note:
      "Aggiorna report: le schede del registro lette insieme dall'API Sheets (richieste in parallelo), " +
      'i report scritti insieme; CPU lineare nel numero di righe',
  });
}

/** The whole demo year on 1,000 employees (see demo/year.ts), with the year's use of the daily quotas. */
async function season(bundle?: string, progress?: (line: string) => void): Promise<ScenarioResult> {
  let academy: LocalAcademy | null = null;
  let startMs = 0;
  const cpu = process.cpuUsage();
  const outcome = await simulateYear({ employees: 1000, bundle, progress });
  const used = process.cpuUsage(cpu);
  academy = outcome.academy;
  startMs = outcome.startMs;
  const byService: Measurement['calls']['byService'] = {};
  let total = 0;
  for (const [service, count] of Object.entries(academy.ws.counts)) {
    if (count === 0) continue;
    byService[service as keyof typeof byService] = count;
    total += count;
  }
  const elapsed = outcome.runs.map((r) => r.elapsedMs);
  const m: Measurement = {
    calls: { total, byService },
    projectedSeconds: Math.round(elapsed.reduce((a, b) => a + b, 0) / 100) / 10,
    executions: outcome.runs.length,
    failures: outcome.failures.map((f) => `${f.what}: ${f.error}`),
    cpuMs: Math.round((used.user + used.system) / 1000),
    longestExecutionSeconds: Math.round(Math.max(0, ...elapsed) / 100) / 10,
  };
  const employees = academy.readTab('Dipendenti')?.rows.length ?? 0;
  const quotas = quotaUse(academy.ws, startMs);
  return result('season@1k', employees, m, {
    quotas,
    targets: [
      { description: 'ogni esecuzione sotto i 6 minuti', met: m.longestExecutionSeconds < 360 },
      ...Object.entries(quotas).map(([k, q]) => ({
        description: `quota giornaliera ${k}: giorno di punta entro ${q.limit}`,
        met: q.busiestDay.used <= q.limit,
      })),
    ],
  });
}

/**
 * The preview of *Nuovo anno formativo* that the menu's dialog shows (previewTrainingYear), at the end of
 * a year's registry: what moves, the catalog's new editions, the unfinished work.
 */
function yearPreview(employees: number, bundle?: string): ScenarioResult {
  const academy = registryAcademy(employees, bundle);
  const m = measure(academy, () => mustCall(academy, 'previewTrainingYear', []));
  return result(`year-preview@${employees / 1000}k`, employees, m, {
    note: "anteprima del passaggio d'anno: righe da archiviare per foglio, nuove edizioni, lavoro non concluso",
  });
}

/** Three demo years in a row on 1,000 employees, each opened by *Nuovo anno formativo*. */
async function years(bundle?: string, progress?: (line: string) => void): Promise<ScenarioResult> {
  const cpu = process.cpuUsage();
  const { outcome, figures } = await runYears({ employees: 1000, bundle, progress });
  const used = process.cpuUsage(cpu);
  const stretches = [...figures.years, ...figures.changes, ...figures.changes.map((c) => c.review)];
  const byService: Measurement['calls']['byService'] = {};
  for (const s of stretches)
    for (const [service, n] of Object.entries(s.calls.byService) as Array<[keyof typeof byService, number]>)
      byService[service] = (byService[service] ?? 0) + n;
  const failures = [...outcome.years, ...outcome.changes, ...outcome.changes.map((c) => c.review)].flatMap((s) =>
    s.record.failures.map((f) => `${f.what}: ${f.error}`),
  );
  const m: Measurement = {
    calls: { total: stretches.reduce((n, s) => n + s.calls.total, 0), byService },
    projectedSeconds: Math.round(stretches.reduce((n, s) => n + s.projectedSeconds, 0) * 10) / 10,
    executions: stretches.reduce((n, s) => n + s.executions, 0),
    failures,
    cpuMs: Math.round((used.user + used.system) / 1000),
    longestExecutionSeconds: Math.max(...stretches.map((s) => s.longestExecutionSeconds)),
  };
  const employees = outcome.academy.readTab('Dipendenti')?.rows.length ?? 0;
  return result('years@1k', employees, m, {
    years: figures.years,
    changes: figures.changes,
    thirdToFirst: figures.thirdToFirst,
    targets: [
      { description: 'terzo anno entro il 10% del primo', met: thirdWithinTenPercent(figures) },
      { description: 'ogni esecuzione sotto i 6 minuti', met: m.longestExecutionSeconds < 360 },
      {
        description: 'nessuna esecuzione del passaggio d’anno con errore',
        met: figures.changes.every((c) => c.failedExecutions === 0 && c.review.failedExecutions === 0),
      },
    ],
    note:
      "ogni anno dall'apertura delle iscrizioni ai report; il passaggio (startTrainingYear e le sue continuazioni) " +
      'e la revisione del catalogo (sessioni digitate, corsi aperti, modulo pubblicato) a parte; dicembre e i primi giorni di gennaio in nessuna cifra',
  });
}

/** 300 submissions within an hour at 10,000 employees, executions contending for the script lock. */
function burst(bundle?: string): ScenarioResult {
  const { m, figures } = runBurst(bundle);
  return result('burst@10k', 10_000, m, {
    ...figures,
    targets: [
      { description: 'nessuna richiesta persa', met: figures.lost === 0 },
      { description: 'nessuna riga doppia', met: figures.duplicated === 0 },
      { description: 'ognuno riceve l’esito', met: figures.unconfirmed === 0 },
      { description: 'esito entro 10 minuti per il 95% degli invii', met: figures.p95Minutes <= 10 },
    ],
    note: `${BURST_SUBMISSIONS} invii in un'ora; un'esecuzione che attende il lock oltre 30 s lascia la risposta alla riconciliazione oraria`,
  });
}

export interface BenchOptions {
  bundle?: string;
  progress?: (line: string) => void;
}

export const SCENARIO_NAMES = [
  'enroll@1k',
  'enroll@10k',
  'cancel-promote@1k',
  'calendar-sync@1k',
  'certificates-25',
  'certificates-100',
  'dashboard@1k',
  'dashboard@10k',
  'reports@1k',
  'reports@10k',
  'burst@10k',
  'year-preview@10k',
  'season@1k',
  'years@1k',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export async function runScenario(name: ScenarioName, options: BenchOptions = {}): Promise<ScenarioResult> {
  const { bundle } = options;
  switch (name) {
    case 'enroll@1k':
      return enroll(1000, bundle);
    case 'enroll@10k':
      return enroll(10_000, bundle);
    case 'cancel-promote@1k':
      return cancelPromote(1000, bundle);
    case 'calendar-sync@1k':
      return calendarSync(1000, bundle);
    case 'certificates-25':
      return certificates(25, bundle);
    case 'certificates-100':
      return certificates(100, bundle);
    case 'dashboard@1k':
      return dashboard(1000, bundle);
    case 'dashboard@10k':
      return dashboard(10_000, bundle);
    case 'reports@1k':
      return reports(1000, bundle);
    case 'reports@10k':
      return reports(10_000, bundle);
    case 'burst@10k':
      return burst(bundle);
    case 'season@1k':
      return season(bundle, options.progress);
    case 'years@1k':
      return years(bundle, options.progress);
    case 'year-preview@10k':
      return yearPreview(10_000, bundle);
  }
}
