/**
 * Finding 3 of the security review: a duplicated ID was flagged but still acted on. Now every row of an
 * ID typed twice is set aside, listed under "Da correggere" with both rows, and the action says why.
 */
import { takeSnapshot } from '../../../src/local/scenario/snapshot';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import type { CellInput } from '../../../src/local/scenario/schema';
import { academyWith, COMUNI, course, mails, PEOPLE, publish, rows, SESSIONS, step, syncCalendar } from './helpers';

jest.setTimeout(30_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string];

/** The first `Iscrizioni` row as staff would retype it, with some cells changed. */
function copyOfFirstEnrollment(academy: LocalAcademy, over: Record<string, CellInput>): Record<string, CellInput> {
  const first = rows(academy, 'Iscrizioni')[0] ?? {};
  const copy: Record<string, CellInput> = {};
  for (const [k, v] of Object.entries(first)) copy[k] = typeof v === 'boolean' || typeof v === 'number' ? v : String(v);
  return { ...copy, ...over };
}

function problems(academy: LocalAcademy): Array<{ tab: string; row: number; column: string; message: string }> {
  const run = academy.call('getDashboard');
  if (!run.ok) throw new Error(run.error);
  return (run.value as { problems: Array<{ tab: string; row: number; column: string; message: string }> }).problems;
}

describe('an ID typed on two rows', () => {
  test('cancelling through a duplicated enrollment ID is refused, says why, mails nobody and changes no row', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const typed = copyOfFirstEnrollment(academy, { Email: luca, 'ID risposta': '' });
    step(academy, { do: 'append', tab: 'Iscrizioni', rows: [typed] });
    const before = JSON.stringify(rows(academy, 'Iscrizioni'));
    const sent = mails(academy).length;

    const run = academy.call('cancelEnrollment', ['I00001', 'prova']);
    expect(run.ok).toBe(false);
    expect(run.error).toBe(
      '«I00001» compare in più righe di Iscrizioni (righe 2 e 3): nessuna operazione la usa finché non è corretta.',
    );
    expect(JSON.stringify(rows(academy, 'Iscrizioni'))).toBe(before);
    expect(mails(academy)).toHaveLength(sent);
    expect(problems(academy).filter((p) => p.tab === 'Iscrizioni' && p.column === 'ID')).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringContaining('è anche alla riga 3') }),
      expect.objectContaining({ row: 3, message: expect.stringContaining('è anche alla riga 2') }),
    ]);
  });

  test('the same ID in another case or with spaces counts as the same ID', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const typed = copyOfFirstEnrollment(academy, { ID: ' i00001', Email: luca, 'ID risposta': '' });
    step(academy, { do: 'append', tab: 'Iscrizioni', rows: [typed] });
    const run = academy.call('promoteFromWaitlist', ['I00001']);
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/compare in più righe di Iscrizioni \(righe 2 e 3\)/);
  });

  test("a session ID reused for another course leaves the real session's event and invitations alone", async () => {
    const academy = await academyWith({
      registry: {
        Comuni: COMUNI,
        Dipendenti: PEOPLE,
        Corsi: [course(), course({ Codice: 'WRD-BASE', Titolo: 'Word di base' })],
        Sessioni: SESSIONS,
      },
    });
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    syncCalendar(academy);
    const calendarBefore = JSON.stringify(takeSnapshot(academy).calendar);
    expect(takeSnapshot(academy).calendar.find((e) => e.sessionId === 'EXC-BASE-S1')?.attendees).toEqual([anna]);

    step(academy, {
      do: 'append',
      tab: 'Sessioni',
      rows: [
        {
          ID: 'EXC-BASE-S1',
          Corso: 'WRD-BASE',
          Data: '2027-05-04',
          Inizio: '14:00',
          Fine: '17:00',
          Stato: 'Programmata',
        },
      ],
    });
    syncCalendar(academy);
    expect(JSON.stringify(takeSnapshot(academy).calendar)).toBe(calendarBefore);
    expect(
      problems(academy)
        .filter((p) => p.tab === 'Sessioni' && p.column === 'ID')
        .map((p) => p.row),
    ).toEqual([2, 4]);
    const sync = academy.call('prepareAttendance', ['EXC-BASE']);
    expect(sync.ok).toBe(true);
    expect(rows(academy, 'Presenze').map((r) => r.Sessione)).toEqual(['EXC-BASE-S2']);
  });

  test('a course code typed twice refuses its calendar, attendance and certificates with the reason', async () => {
    const academy = await academyWith({
      registry: {
        Comuni: COMUNI,
        Dipendenti: PEOPLE,
        Corsi: [course(), course({ Codice: 'exc-base', Titolo: 'Copia', Stato: 'Concluso' })],
        Sessioni: SESSIONS,
      },
    });
    for (const fn of ['syncCalendar', 'prepareAttendance', 'issueCertificates']) {
      const run = academy.call(fn, ['EXC-BASE']);
      expect({ fn, ok: run.ok }).toEqual({ fn, ok: false });
      expect(run.error).toMatch(/«EXC-BASE» compare in più righe di Corsi \(righe 2 e 3\)/);
    }
  });
});
