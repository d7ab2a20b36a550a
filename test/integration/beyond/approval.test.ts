import { snapshotMail } from '../../../src/local/services/mail';
import { academyWith, COMUNI, course, PEOPLE, publish, rows, SESSIONS, step } from '../enrollment/helpers';

jest.setTimeout(50_000);

const [anna, luca, giulia] = PEOPLE.map((p) => p.Email) as [string, string, string];
const referent = 'segreteria@comune.crema.cr.it';

function links(body: string): { approve: string; deny: string } {
  const approve = /APPROVA \((https:[^)\s]+)\)/.exec(body)?.[1];
  const deny = /RESPINGI \((https:[^)\s]+)\)/.exec(body)?.[1];
  if (!approve || !deny) throw new Error(`no links in: ${body}`);
  return { approve, deny };
}

async function approvalAcademy(seats = 1) {
  const academy = await academyWith({
    settings: { 'Approvazione referente': 'Sì' },
    registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course({ Posti: seats })], Sessioni: SESSIONS },
  });
  publish(academy);
  return academy;
}

function visit(academy: Awaited<ReturnType<typeof approvalAcademy>>, url: string): string {
  const r = step(academy, { do: 'visit', url });
  expect(r.ok).toBe(true);
  return String(r.value);
}

/** A referent opens the link (which only asks to confirm) and presses the confirmation button. */
function decide(academy: Awaited<ReturnType<typeof approvalAcademy>>, url: string): string {
  const page = visit(academy, url);
  if (!page.includes('Conferma')) return page;
  return visit(academy, `${url}&conferma=1`);
}

function statusOf(
  academy: Awaited<ReturnType<typeof approvalAcademy>>,
  email: string,
): Record<string, unknown> | undefined {
  return rows(academy, 'Iscrizioni').find((r) => r.Email === email);
}

function lastMailTo(academy: Awaited<ReturnType<typeof approvalAcademy>>, to: string) {
  return snapshotMail(academy.ws)
    .filter((m) => m.to === to)
    .at(-1);
}

