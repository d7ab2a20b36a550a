/**
 * What `google.script.run` accepts as an argument: primitives, plain objects and arrays, nothing else
 * (a Date, a function, a DOM node make Google fail the call in the page).
 */

/** The path of the first value Google would refuse to send, or null. */
export function illegalPath(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t !== 'object') return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = illegalPath(value[i], `${path}.${i}`);
      if (bad) return bad;
    }
    return null;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return path;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const bad = illegalPath(item, `${path}.${key}`);
    if (bad) return bad;
  }
  return null;
}
