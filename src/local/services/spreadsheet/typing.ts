import { zonedToUtc } from '../../../core/time/zone';
import { isDate, type CellValue, type Conventions } from './model';
import { numberLocale } from './number-format';

/** What a cell holds after something was written to it as if typed. */
export interface TypedContent {
  v: CellValue | null;
  f?: string;
  /** A number format Sheets assigns while parsing (typing `75%` makes the cell a percentage). */
  nf?: string;
}

const NUMBER_POINT = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_COMMA = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT_POINT = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s?%$/;
const PERCENT_COMMA = /^([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+))\s?%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A value written by `setValue(s)` (or typed by a person) interpreted as Sheets interprets typed input
 * under the spreadsheet's locale and zone (catalogue: SHEETS-TYPED-INPUT): `=` starts a formula, a
 * leading apostrophe keeps the rest as text, a plain-text cell (`@`) keeps strings as they are; otherwise
 * numbers (the locale's decimal separator, and the point), percentages, TRUE/FALSE (and the locale's
 * words), ISO and slashed dates (day first unless the locale puts the month first; local midnight in the
 * spreadsheet's zone) and times (on 1899-12-30, the epoch of Sheets' serial numbers) are recognised.
 * Non-strings are stored as given.
 */
export function typedContent(input: unknown, plainText: boolean, conventions: Conventions): TypedContent {
  if (input === null || input === undefined) return { v: null };
  if (isDate(input)) return { v: new Date(input.getTime()) };
  if (typeof input === 'number' || typeof input === 'boolean') return { v: input };
  const text = typeof input === 'string' ? input : String(input);
  if (text === '') return { v: null };
  if (plainText) return { v: text };
  if (text.startsWith("'")) return { v: text.slice(1) === '' ? null : text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { v: '', f: text };
  const trimmed = text.trim();
  const style = numberLocale(conventions.locale);
  const comma = style.decimal === ',';
  if ((comma ? NUMBER_COMMA : NUMBER_POINT).test(trimmed)) return { v: Number(trimmed.replace(',', '.')) };
  const pct = (comma ? PERCENT_COMMA : PERCENT_POINT).exec(trimmed);
  if (pct) return { v: Number((pct[1] as string).replace(',', '.')) / 100, nf: '0%' };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === style.booleans[0]) return { v: true };
  if (upper === 'FALSE' || upper === style.booleans[1]) return { v: false };
  const date = parseDateText(trimmed, conventions);
  if (date) return { v: date };
  return { v: text };
}

/** A typed date, date-time or time as the Date Sheets hands back to Apps Script; null when it is none. */
export function parseDateText(text: string, conventions: Conventions): Date | null {
  const zone = conventions.timeZone;
  const iso = ISO_DATE.exec(text);
  if (iso) return localDate(zone, +iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
  const slashed = SLASHED_DATE.exec(text);
  if (slashed) {
    const [first, second] = [+slashed[1]!, +slashed[2]!];
    const [day, month] = numberLocale(conventions.locale).dayFirst ? [first, second] : [second, first];
    return localDate(zone, +slashed[3]!, month, day, +(slashed[4] ?? 0), +(slashed[5] ?? 0), +(slashed[6] ?? 0));
  }
  const time = TIME.exec(text);
  if (time) return localDate(zone, 1899, 12, 30, +time[1]!, +time[2]!, +(time[3] ?? 0));
  return null;
}

function localDate(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return new Date(zonedToUtc({ year, month, day, hour, minute, second }, zone));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
