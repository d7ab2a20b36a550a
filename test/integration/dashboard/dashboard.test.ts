/**
 * The sidebar's server functions run in dist/Code.js on the emulated Workspace: the dashboard in one
 * call within a constant number of Spreadsheet calls on the demo academy (22 the first time, when it
 * makes the figures record; 14 once the record exists), and the course view's staff actions applying
 * the enrollment rules (linking an unknown e-mail, promoting from the waitlist, refusing bad requests).
 */
import type { CourseView, Dashboard } from '../../../src/gas/dashboard/types';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { uiState } from '../../../src/local/services/spreadsheet';
import { academyWith, callsOf, mails, publish, rows, step } from '../enrollment/helpers';

function value<T>(run: { ok: boolean; value: unknown; error?: string }): T {
  if (!run.ok) throw new Error(run.error);
  return run.value as T;
}

describe('getDashboard on the demo academy', () => {
  let academy: LocalAcademy;

  beforeAll(() => {
    academy = LocalAcademy.fresh({ start: '2027-01-11T09:00:00+01:00' });
    prepareAcademy(academy, { registry: 'demo' });
    publish(academy);
  });

  it('answers in one call with a constant number of Spreadsheet calls, fewer once the figures record exists', () => {
    const first = callsOf(academy, () => value<Dashboard>(academy.call('getDashboard')));
    expect(first.Spreadsheet).toBeLessThanOrEqual(22);
    let run: ReturnType<LocalAcademy['call']> | undefined;
    const calls = callsOf(academy, () => {
      run = academy.call('getDashboard');
    });
    const dashboard = value<Dashboard>(run as NonNullable<typeof run>);
    expect(calls.Spreadsheet).toBeLessThanOrEqual(14);
    expect(calls.Forms + calls.Calendar + calls.Docs + calls.Drive + calls.Mail).toBe(0);
    expect(dashboard.counts.employees).toBeGreaterThan(900);
    expect(dashboard.counts.comuni).toBe(50);
    const courses = Object.values(dashboard.counts.coursesByStatus).reduce((a, b) => a + b, 0);
    expect(courses).toBe(dashboard.courses.length);
    expect(dashboard.nextSessions.length).toBeGreaterThan(0);
    expect(
      dashboard.nextSessions.every(
        (s, i, all) => i === 0 || `${all[i - 1]?.date} ${all[i - 1]?.start}` <= `${s.date} ${s.start}`,
      ),
    ).toBe(true);
    expect(dashboard.formUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\//);
    expect(dashboard.settings?.targetHours).toBeGreaterThan(0);
  });

  it('passes through JSON unchanged: no Date, nothing undefined', () => {
    const dashboard = value<Dashboard>(academy.call('getDashboard'));
    expect(JSON.parse(JSON.stringify(dashboard))).toEqual(dashboard);
    expect(dashboard.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('the course view and its actions', () => {
  it('lists a course by status and lists the rows to fix with their cell', async () => {
    const academy = await academyWith();
    academy.append('Dipendenti', [
      { Nome: 'Senza', Cognome: 'Email', Comune: 'Crema', Ruolo: 'Dipendente', Attivo: true },
    ]);
    const dashboard = value<Dashboard>(academy.call('getDashboard'));
    const problem = dashboard.problems.find((p) => p.tab === 'Dipendenti');
    expect(problem).toMatchObject({ tab: 'Dipendenti', row: 6, column: 'Email' });
    const selected = value<{ a1: string }>(academy.call('selectCell', ['Dipendenti', 6, 'Email']));
    expect(selected.a1).toBe('Dipendenti!D6');
    expect(uiState(academy.ws, academy.spreadsheetId).activeRange).toBe('Dipendenti!D6');
  });

  it('lists bad rows of Presenze and Formazione esterna too, within the same call budget', async () => {
    const academy = await academyWith();
    academy.append('Presenze', [
      { Sessione: 'EXC-BASE-1', Corso: 'EXC-BASE', Dipendente: 'D00001', Presente: true, Ore: 'tante' },
    ]);
    academy.append('Formazione esterna', [
      { Email: 'anna.bassi@comune.crema.cr.it', Titolo: 'Syllabus GDPR', Ore: 4, Data: 'ieri' },
    ]);
    let run: ReturnType<LocalAcademy['call']> | undefined;
    const calls = callsOf(academy, () => {
      run = academy.call('getDashboard');
    });
    const dashboard = value<Dashboard>(run as NonNullable<typeof run>);
    expect(dashboard.problems.find((p) => p.tab === 'Presenze')).toMatchObject({ row: 2, column: 'Ore' });
    expect(dashboard.problems.find((p) => p.tab === 'Formazione esterna')).toMatchObject({ row: 2, column: 'Data' });
    expect(calls.Spreadsheet).toBeLessThanOrEqual(22);
  });

  it('reports a course row that needs fixing once, not again at every session and enrollment that names it', async () => {
    const academy = await academyWith();
    step(academy, { do: 'edit', tab: 'Corsi', where: { Codice: 'EXC-BASE' }, set: { Posti: 'tanti' } });
    const dashboard = value<Dashboard>(academy.call('getDashboard'));
    expect(dashboard.problems.map((p) => `${p.tab}|${p.column}`)).toEqual(['Corsi|Posti']);
  });

  it('reads the spreadsheet zone remembered by Configura instead of asking the spreadsheet again', async () => {
    const academy = await academyWith();
    academy.call('getDashboard');
    const before = academy.ws.methodCounts['Spreadsheet.getSpreadsheetTimeZone'] ?? 0;
    expect(academy.call('getDashboard').ok).toBe(true);
    expect(academy.ws.methodCounts['Spreadsheet.getSpreadsheetTimeZone'] ?? 0).toBe(before);
    expect(academy.call('setupAcademy').ok).toBe(true);
    expect(academy.ws.methodCounts['Spreadsheet.getSpreadsheetTimeZone'] ?? 0).toBeGreaterThan(before);
  });

  it('links a «Da verificare» request to an employee and decides it as the form would', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, {
      do: 'submit',
      email: 'a.bassi@comune.crema.cr.it',
      courses: ['EXC-BASE'],
      answers: { Nome: 'Anna', Cognome: 'Bassi', Comune: 'Crema' },
    });
    const view = value<CourseView>(academy.call('getCourseView', ['EXC-BASE']));
    const pending = view.groups.find((g) => g.status === 'Da verificare')?.enrollments[0];
    expect(pending?.actions).toEqual(['confirm', 'cancel']);
    expect(pending?.typed).toEqual({ name: 'Anna Bassi', comune: 'Crema' });
    expect(pending?.candidates[0]).toMatchObject({ id: 'D00001', differences: [] });
    const before = mails(academy).length;
    const result = value<{ status: string; message: string }>(
      academy.call('confirmPendingEnrollment', [pending?.id, 'D00001']),
    );
    expect(result.status).toBe('Confermata');
    const row = rows(academy, 'Iscrizioni').find((r) => r.ID === pending?.id);
    expect(row).toMatchObject({ Email: 'anna.bassi@comune.crema.cr.it', Dipendente: 'D00001', Stato: 'Confermata' });
    expect(rows(academy, 'Iscrizioni')).toHaveLength(1);
    expect(
      mails(academy)
        .slice(before)
        .map((m) => m.to),
    ).toContain('anna.bassi@comune.crema.cr.it');
  });

  it('promotes a waiting request over the seat limit and renumbers the waitlist', async () => {
    const academy = await academyWith();
    publish(academy);
    for (const email of [
      'anna.bassi@comune.crema.cr.it',
      'luca.ferrari@comune.crema.cr.it',
      'marco.conti@comune.crema.cr.it',
      'giulia.riva@comune.offanengo.cr.it',
    ]) {
      step(academy, { do: 'submit', email, courses: ['EXC-BASE'] });
    }
    const waiting = () =>
      rows(academy, 'Iscrizioni')
        .filter((r) => r.Stato === 'In attesa')
        .map((r) => [r.Email, r['Posizione attesa']]);
    expect(waiting()).toEqual([
      ['marco.conti@comune.crema.cr.it', 1],
      ['giulia.riva@comune.offanengo.cr.it', 2],
    ]);
    const giulia = rows(academy, 'Iscrizioni').find((r) => r.Email === 'giulia.riva@comune.offanengo.cr.it');
    const result = value<{ status: string }>(academy.call('promoteFromWaitlist', [giulia?.ID, { overCapacity: true }]));
    expect(result.status).toBe('Confermata');
    expect(waiting()).toEqual([['marco.conti@comune.crema.cr.it', 1]]);
    expect(rows(academy, 'Iscrizioni').filter((r) => r.Stato === 'Confermata')).toHaveLength(3);
  });

  it('refuses, in Italian, an action on a missing enrollment and any call by a non-staff user', async () => {
    const academy = await academyWith();
    const missing = academy.call('promoteFromWaitlist', ['I09999']);
    expect(missing.ok).toBe(false);
    expect(missing.error).toContain("non esiste o non è in lista d'attesa");
    const stranger = academy.call('getDashboard', [], 'curioso@example.com');
    expect(stranger.ok).toBe(false);
    expect(stranger.error).toContain('riservata allo staff');
  });
});
