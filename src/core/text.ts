/**
 * Text helpers shared by the registry and the workflows: formula-injection neutralisation, e-mail and
 * header normalisation, Italian number formatting.
 */

/**
 * Sheets turns a string that starts with `=` into a formula, and spreadsheet programs treat `+`, `-`,
 * `@`, tab and CR the same way when a file is exported and reopened (CWE-1236): a leading `'` makes
 * Sheets store the value as plain text and is not part of the cell's value.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

export function neutralizeText(s: string): string {
  return s.length > 0 && FORMULA_TRIGGERS.includes(s[0] as string) ? `'${s}` : s;
}

/** What Sheets stores for a string written by `setValues` (the leading `'` of neutralised text is dropped). */
export function storedText(s: string): string {
  return s.length > 1 && s[0] === "'" && FORMULA_TRIGGERS.includes(s[1] as string) ? s.slice(1) : s;
}

/** Neutralises strings and leaves numbers, booleans and dates as they are. */
export function neutralizeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutralizeText(value) : value;
}

export function normalizeEmail(s: string): string {
  return s.trim().toLowerCase();
}

const EMAIL_PATTERN = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

export function isEmail(s: string): boolean {
  return EMAIL_PATTERN.test(s);
}

/** Case, accents and surrounding or repeated spaces do not matter when matching headers and keys. */
export function normalizeKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a comma- or semicolon-separated list, dropping empty items. */
export function splitList(s: string): string[] {
  return s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** `6.5` → `6,5`: the Italian decimal comma, no trailing zeros. */
export function formatNumberIt(n: number, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  return String(Math.round(n * factor) / factor).replace('.', ',');
}

/** `2027-03-02` (or an ISO date-time) → `02/03/2027`, as an Italian reader expects; anything else unchanged. */
export function slashedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
