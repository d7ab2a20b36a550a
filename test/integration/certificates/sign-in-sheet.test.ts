/**
 * `prepareAttendance` makes a printable sign-in sheet per in-person session (a Doc and its PDF under
 * `Registri presenze <anno>/<Codice corso>/`): course, date, time, place, teacher, one line per
 * enrollee in surname order with an empty signature box. A rerun replaces the sheets, never duplicates.
 * The layout is the template Doc «Modello foglio firme», which staff can edit.
 */
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { documentGlobals } from '../../../src/local/services/documents';
import { driveGlobals, snapshotDrive } from '../../../src/local/services/drive';
import { runAs } from '../../../src/local/services/spreadsheet/testing';
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

describe('the sign-in sheets come from a template Doc staff can edit', () => {
  function template(academy: LocalAcademy) {
    return snapshotDrive(academy.ws).filter((f) => f.name === 'Modello foglio firme');
  }

  /** Staff opens the template in Docs and rewords it. */
  function reword(academy: LocalAcademy, id: string, from: string, to: string): void {
    const { DocumentApp } = documentGlobals(academy.ws) as {
      DocumentApp: { openById(id: string): GoogleAppsScript.Document.Document };
    };
    runAs(academy.ws, academy.ws.state.owner, 'call', () => {
      const doc = DocumentApp.openById(id);
      doc.getBody().replaceText(from, to);
      doc.saveAndClose();
    });
  }

  it('is made on first use beside the spreadsheet with its placeholders, and reused, never duplicated', async () => {
    const academy = await academyWith([
      { code: 'A', hours: 4, status: 'Iscrizioni chiuse', people: [person('Luca', 'Rossi')] },
    ]);
    expect(template(academy)).toEqual([]);
    academy.call('prepareAttendance', ['A']);
    const [made] = template(academy);
    // The local academy's spreadsheet sits in the Drive root: the template goes beside it.
    expect(made?.path).toBe('Modello foglio firme');
    for (const p of [
      '{{ENTE}}',
      '{{CORSO}}',
      '{{DATA}}',
      '{{ORARIO}}',
      '{{SEDE}}',
      '{{DOCENTE}}',
      '{{ELENCO_PARTECIPANTI}}',
    ])
      expect(made?.text).toContain(p);
    academy.call('prepareAttendance', ['A']);
    expect(template(academy).map((f) => f.id)).toEqual([made?.id]);
  });

  it("shows staff's edit of the template in the next sheet, with the table where the template wants it", async () => {
    const academy = await academyWith([
      { code: 'A', hours: 4, status: 'Iscrizioni chiuse', people: [person('Luca', 'Rossi'), person('Anna', 'Bassi')] },
    ]);
    academy.call('prepareAttendance', ['A']);
    const id = template(academy)[0]?.id ?? '';
    reword(academy, id, 'Firma del docente', 'Visto del responsabile del corso');
    reword(academy, id, 'Sede: ', 'Aula: ');
    academy.call('prepareAttendance', ['A']);
    const pdf = sheets(academy).find((f) => f.path.endsWith('A-S1 2027-03-10.pdf'))?.text ?? '';
    expect(pdf).toContain('Visto del responsabile del corso');
    expect(pdf).toContain('Aula: Crema');
    expect(pdf).not.toContain('Firma del docente');
    expect(pdf).not.toContain('{{');
    expect(pdf.indexOf('Docente: Elena Sala')).toBeLessThan(pdf.indexOf('Bassi'));
    expect(pdf.indexOf('Rossi')).toBeLessThan(pdf.indexOf('Partecipanti iscritti: 2'));
  });

  it('is made again when the recorded template is gone, and a name with $1 or a backslash is printed as typed', async () => {
    const academy = await academyWith([
      { code: 'A', hours: 4, status: 'Iscrizioni chiuse', people: [person('Luca', 'Rossi')] },
    ]);
    academy.edit('Corsi', { Codice: 'A' }, { Docente: 'Ing. $1 \\ Sala' });
    academy.call('prepareAttendance', ['A']);
    const first = template(academy)[0]?.id ?? '';
    runAs(academy.ws, academy.ws.state.owner, 'call', () => {
      const { DriveApp } = driveGlobals(academy.ws) as { DriveApp: GoogleAppsScript.Drive.DriveApp };
      DriveApp.getFileById(first).setTrashed(true);
    });
    academy.call('prepareAttendance', ['A']);
    const again = template(academy);
    expect(again).toHaveLength(1);
    expect(again[0]?.id).not.toBe(first);
    const pdf = sheets(academy).find((f) => f.path.endsWith('A-S1 2027-03-10.pdf'))?.text ?? '';
    expect(pdf).toContain('Docente: Ing. $1 \\ Sala');
  });
});
