import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Workspace } from '../../runtime/workspace';
import { documentGlobals, flushDocuments } from '.';
import { driveGlobals, hostDriveFile, snapshotDrive } from '../drive';
import type { EmulatedBlob } from '../blob';
import { committedDoc } from '../files/doc-model';

const DAY = 24 * 60 * 60 * 1000;

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function setup() {
  const ws = Workspace.create({ startMs: Date.parse('2027-06-01T09:00:00+02:00') });
  const { DocumentApp } = documentGlobals(ws) as { DocumentApp: any };
  const { DriveApp, MimeType } = driveGlobals(ws) as { DriveApp: any; MimeType: any };
  return { ws, DocumentApp, DriveApp, MimeType };
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'a4pa-pdf-'));
  const file = join(dir, 'out.pdf');
  writeFileSync(file, bytes);
  return execFileSync(process.execPath, [resolve(__dirname, '../../../../scripts/pdf-text.mjs'), file], {
    encoding: 'utf8',
  });
}

function template(DocumentApp: any): any {
  const doc = DocumentApp.create('Modello attestato');
  const body = doc.getBody();
  body
    .appendParagraph('ATTESTATO DI PARTECIPAZIONE')
    .setHeading(DocumentApp.ParagraphHeading.TITLE)
    .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  body.appendParagraph('Si attesta che {{NOME}} {{COGNOME}}');
  body.appendHorizontalRule();
  body.appendParagraph('dipendente del Comune di {{COMUNE}}').editAsText().setBold(true);
  doc.saveAndClose();
  return doc;
}

