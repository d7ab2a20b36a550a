/**
 * After the year change, each person's history stays reachable: archived certificates still verify,
 * the new year's numbering starts again at A4PA-<anno>-00001, and Report dipendenti shows the closed
 * year's hours beside the new year's.
 */
import { academyWith, certificateRows, people } from '../certificates/academy';
import { rows, step } from '../enrollment/helpers';
import type { CourseView } from '../../../src/gas/dashboard/types';

jest.setTimeout(30_000);

const VERIFY = 'https://script.google.com/macros/s/x/exec?verifica=';

describe('a closed year stays reachable', () => {
  test('archived certificates verify, numbering restarts, and the reports show the hours of 2027', async () => {
    const academy = await academyWith([{ code: 'C2', hours: 4, people: people(2) }]);
    expect(academy.call('issueCertificates', ['C2']).ok).toBe(true);
    const [first] = certificateRows(academy);
    const code = String(first?.['Codice verifica']);
    expect(first?.Numero).toBe('A4PA-2027-00001');

    const change = academy.call('startTrainingYear', [2028]);
    expect(change.ok).toBe(true);
    expect(certificateRows(academy)).toEqual([]);

    const page = String(step(academy, { do: 'visit', url: `${VERIFY}${code}` }).value);
    expect(page).toContain('Attestato valido');
    expect(page).toContain('A4PA-2027-00001');
    expect(page).toContain('Corso C2 (C2)');

    // The 2028 edition runs and closes: its first certificate is A4PA-2028-00001.
    expect(rows(academy, 'Corsi').map((r) => [r.Codice, r.Stato])).toEqual([['C2-2028', 'Bozza']]);
    step(academy, {
      do: 'append',
      tab: 'Sessioni',
      rows: [{ Corso: 'C2-2028', Data: '2028-03-10', Inizio: '14:00', Fine: '16:00', Stato: 'Programmata' }],
    });
    step(academy, {
      do: 'append',
      tab: 'Iscrizioni',
      rows: [
        {
          'Data richiesta': '2028-02-20T10:00:00+01:00',
          Corso: 'C2-2028',
          Email: 'dip1@comune.pandino.cr.it',
          Dipendente: 'D00001',
          Stato: 'Confermata',
          Origine: 'Manuale',
        },
      ],
    });
    step(academy, {
      do: 'append',
      tab: 'Presenze',
      rows: [
        {
          Sessione: 'C2-2028-S1',
          Corso: 'C2-2028',
          Dipendente: 'D00001',
          Email: 'dip1@comune.pandino.cr.it',
          Presente: true,
          Ore: 2,
        },
      ],
    });
    step(academy, { do: 'edit', tab: 'Corsi', where: { Codice: 'C2-2028' }, set: { Ore: 2, Stato: 'Concluso' } });
    expect(academy.call('issueCertificates', ['C2-2028']).ok).toBe(true);
    expect(certificateRows(academy).map((r) => r.Numero)).toEqual(['A4PA-2028-00001']);

    expect(academy.call('refreshReports').ok).toBe(true);
    const report = academy.readTab('Report dipendenti');
    expect(report?.header.slice(-2)).toEqual(['Obiettivo raggiunto', 'Ore 2027']);
    expect(report?.rows.map((r) => [r[0], r[4], r[9]])).toEqual([
      ['D00001', 2, 4],
      ['D00002', 0, 4],
    ]);
  });

  test("the course view of a new year's edition shows each person's hours of the closed years", async () => {
    const academy = await academyWith([{ code: 'C2', hours: 4, people: people(2) }]);
    const before = academy.call('getCourseView', ['C2']);
    expect(before.ok).toBe(true);
    const enrolled = (view: unknown) =>
      (view as CourseView).groups.flatMap((g) => g.enrollments.map((e) => [e.employeeId, e.pastYears]));
    // Before any year change there is no archive, so no past year.
    expect(enrolled(before.value)).toEqual([
      ['D00001', []],
      ['D00002', []],
    ]);
    expect(academy.call('issueCertificates', ['C2']).ok).toBe(true);
    expect(academy.call('startTrainingYear', [2028]).ok).toBe(true);
    step(academy, {
      do: 'append',
      tab: 'Iscrizioni',
      rows: [
        {
          'Data richiesta': '2028-02-20T10:00:00+01:00',
          Corso: 'C2-2028',
          Email: 'dip1@comune.pandino.cr.it',
          Dipendente: 'D00001',
          Stato: 'Confermata',
          Origine: 'Manuale',
        },
      ],
    });
    const after = academy.call('getCourseView', ['C2-2028']);
    expect(after.ok).toBe(true);
    expect(enrolled(after.value)).toEqual([['D00001', [{ year: 2027, hours: 4 }]]]);
  });
});
