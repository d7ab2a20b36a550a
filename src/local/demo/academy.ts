import { CREMASCO_COMUNI, type DemoComune } from './comuni-cremasco';
import { DEMO_CATALOG, type DemoCourse } from './catalog';
import { seededRandom } from '../runtime/random';

/**
 * The demo academy: the consortium of the Cremasco's 50 comuni, about 1,000 synthetic employees and a
 * year's catalog, as rows staff would type into the registry (keys are the tabs' headers). It is the
 * seed of `npm start`, of `"registry": "demo"` in scenarios, of the demo year and of the bench.
 * Deterministic: the same options always give the same academy.
 */
export type RegistryRows = Record<string, Array<Record<string, unknown>>>;

export interface DemoOptions {
  /** The training year (`Anno formativo`); the catalog's sessions fall in it unless `sessions` says otherwise. */
  year?: number;
  /** The first and last day (`yyyy-mm-dd`) sessions may fall on; by default 1 February to 30 November. */
  sessions?: { from: string; to: string };
  /** About how many employees in all (spread over the comuni by population). */
  employees?: number;
  seed?: number;
}

export const DEMO_SENDER = 'Consorzio Informatica Cremasca — Academy4PA';
/** The consortium's full name, the certificates' header (`Nome ente`). */
export const DEMO_ORG_NAME = 'Consorzio.IT — Consorzio Informatica e Territorio del Cremasco';
export const DEMO_STAFF_EMAIL = 'formazione@consorzio.example.it';

const FIRST_NAMES = [
  'Alessandra',
  'Alessandro',
  'Andrea',
  'Angela',
  'Anna',
  'Antonella',
  'Antonio',
  'Barbara',
  'Chiara',
  'Claudia',
  'Claudio',
  'Cristina',
  'Daniela',
  'Daniele',
  'Davide',
  'Elena',
  'Elisa',
  'Emanuela',
  'Enrico',
  'Fabio',
  'Federica',
  'Federico',
  'Francesca',
  'Francesco',
  'Gabriella',
  'Giacomo',
  'Giorgio',
  'Giovanna',
  'Giovanni',
  'Giulia',
  'Giuseppe',
  'Ilaria',
  'Laura',
  'Lorenzo',
  'Luca',
  'Lucia',
  'Luigi',
  'Manuela',
  'Marco',
  'Maria',
  'Marta',
  'Massimo',
  'Matteo',
  'Michela',
  'Michele',
  'Monica',
  'Nicola',
  'Paola',
  'Paolo',
  'Roberta',
  'Roberto',
  'Sara',
  'Silvia',
  'Simona',
  'Simone',
  'Stefania',
  'Stefano',
  'Valentina',
  'Valeria',
  'Vittoria',
];

const LAST_NAMES = [
  'Airoldi',
  'Bassi',
  'Benelli',
  'Bergamaschi',
  'Bianchi',
  'Bonizzi',
  'Bosio',
  'Brambilla',
  'Caprioli',
  'Carelli',
  'Cattaneo',
  'Colombo',
  'Conti',
  'Corbani',
  'Dossena',
  'Fabbri',
  'Ferrari',
  'Fusar Poli',
  'Galli',
  'Gatti',
  'Gervasoni',
  'Lameri',
  'Lupo Stanghellini',
  'Marazzi',
  'Mariani',
  'Moretti',
  'Negri',
  'Oldani',
  'Palladini',
  'Pavesi',
  'Piloni',
  'Riva',
  'Rizzi',
  'Rossi',
  'Sala',
  'Scotti',
  'Severgnini',
  'Spinelli',
  'Tadi',
  'Tomasoni',
  'Valdameri',
  'Vailati',
  'Villa',
  'Zaninelli',
  'Zucchetti',
  "Dell'Acqua",
  'De Poli',
  'Ogliari',
  'Guerini Rocco',
  'Bettinelli',
];

const OFFICES = [
  'Anagrafe e stato civile',
  'Protocollo',
  'Segreteria',
  'Tributi',
  'Ragioneria',
  'Ufficio tecnico',
  'Edilizia privata (SUE)',
  'SUAP',
  'Lavori pubblici',
  'Polizia locale',
  'Servizi sociali',
  'Sportello polifunzionale',
  'Biblioteca',
  'Personale',
];

/** Employees per 1,000 inhabitants: about 1,000 employees over the Cremasco's ~164,000 inhabitants. */
const EMPLOYEES_PER_THOUSAND = 1000 / 163.951;

/** The label a comune's internet domain uses: `Rivolta d'Adda` → `rivoltadadda`. */
export function domainLabel(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function mailbox(firstName: string, lastName: string): string {
  return `${domainLabel(firstName)}.${domainLabel(lastName)}`;
}

/** Fee: a base share plus a per-inhabitant part, rounded to ten euros. */
export function annualFee(population: number): number {
  return Math.round((400 + population * 0.08) / 10) * 10;
}

function comuniRows(unpaid: ReadonlySet<string>): Array<Record<string, unknown>> {
  return CREMASCO_COMUNI.map((c) => ({
    'Codice ISTAT': c.istat,
    Comune: c.name,
    Provincia: 'CR',
    Abitanti: c.population,
    'Email referente': `segreteria@comune.${domainLabel(c.name)}.cr.it`,
    'Quota annuale (€)': annualFee(c.population),
    'Quota pagata': !unpaid.has(c.name),
    Note: unpaid.has(c.name) ? 'Sollecito inviato' : '',
  }));
}

function employeesOf(
  comune: DemoComune,
  count: number,
  random: () => number,
  used: Set<string>,
): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (let i = 0; i < count; i++) {
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const base = mailbox(firstName, lastName);
    let local = base;
    for (let n = 2; used.has(`${local}@${comune.name}`); n++) local = `${base}${n}`;
    used.add(`${local}@${comune.name}`);
    const role =
      i === 0
        ? 'Segretario comunale'
        : i <= Math.max(1, Math.round(count * 0.15))
          ? 'Responsabile di servizio'
          : random() < 0.03
            ? 'Amministratore'
            : 'Dipendente';
    rows.push({
      Nome: firstName,
      Cognome: lastName,
      Email: `${local}@comune.${domainLabel(comune.name)}.cr.it`,
      'Codice fiscale': '',
      Comune: comune.name,
      Ruolo: role,
      Ufficio: role === 'Segretario comunale' ? 'Segreteria' : pick(OFFICES),
      Attivo: random() > 0.02,
    });
  }
  return rows;
}

