import { snapshotForms } from '../../../src/local/services/forms';
import { snapshotMail } from '../../../src/local/services/mail';
import { snapshotTriggers } from '../../../src/local/services/script';
import { academyWith as certificateAcademy, people } from '../certificates/academy';
import { academyWith, PEOPLE, publish, rows, step } from '../enrollment/helpers';

jest.setTimeout(60_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string];

describe('session reminders', () => {
  test('sent the configured days before each session to confirmed enrollees, once per session and person', async () => {
    // START is 2027-02-01; sessions on 2027-03-02 and 2027-03-30; reminders 2 days before (default).
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    expect(snapshotTriggers(academy.ws).filter((t) => t.handler === 'runDailyTasks')).toHaveLength(1);
    const reminders = () => snapshotMail(academy.ws).filter((m) => m.subject.startsWith('Promemoria:'));

    step(academy, { do: 'advance', minutes: (26 * 24 + 12) * 60 }); // 2027-02-27 21:00: still 3 days ahead
    expect(reminders()).toHaveLength(0);
    step(academy, { do: 'advance', minutes: 12 * 60 }); // the run of 28 February at 07:00
    expect(reminders().map((m) => [m.to, m.at.slice(0, 10)])).toEqual([
      [anna, '2027-02-28'],
      [luca, '2027-02-28'],
    ]);
    expect(reminders()[0]?.subject).toBe('Promemoria: Excel di base tra 2 giorni, martedì 02/03/2027 ore 09:00');
    expect(reminders()[0]?.body).toContain('Orario: 09:00–12:00');
    expect(reminders()[0]?.body).toContain('Collegamento Meet');

    // The next daily runs and a run requested by staff send nothing more for that session.
    step(academy, { do: 'advance', minutes: 24 * 60 });
    expect(step(academy, { do: 'call', fn: 'runDailyTasks' }).ok).toBe(true);
    expect(reminders()).toHaveLength(2);

    step(academy, { do: 'advance', minutes: 27 * 24 * 60 }); // past 28 March: the second session's reminders
    expect(reminders().map((m) => m.at.slice(0, 10))).toEqual(['2027-02-28', '2027-02-28', '2027-03-28', '2027-03-28']);
  });

  test('a forged trigger event from someone who is not staff is refused', async () => {
    const academy = await academyWith();
    const r = step(academy, { do: 'call', fn: 'runDailyTasks', args: [{ triggerUid: 'forged' }], as: anna });
    expect(r.ok).toBe(false);
  });
});

describe('after the last session: questionnaire and absentees', () => {
  test('one questionnaire form; its link mailed once per confirmed enrollee; absentees told once; averages in Report corsi', async () => {
    // Sessions on 10 and 17 March, clock on 20 March; the fourth person attended nothing.
    const academy = await certificateAcademy([
      { code: 'EXC', hours: 4, people: [...people(3), { first: 'Assente', last: 'Sempre', hours: [0, 0] }] },
    ]);
    step(academy, { do: 'advance', minutes: 24 * 60 });
    const feedback = () => snapshotMail(academy.ws).filter((m) => m.subject.includes('Questionario di gradimento'));
    const absent = () => snapshotMail(academy.ws).filter((m) => m.subject.startsWith('Assenza al corso'));
    expect(feedback()).toHaveLength(4);
    expect(absent().map((m) => m.to)).toEqual(['dip4@comune.pandino.cr.it']);
    expect(absent()[0]?.body).toContain("annulli l'iscrizione per tempo");

    const forms = snapshotForms(academy.ws).filter((f) => f.title === 'Questionario di gradimento dei corsi');
    expect(forms).toHaveLength(1);
    const form = forms[0]!;
    expect(form.items.map((i) => [i.title, i.type])).toEqual([
      ['Corso', 'LIST'],
      ['Contenuti', 'SCALE'],
      ['Docente', 'SCALE'],
      ['Organizzazione', 'SCALE'],
      ['Utilità', 'SCALE'],
      ['Commento', 'PARAGRAPH_TEXT'],
    ]);
    expect(feedback()[0]?.body).toMatch(/Questionario: https:\/\/docs.google.com\/forms\/d\/e\/\S+\/viewform/);
    expect(rows(academy, 'Impostazioni').find((r) => r.Chiave === 'ID modulo gradimento')?.Valore).toBe(form.id);

    step(academy, { do: 'advance', minutes: 3 * 24 * 60 });
    expect(feedback()).toHaveLength(4);
    expect(absent()).toHaveLength(1);

    const answers = (scores: number[]) => ({
      Corso: 'EXC — Corso EXC',
      Contenuti: String(scores[0]),
      Docente: String(scores[1]),
      Organizzazione: String(scores[2]),
      Utilità: String(scores[3]),
    });
    academy.submit(form.id, { email: '', answers: answers([5, 5, 4, 4]) });
    academy.submit(form.id, { email: '', answers: answers([3, 3, 3, 3]) });
    expect(step(academy, { do: 'call', fn: 'refreshReports' }).ok).toBe(true);
    const report = rows(academy, 'Report corsi').find((r) => r.Codice === 'EXC');
    expect(report?.['Gradimento medio']).toBe(3.75);
    expect(report?.Assenti).toBe(1);
  });
});
