import type { Workspace } from '../../runtime/workspace';
import { currentUser } from './common';
import { utf8Length } from './properties';

/** The emulated CacheService: entries expire on the emulated clock. */

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

export function cacheService(ws: Workspace): Record<string, unknown> {
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
