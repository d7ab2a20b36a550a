/**
 * The Script Properties adapter against a stand-in store that counts its calls. Each test loads the
 * module afresh, as Apps Script evaluates the script afresh for every execution.
 */
import { KEY_PREFIX, PROPERTY_KEYS, VALUE_MAX_BYTES, specOf, type PropertyKeySpec } from './property-keys';

type Adapter = typeof import('./properties');

class CountingStore {
  readonly calls: string[] = [];
  failNext: string | null = null;
  constructor(public data: Record<string, string> = {}) {}
  private record(name: string): void {
    this.calls.push(name);
    if (this.failNext === name) {
      this.failNext = null;
      throw new Error('Service unavailable: Properties');
    }
  }
  getProperties(): Record<string, string> {
    this.record('getProperties');
    return { ...this.data };
  }
  setProperties(values: Record<string, string>): this {
    this.record('setProperties');
    this.data = { ...this.data, ...values };
    return this;
  }
  deleteProperty(key: string): this {
    this.record('deleteProperty');
    const next = { ...this.data };
    delete next[key];
    this.data = next;
    return this;
  }
}

const globals = globalThis as unknown as Record<string, unknown>;

async function execution(store: CountingStore): Promise<Adapter> {
  globals.PropertiesService = {
    getScriptProperties: () => {
      store.calls.push('getScriptProperties');
      return store;
    },
  };
  globals.Utilities = { sleep: (): void => undefined };
  jest.resetModules();
  return import('./properties');
}

afterAll(() => {
  delete globals.PropertiesService;
  delete globals.Utilities;
});

describe('the Script Properties adapter', () => {
  it('reads the whole store once per execution, however many keys are read', async () => {
    const store = new CountingStore({ 'a4pa.form.url': 'https://forms/x', 'a4pa.job.certificates': '{}' });
    const props = await execution(store);
    expect(props.readProperty('a4pa.form.url')).toBe('https://forms/x');
    expect(props.readProperty('a4pa.form.id')).toBeNull();
    expect(props.readFamily('a4pa.job.')).toEqual({ certificates: '{}' });
    expect(store.calls).toEqual(['getScriptProperties', 'getProperties']);
  });

  it('writes in one setProperties call and later reads see the write without asking the store', async () => {
    const store = new CountingStore({ 'a4pa.form.id': 'F1' });
    const props = await execution(store);
    expect(props.readProperty('a4pa.form.id')).toBe('F1');
    props.writeProperties({ 'a4pa.form.id': 'F2', 'a4pa.form.url': 'u' });
    expect(props.readProperty('a4pa.form.id')).toBe('F2');
    expect(store.data).toEqual({ 'a4pa.form.id': 'F2', 'a4pa.form.url': 'u' });
    expect(store.calls).toEqual(['getScriptProperties', 'getProperties', 'setProperties']);
  });

  it('writes without reading first and writes nothing when given nothing', async () => {
    const store = new CountingStore();
    const props = await execution(store);
    props.writeProperties({});
    props.writeProperties({ 'a4pa.jobs.lease': '10' });
    expect(store.calls).toEqual(['getScriptProperties', 'setProperties']);
  });

  it('deletes one key a call and forgets it in the snapshot', async () => {
    const store = new CountingStore({ 'a4pa.cert.inflight': '{}', 'a4pa.cert.reissue': '{}' });
    const props = await execution(store);
    expect(props.readProperty('a4pa.cert.inflight')).toBe('{}');
    props.deleteProperties(['a4pa.cert.inflight', 'a4pa.cert.reissue']);
    expect(props.readProperty('a4pa.cert.inflight')).toBeNull();
    expect(store.data).toEqual({});
    expect(store.calls.filter((c) => c === 'deleteProperty')).toHaveLength(2);
  });

  it('reads the store again after refreshProperties, seeing what another execution wrote', async () => {
    const store = new CountingStore({ 'a4pa.form.watermark': '1' });
    const props = await execution(store);
    expect(props.readProperty('a4pa.form.watermark')).toBe('1');
    store.data = { 'a4pa.form.watermark': '2' };
    expect(props.readProperty('a4pa.form.watermark')).toBe('1');
    props.refreshProperties();
    expect(props.readProperty('a4pa.form.watermark')).toBe('2');
    expect(store.calls).toEqual(['getScriptProperties', 'getProperties', 'getProperties']);
  });

  it('refuses a key that is not in the registry and writes nothing', async () => {
    const store = new CountingStore();
    const props = await execution(store);
    const write = props.writeProperties as (values: Record<string, string>) => void;
    expect(() => write({ 'a4pa.form.url': 'u', 'a4pa.unknown': 'x' })).toThrow(
      'la chiave «a4pa.unknown» non è nel registro delle Script Properties',
    );
    expect(store.data).toEqual({});
    expect(store.calls).toEqual([]);
  });

  it('merges the writes held by holdPropertyWrites into one setProperties at its end, reads seeing them at once', async () => {
    const store = new CountingStore({ 'a4pa.form.watermark': '1' });
    const props = await execution(store);
    const value = props.holdPropertyWrites(() => {
      props.writeProperties({ 'a4pa.form.watermark': '2', 'a4pa.form.url': 'u' });
      props.writeProperties({ 'a4pa.form.watermark': '3' });
      props.holdPropertyWrites(() => props.writeProperties({ 'a4pa.form.choices': 'c' }));
      expect(props.readProperty('a4pa.form.watermark')).toBe('3');
      expect(store.calls.filter((c) => c === 'setProperties')).toHaveLength(0);
      return 'done';
    });
    expect(value).toBe('done');
    expect(store.data).toEqual({ 'a4pa.form.watermark': '3', 'a4pa.form.url': 'u', 'a4pa.form.choices': 'c' });
    expect(store.calls.filter((c) => c === 'setProperties')).toHaveLength(1);
  });

  it('stores a write marked now at once inside a hold, and the held older value of its key never overwrites it', async () => {
    const store = new CountingStore();
    const props = await execution(store);
    props.holdPropertyWrites(() => {
      props.writeProperties({ 'a4pa.form.watermark': 'old', 'a4pa.form.url': 'u' });
      props.writeProperties({ 'a4pa.form.watermark': 'new' }, { now: true });
      expect(store.data).toEqual({ 'a4pa.form.watermark': 'new' });
    });
    expect(store.data).toEqual({ 'a4pa.form.watermark': 'new', 'a4pa.form.url': 'u' });
    expect(store.calls.filter((c) => c === 'setProperties')).toHaveLength(2);
  });

  it('stores what a hold wrote when its work fails, and lets the work’s own error through', async () => {
    const store = new CountingStore();
    const props = await execution(store);
    expect(() =>
      props.holdPropertyWrites(() => {
        props.writeProperties({ 'a4pa.form.watermark': '5' });
        throw new Error('Calendar non disponibile');
      }),
    ).toThrow('Calendar non disponibile');
    expect(store.data).toEqual({ 'a4pa.form.watermark': '5' });
  });

  it('refuses an unregistered key inside a hold at once, holding none of that write’s values', async () => {
    const store = new CountingStore();
    const props = await execution(store);
    const write = props.writeProperties as (values: Record<string, string>) => void;
    props.holdPropertyWrites(() => {
      expect(() => write({ 'a4pa.form.url': 'u', 'a4pa.unknown': 'x' })).toThrow('a4pa.unknown');
    });
    expect(store.data).toEqual({});
    expect(store.calls.filter((c) => c === 'setProperties')).toHaveLength(0);
  });

  it('retries a read that Google fails for a moment', async () => {
    const store = new CountingStore({ 'a4pa.form.id': 'F1' });
    store.failNext = 'getProperties';
    const props = await execution(store);
    expect(props.readProperty('a4pa.form.id')).toBe('F1');
    expect(store.calls).toEqual(['getScriptProperties', 'getProperties', 'getProperties']);
  });
});

