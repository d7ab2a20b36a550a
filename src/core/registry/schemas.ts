/**
 * One zod schema per registry tab. Their input is a row's cells by field, as the codec prepares them from
 * what `getValues` returns (numbers, booleans, '' for empty, `Date`s for instants; dates and times
 * already turned into `yyyy-mm-dd` and `HH:mm` through the spreadsheet's time zone); `undefined` means
 * the column is absent. Messages are Italian; the codec adds the column's name.
 */
import * as z from 'zod';
import { isEmail, normalizeEmail, normalizeKey, splitList } from '../text';
import {
  AREAS,
  COURSE_STATUS,
  ENROLLMENT_ORIGIN,
  ENROLLMENT_STATUS,
  MODES,
  ROLES,
  SESSION_STATUS,
} from './tabs';

type Ctx = z.RefinementCtx;

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function shown(v: unknown): string {
  if (v instanceof Date) return 'una data';
  return `«${String(v)}»`;
}

function asText(v: unknown): string {
  if (isBlank(v)) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

export function text() {
  return z.unknown().transform((v) => asText(v));
}

export function requiredText() {
  return z.unknown().transform((v, ctx: Ctx) => {
    const s = asText(v);
    if (s === '') {
      ctx.addIssue('valore obbligatorio mancante');
      return z.NEVER;
    }
    return s;
  });
}

/** A code staff chooses (course code, ID): no spaces or commas, which would break lists and IDs. */
export function code(required: boolean) {
  return z.unknown().transform((v, ctx: Ctx) => {
    const s = asText(v);
    if (s === '') {
      if (required) ctx.addIssue('valore obbligatorio mancante');
      return required ? z.NEVER : '';
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s)) {
      ctx.addIssue(`${shown(s)} non è un codice valido (solo lettere, cifre, punto, trattino)`);
      return z.NEVER;
    }
    return s;
  });
}

export function email(required: boolean) {
  return z.unknown().transform((v, ctx: Ctx) => {
    const s = normalizeEmail(asText(v));
    if (s === '') {
      if (required) ctx.addIssue('indirizzo e-mail mancante');
      return required ? z.NEVER : '';
    }
    if (!isEmail(s)) {
      ctx.addIssue(`${shown(s)} non è un indirizzo e-mail valido`);
      return z.NEVER;
    }
    return s;
  });
}

/** A number as Sheets returns it, or typed as text with an Italian decimal comma ("6,5"). */
export function parseNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let s = v.replace(/[\s€%]/g, '');
  if (s === '') return null;
  if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Greater than `min`, not equal to it. */
  positive?: boolean;
}

function checkNumber(n: number, rules: NumberRules, ctx: Ctx): boolean {
  if (rules.integer && !Number.isInteger(n)) {
    ctx.addIssue(`${n} non è un numero intero`);
    return false;
  }
  if (rules.positive && n <= (rules.min ?? 0)) {
    ctx.addIssue(`deve essere maggiore di ${rules.min ?? 0}`);
    return false;
  }
  if (rules.min !== undefined && n < rules.min) {
    ctx.addIssue(`non può essere minore di ${rules.min}`);
    return false;
  }
  if (rules.max !== undefined && n > rules.max) {
    ctx.addIssue(`non può essere maggiore di ${rules.max}`);
    return false;
  }
  return true;
}

export function requiredNumber(rules: NumberRules = {}) {
  return z.unknown().transform((v, ctx: Ctx) => {
    if (isBlank(v)) {
      ctx.addIssue('valore obbligatorio mancante');
      return z.NEVER;
    }
    const n = parseNumber(v);
    if (n === null) {
      ctx.addIssue(`${shown(v)} non è un numero`);
      return z.NEVER;
    }
    return checkNumber(n, rules, ctx) ? n : z.NEVER;
  });
}

export function optionalNumber(rules: NumberRules = {}) {
  return z.unknown().transform((v, ctx: Ctx): number | null => {
    if (isBlank(v)) return null;
    const n = parseNumber(v);
    if (n === null) {
      ctx.addIssue(`${shown(v)} non è un numero`);
      return z.NEVER;
    }
    return checkNumber(n, rules, ctx) ? n : z.NEVER;
  });
}

export function numberOr(fallback: number, rules: NumberRules = {}) {
  return optionalNumber(rules).transform((n) => n ?? fallback);
}

const TRUE_WORDS = new Set(['si', 'true', 'vero', 'x', '1', 'yes']);
const FALSE_WORDS = new Set(['no', 'false', 'falso', '0']);

export function parseBoolean(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  const k = normalizeKey(v);
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return null;
}

