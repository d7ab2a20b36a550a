/**
 * Nuovo anno formativo: refusals that change nothing, the change itself (archive, catalog in Bozza,
 * same form emptied, year setting), and a change stopped halfway that resumes without losing or
 * duplicating a row.
 */
import { defaultLatencyModel } from '../../../src/local/runtime/latency';
import { useLatency } from '../certificates/academy';
import { snapshotSheets } from '../../../src/local/services/spreadsheet';
import { scriptGlobals } from '../../../src/local/services/script';
import { scriptPropertiesOf } from '../../../src/local/services/script/properties';
import {
  ARCHIVE_2027,
  addAttendance,
  archiveRows,
  expectOk,
  form,
  holdScriptLock,
  rows,
  setting,
  spreadsheetNamed,
  step,
  yearEndAcademy,
} from './academy';

jest.setTimeout(60_000);

type Academy = Awaited<ReturnType<typeof yearEndAcademy>>;

function tabs(academy: Academy): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [tab, sheet] of Object.entries(snapshotSheets(academy.ws, academy.spreadsheetId)))
    out[tab] = sheet.rows.length;
  return out;
}

function without<T extends Record<string, unknown>>(counts: T, key: string): Omit<T, string> {
  const copy = { ...counts };
  delete copy[key];
  return copy;
}

function message(run: { ok: boolean; error?: string; value?: unknown }): string {
  return run.ok ? String((run.value as { message: string }).message) : String(run.error);
}

