import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';
import { createGlobals, formSubmitEvent, responseLanding, spreadsheetFormSubmitEvent } from '../services';
import { nextOccurrence, triggerState, type TriggerRecord } from './triggers';
import { Execution, TIME_LIMIT_MESSAGE, type ExecutionKind, type Workspace } from './workspace';
import { messageOf } from '../../core/registry/errors';

/**
 * Apps Script runs the script in its project's time zone (appsscript.json: Europe/Rome): `new Date(y, m, d)`
 * and `getHours()` in the script read Rome's wall clock, so the local process must too.
 */
process.env.TZ = 'Europe/Rome';

export const DEFAULT_BUNDLE = resolve(__dirname, '../../../dist/Code.js');

export interface RunOptions {
  /** Who runs it: `Session.getActiveUser()`; defaults to the script owner. */
  as?: string;
  kind?: ExecutionKind;
  /** Pass arguments and result through JSON as `google.script.run` does. */
  bridge?: boolean;
  /**
   * When the execution began, if before now: executions run one after the other here, so one that Google
   * would have started while an earlier one was still running starts late, counts its time from here
   * and has been waiting for any lock the earlier one held (catalogue: LOCK-WAIT-TIMEOUT).
   */
  startedAtMs?: number;
}

export interface RunResult {
  ok: boolean;
  value: unknown;
  error?: string;
  /** Emulated milliseconds the execution took. */
  elapsedMs: number;
}

/**
 * Runs the real `dist/Code.js` against the emulated Workspace. Every execution gets a fresh V8 context,
 * as Apps Script re-evaluates the script for each execution, so nothing survives in globals.
 */
export class Runtime {
  private readonly script: vm.Script;

  constructor(
    readonly ws: Workspace,
    code: string,
  ) {
    this.script = new vm.Script(code, { filename: 'Code.js' });
  }

