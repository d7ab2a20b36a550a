import { EmulatedClock } from './clock';
import { CONTRACT_SERVICES, defaultLatencyModel, type LatencyModel, type ServiceName } from './latency';
import { mulberry32Advance, mulberry32Value } from './random';
import { variantFromEnv, type Variant } from './variant';

/** Apps Script's own message when an execution passes its time limit. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

/**
 * How the current execution was started. Simple triggers cannot use services that need authorization;
 * installable triggers run as their owner; `call` is a menu item or `google.script.run`.
 */
export type ExecutionKind = 'call' | 'simple' | 'trigger' | 'webapp';

/** Services a simple trigger (`onOpen`, `onEdit`) may not touch: they need the user's authorization. */
const NEEDS_AUTHORIZATION: ReadonlySet<ServiceName> = new Set(['Forms', 'Calendar', 'Docs', 'Drive', 'Mail', 'Script']);

export class Execution {
  dead = false;
  readonly startMs: number;
  readonly limitMs: number;

  constructor(
    readonly kind: ExecutionKind,
    /** What `Session.getActiveUser().getEmail()` answers: '' when Google would not say. */
    readonly activeUser: string,
    startMs: number,
  ) {
    this.startMs = startMs;
    this.limitMs = kind === 'simple' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
  }
}

export interface Fault {
  service: ServiceName;
  remaining: number;
  message: string;
}

/**
 * Everything persisted about the emulated Workspace. Each service keeps its own state in a named slot
 * (see `Workspace.slot`), so services stay independent of one another.
 */
export interface WorkspaceState {
  version: 1;
  nowMs: number;
  idSeq: number;
  randomSeed: number;
  /** The account that owns the script, the spreadsheet and the installable triggers. */
  owner: string;
  slots: Record<string, unknown>;
}

export class Workspace {
  readonly clock: EmulatedClock;
  readonly counts: Record<ServiceName, number> = emptyCounts();
  /** Calls by `Service.method`, for tests that pin exact call patterns. */
  readonly methodCounts: Record<string, number> = {};
  readonly faults: Fault[] = [];
  execution: Execution | null = null;
  /** Run when an execution ends, whatever its outcome (locks are released there). */
  readonly endHooks: Array<(exec: Execution) => void> = [];
  /** The project's HTML files by name without extension (dist/*.html), for HtmlService. */
  htmlFiles: Record<string, string> = {};
  /** Above 0 while a caller (UrlFetchApp) charges the time itself: calls count but cost nothing. */
  private unchargedDepth = 0;

  constructor(
    readonly state: WorkspaceState,
    readonly latency: LatencyModel = defaultLatencyModel,
    /** The answer to unverified behaviours (not persisted: a reopened workbook follows the environment). */
    readonly variant: Variant = variantFromEnv(),
  ) {
    this.clock = new EmulatedClock(state.nowMs);
  }

  static create(options: {
    startMs: number;
    owner?: string;
    seed?: number;
    latency?: LatencyModel;
    variant?: Variant;
  }): Workspace {
    return new Workspace(
      {
        version: 1,
        nowMs: options.startMs,
        idSeq: 0,
        randomSeed: options.seed ?? 20270101,
        owner: options.owner ?? 'formazione@consorzio.example.it',
        slots: {},
      },
      options.latency,
      options.variant,
    );
  }

  now(): number {
    return this.clock.now();
  }

  /** The state of one service, created empty the first time it is asked for. */
  slot<T>(name: string, empty: () => T): T {
    if (!(name in this.state.slots)) this.state.slots[name] = empty();
    return this.state.slots[name] as T;
  }

  /** A new id, unique in this workspace and stable across runs with the same history. */
  newId(prefix: string, length = 24): string {
    this.state.idSeq += 1;
    let x = hash32(`${prefix}:${this.state.idSeq}:${this.state.randomSeed}`);
    let out = '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    while (out.length < length) {
      x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
      out += alphabet[x % alphabet.length];
    }
    return `${prefix}${out}`;
  }

  /** A deterministic pseudo-random number in [0, 1), advancing the workspace's seed. */
  random(): number {
    this.state.randomSeed = mulberry32Advance(this.state.randomSeed);
    return mulberry32Value(this.state.randomSeed);
  }

  injectFault(service: ServiceName, times: number, message: string): void {
    this.faults.push({ service, remaining: times, message });
  }

  /**
   * The gate every emulated service call goes through: it checks the execution is alive and allowed
   * to use the service, counts the call, advances the clock by the latency model and throws an injected
   * fault or the time-limit error as Apps Script would.
   */
  call(service: ServiceName, method: string, cells = 0): void {
    const exec = this.execution;
    if (exec?.dead) throw new Error(TIME_LIMIT_MESSAGE);
    if (exec?.kind === 'simple' && NEEDS_AUTHORIZATION.has(service)) {
      throw new Error(
        `You do not have permission to call ${service}App.${method}. Required permissions are not granted to simple triggers.`,
      );
    }
    this.counts[service] += 1;
    const key = `${service}.${method}`;
    this.methodCounts[key] = (this.methodCounts[key] ?? 0) + 1;
    if (this.unchargedDepth === 0) this.spend(this.latency.cost(service, method, cells));
    const fault = this.faults.find((f) => f.service === service && f.remaining > 0);
    if (fault) {
      fault.remaining -= 1;
      throw new Error(fault.message);
    }
  }

  /**
   * Charges `ms` of the current execution's time (or moves the clock outside any execution) and
   * stops an execution that passes its limit, as Apps Script does.
   */
  spend(ms: number): void {
    this.clock.advance(ms);
    this.state.nowMs = this.clock.now();
    const exec = this.execution;
    if (exec && this.clock.now() - exec.startMs > exec.limitMs) {
      exec.dead = true;
      throw new Error(TIME_LIMIT_MESSAGE);
    }
  }

  /** Runs `fn` with its service calls counted (and faulted) but not charged: the caller charges the time. */
  uncharged<T>(fn: () => T): T {
    this.unchargedDepth += 1;
    try {
      return fn();
    } finally {
      this.unchargedDepth -= 1;
    }
  }

  /** Moves the clock outside any execution (the runner's `advance`, time passing between events). */
  advanceClock(ms: number): void {
    this.clock.advance(ms);
    this.state.nowMs = this.clock.now();
  }

  resetCounts(): void {
    for (const key of Object.keys(this.counts) as ServiceName[]) this.counts[key] = 0;
    for (const key of Object.keys(this.methodCounts)) delete this.methodCounts[key];
  }

  contractCounts(): Record<(typeof CONTRACT_SERVICES)[number], number> {
    const out = {} as Record<(typeof CONTRACT_SERVICES)[number], number>;
    for (const s of CONTRACT_SERVICES) out[s] = this.counts[s];
    return out;
  }
}

function emptyCounts(): Record<ServiceName, number> {
  return {
    Spreadsheet: 0,
    Forms: 0,
    Calendar: 0,
    Docs: 0,
    Drive: 0,
    Mail: 0,
    Script: 0,
    Lock: 0,
    Properties: 0,
    Cache: 0,
    Utilities: 0,
    Session: 0,
    Html: 0,
    Logger: 0,
    UrlFetch: 0,
  };
}

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}
