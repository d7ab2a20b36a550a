import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { seededRandom } from '../../../src/local/runtime/random';
import { snapshotCalendar } from '../../../src/local/services/calendar';
import type { ContractService } from '../../../src/local/runtime/latency';
import { COMUNI, mails, publish, rows, step, syncCalendar } from './helpers';

// About 65 s alone on 2 cores; the margin covers a loaded CI machine, not a hang.
jest.setTimeout(180_000);

const COURSES = Array.from({ length: 10 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
const EMPLOYEES = Array.from({ length: 150 }, (_, i) => ({
  Nome: `Nome${i + 1}`,
  Cognome: `Cognome${i + 1}`,
  Email: `dip${i + 1}@comune.${i % 2 ? 'crema' : 'offanengo'}.cr.it`,
  Comune: i % 2 ? 'Crema' : 'Offanengo',
  Ruolo: 'Dipendente',
  Attivo: true,
}));
const SERVICES: ContractService[] = ['Spreadsheet', 'Forms', 'Calendar', 'Docs', 'Drive', 'Mail'];
const TRANSIENT = [
  'Service unavailable',
  'Service invoked too many times in a short time',
  'Rate Limit Exceeded',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
];
const SUBMISSIONS = 260;

describe('soak', () => {
  test('hundreds of submissions with duplicates, cancellations, staff edits and faults keep every invariant', async () => {
    const random = seededRandom(20270201);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const seats = new Map(COURSES.map((c) => [c, 2 + Math.floor(random() * 5)]));
    const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
    await prepareAcademy(academy, {
      settings: {},
      registry: {
        Comuni: COMUNI,
        Dipendenti: EMPLOYEES,
        Corsi: COURSES.map((c) => ({
          Codice: c,
          Titolo: `Corso ${c}`,
          Ore: 4,
          Modalità: 'Online',
          Posti: seats.get(c) as number,
          Stato: 'Iscrizioni aperte',
        })),
        Sessioni: COURSES.map((c, i) => ({
          Corso: c,
          Data: `2027-04-${String(i + 10).padStart(2, '0')}`,
          Inizio: '09:00',
          Fine: '13:00',
          Stato: 'Programmata',
        })),
      },
    });
    publish(academy);
    syncCalendar(academy);

    const requested = new Set<string>();
    let cancellations = 0;
    for (let i = 0; i < SUBMISSIONS; i += 1) {
      const who = random() < 0.04 ? `sconosciuto${i}@example.com` : pick(EMPLOYEES).Email;
      const courses = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(COURSES)))];
      const cancel = random() < 0.12;
      if (random() < 0.08) academy.fault(pick(SERVICES), 1 + Math.floor(random() * 3), pick(TRANSIENT));
      const answers = { Nome: 'Persona', Cognome: `Nuova ${i}`, Comune: 'Crema' };
      step(academy, {
        do: 'submit',
        email: who,
        courses,
        action: cancel ? 'Annullamento' : 'Iscrizione',
        duplicate: random() < 0.2,
        answers,
      });
      if (cancel) cancellations += 1;
      else for (const c of courses) requested.add(`${who}|${c}`);
      if (random() < 0.05) {
        const confirmed = rows(academy, 'Iscrizioni').filter((r) => r.Stato === 'Confermata');
        if (confirmed.length > 0) academy.edit('Iscrizioni', { ID: pick(confirmed).ID }, { Stato: 'Annullata' });
      }
      academy.advance(1 + Math.floor(random() * 20));
    }
    academy.ws.faults.splice(0);
    academy.advance(180);
    syncCalendar(academy);
    academy.advance(120);

    const enrollments = rows(academy, 'Iscrizioni');
    // Every request has an outcome, and exactly one active row per person and course.
    const keys = new Set(enrollments.map((r) => `${r.Email}|${r.Corso}`));
    expect([...requested].filter((k) => !keys.has(k))).toEqual([]);
    const active = enrollments.filter((r) => r.Stato !== 'Annullata' && r.Stato !== 'Respinta');
    expect(new Set(active.map((r) => `${r.Email}|${r.Corso}`)).size).toBe(active.length);
    // One response, one row per course: no response processed twice.
    const byResponse = enrollments.filter((r) => r['ID risposta'] !== '').map((r) => `${r['ID risposta']}|${r.Corso}`);
    expect(new Set(byResponse).size).toBe(byResponse.length);
    expect(new Set(enrollments.map((r) => r.ID)).size).toBe(enrollments.length);

    const events = snapshotCalendar(academy.ws);
    for (const c of COURSES) {
      const mine = enrollments.filter((r) => r.Corso === c);
      const confirmed = mine.filter((r) => r.Stato === 'Confermata');
      const waiting = mine.filter((r) => r.Stato === 'In attesa');
      expect(confirmed.length).toBeLessThanOrEqual(seats.get(c) as number);
      if (waiting.length > 0) expect(confirmed.length).toBe(seats.get(c));
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
    const promotions = sent.filter((m) => m.subject.startsWith('Posto confermato'));
    expect(new Set(promotions.map((m) => `${m.to}|${m.subject}`)).size).toBe(promotions.length);
    // Every response gets exactly one outcome mail, however often its trigger fired and whatever failed.
    const subjects = sent.map((m) => m.subject);
    expect(subjects.filter((s) => s === 'Iscrizione ai corsi: esito della richiesta')).toHaveLength(
      SUBMISSIONS - cancellations,
    );
    expect(subjects.filter((s) => s === 'Annullamento iscrizione ai corsi: esito')).toHaveLength(cancellations);
    expect(new Set(sent.map((m) => `${m.to}|${m.subject}|${m.body}`)).size).toBe(sent.length);
    const dashboard = academy.call('getDashboard');
    expect((dashboard.value as { pendingMails: number }).pendingMails).toBe(0);
  });
});
