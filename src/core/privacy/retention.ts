/**
 * Retention (`Anni di conservazione`): enrollments, attendance and certificates older than N years are
 * anonymised. The e-mail and the employee id become a pseudonymous id (the same person gets the same
 * pseudonym, keyed by the academy's secret, so distinct-person counts still hold), free text is
 * cleared, and everything the reports add up (course, session, presence, hours, numbers, dates) is kept.
 */
import { normalizeKey } from '../text';

export const RETENTION_SETTING = 'Anni di conservazione';
export const PSEUDONYM_DOMAIN = 'anonimo.invalid';

export function pseudonymEmail(digest: string): string {
  return `anonimo-${digest.toLowerCase()}@${PSEUDONYM_DOMAIN}`;
}

export function pseudonymId(digest: string): string {
  return `ANON-${digest.toUpperCase()}`;
}

export function isPseudonymous(email: string): boolean {
  return email.trim().toLowerCase().endsWith(`@${PSEUDONYM_DOMAIN}`);
}

/** '' (keep forever) or a whole number of years 1..100; anything else is reported by the caller. */
export function retentionYears(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t.replace(',', '.'));
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 'invalid';
}

/** The first day still kept: `today` minus `years` (29 February falls back to 28). */
export function cutoffDay(today: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new Error(`invalid day ${today}`);
  const year = Number(m[1]) - years;
  const day = m[2] === '02' && m[3] === '29' ? '28' : (m[3] as string);
  return `${String(year).padStart(4, '0')}-${m[2]}-${day}`;
}

export interface PersonRef {
  email: string;
  employeeId: string;
}

/** The key a person's pseudonym is derived from: the employee id when known, else the e-mail. */
export function personKey(p: PersonRef): string {
  return p.employeeId.trim() ? `id:${p.employeeId.trim()}` : `email:${p.email.trim().toLowerCase()}`;
}

export interface Pseudonym {
  email: string;
  employeeId: string;
}

/** Whether a row dated `day` (yyyy-mm-dd) is older than the cutoff and still carries personal data. */
export function needsAnonymising(day: string, cutoff: string, email: string): boolean {
  return day !== '' && day < cutoff && !isPseudonymous(email);
}

const EMAIL_IN_TEXT = /[^\s@,;:<>()[\]'"]+@[^\s@,;:<>()[\]'"]+\.[A-Za-z]{2,}/g;

/**
 * The text with each e-mail address that `replace` maps replaced (the rest kept): `Registro` lines carry
 * the e-mails of the employees they are about, and the staff's own addresses stay accountable.
 */
export function replaceEmails(text: string, replace: (email: string) => string | null): string {
  return text.replace(EMAIL_IN_TEXT, (email) => replace(email) ?? email);
}

/** Where a form's responses tab keeps what identifies the respondent. */
export interface ResponseColumns {
  email: number | null;
  names: number[];
}

/**
 * Column 0 is Google's timestamp; the collected e-mail's header depends on the owner's language
 * ("Indirizzo email", "Email Address"), so it is found by the word; names by the form's item titles.
 */
export function responseColumns(header: readonly string[], nameTitles: readonly string[]): ResponseColumns {
  const keys = header.map((h) => normalizeKey(h));
  const titles = new Set(nameTitles.map((t) => normalizeKey(t)));
  const email = keys.findIndex((k, i) => i > 0 && /\be-?mail\b/.test(k));
  const names = keys.flatMap((k, i) => (i > 0 && titles.has(k) ? [i] : []));
  return { email: email > 0 ? email : null, names };
}

/**
 * The rows of a responses tab (header excluded) dated before the cutoff, with the e-mail replaced by
 * its pseudonym and the names cleared; each entry is the 0-based row index and its new values.
 */
export function anonymisedResponseRows(
  rows: readonly unknown[][],
  columns: ResponseColumns,
  cutoff: string,
  dayOf: (value: unknown) => string,
  pseudonymFor: (email: string) => string,
): Array<{ index: number; values: unknown[] }> {
  const out: Array<{ index: number; values: unknown[] }> = [];
  rows.forEach((row, index) => {
    const day = dayOf(row[0]);
    if (day === '' || day >= cutoff) return;
    const values = [...row];
    let changed = false;
    if (columns.email !== null) {
      const email = String(values[columns.email] ?? '').trim();
      if (email !== '' && !isPseudonymous(email)) {
        values[columns.email] = pseudonymFor(email);
        changed = true;
      }
    }
    for (const c of columns.names) {
      if (String(values[c] ?? '') !== '') {
        values[c] = '';
        changed = true;
      }
    }
    if (changed) out.push({ index, values });
  });
  return out;
}