  static fromBundle(ws: Workspace, bundlePath = DEFAULT_BUNDLE): Runtime {
    const dir = dirname(bundlePath);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      ws.htmlFiles[file.slice(0, -'.html'.length)] = readFileSync(resolve(dir, file), 'utf8');
    }
    return new Runtime(ws, readFileSync(bundlePath, 'utf8'));
  }

  /** Top-level function names of the bundle, as Apps Script lists them. */
  functionNames(): string[] {
    const ctx = this.context();
    return Object.keys(ctx).filter((k) => typeof ctx[k] === 'function' && k !== 'Date' && !(k in this.baseGlobals()));
  }

  run(fn: string, args: unknown[] = [], options: RunOptions = {}): RunResult {
    const kind = options.kind ?? 'call';
    const user = options.as ?? (kind === 'simple' ? '' : this.ws.state.owner);
    const exec = new Execution(kind, user, Math.min(options.startedAtMs ?? Number.POSITIVE_INFINITY, this.ws.now()));
    const previous = this.ws.execution;
    this.ws.execution = exec;
    try {
      if (options.bridge && fn.endsWith('_')) {
        // Private functions are not callable from the page (docs/google-behaviour.md, HTML-PRIVATE-FUNCTIONS).
        return { ok: false, value: null, error: `TypeError: google.script.run.${fn} is not a function`, elapsedMs: 0 };
      }
      const ctx = this.context();
      const target = ctx[fn];
      if (typeof target !== 'function') {
        return { ok: false, value: null, error: `Script function not found: ${fn}`, elapsedMs: 0 };
      }
      const callArgs = options.bridge ? bridgeArguments(args) : args;
      const value = (target as (...a: unknown[]) => unknown)(...callArgs);
      if (exec.dead) return this.failed(exec, TIME_LIMIT_MESSAGE);
      return { ok: true, value: options.bridge ? bridgeResult(value) : value, elapsedMs: this.ws.now() - exec.startMs };
    } catch (error) {
      return this.failed(exec, exec.dead ? TIME_LIMIT_MESSAGE : messageOf(error));
    } finally {
      for (const hook of this.ws.endHooks) hook(exec);
      this.ws.execution = previous;
    }
  }

  /** Fires one installable trigger with its event, as its owner. */
  fire(trigger: TriggerRecord, event: Record<string, unknown>, startedAtMs?: number): RunResult {
    return this.run(trigger.handler, [{ ...event, triggerUid: trigger.uid, authMode: 'FULL' }], {
      as: trigger.owner,
      kind: 'trigger',
      ...(startedAtMs === undefined ? {} : { startedAtMs }),
    });
  }

  /**
   * A response arrived: the triggers installed on the form get its `FormResponse`; those installed on
   * the spreadsheet that received its row get that row (as Google fires both kinds).
   */
  fireFormSubmit(formId: string, responseId: string, startedAtMs?: number): RunResult[] {
    const triggers = triggerState(this.ws).triggers.filter((t) => t.type === 'ON_FORM_SUBMIT');
    const runs = triggers
      .filter((t) => t.sourceId === formId)
      .map((t) => this.fire(t, formSubmitEvent(this.ws, formId, responseId), startedAtMs));
    const landing = responseLanding(this.ws, formId, responseId);
    if (landing) {
      for (const t of triggers.filter((x) => x.sourceId === landing.spreadsheetId)) {
        runs.push(
          this.fire(
            t,
            spreadsheetFormSubmitEvent(this.ws, landing.spreadsheetId, landing.sheetId, landing.row),
            startedAtMs,
          ),
        );
      }
    }
    return runs;
  }

  /**
   * Moves the clock on by `ms`, running every clock trigger occurrence that comes due, in time order
   * (a trigger created by a handler can come due within the same advance).
   */
  advance(ms: number): RunResult[] {
    const until = this.ws.now() + ms;
    const results: RunResult[] = [];
    for (;;) {
      const next = triggerState(this.ws)
        .triggers.filter((t) => t.type === 'CLOCK' && t.nextAtMs !== null && t.nextAtMs <= until)
        .sort((a, b) => (a.nextAtMs as number) - (b.nextAtMs as number))[0];
      if (!next) break;
      const at = next.nextAtMs as number;
      if (at > this.ws.now()) this.ws.advanceClock(at - this.ws.now());
      next.nextAtMs = nextOccurrence(next, at, this.ws.now());
      results.push(this.fire(next, { year: new Date(at).getUTCFullYear() }));
    }
    if (until > this.ws.now()) this.ws.advanceClock(until - this.ws.now());
    return results;
  }

  private failed(exec: Execution, error: string): RunResult {
    return { ok: false, value: null, error, elapsedMs: this.ws.now() - exec.startMs };
  }

  private baseGlobals(): Record<string, unknown> {
    return createGlobals(this.ws);
  }

  private context(): Record<string, unknown> {
    const ws = this.ws;
    const globals: Record<string, unknown> = { ...this.baseGlobals(), Date: emulatedDate(() => ws.now()) };
    const ctx = vm.createContext(globals);
    vm.runInContext(
      'Math.random = __seededRandom; delete globalThis.__seededRandom;',
      Object.assign(ctx, { __seededRandom: () => ws.random() }),
    );
    this.script.runInContext(ctx);
    return ctx as Record<string, unknown>;
  }
}

/**
 * The script's `Date`: the host's own Date (so dates from emulated services are `instanceof Date` in the
 * script), except that `new Date()` and `Date.now()` read the emulated clock.
 */
function emulatedDate(now: () => number): DateConstructor {
  return new Proxy(Date, {
    construct(target, args: unknown[], newTarget) {
      return args.length === 0 ? new target(now()) : Reflect.construct(target, args, newTarget);
    },
    apply() {
      return new Date(now()).toString();
    },
    get(target, prop, receiver) {
      // A time value is a whole number of milliseconds (ECMAScript's TimeClip); the emulated clock is not,
      // since a batched range call costs a fraction of a millisecond per cell.
      if (prop === 'now') return () => Math.floor(now());
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** `google.script.run` refuses a Date among the arguments and passes the rest as JSON. */
function bridgeArguments(args: unknown[]): unknown[] {
  if (containsDate(args)) throw new Error('Invalid argument: a Date cannot be passed to a server function.');
  return JSON.parse(JSON.stringify(args)) as unknown[];
}

/** A server result holding a Date reaches the page as null (Google's documented behaviour). */
function bridgeResult(value: unknown): unknown {
  if (value === undefined) return null;
  if (containsDate(value)) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function containsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.some(containsDate);
  if (value && typeof value === 'object') return Object.values(value).some(containsDate);
  return false;
}