/** Weekdays from `from` to `to` (`yyyy-mm-dd`, both included) that are not national holidays nor in August. */
function workingDays(from: string, to: string): string[] {
  const holidays = new Set([
    '01-01',
    '01-06',
    '04-25',
    '05-01',
    '06-02',
    '08-15',
    '11-01',
    '12-08',
    '12-24',
    '12-25',
    '12-26',
    '12-31',
  ]);
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const dow = d.getUTCDay();
    if (dow === 0 || dow === 6 || holidays.has(iso.slice(5))) continue;
    if (iso.slice(5, 7) === '08') continue;
    days.push(iso);
  }
  return days;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function sessionRows(
  courses: readonly DemoCourse[],
  window: { from: string; to: string },
): Array<Record<string, unknown>> {
  const days = workingDays(window.from, window.to);
  const rows: Array<Record<string, unknown>> = [];
  courses.forEach((course, index) => {
    const count = Math.max(1, Math.round(course.hours / course.sessionHours));
    const firstDay = Math.floor((index / courses.length) * (days.length - count * 5));
    const startHour = index % 2 === 0 ? 9 : 14;
    for (let s = 0; s < count; s++) {
      const length = s === count - 1 ? course.hours - course.sessionHours * (count - 1) : course.sessionHours;
      const endMinutes = startHour * 60 + Math.round(length * 60);
      rows.push({
        Corso: course.code,
        Data: days[firstDay + s * 5] ?? days[days.length - 1],
        Inizio: `${pad2(startHour)}:00`,
        Fine: `${pad2(Math.floor(endMinutes / 60))}:${pad2(endMinutes % 60)}`,
        Sede: '',
        Stato: 'Programmata',
      });
    }
  });
  return rows;
}

function courseRows(courses: readonly DemoCourse[]): Array<Record<string, unknown>> {
  return courses.map((c) => ({
    Codice: c.code,
    Titolo: c.title,
    Area: c.area,
    Descrizione: c.description,
    Docente: c.teacher,
    Ore: c.hours,
    Modalità: c.mode,
    Sede: c.mode === 'Online' ? '' : c.venue,
    Posti: c.seats,
    Destinatari: c.audience.join(', '),
    'Soglia frequenza %': c.threshold ?? '',
    'Costo (€)': c.cost,
    Stato: c.status,
  }));
}

function externalTrainingRows(
  employees: Array<Record<string, unknown>>,
  year: number,
  random: () => number,
): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const e of employees) {
    if (random() < 0.25) {
      rows.push({
        Email: e.Email,
        Titolo: 'Prevenzione della corruzione e trasparenza',
        Ente: 'Syllabus — Funzione Pubblica',
        Ore: 4,
        Data: `${year}-0${1 + Math.floor(random() * 9)}-15`,
      });
    }
    if (random() < 0.1) {
      rows.push({
        Email: e.Email,
        Titolo: 'Competenze digitali per la PA (Syllabus)',
        Ente: 'Syllabus — Funzione Pubblica',
        Ore: 8,
        Data: `${year - (random() < 0.2 ? 1 : 0)}-10-20`,
      });
    }
  }
  return rows;
}

export function demoRegistry(options: DemoOptions = {}): RegistryRows {
  const year = options.year ?? 2027;
  const random = seededRandom(options.seed ?? 1993);
  const scale = (options.employees ?? 1000) / 1000;
  const unpaid = new Set(['Casaletto di Sopra', 'Ticengo', 'Salvirola', 'Genivolta']);
  const used = new Set<string>();
  const employees = CREMASCO_COMUNI.flatMap((c) =>
    employeesOf(c, Math.max(3, Math.round((c.population / 1000) * EMPLOYEES_PER_THOUSAND * scale)), random, used),
  );
  return {
    Comuni: comuniRows(unpaid),
    Dipendenti: employees,
    Corsi: courseRows(DEMO_CATALOG),
    Sessioni: sessionRows(DEMO_CATALOG, options.sessions ?? { from: `${year}-02-01`, to: `${year}-11-30` }),
    'Formazione esterna': externalTrainingRows(employees, year, random),
  };
}

/** The settings the demo consortium starts with (keys of `Impostazioni`). */
export function demoSettings(year = 2027): Record<string, unknown> {
  return {
    'Anno formativo': year,
    'Nome mittente': DEMO_SENDER,
    'Nome ente': DEMO_ORG_NAME,
    'Email staff per notifiche': DEMO_STAFF_EMAIL,
  };
}
