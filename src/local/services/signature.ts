/**
 * Apps Script refuses a call whose arguments fit none of a method's overloads, before doing anything,
 * with "The parameters (String,String,String) don't match the method signature for
 * Utilities.formatDate." (docs/google-behaviour.md, SCRIPT-SIGNATURE-MISMATCH). Numbers and booleans
 * are accepted where a string is expected, as Apps Script converts them.
 */
export type Param = 'String' | 'number' | 'Boolean' | 'Date' | 'Object' | 'Byte[]' | 'Blob' | 'any' | Enum;

/** One of an enum's values (Apps Script enums read as their names). */
export interface Enum {
  values: readonly string[];
}

/** A Date of any realm: scripts run in their own V8 context, whose Date is not the host's. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  return '(class)';
}

function fits(param: Param, value: unknown): boolean {
  if (typeof param === 'object') return typeof value === 'string' && param.values.includes(value);
  switch (param) {
    case 'any':
      return value !== undefined;
    case 'String':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Date':
      return isDate(value);
    case 'Object':
      return typeof value === 'object' && value !== null;
    case 'Byte[]':
      return Array.isArray(value) || value instanceof Uint8Array;
    case 'Blob':
      return typeof value === 'object' && value !== null && 'getBytes' in value;
  }
}

/** Throws Apps Script's message unless `args` fits one of `overloads` exactly (trailing undefineds dropped). */
export function checkSignature(method: string, args: readonly unknown[], overloads: readonly Param[][]): void {
  let given = args.length;
  while (given > 0 && args[given - 1] === undefined) given -= 1;
  const passed = args.slice(0, given);
  if (overloads.some((o) => o.length === passed.length && o.every((p, i) => fits(p, passed[i])))) return;
  throw new Error(`The parameters (${passed.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}
