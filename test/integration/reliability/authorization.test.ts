/**
 * Who may run what. Finding 2 of the security review: trigger handlers ran for anyone with the owner's
 * authority. Now every entry point either checks its caller (staff) or proves it was fired by its own
 * installed trigger; anything else is refused in Italian and logged as `Accesso negato`.
 */
import { triggerState } from '../../../src/local/runtime/triggers';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { academyWith, mails, publish, registro, rows, stateOf, step, syncCalendar, PEOPLE } from './helpers';

jest.setTimeout(50_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string];
const INTRUDER = 'curioso@comune.crema.cr.it';
const OUTSIDERS = [INTRUDER, ''];

/** Trigger handlers: staff may run them by hand; otherwise only their own installed trigger. */
const TRIGGER_HANDLERS = [
  'onFormSubmit',
  'onRegistryEdit',
  'reconcileResponses',
  'runJobs',
  'runDailyTasks',
  'sendQueuedMail',
];
/** Simple triggers that only build the menu (no data read or written). */
const MENU_ONLY = ['onOpen', 'onInstall'];
/** The public web app: acts only on signed tokens. */
const PUBLIC = ['doGet'];

const REFUSAL = /^Operazione non consentita: «.+» è riservata allo staff della formazione/;

async function busyAcademy(): Promise<LocalAcademy> {
  const academy = await academyWith();
  publish(academy);
  step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
  syncCalendar(academy);
  return academy;
}

function uidOf(academy: LocalAcademy, handler: string): string {
  const t = triggerState(academy.ws).triggers.find((x) => x.handler === handler);
  if (!t) throw new Error(`no trigger for ${handler}`);
  return t.uid;
}

/** Every way an outsider can shape a trigger's event through `google.script.run` (plain data only). */
function forgedEvents(academy: LocalAcademy, handler: string): unknown[][] {
  const otherUid = uidOf(academy, handler === 'onFormSubmit' ? 'reconcileResponses' : 'onFormSubmit');
  return [
    [],
    [null],
    [{}],
    ['onFormSubmit'],
    [42],
    [[uidOf(academy, 'onFormSubmit')]],
    [{ triggerUid: '' }],
    [{ triggerUid: 'made-up' }],
    [{ triggerUid: 123456789 }],
    [{ triggerUid: [otherUid] }],
    [{ triggerUid: otherUid }],
    [{ triggerUid: otherUid, authMode: 'FULL' }],
    [{ triggerUid: 'made-up', response: { id: 'forged', email: luca }, source: { id: 'x' } }],
    [{ triggerUid: otherUid, range: { sheet: 'Iscrizioni', row: 2 }, value: 'Annullata' }],
  ];
}

