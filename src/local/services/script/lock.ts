import type { Execution, Workspace } from '../../runtime/workspace';
import { currentUser, spend } from './common';

/** The emulated LockService: script, document and user locks that end with their execution. */

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

type LockScope = 'script' | 'document' | 'user';

interface LockState {
  /** A phantom other execution holds the script lock until then (epoch ms). */
  phantomUntilMs: number | null;
  /**
   * When each lock was last let go (epoch ms). Executions run one after the other here, but one that
   * began while an earlier one held a lock (see the runtime's `startedAtMs`) has been waiting for it
   * since it began (catalogue: LOCK-WAIT-TIMEOUT).
   */
  freedAtMs?: Record<string, number>;
}

function lockState(ws: Workspace): LockState {
  return ws.slot<LockState>('locks', () => ({ phantomUntilMs: null }));
}

function markFreed(ws: Workspace, key: string): void {
  const state = lockState(ws);
  state.freedAtMs = { ...(state.freedAtMs ?? {}), [key]: ws.now() };
}

/** Host API: another execution holds the script lock until `untilMs` (contention, since runs are sequential here). */
export function holdScriptLock(ws: Workspace, untilMs: number): void {
  lockState(ws).phantomUntilMs = untilMs;
}

/** Which execution holds each lock; locks end with their execution, so this need not be persisted. */
const holders = new WeakMap<Workspace, Map<string, Execution | null>>();
/** Which execution last released each lock itself: taking it again, that one has waited for nobody. */
const releasers = new WeakMap<Workspace, Map<string, Execution | null>>();

function lockReleasers(ws: Workspace): Map<string, Execution | null> {
  const map = releasers.get(ws) ?? new Map<string, Execution | null>();
  releasers.set(ws, map);
  return map;
}

function lockHolders(ws: Workspace): Map<string, Execution | null> {
  let map = holders.get(ws);
  if (!map) {
    const fresh = new Map<string, Execution | null>();
    holders.set(ws, fresh);
    ws.endHooks.push((exec) => {
      for (const [key, holder] of fresh) {
        if (holder !== exec) continue;
        fresh.delete(key);
        markFreed(ws, key);
      }
    });
    map = fresh;
  }
  return map;
}

class LockFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly key: string,
    private readonly scope: LockScope,
  ) {}

  tryLock(timeoutMs: number): boolean {
    this.ws.call('Lock', 'tryLock');
    return this.acquire(timeoutMs);
  }
  waitLock(timeoutMs: number): void {
    this.ws.call('Lock', 'waitLock');
    if (!this.acquire(timeoutMs)) throw new Error(LOCK_TIMEOUT);
  }
  releaseLock(): void {
    this.ws.call('Lock', 'releaseLock');
    const map = lockHolders(this.ws);
    if (map.has(this.key) && map.get(this.key) === this.ws.execution) {
      map.delete(this.key);
      markFreed(this.ws, this.key);
      lockReleasers(this.ws).set(this.key, this.ws.execution);
    }
  }
  hasLock(): boolean {
    this.ws.call('Lock', 'hasLock');
    const map = lockHolders(this.ws);
    return map.has(this.key) && map.get(this.key) === this.ws.execution;
  }

  /** Waits (on the emulated clock) for the phantom holder, up to the timeout; false when it outlasts it. */
  private acquire(timeoutMs: number): boolean {
    const map = lockHolders(this.ws);
    if (map.has(this.key) && map.get(this.key) === this.ws.execution) return true;
    // A negative timeout fails at once, even on a free lock (docs/google-behaviour.md, LOCK-NEGATIVE-TIMEOUT).
    if (Number(timeoutMs) < 0) return false;
    let timeout = Number(timeoutMs) || 0;
    const state = lockState(this.ws);
    // An execution that began while an earlier one held the lock has been waiting since it began.
    const began = this.ws.execution?.startMs ?? this.ws.now();
    const selfReleased = lockReleasers(this.ws).get(this.key) === this.ws.execution;
    const queued = selfReleased ? 0 : Math.max(0, (state.freedAtMs?.[this.key] ?? 0) - began);
    if (queued > timeout) return false;
    timeout -= queued;
    const busyUntil = this.scope === 'script' ? state.phantomUntilMs : null;
    if (busyUntil !== null && busyUntil > this.ws.now()) {
      const wait = busyUntil - this.ws.now();
      if (wait > timeout) {
        spend(this.ws, timeout);
        return false;
      }
      spend(this.ws, wait);
    }
    if (this.scope === 'script') state.phantomUntilMs = null;
    map.set(this.key, this.ws.execution);
    return true;
  }
}

export function lockService(ws: Workspace): Record<string, unknown> {
  return {
    getScriptLock(): LockFacade {
      ws.call('Lock', 'getScriptLock');
      return new LockFacade(ws, 'script', 'script');
    },
    getDocumentLock(): LockFacade {
      ws.call('Lock', 'getDocumentLock');
      return new LockFacade(ws, 'document', 'document');
    },
    getUserLock(): LockFacade {
      ws.call('Lock', 'getUserLock');
      return new LockFacade(ws, `user:${currentUser(ws)}`, 'user');
    },
  };
}
