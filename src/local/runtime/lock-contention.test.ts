import { Runtime } from './runtime';
import { Workspace } from './workspace';

const START = Date.parse('2027-02-01T09:00:00+01:00');

/** A script whose one function holds the script lock for `holdMs` of work, as a form submission does. */
const SCRIPT = `
function work(holdMs) {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  Utilities.sleep(holdMs);
  lock.releaseLock();
  return 'fatto';
}
function peek() {
  return LockService.getScriptLock().tryLock(10000);
}`;

function runtime(): { ws: Workspace; rt: Runtime } {
  const ws = Workspace.create({ startMs: START });
  return { ws, rt: new Runtime(ws, SCRIPT) };
}

describe('executions that overlap in emulated time contend for the script lock', () => {
  // catalogue: LOCK-WAIT-TIMEOUT
  test('one that began while another held the lock past its waitLock timeout fails with Google’s message', () => {
    const { ws, rt } = runtime();
    const first = rt.run('work', [45_000], { kind: 'trigger' });
    expect(first.ok).toBe(true);
    const late = rt.run('work', [1_000], { kind: 'trigger', startedAtMs: START + 5_000 });
    expect(late).toMatchObject({
      ok: false,
      error: 'Lock timeout: another process was holding the lock for too long.',
    });
    expect(ws.now()).toBeLessThan(START + 45_000 + 1_000);
  });

  // catalogue: LOCK-WAIT-TIMEOUT
  test('one that began within its timeout of the release gets the lock, its wait counted in its time', () => {
    const { rt } = runtime();
    rt.run('work', [20_000], { kind: 'trigger' });
    const queued = rt.run('work', [1_000], { kind: 'trigger', startedAtMs: START + 2_000 });
    expect(queued.ok).toBe(true);
    // Began at +2 s, waited until +20 s, then worked 1 s (plus the lock calls' own cost).
    expect(queued.elapsedMs).toBeGreaterThanOrEqual(19_000);
    expect(queued.elapsedMs).toBeLessThan(19_500);
  });

  // catalogue: LOCK-WAIT-TIMEOUT
  test('one started in the middle of another that holds the lock waits its whole timeout and fails; the holder keeps it', () => {
    const { ws, rt } = runtime();
    const call = ws.call.bind(ws);
    let overlapping: ReturnType<Runtime['run']> | null = null;
    // The runner starts the second execution while the first is inside its work (its sleep).
    ws.call = (service, method, cells) => {
      call(service, method, cells);
      if (method === 'sleep' && overlapping === null) overlapping = rt.run('work', [1_000], { kind: 'trigger' });
    };
    const first = rt.run('work', [5_000], { kind: 'trigger' });
    expect(first.ok).toBe(true);
    expect(overlapping).toMatchObject({
      ok: false,
      error: 'Lock timeout: another process was holding the lock for too long.',
    });
    expect((overlapping as unknown as { elapsedMs: number }).elapsedMs).toBeGreaterThanOrEqual(30_000);
    expect(rt.run('peek', []).value).toBe(true);
  });

  // catalogue: LOCK-WAIT-TIMEOUT
  test('an execution that let the lock go takes it again at once, however long it has run', () => {
    const ws = Workspace.create({ startMs: START });
    const rt = new Runtime(
      ws,
      `${SCRIPT}
function twice() {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  Utilities.sleep(45000);
  lock.releaseLock();
  return lock.tryLock(1000);
}`,
    );
    expect(rt.run('twice', [], { kind: 'trigger' }).value).toBe(true);
  });

  // catalogue: LOCK-WAIT-TIMEOUT, LOCK-TIMEOUT
  test('tryLock answers false, and one that begins after the release waits for nothing', () => {
    const { ws, rt } = runtime();
    rt.run('work', [25_000], { kind: 'trigger' });
    expect(rt.run('peek', [], { startedAtMs: START + 1_000 }).value).toBe(false);
    const fresh = rt.run('work', [1_000], { kind: 'trigger', startedAtMs: ws.now() });
    expect(fresh.ok).toBe(true);
    expect(fresh.elapsedMs).toBeLessThan(1_500);
  });
});
