/**
 * The worker's `calendar` job against the local REST server (the real googleapis client and the batch
 * endpoint, with faults injected on the REST side), then the add-on: one event per session, the same
 * `ID evento` and `Link Meet`, and nothing left for the add-on to write.
 */
import type { Server } from 'node:http';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { startRestServer } from '../../../src/local/rest/server';
import { injectRestFault } from '../../../src/local/rest/faults';
import { snapshotCalendar } from '../../../src/local/services/calendar';
import { snapshotSheets } from '../../../src/local/services/spreadsheet';
import { runCalendarJob } from '../../../src/worker/calendar';
import { connect } from '../../../src/worker/google';
import { sandboxFetch } from '../rest/node-fetch';

// A year of sessions through the REST server takes a few seconds alone, many more on a loaded 2-core runner.
jest.setTimeout(30_000);

type Row = Record<string, string | number | boolean>;
const PEOPLE = ['anna.bassi', 'luca.ferrari', 'giulia.riva'];

function academyWithYear(): LocalAcademy {
  const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
  const courses: Row[] = ['ONL', 'MIX', 'PRE', 'OFF'].map((code, i) => ({
    Codice: code,
    Titolo: `Corso ${code}`,
    Area: 'Competenze digitali',
    Docente: 'Marco Villa',
    Ore: 6,
    Modalità: ['Online', 'Mista', 'In presenza', 'Online'][i] as string,
    Sede: 'Sala consiliare, Crema',
    Posti: 20,
    Stato: code === 'OFF' ? 'Annullato' : 'Iscrizioni aperte',
  }));
  const sessions: Row[] = courses.flatMap((c) =>
    [2, 9, 16].map((day) => ({
      Corso: String(c.Codice),
      Data: `2027-03-${String(day).padStart(2, '0')}`,
      Inizio: '09:00',
      Fine: '12:00',
    })),
  );
  prepareAcademy(academy, {
    settings: { 'Anno formativo': 2027 },
    registry: {
      Comuni: [{ 'Codice ISTAT': '019035', Comune: 'Crema', Provincia: 'CR', 'Quota pagata': true }],
      Dipendenti: PEOPLE.map((p) => ({
        Nome: p.split('.')[0] as string,
        Cognome: p.split('.')[1] as string,
        Email: `${p}@comune.crema.cr.it`,
        Comune: 'Crema',
        Ruolo: 'Dipendente',
        Attivo: true,
      })),
      Corsi: courses,
      Sessioni: sessions,
      Iscrizioni: PEOPLE.map((p) => ({
        'Data richiesta': '2027-01-20 10:00',
        Corso: 'ONL',
        Email: `${p}@comune.crema.cr.it`,
        Stato: 'Confermata',
        Origine: 'Manuale',
      })),
    },
  });
  expect(academy.call('publishEnrollmentForm').ok).toBe(true);
  return academy;
}

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

async function serve(academy: LocalAcademy): Promise<string> {
  const started = await startRestServer({ ws: academy.ws });
  server = started.server;
  return started.url;
}

const live = (academy: LocalAcademy) =>
  snapshotCalendar(academy.ws).filter((e) => e.sessionId && e.status !== 'cancelled');

describe('worker calendar job', () => {
  it('syncs a year under REST faults with exactly one event per session, and the add-on then has nothing to write', async () => {
    const academy = academyWithYear();
    const api = await serve(academy);
    // A failed batch (nothing applied), then one applied whose answer is lost: the retry must adopt.
    injectRestFault(academy.ws, { api: 'calendar', status: 503, times: 1, when: 'before', match: /\/batch\// });
    injectRestFault(academy.ws, { api: 'calendar', status: 500, times: 1, when: 'after', match: /\/batch\// });
    const waits: number[] = [];
    const result = await runCalendarJob(connect({ api, fetchImplementation: sandboxFetch }), {
      spreadsheetId: academy.spreadsheetId,
      shard: { index: 0, count: 1 },
      actor: 'worker@consorzio.example.it',
      now: new Date('2027-02-01T09:00:00+01:00'),
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result.failed).toEqual([]);
    expect(result.inserted).toBe(9);
    expect(waits.length).toBeGreaterThanOrEqual(2);

    const events = live(academy);
    expect(events).toHaveLength(9);
    expect(new Set(events.map((e) => e.sessionId)).size).toBe(9);
    expect(events.filter((e) => e.sessionId.startsWith('ONL'))[0]?.attendees.sort()).toEqual(
      PEOPLE.map((p) => `${p}@comune.crema.cr.it`).sort(),
    );
    const rows = snapshotSheets(academy.ws, academy.spreadsheetId).Sessioni?.rows ?? [];
    const byId = new Map(events.map((e) => [e.sessionId, e]));
    for (const row of rows.filter((r) => !String(r.ID).startsWith('OFF'))) {
      expect(row['ID evento']).toBe(byId.get(String(row.ID))?.id);
      expect(row['Link Meet']).toBe(byId.get(String(row.ID))?.meet);
    }

    academy.ws.resetCounts();
    const addOn = academy.call('syncCalendar');
    expect(addOn.ok).toBe(true);
    expect((addOn.value as { message: string }).message).toContain('già aggiornato');
    const m = academy.ws.methodCounts;
    expect((m['Calendar.insert'] ?? 0) + (m['Calendar.patch'] ?? 0) + (m['Calendar.remove'] ?? 0)).toBe(0);
    expect(live(academy)).toHaveLength(9);
  });

  it('finishes a sync the add-on left half done, and parallel tasks split the courses without overlap', async () => {
    const academy = academyWithYear();
    expect(academy.call('syncCalendar', ['ONL']).ok).toBe(true);
    expect(live(academy)).toHaveLength(3);
    const api = await serve(academy);
    const conn = connect({ api, fetchImplementation: sandboxFetch });
    const now = new Date('2027-02-01T09:00:00+01:00');
    const runs = [];
    for (const index of [0, 1])
      runs.push(
        await runCalendarJob(conn, {
          spreadsheetId: academy.spreadsheetId,
          shard: { index, count: 2 },
          actor: 'worker',
          now,
        }),
      );
    expect(runs.reduce((s, r) => s + r.inserted, 0)).toBe(6);
    expect(runs.reduce((s, r) => s + r.unchanged, 0)).toBe(3 + 3);
    const events = live(academy);
    expect(events).toHaveLength(9);
    expect(new Set(events.map((e) => e.sessionId)).size).toBe(9);
  });
});
