import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { EVENTS_CREATED_PER_DAY, snapshotCalendar } from '../../../src/local/services/calendar';
import { setDailyRemaining } from '../../../src/local/services/quota';

const START = '2027-02-01T09:00:00+01:00';

function sessions(code: string, days: number[]): Array<Record<string, string>> {
  return days.map((d) => ({
    Corso: code,
    Data: `2027-03-${String(d).padStart(2, '0')}`,
    Inizio: '09:00',
    Fine: '12:00',
    Stato: 'Programmata',
  }));
}

function course(code: string): Record<string, string | number> {
  return {
    Codice: code,
    Titolo: `Corso ${code}`,
    Ore: 6,
    Modalità: 'In presenza',
    Posti: 20,
    Stato: 'Iscrizioni aperte',
  };
}

describe('Sincronizza calendario past the daily events-created quota', () => {
  // catalogue: QUOTA-DAILY-CALENDAR-EVENTS
  test('the job pauses at the quota and finishes the next day, one event per session', async () => {
    const academy = LocalAcademy.fresh({ start: START });
    await prepareAcademy(academy, {
      settings: { 'Anno formativo': 2027 },
      registry: {
        Corsi: [course('EXC-BASE'), course('WORD-BASE')],
        Sessioni: [...sessions('EXC-BASE', [2, 9, 16]), ...sessions('WORD-BASE', [3, 10])],
      },
    });
    setDailyRemaining(academy.ws, 'calendarEventsCreated', EVENTS_CREATED_PER_DAY, 2);
    const first = academy.call('syncCalendar', []);
    expect(first.ok).toBe(true);
    academy.advance(6 * 60);
    expect(snapshotCalendar(academy.ws)).toHaveLength(2);

    academy.advance(24 * 60);
    const events = snapshotCalendar(academy.ws);
    expect(events.map((e) => e.sessionId).sort()).toEqual([
      'EXC-BASE-S1',
      'EXC-BASE-S2',
      'EXC-BASE-S3',
      'WORD-BASE-S1',
      'WORD-BASE-S2',
    ]);
    expect(events.every((e) => e.status === 'confirmed')).toBe(true);
  });
});
