import { lenientSuites, reachedBySuite, UNATTRIBUTED } from './variant-suites';

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

  it('reruns every integration suite when a behaviour was noted before any test file began', () => {
    const bySuite = reachedBySuite([`reached REST-FORMS-FRESH\nfile ${INTEGRATION}a.test.ts\n`]);
    expect(bySuite.get(UNATTRIBUTED)).toEqual(new Set(['REST-FORMS-FRESH']));
    expect(lenientSuites(bySuite, INTEGRATION)).toBe('all');
  });

  it('refuses a line it does not know', () => {
    expect(() => reachedBySuite([`file ${INTEGRATION}a.test.ts\nsomething else\n`])).toThrow(
      'Not a line of a reached-behaviour note: "something else".',
    );
  });
});
