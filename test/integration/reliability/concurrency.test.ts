import { holdScriptLock } from '../../../src/local/services/script';
import { academyWith, enrollmentsView, mails, publish, step, PEOPLE } from './helpers';

jest.setTimeout(30_000);

const [anna, luca, giulia, marco] = PEOPLE.map((p) => p.Email) as [string, string, string, string];

describe('concurrency', () => {
  test('submissions that cannot get the script lock are left for reconciliation, then processed in request order', async () => {
    const academy = await academyWith();
    publish(academy);
    holdScriptLock(academy.ws, academy.now() + 10 * 60_000);
    for (const who of [anna, luca, giulia]) {
      const run = step(academy, { do: 'submit', email: who, courses: ['EXC-BASE'] });
      expect(run.ok).toBe(true);
    }
    expect(enrollmentsView(academy)).toEqual([]);
    expect(mails(academy)).toEqual([]);
    const runs = academy.advance(61);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Confermata', ''],
      [luca, 'Confermata', ''],
      [giulia, 'In attesa', 1],
    ]);
    expect(mails(academy).map((m) => m.to)).toEqual([anna, luca, giulia]);
    academy.advance(120);
    expect(enrollmentsView(academy)).toHaveLength(3);
    expect(mails(academy)).toHaveLength(3);
  });

  test('a later submission that gets the lock also processes the ones that did not, oldest first', async () => {
    const academy = await academyWith();
    publish(academy);
    holdScriptLock(academy.ws, academy.now() + 60_000);
    step(academy, { do: 'submit', email: marco, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'], duplicate: true });
    academy.advance(2);
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'], duplicate: true });
    expect(enrollmentsView(academy)).toEqual([
      [marco, 'Confermata', ''],
      [anna, 'Confermata', ''],
      [luca, 'In attesa', 1],
    ]);
    expect(mails(academy).map((m) => m.to)).toEqual([marco, anna, luca]);
  });

  test('a staff action that cannot get the lock says so in Italian and changes nothing', async () => {
    const academy = await academyWith();
    publish(academy);
    holdScriptLock(academy.ws, academy.now() + 10 * 60_000);
    const run = academy.call('enrollManually', [anna, 'EXC-BASE']);
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/in corso: riprovi tra qualche secondo/);
    expect(enrollmentsView(academy)).toEqual([]);
  });
});
