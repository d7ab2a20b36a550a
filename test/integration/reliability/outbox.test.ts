/**
 * Finding 1 of the security review: the mail queue could be poisoned or overflowed, and then mails and
 * `Registro` lines were dropped. These scenarios reproduced it; they now end with every mail sent once
 * and every line in `Registro`.
 */
import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { hostAppendRecords, snapshotSheets } from '../../../src/local/services/spreadsheet';
import { sheetByName, spreadsheetData } from '../../../src/local/services/spreadsheet/model';
import { academyWith, COMUNI, course, mails, PEOPLE, publish, registro, rows, SESSIONS, step } from './helpers';

jest.setTimeout(220_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string, string];

interface MailCounts {
  pendingMails: number;
  parkedMails: number;
}

function dashboard(academy: LocalAcademy): MailCounts {
  const run = academy.call('getDashboard');
  if (!run.ok) throw new Error(run.error);
  return run.value as MailCounts;
}

function counts(academy: LocalAcademy): MailCounts {
  const d = dashboard(academy);
  return { pendingMails: d.pendingMails, parkedMails: d.parkedMails };
}

function sentTo(academy: LocalAcademy): string[] {
  return mails(academy).map((m) => m.to);
}

describe('the outbox cannot be poisoned', () => {
  test('a cancellation from an unknown address with 20,000 quotes in each name breaks nothing after it', async () => {
    const academy = await academyWith({ settings: { 'Email staff per notifiche': 'formazione@consorzio.example.it' } });
    publish(academy);
    const poison = step(academy, {
      do: 'submit',
      email: 'sconosciuto@evil.example.com',
      courses: ['EXC-BASE'],
      action: 'Annullamento',
      answers: { Nome: '"'.repeat(20_000), Cognome: '"'.repeat(20_000), Comune: 'Crema' },
    });
    expect(poison.ok).toBe(true);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    academy.advance(61);
    const manual = academy.call('enrollManually', [luca, 'EXC-BASE']);
    expect(manual.ok).toBe(true);
    // The poisoned request gets its one answer (not enrolled), and everything after it goes as usual.
    expect(sentTo(academy)).toEqual(['sconosciuto@evil.example.com', anna, luca]);
    expect(registro(academy).filter((r) => String(r.Azione).startsWith('Iscrizione confermata'))).toHaveLength(2);
    expect(counts(academy)).toEqual({ pendingMails: 0, parkedMails: 0 });
    academy.advance(60 * 3);
    expect(sentTo(academy)).toEqual(['sconosciuto@evil.example.com', anna, luca]);
  });

  test('names of any length reach a mail bounded, and the mail goes', async () => {
    const academy = await academyWith({ settings: { 'Email staff per notifiche': 'formazione@consorzio.example.it' } });
    publish(academy);
    step(academy, {
      do: 'submit',
      email: 'nuovo@comune.crema.cr.it',
      courses: ['EXC-BASE'],
      answers: { Nome: '"'.repeat(20_000), Cognome: '<'.repeat(20_000), Comune: 'Crema' },
    });
    const sent = mails(academy);
    expect(sent.map((m) => m.to).sort()).toEqual(['formazione@consorzio.example.it', 'nuovo@comune.crema.cr.it']);
    for (const m of sent) expect(m.body.length).toBeLessThan(20_000);
  });
});

