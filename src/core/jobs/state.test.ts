import { runSlice, type JobWork, type SliceHooks } from './slice';
import { MAX_ATTEMPTS, newJob, parseJobState, progressOf, recordFailure, type JobState } from './state';

/** A fake workspace: items become done when run; a clock advanced by each item's cost. */
function fixture(items: string[], costMs = 6000, failing: Record<string, number> = {}) {
  const done = new Set<string>();
  let now = 0;
  const log: string[] = [];
  const checkpoints: JobState[] = [];
  const work: JobWork = {
    pending: () => items.filter((i) => !done.has(i)),
    run: (item) => {
      now += costMs;
      log.push(item);
      if ((failing[item] ?? 0) > 0) {
        failing[item] = (failing[item] ?? 0) - 1;
        throw new Error(`Service error: Drive (${item})`);
      }
      done.add(item);
    },
    close: () => log.push('close'),
  };
  const gaveUp: string[] = [];
  const hooks: SliceHooks = {
    now: () => now,
    checkpoint: (s) => checkpoints.push(s),
    onGiveUp: (item) => gaveUp.push(item),
    isFatal: (e) => String(e).includes('Exceeded maximum execution time'),
    shouldPause: (e) => String(e).includes('for one day'),
  };
  return { work, hooks, done, log, checkpoints, gaveUp, tick: (ms: number) => (now += ms) };
}

