import { createHash, createHmac } from 'node:crypto';
import { nextWallClockTime, SCRIPT_TIME_ZONE } from '../runtime/time';
import { MAX_TRIGGERS_PER_USER, triggerState, type TriggerRecord, type TriggerType } from '../runtime/triggers';
import { TIME_LIMIT_MESSAGE, type Execution, type Workspace } from '../runtime/workspace';
import { EmulatedBlob, toUint8 } from './blob';
import { formatDate } from './script/format-date';

/**
 * The emulated ScriptApp, LockService, PropertiesService, CacheService, Utilities, Session, HtmlService,
 * ContentService, Logger and console. Each script-facing method goes through `ws.call` under its
 * service name; builders and handles already in hand (a TriggerBuilder, an HtmlOutput, a Trigger's
 * accessors) are local objects, as on Google, and are not counted.
 */

interface ScriptState {
  scriptId: string;
  deploymentId: string;
}

function scriptState(ws: Workspace): ScriptState {
  return ws.slot<ScriptState>('script', () => ({ scriptId: ws.newId('1', 56), deploymentId: ws.newId('AKfycb', 66) }));
}

export function webAppUrl(ws: Workspace): string {
  return `https://script.google.com/macros/s/${scriptState(ws).deploymentId}/exec`;
}

/** The account the current execution runs as for per-user state (triggers, user properties, user cache). */
function currentUser(ws: Workspace): string {
  return ws.execution?.activeUser || ws.state.owner;
}

/** Advances the emulated clock inside an execution (sleep, lock waits) and enforces its time limit. */
function spend(ws: Workspace, ms: number): void {
  if (ms <= 0) return;
  ws.advanceClock(ms);
  const exec = ws.execution;
  if (exec && ws.now() - exec.startMs > exec.limitMs) {
    exec.dead = true;
    throw new Error(TIME_LIMIT_MESSAGE);
  }
}

function enumOf<T extends string>(names: readonly T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

// ---------------------------------------------------------------------------------------------------
// ScriptApp

const EventType = enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
const TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);

const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

class TriggerFacade {
  constructor(private readonly record: TriggerRecord) {}
  getUniqueId(): string {
    return this.record.uid;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getEventType(): string {
    return this.record.type;
  }
  getTriggerSource(): string {
    return this.record.source === 'SPREADSHEET' ? TriggerSource.SPREADSHEETS : this.record.source;
  }
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

function sourceIdOf(source: unknown): string {
  if (typeof source === 'string') return source;
  if (source && typeof source === 'object' && 'getId' in source && typeof source.getId === 'function') {
    return String((source.getId as () => unknown).call(source));
  }
  throw new Error('Invalid argument: the trigger source must be a document, a form or an id.');
}

/** Records a trigger; the caller has already charged the `create` call, so times count from after it. */
function createTrigger(ws: Workspace, record: Omit<TriggerRecord, 'uid' | 'owner'>): TriggerFacade {
  const owner = currentUser(ws);
  const state = triggerState(ws);
  if (state.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER)
    throw new Error(TOO_MANY_TRIGGERS);
  const full: TriggerRecord = { ...record, uid: String(Math.floor(ws.random() * 9e15) + 1e15), owner };
  state.triggers.push(full);
  return new TriggerFacade(full);
}

class DocumentTriggerBuilder {
  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
    private readonly source: 'SPREADSHEET' | 'FORMS',
    private readonly sourceId: string,
  ) {}
  private kind: TriggerType | null = null;
  onFormSubmit(): this {
    return this.on('ON_FORM_SUBMIT');
  }
  onOpen(): this {
    return this.on('ON_OPEN');
  }
  onEdit(): this {
    if (this.source === 'FORMS') throw new Error('TypeError: onEdit is not a function');
    return this.on('ON_EDIT');
  }
  onChange(): this {
    if (this.source === 'FORMS') throw new Error('TypeError: onChange is not a function');
    return this.on('ON_CHANGE');
  }
  create(): TriggerFacade {
    this.ws.call('Script', 'create');
    if (!this.kind)
      throw new Error('The trigger has no event: call onFormSubmit(), onOpen(), onEdit() or onChange() first.');
    return createTrigger(this.ws, {
      handler: this.handler,
      type: this.kind,
      source: this.source,
      sourceId: this.sourceId,
      nextAtMs: null,
      everyMs: null,
    });
  }
  private on(kind: TriggerType): this {
    this.kind = kind;
    return this;
  }
}

class ClockTriggerBuilder {
  private afterMs: number | null = null;
  private atMs: number | null = null;
  private everyMs: number | null = null;
  private daily = false;
  private hour: number | null = null;
  private minute: number | null = null;
  private timeZone = SCRIPT_TIME_ZONE;

  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
  ) {}

