import { outbox } from '../../../src/local/services/mail';
import { academyWith, COMUNI, course, formulas, PEOPLE, publish, rows, SESSIONS, step } from './helpers';

jest.setTimeout(30_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string];

describe('input hardening', () => {
  test('form answers that look like formulas are stored as text on every tab, and escaped in HTML mail', async () => {
    const academy = await academyWith({ settings: { 'Email staff per notifiche': 'formazione@consorzio.example.it' } });
    publish(academy);
    for (const [email, first, last] of [
      ['=1+1@evil.example.com', '=HYPERLINK("http://x";"y")', '+SUM(A1)'],
      ['-2@evil.example.com', '@cmd', '\tTAB'],
      [anna, '<b>Anna</b>', '<script>alert(1)</script>'],
    ] as const) {
      step(academy, {
        do: 'submit',
        email,
        courses: ['EXC-BASE'],
        answers: { Nome: first, Cognome: last, Comune: 'Crema' },
      });
    }
    expect(formulas(academy)).toEqual({});
    const html = outbox(academy.ws)
      .map((m) => m.htmlBody ?? '')
      .join('\n');
    expect(html).not.toMatch(/<script>|<b>Anna/);
  });

  test('a sender name or subject with newlines cannot inject mail headers', async () => {
    const academy = await academyWith({ settings: { 'Nome mittente': 'Consorzio\r\nBcc: spia@evil.example.com' } });
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const sent = outbox(academy.ws);
    expect(sent).toHaveLength(1);
    for (const m of sent) {
      expect(`${m.name ?? ''}${m.subject}${m.to}`).not.toMatch(/[\r\n]/);
    }
  });

  test('malformed registry rows are reported in Italian and skipped; the rest goes on', async () => {
    const academy = await academyWith({
      registry: {
        Comuni: COMUNI,
        Dipendenti: [
          ...PEOPLE,
          {
            Nome: 'Rotto',
            Cognome: 'Email',
            Email: 'non-una-email',
            Comune: 'Crema',
            Ruolo: 'Dipendente',
            Attivo: true,
          },
        ],
        Corsi: [course(), course({ Codice: 'ROTTO', Titolo: 'Posti sbagliati', Posti: 'tanti', Ore: 'sei' })],
        Sessioni: [
          ...SESSIONS,
          { Corso: 'EXC-BASE', Data: '31/02/2027', Inizio: '25:99', Fine: '12:00', Stato: 'Programmata' },
        ],
      },
    });
    expect(publish(academy).ok).toBe(true);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato])).toEqual([
      [anna, 'Confermata'],
      [luca, 'Confermata'],
    ]);
    expect(academy.call('syncCalendar').ok).toBe(true);
    const dashboard = academy.call('getDashboard');
    expect(dashboard.ok).toBe(true);
    const problems = (
      dashboard.value as { problems: Array<{ tab: string; row: number; column: string; message: string }> }
    ).problems;
    const where = problems.map((p) => `${p.tab}:${p.column}`);
    expect(where).toEqual(expect.arrayContaining(['Dipendenti:Email', 'Corsi:Posti', 'Corsi:Ore', 'Sessioni:Inizio']));
    expect(problems.every((p) => /[àèéìòù]|non |deve|valore|manca|formato/i.test(p.message))).toBe(true);
  });

  test('staff input is checked too: a malformed e-mail or course code gets an Italian refusal and changes nothing', async () => {
    const academy = await academyWith();
    publish(academy);
    for (const [email, code] of [
      ['=cmd|x', 'EXC-BASE'],
      [anna, '=EXC'],
      ['', ''],
    ]) {
      const run = academy.call('enrollManually', [email, code]);
      expect(run.ok).toBe(false);
      expect(run.error).toMatch(/Indichi|non è nel foglio|non esiste/);
    }
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
    expect(formulas(academy)).toEqual({});
  });
});
