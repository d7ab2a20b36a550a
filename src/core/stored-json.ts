/**
 * What the add-on keeps as JSON text (Script Properties, a hidden cell) is read back without trusting
 * it: a value edited by hand, cut short or left by an older release is no value, never an exception.
 */
/** The parsed text; undefined for none or for text that is not JSON. */
export function storedJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A schema as zod's `safeParse` answers, classic or mini. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** The stored value when it fits the schema; null for none or for one that does not. */
export function parseStored<T>(text: string | null, schema: Schema<T>): T | null {
  const parsed = schema.safeParse(storedJson(text));
  return parsed.success ? parsed.data : null;
}
