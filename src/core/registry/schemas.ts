/**
 * One zod schema per registry tab. Their input is a row's cells by field, as the codec prepares them from
 * what `getValues` returns (numbers, booleans, '' for empty, `Date`s for instants; dates and times
 * already turned into `yyyy-mm-dd` and `HH:mm` through the spreadsheet's time zone); `undefined` means
 * the column is absent. Messages are Italian; the codec adds the column's name.
 */
import * as z from 'zod/mini';
import { cutText, isEmail, normalizeEmail, normalizeKey, slashedDate, splitList } from '../text';
import { AREAS, COURSE_STATUS, ENROLLMENT_ORIGIN, ENROLLMENT_STATUS, MODES, ROLES, SESSION_STATUS } from './tabs';

/** What a cell converter answers for a value it refuses: the Italian message, without the column. */
class Invalid {
  constructor(readonly message: string) {}
}

function invalid(message: string): Invalid {
  return new Invalid(message);
}

/**
 * A cell's schema: `convert` turns what the codec prepared into the field's value, or refuses it. Built
 * on zod/mini, whose functions leave the bundle small and quick to load: every Apps Script execution
 * loads the whole bundle, most of them (the hourly reconciliation) without reading a row.
 */
export function cell<T>(convert: (v: unknown) => T | Invalid) {
  // One transform per field (it accepts any input), so a row costs one zod step per cell.
  return z.transform((v: unknown, payload): T => {
    const out = convert(v);
    if (out instanceof Invalid) {
      payload.issues.push({ code: 'custom', message: out.message, input: v });
      return z.NEVER;
    }
    return out;
  });
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A refused value as a message quotes it: short, so a 50,000-character cell makes a readable note. */
function shown(v: unknown): string {
  if (v instanceof Date) return 'una data';
  return `«${cutText(String(v), 60)}»`;
}

function asText(v: unknown): string {
  if (isBlank(v)) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

export function text() {
  return cell((v) => asText(v));
}

export function requiredText() {
  return cell((v) => {
    const s = asText(v);
    if (s === '') {
      return invalid('valore obbligatorio mancante');
    }
    return s;
  });
}

/** A code staff chooses (course code, ID): no spaces or commas, which would break lists and IDs. */
export function code(required: boolean) {
  return cell((v) => {
    const s = asText(v);
    if (s === '') {
      return required ? invalid('valore obbligatorio mancante') : '';
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s)) {
      return invalid(`${shown(s)} non è un codice valido (solo lettere, cifre, punto, trattino)`);
    }
    return s;
  });
}

export function email(required: boolean) {
  return cell((v) => {
    const s = normalizeEmail(asText(v));
    if (s === '') {
      return required ? invalid('indirizzo e-mail mancante') : '';
    }
    if (!isEmail(s)) {
      return invalid(`${shown(s)} non è un indirizzo e-mail valido`);
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

/** `10000000` → `10.000.000`, as an Italian reader writes a bound. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function checkNumber(n: number, rules: NumberRules): Invalid | null {
  if (rules.integer && !Number.isInteger(n)) return invalid(`${cutText(String(n), 30)} non è un numero intero`);
  if (rules.positive && n <= (rules.min ?? 0)) return invalid(`deve essere maggiore di ${rules.min ?? 0}`);
  if (rules.min !== undefined && n < rules.min) return invalid(`non può essere minore di ${grouped(rules.min)}`);
  if (rules.max !== undefined && n > rules.max)
    return invalid(`${cutText(String(n), 30)} non è plausibile: al massimo ${grouped(rules.max)}`);
  return null;
}

/**
 * Plausible ranges: a cell outside them is a typing slip to fix (it is reported and never summed, so a
 * `1e308` cannot make `Infinity` of a total).
 */
export const BOUNDS = {
  courseHours: 1_000,
  seats: 10_000,
  euros: 10_000_000,
  population: 10_000_000,
  sessionHours: 24,
  waitPosition: 100_000,
  versions: 1_000,
  firstYear: 2000,
  lastYear: 2100,
} as const;

/** A filled cell's number within the rules, or why not. */
function numberWithin(v: unknown, rules: NumberRules): number | Invalid {
  const n = parseNumber(v);
  if (n === null) return invalid(`${shown(v)} non è un numero`);
  return checkNumber(n, rules) ?? n;
}

export function requiredNumber(rules: NumberRules = {}) {
  return cell((v) => (isBlank(v) ? invalid('valore obbligatorio mancante') : numberWithin(v, rules)));
}

export function optionalNumber(rules: NumberRules = {}) {
  return cell((v): number | null | Invalid => (isBlank(v) ? null : numberWithin(v, rules)));
}

export function numberOr(fallback: number, rules: NumberRules = {}) {
  return cell((v) => (isBlank(v) ? fallback : numberWithin(v, rules)));
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
  return cell((v) => {
    if (isBlank(v)) return whenEmpty;
    const b = parseBoolean(v);
    if (b === null) {
      return invalid(`${shown(v)} non è un valore sì/no`);
    }
    return b;
  });
}

/** One of a vocabulary, matched ignoring case and accents, in its canonical spelling; '' when blank. */
function vocabulary<const T extends readonly string[]>(values: T): (v: unknown) => T[number] | '' | Invalid {
  const byKey = new Map(values.map((x) => [normalizeKey(x), x] as const));
  return (v) => {
    const s = asText(v);
    if (s === '') return '';
    return byKey.get(normalizeKey(s)) ?? invalid(`${shown(s)} non è un valore ammesso (ammessi: ${values.join(', ')})`);
  };
}

function missingFrom(values: readonly string[]): Invalid {
  return invalid(`valore obbligatorio mancante (ammessi: ${values.join(', ')})`);
}

export function oneOf<const T extends readonly string[]>(values: T, required: boolean) {
  const match = vocabulary(values);
  return cell((v): T[number] | '' | Invalid => {
    const hit = match(v);
    return hit === '' && required ? missingFrom(values) : hit;
  });
}

function requiredOneOf<const T extends readonly string[]>(values: T) {
  const match = vocabulary(values);
  return cell((v): T[number] | Invalid => {
    const hit = match(v);
    return hit === '' ? missingFrom(values) : hit;
  });
}

function oneOfOr<const T extends readonly string[]>(values: T, fallback: T[number]) {
  const match = vocabulary(values);
  return cell((v): T[number] | Invalid => {
    const hit = match(v);
    return hit === '' ? fallback : hit;
  });
}

export function roleList() {
  const byKey = new Map(ROLES.map((x) => [normalizeKey(x), x] as const));
  return cell((v) => {
    const out: Array<(typeof ROLES)[number]> = [];
    for (const item of splitList(asText(v))) {
      const hit = byKey.get(normalizeKey(item));
      if (hit === undefined) {
        return invalid(`${shown(item)} non è un ruolo (ammessi: ${ROLES.join(', ')})`);
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
  return cell((v) => {
    if (isBlank(v)) {
      return required ? invalid('data mancante') : '';
    }
    const s = parseDay(v);
    if (s === null) {
      return invalid(`${shown(v)} non è una data valida (gg/mm/aaaa)`);
    }
    const year = Number(s.slice(0, 4));
    if (year < BOUNDS.firstYear || year > BOUNDS.lastYear) {
      return invalid(`${slashedDate(s)} non è plausibile: anni dal ${BOUNDS.firstYear} al ${BOUNDS.lastYear}`);
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
  return cell((v) => {
    if (isBlank(v)) {
      return invalid('ora mancante');
    }
    const s = parseTime(v);
    if (s === null) {
      return invalid(`${shown(v)} non è un orario valido (HH:mm)`);
    }
    return s;
  });
}

/** An instant: Sheets returns a `Date` for a date-time cell; null when blank. */
function instantIn(v: unknown): Date | null | Invalid {
  if (isBlank(v)) return null;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v.trim()) && !Number.isNaN(t)) return new Date(t);
  }
  return invalid(`${shown(v)} non è una data valida`);
}

export function instant(required: boolean) {
  return cell((v): Date | null | Invalid => {
    const at = instantIn(v);
    return at === null && required ? invalid('data mancante') : at;
  });
}

function requiredInstant() {
  return cell((v): Date | Invalid => instantIn(v) ?? invalid('data mancante'));
}

/** ISTAT codes have six digits; a number that lost its leading zeros is padded back. */
function istat() {
  return cell((v) => {
    if (isBlank(v)) return '';
    const s = typeof v === 'number' && Number.isInteger(v) ? String(v).padStart(6, '0') : asText(v);
    if (!/^\d{6}$/.test(s)) {
      return invalid(`${shown(v)} non è un codice ISTAT (sei cifre)`);
    }
    return s;
  });
}

function taxCode() {
  return cell((v) => {
    const s = asText(v).toUpperCase();
    if (s === '') return '';
    if (!/^[A-Z0-9]{16}$/.test(s) && !/^\d{11}$/.test(s)) {
      return invalid(`${shown(s)} non è un codice fiscale valido`);
    }
    return s;
  });
}

/**
 * A row schema, built the first time a tab is decoded: an execution that reads no row (most of them,
 * the hourly reconciliation) does not pay for building all of them.
 */
function built<T>(make: () => T): () => T {
  let schema: T | null = null;
  return () => (schema ??= make());
}

export const comuneSchema = built(() =>
  z.object({
    istat: istat(),
    name: requiredText(),
    province: cell((v) => asText(v).toUpperCase()),
    population: optionalNumber({ min: 0, max: BOUNDS.population, integer: true }),
    referentEmail: email(false),
    annualFee: numberOr(0, { min: 0, max: BOUNDS.euros }),
    feePaid: checkbox(false),
    notes: text(),
  }),
);

export const employeeSchema = built(() =>
  z.object({
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
  }),
);

export const courseSchema = built(() =>
  z.object({
    code: code(true),
    title: requiredText(),
    area: oneOf(AREAS, false),
    description: text(),
    teacher: text(),
    hours: requiredNumber({ min: 0, max: BOUNDS.courseHours, positive: true }),
    mode: requiredOneOf(MODES),
    venue: text(),
    seats: requiredNumber({ min: 0, max: BOUNDS.seats, integer: true }),
    audience: roleList(),
    threshold: optionalNumber({ min: 0, max: 100 }),
    cost: numberOr(0, { min: 0, max: BOUNDS.euros }),
    status: requiredOneOf(COURSE_STATUS),
  }),
);

export const sessionSchema = built(() =>
  z
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
    .check(
      z.superRefine((s, ctx) => {
        if (s.end <= s.start)
          ctx.addIssue({
            code: 'custom',
            path: ['end'],
            message: `la fine (${s.end}) deve seguire l'inizio (${s.start})`,
          });
      }),
    ),
);

export const enrollmentSchema = built(() =>
  z.object({
    id: code(true),
    requestedAt: requiredInstant(),
    course: code(true),
    email: email(true),
    employeeId: code(false),
    status: requiredOneOf(ENROLLMENT_STATUS),
    waitPosition: optionalNumber({ min: 1, max: BOUNDS.waitPosition, integer: true }),
    origin: oneOfOr(ENROLLMENT_ORIGIN, 'Manuale'),
    responseId: text(),
    notes: text(),
  }),
);

export const attendanceSchema = built(() =>
  z.object({
    session: code(true),
    course: code(true),
    employeeId: code(true),
    lastName: text(),
    firstName: text(),
    comune: text(),
    email: email(false),
    present: checkbox(false),
    hours: optionalNumber({ min: 0, max: BOUNDS.sessionHours }),
  }),
);

export const certificateSchema = built(() =>
  z.object({
    number: code(true),
    course: code(true),
    employeeId: code(true),
    email: email(false),
    hoursAttended: numberOr(0, { min: 0, max: BOUNDS.courseHours }),
    issuedOn: instant(false),
    pdfUrl: text(),
    fileId: text(),
    sentAt: instant(false),
    verificationCode: text(),
    version: numberOr(1, { min: 1, max: BOUNDS.versions, integer: true }),
  }),
);

export const logEntrySchema = built(() =>
  z.object({
    at: requiredInstant(),
    who: text(),
    action: requiredText(),
    details: text(),
  }),
);

export const externalTrainingSchema = built(() =>
  z.object({
    email: email(true),
    title: requiredText(),
    provider: text(),
    hours: requiredNumber({ min: 0, max: BOUNDS.courseHours, positive: true }),
    date: day(true),
  }),
);

export const settingRowSchema = built(() => z.object({ key: requiredText(), value: text() }));

export type Comune = z.output<ReturnType<typeof comuneSchema>>;
export type Employee = z.output<ReturnType<typeof employeeSchema>>;
export type Course = z.output<ReturnType<typeof courseSchema>>;
export type Session = z.output<ReturnType<typeof sessionSchema>>;
export type Enrollment = z.output<ReturnType<typeof enrollmentSchema>>;
export type Attendance = z.output<ReturnType<typeof attendanceSchema>>;
export type Certificate = z.output<ReturnType<typeof certificateSchema>>;
export type LogEntry = z.output<ReturnType<typeof logEntrySchema>>;
export type ExternalTraining = z.output<ReturnType<typeof externalTrainingSchema>>;
export type SettingRow = z.output<ReturnType<typeof settingRowSchema>>;

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
  /** The consortium's full name (`Nome ente`): the certificates' header. */
  orgName: string;
  staffNotificationEmail: string;
  /** Every key of the tab (known or not) with its value as text, by the key as staff wrote it. */
  extra: Record<string, string>;
}
