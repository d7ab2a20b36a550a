/**
 * A comune's own page for its referent: its employees only, hours this year against the target, the
 * courses each attended and has booked, certificates, furthest from the target first; and the same as
 * CSV. Built from the reports' input and results, so its figures are those of `Report dipendenti`.
 */
import { countedRows, rowHours } from '../attendance/attendance';
import { neutralizeText, normalizeKey } from '../text';
import type { ReportInput, Reports } from './compute';

export interface ComunePageEmployee {
  firstName: string;
  lastName: string;
  email: string;
  hours: number;
  target: number;
  missing: number;
  reached: boolean;
  /** Titles of the courses attended this year (at least some hours). */
  attended: string[];
  /** Titles of the courses with a confirmed place and sessions still to come. */
  booked: string[];
  /** Titles of the courses whose certificate was issued. */
  certificates: string[];
}

export interface ComunePage {
  comune: string;
  year: number;
  target: number;
  employees: ComunePageEmployee[];
  atTarget: number;
  totalHours: number;
}

const CONFIRMED = 'Confermata';
const ENDED_COURSE = new Set(['concluso', 'annullato']);

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

function sorted(set: Set<string> | undefined): string[] {
  return [...(set ?? [])].sort((a, b) => a.localeCompare(b, 'it'));
}

/** The page of the comune named `comune` (as in `Comuni`); active employees only, as the reports count them. */
export function comunePage(input: ReportInput, reports: Reports, comune: string): ComunePage {
  const key = normalizeKey(comune);
  const rows = reports.employees.filter((e) => e.active && normalizeKey(e.comune) === key);
  const ids = new Set(rows.map((e) => e.id));
  const title = new Map(input.courses.map((c) => [c.code, c.title || c.code]));
  const yearSessions = new Map(
    input.sessions
      .filter((s) => s.status !== 'Annullata' && s.date.startsWith(String(input.year)))
      .map((s) => [s.id, s]),
  );

  const attended = new Map<string, Set<string>>();
  for (const { row, session } of countedRows(
    input.attendance.filter((a) => ids.has(a.employeeId)),
    (id) => yearSessions.get(id),
  )) {
    if (rowHours(row, session) > 0) add(attended, row.employeeId, title.get(session.course) ?? session.course);
  }

  const upcoming = new Set(
    input.sessions.filter((s) => s.status !== 'Annullata' && `${s.date} ${s.end}` > input.now).map((s) => s.course),
  );
  const openCourses = new Set(
    input.courses.filter((c) => !ENDED_COURSE.has(normalizeKey(c.status)) && upcoming.has(c.code)).map((c) => c.code),
  );
  const booked = new Map<string, Set<string>>();
  for (const e of input.enrollments) {
    if (ids.has(e.employeeId) && e.status === CONFIRMED && openCourses.has(e.course)) {
      add(booked, e.employeeId, title.get(e.course) ?? e.course);
    }
  }
  const certified = new Map<string, Set<string>>();
  for (const c of input.certificates) {
    if (ids.has(c.employeeId)) add(certified, c.employeeId, title.get(c.course) ?? c.course);
  }

  const employees = rows
    .map((e) => ({
      firstName: e.firstName,
      lastName: e.lastName,
      email: e.email,
      hours: e.hours,
      target: e.target,
      missing: e.missing,
      reached: e.reached,
      attended: sorted(attended.get(e.id)),
      booked: sorted(booked.get(e.id)),
      certificates: sorted(certified.get(e.id)),
    }))
    .sort(
      (a, b) =>
        b.missing - a.missing ||
        a.lastName.localeCompare(b.lastName, 'it') ||
        a.firstName.localeCompare(b.firstName, 'it'),
    );
  return {
    comune: reports.comuni.find((c) => normalizeKey(c.name) === key)?.name ?? comune,
    year: reports.year,
    target: reports.targetHours,
    employees,
    atTarget: employees.filter((e) => e.reached).length,
    totalHours: Math.round(employees.reduce((n, e) => n + e.hours, 0) * 100) / 100,
  };
}

/** `6.5` → `6,5` for Italian spreadsheet programs. */
function decimal(n: number): string {
  return String(n).replace('.', ',');
}

function csvCell(value: string): string {
  // A downloaded CSV is opened in Excel, where a leading = + - @ starts a formula (CWE-1236).
  const text = neutralizeText(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The page as CSV for Italian Excel: `;` separators, decimal commas, a BOM so accents open right. */
export function comunePageCsv(page: ComunePage): string {
  const header = [
    'Cognome',
    'Nome',
    'Email',
    `Ore ${page.year}`,
    'Ore obiettivo',
    'Ore mancanti',
    'Obiettivo raggiunto',
    'Corsi frequentati',
    'Corsi prenotati',
    'Attestati',
  ];
  const lines = page.employees.map((e) =>
    [
      e.lastName,
      e.firstName,
      e.email,
      decimal(e.hours),
      decimal(e.target),
      decimal(e.missing),
      e.reached ? 'sì' : 'no',
      e.attended.join(', '),
      e.booked.join(', '),
      e.certificates.join(', '),
    ]
      .map(csvCell)
      .join(';'),
  );
  return `\ufeff${[header.map(csvCell).join(';'), ...lines].join('\r\n')}\r\n`;
}
