/**
 * Importing external training (Syllabus completions, mandatory courses) from a file in Drive: preview
 * first, then the import, with duplicates, unknown people and invalid lines left out and said.
 */
import { academyWith, PEOPLE, rows, step } from '../enrollment/helpers';

jest.setTimeout(30_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string];

const SYLLABUS = [
  'Codice fiscale;E-mail;Titolo attività;Durata (ore);Data completamento',
  `;${anna.toUpperCase()};Competenze digitali per la PA;4,5;12/01/2027`,
  `;${luca};Cybersicurezza di base;2;2027-01-15T10:30:00Z`,
  `;${luca};Cybersicurezza di base;2;15/01/2027`,
  ';sconosciuto@gmail.com;Etica pubblica;3;20/01/2027',
  `;${anna};Etica pubblica;molte;31/02/2027`,
].join('\r\n');

function external(academy: Awaited<ReturnType<typeof academyWith>>): unknown[][] {
  return rows(academy, 'Formazione esterna').map((r) => [
    r.Email,
    r.Titolo,
    r.Ente,
    r.Ore,
    String(r.Data).slice(0, 10),
  ]);
}

describe('external training import', () => {
  test('the preview lists what would be added and each line left out with its reason, and changes nothing', async () => {
    const academy = await academyWith();
    expect(step(academy, { do: 'upload', path: 'Syllabus/completamenti-2027.csv', content: SYLLABUS }).ok).toBe(true);
    const preview = step(academy, {
      do: 'call',
      fn: 'previewExternalTraining',
      args: ['Syllabus/completamenti-2027.csv'],
    });
    expect(preview.ok).toBe(true);
    const value = preview.value as {
      message: string;
      add: Array<{ line: number; name: string; hours: number; date: string }>;
      duplicates: Array<{ line: number; reason: string }>;
      unmatched: Array<{ line: number; reason: string }>;
      invalid: Array<{ line: number; reason: string }>;
      columns: Record<string, string>;
    };
    expect(value.add.map((a) => [a.line, a.name, a.hours, a.date])).toEqual([
      [2, 'Anna Bassi', 4.5, '2027-01-12'],
      [3, 'Luca Ferrari', 2, '2027-01-15'],
    ]);
    expect(value.duplicates.map((d) => [d.line, d.reason])).toEqual([
      [4, 'uguale alla riga 3 del file (stessa persona, titolo e data)'],
    ]);
    expect(value.unmatched.map((d) => d.line)).toEqual([5]);
    expect(value.invalid.map((d) => d.line)).toEqual([6]);
    expect(value.columns).toMatchObject({ email: 'E-mail', hours: 'Durata (ore)', date: 'Data completamento' });
    expect(value.message).toBe(
      '«completamenti-2027.csv»: 2 righe da aggiungere a «Formazione esterna». Escluse: 1 già presenti, 1 senza dipendente corrispondente, 1 da correggere nel file.',
    );
    expect(external(academy)).toEqual([]);
  });

  test('the import adds the rows once; a second import of the same file adds nothing', async () => {
    const academy = await academyWith();
    step(academy, { do: 'upload', path: 'Syllabus/completamenti-2027.csv', content: SYLLABUS });
    const first = step(academy, { do: 'call', fn: 'importExternalTraining', args: ['completamenti-2027.csv'] });
    expect(first.ok).toBe(true);
    expect(external(academy)).toEqual([
      [anna, 'Competenze digitali per la PA', 'completamenti-2027', 4.5, '2027-01-12'],
      [luca, 'Cybersicurezza di base', 'completamenti-2027', 2, '2027-01-15'],
    ]);
    const log = rows(academy, 'Registro').filter((r) => r.Azione === 'Formazione esterna importata');
    expect(log.map((r) => r.Dettagli)).toEqual([
      'completamenti-2027.csv: 2 righe, 6,5 ore; escluse 1 doppie, 1 senza dipendente, 1 non valide',
    ]);

    const second = step(academy, { do: 'call', fn: 'importExternalTraining', args: ['completamenti-2027.csv'] });
    expect(second.ok).toBe(true);
    expect((second.value as { add: unknown[]; duplicates: unknown[] }).add).toEqual([]);
    expect((second.value as { duplicates: unknown[] }).duplicates).toHaveLength(3);
    expect(external(academy)).toHaveLength(2);
  });

  test('the imported hours count in Report dipendenti', async () => {
    const academy = await academyWith({ settings: { 'Anno formativo': 2027 } });
    step(academy, { do: 'upload', path: 'completamenti.csv', content: SYLLABUS });
    expect(step(academy, { do: 'call', fn: 'importExternalTraining', args: ['completamenti.csv'] }).ok).toBe(true);
    expect(step(academy, { do: 'call', fn: 'refreshReports' }).ok).toBe(true);
    const report = rows(academy, 'Report dipendenti');
    expect(report.find((r) => r.Nome === 'Anna')?.['Ore anno']).toBe(4.5);
    expect(report.find((r) => r.Nome === 'Luca')?.['Ore anno']).toBe(2);
  });

  test('a file that is missing, ambiguous or lacks columns is refused in Italian, adding nothing', async () => {
    const academy = await academyWith();
    step(academy, { do: 'upload', path: 'A/lista.csv', content: 'Email,Titolo,Ore,Data\n' });
    step(academy, { do: 'upload', path: 'B/lista.csv', content: 'Email,Titolo,Ore,Data\n' });
    step(academy, { do: 'upload', path: 'nomi.csv', content: 'Nome,Cognome\nAnna,Bassi\n' });
    const error = (arg: string): string | undefined =>
      step(academy, { do: 'call', fn: 'importExternalTraining', args: [arg] }).error;
    expect(error('manca.csv')).toBe("Nessun file «manca.csv» in Drive: controlli il nome o usi l'ID del file.");
    expect(error('lista.csv')).toBe(
      "In Drive ci sono più file «lista.csv»: indichi il percorso (Cartella/file.csv) o l'ID del file.",
    );
    expect(error('B/lista.csv')).toBeUndefined();
    expect(error('nomi.csv')).toBe(
      '«nomi.csv» non si può importare: manca una colonna «Email» o «Codice fiscale», una colonna «Titolo» (o «Corso»), una colonna «Ore» (o «Durata»), una colonna «Data» (o «Data completamento»).',
    );
    expect(external(academy)).toEqual([]);
  });

  test('someone who is not staff can neither preview nor import', async () => {
    const academy = await academyWith();
    step(academy, { do: 'upload', path: 'completamenti.csv', content: SYLLABUS });
    for (const fn of ['previewExternalTraining', 'importExternalTraining']) {
      const r = step(academy, { do: 'call', fn, args: ['completamenti.csv'], as: anna });
      expect(r.ok).toBe(false);
    }
    expect(external(academy)).toEqual([]);
  });
});
