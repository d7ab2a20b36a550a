import { PROBES, UNPROBED } from '../../conformance/probes';
import { catalogueEntries, conformanceRows, conformanceTable, emulatorAnswers, probeBundle } from './run';

jest.setTimeout(60_000);

describe('npm run conformance (offline, in the emulator)', () => {
  let code = '';
  beforeAll(async () => {
    code = await probeBundle();
  });

  test.each(['strict', 'lenient'] as const)('every probe agrees with the catalogue under the %s variant', (variant) => {
    const rows = conformanceRows(emulatorAnswers(code, variant), variant);
    const probed = rows.filter((r) => r.outcome === 'agrees' || r.outcome === 'differs');
    expect(probed.length).toBe(PROBES.length);
    expect(rows.filter((r) => r.outcome === 'differs')).toEqual([]);
    expect(conformanceTable(rows)).toContain('| SHEETS-RANGE-BOUNDS | verified | agrees |');
  });

  test('every entry of the catalogue has a probe or a stated reason for none, and none has both', () => {
    const entries = catalogueEntries();
    expect(entries.length).toBeGreaterThan(80);
    const uncovered = entries.filter((e) => !PROBES.some((p) => p.id === e.id) && !(e.id in UNPROBED));
    expect(uncovered.map((e) => e.id)).toEqual([]);
    expect(PROBES.filter((p) => p.id in UNPROBED).map((p) => p.id)).toEqual([]);
    const ids = new Set(entries.map((e) => e.id));
    expect(Object.keys(UNPROBED).filter((id) => !ids.has(id))).toEqual([]);
  });

  test('every catalogue ID appears once', () => {
    const ids = catalogueEntries().map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('every service has probes', () => {
    const services = new Set(PROBES.map((p) => p.id.split('-')[0]));
    expect([...services].sort()).toEqual([
      'CAL',
      'DOCS',
      'DRIVE',
      'FORMS',
      'HTML',
      'LOCK',
      'MAIL',
      'PROPS',
      'QUOTA',
      'REST',
      'SCRIPT',
      'SHEETS',
      'UTIL',
    ]);
  });

  test('every probe names an entry the catalogue has, once', () => {
    const ids = new Set(catalogueEntries().map((e) => e.id));
    expect(PROBES.filter((p) => !ids.has(p.id)).map((p) => p.id)).toEqual([]);
    expect(new Set(PROBES.map((p) => p.id)).size).toBe(PROBES.length);
  });

  test('the catalogue reads an entry’s ID, title and status, and skips the format example', () => {
    const entries = catalogueEntries(
      [
        '```',
        '### SHEETS-EXAMPLE — in a code block',
        '```',
        '### SHEETS-A — one',
        '- Status: verified by source.',
        '### SHEETS-B — two',
        '- Status: verified by source for X; unverified for Y.',
      ].join('\n'),
    );
    expect(entries).toEqual([
      { id: 'SHEETS-A', title: 'one', status: 'verified' },
      { id: 'SHEETS-B', title: 'two', status: 'unverified' },
    ]);
  });
});
