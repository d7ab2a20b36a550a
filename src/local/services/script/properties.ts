import type { Workspace } from '../../runtime/workspace';
import { currentUser } from './common';

/** The emulated PropertiesService: script, document and per-user stores with Google's size limits. */

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

/** What the script store holds now, as a copy: for checks and tools that look at the store from outside. */
export function scriptPropertiesOf(ws: Workspace): Record<string, string> {
  return { ...propertiesState(ws).script };
}

export function utf8Length(text: string): number {
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

export function propertiesService(ws: Workspace): Record<string, unknown> {
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
