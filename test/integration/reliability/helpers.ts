/**
 * Shared by the reliability tests: the enrollment test academy, a view of everything the add-on can
 * change (every tab but `Registro`, the calendar, the mail, Drive, the forms and the triggers), and the
 * random form traffic with the invariants the soak and the big-registry test hold it to.
 */
import { takeSnapshot } from '../../../src/local/scenario/snapshot';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import type { ContractService } from '../../../src/local/runtime/latency';
import type { CellInput } from '../../../src/local/scenario/schema';
import { snapshotCalendar } from '../../../src/local/services/calendar';
import { mails, rows, step } from '../enrollment/helpers';

export {
  academyWith,
  course,
  COMUNI,
  PEOPLE,
  SESSIONS,
  mails,
  publish,
  rows,
  step,
  enrollmentsView,
  formulas,
} from '../enrollment/helpers';

/** The observable state minus `Registro` (where refusals are expected to be written). */
export function stateOf(academy: LocalAcademy): string {
  const snap = takeSnapshot(academy);
  const sheets = { ...snap.sheets };
  delete sheets.Registro;
  return JSON.stringify({
    sheets,
    calendar: snap.calendar,
    mail: snap.mail,
    drive: snap.drive,
    forms: snap.forms,
    triggers: snap.triggers,
  });
}

export function registro(academy: LocalAcademy): Array<Record<string, unknown>> {
  return takeSnapshot(academy).sheets.Registro?.rows ?? [];
}

/** The staff calendar sync, so sessions have events with the confirmed people as attendees. */
export function syncCalendar(academy: LocalAcademy): void {
  const run = academy.call('syncCalendar');
  if (!run.ok) throw new Error(run.error);
}

/** `n` active employees, alternately of Offanengo and Crema, with addresses `dip<i>@comune.<comune>.cr.it`. */
export function numberedEmployees(n: number): Array<Record<string, CellInput>> {
  return Array.from({ length: n }, (_, i) => ({
    Nome: `Nome${i + 1}`,
    Cognome: `Cognome${i + 1}`,
    Email: `dip${i + 1}@comune.${i % 2 ? 'crema' : 'offanengo'}.cr.it`,
    Comune: i % 2 ? 'Crema' : 'Offanengo',
    Ruolo: 'Dipendente',
    Attivo: true,
  }));
}

/** Online courses open for enrollment with the given seats, each with one session in April 2027. */
export function openCourses(seats: ReadonlyMap<string, number>): {
  Corsi: Array<Record<string, CellInput>>;
  Sessioni: Array<Record<string, CellInput>>;
} {
  const codes = [...seats.keys()];
  return {
    Corsi: codes.map((c) => ({
      Codice: c,
      Titolo: `Corso ${c}`,
      Ore: 4,
      Modalità: 'Online',
      Posti: seats.get(c) ?? 0,
      Stato: 'Iscrizioni aperte',
    })),
    Sessioni: codes.map((c, i) => ({
      Corso: c,
      Data: `2027-04-${String(i + 10).padStart(2, '0')}`,
      Inizio: '09:00',
      Fine: '13:00',
      Stato: 'Programmata',
    })),
  };
}

/** How a day of random form traffic is drawn (rates are the chance per submission). */
export interface RandomTraffic {
  random: () => number;
  submissions: number;
  employees: ReadonlyArray<Record<string, CellInput>>;
  courses: readonly string[];
  /** At most this many courses ticked in one response. */
  maxCourses: number;
  unknownRate: number;
  cancelRate: number;
  faultRate: number;
  faultServices: readonly ContractService[];
  faultMessages: readonly string[];
  /** A fault fails the next 1 to this many calls of its service. */
  maxFaultTimes: number;
  /** Minutes the clock moves after each submission: 1 to this. */
  maxMinutes: number;
}

/**
 * Submissions as a busy form receives them: some from strangers, some cancelling, some fired twice, with
 * transient faults and staff cancelling a confirmed row by hand now and then. Returns each
 * `email|course` requested and how many responses were cancellations.
 */
