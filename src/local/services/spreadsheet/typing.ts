import { wallClock, zonedToUtc } from '../../runtime/time';
import { isDate, TIME_ZONE, type CellValue } from './model';
import { ITALIAN_MONTHS } from '../../../core/text';

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

/** The text Sheets shows for a value in an it_IT spreadsheet (decimal comma, dd/MM/yyyy dates). */
export function displayValue(value: CellValue | null, numberFormat: string | undefined): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VERO' : 'FALSO';
  if (isDate(value))
    return formatDate(
      value,
      numberFormat && looksLikeDateFormat(numberFormat) ? numberFormat : defaultDatePattern(value),
    );
  if (numberFormat && numberFormat !== '@' && numberFormat !== 'General') {
    return looksLikeDateFormat(numberFormat)
      ? formatDate(serialToDate(value), numberFormat)
      : formatNumber(value, numberFormat);
  }
  return plainNumber(value);
}

function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  return String(rounded).replace('.', ',');
}

/** Applies `#,##0.00`-style patterns with literal prefix/suffix (`€`), `%` and `;` sections. */
function formatNumber(n: number, pattern: string): string {
  const sections = pattern.split(';');
  let section = sections[0] as string;
  let value = n;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const unquoted = section
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*\]/g, '');
  const m = /[#0][#0,.]*/.exec(unquoted);
  if (!m) return unquoted;
  const core = m[0];
  const prefix = unquoted.slice(0, m.index);
  const suffix = unquoted.slice(m.index + core.length);
  const percent = suffix.includes('%') || prefix.includes('%');
  if (percent) value *= 100;
  const dot = core.indexOf('.');
  const decimals = dot < 0 ? 0 : core.length - dot - 1;
  const grouping = (dot < 0 ? core : core.slice(0, dot)).includes(',');
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart = '0', fracPart] = fixed.split('.');
  const grouped = grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : intPart;
  const body = fracPart !== undefined ? `${grouped},${fracPart}` : grouped;
  return `${negative ? '-' : ''}${prefix}${body}${suffix}`;
}

function looksLikeDateFormat(pattern: string): boolean {
  const bare = pattern.replace(/"[^"]*"/g, '');
  return /[dyhHsM]/.test(bare) || /(^|[^#0])m/.test(bare);
}

/** Sheets' serial numbers count days from 1899-12-30 (local time). */
function serialToDate(serial: number): Date {
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86400);
  const base = Date.UTC(1899, 11, 30 + days, 0, 0, seconds);
  const w = new Date(base);
  return new Date(
    zonedToUtc(
      {
        year: w.getUTCFullYear(),
        month: w.getUTCMonth() + 1,
        day: w.getUTCDate(),
        hour: w.getUTCHours(),
        minute: w.getUTCMinutes(),
        second: w.getUTCSeconds(),
      },
      TIME_ZONE,
    ),
  );
}

function defaultDatePattern(date: Date): string {
  const w = wallClock(date.getTime(), TIME_ZONE);
  if (w.year === 1899 && w.month === 12 && w.day === 30) return 'HH.mm.ss';
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return 'dd/MM/yyyy';
  return 'dd/MM/yyyy HH.mm.ss';
}

/**
 * Date patterns as Sheets reads them: `yyyy`, `dd`, `HH`/`hh`, `ss`; `MM` is the month, and a lowercase
 * `mm` is the month too unless it follows an hour or precedes seconds (then it is minutes).
 */
function formatDate(date: Date, pattern: string): string {
  const w = wallClock(date.getTime(), TIME_ZONE);
  const tokens = pattern.match(/"[^"]*"|yyyy|yy|MMMM|MMM|MM|M|mmmm|mmm|mm|m|dd|d|HH|H|hh|h|ss|s|./g) ?? [];
  const pad = (n: number): string => String(n).padStart(2, '0');
  let out = '';
  tokens.forEach((token, i) => {
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((t) => /^[hHdyMms]/.test(t) && !t.startsWith('"'));
    const next = tokens.slice(i + 1).find((t) => /^[hHdyMms]/.test(t) && !t.startsWith('"'));
    const minutes =
      /^m{1,2}$/.test(token) &&
      ((prev !== undefined && /^[hH]/.test(prev)) || (next !== undefined && next.startsWith('s')));
    switch (token) {
      case 'yyyy':
        out += String(w.year).padStart(4, '0');
        break;
      case 'yy':
        out += pad(w.year % 100);
        break;
      case 'MMMM':
      case 'mmmm':
        out += ITALIAN_MONTHS[w.month - 1];
        break;
      case 'MMM':
      case 'mmm':
        out += (ITALIAN_MONTHS[w.month - 1] as string).slice(0, 3);
        break;
      case 'MM':
        out += pad(w.month);
        break;
      case 'M':
        out += String(w.month);
        break;
      case 'mm':
        out += minutes ? pad(w.minute) : pad(w.month);
        break;
      case 'm':
        out += minutes ? String(w.minute) : String(w.month);
        break;
      case 'dd':
        out += pad(w.day);
        break;
      case 'd':
        out += String(w.day);
        break;
      case 'HH':
      case 'hh':
        out += pad(w.hour);
        break;
      case 'H':
      case 'h':
        out += String(w.hour);
        break;
      case 'ss':
        out += pad(w.second);
        break;
      case 's':
        out += String(w.second);
        break;
      default:
        out += token.startsWith('"') ? token.slice(1, -1) : token;
    }
  });
  return out;
}
