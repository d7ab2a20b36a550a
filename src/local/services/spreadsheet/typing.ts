import { ITALIAN_MONTHS } from '../../../core/text';
import { wallClock, zonedToUtc } from '../../runtime/time';
import { ENGLISH_MONTHS } from '../script/format-date';
import { isDate, type CellValue, type Conventions } from './model';

/**
 * How a locale writes numbers, dates, times and booleans (Sheets' "automatic" formats). Only it_IT
 * matters to the academy; the others let a test give a spreadsheet a locale that differs from it.
 */
interface LocaleStyle {
  decimal: string;
  dayFirst: boolean;
  datePattern: string;
  timePattern: string;
  trueWord: string;
  falseWord: string;
  months: readonly string[];
}

const IT: LocaleStyle = {
  decimal: ',',
  dayFirst: true,
  datePattern: 'dd/MM/yyyy',
  timePattern: 'HH.mm.ss',
  trueWord: 'VERO',
  falseWord: 'FALSO',
  months: ITALIAN_MONTHS,
};
const EN_US: LocaleStyle = {
  decimal: '.',
  dayFirst: false,
  datePattern: 'M/d/yyyy',
  timePattern: 'H:mm:ss',
  trueWord: 'TRUE',
  falseWord: 'FALSE',
  months: ENGLISH_MONTHS,
};
const EN_GB: LocaleStyle = { ...EN_US, dayFirst: true, datePattern: 'dd/MM/yyyy', timePattern: 'HH:mm:ss' };
const STYLES: Record<string, LocaleStyle> = { it: IT, en_US: EN_US, en_GB: EN_GB, en: EN_US };

function styleOf(locale: string): LocaleStyle {
  return STYLES[locale] ?? STYLES[locale.split('_')[0] ?? ''] ?? EN_US;
}

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
  const style = styleOf(conventions.locale);
  const comma = style.decimal === ',';
  if ((comma ? NUMBER_COMMA : NUMBER_POINT).test(trimmed)) return { v: Number(trimmed.replace(',', '.')) };
  const pct = (comma ? PERCENT_COMMA : PERCENT_POINT).exec(trimmed);
  if (pct) return { v: Number((pct[1] as string).replace(',', '.')) / 100, nf: '0%' };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === style.trueWord) return { v: true };
  if (upper === 'FALSE' || upper === style.falseWord) return { v: false };
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
    const [day, month] = styleOf(conventions.locale).dayFirst ? [first, second] : [second, first];
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

/**
 * The text Sheets shows for a value under the spreadsheet's locale and zone (it_IT: decimal comma,
 * dd/MM/yyyy dates, VERO/FALSO).
 */
export function displayValue(
  value: CellValue | null,
  numberFormat: string | undefined,
  conventions: Conventions,
): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  const style = styleOf(conventions.locale);
  if (typeof value === 'boolean') return value ? style.trueWord : style.falseWord;
  const zone = conventions.timeZone;
  if (isDate(value))
    return formatDate(
      value,
      numberFormat && looksLikeDateFormat(numberFormat) ? numberFormat : defaultDatePattern(value, style, zone),
      style,
      zone,
    );
  if (numberFormat && numberFormat !== '@' && numberFormat !== 'General') {
    return looksLikeDateFormat(numberFormat)
      ? formatDate(serialToDate(value, zone), numberFormat, style, zone)
      : formatNumber(value, numberFormat, style);
  }
  return plainNumber(value, style);
}

function plainNumber(n: number, style: LocaleStyle): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  return String(rounded).replace('.', style.decimal);
}

/** Applies `#,##0.00`-style patterns with literal prefix/suffix (`€`), `%` and `;` sections. */
function formatNumber(n: number, pattern: string, style: LocaleStyle): string {
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
  const group = style.decimal === ',' ? '.' : ',';
  const grouped = grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group) : intPart;
  const body = fracPart !== undefined ? `${grouped}${style.decimal}${fracPart}` : grouped;
  return `${negative ? '-' : ''}${prefix}${body}${suffix}`;
}

function looksLikeDateFormat(pattern: string): boolean {
  const bare = pattern.replace(/"[^"]*"/g, '');
  return /[dyhHsM]/.test(bare) || /(^|[^#0])m/.test(bare);
}

/** Sheets' serial numbers count days from 1899-12-30 (local time). */
function serialToDate(serial: number, zone: string): Date {
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
      zone,
    ),
  );
}

function defaultDatePattern(date: Date, style: LocaleStyle, zone: string): string {
  const w = wallClock(date.getTime(), zone);
  if (w.year === 1899 && w.month === 12 && w.day === 30) return style.timePattern;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return style.datePattern;
  return `${style.datePattern} ${style.timePattern}`;
}

/**
 * Date patterns as Sheets reads them: `yyyy`, `dd`, `HH`/`hh`, `ss`; `MM` is the month, and a lowercase
 * `mm` is the month too unless it follows an hour or precedes seconds (then it is minutes).
 */
function formatDate(date: Date, pattern: string, style: LocaleStyle, zone: string): string {
  const w = wallClock(date.getTime(), zone);
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
        out += style.months[w.month - 1];
        break;
      case 'MMM':
      case 'mmm':
        out += (style.months[w.month - 1] as string).slice(0, 3);
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
