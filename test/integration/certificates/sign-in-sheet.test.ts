/**
 * `prepareAttendance` makes a printable sign-in sheet per in-person session (a Doc and its PDF under
 * `Registri presenze <anno>/<Codice corso>/`): course, date, time, place, teacher, one line per
 * enrollee in surname order with an empty signature box. A rerun replaces the sheets, never duplicates.
 */
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { snapshotDrive } from '../../../src/local/services/drive';
import { academyWith } from './academy';

const person = (first: string, last: string) => ({ first, last, hours: [] });

function sheets(academy: LocalAcademy) {
  return snapshotDrive(academy.ws)
    .filter((f) => f.path.startsWith('Registri presenze'))
    .map((f) => ({ path: f.path, mimeType: f.mimeType, text: f.text }));
}

describe('the sign-in sheets of prepareAttendance', () => {
  it('makes a Doc and a PDF per in-person session with every enrollee in surname order', async () => {
    const academy = await academyWith([
      { code: 'A', hours: 4, status: 'Iscrizioni chiuse', people: [person('Luca', 'Rossi'), person('Anna', 'Bassi')] },
    ]);
    const result = academy.call('prepareAttendance', ['A']);
    expect(result.ok).toBe(true);
    expect((result.value as { message: string }).message).toContain(
      'Fogli firme da stampare: 2 in Drive, «Registri presenze 2027/A».',
    );
    const files = sheets(academy);
    expect(files.map((f) => `${f.path} ${f.mimeType}`).sort()).toEqual([
      'Registri presenze 2027/A/Foglio firme A-S1 2027-03-10 application/vnd.google-apps.document',
      'Registri presenze 2027/A/Foglio firme A-S1 2027-03-10.pdf application/pdf',
      'Registri presenze 2027/A/Foglio firme A-S2 2027-03-17 application/vnd.google-apps.document',
      'Registri presenze 2027/A/Foglio firme A-S2 2027-03-17.pdf application/pdf',
    ]);
    const pdf = files.find((f) => f.path.endsWith('A-S1 2027-03-10.pdf'))?.text ?? '';
    for (const part of [
      'Foglio firme',
      'Corso: Corso A (A)',
      'Data: mercoledì 10/03/2027',
      'Orario: 14:00–16:00',
      'Sede: Crema',
      'Docente: Elena Sala',
      'Firma del docente',
    ])
      expect(pdf).toContain(part);
    expect(pdf.indexOf('Bassi')).toBeGreaterThan(-1);
    expect(pdf.indexOf('Bassi')).toBeLessThan(pdf.indexOf('Rossi'));
  });

  it('replaces the sheets on a rerun, with whoever is confirmed now', async () => {
    const academy = await academyWith([
      { code: 'A', hours: 4, status: 'Iscrizioni chiuse', people: [person('Luca', 'Rossi')] },
    ]);
    academy.call('prepareAttendance', ['A']);
    academy.append('Dipendenti', [
      {
        ID: 'D00009',
        Nome: 'Marta',
        Cognome: 'Conti',
        Email: 'marta.conti@comune.pandino.cr.it',
        Comune: 'Pandino',
        Ruolo: 'Dipendente',
        Attivo: true,
      },
    ]);
    academy.append('Iscrizioni', [
      {
        'Data richiesta': '2027-03-01T10:00:00+01:00',
        Corso: 'A',
        Email: 'marta.conti@comune.pandino.cr.it',
        Dipendente: 'D00009',
        Stato: 'Confermata',
        Origine: 'Manuale',
      },
    ]);
    academy.call('prepareAttendance', ['A']);
    const files = sheets(academy);
    expect(files).toHaveLength(4);
    const pdf = files.find((f) => f.path.endsWith('A-S1 2027-03-10.pdf'))?.text ?? '';
    expect(pdf.indexOf('Conti')).toBeGreaterThan(-1);
    expect(pdf.indexOf('Conti')).toBeLessThan(pdf.indexOf('Rossi'));
  });

  it('makes none for an online course', async () => {
    const academy = await academyWith([
      { code: 'A', hours: 4, status: 'Iscrizioni chiuse', people: [person('Luca', 'Rossi')] },
    ]);
    academy.edit('Corsi', { Codice: 'A' }, { Modalità: 'Online' });
    const result = academy.call('prepareAttendance', ['A']);
    expect(result.value).toMatchObject({ signInSheets: [] });
    expect(sheets(academy)).toEqual([]);
  });
});