describe('authorization', () => {
  test('the trigger handlers, menu triggers and web app exempted below are entry points of the bundle', async () => {
    const academy = await academyWith();
    const names = academy.runtime.functionNames();
    for (const fn of [...TRIGGER_HANDLERS, ...MENU_ONLY, ...PUBLIC]) expect(names).toContain(fn);
    expect(academy.hasFunction('doGet')).toBe(true);
  });

  test('every sidebar function of the bundle refuses a non-staff caller and an empty identity, changes nothing and is logged', async () => {
    const academy = await busyAcademy();
    const exempt = new Set([...TRIGGER_HANDLERS, ...MENU_ONLY, ...PUBLIC]);
    const names = academy.runtime
      .functionNames()
      .filter((n) => !exempt.has(n))
      .sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'cancelEnrollment',
        'enrollManually',
        'getDashboard',
        'issueCertificates',
        'setupAcademy',
        'showSidebar',
        'syncCalendar',
      ]),
    );
    const before = stateOf(academy);
    const logged = registro(academy).length;
    const args = ['I00001', 'EXC-BASE', 'x'];
    for (const who of OUTSIDERS) {
      for (const fn of names) {
        const run = academy.call(fn, args, who);
        expect({ fn, who, ok: run.ok }).toEqual({ fn, who, ok: false });
        expect(run.error).toMatch(REFUSAL);
      }
    }
    expect(stateOf(academy)).toBe(before);
    const refusals = registro(academy).slice(logged);
    expect(refusals).toHaveLength(names.length * 2);
    expect(refusals.every((r) => r.Azione === 'Accesso negato')).toBe(true);
    expect(refusals.filter((r) => String(r.Dettagli).includes(INTRUDER))).toHaveLength(names.length);
    expect(refusals.filter((r) => String(r.Dettagli).includes('utente non identificato'))).toHaveLength(names.length);
  });

  test('trigger handlers called with events forged every way are refused, logged and change nothing', async () => {
    const academy = await busyAcademy();
    const before = stateOf(academy);
    const logged = registro(academy).length;
    let attempts = 0;
    for (const fn of TRIGGER_HANDLERS) {
      for (const args of forgedEvents(academy, fn)) {
        for (const who of OUTSIDERS) {
          const run = academy.call(fn, args, who);
          attempts += 1;
          expect({ fn, args, who, ok: run.ok }).toEqual({ fn, args, who, ok: false });
          expect(run.error).toMatch(REFUSAL);
        }
      }
    }
    expect(stateOf(academy)).toBe(before);
    const refusals = registro(academy).slice(logged);
    expect(refusals).toHaveLength(attempts);
    expect(refusals.every((r) => r.Azione === 'Accesso negato')).toBe(true);
  });

  test('an outsider cannot make the reconciliation process a pending response or send queued mail; the real trigger does', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'fault', service: 'Spreadsheet', times: 40, message: 'Service unavailable' });
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    academy.ws.faults.splice(0);
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
    for (const who of OUTSIDERS) {
      const run = academy.call('reconcileResponses', [{ triggerUid: uidOf(academy, 'onFormSubmit') }], who);
      expect(run.ok).toBe(false);
    }
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
    expect(mails(academy)).toEqual([]);
    expect(registro(academy).filter((r) => r.Azione === 'Accesso negato')).toHaveLength(2);
    academy.advance(61);
    expect(rows(academy, 'Iscrizioni').map((r) => r.Email)).toEqual([anna]);
    expect(mails(academy).map((m) => m.to)).toEqual([anna]);
  });

  test('staff may run a trigger handler by hand', async () => {
    const academy = await busyAcademy();
    expect(academy.call('reconcileResponses').ok).toBe(true);
    expect(academy.call('onRegistryEdit').ok).toBe(true);
    expect(registro(academy).filter((r) => r.Azione === 'Accesso negato')).toEqual([]);
  });

  test('the menu-only simple triggers read and write nothing, whoever calls them', async () => {
    const academy = await busyAcademy();
    const before = stateOf(academy);
    const logged = registro(academy).length;
    for (const who of OUTSIDERS) for (const fn of MENU_ONLY) academy.call(fn, [{ triggerUid: 'x' }], who);
    expect(stateOf(academy)).toBe(before);
    expect(registro(academy)).toHaveLength(logged);
  });

  test('staff listed in Staff autorizzati may call them; the owner too', async () => {
    const academy = await academyWith({ settings: { 'Staff autorizzati': 'segreteria@consorzio.example.it' } });
    expect(academy.call('getDashboard', [], 'segreteria@consorzio.example.it').ok).toBe(true);
    expect(academy.call('getDashboard').ok).toBe(true);
    expect(academy.call('getDashboard', [], 'SEGRETERIA@consorzio.example.it ').ok).toBe(true);
  });

  test('the web app acts on nothing but valid signed tokens', async () => {
    const academy = await busyAcademy();
    const before = stateOf(academy);
    for (const url of [
      '/exec',
      '/exec?token=abc',
      '/exec?azione=approva&id=I00001',
      '/exec?token=eyJ9.e30&decisione=approve',
      '/exec?verifica=%3Cscript%3E',
      '/exec?decisione=I00001.a.0zzzzzz.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const page = academy.visit(url);
      expect(page.ok).toBe(true);
      expect(String(page.value)).not.toMatch(/<script/i);
    }
    expect(stateOf(academy)).toBe(before);
  });
});