describe('job slices', () => {
  it('stops before the item that would pass the budget and resumes where it stopped', () => {
    const items = Array.from({ length: 90 }, (_, i) => `c${i}`);
    const f = fixture(items, 6000);
    let state = newJob('certificates', 'Attestati', {}, 0);
    const first = runSlice(state, f.work, f.hooks, 270_000);
    expect(first.processed).toBe(45);
    expect(first.remaining).toBe(45);
    expect(first.state.status).toBe('running');
    state = first.state;
    const second = runSlice(state, f.work, f.hooks, 270_000);
    expect(second.processed).toBe(45);
    expect(second.remaining).toBe(0);
    expect(second.state.status).toBe('done');
    expect(second.state.done).toBe(90);
    expect(second.state.total).toBe(90);
    expect(new Set(f.log.filter((l) => l !== 'close')).size).toBe(90);
    expect(f.log.filter((l) => l === 'close')).toHaveLength(2);
  });

  it("runs a phased job's items that become pending as others finish in the same slice; one still pending after it ran waits for the next", () => {
    const f = fixture([]);
    const done = new Set<string>();
    const log: string[] = [];
    let parts = 0;
    const phases = [['a1', 'a2'], ['b'], ['c']];
    const work: JobWork = {
      // Each phase's items become pending only once the phase before is done; «b» takes two slices.
      pending: () => phases.find((p) => p.some((i) => !done.has(i)))?.filter((i) => !done.has(i)) ?? [],
      run: (item) => {
        log.push(item);
        if (item === 'b' && ++parts < 2) return;
        done.add(item);
      },
      close: () => undefined,
      phased: true,
    };
    const first = runSlice(newJob('years', 'Anno', {}, 0), work, f.hooks, 270_000);
    expect(log).toEqual(['a1', 'a2', 'b']);
    expect(first.remaining).toBe(1);
    expect(first.state.status).toBe('running');
    const second = runSlice(first.state, work, f.hooks, 270_000);
    expect(log).toEqual(['a1', 'a2', 'b', 'b', 'c']);
    expect(second.remaining).toBe(0);
    expect(second.state.status).toBe('done');
  });

  it('runs a batched job a chunk at a time: each item counted alone, a failed one retried later, the budget per chunk', () => {
    const items = Array.from({ length: 25 }, (_, i) => `c${i}`);
    const f = fixture(items);
    const chunks: string[][] = [];
    const failOnce = new Set(['c3']);
    const work: JobWork = {
      ...f.work,
      batchSize: 10,
      runBatch: (chunk) => {
        chunks.push(chunk);
        f.tick(100_000);
        return chunk.map((item) => {
          if (failOnce.delete(item)) return new Error('Service error: Drive');
          f.done.add(item);
          return null;
        });
      },
    };
    const first = runSlice(newJob('certificates', 'Attestati', {}, 0), work, f.hooks, 270_000);
    // Two chunks of 100 s fit in 270 s; a third would not.
    expect(chunks.map((c) => c.length)).toEqual([10, 10]);
    expect(first.state.done).toBe(19);
    expect(first.state.retrying.map((r) => r.item)).toEqual(['c3']);
    const second = runSlice(first.state, work, f.hooks, 270_000);
    expect(chunks[2]).toEqual(['c3', ...items.slice(20)]);
    expect(second.state.status).toBe('done');
    expect(second.state.done).toBe(25);
  });

  it('pauses a batched job on a daily quota without counting an attempt against the paused items', () => {
    const f = fixture(['a', 'b', 'c']);
    const work: JobWork = {
      ...f.work,
      batchSize: 3,
      runBatch: (chunk) => chunk.map((item) => (item === 'a' ? (f.done.add(item), null) : new Error('for one day'))),
    };
    const result = runSlice(newJob('certificates', 'Attestati', {}, 0), work, f.hooks, 270_000);
    expect(result.pausedBy).toBe('for one day');
    expect(result.state.done).toBe(1);
    expect(result.state.retrying).toEqual([]);
    expect(result.remaining).toBe(2);
  });

  it('retries a failing item on later slices, then gives it up without blocking the others', () => {
    const f = fixture(['a', 'b', 'c'], 1000, { b: 99 });
    let state = newJob('certificates', 'Attestati', {}, 0);
    for (let i = 0; i < MAX_ATTEMPTS; i++) state = runSlice(state, f.work, f.hooks, 270_000).state;
    expect(f.log.filter((l) => l === 'b')).toHaveLength(MAX_ATTEMPTS);
    expect(f.log.filter((l) => l === 'a')).toHaveLength(1);
    expect(f.gaveUp).toEqual(['b']);
    expect(state.status).toBe('done');
    expect(state.failed.map((x) => x.item)).toEqual(['b']);
    expect(progressOf(state)).toMatchObject({ done: 2, total: 3, status: 'completato con errori', failed: 1 });
  });

  it('recovers an item that fails once (a transient fault) on the next slice', () => {
    const f = fixture(['a', 'b'], 1000, { a: 1 });
    const first = runSlice(newJob('k', 'K', {}, 0), f.work, f.hooks, 270_000);
    expect(first.state.status).toBe('running');
    expect(first.state.retrying).toEqual([expect.objectContaining({ item: 'a', attempts: 1 })]);
    const second = runSlice(first.state, f.work, f.hooks, 270_000);
    expect(second.state).toMatchObject({ status: 'done', done: 2, retrying: [], failed: [] });
  });

  it('lets the time-limit error end the slice and still closes the work', () => {
    const f = fixture(['a', 'b'], 1000);
    const work: JobWork = {
      ...f.work,
      run: () => {
        throw new Error('Exceeded maximum execution time');
      },
    };
    expect(() => runSlice(newJob('k', 'K', {}, 0), work, f.hooks, 270_000)).toThrow('Exceeded maximum execution time');
    expect(f.log).toEqual(['close']);
  });

  it('pauses on a daily quota without counting an attempt against the item', () => {
    const f = fixture(['a', 'b'], 1000);
    const work: JobWork = {
      ...f.work,
      run: () => {
        throw new Error('Service invoked too many times for one day: docs create.');
      },
    };
    const result = runSlice(newJob('k', 'K', {}, 0), work, f.hooks, 270_000);
    expect(result.pausedBy).toContain('for one day');
    expect(result.state).toMatchObject({ status: 'running', retrying: [], failed: [] });
    expect(result.remaining).toBe(2);
  });

  it('checkpoints after every item and once as final', () => {
    const f = fixture(['a', 'b', 'c'], 1000);
    runSlice(newJob('k', 'K', {}, 0), f.work, f.hooks, 270_000);
    expect(f.checkpoints.map((s) => s.done)).toEqual([0, 1, 2, 3, 3]);
  });
});

describe('job state', () => {
  it('round-trips through JSON and rejects malformed text', () => {
    const s = recordFailure(newJob('k', 'K', { course: 'X' }, 5), 'i', 'boom', 6).state;
    expect(parseJobState(JSON.stringify(s))).toEqual(s);
    expect(parseJobState('{')).toBeNull();
    expect(parseJobState('{"kind":1}')).toBeNull();
    expect(parseJobState(null)).toBeNull();
  });

  it('keeps a bounded list of failures so the state fits one property', () => {
    let s = newJob('k', 'K', {}, 0);
    for (let i = 0; i < 500; i++) s = recordFailure(s, `item-${i}`, 'x'.repeat(500), 0, 1).state;
    expect(JSON.stringify(s).length).toBeLessThan(9 * 1024);
  });
});
