/**
 * Submissions on a big `Iscrizioni` read only their sender's rows (TextFinder on the key columns, the
 * per-course tally for the rest): the soak's invariants hold as they do when every run reads the whole
 * tab, through duplicates, cancellations, staff edits and faults.
 */
import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { seededRandom } from '../../../src/local/runtime/random';
import { snapshotCalendar } from '../../../src/local/services/calendar';
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import type { ContractService } from '../../../src/local/runtime/latency';
import { COMUNI, mails, publish, rows, step, syncCalendar } from '../reliability/helpers';

jest.setTimeout(240_000);

const COURSES = Array.from({ length: 6 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
const EMPLOYEES = Array.from({ length: 40 }, (_, i) => ({
  Nome: `Nome${i + 1}`,
  Cognome: `Cognome${i + 1}`,
  Email: `dip${i + 1}@comune.${i % 2 ? 'crema' : 'offanengo'}.cr.it`,
  Comune: i % 2 ? 'Crema' : 'Offanengo',
  Ruolo: 'Dipendente',
  Attivo: true,
}));
/** Last year's rows of a closed course: enough rows that a submission reads only its sender's. */
const OLD_ROWS = 2100;
const SERVICES: ContractService[] = ['Spreadsheet', 'Forms', 'Calendar', 'Mail'];
const SUBMISSIONS = 90;

async function bigAcademy(seats: Map<string, number>): Promise<LocalAcademy> {
  const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
  await prepareAcademy(academy, {
    settings: {},
    registry: {
      Comuni: COMUNI,
      Dipendenti: EMPLOYEES,
      Corsi: [
        ...COURSES.map((c) => ({
          Codice: c,
          Titolo: `Corso ${c}`,
          Ore: 4,
          Modalità: 'Online',
          Posti: seats.get(c) as number,
          Stato: 'Iscrizioni aperte',
        })),
        { Codice: 'OLD', Titolo: 'Corso passato', Ore: 4, Modalità: 'Online', Posti: 10, Stato: 'Concluso' },
      ],
      Sessioni: COURSES.map((c, i) => ({
        Corso: c,
        Data: `2027-04-${String(i + 10).padStart(2, '0')}`,
        Inizio: '09:00',
        Fine: '13:00',
        Stato: 'Programmata',
      })),
    },
  });
  hostAppendRecords(
    academy.ws,
    academy.spreadsheetId,
    'Iscrizioni',
    Array.from({ length: OLD_ROWS }, (_, i) => ({
      ID: `I${String(i + 1).padStart(5, '0')}`,
      'Data richiesta': new Date(Date.parse('2026-03-01T09:00:00+01:00') + i * 60_000),
      Corso: 'OLD',
      Email: `ex${i}@comune.crema.cr.it`,
      Stato: 'Annullata',
      Origine: 'Modulo',
      'ID risposta': `old-${i}`,
    })),
  );
  publish(academy);
  syncCalendar(academy);
  return academy;
}

describe('submissions on a big registry', () => {
  test('read their sender’s rows and keep every invariant of the soak', async () => {
    const random = seededRandom(20270315);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const seats = new Map(COURSES.map((c) => [c, 2 + Math.floor(random() * 4)]));
    const academy = await bigAcademy(seats);
    academy.ws.resetCounts();

    const requested = new Set<string>();
    for (let i = 0; i < SUBMISSIONS; i += 1) {
      const who = random() < 0.05 ? `sconosciuto${i}@example.com` : pick(EMPLOYEES).Email;
      const courses = [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(COURSES)))];
      const cancel = random() < 0.15;
      if (random() < 0.08) academy.fault(pick(SERVICES), 1 + Math.floor(random() * 2), 'Service unavailable');
      step(academy, {
        do: 'submit',
        email: who,
        courses,
        action: cancel ? 'Annullamento' : 'Iscrizione',
        duplicate: random() < 0.2,
        answers: { Nome: 'Persona', Cognome: `Nuova ${i}`, Comune: 'Crema' },
      });
      if (!cancel) for (const c of courses) requested.add(`${who}|${c}`);
      if (random() < 0.05) {
        const confirmed = rows(academy, 'Iscrizioni').filter((r) => r.Stato === 'Confermata');
        if (confirmed.length > 0) academy.edit('Iscrizioni', { ID: pick(confirmed).ID }, { Stato: 'Annullata' });
      }
      academy.advance(1 + Math.floor(random() * 10));
    }
    // Most submissions were decided from their sender's rows: the TextFinder ran for them.
    expect(academy.ws.methodCounts['Spreadsheet.findAll'] ?? 0).toBeGreaterThan(SUBMISSIONS);
    academy.ws.faults.splice(0);
    academy.advance(180);
    syncCalendar(academy);

    const enrollments = rows(academy, 'Iscrizioni').filter((r) => r.Corso !== 'OLD');
    const keys = new Set(enrollments.map((r) => `${r.Email}|${r.Corso}`));
    expect([...requested].filter((k) => !keys.has(k))).toEqual([]);
    const active = enrollments.filter((r) => r.Stato !== 'Annullata' && r.Stato !== 'Respinta');
    expect(new Set(active.map((r) => `${r.Email}|${r.Corso}`)).size).toBe(active.length);
    const byResponse = enrollments.filter((r) => r['ID risposta'] !== '').map((r) => `${r['ID risposta']}|${r.Corso}`);
    expect(new Set(byResponse).size).toBe(byResponse.length);
    const all = rows(academy, 'Iscrizioni');
    expect(new Set(all.map((r) => r.ID)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(OLD_ROWS);

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
    expect(new Set(sent.map((m) => `${m.to}|${m.subject}|${m.body}`)).size).toBe(sent.length);
    const dashboard = academy.call('getDashboard');
    expect((dashboard.value as { pendingMails: number }).pendingMails).toBe(0);
  });
});