describe('a mail that cannot go', () => {
  /** Anna's confirmation refused five times over five hourly flushes: parked. */
  async function academyWithAnnaParked(): Promise<LocalAcademy> {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 10 })], Sessioni: SESSIONS },
    });
    publish(academy);
    step(academy, { do: 'fault', service: 'Mail', times: 5, message: 'Invalid email: anna.bassi@comune.crema.cr.it' });
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    for (let h = 0; h < 5; h += 1) academy.advance(61);
    return academy;
  }

  test('a mail Google keeps refusing is parked with a Registro line, counted on the dashboard, never blocking the others', async () => {
    const academy = await academyWithAnnaParked();
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    expect(sentTo(academy)).toEqual([luca]);
    expect(counts(academy)).toEqual({ pendingMails: 0, parkedMails: 1 });
    const parked = registro(academy).filter((r) => r.Azione === 'Email sospesa');
    expect(parked).toHaveLength(1);
    expect(String(parked[0]?.Dettagli)).toContain(anna);
    const tab = snapshotSheets(academy.ws, academy.spreadsheetId)['Posta in uscita'];
    expect(tab?.rows.map((r) => [r.Destinatari, r.Stato, r.Tentativi])).toEqual([[anna, 'Sospesa', 5]]);
    academy.advance(60 * 24);
    expect(sentTo(academy)).toEqual([luca]);
  });

  test('staff put the parked mails back in line once the refusal healed: each goes once, and only staff may ask', async () => {
    const academy = await academyWithAnnaParked();
    expect(counts(academy)).toEqual({ pendingMails: 0, parkedMails: 1 });

    const outsider = academy.call('retryParkedMail', [], 'intruso@example.com');
    expect(outsider.ok).toBe(false);
    expect(counts(academy)).toEqual({ pendingMails: 0, parkedMails: 1 });

    const retried = academy.call('retryParkedMail');
    expect(retried.value).toEqual({
      message: '1 email sospese rimesse in coda: 1 inviate ora.',
      requeued: 1,
      stillParked: 0,
      sent: 1,
      pending: 0,
    });
    expect(sentTo(academy)).toEqual([anna]);
    expect(counts(academy)).toEqual({ pendingMails: 0, parkedMails: 0 });
    expect(registro(academy).filter((r) => r.Azione === 'Email rimesse in coda')).toHaveLength(1);

    expect(academy.call('retryParkedMail').value).toMatchObject({ message: 'Nessuna email sospesa.', requeued: 0 });
    academy.advance(60 * 24);
    expect(sentTo(academy)).toEqual([anna]);
  });
});

describe('a day without mail quota in the enrollment rush', () => {
  const EMPLOYEES = Array.from({ length: 160 }, (_, i) => ({
    Nome: `Nome${i + 1}`,
    Cognome: `Cognome${i + 1}`,
    Email: `dip${String(i + 1).padStart(3, '0')}@comune.crema.cr.it`,
    Comune: 'Crema',
    Ruolo: 'Dipendente',
    Attivo: true,
  }));

  test('160 people enrolling in two courses each: every confirmation in Registro, every mail once when the quota is back', async () => {
    const academy = LocalAcademy.fresh({ start: '2027-02-01T08:00:00+01:00' });
    await prepareAcademy(academy, {
      settings: {},
      registry: {
        Comuni: COMUNI,
        Dipendenti: EMPLOYEES,
        Corsi: [course({ Posti: 500 }), course({ Codice: 'WRD-BASE', Titolo: 'Word di base', Posti: 500 })],
        Sessioni: [...SESSIONS, { ...SESSIONS[0], Corso: 'WRD-BASE' }],
      },
    });
    publish(academy);
    step(academy, { do: 'quota', service: 'Mail', remaining: 0 });
    for (const e of EMPLOYEES) {
      step(academy, { do: 'submit', email: e.Email, courses: ['EXC-BASE', 'WRD-BASE'] });
      academy.advance(3);
    }
    expect(mails(academy)).toEqual([]);
    expect(rows(academy, 'Iscrizioni').filter((r) => r.Stato === 'Confermata')).toHaveLength(320);
    expect(registro(academy).filter((r) => r.Azione === 'Iscrizione confermata')).toHaveLength(320);
    expect(counts(academy)).toEqual({ pendingMails: 160, parkedMails: 0 });

    // The quota comes back 24 hours after it was spent; within the next hour everything has gone.
    academy.advance(24 * 60 - 160 * 3 + 60);
    expect(sentTo(academy)).toEqual(EMPLOYEES.map((e) => e.Email));
    expect(counts(academy)).toEqual({ pendingMails: 0, parkedMails: 0 });
    academy.advance(60 * 24);
    expect(mails(academy)).toHaveLength(160);
  });
});

