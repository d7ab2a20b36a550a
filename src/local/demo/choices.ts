/**
 * What the demo's employees choose: the courses of a registry and the people who may enroll, and the
 * 1-4 courses a person picks, by office first.
 */
import type { RegistryRows } from './academy';

export interface Course {
  code: string;
  status: string;
  audience: string[];
  lastSession: string;
}

export interface Person {
  email: string;
  role: string;
  office: string;
  active: boolean;
}

/** Courses people of an office look for first (code prefixes of the catalog's families). */
const OFFICE_INTERESTS: Record<string, string[]> = {
  'Anagrafe e stato civile': ['SPOL', 'APPIO', 'TEL-CITT', 'DOCDIG'],
  Protocollo: ['DOCDIG', 'WRD', 'GDPR', 'SPOL'],
  Segreteria: ['DOCDIG', 'WRD', 'GDPR', 'GWS'],
  Tributi: ['PAGOPA', 'EXC', 'APPIO', 'TEL-CITT'],
  Ragioneria: ['EXC', 'PAGOPA', 'GWS'],
  'Ufficio tecnico': ['SUE', 'COM-TEC', 'EXC'],
  'Edilizia privata (SUE)': ['SUE', 'COM-TEC', 'DOCDIG'],
  SUAP: ['SUAP', 'DOCDIG', 'PAGOPA'],
  'Lavori pubblici': ['EXC', 'COM-TEC', 'DOCDIG'],
  'Polizia locale': ['CYBER', 'GDPR', 'TEL-CITT'],
  'Servizi sociali': ['TEL-CITT', 'GDPR', 'WRD'],
  'Sportello polifunzionale': ['SPOL', 'TEL-CITT', 'APPIO', 'PAGOPA'],
  Biblioteca: ['GWS', 'WRD', 'CYBER'],
  Personale: ['EXC', 'GDPR', 'LEAD'],
};
const EVERYONE = ['CYBER', 'GDPR', 'GWS', 'WRD', 'EXC'];

export function coursesOf(registry: RegistryRows): Course[] {
  const last = new Map<string, string>();
  for (const s of registry.Sessioni ?? []) {
    const code = String(s.Corso);
    const date = String(s.Data);
    if ((last.get(code) ?? '') < date) last.set(code, date);
  }
  return (registry.Corsi ?? []).map((c) => ({
    code: String(c.Codice),
    status: String(c.Stato),
    audience: String(c.Destinatari ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    lastSession: last.get(String(c.Codice)) ?? '',
  }));
}

export function peopleOf(registry: RegistryRows): Person[] {
  return (registry.Dipendenti ?? []).map((e) => ({
    email: String(e.Email),
    role: String(e.Ruolo),
    office: String(e.Ufficio),
    active: e.Attivo === true,
  }));
}

/** The 1-4 courses a person picks: by office first, then what everyone takes, among open courses for their role. */
export function choose(person: Person, open: Course[], random: () => number): string[] {
  const eligible = open.filter((c) => c.audience.length === 0 || c.audience.includes(person.role));
  const interests = [
    ...(OFFICE_INTERESTS[person.office] ?? []),
    ...(person.role === 'Dipendente' ? [] : ['LEAD']),
    ...EVERYONE,
  ];
  const wanted = 1 + Math.floor(random() * random() * 4);
  const picked: string[] = [];
  for (const family of interests) {
    if (picked.length >= wanted) break;
    if (random() < 0.45) continue;
    const editions = eligible.filter(
      (c) => c.code.startsWith(`${family}-`) && !picked.some((p) => p.startsWith(`${family}-`)),
    );
    const edition = editions[Math.floor(random() * editions.length)];
    if (edition) picked.push(edition.code);
  }
  if (picked.length === 0 && eligible.length > 0)
    picked.push((eligible[Math.floor(random() * eligible.length)] as Course).code);
  return picked;
}
