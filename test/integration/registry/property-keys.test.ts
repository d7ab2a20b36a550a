/**
 * Every Script Property the bundle stores over a (small) demo year belongs to the key registry and stays
 * within its bound. The adapter refuses a key outside the registry, so a write of one would fail its
 * execution: the year must have no such failure, and the store it leaves must hold registered keys only.
 */
import { simulateYear } from '../../../src/local/demo/year';
import { scriptPropertiesOf, utf8Length } from '../../../src/local/services/script/properties';
import { specOf } from '../../../src/gas/platform/property-keys';

jest.setTimeout(240_000);

describe('Script Properties over a demo year', () => {
  it('are all in the registry, within their bounds', async () => {
    const outcome = await simulateYear({ employees: 60, courses: 6, seed: 7 });
    expect(outcome.failures.filter((f) => f.error.includes('registro delle Script Properties'))).toEqual([]);
    const stored = scriptPropertiesOf(outcome.academy.ws);
    const keys = Object.keys(stored);
    expect(keys.filter((k) => specOf(k) === undefined)).toEqual([]);
    const over = keys.filter((k) => utf8Length(stored[k] ?? '') > (specOf(k)?.maxBytes ?? 0));
    expect(over).toEqual([]);
    // The year used every workflow that keeps state: a store this full shows the walk was not trivial.
    const families = new Set(keys.map((k) => specOf(k)?.key));
    for (const key of ['a4pa.form.url', 'a4pa.issued.', 'a4pa.cert.seq.', 'a4pa.job.', 'a4pa.mail.sent'])
      expect(families).toContain(key);
  });
});