/** A checkbox: ticked is `true`; `whenEmpty` is what an untouched cell (or an absent column) means. */
export function checkbox(whenEmpty: boolean) {
  return z.unknown().transform((v, ctx: Ctx) => {
    if (isBlank(v)) return whenEmpty;
    const b = parseBoolean(v);
    if (b === null) {
      ctx.addIssue(`${shown(v)} non è un valore sì/no`);
      return z.NEVER;
    }
    return b;
  });
}

/** One of a vocabulary, matched ignoring case and accents, returned in its canonical spelling. */
export function oneOf<const T extends readonly string[]>(values: T, required: boolean) {
  const byKey = new Map(values.map((x) => [normalizeKey(x), x] as const));
  return z.unknown().transform((v, ctx: Ctx): T[number] | '' => {
    const s = asText(v);
    if (s === '') {
      if (required) ctx.addIssue(`valore obbligatorio mancante (ammessi: ${values.join(', ')})`);
      return required ? z.NEVER : '';
    }
    const hit = byKey.get(normalizeKey(s));
    if (hit === undefined) {
      ctx.addIssue(`${shown(s)} non è un valore ammesso (ammessi: ${values.join(', ')})`);
      return z.NEVER;
    }
    return hit;
  });
}

function requiredOneOf<const T extends readonly string[]>(values: T) {
  return oneOf(values, true).transform((x) => x as T[number]);
}

function oneOfOr<const T extends readonly string[]>(values: T, fallback: T[number]) {
  return oneOf(values, false).transform((x): T[number] => (x === '' ? fallback : x));
}

