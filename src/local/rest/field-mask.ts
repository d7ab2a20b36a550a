/**
 * Google's partial-response `fields` parameter: `a,b(c,d.e)` keeps `a` whole, and of `b` (an object, or
 * each element of a list) only `c` and `e` inside `d`; `*` keeps everything at its level. Subfields are
 * dot-separated as the Sheets guide writes them, or slash-separated as the older APIs' guides do; a
 * name may be in camelCase or snake_case (https://developers.google.com/sheets/api/guides/field-masks).
 * A field the resource does not hold is left out, never an error here (Google refuses a name its schema
 * does not know, which the emulator does not check).
 */
import { RestError } from './http';

/** A mask as a tree: `true` keeps the field whole, a mask keeps what it names inside. */
export type FieldMask = Map<string, FieldMask | true>;

function bad(mask: string): never {
  throw new RestError(400, `Invalid field selection ${mask}`, 'invalidParameter');
}

function merge(into: FieldMask, path: string[], leaf: FieldMask | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    const had = into.get(head);
    if (had === undefined) into.set(head, leaf);
    else if (had === true || leaf === true) into.set(head, true);
    else for (const [k, v] of leaf) merge(had, [k], v);
    return;
  }
  let next = into.get(head);
  if (next === true) return;
  if (next === undefined) {
    next = new Map();
    into.set(head, next);
  }
  merge(next, rest, leaf);
}

const NAME = /^[A-Za-z0-9_*]+(?:[./][A-Za-z0-9_*]+)*/;

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function parseFieldMask(mask: string): FieldMask {
  let at = 0;
  const list = (): FieldMask => {
    const out: FieldMask = new Map();
    for (;;) {
      while (mask[at] === ' ') at += 1;
      const name = NAME.exec(mask.slice(at));
      if (!name) bad(mask);
      at += name[0].length;
      let leaf: FieldMask | true = true;
      if (mask[at] === '(') {
        at += 1;
        leaf = list();
        if (mask[at] !== ')') bad(mask);
        at += 1;
      }
      merge(out, name[0].split(/[./]/).map(camel), leaf);
      if (mask[at] !== ',') return out;
      at += 1;
    }
  };
  const tree = list();
  if (at !== mask.length) bad(mask);
  return tree;
}

/** What of `value` the mask keeps (lists are masked element by element). */
export function applyFieldMask(value: unknown, mask: FieldMask): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask));
  if (value === null || typeof value !== 'object') return value;
  if (mask.get('*') === true) return value;
  const out: Record<string, unknown> = {};
  for (const [name, inner] of mask) {
    const v = (value as Record<string, unknown>)[name];
    if (v === undefined) continue;
    out[name] = inner === true ? v : applyFieldMask(v, inner);
  }
  return out;
}

/** Whether the mask reaches `path` (e.g. `sheets/data`): names it, or names something inside it. */
export function maskReaches(mask: FieldMask, path: readonly string[]): boolean {
  let at: FieldMask = mask;
  for (const name of path) {
    const next = at.get(name) ?? at.get('*');
    if (next === undefined) return false;
    if (next === true) return true;
    at = next;
  }
  return true;
}
