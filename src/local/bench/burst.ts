/**
 * `burst@10k`: the rush after the catalog is announced. 300 employees of a 10,000-employee registry send
 * the form within one hour, at seeded random moments; each submission's trigger execution begins when
 * the response arrives and, when an earlier one still holds the script lock, waits for it (30 s at
 * most, then Google's "Lock timeout" and the hourly reconciliation takes the response). Reports what
 * the consortium would ask: responses lost, rows duplicated, failed executions, and how long people
 * waited for their confirmation mail.
 */
import { seededRandom } from '../runtime/random';
import type { LocalAcademy } from '../runtime/session';
import { enrollmentSubmission } from '../scenario/submit';
import { snapshotMail } from '../services/mail';
import { measure } from './measure';
import { benchRegistry, courseCode, COURSES, employeeEmail, seededAcademy } from './seed';

export const BURST_SUBMISSIONS = 300;
const BURST_EMPLOYEES = 10_000;
const WINDOW_MS = 60 * 60_000;
/** After the hour, time for the reconciliation to take what failed and for queued mail to go. */
const SETTLE_MINUTES = 150;
/** Courses with seats left when the rush starts (the rest are full: their requests wait). */
const OPEN_COURSES_FROM = 30;
const EXTRA_SEATS = 40;

export interface BurstFigures {
  lost: number;
  duplicated: number;
  /** Submissions whose sender got no outcome mail at all by the end. */
  unconfirmed: number;
  p50Minutes: number;
  p95Minutes: number;
}

export interface Arrival {
  atMs: number;
  email: string;
  courses: string[];
}

function arrivals(startMs: number): Arrival[] {
  const random = seededRandom(20270111);
  const out: Arrival[] = [];
  for (let i = 0; i < BURST_SUBMISSIONS; i += 1) {
    // Distinct people spread over the registry, so each confirmation mail belongs to one submission.
    const person = (i * 7919) % BURST_EMPLOYEES;
    const count = random() < 0.3 ? 2 : 1;
    const courses = [...new Set(Array.from({ length: count }, () => courseCode(Math.floor(random() * COURSES))))];
    out.push({ atMs: startMs + Math.floor(random() * WINDOW_MS), email: employeeEmail(person), courses });
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, at)] as number) * 10) / 10;
}

/** Lost, duplicated and waiting times, from the sheet and the outbox as the rush left them. */
export function burstFigures(academy: LocalAcademy, sent: readonly Arrival[]): BurstFigures {
  const tab = academy.readTab('Iscrizioni');
  const header = tab?.header ?? [];
  const col = (name: string): number => header.indexOf(name);
  const [email, course, status, response] = ['Email', 'Corso', 'Stato', 'ID risposta'].map(col) as number[];
  const rows = tab?.rows ?? [];
  const live = new Map<string, number>();
  const byResponse = new Map<string, number>();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${String(r[email as number]).toLowerCase()}|${String(r[course as number])}`;
    seen.add(key);
    const s = String(r[status as number]);
    if (s !== 'Annullata' && s !== 'Respinta') live.set(key, (live.get(key) ?? 0) + 1);
    const rid = String(r[response as number] ?? '');
    const pair = `${rid}|${String(r[course as number])}`;
    if (rid !== '') byResponse.set(pair, (byResponse.get(pair) ?? 0) + 1);
  }
  let lost = 0;
  for (const a of sent) for (const c of a.courses) if (!seen.has(`${a.email}|${c}`)) lost += 1;
  let duplicated = 0;
  for (const n of live.values()) duplicated += n - 1;
  for (const n of byResponse.values()) duplicated += n - 1;
  const firstMail = new Map<string, number>();
  for (const m of snapshotMail(academy.ws)) {
    const at = Date.parse(m.at);
    const to = m.to.toLowerCase();
    if (!firstMail.has(to)) firstMail.set(to, at);
  }
  const delays: number[] = [];
  let unconfirmed = 0;
  for (const a of sent) {
    const at = firstMail.get(a.email);
    if (at === undefined || at < a.atMs) unconfirmed += 1;
    else delays.push((at - a.atMs) / 60_000);
  }
  delays.sort((x, y) => x - y);
  return { lost, duplicated, unconfirmed, p50Minutes: percentile(delays, 50), p95Minutes: percentile(delays, 95) };
}

/** The academy, the rush replayed on it, and its measurement. */
export function runBurst(bundle?: string) {
  const registry = benchRegistry(BURST_EMPLOYEES);
  registry.Corsi = (registry.Corsi ?? []).map((c, i) =>
    i >= OPEN_COURSES_FROM ? { ...c, Posti: Number(c.Posti) + EXTRA_SEATS } : c,
  );
  const academy = seededAcademy(registry, { bundle });
  const published = academy.call('publishEnrollmentForm');
  if (!published.ok) throw new Error(`publishEnrollmentForm: ${published.error ?? 'errore'}`);
  const plan = arrivals(academy.ws.now() + 60_000);
  const random = seededRandom(20270112);
  const m = measure(academy, () => {
    for (const a of plan) {
      if (academy.ws.now() < a.atMs) academy.runtime.advance(a.atMs - academy.ws.now());
      const { formId, submission } = enrollmentSubmission(academy, { email: a.email, courses: a.courses });
      // About 3% of submissions fire the trigger twice, as Google sometimes does.
      academy.submit(formId, submission, { atMs: a.atMs, duplicate: random() < 0.03 });
    }
    academy.advance(SETTLE_MINUTES);
  });
  return { academy, m, figures: burstFigures(academy, plan) };
}