export function roleList() {
  const byKey = new Map(ROLES.map((x) => [normalizeKey(x), x] as const));
  return z.unknown().transform((v, ctx: Ctx) => {
    const out: Array<(typeof ROLES)[number]> = [];
    for (const item of splitList(asText(v))) {
      const hit = byKey.get(normalizeKey(item));
      if (hit === undefined) {
        ctx.addIssue(`${shown(item)} non è un ruolo (ammessi: ${ROLES.join(', ')})`);
        return z.NEVER;
      }
      if (!out.includes(hit)) out.push(hit);
    }
    return out;
  });
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** `yyyy-mm-dd` from the codec, or typed as text `gg/mm/aaaa` or `aaaa-mm-gg`. */
export function parseDay(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!validDay(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function day(required: boolean) {
  return z.unknown().transform((v, ctx: Ctx) => {
    if (isBlank(v)) {
      if (required) ctx.addIssue('data mancante');
      return required ? z.NEVER : '';
    }
    const s = parseDay(v);
    if (s === null) {
      ctx.addIssue(`${shown(v)} non è una data valida (gg/mm/aaaa)`);
      return z.NEVER;
    }
    return s;
  });
}

/** `HH:mm` from the codec, or typed as text `9:00`, `9.00`. */
export function parseTime(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(v.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export function time() {
  return z.unknown().transform((v, ctx: Ctx) => {
    if (isBlank(v)) {
      ctx.addIssue('ora mancante');
      return z.NEVER;
    }
    const s = parseTime(v);
    if (s === null) {
      ctx.addIssue(`${shown(v)} non è un orario valido (HH:mm)`);
      return z.NEVER;
    }
    return s;
  });
}

/** An instant: Sheets returns a `Date` for a date-time cell. */
export function instant(required: boolean) {
  return z.unknown().transform((v, ctx: Ctx): Date | null => {
    if (isBlank(v)) {
      if (required) ctx.addIssue('data mancante');
      return required ? z.NEVER : null;
    }
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
    if (typeof v === 'string') {
      const t = Date.parse(v);
      if (/^\d{4}-\d{2}-\d{2}T/.test(v.trim()) && !Number.isNaN(t)) return new Date(t);
    }
    ctx.addIssue(`${shown(v)} non è una data valida`);
    return z.NEVER;
  });
}

function requiredInstant() {
  return instant(true).transform((d) => d as Date);
}

/** ISTAT codes have six digits; a number that lost its leading zeros is padded back. */
function istat() {
  return z.unknown().transform((v, ctx: Ctx) => {
    if (isBlank(v)) return '';
    const s = typeof v === 'number' && Number.isInteger(v) ? String(v).padStart(6, '0') : asText(v);
    if (!/^\d{6}$/.test(s)) {
      ctx.addIssue(`${shown(v)} non è un codice ISTAT (sei cifre)`);
      return z.NEVER;
    }
    return s;
  });
}

function taxCode() {
  return z.unknown().transform((v, ctx: Ctx) => {
    const s = asText(v).toUpperCase();
    if (s === '') return '';
    if (!/^[A-Z0-9]{16}$/.test(s) && !/^\d{11}$/.test(s)) {
      ctx.addIssue(`${shown(s)} non è un codice fiscale valido`);
      return z.NEVER;
    }
    return s;
  });
}

export const comuneSchema = z.object({
  istat: istat(),
  name: requiredText(),
  province: text().transform((s) => s.toUpperCase()),
  population: optionalNumber({ min: 0, integer: true }),
  referentEmail: email(false),
  annualFee: numberOr(0, { min: 0 }),
  feePaid: checkbox(false),
  notes: text(),
});

export const employeeSchema = z.object({
  id: code(true),
  firstName: requiredText(),
  lastName: requiredText(),
  email: email(true),
  taxCode: taxCode(),
  comune: requiredText(),
  role: requiredOneOf(ROLES),
  office: text(),
  /** Only an explicitly unticked box deactivates: a box nobody touched reads as empty. */
  active: checkbox(true),
});

export const courseSchema = z.object({
  code: code(true),
  title: requiredText(),
  area: oneOf(AREAS, false),
  description: text(),
  teacher: text(),
  hours: requiredNumber({ min: 0, positive: true }),
  mode: requiredOneOf(MODES),
  venue: text(),
  seats: requiredNumber({ min: 0, integer: true }),
  audience: roleList(),
  threshold: optionalNumber({ min: 0, max: 100 }),
  cost: numberOr(0, { min: 0 }),
  status: requiredOneOf(COURSE_STATUS),
});

export const sessionSchema = z
  .object({
    id: code(true),
    course: code(true),
    date: day(true),
    start: time(),
    end: time(),
    venue: text(),
    eventId: text(),
    meetLink: text(),
    status: oneOfOr(SESSION_STATUS, 'Programmata'),
  })
  .superRefine((s, ctx) => {
    if (s.end <= s.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `la fine (${s.end}) deve seguire l'inizio (${s.start})` });
  });

export const enrollmentSchema = z.object({
  id: code(true),
  requestedAt: requiredInstant(),
  course: code(true),
  email: email(true),
  employeeId: code(false),
  status: requiredOneOf(ENROLLMENT_STATUS),
  waitPosition: optionalNumber({ min: 1, integer: true }),
  origin: oneOfOr(ENROLLMENT_ORIGIN, 'Manuale'),
  responseId: text(),
  notes: text(),
});

export const attendanceSchema = z.object({
  session: code(true),
  course: code(true),
  employeeId: code(true),
  email: email(false),
  present: checkbox(false),
  hours: optionalNumber({ min: 0 }),
});

export const certificateSchema = z.object({
  number: code(true),
  course: code(true),
  employeeId: code(true),
  email: email(false),
  hoursAttended: numberOr(0, { min: 0 }),
  issuedOn: instant(false),
  pdfUrl: text(),
  fileId: text(),
  sentAt: instant(false),
  verificationCode: text(),
  version: numberOr(1, { min: 1, integer: true }),
});

export const logEntrySchema = z.object({
  at: requiredInstant(),
  who: text(),
  action: requiredText(),
  details: text(),
});

export const externalTrainingSchema = z.object({
  email: email(true),
  title: requiredText(),
  provider: text(),
  hours: requiredNumber({ min: 0, positive: true }),
  date: day(true),
});

export const settingRowSchema = z.object({ key: requiredText(), value: text() });

export type Comune = z.output<typeof comuneSchema>;
export type Employee = z.output<typeof employeeSchema>;
export type Course = z.output<typeof courseSchema>;
export type Session = z.output<typeof sessionSchema>;
export type Enrollment = z.output<typeof enrollmentSchema>;
export type Attendance = z.output<typeof attendanceSchema>;
export type Certificate = z.output<typeof certificateSchema>;
export type LogEntry = z.output<typeof logEntrySchema>;
export type ExternalTraining = z.output<typeof externalTrainingSchema>;
export type SettingRow = z.output<typeof settingRowSchema>;

/** A row that needs fixing, as the sidebar's "Da correggere" list shows it. */
export interface Problem {
  tab: string;
  /** Sheet row (1-based; 1 is the header). */
  row: number;
  column: string;
  message: string;
}

/** The `Impostazioni` tab, typed, with defaults applied (see settings.ts). */
export interface Settings {
  year: number;
  targetHours: number;
  defaultThreshold: number;
  requireFeePaid: boolean;
  staff: string[];
  referentApproval: boolean;
  maxSeatsPerComune: number | null;
  reminderDaysBefore: number;
  calendarId: string;
  enrollmentFormId: string;
  templateDocId: string;
  certificatesFolderId: string;
  senderName: string;
  staffNotificationEmail: string;
  /** Every key of the tab (known or not) with its value as text, by the key as staff wrote it. */
  extra: Record<string, string>;
}