describe('approval by the comune referent', () => {
  test('a request waits without a seat; the approve link confirms it once, then refuses reuse', async () => {
    const academy = await approvalAcademy();
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    expect(statusOf(academy, anna)).toMatchObject({ Stato: 'In approvazione', 'Posizione attesa': '' });
    const request = lastMailTo(academy, referent);
    expect(request?.subject).toBe('Richiesta di approvazione iscrizione: Anna Bassi');
    const { approve } = links(request?.body ?? '');

    const asked = visit(academy, approve);
    expect(asked).toContain("Approvare l'iscrizione?");
    expect(statusOf(academy, anna)).toMatchObject({ Stato: 'In approvazione' });
    const page = decide(academy, approve);
    expect(page).toContain('Iscrizione approvata');
    expect(page).toContain('iscrizione confermata');
    expect(statusOf(academy, anna)).toMatchObject({ Stato: 'Confermata' });
    expect(lastMailTo(academy, anna)?.subject).toBe('Iscrizione approvata: Excel di base (EXC-BASE)');

    const before = JSON.stringify(rows(academy, 'Iscrizioni'));
    const mails = snapshotMail(academy.ws).length;
    const again = decide(academy, approve);
    expect(again).toContain('Link già utilizzato');
    expect(again).toContain('Nessuna modifica');
    expect(JSON.stringify(rows(academy, 'Iscrizioni'))).toBe(before);
    expect(snapshotMail(academy.ws)).toHaveLength(mails);
  });

  test('approval follows the normal rules: a full course puts the approved request in the waitlist', async () => {
    const academy = await approvalAcademy(1);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    const [first, second] = snapshotMail(academy.ws).filter((m) => m.to === referent);
    // The later request is approved first and takes the free seat; the earlier one then waits.
    expect(decide(academy, links(second?.body ?? '').approve)).toContain('iscrizione confermata');
    expect(decide(academy, links(first?.body ?? '').approve)).toContain("lista d'attesa (posizione 1)");
    expect(statusOf(academy, luca)).toMatchObject({ Stato: 'Confermata' });
    expect(statusOf(academy, anna)).toMatchObject({ Stato: 'In attesa', 'Posizione attesa': 1 });
  });

  test('the deny link refuses with the given reason, or a default one', async () => {
    const academy = await approvalAcademy(2);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const { deny } = links(lastMailTo(academy, referent)?.body ?? '');
    const page = decide(academy, `${deny}&motivo=${encodeURIComponent('Servizio scoperto in quei giorni')}`);
    expect(page).toContain('Iscrizione respinta');
    expect(statusOf(academy, anna)).toMatchObject({
      Stato: 'Respinta',
      Note: 'Respinta dal referente del comune: Servizio scoperto in quei giorni',
    });
    expect(lastMailTo(academy, anna)?.body).toContain('Motivo: Servizio scoperto in quei giorni');

    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    decide(academy, links(lastMailTo(academy, referent)?.body ?? '').deny);
    expect(String(statusOf(academy, luca)?.Note)).toContain('richiesta non approvata dal referente del comune');
  });

  test('forged, tampered and expired links are refused with an Italian page and change nothing', async () => {
    const academy = await approvalAcademy(2);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const { approve, deny } = links(lastMailTo(academy, referent)?.body ?? '');
    const token = new URL(approve).searchParams.get('decisione') as string;
    const base = approve.slice(0, approve.indexOf('?'));
    const before = JSON.stringify(rows(academy, 'Iscrizioni'));
    const mails = snapshotMail(academy.ws).length;

    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(visit(academy, `${base}?decisione=${flipped}`)).toContain('Link non valido');
    expect(visit(academy, `${base}?decisione=${flipped}&conferma=1`)).toContain('Link non valido');
    // The deny link's claims turned into an approval: the signature no longer matches.
    const denyToken = new URL(deny).searchParams.get('decisione') as string;
    expect(visit(academy, `${base}?decisione=${denyToken.replace('.d.', '.a.')}`)).toContain('Link non valido');
    expect(visit(academy, `${base}?decisione=I00002.a.zzzzzz.0123456789abcdef.${'A'.repeat(43)}`)).toContain(
      'Link non valido',
    );
    expect(visit(academy, `${base}?decisione=%3Cscript%3E`)).toContain('Link non valido');
    expect(JSON.stringify(rows(academy, 'Iscrizioni'))).toBe(before);

    step(academy, { do: 'advance', minutes: 8 * 24 * 60 });
    const afterReminders = JSON.stringify(rows(academy, 'Iscrizioni'));
    const expired = visit(academy, approve);
    expect(expired).toContain('Link scaduto');
    expect(expired).toContain('Nessuna modifica');
    expect(JSON.stringify(rows(academy, 'Iscrizioni'))).toBe(afterReminders);
    expect(statusOf(academy, anna)).toMatchObject({ Stato: 'In approvazione' });
    expect(snapshotMail(academy.ws).filter((m) => m.to === anna)).toHaveLength(
      snapshotMail(academy.ws)
        .slice(0, mails)
        .filter((m) => m.to === anna).length,
    );
  });

  test('a referent who has not answered gets a reminder with fresh links every 3 days, and staff can decide instead', async () => {
    const academy = await approvalAcademy(2);
    step(academy, { do: 'submit', email: giulia, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    step(academy, { do: 'advance', minutes: 7 * 24 * 60 });
    const reminders = snapshotMail(academy.ws).filter((m) => m.subject.startsWith('Promemoria: 1 richiesta'));
    // Two comuni, two referents; reminders on days 3 and 6.
    expect(reminders.map((m) => m.to).sort()).toEqual(
      [referent, referent, 'segreteria@comune.offanengo.cr.it', 'segreteria@comune.offanengo.cr.it'].sort(),
    );
    const fresh = links(reminders.filter((m) => m.to === referent).at(-1)?.body ?? '');
    expect(decide(academy, fresh.approve)).toContain('Iscrizione approvata');

    const giuliaRow = statusOf(academy, giulia);
    const decided = step(academy, {
      do: 'call',
      fn: 'decideApproval',
      args: [giuliaRow?.ID, false, 'Corso non pertinente al ruolo'],
    });
    expect(decided.ok).toBe(true);
    expect(statusOf(academy, giulia)).toMatchObject({
      Stato: 'Respinta',
      Note: "Respinta dall'ufficio formazione: Corso non pertinente al ruolo",
    });
    const refused = step(academy, { do: 'call', fn: 'decideApproval', args: [giuliaRow?.ID, true], as: anna });
    expect(refused.ok).toBe(false);
  });
});
