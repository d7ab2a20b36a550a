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

/** Google's limit for one cell ("Your input contains more than the maximum of 50000 characters in a single cell."). */
export const CELL_CHARACTER_LIMIT = 50_000;

/**
 * `s` cut to at most `max` UTF-16 units, the cut marked with an ellipsis and never splitting a surrogate
 * pair; shorter text is returned as it is.
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

/**
 * Controls that reorder how text is shown (bidi marks, embeddings, overrides, isolates) and lone halves
 * of surrogate pairs: an unclosed override or a broken pair would garble whatever follows it on a page.
 */
const DISPLAY_HAZARDS =
  /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for a public page: bidi controls and lone surrogates removed. */
export function displaySafe(s: string): string {
  return s.replace(DISPLAY_HAZARDS, '');
}

/** A Meet joining link: the only kind of address the add-on turns into a link. */
const MEET_LINK = /^https:\/\/meet\.google\.com\/[A-Za-z0-9-]+(?:\?[A-Za-z0-9=&_.%-]*)?$/;

/**
 * `value` when it is a `https://meet.google.com/…` link, else ''. Whatever staff type into `Link Meet`
 * (a `javascript:` or `data:` URL, another site) never becomes an `href`.
 */
export function meetHref(value: string): string {
  const s = String(value ?? '').trim();
  return MEET_LINK.test(s) ? s : '';
}

/** Italian month names, January first (dates written out in mails, certificates and summaries). */
export const ITALIAN_MONTHS: readonly string[] = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];
