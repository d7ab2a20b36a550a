import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REACHED_DIR_ENV, reachedNoteName, strictAbout, variantFromEnv } from './variant';

describe('emulator: the variant switch', () => {
  it('reads A4PA_VARIANT: strict when unset or empty, lenient when asked, an error otherwise', () => {
    expect(variantFromEnv({})).toBe('strict');
    expect(variantFromEnv({ A4PA_VARIANT: '' })).toBe('strict');
    expect(variantFromEnv({ A4PA_VARIANT: 'lenient' })).toBe('lenient');
    expect(() => variantFromEnv({ A4PA_VARIANT: 'loose' })).toThrow(
      'A4PA_VARIANT must be "strict" or "lenient", not "loose".',
    );
  });

  it("notes each unverified behaviour reached, once per test file, in the Jest worker's note", () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4pa-reached-test-'));
    const before = process.env[REACHED_DIR_ENV];
    process.env[REACHED_DIR_ENV] = dir;
    try {
      expect(strictAbout({ variant: 'strict' }, 'REST-FORMS-FRESH')).toBe(true);
      expect(strictAbout({ variant: 'lenient' }, 'REST-FORMS-FRESH')).toBe(false);
      expect(strictAbout({ variant: 'strict' }, 'CAL-CANCELLED-PURGED')).toBe(true);
      expect(reachedNoteName()).toBe(`worker-${process.env.JEST_WORKER_ID}.log`);
      expect(readFileSync(join(dir, reachedNoteName()), 'utf8')).toBe(
        'reached REST-FORMS-FRESH\nreached CAL-CANCELLED-PURGED\n',
      );
    } finally {
      if (before === undefined) delete process.env[REACHED_DIR_ENV];
      else process.env[REACHED_DIR_ENV] = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the note after the process outside Jest', () => {
    expect(reachedNoteName({})).toBe(`process-${process.pid}.log`);
  });
});
