/**
 * Measures one piece of work on a local academy: the Apps Script calls it makes by service, the
 * executions it needs, the Apps Script time those executions take under the latency model (the
 * emulated clock's advance inside them: idle time between a job's slices does not count), and the
 * local CPU it cost.
 */
import type { LocalAcademy } from '../runtime/session';
import type { RunResult } from '../runtime/runtime';
import type { ServiceName } from '../runtime/latency';

export interface Measurement {
  calls: { total: number; byService: Partial<Record<ServiceName, number>> };
  projectedSeconds: number;
  executions: number;
  /** Executions that ended in an error, with the error. */
  failures: string[];
  cpuMs: number;
  /** The longest single execution, in projected seconds (the 6-minute limit applies to each). */
  longestExecutionSeconds: number;
}

const listening = new WeakMap<LocalAcademy, { sink: ((run: RunResult) => void) | null }>();

/** Routes every execution of the academy to the current measurement (installed once per academy). */
function tap(academy: LocalAcademy): { sink: ((run: RunResult) => void) | null } {
  let state = listening.get(academy);
  if (state) return state;
  const current: { sink: ((run: RunResult) => void) | null } = { sink: null };
  const runtime = academy.runtime;
  const run = runtime.run.bind(runtime);
  runtime.run = (fn, args, options) => {
    const result = run(fn, args, options);
    current.sink?.(result);
    return result;
  };
  listening.set(academy, current);
  state = current;
  return state;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function measure(academy: LocalAcademy, work: () => void): Measurement {
  const state = tap(academy);
  const runs: RunResult[] = [];
  state.sink = (r) => runs.push(r);
  academy.ws.resetCounts();
  const cpu = process.cpuUsage();
  try {
    work();
  } finally {
    state.sink = null;
  }
  const used = process.cpuUsage(cpu);
  const byService: Partial<Record<ServiceName, number>> = {};
  let total = 0;
  for (const [service, count] of Object.entries(academy.ws.counts) as Array<[ServiceName, number]>) {
    if (count === 0) continue;
    byService[service] = count;
    total += count;
  }
  const elapsed = runs.map((r) => r.elapsedMs);
  return {
    calls: { total, byService },
    projectedSeconds: round(elapsed.reduce((a, b) => a + b, 0) / 1000, 1),
    executions: runs.length,
    failures: runs.filter((r) => !r.ok).map((r) => r.error ?? 'errore sconosciuto'),
    cpuMs: Math.round((used.user + used.system) / 1000),
    longestExecutionSeconds: round(Math.max(0, ...elapsed) / 1000, 1),
  };
}
