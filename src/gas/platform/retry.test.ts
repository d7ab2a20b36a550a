import { backoffDelay, isTransient, MAX_DELAY_MS, withRetry } from './retry';

describe('retry', () => {
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test('classifies transient and permanent errors', () => {
    for (const m of [
      'Service invoked too many times in a short time: exec qps.',
      'Service unavailable: Docs',
      'Service error: Drive',
      "We're sorry, a server error occurred. Please wait a bit and try again.",
      'Service Spreadsheets timed out while accessing document with id x.',
      'Rate Limit Exceeded',
      'API call to calendar.events.insert failed with error: usageLimits',
      'Lock timeout: another process was holding the lock for too long.',
    ])
      expect(isTransient(new Error(m))).toBe(true);
    for (const m of [
      'Service invoked too many times for one day: email.',
      'You do not have permission to call DriveApp.getFileById',
      'Invalid argument: id',
    ]) {
      expect(isTransient(new Error(m))).toBe(false);
    }
  });

  test('backoff doubles with jitter and is bounded', () => {
    expect(backoffDelay(0, 500, () => 0)).toBe(500);
    expect(backoffDelay(2, 500, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, 500, () => 0.99)).toBe(MAX_DELAY_MS);
  });

  test('retries transient failures then succeeds; total sleep is bounded', () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = withRetry(
      'test',
      () => {
        calls += 1;
        if (calls < 3) throw new Error('Service unavailable');
        return 'ok';
      },
      { attempts: 4, baseMs: 100, sleep: (ms) => sleeps.push(ms), random: () => 0.5 },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([150, 300]);
  });

  test('a permanent error is rethrown at once; the last transient one after the attempts', () => {
    let calls = 0;
    const sleeps: number[] = [];
    expect(() =>
      withRetry(
        't',
        () => {
          calls += 1;
          throw new Error('Invalid argument');
        },
        { sleep: (ms) => sleeps.push(ms) },
      ),
    ).toThrow('Invalid argument');
    expect(calls).toBe(1);
    calls = 0;
    expect(() =>
      withRetry(
        't',
        () => {
          calls += 1;
          throw new Error('Rate Limit Exceeded');
        },
        { attempts: 3, sleep: (ms) => sleeps.push(ms) },
      ),
    ).toThrow('Rate Limit Exceeded');
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3 * MAX_DELAY_MS);
  });
});
