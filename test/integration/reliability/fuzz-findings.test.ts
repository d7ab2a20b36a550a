/**
 * What the fuzz suite (`test/fuzz/`) found, each pinned by the smallest scenario that showed it.
 */
import { academyWith, mails, PEOPLE, publish, registro, rows, step } from './helpers';

jest.setTimeout(30_000);

const [anna] = PEOPLE.map((p) => p.Email) as [string];

describe('found by the fuzz suite', () => {
  test('a cancellation for a course the sender holds no enrollment in is written to Registro and answered', async () => {
    const academy = await academyWith();
    publish(academy);
    const logged = registro(academy).length;
    const run = step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'], action: 'Annullamento' });
    expect(run.ok).toBe(true);
    expect(registro(academy).slice(logged)).toEqual([
      expect.objectContaining({
        Chi: anna,
        Azione: 'Annullamento senza iscrizione attiva',
        Dettagli: `EXC-BASE ${anna}`,
      }),
    ]);
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
    expect(mails(academy).map((m) => m.to)).toEqual([anna]);
  });

  test('a stranger cancelling a course nobody gave them is written to Registro too', async () => {
    const academy = await academyWith();
    publish(academy);
    const stranger = 'sconosciuto@evil.example.com';
    const logged = registro(academy).length;
    const run = step(academy, {
      do: 'submit',
      email: stranger,
      courses: ['EXC-BASE'],
      action: 'Annullamento',
      answers: { Nome: '"'.repeat(300), Cognome: '=HYPERLINK("x")', Comune: 'Crema' },
    });
    expect(run.ok).toBe(true);
    expect(registro(academy).slice(logged)).toEqual([
      expect.objectContaining({ Azione: 'Annullamento senza iscrizione attiva', Dettagli: `EXC-BASE ${stranger}` }),
    ]);
  });

  test('«Prepara registro presenze» on the selected row of Corsi reads the active cell and prepares that course', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    expect(academy.call('selectCell', ['Corsi', 2, 'Titolo']).ok).toBe(true);
    const run = academy.call('prepareAttendanceForSelection');
    expect(run.error).toBeUndefined();
    expect(rows(academy, 'Presenze').map((r) => [r.Corso, r.Email])).toEqual([
      ['EXC-BASE', anna],
      ['EXC-BASE', anna],
    ]);
  });
});
