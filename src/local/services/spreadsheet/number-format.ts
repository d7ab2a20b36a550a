/**
 * One cell's value as Sheets shows it under the cell's number format and the spreadsheet's locale: what
 * `Range.getDisplayValues` answers in the emulator and what the playground's grid draws, so the two
 * cannot disagree. Pure: no Workspace, no I/O.
 *
 * A pattern's `.` and `,` are the decimal point and the thousands separator whatever the locale; the
 * locale only decides the characters shown (it_IT: `1.234,50`). Percent patterns multiply by 100,
 * quoted text and a bare `€` are literals, `;` separates the positive, negative and zero sections, and
 * date patterns (`dd/MM/yyyy`, `HH:mm`) read a Date or a serial number (days since 1899-12-30).
 */
import { ITALIAN_MONTHS } from '../../../core/text';
import { wallClock } from '../../../core/time/zone';
import { ENGLISH_MONTHS } from '../script/format-date';
import { serialToDate } from './formulas';
import { isDate, TIME_ZONE, type CellValue, type Conventions } from './model';

/**
 * How a locale writes numbers, dates, times and booleans (Sheets' "automatic" formats), for display and
 * for reading what is typed. Only it_IT matters to the academy; the others let a test give a spreadsheet
 * a locale that differs from it.
 */
export interface NumberLocale {
  decimal: string;
  grouping: string;
  /** How TRUE and FALSE read. */
  booleans: readonly [string, string];
  months: readonly string[];
  /** Whether `3/4/2027` is the 3rd of April. */
  dayFirst: boolean;
  datePattern: string;
  timePattern: string;
}

export const IT_IT: NumberLocale = {
  decimal: ',',
  grouping: '.',
  booleans: ['VERO', 'FALSO'],
  months: ITALIAN_MONTHS,
  dayFirst: true,
  datePattern: 'dd/MM/yyyy',
  timePattern: 'HH.mm.ss',
};
const EN_US: NumberLocale = {
  decimal: '.',
  grouping: ',',
  booleans: ['TRUE', 'FALSE'],
  months: ENGLISH_MONTHS,
  dayFirst: false,
  datePattern: 'M/d/yyyy',
  timePattern: 'H:mm:ss',
};
const EN_GB: NumberLocale = { ...EN_US, dayFirst: true, datePattern: 'dd/MM/yyyy', timePattern: 'HH:mm:ss' };
const LOCALES: Record<string, NumberLocale> = { it: IT_IT, it_IT: IT_IT, en_US: EN_US, en_GB: EN_GB, en: EN_US };

/** A spreadsheet's locale code (`it_IT`, `en_GB`) as its display conventions; unknown ones read as en_US. */
export function numberLocale(locale: string): NumberLocale {
  return LOCALES[locale] ?? LOCALES[locale.split('_')[0] ?? ''] ?? EN_US;
}

/** Google's format of a cell that was never formatted ("automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';

/** What `getDisplayValue(s)` shows for a value under a spreadsheet's locale and time zone. */
export function displayValue(
  value: CellValue | null,
  numberFormat: string | undefined,
  conventions: Conventions,
): string {
  return formatCell(value, numberFormat, numberLocale(conventions.locale), conventions.timeZone);
}

/** The text Sheets shows for `value` under `numberFormat` (none, `General` or automatic: the value as typed). */
export function formatCell(
  value: CellValue | null,
  numberFormat?: string,
  locale: NumberLocale = IT_IT,
  zone: string = TIME_ZONE,
): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? locale.booleans[0] : locale.booleans[1];
  const pattern =
    numberFormat === undefined || numberFormat === 'General' || numberFormat === AUTOMATIC_FORMAT ? '' : numberFormat;
  if (isDate(value))
    return formatDate(
      value,
      pattern !== '' && looksLikeDateFormat(pattern) ? pattern : defaultDatePattern(value, locale, zone),
      locale,
      zone,
    );
  if (pattern === '' || pattern === '@') return plainNumber(value, locale);
  return looksLikeDateFormat(pattern)
    ? formatDate(serialToDate(value, zone), pattern, locale, zone)
    : formatNumber(value, pattern, locale);
}

function plainNumber(n: number, locale: NumberLocale): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15))).replace('.', locale.decimal);
}