describe('emulated DocumentApp', () => {
  // catalogue: DOCS-REPLACE-TEXT
  test('replaceText takes a regular expression, one paragraph at a time', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Prova');
    const body = doc.getBody();
    body.appendParagraph('Corso EXC-BASE e EXC-AVANZATO');
    body.appendParagraph('fine');
    body.replaceText('EXC-[A-Z]+', 'X');
    body.replaceText('AVANZATO\\s+fine', 'never');
    expect(body.getText()).toBe('\nCorso X e X\nfine');
    body.replaceText('{{NOME}}', 'y');
    expect(() => body.replaceText('(', 'y')).toThrow('Invalid regular expression pattern (');
  });

  // catalogue: DOCS-REPLACE-TEXT
  test('a replacement with $ is expanded as String.prototype.replace does, so values must be escaped', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Dollari');
    const body = doc.getBody();
    body.appendParagraph('Nome: {{NOME}}');
    body.replaceText('\\{\\{NOME\\}\\}', 'Anna $& $$ $1');
    expect(body.getParagraphs()[1].getText()).toBe('Nome: Anna {{NOME}} $ $1');
    body.appendParagraph('Altro: {{X}}');
    body.replaceText('\\{\\{X\\}\\}', "Dell'Acqua $$1 \\ (x) . *".replace(/\$/g, '$$$$'));
    expect(body.getParagraphs()[2].getText()).toBe("Altro: Dell'Acqua $$1 \\ (x) . *");
  });

  // catalogue: DOCS-SAVE
  test('edits are exported only once saved; the end of the execution saves open documents', () => {
    const { ws, DocumentApp, DriveApp } = setup();
    const doc = DocumentApp.create('Bozza');
    doc.getBody().appendParagraph('prima versione');
    doc.saveAndClose();
    const reopened = DocumentApp.openById(doc.getId());
    reopened.getBody().appendParagraph('modifica non salvata');
    const before = DriveApp.getFileById(doc.getId()).getAs('application/pdf') as EmulatedBlob;
    expect(before.text).toContain('prima versione');
    expect(before.text).not.toContain('modifica non salvata');
    flushDocuments(ws);
    const after = DriveApp.getFileById(doc.getId()).getAs('application/pdf') as EmulatedBlob;
    expect(after.text).toContain('modifica non salvata');
    expect(() => reopened.getBody()).toThrow('Document is closed, its contents cannot be updated.');
  });

  // catalogue: DOCS-SAVE
  test('the end hook commits a document left open', () => {
    const { ws, DocumentApp } = setup();
    const doc = DocumentApp.create('Aperto');
    doc.getBody().appendParagraph('testo');
    for (const hook of ws.endHooks) hook(null as never);
    expect(DocumentApp.openById(doc.getId()).getBody().getText()).toBe('\ntesto');
  });

  // catalogue: DRIVE-NOT-FOUND
  test("an unknown id is refused with Google's message", () => {
    const { DocumentApp } = setup();
    expect(() => DocumentApp.openById('nope')).toThrow(
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  // catalogue: DRIVE-PDF, DOCS-REPLACE-TEXT
  test('the PDF export is a real PDF whose text, accents included, can be extracted', () => {
    const { DocumentApp, DriveApp } = setup();
    const tpl = template(DocumentApp);
    const copy = DriveApp.getFileById(tpl.getId()).makeCopy('Attestato Niccolò');
    const doc = DocumentApp.openById(copy.getId());
    doc.getBody().replaceText('\\{\\{NOME\\}\\}', 'Niccolò');
    doc.getBody().replaceText('\\{\\{COGNOME\\}\\}', "Dell'Acqua");
    doc.getBody().replaceText('\\{\\{COMUNE\\}\\}', 'Città di Castello — 40 €');
    doc.saveAndClose();
    const blob = DriveApp.getFileById(doc.getId()).getAs('application/pdf') as EmulatedBlob;
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('Attestato Niccolò.pdf');
    const bytes = blob.rawBytes();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('ATTESTATO DI PARTECIPAZIONE');
    expect(text).toContain("Si attesta che Niccolò Dell'Acqua");
    expect(text).toContain('dipendente del Comune di Città di Castello — 40 €');
  });
});

describe('emulated DriveApp', () => {
  // catalogue: DRIVE-TRASHED-LISTED
  test('trashed files are hidden from iterators, name lookups and the snapshot', () => {
    const { ws, DriveApp } = setup();
    const folder = DriveApp.createFolder('Cartella');
    const a = folder.createFile('a.txt', 'uno', 'text/plain');
    folder.createFile('b.txt', 'due', 'text/plain');
    a.setTrashed(true);
    const names: string[] = [];
    const it = folder.getFiles();
    while (it.hasNext()) names.push(it.next().getName());
    expect(names).toEqual(['b.txt']);
    expect(DriveApp.getFilesByName('a.txt').hasNext()).toBe(false);
    expect(DriveApp.getFileById(a.getId()).isTrashed()).toBe(true);
    expect(snapshotDrive(ws).map((f) => f.name)).toEqual(['b.txt']);
    folder.setTrashed(true);
    expect(snapshotDrive(ws)).toEqual([]);
  });

  // catalogue: DRIVE-TRASH-EXPIRES
  test('Drive deletes a file 30 days after it went to the trash, its content with it; a restored one stays', () => {
    const { ws, DocumentApp, DriveApp } = setup();
    const endExecution = (): void => {
      for (const hook of ws.endHooks) hook(null as never);
    };
    const draft = DriveApp.getFileById(template(DocumentApp).getId()).makeCopy('Bozza');
    const restored = DriveApp.createFile('tenuto.txt', 'uno', 'text/plain');
    draft.setTrashed(true);
    restored.setTrashed(true);
    ws.advanceClock(29 * DAY);
    restored.setTrashed(false);
    endExecution();
    expect(DriveApp.getFileById(draft.getId()).isTrashed()).toBe(true);
    ws.advanceClock(DAY);
    endExecution();
    expect(() => DriveApp.getFileById(draft.getId())).toThrow('No item with the given ID could be found');
    expect(() => DocumentApp.openById(draft.getId())).toThrow('Document is missing');
    expect(committedDoc(ws, draft.getId())).toBeNull();
    expect(DriveApp.getFileById(restored.getId()).isTrashed()).toBe(false);
  });

  // catalogue: DRIVE-PDF
  test('makeCopy into a folder keeps the content, and snapshot paths start at the root', () => {
    const { ws, DocumentApp, DriveApp } = setup();
    const tpl = template(DocumentApp);
    const year = DriveApp.createFolder('Attestati 2027');
    const course = year.createFolder('EXC-BASE');
    const copy = DriveApp.getFileById(tpl.getId()).makeCopy('Temporaneo', course);
    expect(DocumentApp.openById(copy.getId()).getBody().getText()).toContain('Si attesta che {{NOME}} {{COGNOME}}');
    const pdf = copy.getAs('application/pdf');
    const file = course.createFile(pdf).setName('A4PA-2027-00001.pdf');
    copy.setTrashed(true);
    const snap = snapshotDrive(ws);
    expect(snap.map((f) => f.path)).toEqual(['Modello attestato', 'Attestati 2027/EXC-BASE/A4PA-2027-00001.pdf']);
    expect(snap[1]).toEqual(expect.objectContaining({ id: file.getId(), mimeType: 'application/pdf' }));
    expect(snap[1]?.text).toContain('Si attesta che {{NOME}} {{COGNOME}}');
    expect(hostDriveFile(ws, file.getId())).toEqual(
      expect.objectContaining({ name: 'A4PA-2027-00001.pdf', mimeType: 'application/pdf', trashed: false }),
    );
    expect(hostDriveFile(ws, 'missing')).toBeNull();
  });

  // catalogue: DRIVE-NOT-FOUND
  test('unknown ids and unsupported conversions throw as Google does', () => {
    const { DriveApp } = setup();
    expect(() => DriveApp.getFileById('nope')).toThrow(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
    );
    const img = DriveApp.createFile('x.png', 'not really', 'image/png');
    expect(() => img.getAs('application/pdf')).toThrow(
      'Converting from image/png to application/pdf is not supported.',
    );
  });

  // catalogue: DRIVE-CONTINUATION
  test('iterators resume from a continuation token, and each step is a Drive call', () => {
    const { ws, DriveApp } = setup();
    const folder = DriveApp.createFolder('F');
    for (const n of ['1', '2', '3']) folder.createFile(`${n}.txt`, n);
    ws.resetCounts();
    const it = folder.getFiles();
    const first = it.next().getName();
    const rest = DriveApp.continueFileIterator(it.getContinuationToken());
    const names = [first];
    while (rest.hasNext()) names.push(rest.next().getName());
    expect(names).toEqual(['1.txt', '2.txt', '3.txt']);
    expect(ws.methodCounts['Drive.next']).toBe(3);
    expect(ws.methodCounts['Drive.hasNext']).toBe(3);
    expect(ws.counts.Drive).toBe(3 + 3 + 3 + 3);
  });

  // catalogue: DRIVE-FOLDERS
  test('folders by name, parents and moves', () => {
    const { DriveApp } = setup();
    const a = DriveApp.createFolder('A');
    const b = DriveApp.createFolder('B');
    const f = a.createFile('x.txt', 'x');
    f.moveTo(b);
    expect(f.getParents().next().getName()).toBe('B');
    expect(DriveApp.getFoldersByName('A').next().getId()).toBe(a.getId());
    expect(DriveApp.getRootFolder().getFoldersByName('B').hasNext()).toBe(true);
    expect(DriveApp.searchFiles(`title = 'x.txt' and '${b.getId()}' in parents`).hasNext()).toBe(true);
  });
});

describe('emulator: call counting', () => {
  test('Docs calls are counted under Docs', () => {
    const { ws, DocumentApp } = setup();
    ws.resetCounts();
    const doc = DocumentApp.create('Conta');
    doc.getBody().appendParagraph('a');
    doc.saveAndClose();
    expect(ws.methodCounts).toEqual({
      'Docs.create': 1,
      'Docs.getBody': 1,
      'Docs.appendParagraph': 1,
      'Docs.saveAndClose': 1,
    });
  });
});