  after(ms: number): this {
    this.afterMs = Math.max(0, Number(ms));
    return this;
  }
  at(date: Date): this {
    this.atMs = date.getTime();
    return this;
  }
  everyMinutes(n: number): this {
    if (!EVERY_MINUTES.includes(n))
      throw new Error('The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.');
    this.everyMs = n * MINUTE_MS;
    return this;
  }
  everyHours(n: number): this {
    if (!EVERY_HOURS.includes(n))
      throw new Error('The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.');
    this.everyMs = n * HOUR_MS;
    return this;
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: everyDays');
    this.everyMs = n * DAY_MS;
    this.daily = true;
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.hour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new Error('Invalid argument: minute');
    this.minute = minute;
    return this;
  }
  inTimezone(timeZone: string): this {
    this.timeZone = String(timeZone);
    return this;
  }
  create(): TriggerFacade {
    this.ws.call('Script', 'create');
    const schedules = [this.afterMs !== null, this.atMs !== null, this.everyMs !== null].filter(Boolean).length;
    if (schedules === 0)
      throw new Error('A time-based trigger needs a schedule: call after(), at() or an every... method first.');
    if (schedules > 1) throw new Error('A time-based trigger can have only one schedule.');
    if (this.hour !== null && !this.daily)
      throw new Error('atHour() can only be used with everyDays() or everyWeeks().');
    const now = this.ws.now();
    let nextAtMs: number;
    if (this.afterMs !== null) nextAtMs = now + this.afterMs;
    else if (this.atMs !== null) nextAtMs = this.atMs;
    else if (this.daily && this.hour !== null)
      nextAtMs = nextWallClockTime(
        { hour: this.hour, minute: this.minute ?? 0, timeZone: this.timeZone },
        now,
        now,
        1,
        true,
      );
    else nextAtMs = now + (this.everyMs as number);
    return createTrigger(this.ws, {
      handler: this.handler,
      type: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      nextAtMs,
      everyMs: this.everyMs,
      ...(this.daily && this.hour !== null
        ? { wallClock: { hour: this.hour, minute: this.minute ?? 0, timeZone: this.timeZone } }
        : {}),
    });
  }
}

class TriggerBuilder {
  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
  ) {}
  forForm(form: unknown): DocumentTriggerBuilder {
    return new DocumentTriggerBuilder(this.ws, this.handler, 'FORMS', sourceIdOf(form));
  }
  forSpreadsheet(spreadsheet: unknown): DocumentTriggerBuilder {
    return new DocumentTriggerBuilder(this.ws, this.handler, 'SPREADSHEET', sourceIdOf(spreadsheet));
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ws, this.handler);
  }
}

function scriptApp(ws: Workspace): Record<string, unknown> {
  const mine = (): TriggerRecord[] => triggerState(ws).triggers.filter((t) => t.owner === currentUser(ws));
  return {
    EventType,
    TriggerSource,
    AuthMode,
    newTrigger(handler: string): TriggerBuilder {
      ws.call('Script', 'newTrigger');
      return new TriggerBuilder(ws, String(handler));
    },
    getProjectTriggers(): TriggerFacade[] {
      ws.call('Script', 'getProjectTriggers');
      return mine().map((t) => new TriggerFacade(t));
    },
    getUserTriggers(document: unknown): TriggerFacade[] {
      ws.call('Script', 'getUserTriggers');
      const id = sourceIdOf(document);
      return mine()
        .filter((t) => t.sourceId === id)
        .map((t) => new TriggerFacade(t));
    },
    deleteTrigger(trigger: TriggerFacade): void {
      ws.call('Script', 'deleteTrigger');
      const state = triggerState(ws);
      const uid = trigger.getUniqueId();
      state.triggers = state.triggers.filter((t) => t.uid !== uid);
    },
    getScriptId(): string {
      ws.call('Script', 'getScriptId');
      return scriptState(ws).scriptId;
    },
    getService(): { getUrl(): string; isEnabled(): boolean } {
      ws.call('Script', 'getService');
      return { getUrl: () => webAppUrl(ws), isEnabled: () => true };
    },
  };
}