export function randomTraffic(
  academy: LocalAcademy,
  t: RandomTraffic,
): { requested: Set<string>; cancellations: number } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(t.random() * list.length)] as T;
  const requested = new Set<string>();
  let cancellations = 0;
  for (let i = 0; i < t.submissions; i += 1) {
    const who = t.random() < t.unknownRate ? `sconosciuto${i}@example.com` : String(pick(t.employees).Email);
    const courses = [
      ...new Set(Array.from({ length: 1 + Math.floor(t.random() * t.maxCourses) }, () => pick(t.courses))),
    ];
    const cancel = t.random() < t.cancelRate;
    if (t.random() < t.faultRate)
      academy.fault(pick(t.faultServices), 1 + Math.floor(t.random() * t.maxFaultTimes), pick(t.faultMessages));
    step(academy, {
      do: 'submit',
      email: who,
      courses,
      action: cancel ? 'Annullamento' : 'Iscrizione',
      duplicate: t.random() < 0.2,
      answers: { Nome: 'Persona', Cognome: `Nuova ${i}`, Comune: 'Crema' },
    });
    if (cancel) cancellations += 1;
    else for (const c of courses) requested.add(`${who}|${c}`);
    if (t.random() < 0.05) {
      const confirmed = rows(academy, 'Iscrizioni').filter((r) => r.Stato === 'Confermata');
      if (confirmed.length > 0) academy.edit('Iscrizioni', { ID: pick(confirmed).ID }, { Stato: 'Annullata' });
    }
    academy.advance(1 + Math.floor(t.random() * t.maxMinutes));
  }
  return { requested, cancellations };
}

/**
 * What must hold after any traffic, for the courses in `seats`: every request has an outcome and one
 * active row per person and course; no response is processed twice and no ID repeats; no course holds
 * more than its seats, the waitlist is numbered in request order and waits only on a full course; each
 * first session's event invites exactly the confirmed people; no mail went twice and none is pending.
 */
export function expectEnrollmentInvariants(
  academy: LocalAcademy,
  requested: ReadonlySet<string>,
  seats: ReadonlyMap<string, number>,
): void {
  const all = rows(academy, 'Iscrizioni');
  expect(new Set(all.map((r) => r.ID)).size).toBe(all.length);
  const enrollments = all.filter((r) => seats.has(String(r.Corso)));
  const keys = new Set(enrollments.map((r) => `${r.Email}|${r.Corso}`));
  expect([...requested].filter((k) => !keys.has(k))).toEqual([]);
  const active = enrollments.filter((r) => r.Stato !== 'Annullata' && r.Stato !== 'Respinta');
  expect(new Set(active.map((r) => `${r.Email}|${r.Corso}`)).size).toBe(active.length);
  const byResponse = enrollments.filter((r) => r['ID risposta'] !== '').map((r) => `${r['ID risposta']}|${r.Corso}`);
  expect(new Set(byResponse).size).toBe(byResponse.length);

  const events = snapshotCalendar(academy.ws);
  for (const [c, places] of seats) {
    const mine = enrollments.filter((r) => r.Corso === c);
    const confirmed = mine.filter((r) => r.Stato === 'Confermata');
    const waiting = mine.filter((r) => r.Stato === 'In attesa');
    expect(confirmed.length).toBeLessThanOrEqual(places);
    if (waiting.length > 0) expect(confirmed.length).toBe(places);
    const inRequestOrder = [...waiting].sort(
      (a, b) =>
        String(a['Data richiesta']).localeCompare(String(b['Data richiesta'])) ||
        String(a.ID).localeCompare(String(b.ID)),
    );
    expect(inRequestOrder.map((r) => r['Posizione attesa'])).toEqual(waiting.map((_, i) => i + 1));
    const event = events.find((e) => e.sessionId === `${c}-S1`);
    expect([...(event?.attendees ?? [])].sort()).toEqual(confirmed.map((r) => String(r.Email)).sort());
  }

  const sent = mails(academy);
  expect(new Set(sent.map((m) => `${m.to}|${m.subject}|${m.body}`)).size).toBe(sent.length);
  expect((academy.call('getDashboard').value as { pendingMails: number }).pendingMails).toBe(0);
}
