import { academyWith, publish, registro, stateOf, step, syncCalendar, PEOPLE, rows } from './helpers';

jest.setTimeout(120_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string];
const INTRUDER = 'curioso@comune.crema.cr.it';

/**
 * Entry points that are not sidebar functions: triggers (they run as the script's owner and act only
 * on what their event proves) and the public web app. Every other top-level function is staff-only.
 */
const NOT_STAFF_ONLY = new Set([
  'onOpen',
  'onInstall',
  'onFormSubmit',
  'onRegistryEdit',
  'reconcileResponses',
  'runJobs',
  'doGet',
  'runDailyTasks',
]);

async function busyAcademy() {
  const academy = await academyWith();
  publish(academy);
  step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
  syncCalendar(academy);
  return academy;
}

describe('authorization', () => {
  test('every sidebar function of the bundle refuses a non-staff caller and an empty identity, changes nothing and is logged', async () => {
    const academy = await busyAcademy();
    const names = academy.runtime
      .functionNames()
      .filter((n) => !NOT_STAFF_ONLY.has(n))
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
    for (const who of [INTRUDER, '']) {
      for (const fn of names) {
        const run = academy.call(fn, args, who);
        expect({ fn, who, ok: run.ok }).toEqual({ fn, who, ok: false });
        expect(run.error).toMatch(/Operazione non consentita: «.+» è riservata allo staff della formazione/);
      }
    }
    expect(stateOf(academy)).toBe(before);
    const refusals = registro(academy).slice(logged);
    expect(refusals).toHaveLength(names.length * 2);
    expect(refusals.every((r) => r.Azione === 'Accesso negato')).toBe(true);
    expect(refusals.filter((r) => String(r.Dettagli).includes(INTRUDER))).toHaveLength(names.length);
    expect(refusals.filter((r) => String(r.Dettagli).includes('utente non identificato'))).toHaveLength(names.length);
  });

  test('staff listed in Staff autorizzati may call them; the owner too', async () => {
    const academy = await academyWith({ settings: { 'Staff autorizzati': 'segreteria@consorzio.example.it' } });
    expect(academy.call('getDashboard', [], 'segreteria@consorzio.example.it').ok).toBe(true);
    expect(academy.call('getDashboard').ok).toBe(true);
    expect(academy.call('getDashboard', [], 'SEGRETERIA@consorzio.example.it ').ok).toBe(true);
  });

  test('triggers called by hand with forged events do nothing', async () => {
    const academy = await busyAcademy();
    const before = stateOf(academy);
    const forged: Array<[string, unknown[]]> = [
      ['onFormSubmit', [{ response: { id: 'forged', email: luca }, source: { id: 'x' } }]],
      ['onFormSubmit', [{}]],
      ['onFormSubmit', []],
      ['onRegistryEdit', [{ range: { sheet: 'Iscrizioni', row: 2 }, value: 'Annullata' }]],
      ['reconcileResponses', []],
      ['onOpen', []],
    ];
    for (const who of [INTRUDER, '']) {
      for (const [fn, args] of forged) academy.call(fn, args, who);
    }
    expect(stateOf(academy)).toBe(before);
    expect(rows(academy, 'Iscrizioni')).toHaveLength(1);
  });

  test('runJobs with a made-up trigger id is a sidebar call: refused to non-staff', async () => {
    const academy = await busyAcademy();
    const before = stateOf(academy);
    for (const who of [INTRUDER, '']) {
      const run = academy.call('runJobs', [{ triggerUid: 'made-up' }], who);
      expect(run.ok).toBe(false);
      expect(run.error).toMatch(/riservata allo staff/);
    }
    expect(stateOf(academy)).toBe(before);
  });

  test('the web app acts on nothing but valid signed tokens', async () => {
    const academy = await busyAcademy();
    if (!academy.hasFunction('doGet')) return;
    const before = stateOf(academy);
    for (const url of [
      '/exec',
      '/exec?token=abc',
      '/exec?azione=approva&id=I00001',
      '/exec?token=eyJ9.e30&decisione=approve',
      '/exec?verifica=%3Cscript%3E',
    ]) {
      const page = academy.visit(url);
      expect(page.ok).toBe(true);
      expect(String(page.value)).not.toMatch(/<script/i);
    }
    expect(stateOf(academy)).toBe(before);
  });
});