describe('keys stored under the legacy prefix academy.issued.', () => {
  it('are read under their current names, the current name winning where both exist', async () => {
    const store = new CountingStore({
      'academy.issued.D': '40',
      'academy.issued.I': '7',
      'a4pa.issued.I': '9',
    });
    const props = await execution(store);
    expect(props.readFamily('a4pa.issued.')).toEqual({ D: '40', I: '9' });
    expect(props.readProperty('a4pa.issued.D')).toBe('40');
  });

  it('move on the owner’s first write: one setProperties with every value, then one delete per legacy key', async () => {
    const store = new CountingStore({
      'academy.issued.D': '40',
      'academy.issued.S:EXC': '3',
      'a4pa.form.url': 'u',
    });
    const props = await execution(store);
    expect(props.readProperty('a4pa.issued.D')).toBe('40');
    props.writeProperties({ 'a4pa.form.url': 'v' });
    expect(Object.keys(store.data).filter((k) => k.startsWith('academy.'))).toHaveLength(2);
    props.writeProperties({ 'a4pa.issued.D': '41' });
    expect(store.data).toEqual({ 'a4pa.form.url': 'v', 'a4pa.issued.D': '41', 'a4pa.issued.S:EXC': '3' });
    expect(store.calls).toEqual([
      'getScriptProperties',
      'getProperties',
      'setProperties',
      'setProperties',
      'deleteProperty',
      'deleteProperty',
    ]);
    props.writeProperties({ 'a4pa.issued.D': '42' });
    expect(store.calls.filter((c) => c === 'deleteProperty')).toHaveLength(2);
  });
});

describe('the key registry', () => {
  const specs: readonly PropertyKeySpec[] = PROPERTY_KEYS;

  it('names every key under the one prefix, each once, with an owner, a lifetime and a purpose', () => {
    for (const s of specs) {
      expect(s.key.startsWith(KEY_PREFIX)).toBe(true);
      expect(s.family).toBe(s.key.endsWith('.'));
      expect(s.owner).toMatch(/^gas\/.+\.ts$/);
      expect(s.lifetime).not.toBe('');
      expect(s.purpose).not.toBe('');
    }
    expect(new Set(specs.map((s) => s.key)).size).toBe(specs.length);
  });

  it('bounds every value under Google’s 9 KB (catalogue: PROPS-LIMITS)', () => {
    for (const s of specs) expect(s.maxBytes).toBeLessThanOrEqual(VALUE_MAX_BYTES);
  });

  it('finds the one entry a stored key belongs to, and none for a key it does not own', () => {
    expect(specOf('a4pa.ledger.after-course.n')?.key).toBe('a4pa.ledger.');
    expect(specOf('a4pa.mail.queue.3')?.key).toBe('a4pa.mail.queue.');
    expect(specOf('a4pa.mail.sent')?.key).toBe('a4pa.mail.sent');
    expect(specOf('a4pa.mail.other')).toBeUndefined();
    expect(specOf('academy.issued.D')).toBeUndefined();
    for (const s of specs) {
      const matching = specs.filter((o) => (o.family ? s.key.startsWith(o.key) : s.key === o.key));
      expect(matching).toEqual([s]);
    }
  });
});
