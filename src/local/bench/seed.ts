/**
 * Registries for the bench, seeded through the host API (as if staff had pasted them): no execution
 * per row, so a 10,000-employee registry with a full year of enrollments is ready in seconds and only
 * the workflow under test is measured.
 */
import { prepareAcademy } from '../scenario/runner';
import { LocalAcademy } from '../runtime/session';
import { hostAppendRecords } from '../services/spreadsheet';

export const BENCH_START = '2027-02-01T09:00:00+01:00';
export const BENCH_YEAR = 2027;
export const COMUNI = 50;
export const COURSES = 60;
export const SESSIONS_PER_COURSE = 4;
/** Enrollment requests per employee in a year (docs/product.md: ~4,000 for ~1,000 employees). */
export const ENROLLMENTS_PER_EMPLOYEE = 4;
/** People waiting for a seat in the first course, so a cancellation promotes someone. */
export const WAITLIST = 3;

export function employeeEmail(i: number): string {
  return `dip${i}@comune${i % COMUNI}.example.it`;
}

export function courseCode(i: number): string {
  return `C${String(i + 1).padStart(2, '0')}`;
}

type Rows = Array<Record<string, unknown>>;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A year's registry: 50 comuni, `employees` people, 60 full courses of 4 sessions each, four confirmed
 * enrollments per person, and a short waitlist on the first course.
 */
export function benchRegistry(employees: number): Record<string, Rows> {
  const comuni = Array.from({ length: COMUNI }, (_, i) => ({
    'Codice ISTAT': pad(19001 + i, 6),
    Comune: `Comune ${i + 1}`,
    Provincia: 'CR',
    Abitanti: 3000 + i * 97,
    'Email referente': `referente@comune${i}.example.it`,
    'Quota annuale (€)': 600 + i * 10,
    'Quota pagata': i % 10 !== 9,
  }));
  const people = Array.from({ length: employees }, (_, i) => ({
    ID: `D${pad(i + 1, 5)}`,
    Nome: `Nome${i}`,
    Cognome: `Cognome${i}`,
    Email: employeeEmail(i),
    Comune: `Comune ${(i % COMUNI) + 1}`,
    Ruolo: i % COMUNI === 0 ? 'Segretario comunale' : 'Dipendente',
    Ufficio: 'Segreteria',
    Attivo: true,
  }));
  const total = employees * ENROLLMENTS_PER_EMPLOYEE;
  const courses = Array.from({ length: COURSES }, (_, i) => ({
    Codice: courseCode(i),
    Titolo: `Corso ${i + 1}`,
    Area: 'Competenze digitali',
    Docente: 'Elena Sala',
    Ore: 12,
    Modalità: i % 2 === 0 ? 'Online' : 'In presenza',
    Sede: i % 2 === 0 ? '' : 'Crema, sala formazione',
    // Exactly the confirmed rows below: every course is full.
    Posti: Math.floor((total - i - 1) / COURSES) + 1,
    'Costo (€)': 1200,
    Stato: 'Iscrizioni aperte',
  }));
  const sessions = courses.flatMap((c, i) =>
    Array.from({ length: SESSIONS_PER_COURSE }, (_, k) => ({
      ID: `${c.Codice}-S${k + 1}`,
      Corso: c.Codice,
      Data: `${BENCH_YEAR}-${pad(3 + (i % 8), 2)}-${pad(2 + k * 7, 2)}`,
      Inizio: '09:00',
      Fine: '12:00',
      Stato: 'Programmata',
    })),
  );
  const base = Date.parse('2027-01-10T09:00:00+01:00');
  const enrollments: Rows = Array.from({ length: total }, (_, i) => ({
    ID: `I${pad(i + 1, 5)}`,
    'Data richiesta': new Date(base + i * 60_000),
    Corso: courseCode(i % COURSES),
    Email: employeeEmail(Math.floor(i / ENROLLMENTS_PER_EMPLOYEE)),
    Dipendente: people[Math.floor(i / ENROLLMENTS_PER_EMPLOYEE)]?.ID ?? '',
    Stato: 'Confermata',
    Origine: 'Modulo',
    'ID risposta': `seed-${i}`,
  }));
  for (let w = 0; w < WAITLIST; w++) {
    // People enrolled in other courses, waiting for C01 (their own requests are not in C01).
    const person = 1 + w * 2;
    enrollments.push({
      ID: `I${pad(total + w + 1, 5)}`,
      'Data richiesta': new Date(base + (total + w) * 60_000),
      Corso: courseCode(0),
      Email: employeeEmail(person),
      Dipendente: people[person]?.ID ?? '',
      Stato: 'In attesa',
      'Posizione attesa': w + 1,
      Origine: 'Modulo',
      'ID risposta': `seed-w${w}`,
    });
  }
  return { Comuni: comuni, Dipendenti: people, Corsi: courses, Sessioni: sessions, Iscrizioni: enrollments };
}

/** A fresh academy after setup (one execution), with the registry seeded through the host API. */
export function seededAcademy(
  registry: Record<string, Rows>,
  options: { bundle?: string; start?: string } = {},
): LocalAcademy {
  const academy = LocalAcademy.fresh({ start: options.start ?? BENCH_START, bundle: options.bundle });
  prepareAcademy(academy, {
    settings: { 'Anno formativo': BENCH_YEAR, 'Nome mittente': 'Consorzio — Academy4PA' },
    registry: {},
  });
  for (const [tab, rows] of Object.entries(registry)) hostAppendRecords(academy.ws, academy.spreadsheetId, tab, rows);
  return academy;
}
