/**
 * The comune's own page: a signed, expiring link per referent (monthly summary, or sent by staff on
 * request) to a web-app page with that comune only, a CSV of the same, revocable by staff.
 */
import { prepareAcademy, runStep } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import type { ScenarioStep } from '../../../src/local/scenario/schema';
import { snapshotMail } from '../../../src/local/services/mail';
import { holdScriptLock } from '../../../src/local/services/script';
import { scriptPropertiesOf } from '../../../src/local/services/script/properties';

jest.setTimeout(30_000);

const CREMA = 'referente@comune.crema.cr.it';
const OFFANENGO = 'referente@comune.offanengo.cr.it';

function person(id: string, first: string, last: string, comune: string) {
  const domain = comune.toLowerCase();
  return {
    ID: id,
    Nome: first,
    Cognome: last,
    Email: `${first}.${last}@comune.${domain}.cr.it`.toLowerCase(),
    Comune: comune,
    Ruolo: 'Dipendente',
    Attivo: true,
  };
}

const PEOPLE = [
  person('D00001', 'Anna', 'Bassi', 'Crema'),
  person('D00002', 'Luca', 'Ferrari', 'Crema'),
  person('D00003', 'Giulia', 'Riva', 'Offanengo'),
];

const REQUESTED = { 'Data richiesta': '2027-02-20T10:00:00+01:00', Origine: 'Manuale' };

async function academy(): Promise<LocalAcademy> {
  const a = LocalAcademy.fresh({ start: '2027-03-20T09:00:00+01:00' });
  await prepareAcademy(a, {
    settings: { 'Anno formativo': 2027, 'Ore obiettivo annue': 40 },
    registry: {
      Comuni: [
        { 'Codice ISTAT': '019035', Comune: 'Crema', Provincia: 'CR', 'Email referente': CREMA },
        { 'Codice ISTAT': '019062', Comune: 'Offanengo', Provincia: 'CR', 'Email referente': OFFANENGO },
      ],
      Dipendenti: PEOPLE,
      Corsi: [
        { Codice: 'GDPR', Titolo: 'GDPR di base', Ore: 4, Modalità: 'In presenza', Posti: 20, Stato: 'Concluso' },
        { Codice: 'EXC', Titolo: 'Excel', Ore: 3, Modalità: 'Online', Posti: 20, Stato: 'Iscrizioni aperte' },
      ],
      Sessioni: [
        { Corso: 'GDPR', Data: '2027-03-10', Inizio: '09:00', Fine: '13:00', Stato: 'Programmata' },
        { Corso: 'EXC', Data: '2027-04-12', Inizio: '09:00', Fine: '12:00', Stato: 'Programmata' },
      ],
      Iscrizioni: [
        ...PEOPLE.map((p) => ({ ...REQUESTED, Corso: 'GDPR', Email: p.Email, Dipendente: p.ID, Stato: 'Confermata' })),
        { ...REQUESTED, Corso: 'EXC', Email: PEOPLE[1]!.Email, Dipendente: 'D00002', Stato: 'Confermata' },
      ],
      Presenze: PEOPLE.map((p, i) => ({
        Sessione: 'GDPR-S1',
        Corso: 'GDPR',
        Dipendente: p.ID,
        Email: p.Email,
        Presente: i !== 1,
        Ore: '',
      })),
      Attestati: [
        {
          Numero: 'A4PA-2027-00001',
          Corso: 'GDPR',
          Dipendente: 'D00001',
          Email: PEOPLE[0]!.Email,
          'Ore frequentate': 4,
        },
      ],
    },
  });
  return a;
}

function step(a: LocalAcademy, s: ScenarioStep) {
  return runStep(a, s, 0);
}

function linkIn(body: string): string {
  const url = /(https:\/\/script\.google\.com\/\S+?comune=[^\s)]+)/.exec(body)?.[1];
  if (!url) throw new Error(`no comune link in: ${body}`);
  return url;
}