describe('the worst day: a thousand mails waiting', () => {
  const PEOPLE_COUNT = 1_000;

  /** 1,000 confirmed people of one course whose session is two days after the next daily run. */
  function academyOfAThousand(): LocalAcademy {
    const academy = LocalAcademy.fresh({ start: '2027-02-01T08:00:00+01:00' });
    prepareAcademy(academy, { settings: { 'Promemoria giorni prima': 2 } });
    const put = (tab: string, records: Array<Record<string, unknown>>) =>
      hostAppendRecords(academy.ws, academy.spreadsheetId, tab, records);
    put('Comuni', COMUNI);
    const employees = Array.from({ length: PEOPLE_COUNT }, (_, i) => ({
      ID: `D${String(i + 1).padStart(5, '0')}`,
      Nome: `Nome${i + 1}`,
      Cognome: `Cognome${i + 1}`,
      Email: `d${String(i + 1).padStart(4, '0')}@comune.crema.cr.it`,
      Comune: 'Crema',
      Ruolo: 'Dipendente',
      Attivo: true,
    }));
    put('Dipendenti', employees);
    put('Corsi', [course({ Posti: PEOPLE_COUNT })]);
    put('Sessioni', [{ ID: 'EXC-BASE-S1', Corso: 'EXC-BASE', Data: '2027-02-04', Inizio: '09:00', Fine: '12:00' }]);
    put(
      'Iscrizioni',
      employees.map((e, k) => ({
        ID: `I${String(k + 1).padStart(5, '0')}`,
        'Data richiesta': '2027-01-20T10:00:00+01:00',
        Corso: 'EXC-BASE',
        Email: e.Email,
        Dipendente: e.ID,
        Stato: 'Confermata',
        Origine: 'Modulo',
      })),
    );
    publish(academy);
    return academy;
  }

  test('1,000 reminders on a day without quota: none dropped, all sent once, oldest first, within the hour of the quota coming back', async () => {
    const academy = academyOfAThousand();
    step(academy, { do: 'quota', service: 'Mail', remaining: 0 });
    const sendsBefore = academy.ws.counts.Mail;
    academy.advance(23 * 60 + 30); // the daily run at 07:00 queues the reminders
    expect(mails(academy)).toEqual([]);
    expect(counts(academy)).toEqual({ pendingMails: PEOPLE_COUNT, parkedMails: 0 });
    const waiting = snapshotSheets(academy.ws, academy.spreadsheetId)['Posta in uscita'];
    expect(waiting?.rows.length).toBeGreaterThan(900);
    const sheet = sheetByName(spreadsheetData(academy.ws, academy.spreadsheetId), 'Posta in uscita');
    expect(sheet?.hidden).toBe(true);

    // The quota was set at 08:00 on 1 February: it is full again at 08:00 on the 2nd.
    academy.advance(60);
    const sent = sentTo(academy);
    expect(sent).toHaveLength(PEOPLE_COUNT);
    expect(new Set(sent).size).toBe(PEOPLE_COUNT);
    expect(sent).toEqual([...sent].sort());
    expect(counts(academy)).toEqual({ pendingMails: 0, parkedMails: 0 });
    expect(snapshotSheets(academy.ws, academy.spreadsheetId)['Posta in uscita']?.rows).toEqual([]);
    const reminderCalls = academy.ws.counts.Mail - sendsBefore;
    academy.advance(60 * 24);
    expect(academy.ws.counts.Mail - sendsBefore - reminderCalls).toBeLessThan(30);
    expect(mails(academy)).toHaveLength(PEOPLE_COUNT);
  });
});
