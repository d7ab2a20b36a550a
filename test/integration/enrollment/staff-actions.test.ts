/**
 * Staff's own actions on enrollments: a full course refuses a hand enrollment or a promotion unless
 * staff confirm going past `Posti` (logged), a refused attempt writes no row and mails nobody, and
 * every mail states the true reason (the office acted, or a seat freed up).
 */
import { COMUNI, PEOPLE, SESSIONS, academyWith, course, mails, publish, rows, step } from './helpers';

const anna = 'anna.bassi@comune.crema.cr.it';
const luca = 'luca.ferrari@comune.crema.cr.it';
const giulia = 'giulia.riva@comune.offanengo.cr.it';
const marco = 'marco.conti@comune.crema.cr.it';

function statuses(academy: Awaited<ReturnType<typeof academyWith>>): Array<[unknown, unknown]> {
  return rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato]);
}

function registro(academy: Awaited<ReturnType<typeof academyWith>>): unknown[] {
  return rows(academy, 'Registro').map((r) => r.Azione);
}

describe('hand enrollment by staff', () => {
  test('a full course refuses it with the seats in the message: no row, no mail', async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 1 })], Sessioni: SESSIONS },
    });
    publish(academy);
    expect(academy.call('enrollManually', [anna, 'EXC-BASE']).ok).toBe(true);
    const sent = mails(academy).length;
    const full = academy.call('enrollManually', [luca, 'EXC-BASE']);
    expect(full.ok).toBe(false);
    expect(full.error).toContain('Il corso EXC-BASE è al completo (1 confermati su 1 posti)');
    expect(statuses(academy)).toEqual([[anna, 'Confermata']]);
    expect(mails(academy)).toHaveLength(sent);
  });

  test('past Posti only on purpose: confirmed, logged, and the mail says the office added the seat', async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 1 })], Sessioni: SESSIONS },
    });
    publish(academy);
    academy.call('enrollManually', [anna, 'EXC-BASE']);
    const over = academy.call('enrollManually', [luca, 'EXC-BASE', { overCapacity: true }]);
    expect(over.value).toMatchObject({
      status: 'Confermata',
      message: 'Iscrizione di Luca Ferrari a EXC-BASE confermata oltre i posti (2 confermati su 1).',
    });
    expect(statuses(academy)).toEqual([
      [anna, 'Confermata'],
      [luca, 'Confermata'],
    ]);
    expect(registro(academy)).toContain('Iscrizione oltre i posti');
    const mail = mails(academy).find((m) => m.to === luca);
    expect(mail?.subject).toBe('Iscrizione confermata: Excel di base (EXC-BASE)');
    expect(mail?.body).toContain("l'ufficio formazione ha registrato la Sua iscrizione");
    expect(mail?.body).toContain('con un posto aggiunto per Lei');
    expect(mail?.body).not.toContain('abbiamo ricevuto');
  });

  test("the waitlist is staff's explicit choice on a full course", async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 1 })], Sessioni: SESSIONS },
    });
    publish(academy);
    academy.call('enrollManually', [anna, 'EXC-BASE']);
    const waiting = academy.call('enrollManually', [luca, 'EXC-BASE', { waitlist: true }]);
    expect(waiting.value).toMatchObject({ status: 'In attesa', waitPosition: 1 });
    expect(mails(academy).find((m) => m.to === luca)?.body).toContain(
      "l'ufficio formazione ha inserito la Sua richiesta per il corso Excel di base (EXC-BASE) nella lista d'attesa (posizione 1)",
    );
  });

  test('a refused attempt (role not among Destinatari) is shown on screen only: no row, no mail', async () => {
    const academy = await academyWith({
      registry: {
        Comuni: COMUNI,
        Dipendenti: PEOPLE,
        Corsi: [course({ Destinatari: 'Segretario comunale' })],
        Sessioni: SESSIONS,
      },
    });
    publish(academy);
    const sent = mails(academy).length;
    const refused = academy.call('enrollManually', [anna, 'EXC-BASE']);
    expect(refused.ok).toBe(false);
    expect(refused.error).toBe(
      'Iscrizione di Anna Bassi al corso EXC-BASE non possibile: Corso riservato a: Segretario comunale (ruolo in anagrafica: Dipendente).',
    );
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
    expect(mails(academy)).toHaveLength(sent);
  });
});

describe('promotion from the waitlist by staff', () => {
  async function fullWithWaitlist(): Promise<Awaited<ReturnType<typeof academyWith>>> {
    const academy = await academyWith();
    publish(academy);
    for (const email of [anna, luca, marco, giulia]) step(academy, { do: 'submit', email, courses: ['EXC-BASE'] });
    return academy;
  }

  test('a full course refuses it unless staff confirm going past Posti', async () => {
    const academy = await fullWithWaitlist();
    const marcoRow = rows(academy, 'Iscrizioni').find((r) => r.Email === marco);
    const refused = academy.call('promoteFromWaitlist', [marcoRow?.ID]);
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('Il corso EXC-BASE è al completo (2 confermati su 2 posti): nessuna promozione');
    expect(rows(academy, 'Iscrizioni').find((r) => r.Email === marco)?.Stato).toBe('In attesa');
  });

  test('past Posti the mail says the office confirmed the seat, never that one freed up', async () => {
    const academy = await fullWithWaitlist();
    const marcoRow = rows(academy, 'Iscrizioni').find((r) => r.Email === marco);
    const done = academy.call('promoteFromWaitlist', [marcoRow?.ID, { overCapacity: true }]);
    expect(done.value).toMatchObject({
      status: 'Confermata',
      message: 'Marco Conti: posto confermato oltre i posti (3 confermati su 2) per EXC-BASE.',
    });
    expect(registro(academy)).toContain('Iscrizione oltre i posti');
    const mail = mails(academy)
      .filter((m) => m.to === marco)
      .pop();
    expect(mail?.subject).toBe('Posto confermato: Excel di base (EXC-BASE)');
    expect(mail?.body).toContain("l'ufficio formazione ha confermato il Suo posto");
    expect(mail?.body).not.toContain('si è liberato');
    expect(rows(academy, 'Iscrizioni').find((r) => r.Email === giulia)?.['Posizione attesa']).toBe(1);
  });

  test('a seat freed by a cancellation is told as such, with the reason staff gave in the cancellation mail', async () => {
    const academy = await fullWithWaitlist();
    academy.call('cancelEnrollment', ['I00001', 'trasferimento ad altro ente']);
    expect(
      mails(academy)
        .filter((m) => m.to === anna)
        .pop()?.body,
    ).toContain('Motivo: trasferimento ad altro ente');
    expect(
      mails(academy)
        .filter((m) => m.to === marco)
        .pop()?.body,
    ).toContain('si è liberato un posto');
  });
});
