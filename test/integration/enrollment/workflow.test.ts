import { triggerState } from '../../../src/local/runtime/triggers';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScenario } from '../../../src/local/scenario/runner';
import { parseScenario } from '../../../src/local/scenario/schema';
import { snapshotForms } from '../../../src/local/services/forms';
import { snapshotTriggers } from '../../../src/local/services/script';
import {
  academyWith,
  callsOf,
  course,
  enrollmentsView,
  formulas,
  mails,
  PEOPLE,
  COMUNI,
  SESSIONS,
  publish,
  rows,
  step,
} from './helpers';

const [anna, luca, giulia, marco] = PEOPLE.map((p) => p.Email) as [string, string, string, string];

jest.setTimeout(60_000);

describe('enrollment through the form', () => {
  test('the waitlist-and-calendar scenario ends with the statuses, positions, events and mails its README describes', async () => {
    const file = resolve(__dirname, '../../fixtures/scenarios/waitlist-and-calendar.json');
    const snapshot = await runScenario(parseScenario(readFileSync(file, 'utf8')));
    expect(snapshot.results.every((r) => r.ok)).toBe(true);
    const enrollments = snapshot.sheets.Iscrizioni?.rows ?? [];
    expect(enrollments.map((r) => [r.Email, r.Stato, r['Posizione attesa']])).toEqual([
      [anna, 'Annullata', ''],
      [luca, 'Confermata', ''],
      [giulia, 'Confermata', ''],
    ]);
    expect(snapshot.mail.map((m) => [m.to, m.subject])).toEqual([
      [anna, 'Iscrizione ai corsi: esito della richiesta'],
      [luca, 'Iscrizione ai corsi: esito della richiesta'],
      [giulia, 'Iscrizione ai corsi: esito della richiesta'],
      [anna, 'Annullamento iscrizione ai corsi: esito'],
      [giulia, 'Posto confermato: Excel di base (EXC-BASE)'],
    ]);
    expect(snapshot.mail[0]?.body).toContain('Iscrizione confermata.');
    expect(snapshot.mail[2]?.body).toContain("La richiesta è in lista d'attesa (posizione 1)");
    expect(snapshot.mail[3]?.body).toContain('Iscrizione annullata.');
    expect(snapshot.triggers.filter((t) => t.type === 'ON_FORM_SUBMIT')).toHaveLength(1);
    const events = snapshot.calendar.map((e) => [e.sessionId, e.start, [...e.attendees].sort(), e.meet !== '']);
    expect(events).toEqual([
      ['EXC-BASE-S1', '2027-03-02T09:00:00+01:00', [giulia, luca], true],
      ['EXC-BASE-S2', '2027-03-30T09:00:00+02:00', [giulia, luca], true],
    ]);
  });

  test('publishing twice keeps one form, the same items and one form-submit trigger', async () => {
    const academy = await academyWith();
    const first = publish(academy).value as { formId: string; url: string };
    const second = publish(academy).value as { formId: string; url: string };
    expect(second).toEqual(first);
    const forms = snapshotForms(academy.ws);
    expect(forms).toHaveLength(1);
    expect(forms[0]?.published).toBe(true);
    expect(forms[0]?.items.map((i) => [i.title, i.type, i.required])).toEqual([
      ['Nome', 'TEXT', true],
      ['Cognome', 'TEXT', true],
      ['Comune', 'LIST', true],
      ['Corsi', 'CHECKBOX', true],
      ['Azione', 'MULTIPLE_CHOICE', true],
      ['Consenso', 'CHECKBOX', true],
    ]);
    expect(forms[0]?.items[3]?.choices).toEqual(['EXC-BASE — Excel di base (02/03, 30/03) — posti liberi: 2']);
    const settings = rows(academy, 'Impostazioni').find((r) => r.Chiave === 'ID modulo iscrizioni');
    expect(settings?.Valore).toBe(first.formId);
    expect(
      snapshotTriggers(academy.ws).filter((t) => t.handler === 'onFormSubmit' || t.handler === 'reconcileResponses'),
    ).toEqual([
      { handler: 'onFormSubmit', type: 'ON_FORM_SUBMIT' },
      { handler: 'reconcileResponses', type: 'CLOCK' },
    ]);
  });

  test('the same response delivered twice gives one outcome and one mail', async () => {
    const academy = await academyWith();
    publish(academy);
    const result = step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'], duplicate: true });
    expect(result.ok).toBe(true);
    expect(enrollmentsView(academy)).toEqual([[anna, 'Confermata', '']]);
    expect(mails(academy)).toHaveLength(1);
  });

  test('a submission reads only the responses after the last processed one, however many the form holds', async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 50 })], Sessioni: SESSIONS },
    });
    publish(academy);
    const first = callsOf(academy, () => step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] }));
    for (let i = 0; i < 12; i += 1) {
      step(academy, {
        do: 'submit',
        email: i % 2 ? luca : giulia,
        courses: ['EXC-BASE'],
        action: i % 4 < 2 ? 'Iscrizione' : 'Annullamento',
      });
    }
    const later = callsOf(academy, () => step(academy, { do: 'submit', email: marco, courses: ['EXC-BASE'] }));
    expect(later.Forms).toBeLessThanOrEqual(first.Forms + 2);
    expect(later.Spreadsheet).toBeLessThanOrEqual(15);
  });

  test('a blank event is ignored without touching the spreadsheet', async () => {
    const academy = await academyWith();
    publish(academy);
    const calls = callsOf(academy, () => {
      const trigger = triggerState(academy.ws).triggers.find((t) => t.handler === 'onFormSubmit');
      const run = academy.runtime.run('onFormSubmit', [{ triggerUid: trigger?.uid }], { kind: 'trigger', as: '' });
      expect(run.ok).toBe(true);
    });
    expect(calls.Spreadsheet).toBe(0);
    expect(calls.Mail).toBe(0);
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
  });

  test('an unknown e-mail is Da verificare and staff get a mail', async () => {
    const academy = await academyWith({
      settings: { 'Email staff per notifiche': 'formazione@consorzio.example.it' },
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
    });
    publish(academy);
    step(academy, {
      do: 'submit',
      email: 'Nuovo.Collega@comune.crema.cr.it',
      courses: ['EXC-BASE'],
      answers: { Nome: 'Nuovo', Cognome: 'Collega', Comune: 'Crema' },
    });
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato, r.Dipendente])).toEqual([
      ['nuovo.collega@comune.crema.cr.it', 'Da verificare', ''],
    ]);
    const sent = mails(academy);
    expect(sent.map((m) => m.to)).toEqual(['nuovo.collega@comune.crema.cr.it', 'formazione@consorzio.example.it']);
    expect(sent[1]?.subject).toBe('Iscrizione da verificare: nuovo.collega@comune.crema.cr.it');
  });

  test('a mixed-case e-mail matches the employee', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: 'Anna.BASSI@Comune.Crema.CR.it', courses: ['EXC-BASE'] });
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Dipendente, r.Stato])).toEqual([
      [anna, 'D00001', 'Confermata'],
    ]);
  });

  test('a stale form choosing a full course puts the request on the waitlist, never over capacity', async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 1 })], Sessioni: SESSIONS },
    });
    publish(academy);
    const staleChoice = snapshotForms(academy.ws)[0]?.items[3]?.choices[0] ?? '';
    expect(staleChoice).toContain('posti liberi: 1');
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    expect(snapshotForms(academy.ws)[0]?.items[3]?.choices[0]).toContain("lista d'attesa");
    const formId = snapshotForms(academy.ws)[0]?.id ?? '';
    academy.submit(formId, {
      email: luca,
      stale: true,
      answers: {
        Nome: 'Luca',
        Cognome: 'Ferrari',
        Comune: 'Crema',
        Corsi: [staleChoice],
        Azione: 'Iscrizione',
        Consenso: [snapshotForms(academy.ws)[0]?.items[5]?.choices[0] ?? ''],
      },
    });
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Confermata', ''],
      [luca, 'In attesa', 1],
    ]);
  });

  test('staff cancel from the sidebar: the first waiting person is promoted and told', async () => {
    const academy = await academyWith();
    publish(academy);
    for (const who of [anna, luca, giulia, marco]) step(academy, { do: 'submit', email: who, courses: ['EXC-BASE'] });
    expect(enrollmentsView(academy).map((r) => r[2])).toEqual(['', '', 1, 2]);
    const run = academy.call('cancelEnrollment', ['I00001', 'trasferita']);
    expect(run.ok).toBe(true);
    expect(run.value).toMatchObject({ id: 'I00001', status: 'Annullata', promoted: [giulia] });
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Annullata', ''],
      [luca, 'Confermata', ''],
      [giulia, 'Confermata', ''],
      [marco, 'In attesa', 1],
    ]);
    const last = mails(academy).slice(-2);
    expect(last.map((m) => [m.to, m.subject])).toEqual([
      [anna, 'Iscrizione annullata: Excel di base (EXC-BASE)'],
      [giulia, 'Posto confermato: Excel di base (EXC-BASE)'],
    ]);
    expect(last[0]?.body).toContain('Motivo: trasferita');
    const log = rows(academy, 'Registro').map((r) => r.Azione);
    expect(log).toEqual(expect.arrayContaining(['Iscrizione annullata', "Promozione dalla lista d'attesa"]));
  });

  test('cancelEnrollment refuses someone who is not staff', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const run = academy.call('cancelEnrollment', ['I00001'], 'intruso@example.com');
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/^Operazione non consentita/);
    expect(enrollmentsView(academy)).toEqual([[anna, 'Confermata', '']]);
  });

  test('manual enrollment follows the same rules, with origin Manuale', async () => {
    const academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: 1 })], Sessioni: SESSIONS },
    });
    publish(academy);
    expect(academy.call('enrollManually', [anna, 'EXC-BASE']).value).toMatchObject({ status: 'Confermata' });
    expect(
      academy.call('enrollManually', ['LUCA.ferrari@comune.crema.cr.it', 'exc-base', { waitlist: true }]).value,
    ).toMatchObject({
      status: 'In attesa',
      waitPosition: 1,
    });
    expect(academy.call('enrollManually', [anna, 'EXC-BASE']).value).toMatchObject({
      status: 'Confermata',
      message: expect.stringContaining("ha già un'iscrizione"),
    });
    const unknown = academy.call('enrollManually', ['nessuno@example.com', 'EXC-BASE']);
    expect(unknown.error).toContain('non è nel foglio Dipendenti');
    expect(rows(academy, 'Iscrizioni').map((r) => r.Origine)).toEqual(['Manuale', 'Manuale']);
  });

  test('a trigger that failed on a Spreadsheet fault is recovered by the reconciliation', async () => {
    const academy = await academyWith();
    publish(academy);
    // As many failures as the retries of one read: the trigger's run gives up on its first read.
    step(academy, {
      do: 'fault',
      service: 'Spreadsheet',
      times: 4,
      message: 'Service Spreadsheets timed out while accessing document',
    });
    const failed = step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    expect(failed.ok).toBe(false);
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
    const runs = academy.advance(61);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(enrollmentsView(academy)).toEqual([[anna, 'Confermata', '']]);
    expect(mails(academy).map((m) => m.to)).toEqual([anna]);
    academy.advance(61);
    expect(rows(academy, 'Iscrizioni')).toHaveLength(1);
    expect(mails(academy)).toHaveLength(1);
  });

  test('a later submission also catches up an earlier response left unprocessed', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'fault', service: 'Spreadsheet', times: 1, message: 'Service unavailable' });
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Confermata', ''],
      [luca, 'Confermata', ''],
    ]);
  });

  test('injection strings from the form are stored as text, never as formulas, and escaped in HTML mail', async () => {
    const academy = await academyWith({
      settings: { 'Email staff per notifiche': 'formazione@consorzio.example.it' },
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
    });
    publish(academy);
    const evil = '=IMPORTXML("http://x")@evil.example.com';
    step(academy, {
      do: 'submit',
      email: '+cmd@evil.example.com',
      courses: ['EXC-BASE'],
      answers: { Nome: '=HYPERLINK("http://x","y")', Cognome: '<img src=x onerror=alert(1)>', Comune: 'Crema' },
    });
    step(academy, {
      do: 'submit',
      email: evil,
      courses: ['EXC-BASE'],
      answers: { Nome: '@SUM(1)', Cognome: '-2+3', Comune: 'Crema' },
    });
    expect(formulas(academy)).toEqual({});
    expect(rows(academy, 'Iscrizioni').map((r) => r.Email)).toEqual(['+cmd@evil.example.com', evil.toLowerCase()]);
    const outbox = academy.ws.slot<{ outbox: Array<{ htmlBody: string }> }>('mail', () => ({ outbox: [] })).outbox;
    expect(outbox.some((m) => m.htmlBody.includes('<img'))).toBe(false);
    expect(outbox.some((m) => m.htmlBody.includes('&lt;img src=x onerror=alert(1)&gt;'))).toBe(true);
  });
});

