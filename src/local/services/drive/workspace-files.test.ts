import { Workspace } from '../../runtime/workspace';
import { documentGlobals } from '../documents';
import { driveGlobals, snapshotDrive } from '.';
import { formsGlobals } from '../forms';
import { createSpreadsheet, spreadsheetGlobals } from '../spreadsheet';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function setup() {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  const { DriveApp } = driveGlobals(ws) as { DriveApp: any };
  const { DocumentApp } = documentGlobals(ws) as { DocumentApp: any };
  const { FormApp } = formsGlobals(ws) as { FormApp: any };
  const { SpreadsheetApp } = spreadsheetGlobals(ws) as unknown as { SpreadsheetApp: any };
  return { ws, DriveApp, DocumentApp, FormApp, SpreadsheetApp };
}

describe('Drive sees every Sheets, Forms and Docs file', () => {
  // catalogue: DRIVE-SEES-WORKSPACE-FILES
  test('getFileById of a spreadsheet, a form and a document gives Google MIME types and names', () => {
    const { ws, DriveApp, DocumentApp, FormApp } = setup();
    const ssId = createSpreadsheet(ws, 'Academy4PA 2027');
    const form = FormApp.create('Iscrizioni 2027');
    const doc = DocumentApp.create('Modello attestato');
    const read = (id: string): [string, string] => {
      const file = DriveApp.getFileById(id);
      return [file.getName(), file.getMimeType()];
    };
    expect(read(ssId)).toEqual(['Academy4PA 2027', 'application/vnd.google-apps.spreadsheet']);
    expect(read(form.getId())).toEqual(['Iscrizioni 2027', 'application/vnd.google-apps.form']);
    expect(read(doc.getId())).toEqual(['Modello attestato', 'application/vnd.google-apps.document']);
    expect(DriveApp.getFileById(ssId).getUrl()).toContain(`/spreadsheets/d/${ssId}/`);
  });

  // catalogue: DRIVE-SEES-WORKSPACE-FILES
  test('the spreadsheet is listed by name and type, and a Drive rename is the spreadsheet rename', () => {
    const { ws, DriveApp, SpreadsheetApp } = setup();
    const ssId = createSpreadsheet(ws, 'Registro');
    const byName = DriveApp.getFilesByName('Registro');
    expect(byName.hasNext()).toBe(true);
    expect(byName.next().getId()).toBe(ssId);
    expect(DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet').next().getId()).toBe(ssId);
    DriveApp.getFileById(ssId).setName('Registro 2027');
    expect(SpreadsheetApp.openById(ssId).getName()).toBe('Registro 2027');
  });

  // catalogue: FORMS-CREATE-NAMING
  test('FormApp.create names the Drive file; the form title stays empty until setTitle, which leaves the file name', () => {
    const { DriveApp, FormApp } = setup();
    const form = FormApp.create('Iscrizioni 2027');
    expect(form.getTitle()).toBe('');
    form.setTitle('Iscrizioni ai corsi 2027');
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Iscrizioni ai corsi 2027');
    expect(DriveApp.getFileById(form.getId()).getName()).toBe('Iscrizioni 2027');
  });
});

describe('emulator: the scenario snapshot', () => {
  test('the scenario snapshot keeps listing only other files: Sheets and Forms have their own sections', () => {
    const { ws, DriveApp, FormApp } = setup();
    createSpreadsheet(ws, 'Academy');
    FormApp.create('Iscrizioni');
    DriveApp.createFile('note.txt', 'ciao');
    expect(snapshotDrive(ws).map((f) => f.name)).toEqual(['note.txt']);
  });
});
