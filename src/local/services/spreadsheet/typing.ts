import { zonedToUtc } from '../../runtime/time';
import { isDate, TIME_ZONE, type CellValue } from './model';

/** What a cell holds after something was written to it as if typed. */
export interface TypedContent {
  v: CellValue | null;
  f?: string;
  /** A number format Sheets assigns while parsing (typing `75%` makes the cell a percentage). */
  nf?: string;
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+))\s?%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const IT_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A value written by `setValue(s)` (or typed by a person) interpreted as Sheets interprets typed input
 * in an it_IT spreadsheet: `=` starts a formula, a leading apostrophe keeps the rest as text, a plain-text
 * cell (`@`) keeps strings as they are; otherwise numbers, percentages, TRUE/FALSE (and the Italian
 * VERO/FALSO), ISO and dd/mm/yyyy dates (local midnight, Europe/Rome) and times (on 1899-12-30, the
 * epoch of Sheets' serial numbers) are recognised. Non-strings are stored as given.
 */
export function typedContent(input: unknown, plainText: boolean): TypedContent {
  if (input === null || input === undefined) return { v: null };
  if (isDate(input)) return { v: new Date(input.getTime()) };
  if (typeof input === 'number' || typeof input === 'boolean') return { v: input };
  const text = typeof input === 'string' ? input : String(input);
  if (text === '') return { v: null };
  if (plainText) return { v: text };
  if (text.startsWith("'")) return { v: text.slice(1) === '' ? null : text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { v: '', f: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { v: Number(trimmed.replace(',', '.')) };
  const pct = PERCENT.exec(trimmed);
  if (pct) return { v: Number((pct[1] as string).replace(',', '.')) / 100, nf: '0%' };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'VERO') return { v: true };
  if (upper === 'FALSE' || upper === 'FALSO') return { v: false };
  const date = parseDateText(trimmed);
  if (date) return { v: date };
  return { v: text };
}

/** A typed date, date-time or time as the Date Sheets hands back to Apps Script; null when it is none. */
export function parseDateText(text: string): Date | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return localDate(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
  const it = IT_DATE.exec(text);
  if (it) return localDate(+it[3]!, +it[2]!, +it[1]!, +(it[4] ?? 0), +(it[5] ?? 0), +(it[6] ?? 0));
  const time = TIME.exec(text);
  if (time) return localDate(1899, 12, 30, +time[1]!, +time[2]!, +(time[3] ?? 0));
  return null;
}

function localDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return new Date(zonedToUtc({ year, month, day, hour, minute, second }, TIME_ZONE));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