function visit(a: LocalAcademy, url: string): string {
  const r = step(a, { do: 'visit', url });
  if (!r.ok) throw new Error(r.error);
  return String(r.value);
}

function sentLink(a: LocalAcademy, comune: string, to: string): string {
  const r = step(a, { do: 'call', fn: 'sendComunePageLink', args: [comune] });
  expect(r.ok).toBe(true);
  const mail = snapshotMail(a.ws)
    .filter((m) => m.to === to)
    .at(-1);
  return linkIn(mail?.body ?? '');
}

describe('the comune page', () => {
  test('shows the comune of the link only, furthest from the target first, with courses attended, booked and certificates', async () => {
    const a = await academy();
    const page = visit(a, sentLink(a, 'Crema', CREMA));
    expect(page).toContain('Formazione 2027 — Comune di Crema');
    expect(page).toContain("Hanno raggiunto l'obiettivo 0 dipendenti su 2");
    expect(page).not.toContain('Riva');
    expect(page.indexOf('Ferrari Luca')).toBeGreaterThan(-1);
    expect(page.indexOf('Ferrari Luca')).toBeLessThan(page.indexOf('Bassi Anna'));
    expect(page).toMatch(/Bassi Anna\s*4\s*36\s*GDPR di base\s*—\s*GDPR di base/);
    expect(page).toMatch(/Ferrari Luca\s*0\s*40\s*—\s*Excel\s*—/);
    expect(page).toContain('Scarica in formato CSV (Excel)');
  });

  test('the CSV download has the same rows for Italian Excel, text neutralised', async () => {
    const a = await academy();
    const link = sentLink(a, 'Crema', CREMA);
    const csv = visit(a, `${link}&formato=csv`);
    expect(csv.split('\r\n').filter(Boolean)).toEqual([
      '\ufeffCognome;Nome;Email;Ore 2027;Ore obiettivo;Ore mancanti;Obiettivo raggiunto;Corsi frequentati;Corsi prenotati;Attestati',
      'Ferrari;Luca;luca.ferrari@comune.crema.cr.it;0;40;40;no;;Excel;',
      'Bassi;Anna;anna.bassi@comune.crema.cr.it;4;40;36;no;GDPR di base;;GDPR di base',
    ]);
  });

  test("refuses another comune's token spliced in, a tampered one, an expired one and a revoked one", async () => {
    const a = await academy();
    const crema = sentLink(a, 'Crema', CREMA);
    const offanengo = sentLink(a, 'Offanengo', OFFANENGO);
    expect(visit(a, offanengo)).toContain('Comune di Offanengo');
    const swapped = crema.replace('c.019035.', 'c.019062.');
    expect(visit(a, swapped)).toContain('Link non valido');
    expect(visit(a, swapped)).not.toContain('Riva');
    expect(visit(a, `${crema.slice(0, -1)}${crema.endsWith('A') ? 'B' : 'A'}`)).toContain('Link non valido');

    expect(step(a, { do: 'call', fn: 'revokeComunePageLink', args: ['Crema'] }).ok).toBe(true);
    expect(visit(a, crema)).toContain('Link revocato');
    expect(visit(a, `${crema}&formato=csv`)).toContain('Link revocato');
    expect(visit(a, offanengo)).toContain('Comune di Offanengo');
    const fresh = sentLink(a, 'Crema', CREMA);
    expect(fresh).not.toBe(crema);
    expect(visit(a, fresh)).toContain('Comune di Crema');

    step(a, { do: 'advance', minutes: 46 * 24 * 60 });
    expect(visit(a, fresh)).toContain('Link scaduto');
  });

  test('the monthly summary carries each referent their own link', async () => {
    const a = await academy();
    expect(step(a, { do: 'call', fn: 'sendComuniSummaries' }).ok).toBe(true);
    const summary = snapshotMail(a.ws).find((m) => m.to === OFFANENGO && m.subject.includes('riepilogo'));
    expect(summary?.body).toContain('pagina del Comune');
    const page = visit(a, linkIn(summary?.body ?? ''));
    expect(page).toContain('Comune di Offanengo');
    expect(page).toContain('Riva Giulia');
    expect(page).not.toContain('Bassi');
  });

  test('every referent gets their own link after a preview of the recipients, at most once a day', async () => {
    const a = await academy();
    step(a, { do: 'append', tab: 'Comuni', rows: [{ 'Codice ISTAT': '019004', Comune: 'Bagnolo Cremasco' }] });
    const preview = step(a, { do: 'call', fn: 'previewComunePageLinks', args: [] });
    expect(preview.value).toMatchObject({
      message:
        '2 referenti riceveranno il link alla pagina del proprio Comune. 1 comuni senza link (motivo accanto al nome).',
      recipients: [
        { comune: 'Crema', to: CREMA, alreadySent: false },
        { comune: 'Offanengo', to: OFFANENGO, alreadySent: false },
      ],
      leftOut: [{ comune: 'Bagnolo Cremasco', reason: 'senza «Email referente»' }],
    });
    expect(snapshotMail(a.ws)).toEqual([]);
    const sent = step(a, { do: 'call', fn: 'sendComunePageLinks', args: [] });
    expect(sent.value).toMatchObject({ sent: 2, alreadySent: 0, failed: [] });
    const pages = [CREMA, OFFANENGO].map((to) =>
      visit(a, linkIn(snapshotMail(a.ws).find((m) => m.to === to)?.body ?? '')),
    );
    expect(pages[0]).toContain('Comune di Crema');
    expect(pages[1]).toContain('Comune di Offanengo');
    const again = step(a, { do: 'call', fn: 'previewComunePageLinks', args: ['crema'] });
    expect(again.value).toMatchObject({ recipients: [{ comune: 'Crema', alreadySent: true }], leftOut: [] });
    expect(step(a, { do: 'call', fn: 'sendComunePageLinks', args: [] }).value).toMatchObject({
      sent: 0,
      alreadySent: 2,
    });
    expect(snapshotMail(a.ws)).toHaveLength(2);
  });

  test('the signing secret is made under the script lock: none while another run holds it, then one for every link', async () => {
    const a = await academy();
    expect(scriptPropertiesOf(a.ws)['a4pa.approval.secret']).toBeUndefined();
    holdScriptLock(a.ws, a.now() + 5 * 60_000);
    const busy = step(a, { do: 'call', fn: 'sendComunePageLinks', args: [] });
    expect(busy.ok).toBe(false);
    expect(busy.error).toMatch(/Un'altra operazione sul registro è in corso/);
    expect(scriptPropertiesOf(a.ws)['a4pa.approval.secret']).toBeUndefined();
    expect(snapshotMail(a.ws)).toEqual([]);
    step(a, { do: 'advance', minutes: 6 });
    expect(step(a, { do: 'call', fn: 'sendComunePageLinks', args: [] }).value).toMatchObject({ sent: 2 });
    const secret = scriptPropertiesOf(a.ws)['a4pa.approval.secret'];
    expect(secret).toMatch(/^[0-9a-f-]{72}$/);
    expect(step(a, { do: 'call', fn: 'sendComunePageLink', args: ['Crema'] }).ok).toBe(true);
    expect(scriptPropertiesOf(a.ws)['a4pa.approval.secret']).toBe(secret);
    for (const mail of snapshotMail(a.ws)) expect(visit(a, linkIn(mail.body))).toContain('Comune di');
  });

  test('only staff send or revoke links', async () => {
    const a = await academy();
    for (const fn of ['sendComunePageLink', 'sendComunePageLinks', 'revokeComunePageLink']) {
      expect(step(a, { do: 'call', fn, args: ['Crema'], as: PEOPLE[0]!.Email }).ok).toBe(false);
    }
    expect(snapshotMail(a.ws).filter((m) => m.to === CREMA)).toEqual([]);
  });
});
