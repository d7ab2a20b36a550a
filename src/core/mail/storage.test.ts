import { chunkUtf8, keyDigest, utf8Length } from './storage';

describe('outbox storage', () => {
  test('chunks never exceed the byte limit, never split a surrogate pair, and join back to the text', () => {
    const text = `${'a'.repeat(10)}è€😀`.repeat(500);
    const chunks = chunkUtf8(text, 100);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) {
      expect(utf8Length(c)).toBeLessThanOrEqual(100);
      expect(c.charCodeAt(c.length - 1) >= 0xd800 && c.charCodeAt(c.length - 1) <= 0xdbff).toBe(false);
    }
    expect(chunkUtf8('', 10)).toEqual([]);
  });

  test('UTF-8 length counts as Google counts bytes', () => {
    expect(utf8Length('aè€😀')).toBe(1 + 2 + 3 + 4);
  });

  test('digests are stable, short and distinguish close keys', () => {
    expect(keyDigest('response:abc')).toBe(keyDigest('response:abc'));
    expect(keyDigest('response:abc')).toHaveLength(14);
    const keys = Array.from({ length: 5000 }, (_, i) => keyDigest(`promote:I${String(i).padStart(5, '0')}`));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
