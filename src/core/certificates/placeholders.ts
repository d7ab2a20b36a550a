import { ITALIAN_MONTHS } from '../text';
/** The template's placeholders (docs/product.md, workflow 7) and the Italian values that replace them. */

export const PLACEHOLDERS = [
  'ENTE',
  'NOME',
  'COGNOME',
  'COMUNE',
  'CORSO',
  'CODICE_CORSO',
  'AREA',
  'ORE_FREQUENTATE',
  'ORE_CORSO',
  'DATE',
  'DOCENTE',
  'DATA_RILASCIO',
  'NUMERO',
  'CODICE_VERIFICA',
  'URL_VERIFICA',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export function placeholderToken(name: Placeholder): string {
  return `{{${name}}}`;
}

/**
 * Where the template wants the verification QR code: not text, so not a placeholder the text fill
 * replaces; the adapter puts the image there (or at the end of a template that lacks the marker).
 */
export const QR_MARKER = '{{QR_VERIFICA}}';

export const NO_VERIFICATION_URL = "l'ufficio formazione (pagina di verifica non ancora pubblicata)";

function ymd(date: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** `2027-03-10` → `10 marzo 2027`. */
export function italianDate(date: string): string {
  const p = ymd(date);
  if (!p || p.m < 1 || p.m > 12) return date;
  return `${p.d} ${ITALIAN_MONTHS[p.m - 1]} ${p.y}`;
}

/** Hours with an Italian decimal comma and no trailing zeros: 4, 3,5, 2,25. */
export function italianHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return String(rounded).replace('.', ',');
}

function joinItalian(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} e ${parts[parts.length - 1]}`;
}

/**
 * A course's session dates in Italian, grouped by month: `10 e 17 marzo 2027`,
 * `24 febbraio e 3 marzo 2027`, `15 dicembre 2026 e 12 gennaio 2027`.
 */
export function italianDateList(dates: readonly string[]): string {
  const parsed = [...new Set(dates)].map((d) => ({ raw: d, p: ymd(d) })).sort((a, b) => a.raw.localeCompare(b.raw));
  const groups: Array<{ y: number; m: number; days: string[] }> = [];
  const loose: string[] = [];
  for (const { raw, p } of parsed) {
    if (!p || p.m < 1 || p.m > 12) {
      loose.push(raw);
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && last.y === p.y && last.m === p.m) last.days.push(String(p.d));
    else groups.push({ y: p.y, m: p.m, days: [String(p.d)] });
  }
  const pieces = groups.map((g, i) => {
    const sameYearAsNext = i + 1 < groups.length && groups[i + 1]?.y === g.y;
    const month = `${joinItalian(g.days)} ${ITALIAN_MONTHS[g.m - 1]}`;
    return sameYearAsNext ? month : `${month} ${g.y}`;
  });
  const all = [...pieces, ...loose];
  // A month that already reads "12 e 19 gennaio" would make a second "e" ambiguous: commas then.
  return groups.some((g) => g.days.length > 1) ? all.join(', ') : joinItalian(all);
}

export interface CertificateData {
  /** The consortium's full name (`Nome ente`), the certificate's header. */
  issuer: string;
  firstName: string;
  lastName: string;
  comune: string;
  courseTitle: string;
  courseCode: string;
  area: string;
  hoursAttended: number;
  courseHours: number;
  sessionDates: readonly string[];
  teacher: string;
  /** yyyy-mm-dd in the script's time zone. */
  issuedOn: string;
  number: string;
  verificationCode: string;
  /** The verification page with this certificate's code, '' while the web app is not deployed. */
  verificationUrl: string;
}

/** The value of every placeholder for one certificate. */
export function placeholderValues(data: CertificateData): Record<Placeholder, string> {
  return {
    ENTE: data.issuer,
    NOME: data.firstName,
    COGNOME: data.lastName,
    COMUNE: data.comune,
    CORSO: data.courseTitle,
    CODICE_CORSO: data.courseCode,
    AREA: data.area || 'non indicata',
    ORE_FREQUENTATE: italianHours(data.hoursAttended),
    ORE_CORSO: italianHours(data.courseHours),
    DATE: italianDateList(data.sessionDates),
    DOCENTE: data.teacher || 'non indicato',
    DATA_RILASCIO: italianDate(data.issuedOn),
    NUMERO: data.number,
    CODICE_VERIFICA: data.verificationCode,
    URL_VERIFICA: data.verificationUrl || NO_VERIFICATION_URL,
  };
}

/**
 * Replaces every placeholder of a plain text literally, as the Doc ends up after the adapter's work (the
 * QR code is an image, no text); used for previews and to check a rendering.
 */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  let out = text;
  for (const name of PLACEHOLDERS) out = out.split(placeholderToken(name)).join(values[name]);
  return out.split(QR_MARKER).join('');
}