export function snapshotTriggers(ws: Workspace): Array<{ handler: string; type: string }> {
  return triggerState(ws).triggers.map((t) => ({ handler: t.handler, type: t.type }));
}

// ---------------------------------------------------------------------------------------------------
// LockService

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
    let timeout = Math.max(0, Number(timeoutMs) || 0);
    const state = lockState(this.ws);
    // An execution that began while an earlier one held the lock has been waiting since it began.
    const began = this.ws.execution?.startMs ?? this.ws.now();
    const queued = Math.max(0, (state.freedAtMs?.[this.key] ?? 0) - began);
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

function lockService(ws: Workspace): Record<string, unknown> {
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

// ---------------------------------------------------------------------------------------------------
// PropertiesService

/** Google's limits: 9 KB per value, 500 KB per store (quotas page). */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
const PROPERTY_QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

interface PropertiesState {
  script: Record<string, string>;
  document: Record<string, string>;
  user: Record<string, Record<string, string>>;
}

function propertiesState(ws: Workspace): PropertiesState {
  return ws.slot<PropertiesState>('properties', () => ({ script: {}, document: {}, user: {} }));
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeSize(store: Record<string, string>): number {
  let total = 0;
  for (const [k, v] of Object.entries(store)) total += utf8Length(k) + utf8Length(v);
  return total;
}

class PropertiesFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly store: () => Record<string, string>,
    private readonly replace: (next: Record<string, string>) => void,
  ) {}

  getProperty(key: string): string | null {
    this.ws.call('Properties', 'getProperty');
    return Object.prototype.hasOwnProperty.call(this.store(), String(key)) ? this.store()[String(key)] : null;
  }
  getProperties(): Record<string, string> {
    this.ws.call('Properties', 'getProperties');
    return { ...this.store() };
  }
  getKeys(): string[] {
    this.ws.call('Properties', 'getKeys');
    return Object.keys(this.store());
  }
  setProperty(key: string, value: unknown): this {
    this.ws.call('Properties', 'setProperty');
    this.commit({ ...this.store(), [String(key)]: String(value) });
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    this.ws.call('Properties', 'setProperties');
    const next = deleteAllOthers ? {} : { ...this.store() };
    for (const [k, v] of Object.entries(properties)) next[k] = String(v);
    this.commit(next);
    return this;
  }
  deleteProperty(key: string): this {
    this.ws.call('Properties', 'deleteProperty');
    const next = { ...this.store() };
    delete next[String(key)];
    this.replace(next);
    return this;
  }
  deleteAllProperties(): this {
    this.ws.call('Properties', 'deleteAllProperties');
    this.replace({});
    return this;
  }
  private commit(next: Record<string, string>): void {
    for (const value of Object.values(next)) {
      if (utf8Length(value) > PROPERTY_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
    }
    if (storeSize(next) > PROPERTY_STORE_MAX_BYTES) throw new Error(PROPERTY_QUOTA);
    this.replace(next);
  }
}

function propertiesService(ws: Workspace): Record<string, unknown> {
  const state = (): PropertiesState => propertiesState(ws);
  return {
    getScriptProperties(): PropertiesFacade {
      ws.call('Properties', 'getScriptProperties');
      return new PropertiesFacade(
        ws,
        () => state().script,
        (next) => (state().script = next),
      );
    },
    getDocumentProperties(): PropertiesFacade {
      ws.call('Properties', 'getDocumentProperties');
      return new PropertiesFacade(
        ws,
        () => state().document,
        (next) => (state().document = next),
      );
    },
    getUserProperties(): PropertiesFacade {
      ws.call('Properties', 'getUserProperties');
      const user = currentUser(ws);
      return new PropertiesFacade(
        ws,
        () => state().user[user] ?? {},
        (next) => (state().user[user] = next),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// CacheService

export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21_600;
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;

interface CacheEntry {
  value: string;
  expiresAtMs: number;
}

interface CacheState {
  script: Record<string, CacheEntry>;
  document: Record<string, CacheEntry>;
  user: Record<string, Record<string, CacheEntry>>;
}

function cacheState(ws: Workspace): CacheState {
  return ws.slot<CacheState>('cache', () => ({ script: {}, document: {}, user: {} }));
}

class CacheFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly store: () => Record<string, CacheEntry>,
  ) {}

  get(key: string): string | null {
    this.ws.call('Cache', 'get');
    return this.read(String(key));
  }
  getAll(keys: string[]): Record<string, string> {
    this.ws.call('Cache', 'getAll');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.read(String(key));
      if (value !== null) out[String(key)] = value;
    }
    return out;
  }
  put(key: string, value: unknown, ttlSeconds = CACHE_DEFAULT_TTL_S): void {
    this.ws.call('Cache', 'put');
    this.write(String(key), String(value), ttlSeconds);
  }
  putAll(values: Record<string, unknown>, ttlSeconds = CACHE_DEFAULT_TTL_S): void {
    this.ws.call('Cache', 'putAll');
    for (const [key, value] of Object.entries(values)) this.write(key, String(value), ttlSeconds);
  }
  remove(key: string): void {
    this.ws.call('Cache', 'remove');
    delete this.store()[String(key)];
  }
  removeAll(keys: string[]): void {
    this.ws.call('Cache', 'removeAll');
    for (const key of keys) delete this.store()[String(key)];
  }
  private read(key: string): string | null {
    const entry = this.store()[key];
    if (!entry) return null;
    if (entry.expiresAtMs <= this.ws.now()) {
      delete this.store()[key];
      return null;
    }
    return entry.value;
  }
  private write(key: string, value: string, ttlSeconds: number): void {
    if (key.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
    if (utf8Length(value) > CACHE_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
    const ttl = Math.min(Math.max(1, Number(ttlSeconds) || CACHE_DEFAULT_TTL_S), CACHE_MAX_TTL_S);
    this.store()[key] = { value, expiresAtMs: this.ws.now() + ttl * 1000 };
  }
}

function cacheService(ws: Workspace): Record<string, unknown> {
  const state = (): CacheState => cacheState(ws);
  return {
    getScriptCache(): CacheFacade {
      ws.call('Cache', 'getScriptCache');
      return new CacheFacade(ws, () => state().script);
    },
    getDocumentCache(): CacheFacade {
      ws.call('Cache', 'getDocumentCache');
      return new CacheFacade(ws, () => state().document);
    },
    getUserCache(): CacheFacade {
      ws.call('Cache', 'getUserCache');
      const user = currentUser(ws);
      return new CacheFacade(ws, () => (state().user[user] ??= {}));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Utilities

const DigestAlgorithm = enumOf(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
const MacAlgorithm = enumOf(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);
const Charset = enumOf(['US_ASCII', 'UTF_8'] as const);

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_HMAC: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
function signed(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

function bytesOf(value: unknown, charset?: string): Uint8Array {
  if (typeof value === 'string') {
    if (charset === Charset.US_ASCII)
      return Uint8Array.from(value, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63));
    return new TextEncoder().encode(value);
  }
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return toUint8(value as number[]);
  throw new Error('Invalid argument: value');
}

function base64Decode(text: string, webSafe: boolean): number[] {
  const normalized = webSafe ? String(text).replace(/-/g, '+').replace(/_/g, '/') : String(text);
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(normalized)) throw new Error('Could not decode string.');
  return signed(Uint8Array.from(Buffer.from(normalized, 'base64')));
}

/** Java's `String.format` as `Utilities.formatString` exposes it, for the conversions scripts use. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([sSdifeExXobBc%n])/g,
    (
      match,
      position: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conversion: string,
    ) => {
      if (conversion === '%') return '%';
      if (conversion === 'n') return '\n';
      const arg = position ? args[Number(position.slice(0, -1)) - 1] : args[next++];
      let text: string;
      switch (conversion) {
        case 's':
        case 'S':
          text = String(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
          if (conversion === 'S') text = text.toUpperCase();
          break;
        case 'd':
        case 'i':
          text = String(Math.trunc(Number(arg)));
          if (flags.includes(',')) text = Number(text).toLocaleString('en-US');
          break;
        case 'f':
          text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          text = Number(arg)
            .toExponential(precision === undefined ? 6 : Number(precision))
            .replace(/e([+-])(\d)$/, 'e$10$2');
          if (conversion === 'E') text = text.toUpperCase();
          break;
        case 'x':
        case 'X':
          text = Math.trunc(Number(arg)).toString(16);
          if (conversion === 'X') text = text.toUpperCase();
          break;
        case 'o':
          text = Math.trunc(Number(arg)).toString(8);
          break;
        case 'b':
        case 'B':
          text = String(arg !== null && arg !== undefined && arg !== false);
          break;
        case 'c':
          text = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        default:
          return match;
      }
      if (flags.includes('+') && /^[0-9]/.test(text) && /[dfeEi]/.test(conversion)) text = `+${text}`;
      const w = width === undefined ? 0 : Number(width);
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w, ' ');
        else if (flags.includes('0') && /[dfeEixXo]/.test(conversion)) {
          const sign = /^[+-]/.test(text) ? text[0] : '';
          text = sign + text.slice(sign.length).padStart(w - sign.length, '0');
        } else text = text.padStart(w, ' ');
      }
      return text;
    },
  );
}

/** RFC 4180 CSV, as `Utilities.parseCsv` reads it. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = String(csv);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function utilities(ws: Workspace): Record<string, unknown> {
  const call = (method: string): void => ws.call('Utilities', method);
  return {
    DigestAlgorithm,
    MacAlgorithm,
    Charset,
    formatDate(date: Date, timeZone: string, pattern: string): string {
      call('formatDate');
      if (!(date instanceof Date) && !(date && typeof (date as Date).getTime === 'function'))
        throw new Error('Invalid argument: date');
      return formatDate(date.getTime(), String(timeZone), String(pattern));
    },
    formatString(template: string, ...args: unknown[]): string {
      call('formatString');
      return formatString(template, args);
    },
    getUuid(): string {
      call('getUuid');
      const bytes = Array.from({ length: 16 }, () => Math.floor(ws.random() * 256));
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
      call('computeDigest');
      const name = NODE_DIGEST[String(algorithm)];
      if (!name) throw new Error(`Invalid argument: algorithm`);
      return signed(createHash(name).update(bytesOf(value, charset)).digest());
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
      call('computeHmacSha256Signature');
      return signed(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
    },
    computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[] {
      call('computeHmacSignature');
      const name = NODE_HMAC[String(algorithm)];
      if (!name) throw new Error(`Invalid argument: algorithm`);
      return signed(createHmac(name, bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
    },
    base64Encode(data: unknown, charset?: string): string {
      call('base64Encode');
      return Buffer.from(bytesOf(data, charset)).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: string): string {
      call('base64EncodeWebSafe');
      return Buffer.from(bytesOf(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(text: string): number[] {
      call('base64Decode');
      return base64Decode(text, false);
    },
    base64DecodeWebSafe(text: string): number[] {
      call('base64DecodeWebSafe');
      return base64Decode(text, true);
    },
    newBlob(data: unknown, contentType?: string, name?: string): EmulatedBlob {
      call('newBlob');
      if (typeof data === 'string') return EmulatedBlob.fromString(data, contentType ?? 'text/plain', name ?? null);
      return new EmulatedBlob(bytesOf(data), contentType ?? null, name ?? null);
    },
    sleep(ms: number): void {
      call('sleep');
      const duration = Number(ms);
      if (!Number.isFinite(duration) || duration < 0 || duration > 300_000)
        throw new Error('Invalid argument: milliseconds');
      spend(ws, duration);
    },
    parseCsv(csv: string, delimiter?: string): string[][] {
      call('parseCsv');
      return parseCsv(csv, delimiter === undefined ? ',' : String(delimiter));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Session

function session(ws: Workspace): Record<string, unknown> {
  const call = (method: string): void => ws.call('Session', method);
  return {
    getActiveUser(): { getEmail(): string } {
      call('getActiveUser');
      const email = ws.execution ? ws.execution.activeUser : ws.state.owner;
      return { getEmail: () => email };
    },
    getEffectiveUser(): { getEmail(): string } {
      call('getEffectiveUser');
      // A web app runs as its deployer; menus, sidebars and installable triggers run as their user.
      const email =
        !ws.execution || ws.execution.kind === 'webapp' ? ws.state.owner : ws.execution.activeUser || ws.state.owner;
      return { getEmail: () => email };
    },
    getScriptTimeZone(): string {
      call('getScriptTimeZone');
      return SCRIPT_TIME_ZONE;
    },
    getActiveUserLocale(): string {
      call('getActiveUserLocale');
      return 'it';
    },
    getTemporaryActiveUserKey(): string {
      call('getTemporaryActiveUserKey');
      const user = ws.execution ? ws.execution.activeUser : ws.state.owner;
      return createHash('sha256')
        .update(`${scriptState(ws).scriptId}:${user}`)
        .digest('base64url')
        .slice(0, 43);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// HtmlService and ContentService

const SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE'] as const);
const XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT'] as const);

export class HtmlOutputFacade {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private readonly metaTags: Array<{ name: string; content: string }> = [];
  private faviconUrl: string | null = null;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;

  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = Number(width);
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(url: string): this {
    this.faviconUrl = String(url);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  getBlob(): EmulatedBlob {
    return EmulatedBlob.fromString(this.content, 'text/html', null);
  }
  getAs(contentType: string): EmulatedBlob {
    return EmulatedBlob.fromString(this.content, String(contentType), null);
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}

function htmlService(ws: Workspace): Record<string, unknown> {
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown): HtmlOutputFacade {
      ws.call('Html', 'createHtmlOutput');
      if (html instanceof EmulatedBlob) return new HtmlOutputFacade(html.getDataAsString());
      return new HtmlOutputFacade(html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: string): HtmlOutputFacade {
      ws.call('Html', 'createHtmlOutputFromFile');
      const name = String(filename).replace(/\.html$/, '');
      const content = ws.htmlFiles[name];
      if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
      return new HtmlOutputFacade(content);
    },
  };
}

const MimeType = enumOf(['ATOM', 'CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'RSS', 'TEXT', 'VCARD', 'XML'] as const);

export class TextOutputFacade {
  private mimeType: string = MimeType.TEXT;
  private fileName: string | null = null;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getMimeType(): string {
    return this.mimeType;
  }
  setMimeType(mimeType: string): this {
    if (!(String(mimeType) in MimeType)) throw new Error('Invalid argument: mimeType');
    this.mimeType = String(mimeType);
    return this;
  }
  downloadAsFile(filename: string): this {
    this.fileName = String(filename);
    return this;
  }
  getFileName(): string | null {
    return this.fileName;
  }
}

function contentService(ws: Workspace): Record<string, unknown> {
  return {
    MimeType,
    createTextOutput(content?: unknown): TextOutputFacade {
      ws.call('Html', 'createTextOutput');
      return new TextOutputFacade(content === undefined ? '' : String(content));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Logger and console

/** Lines kept per workspace (oldest dropped first), so a long demo does not grow without bound. */
export const MAX_LOG_LINES = 10_000;
const logs = new WeakMap<Workspace, string[]>();

export function logLines(ws: Workspace): string[] {
  return [...(logs.get(ws) ?? [])];
}

function record(ws: Workspace, line: string): void {
  let lines = logs.get(ws);
  if (!lines) {
    lines = [];
    logs.set(ws, lines);
  }
  lines.push(line);
  if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
  if (process.env.ACADEMY_DEBUG) process.stderr.write(`[script] ${line}\n`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  if (value instanceof Error) return value.stack ?? value.message;
  if (value && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

function logger(ws: Workspace): Record<string, unknown> {
  const self: Record<string, unknown> = {
    log(data: unknown, ...values: unknown[]): unknown {
      ws.call('Logger', 'log');
      record(ws, values.length > 0 ? formatString(String(data), values) : show(data));
      return self;
    },
    getLog(): string {
      ws.call('Logger', 'getLog');
      return (logs.get(ws) ?? []).join('\n');
    },
    clear(): void {
      ws.call('Logger', 'clear');
      logs.set(ws, []);
    },
  };
  return self;
}

function consoleFacade(ws: Workspace): Record<string, unknown> {
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      ws.call('Logger', `console.${level}`);
      const text = args.map(show).join(' ');
      record(ws, level === 'log' || level === 'info' ? text : `${level.toUpperCase()}: ${text}`);
    };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}

export interface ScriptGlobals {
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ContentService: GoogleAppsScript.Content.ContentService;
  Logger: GoogleAppsScript.Base.Logger;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
}

export function scriptGlobals(ws: Workspace): ScriptGlobals {
  const globals = {
    ScriptApp: scriptApp(ws),
    LockService: lockService(ws),
    PropertiesService: propertiesService(ws),
    CacheService: cacheService(ws),
    Utilities: utilities(ws),
    Session: session(ws),
    HtmlService: htmlService(ws),
    ContentService: contentService(ws),
    Logger: logger(ws),
    console: consoleFacade(ws),
  };
  return globals as unknown as ScriptGlobals;
}
