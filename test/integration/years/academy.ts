/**
 * A small academy at the end of its 2027 year for the year-change tests: one course concluded with its
 * attendance, a waitlist, external training of 2027 and of 2028, and the published form with responses.
 */
import { holdScriptLock } from '../../../src/local/services/script';
import { spreadsheetsState } from '../../../src/local/services/spreadsheet/model';
import { hostAppendRecords, snapshotSheets } from '../../../src/local/services/spreadsheet';
import { snapshotForms } from '../../../src/local/services/forms/host';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { COMUNI, PEOPLE, academyWith, course, publish, rows, step } from '../enrollment/helpers';

export { holdScriptLock, rows, step };

export const ARCHIVE_2027 = 'Academy4PA - Archivio 2027';

export async function yearEndAcademy(): Promise<LocalAcademy> {
  const academy = await academyWith({
    settings: { 'Anno formativo': 2027, 'Ore obiettivo annue': 40 },
    registry: {
      Comuni: COMUNI,
      Dipendenti: PEOPLE,
      Corsi: [
        course({ Posti: 2 }),
        course({ Codice: 'PEC-2027', Titolo: 'PEC e firma digitale', Posti: 10, Ore: 3 }),
        course({ Codice: 'OLD', Titolo: 'Corso annullato', Stato: 'Annullato' }),
      ],
      Sessioni: [
        { Corso: 'EXC-BASE', Data: '2027-03-02', Inizio: '09:00', Fine: '12:00', Stato: 'Programmata' },
        { Corso: 'EXC-BASE', Data: '2027-03-30', Inizio: '09:00', Fine: '12:00', Stato: 'Programmata' },
        { Corso: 'PEC-2027', Data: '2027-04-06', Inizio: '09:00', Fine: '12:00', Stato: 'Programmata' },
      ],
    },
  });
  publish(academy);
  const [anna, luca, giulia] = PEOPLE.map((p) => p.Email) as [string, string, string];
  for (const email of [anna, luca, giulia]) step(academy, { do: 'submit', email, courses: ['EXC-BASE'] });
  step(academy, { do: 'submit', email: anna, courses: ['PEC-2027'] });
  step(academy, {
    do: 'append',
    tab: 'Formazione esterna',
    rows: [
      { Email: anna, Titolo: 'Anticorruzione', Ente: 'Syllabus', Ore: 4, Data: '2027-05-10' },
      { Email: luca, Titolo: 'Privacy', Ente: 'Syllabus', Ore: 2, Data: '2028-01-08' },
    ],
  });
  expectOk(academy.call('prepareAttendance', ['EXC-BASE']));
  step(academy, { do: 'edit', tab: 'Presenze', where: { Corso: 'EXC-BASE' }, set: { Presente: true } });
  return academy;
}

export function expectOk(run: { ok: boolean; error?: string }): void {
  if (!run.ok) throw new Error(run.error);
}

/** The archive spreadsheets of the workspace by name (ids), without a script call. */
export function spreadsheetNamed(academy: LocalAcademy, name: string): string[] {
  return Object.values(spreadsheetsState(academy.ws).byId)
    .filter((ss) => ss.name === name)
    .map((ss) => ss.id);
}

export function archiveRows(academy: LocalAcademy, tab: string): Array<Record<string, unknown>> {
  const [id] = spreadsheetNamed(academy, ARCHIVE_2027);
  if (!id) return [];
  return snapshotSheets(academy.ws, id)[tab]?.rows ?? [];
}

export function form(academy: LocalAcademy) {
  const forms = snapshotForms(academy.ws);
  if (forms.length !== 1) throw new Error(`${forms.length} forms`);
  return forms[0] as (typeof forms)[number];
}

export function setting(academy: LocalAcademy, key: string): unknown {
  return rows(academy, 'Impostazioni').find((r) => r.Chiave === key)?.Valore;
}

/**
 * `count` attendance rows of EXC-BASE's later sessions (three people a session, every seventh absent,
 * every eleventh with hours typed) below the year's own: enough for the move to need several chunks.
 */
export function addAttendance(academy: LocalAcademy, count: number): void {
  const people = ['D00001', 'D00002', 'D00003'];
  hostAppendRecords(
    academy.ws,
    academy.spreadsheetId,
    'Presenze',
    Array.from({ length: count }, (_, i) => ({
      Sessione: `EXC-BASE-S${Math.floor(i / 3) + 10}`,
      Corso: 'EXC-BASE',
      Dipendente: people[i % 3],
      Presente: i % 7 !== 0,
      Ore: i % 11 === 0 ? 2 : '',
    })),
  );
}
