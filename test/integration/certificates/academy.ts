/** A small academy for certificate tests: one or more courses, employees enrolled and their attendance ticked. */
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import type { LatencyModel } from '../../../src/local/runtime/latency';
import { snapshotDrive } from '../../../src/local/services/drive';
import { snapshotMail } from '../../../src/local/services/mail';

export const START = '2027-03-20T09:00:00+01:00';

export interface Person {
  first: string;
  last: string;
  /** Hours per session: null = ticked without `Ore`, 0 = absent. */
  hours: Array<number | null>;
}

export interface CourseSpec {
  code: string;
  hours: number;
  threshold?: number;
  /** `Concluso` unless given. */
  status?: string;
  people: Person[];
}

function email(i: number): string {
  return `dip${i}@comune.pandino.cr.it`;
}

/** A fresh academy with the courses concluded, two 2-hour sessions each, every person confirmed. */
export async function academyWith(
  courses: CourseSpec[],
  settings: Record<string, string | number> = {},
  options: { latency?: LatencyModel } = {},
): Promise<LocalAcademy> {
  const academy = LocalAcademy.fresh({ start: START, latency: options.latency });
  const people = new Map<string, { p: Person; id: string; email: string }>();
  let n = 0;
  for (const c of courses) {
    for (const p of c.people) {
      const key = `${p.first}|${p.last}`;
      if (!people.has(key)) {
        n += 1;
        people.set(key, { p, id: `D${String(n).padStart(5, '0')}`, email: email(n) });
      }
    }
  }
  await prepareAcademy(academy, {
    settings: {
      'Anno formativo': 2027,
      'Soglia frequenza % predefinita': 75,
      'Nome mittente': 'Consorzio.IT',
      ...settings,
    },
    registry: {
      Comuni: [
        {
          'Codice ISTAT': '019067',
          Comune: 'Pandino',
          Provincia: 'CR',
          'Quota annuale (€)': 900,
          'Quota pagata': true,
        },
      ],
      Dipendenti: [...people.values()].map(({ p, id, email: e }) => ({
        ID: id,
        Nome: p.first,
        Cognome: p.last,
        Email: e,
        Comune: 'Pandino',
        Ruolo: 'Dipendente',
        Attivo: true,
      })),
      Corsi: courses.map((c) => ({
        Codice: c.code,
        Titolo: `Corso ${c.code}`,
        Area: 'Competenze digitali',
        Docente: 'Elena Sala',
        Ore: c.hours,
        Modalità: 'In presenza',
        Sede: 'Crema',
        Posti: 200,
        'Soglia frequenza %': c.threshold ?? '',
        Stato: c.status ?? 'Concluso',
      })),
      Sessioni: courses.flatMap((c) => [
        { Corso: c.code, Data: '2027-03-10', Inizio: '14:00', Fine: '16:00', Stato: 'Programmata' },
        { Corso: c.code, Data: '2027-03-17', Inizio: '14:00', Fine: '16:00', Stato: 'Programmata' },
      ]),
      Iscrizioni: courses.flatMap((c) =>
        c.people.map((p) => {
          const who = people.get(`${p.first}|${p.last}`)!;
          return {
            'Data richiesta': '2027-02-20T10:00:00+01:00',
            Corso: c.code,
            Email: who.email,
            Dipendente: who.id,
            Stato: 'Confermata',
            Origine: 'Manuale',
          };
        }),
      ),
      Presenze: courses.flatMap((c) =>
        c.people.flatMap((p) => {
          const who = people.get(`${p.first}|${p.last}`)!;
          return p.hours.map((h, s) => ({
            Sessione: `${c.code}-S${s + 1}`,
            Corso: c.code,
            Dipendente: who.id,
            Email: who.email,
            Presente: h !== 0,
            Ore: h ?? '',
          }));
        }),
      ),
    },
  });
  return academy;
}

export function people(count: number, hours: Array<number | null> = [null, null]): Person[] {
  return Array.from({ length: count }, (_, i) => ({ first: `Nome${i + 1}`, last: `Cognome${i + 1}`, hours }));
}

export function certificateRows(academy: LocalAcademy): Array<Record<string, unknown>> {
  const tab = academy.readTab('Attestati');
  if (!tab) return [];
  return tab.rows.map((r) => Object.fromEntries(tab.header.map((h, i) => [h, r[i]])));
}

export function pdfs(academy: LocalAcademy) {
  return snapshotDrive(academy.ws).filter((f) => f.mimeType === 'application/pdf');
}

export function docs(academy: LocalAcademy) {
  return snapshotDrive(academy.ws).filter(
    (f) => f.mimeType === 'application/vnd.google-apps.document' && f.name !== 'Modello attestato',
  );
}

/** The certificate mails (first issue and corrections); other mails of the academy, e.g. the
 * satisfaction questionnaire after a course's last session, are not these tests' subject. */
export function mails(academy: LocalAcademy) {
  return snapshotMail(academy.ws).filter((m) => m.subject.startsWith('Attestato'));
}

/** Replaces the workspace's latency model (tests that stretch one call to cross the time limit). */
export function useLatency(academy: LocalAcademy, model: LatencyModel): void {
  Object.defineProperty(academy.ws, 'latency', { value: model });
}

/** Runs every clock trigger due within `minutes`, returning the executions' results. */
export function drain(academy: LocalAcademy, minutes = 180) {
  return academy.advance(minutes);
}
