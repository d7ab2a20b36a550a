/**
 * HTML helpers of the playground's pages: every value from the emulated Workspace goes through
 * `escapeHtml` (the `html` tag escapes whatever is not wrapped in `raw`), and Italian readings of
 * instants. Cells are shown by the emulator's own formatter (services/spreadsheet/number-format.ts).
 */
import { ITALIAN_MONTHS } from '../../core/text';
import { isoInZone, wallClock } from '../../core/time/zone';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Tagged template: interpolated values are escaped unless wrapped in `raw`. */
export class Raw {
  constructor(readonly html: string) {}
}

export function raw(html: string): Raw {
  return new Raw(html);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const items = Array.isArray(v) ? v : [v];
    for (const item of items)
      out += item instanceof Raw ? item.html : escapeHtml(item === null || item === undefined ? '' : String(item));
    out += strings[i + 1] ?? '';
  });
  return new Raw(out);
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as an Italian reader reads it: `02/03/2027 09:00`. */
export function displayInstant(ms: number): string {
  const iso = isoInZone(ms);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

export const WEEKDAYS = ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'];

/** `mar 1 dic 2026, 09:00`: the clock as Google's apps write it in Italian. */
export function longInstant(ms: number): string {
  const w = wallClock(ms);
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()] ?? '';
  return `${weekday.slice(0, 3)} ${w.day} ${(ITALIAN_MONTHS[w.month - 1] ?? '').slice(0, 3)} ${w.year}, ${pad(w.hour)}:${pad(w.minute)}`;
}

/** `09:00` of an instant in Europe/Rome. */
export function clockTime(ms: number): string {
  const w = wallClock(ms);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}