describe('staff edits of Iscrizioni', () => {
  test('setting Stato to Annullata in the sheet promotes the first waiting request and renumbers', async () => {
    const academy = await academyWith();
    publish(academy);
    for (const who of [anna, luca, giulia, marco]) step(academy, { do: 'submit', email: who, courses: ['EXC-BASE'] });
    const before = mails(academy).length;
    const edit = step(academy, { do: 'edit', tab: 'Iscrizioni', where: { Email: luca }, set: { Stato: 'Annullata' } });
    expect(edit.ok).toBe(true);
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Confermata', ''],
      [luca, 'Annullata', ''],
      [giulia, 'Confermata', ''],
      [marco, 'In attesa', 1],
    ]);
    expect(
      mails(academy)
        .slice(before)
        .map((m) => [m.to, m.subject]),
    ).toEqual([[giulia, 'Posto confermato: Excel di base (EXC-BASE)']]);
    const again = step(academy, {
      do: 'edit',
      tab: 'Iscrizioni',
      where: { Email: marco },
      set: { Note: 'chiamato al telefono' },
    });
    expect(again.ok).toBe(true);
    expect(mails(academy).length).toBe(before + 1);
  });
});

describe('the mail outbox', () => {
  test('past the daily quota mails wait in the outbox and go once the quota is back', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'quota', service: 'Mail', remaining: 0 });
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Confermata', ''],
      [luca, 'Confermata', ''],
    ]);
    expect(mails(academy)).toEqual([]);
    academy.advance(60 * 23);
    expect(mails(academy)).toEqual([]);
    academy.advance(60 * 2);
    expect(mails(academy).map((m) => m.to)).toEqual([anna, luca]);
    academy.advance(60 * 3);
    expect(mails(academy)).toHaveLength(2);
  });

  test('a mail that failed to send is retried by the next run and sent once', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'fault', service: 'Mail', times: 1, message: 'Service unavailable: Gmail' });
    expect(step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] }).ok).toBe(true);
    expect(mails(academy)).toEqual([]);
    academy.advance(61);
    expect(mails(academy).map((m) => m.to)).toEqual([anna]);
  });
});

