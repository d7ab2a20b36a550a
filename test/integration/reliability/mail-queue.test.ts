import type { LocalAcademy } from '../../../src/local/runtime/session';
import { academyWith, course, COMUNI, mails, PEOPLE, publish, SESSIONS, step } from './helpers';

jest.setTimeout(50_000);

const people = PEOPLE.map((p) => p.Email);

function pendingMails(academy: LocalAcademy): number {
  const run = academy.call('getDashboard');
  if (!run.ok) throw new Error(run.error);
  return (run.value as { pendingMails: number }).pendingMails;
}

describe('the mail queue', () => {
  test('past the daily quota mails wait, visible on the dashboard, and go exactly once 24 hours later', async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 10 })], Sessioni: SESSIONS },
    });
    publish(academy);
    step(academy, { do: 'quota', service: 'Mail', remaining: 1 });
    for (const who of people) step(academy, { do: 'submit', email: who, courses: ['EXC-BASE'], duplicate: true });
    expect(mails(academy).map((m) => m.to)).toEqual([people[0]]);
    expect(pendingMails(academy)).toBe(3);
    for (let h = 0; h < 23; h += 1) academy.advance(60);
    expect(mails(academy)).toHaveLength(1);
    academy.advance(120);
    expect(mails(academy).map((m) => m.to)).toEqual(people);
    expect(pendingMails(academy)).toBe(0);
    academy.advance(60 * 24);
    expect(mails(academy)).toHaveLength(people.length);
  });

  test('transient send failures keep the mail queued however many runs they last; it goes once when Mail answers', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'fault', service: 'Mail', times: 8, message: 'Service unavailable: Gmail' });
    expect(step(academy, { do: 'submit', email: people[0] as string, courses: ['EXC-BASE'] }).ok).toBe(true);
    expect(mails(academy)).toEqual([]);
    expect(pendingMails(academy)).toBe(1);
    for (let h = 0; h < 8; h += 1) academy.advance(61);
    expect(mails(academy).map((m) => m.to)).toEqual([people[0]]);
    academy.advance(180);
    expect(mails(academy)).toHaveLength(1);
    expect(pendingMails(academy)).toBe(0);
  });

  test('a mail Google cannot take for a moment waits 1, 2, 4 minutes before its next tries, however many flushes come', async () => {
    const academy = await academyWith();
    publish(academy);
    const tries = (): number => academy.ws.methodCounts['Mail.sendEmail'] ?? 0;
    step(academy, { do: 'fault', service: 'Mail', times: 3, message: 'Service unavailable: Gmail' });
    expect(step(academy, { do: 'submit', email: people[0] as string, courses: ['EXC-BASE'] }).ok).toBe(true);
    expect(tries()).toBe(1);
    const flushes = (n: number): void => {
      for (let i = 0; i < n; i += 1) expect(academy.call('sendQueuedMail').ok).toBe(true);
    };
    flushes(5);
    expect(tries()).toBe(1);
    for (const [wait, after] of [
      [1, 2],
      [1, 2],
      [1, 3],
      [3, 3],
      [1, 4],
    ] as const) {
      academy.advance(wait);
      flushes(2);
      expect(tries()).toBe(after);
    }
    expect(mails(academy).map((m) => m.to)).toEqual([people[0]]);
    expect(pendingMails(academy)).toBe(0);
  });

  test('quota and faults together: every outcome mail goes once and in order', async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 10 })], Sessioni: SESSIONS },
    });
    publish(academy);
    step(academy, { do: 'quota', service: 'Mail', remaining: 2 });
    step(academy, { do: 'fault', service: 'Mail', times: 2, message: 'Rate Limit Exceeded' });
    for (const who of people) step(academy, { do: 'submit', email: who, courses: ['EXC-BASE'] });
    academy.advance(60 * 26);
    const sent = mails(academy).map((m) => m.to);
    expect([...sent].sort()).toEqual([...people].sort());
    expect(new Set(sent).size).toBe(sent.length);
  });

  test('a comune link asked twice the same day goes once, and the second answer says it already went', async () => {
    const academy = await academyWith();
    const referent = COMUNI[0]?.['Email referente'] ?? '';
    const first = academy.call('sendComunePageLink', ['Crema']);
    expect(first.value).toMatchObject({ message: expect.stringContaining(`inviato a ${referent}`) });
    const again = academy.call('sendComunePageLink', ['Crema']);
    expect(again.value).toMatchObject({
      message: `Il link alla pagina del Comune di Crema era già stato inviato oggi a ${referent}.`,
    });
    expect(mails(academy).filter((m) => m.to === referent)).toHaveLength(1);
  });
});