describe('startTrainingYear refuses', () => {
  test('a year that is not the next, the current one, a held lock and unconfirmed unfinished work, changing nothing', async () => {
    const academy = await yearEndAcademy();
    const before = tabs(academy);
    const cases: Array<[unknown[], RegExp]> = [
      [[2029], /Si può aprire solo l'anno successivo a quello in corso \(2027\): il 2028, non il 2029/],
      [[2027], /L'anno formativo 2027 è già aperto/],
      [[2026], /L'anno formativo 2026 è già chiuso/],
      [['prossimo'], /numero di quattro cifre \(il prossimo è il 2028\)/],
      [[2028], /Prima di chiudere il 2027: 1 richiesta in lista d'attesa: EXC-BASE \(1\)\..*Confermare per procedere/],
    ];
    for (const [args, expected] of cases) {
      const run = academy.call('startTrainingYear', args);
      expect(run.ok).toBe(false);
      expect(run.error).toMatch(expected);
    }
    holdScriptLock(academy.ws, academy.now() + 10 * 60_000);
    const busy = academy.call('startTrainingYear', [2028, { confirm: true }]);
    expect(busy.error).toMatch(/Un'altra operazione sul registro è in corso/);
    expect(without(tabs(academy), 'Registro')).toEqual(without(before, 'Registro'));
    expect(spreadsheetNamed(academy, ARCHIVE_2027)).toEqual([]);
    expect(String(setting(academy, 'Anno formativo'))).toBe('2027');
    expect(form(academy).accepting).toBe(true);
  });

  test('the preview says what would happen and what is unfinished, and changes nothing', async () => {
    const academy = await yearEndAcademy();
    const before = tabs(academy);
    const run = academy.call('previewTrainingYear', [2028]);
    expectOk(run);
    expect(run.value).toMatchObject({
      closing: 2027,
      opening: 2028,
      archive: ARCHIVE_2027,
      blocked: '',
      editions: [
        { from: 'EXC-BASE', to: 'EXC-BASE-2028', title: 'Excel di base' },
        { from: 'PEC-2027', to: 'PEC-2028', title: 'PEC e firma digitale' },
      ],
      unfinished: ["1 richiesta in lista d'attesa: EXC-BASE (1)."],
    });
    expect((run.value as { rows: Array<{ tab: string; count: number }> }).rows).toEqual([
      { tab: 'Corsi', count: 3 },
      { tab: 'Sessioni', count: 3 },
      { tab: 'Iscrizioni', count: 4 },
      { tab: 'Presenze', count: 4 },
      { tab: 'Attestati', count: 0 },
      { tab: 'Formazione esterna', count: 2 },
    ]);
    expect(tabs(academy)).toEqual(before);
  });
});

function expectYearChanged(academy: Academy, originals: Record<string, Array<Record<string, unknown>>>): void {
  for (const tab of ['Corsi', 'Sessioni', 'Iscrizioni', 'Presenze']) {
    expect(archiveRows(academy, tab)).toEqual(originals[tab]);
  }
  expect(rows(academy, 'Iscrizioni')).toEqual([]);
  expect(rows(academy, 'Presenze')).toEqual([]);
  expect(rows(academy, 'Sessioni')).toEqual([]);
  // External training of 2028 stays; 2027's is archived.
  expect(rows(academy, 'Formazione esterna').map((r) => r.Titolo)).toEqual(['Privacy']);
  expect(archiveRows(academy, 'Formazione esterna').map((r) => r.Titolo)).toEqual(['Anticorruzione']);
  expect(rows(academy, 'Corsi').map((r) => [r.Codice, r.Titolo, r.Stato, r.Posti])).toEqual([
    ['EXC-BASE-2028', 'Excel di base', 'Bozza', 2],
    ['PEC-2028', 'PEC e firma digitale', 'Bozza', 10],
  ]);
  expect(archiveRows(academy, 'Risposte modulo iscrizioni')).toHaveLength(4);
  expect(archiveRows(academy, 'Ore per dipendente').map((r) => [r.ID, r.Ore])).toEqual([
    ['D00001', 10],
    ['D00002', 6],
  ]);
  expect(String(setting(academy, 'Anno formativo'))).toBe('2028');
  const f = form(academy);
  expect(f.title).toMatch(/2028/);
  expect(f.accepting).toBe(false);
  expect(spreadsheetNamed(academy, ARCHIVE_2027)).toHaveLength(1);
}

function originalsOf(academy: Academy): Record<string, Array<Record<string, unknown>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const tab of ['Corsi', 'Sessioni', 'Iscrizioni', 'Presenze']) out[tab] = rows(academy, tab);
  return out;
}

describe('startTrainingYear', () => {
  test('confirmed, moves the year to its archive, copies the catalog in Bozza and keeps the same form', async () => {
    const academy = await yearEndAcademy();
    const originals = originalsOf(academy);
    const formId = form(academy).id;
    const run = academy.call('startTrainingYear', [2028, { confirm: true }]);
    expect(message(run)).toMatch(
      /Anno formativo 2028 aperto: l'anno 2027 è nell'archivio «Academy4PA - Archivio 2027»/,
    );
    expectYearChanged(academy, originals);
    expect(form(academy).id).toBe(formId);
    const log = rows(academy, 'Registro').map((r) => r.Azione);
    expect(log).toContain('Nuovo anno formativo avviato');
    expect(log).toContain('Anno formativo aperto');

    const twice = academy.call('startTrainingYear', [2028, { confirm: true }]);
    expect(twice.error).toMatch(/L'anno formativo 2028 è già aperto/);
    expect(archiveRows(academy, 'Iscrizioni')).toHaveLength(originals.Iscrizioni?.length ?? -1);
  });

  test("forgets the Meet import's memory of the archived sessions and courses, and nothing else", async () => {
    const academy = await yearEndAcademy();
    scriptGlobals(academy.ws)
      .PropertiesService.getScriptProperties()
      .setProperties({
        'a4pa.meet.session.EXC-BASE-S1': JSON.stringify({ D00001: [true, 3] }),
        'a4pa.meet.session.PEC-2027-S1': JSON.stringify({ D00002: [false, 0] }),
        'a4pa.meet.names.EXC-BASE': JSON.stringify({ 'anna bassi': 'D00001' }),
        'a4pa.meet.dailyCheckedAt': '1830000000000',
      });
    expectOk(academy.call('startTrainingYear', [2028, { confirm: true }]));
    const keys = Object.keys(scriptPropertiesOf(academy.ws));
    expect(keys.filter((k) => k.startsWith('a4pa.meet.'))).toEqual(['a4pa.meet.dailyCheckedAt']);
    expect(keys).toContain('a4pa.form.id');
    expect(rows(academy, 'Registro').filter((r) => r.Azione === 'Anno formativo: memoria Meet svuotata')).toEqual([
      expect.objectContaining({ Dettagli: '3 voci delle sessioni del 2027 archiviate' }),
    ]);
  });

  test('a submission in the new year is numbered from the empty tab and the form reopens when a course opens', async () => {
    const academy = await yearEndAcademy();
    expectOk(academy.call('startTrainingYear', [2028, { confirm: true }]));
    academy.edit('Corsi', { Codice: 'PEC-2028' }, { Stato: 'Iscrizioni aperte' });
    expectOk(academy.call('publishEnrollmentForm'));
    expect(form(academy).accepting).toBe(true);
    const anna = 'anna.bassi@comune.crema.cr.it';
    expect(step(academy, { do: 'submit', email: anna, courses: ['PEC-2028'] }).ok).toBe(true);
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Corso, r.Email, r.Stato])).toEqual([
      ['PEC-2028', anna, 'Confermata'],
    ]);
  });

  test('stopped at the time limit and hit by a Spreadsheet fault halfway, resumes without losing or duplicating a row', async () => {
    const academy = await yearEndAcademy();
    const originals = originalsOf(academy);
    let clears = 0;
    useLatency(academy, {
      ...defaultLatencyModel,
      cost(service, method, cells) {
        // The Presenze move is killed after its rows reached the archive and before they left the tab.
        if (service === 'Spreadsheet' && method === 'clearContent' && ++clears === 4) return 6 * 60_000;
        return defaultLatencyModel.cost(service, method, cells);
      },
    });
    const stopped = academy.call('startTrainingYear', [2028, { confirm: true }]);
    expect(stopped.ok).toBe(false);
    expect(stopped.error).toMatch(/tempo massimo|Exceeded maximum execution time/);
    expect(String(setting(academy, 'Anno formativo'))).toBe('2027');
    useLatency(academy, defaultLatencyModel);
    academy.fault('Spreadsheet', 2, 'Service error: Spreadsheets');
    const runs = academy.advance(30);
    expect(runs.length).toBeGreaterThan(0);
    expectYearChanged(academy, originals);
    expect(rows(academy, 'Registro').map((r) => r.Azione)).toContain('Anno formativo aperto');
  });

  test('moves 20,000 attendance rows in chunks over several executions, stopped inside a chunk and hit by a fault, each row archived once', async () => {
    const academy = await yearEndAcademy();
    addAttendance(academy, 20_000);
    const original = rows(academy, 'Presenze').filter((r) => r.Sessione !== '');
    let bigClears = 0;
    const runs: Array<{ ok: boolean; elapsedMs: number }> = [];
    useLatency(academy, {
      ...defaultLatencyModel,
      cost(service, method, cells) {
        // Each chunk written to the archive takes 100 s, so a slice has room for two; the second chunk's
        // clearing is killed at the time limit, after its rows reached the archive.
        if (service === 'Spreadsheet' && method === 'setValues' && (cells ?? 0) > 10_000) return 100_000;
        if (service === 'Spreadsheet' && method === 'clearContent' && (cells ?? 0) > 10_000 && ++bigClears === 2)
          return 6 * 60_000;
        return defaultLatencyModel.cost(service, method, cells);
      },
    });
    runs.push(academy.call('startTrainingYear', [2028, { confirm: true }]));
    expect(bigClears).toBe(2);
    academy.fault('Spreadsheet', 2, 'Service error: Spreadsheets');
    for (let i = 0; i < 20 && String(setting(academy, 'Anno formativo')) !== '2028'; i++)
      runs.push(...academy.advance(5));
    expect(runs.filter((r) => !r.ok)).toHaveLength(1);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    // Every execution but the one killed stays within the slice budget, far from the 6-minute limit.
    expect(Math.max(...runs.filter((r) => r.ok).map((r) => r.elapsedMs))).toBeLessThanOrEqual(300_000);
    expect(archiveRows(academy, 'Presenze')).toEqual(original);
    expect(rows(academy, 'Presenze').filter((r) => r.Sessione !== '')).toEqual([]);
    expect(String(setting(academy, 'Anno formativo'))).toBe('2028');
    expect(rows(academy, 'Registro').map((r) => r.Dettagli)).toContain(`Presenze: ${original.length} righe nel 2027`);
  });
});
