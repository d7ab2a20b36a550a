import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE, catalogueEntries } from './run';
import { EMULATOR_PREFIX, emulatorTests, idsNamedIn, testsOf, unnamed } from './catalogue-names';

jest.setTimeout(30_000);

describe('every emulator test names its catalogue entry (docs/google-behaviour.md)', () => {
  const ids = new Set(catalogueEntries().map((e) => e.id));
  const { tests, sources } = emulatorTests();

  test('the emulator folders hold tests, each naming an entry or sitting in an "emulator:" describe', () => {
    expect(tests.length).toBeGreaterThan(300);
    expect(unnamed(tests).map((t) => `${t.file}: ${t.path.join(' › ')}`)).toEqual([]);
  });

  test('the catalogue and the README state its entry counts as they are', () => {
    const entries = catalogueEntries();
    const verified = entries.filter((e) => e.status === 'verified').length;
    const counts = `${entries.length} entries, ${verified} verified by source and ${entries.length - verified} unverified`;
    expect(readFileSync(resolve(__dirname, '../../../README.md'), 'utf8').replace(/\s+/g, ' ')).toContain(counts);
    expect(readFileSync(CATALOGUE, 'utf8').replace(/\s+/g, ' ')).toContain(
      `It holds ${entries.length} entries: ${verified} verified by source, ${entries.length - verified} unverified`,
    );
  });

  test('every ID a test file names is an entry of the catalogue', () => {
    const unknown = [...sources].flatMap(([file, text]) =>
      idsNamedIn(text)
        .filter((id) => !ids.has(id))
        .map((id) => `${file}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('emulator: how a test file is read', () => {
  const SOURCE = [
    '// catalogue: SHEETS-LAST-ROW',
    "describe('outer', () => {",
    '  // catalogue: SHEETS-RANGE-BOUNDS',
    "  test('named by a comment above it', () => {});",
    "  test('named inside its block', () => {",
    '    // catalogue: SHEETS-CELL-CHARS',
    '  });',
    "  describe('nested SHEETS-SORT', () => {",
    "    test.each([1, 2])('named by its describe %s', () => {});",
    '  });',
    '});',
    "describe('plain', () => {",
    "  it('names nothing', () => {});",
    '});',
    `describe('${EMULATOR_PREFIX} host API', () => {`,
    "  describe('inner', () => {",
    "    test('pins no Google fact', () => {});",
    '  });',
    '});',
  ].join('\n');

  test('reads nested describes, test.each and comments above a describe or a test', () => {
    const tests = testsOf('x.test.ts', SOURCE);
    expect(tests.map((t) => [t.path.join(' › '), t.ids, t.emulatorOnly])).toEqual([
      ['outer › named by a comment above it', ['SHEETS-LAST-ROW', 'SHEETS-RANGE-BOUNDS'], false],
      ['outer › named inside its block', ['SHEETS-LAST-ROW', 'SHEETS-CELL-CHARS'], false],
      ['outer › nested SHEETS-SORT › named by its describe %s', ['SHEETS-LAST-ROW', 'SHEETS-SORT'], false],
      ['plain › names nothing', [], false],
      [`${EMULATOR_PREFIX} host API › inner › pins no Google fact`, [], true],
    ]);
    expect(unnamed(tests).map((t) => t.path.at(-1))).toEqual(['names nothing']);
  });

  test('a test that loses its ID is reported', () => {
    const lost = SOURCE.replace('  // catalogue: SHEETS-RANGE-BOUNDS\n', '').replace(
      '// catalogue: SHEETS-LAST-ROW\n',
      '',
    );
    expect(unnamed(testsOf('x.test.ts', lost)).map((t) => t.path.at(-1))).toEqual([
      'named by a comment above it',
      'names nothing',
    ]);
  });

  test('an ID-shaped word is found wherever it is written, so a misspelt one is caught', () => {
    expect(idsNamedIn("// catalogue: SHEETS-LAST-ROWS\nexpect(x).toBe('UTF-8');")).toEqual(['SHEETS-LAST-ROWS']);
  });
});
