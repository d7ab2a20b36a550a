import { lenientSuites, reachedBySuite } from './variant-suites';

const INTEGRATION = '/repo/test/integration/';

describe('the lenient rerun selection', () => {
  it('gives each test file the behaviours noted after its line, across the notes of several workers', () => {
    const bySuite = reachedBySuite([
      `file ${INTEGRATION}a.test.ts\nreached SHEETS-CHECKBOX-EMPTY\nreached REST-FORMS-FRESH\nfile ${INTEGRATION}b.test.ts\n`,
      `file ${INTEGRATION}c.test.ts\nreached REST-FORMS-FRESH\n`,
    ]);
    expect([...bySuite].map(([path, reached]) => [path, [...reached]])).toEqual([
      [`${INTEGRATION}a.test.ts`, ['SHEETS-CHECKBOX-EMPTY', 'REST-FORMS-FRESH']],
      [`${INTEGRATION}b.test.ts`, []],
      [`${INTEGRATION}c.test.ts`, ['REST-FORMS-FRESH']],
    ]);
  });

  it('reruns the integration suites that reached a behaviour, sorted, and no other', () => {
    const bySuite = reachedBySuite([
      `file ${INTEGRATION}z.test.ts\nreached CAL-CANCELLED-PURGED\n`,
      `file ${INTEGRATION}quiet.test.ts\n`,
      `file /repo/src/local/unit.test.ts\nreached SHEETS-CHECKBOX-EMPTY\n`,
      `file ${INTEGRATION}a.test.ts\nreached SHEETS-CHECKBOX-EMPTY\n`,
    ]);
    expect(lenientSuites(bySuite, INTEGRATION)).toEqual([`${INTEGRATION}a.test.ts`, `${INTEGRATION}z.test.ts`]);
  });

  it('refuses a note whose behaviour belongs to no test file, or a line it does not know', () => {
    expect(() => reachedBySuite(['reached REST-FORMS-FRESH\n'])).toThrow(
      'A behaviour was noted before any test file: "reached REST-FORMS-FRESH".',
    );
    expect(() => reachedBySuite([`file ${INTEGRATION}a.test.ts\nsomething else\n`])).toThrow(
      'Not a line of a reached-behaviour note: "something else".',
    );
  });
});