/** `n` rounded half away from zero to `decimals` places, as digits (no sign, `.` as the point). */
function fixedDigits(n: number, decimals: number): string {
  // Shifting the decimal point in the text, not by multiplying, keeps 1.005 at 1.005 (not 1.00499...).
  const abs = Math.abs(Number(n.toPrecision(15)));
  const plain = String(abs);
  const scaled = Math.round(plain.includes('e') ? abs * 10 ** decimals : Number(`${plain}e${decimals}`));
  const text = String(scaled).padStart(decimals + 1, '0');
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

function formatNumber(n: number, pattern: string, locale: NumberLocale): string {
  const sections = pattern.split(';');
  let section = sections[0] as string;
  let value = n;
  let signed = true;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
    signed = false;
  } else if (n === 0 && sections[2] !== undefined) {
    section = sections[2];
  }
  const literal = section
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*\]/g, '');
  const m = /[#0][#0,.]*/.exec(literal);
  if (!m) return literal;
  const digits = m[0];
  const prefix = literal.slice(0, m.index);
  const suffix = literal.slice(m.index + digits.length);
  if (prefix.includes('%') || suffix.includes('%')) value *= 100;
  const dot = digits.indexOf('.');
  const integerPattern = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? '' : digits.slice(dot + 1);
  const required = (fraction.match(/0/g) ?? []).length;
  const fixed = fixedDigits(value, fraction.length);
  let [whole = '0', part = ''] = fixed.split('.');
  while (part.length > required && part.endsWith('0')) part = part.slice(0, -1);
  const minWhole = (integerPattern.replace(/,/g, '').match(/0/g) ?? []).length;
  if (whole === '0' && minWhole === 0) whole = '';
  whole = whole.padStart(minWhole, '0');
  if (integerPattern.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale.grouping);
  const negative = signed && value < 0 && /[1-9]/.test(whole + part);
  return `${negative ? '-' : ''}${prefix}${whole}${part !== '' ? `${locale.decimal}${part}` : ''}${suffix}`;
}

function looksLikeDateFormat(pattern: string): boolean {
  const bare = pattern.replace(/"[^"]*"/g, '');
  return /[dyhHsM]/.test(bare) || /(^|[^#0])m/.test(bare);
}

function defaultDatePattern(date: Date, locale: NumberLocale, zone: string): string {
  const w = wallClock(date.getTime(), zone);
  if (w.year === 1899 && w.month === 12 && w.day === 30) return locale.timePattern;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return locale.datePattern;
  return `${locale.datePattern} ${locale.timePattern}`;
}

/** `NumberFormat.type` of the Sheets API. */
export type NumberFormatType = 'TEXT' | 'NUMBER' | 'PERCENT' | 'DATE' | 'TIME' | 'DATE_TIME';

/**
 * A cell's number format as the Sheets API describes it, null for the default format (which the API
 * leaves out). A cell is a date when it holds a Date, the emulator's model of a date-formatted number,
 * so the type agrees with what `getValues` and the values API's FORMATTED_STRING say of the same cell.
 */
export function apiNumberFormat(
  value: CellValue | null,
  numberFormat: string | undefined,
  locale: NumberLocale = IT_IT,
  zone: string = TIME_ZONE,
): { type: NumberFormatType; pattern: string } | null {
  const pattern =
    numberFormat === undefined || numberFormat === 'General' || numberFormat === AUTOMATIC_FORMAT ? '' : numberFormat;
  if (isDate(value)) {
    const shown = pattern !== '' && looksLikeDateFormat(pattern) ? pattern : defaultDatePattern(value, locale, zone);
    const bare = shown.replace(/"[^"]*"/g, '');
    const time = /[hHs]/.test(bare);
    const day = /[dy]/.test(bare);
    return { type: time && day ? 'DATE_TIME' : time ? 'TIME' : 'DATE', pattern: shown };
  }
  if (pattern === '') return null;
  if (pattern === '@') return { type: 'TEXT', pattern };
  return { type: pattern.includes('%') ? 'PERCENT' : 'NUMBER', pattern };
}

/**
 * Date patterns as Sheets reads them: `yyyy`, `dd`, `HH`/`hh`, `ss`; `MM` is the month, and a lowercase
 * `mm` is the month too unless it follows an hour or precedes seconds (then it is minutes).
 */
function formatDate(date: Date, pattern: string, locale: NumberLocale, zone: string): string {
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
        out += locale.months[w.month - 1];
        break;
      case 'MMM':
      case 'mmm':
        out += (locale.months[w.month - 1] as string).slice(0, 3);
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
