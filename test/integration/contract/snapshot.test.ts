/**
 * The snapshot is the local contract outside checks read (docs/contracts.md, "Snapshot"): its keys, the shape
 * of each section and the types of the cell values are pinned here on a small scenario.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBuild } from '../../../src/local/cli/ensure-build';
import { runScenario } from '../../../src/local/scenario/runner';
import { parseScenario, validateScenario } from '../../../src/local/scenario/schema';
import type { Snapshot } from '../../../src/local/scenario/snapshot';
import { DOCUMENTED_TABS } from '../../fixtures/documented-tabs';
import { ANNA, EXCEL_COURSE, SESSIONS } from '../../fixtures/small-academy';

jest.setTimeout(30_000);

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/;
const CONTRACT_SERVICES = ['Spreadsheet', 'Forms', 'Calendar', 'Docs', 'Drive', 'Mail'];

const small = validateScenario({
  start: '2027-02-01T09:00:00+01:00',
  settings: { 'Anno formativo': 2027, 'Richiedi quota pagata': false },
  registry: {
    Comuni: [
      { 'Codice ISTAT': '019035', Comune: 'Crema', Provincia: 'CR', 'Quota annuale (€)': 3400, 'Quota pagata': true },
    ],
    Dipendenti: [ANNA],
    Corsi: [EXCEL_COURSE],
    Sessioni: SESSIONS.slice(0, 1),
  },
  steps: [
    { do: 'call', fn: 'noSuchServerFunction', args: [1, 'x'] },
    { do: 'fault', service: 'Mail', times: 1, message: 'Service unavailable' },
    { do: 'quota', service: 'Mail', remaining: 10 },
    { do: 'edit', tab: 'Comuni', where: { Comune: 'Crema' }, set: { Note: 'capofila' } },
    {
      do: 'append',
      tab: 'Formazione esterna',
      rows: [
        {
          Email: 'anna.bassi@comune.crema.cr.it',
          Titolo: 'Syllabus: dati aperti',
          Ente: 'Funzione Pubblica',
          Ore: 2,
          Data: '2027-01-20',
        },
      ],
    },
    { do: 'advance', minutes: 5 },
    { do: 'visit', url: 'https://script.google.com/macros/s/x/exec?verifica=ABC' },
  ],
});

let snapshot: Snapshot;

beforeAll(() => {
  ensureBuild();
  snapshot = runScenario(small);
});

function rowsOf(tab: string): Array<Record<string, unknown>> {
  const sheet = snapshot.sheets[tab];
  if (!sheet) throw new Error(`no tab ${tab} in the snapshot`);
  return sheet.rows;
}

describe('the scenario snapshot', () => {
  it('has exactly the contract keys', () => {
    expect(Object.keys(snapshot).sort()).toEqual([
      'calendar',
      'calls',
      'drive',
      'forms',
      'mail',
      'results',
      'sheets',
      'triggers',
    ]);
    for (const key of ['calendar', 'mail', 'drive', 'forms', 'triggers', 'results'] as const)
      expect(Array.isArray(snapshot[key])).toBe(true);
  });

  it('counts the six contract services over the whole scenario', () => {
    expect(Object.keys(snapshot.calls).sort()).toEqual([...CONTRACT_SERVICES].sort());
    for (const n of Object.values(snapshot.calls)) expect(Number.isInteger(n) && n >= 0).toBe(true);
    expect(snapshot.calls.Spreadsheet).toBeGreaterThan(0);
  });

  it('has one result per step, in order, with the contract fields', () => {
    expect(snapshot.results.map((r) => r.step)).toEqual(small.steps.map((_, i) => i));
    for (const r of snapshot.results) {
      expect(typeof r.ok).toBe('boolean');
      expect('value' in r).toBe(true);
      for (const key of Object.keys(r)) expect(['step', 'ok', 'value', 'error']).toContain(key);
      if (!r.ok) expect(typeof r.error).toBe('string');
    }
  });

  it('records a missing server function as a failed step and goes on', () => {
    expect(snapshot.results[0]).toEqual({
      step: 0,
      ok: false,
      value: null,
      error: 'Script function not found: noSuchServerFunction',
    });
    expect(snapshot.results[1]).toEqual({ step: 1, ok: true, value: null });
    expect(snapshot.results[3]?.ok).toBe(true);
  });

  it('shows every tab with its header, rows keyed by header and formula cells in A1 notation', () => {
    for (const tab of Object.keys(DOCUMENTED_TABS)) expect(Object.keys(snapshot.sheets)).toContain(tab);
    for (const [tab, sheet] of Object.entries(snapshot.sheets)) {
      expect(Object.keys(sheet).sort()).toEqual(['formulas', 'header', 'rows']);
      expect(sheet.header.every((h) => typeof h === 'string')).toBe(true);
      for (const cell of sheet.formulas) expect(cell).toMatch(/^[A-Z]+[1-9]\d*$/);
      for (const row of sheet.rows) {
        for (const [key, value] of Object.entries(row)) {
          expect(sheet.header.includes(key) || /^[A-Z]+$/.test(key)).toBe(true);
          expect(['string', 'number', 'boolean']).toContain(typeof value);
        }
      }
      expect(tab.length).toBeGreaterThan(0);
    }
  });

  it('gives checkboxes as booleans, empty cells as "" and dates as ISO strings with offset', () => {
    const anna = rowsOf('Dipendenti').find((r) => r.Email === 'anna.bassi@comune.crema.cr.it');
    expect(anna).toMatchObject({ Nome: 'Anna', Attivo: true, 'Codice fiscale': '', Ufficio: '' });
    expect(rowsOf('Comuni')[0]).toMatchObject({ Comune: 'Crema', 'Quota pagata': true, Note: 'capofila' });
    const external = rowsOf('Formazione esterna')[0];
    expect(external?.Data).toBe('2027-01-20T00:00:00+01:00');
    expect(external?.Ore).toBe(2);
    const session = rowsOf('Sessioni')[0];
    expect(session?.Data).toMatch(ISO_WITH_OFFSET);
  });

  it('writes the settings into Impostazioni as staff type them', () => {
    const value = (key: string): unknown => rowsOf('Impostazioni').find((r) => r.Chiave === key)?.Valore;
    expect(value('Anno formativo')).toBe(2027);
    expect(value('Richiedi quota pagata')).toBe('No');
  });

  it('narrows the service sections to the contract fields', () => {
    const keys = {
      calendar: ['attendees', 'end', 'id', 'location', 'meet', 'sessionId', 'start', 'status', 'summary'],
      mail: ['at', 'attachments', 'body', 'subject', 'to'],
      drive: ['id', 'mimeType', 'name', 'path', 'text'],
      forms: ['accepting', 'id', 'items', 'title'],
      triggers: ['handler', 'type'],
    } as const;
    for (const [section, expected] of Object.entries(keys)) {
      for (const entry of snapshot[section as keyof typeof keys])
        expect(Object.keys(entry).sort()).toEqual([...expected]);
    }
  });
});

describe('the example scenarios', () => {
  const fixture = (name: string): string => readFileSync(resolve(__dirname, '../../fixtures/scenarios', name), 'utf8');

  it('waitlist-and-calendar.json yields every documented tab and one result per step', () => {
    const scenario = parseScenario(fixture('waitlist-and-calendar.json'));
    const result = runScenario(scenario);
    for (const tab of Object.keys(DOCUMENTED_TABS)) expect(Object.keys(result.sheets)).toContain(tab);
    expect(result.results).toHaveLength(scenario.steps.length);
  });

  it('attendance-and-certificates.json is a valid scenario file', () => {
    expect(parseScenario(fixture('attendance-and-certificates.json')).steps).toHaveLength(10);
  });
});

describe('the submit step', () => {
  const base = {
    start: '2027-02-01T09:00:00+01:00',
    registry: {
      Comuni: [{ 'Codice ISTAT': '019035', Comune: 'Crema', 'Quota pagata': true }],
      Dipendenti: [ANNA],
      Corsi: [EXCEL_COURSE],
      Sessioni: SESSIONS.slice(0, 1),
    },
  };

  it('fails before the form is published, and the run goes on', () => {
    const result = runScenario(
      validateScenario({
        ...base,
        steps: [
          { do: 'submit', email: 'anna.bassi@comune.crema.cr.it', courses: ['EXC-BASE'] },
          { do: 'advance', minutes: 1 },
        ],
      }),
    );
    expect(result.results[0]).toMatchObject({ step: 0, ok: false, value: null });
    expect(result.results[1]).toMatchObject({ step: 1, ok: true });
  });

  it('fires the form-submit trigger twice for a duplicate and refuses a course or question the form does not have', () => {
    const result = runScenario(
      validateScenario({
        ...base,
        steps: [
          { do: 'call', fn: 'publishEnrollmentForm' },
          { do: 'submit', email: 'anna.bassi@comune.crema.cr.it', courses: ['EXC-BASE'], duplicate: true },
          { do: 'submit', email: 'anna.bassi@comune.crema.cr.it', courses: ['EXC'] },
          {
            do: 'submit',
            email: 'anna.bassi@comune.crema.cr.it',
            courses: ['EXC-BASE'],
            answers: { 'Colore preferito': 'blu' },
          },
        ],
      }),
    );
    expect(result.results[0]?.ok).toBe(true);
    expect(result.results[1]).toMatchObject({ ok: true, value: { executions: 2 } });
    expect(result.results[2]).toEqual({
      step: 2,
      ok: false,
      value: null,
      error: 'Il corso EXC non è tra le scelte del modulo.',
    });
    expect(result.results[3]).toEqual({
      step: 3,
      ok: false,
      value: null,
      error: 'Il modulo non ha la domanda "Colore preferito".',
    });
    const anna = result.sheets.Iscrizioni?.rows.filter((r) => r.Email === 'anna.bassi@comune.crema.cr.it') ?? [];
    expect(anna).toHaveLength(1);
  });
});
