/**
 * The one door to Script Properties. The store is read whole once per execution (one `getProperties`,
 * about 30 ms, instead of one call per key) and kept as a snapshot that every write and delete of the
 * execution updates; `refreshProperties` drops it once the script lock is held, since another execution
 * may have written meanwhile. Only keys of the registry (`./property-keys.ts`) may be stored. Every call
 * is retried when Google fails for a moment (docs/google-behaviour.md, PROPS-LIMITS for the costs).
 */
import { withRetry } from './retry';
import { PROPERTY_KEYS, specOf, type FamilyPrefix, type PropertyKey, type PropertyKeySpec } from './property-keys';

type Store = GoogleAppsScript.Properties.Properties;

let store: Store | null = null;
let snapshot: Map<string, string> | null = null;
/** Writes held by `holdPropertyWrites`, merged (a later value of a key replaces an earlier one); null when none is held. */
let held: Record<string, string> | null = null;
/** Keys read under a legacy prefix and not yet moved: the current name → the legacy key. */
let unmoved = new Map<string, string>();

const MIGRATING: readonly PropertyKeySpec[] = PROPERTY_KEYS.filter((s: PropertyKeySpec) => s.legacy !== undefined);

function scriptStore(): Store {
  store ??= withRetry('PropertiesService.getScriptProperties', () => PropertiesService.getScriptProperties());
  return store;
}

/** The current name of a key stored under a legacy prefix, or null. */
function currentName(key: string): string | null {
  for (const spec of MIGRATING) {
    const legacy = spec.legacy as string;
    if (key.startsWith(legacy)) return spec.key + key.slice(legacy.length);
  }
  return null;
}

function load(): Map<string, string> {
  if (snapshot) return snapshot;
  const stored = scriptStore();
  const all = withRetry('Properties.getProperties', () => stored.getProperties());
  const view = new Map<string, string>();
  const legacy: Array<[string, string, string]> = [];
  for (const [key, value] of Object.entries(all)) {
    const renamed = currentName(key);
    if (renamed === null) view.set(key, value);
    else legacy.push([key, renamed, value]);
  }
  unmoved = new Map();
  // A key already under its current name was written after the legacy one: the current one wins.
  for (const [key, renamed, value] of legacy) {
    if (view.has(renamed)) continue;
    view.set(renamed, value);
    unmoved.set(renamed, key);
  }
  // Writes still held belong to this execution's view of the store.
  for (const [key, value] of Object.entries(held ?? {})) view.set(key, value);
  snapshot = view;
  return view;
}

function registered(key: string): PropertyKeySpec {
  const spec = specOf(key);
  if (!spec) throw new Error(`Academy4PA: la chiave «${key}» non è nel registro delle Script Properties.`);
  return spec;
}

/** The value stored under `key` in this execution's snapshot, or null. */
export function readProperty(key: PropertyKey): string | null {
  return load().get(key) ?? null;
}

/** Every key of a family, by the part after its prefix (e.g. `a4pa.job.` → `{ certificates: … }`). */
export function readFamily(prefix: FamilyPrefix): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of load()) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  return out;
}

/**
 * Writes every value in one `setProperties`. A family read under its legacy prefix is moved by its
 * owner's first write: the values not rewritten now are written under their current names in the same
 * call, then the legacy keys are deleted (once in a deployment's life).
 */
export function writeProperties(
  values: Partial<Record<PropertyKey, string>>,
  /** Stored at once even inside `holdPropertyWrites`: for a caller that acts on the write having succeeded. */
  options: { now?: boolean } = {},
): void {
  const entries = Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined);
  if (entries.length === 0) return;
  if (held !== null && options.now === true) {
    // The value stored now is the newest: an older one still held must not overwrite it later.
    for (const [key] of entries) delete held[key];
  } else if (held !== null) {
    // Checked now, so a bad key fails where it is written (holding none of the values), not at the end.
    for (const [key] of entries) registered(key);
    for (const [key, value] of entries) {
      held[key] = value;
      snapshot?.set(key, value);
    }
    return;
  }
  const batch: Record<string, string> = {};
  const families = new Set<PropertyKeySpec>();
  for (const [key, value] of entries) {
    const spec = registered(key);
    batch[key] = value;
    if (spec.legacy !== undefined) families.add(spec);
  }
  const moving = [...unmoved].filter(([key]) => [...families].some((s) => key.startsWith(s.key)));
  for (const [key] of moving) {
    const value = snapshot?.get(key);
    if (!(key in batch) && value !== undefined) batch[key] = value;
  }
  const stored = scriptStore();
  withRetry('Properties.setProperties', () => stored.setProperties(batch));
  for (const [key, value] of Object.entries(batch)) snapshot?.set(key, value);
  for (const [key, legacyKey] of moving) {
    withRetry('Properties.deleteProperty', () => stored.deleteProperty(legacyKey));
    unmoved.delete(key);
  }
}

/**
 * Runs `fn` with its property writes merged into one `setProperties` at its end (about 62 ms a call):
 * reads inside see every write at once, and the writes reach the store even when `fn` throws, as they
 * would have one by one. Only for work whose writes may land together: nothing outside Script Properties
 * (a mail sent, say) may depend on one of them being stored before it happens. Nested holds end with the
 * outermost.
 */
export function holdPropertyWrites<T>(fn: () => T): T {
  if (held !== null) return fn();
  held = {};
  let done = false;
  try {
    const result = fn();
    done = true;
    return result;
  } finally {
    const values = held as Partial<Record<PropertyKey, string>>;
    held = null;
    if (done) writeProperties(values);
    else {
      try {
        writeProperties(values);
      } catch {
        // `fn`'s own error is the one the caller must see.
      }
    }
  }
}

/** Deletes each key (Apps Script deletes one key a call). */
export function deleteProperties(keys: readonly PropertyKey[]): void {
  const stored = scriptStore();
  for (const key of keys) {
    registered(key);
    withRetry('Properties.deleteProperty', () => stored.deleteProperty(key));
    snapshot?.delete(key);
    if (held !== null) delete held[key];
  }
}

/** The next read asks the store again: called once the script lock is held. */
export function refreshProperties(): void {
  snapshot = null;
}