describe('settings that shape the policy', () => {
  test('unpaid fee refuses with the reason in Note; the per-comune cap makes a request wait with a seat free', async () => {
    const academy = await academyWith({
      settings: { 'Richiedi quota pagata': true, 'Posti massimi per comune': 1 },
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
    });
    publish(academy);
    for (const who of [anna, luca, giulia]) step(academy, { do: 'submit', email: who, courses: ['EXC-BASE'] });
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato, r['Posizione attesa'], r.Note])).toEqual([
      [anna, 'Confermata', '', ''],
      [luca, 'In attesa', 1, ''],
      [giulia, 'Respinta', '', 'La quota annuale del Comune di Offanengo non risulta pagata.'],
    ]);
    expect(mails(academy)[2]?.body).toContain(
      'Iscrizione non accolta: La quota annuale del Comune di Offanengo non risulta pagata.',
    );
  });

  test('with referent approval the request waits for the referent, who gets a mail', async () => {
    const academy = await academyWith({
      settings: { 'Approvazione referente': true },
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
    });
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    expect(enrollmentsView(academy)).toEqual([[anna, 'In approvazione', '']]);
    expect(mails(academy).map((m) => [m.to, m.subject])).toEqual([
      [anna, 'Iscrizione ai corsi: esito della richiesta'],
      ['segreteria@comune.crema.cr.it', 'Richiesta di approvazione iscrizione: Anna Bassi'],
    ]);
  });
});
