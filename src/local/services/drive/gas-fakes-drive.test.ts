import { Workspace } from '../../runtime/workspace';
import { createGlobals } from '..';

/*
 * Conformance with an independent oracle: the assertions brucemcpherson/gas-fakes makes for live Apps
 * Script in test/testdrive.js (MIT), reproduced as our own calls for the DriveApp members the emulator
 * has, on files this test makes (the suite reads fixtures in its author's Drive). Each test names the
 * lines it comes from. Left out: the advanced Drive service and raw REST calls (lines 20-151, 196-213,
 * 370-533, 558-597), permissions and sharing (152-195), starring and "shareable by editors" (342-357,
 * 714), which the emulator lacks.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function globals(): any {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  return createGlobals(ws);
}

const CONTENT = 'foo is not bar';

function folderWithText(g: any): { folder: any; file: any } {
  const folder = g.DriveApp.createFolder('gas-fakes-test-folder');
  const file = folder.createFile(g.Utilities.newBlob(CONTENT, 'text/plain', 'fake.txt'));
  return { folder, file };
}

function all(iterator: any): any[] {
  const out: any[] = [];
  while (iterator.hasNext()) out.push(iterator.next());
  return out;
}

describe('gas-fakes test/testdrive.js, as live Apps Script answers', () => {
  // catalogue: DRIVE-FOLDERS
  test('the root folder has no parents (line 216)', () => {
    expect(globals().DriveApp.getRootFolder().getParents().hasNext()).toBe(false);
  });

  // catalogue: DRIVE-SEES-WORKSPACE-FILES, DRIVE-FOLDERS
  test('DriveApp prints "Drive", the root "My Drive", a folder its name; a file reads its type, name, parent and text (lines 537-550, 694-700)', () => {
    const g = globals();
    expect(g.DriveApp.toString()).toBe('Drive');
    expect(g.DriveApp.getRootFolder().toString()).toBe('My Drive');
    const { folder, file } = folderWithText(g);
    const again = g.DriveApp.getFileById(file.getId());
    expect(again.getMimeType()).toBe('text/plain');
    expect(again.getName()).toBe('fake.txt');
    expect(again.getParents().next().getId()).toBe(folder.getId());
    expect(g.DriveApp.getFolderById(folder.getId()).toString()).toBe(folder.getName());
    expect(again.getParents().hasNext()).toBe(true);
    expect(again.getBlob().getDataAsString()).toBe(CONTENT);
  });

  // catalogue: DRIVE-FOLDERS
  test('moveTo keeps the id, bytes, size and type and changes the parent (lines 318-327)', () => {
    const g = globals();
    const file = g.DriveApp.createFile(g.Utilities.newBlob(CONTENT, 'text/plain', 'u-afile.txt'));
    expect(file.getParents().next().getId()).toBe(g.DriveApp.getRootFolder().getId());
    const folder = g.DriveApp.createFolder('destination');
    const moved = file.moveTo(folder);
    expect(moved.getId()).toBe(file.getId());
    expect(moved.getBlob().getBytes()).toEqual(file.getBlob().getBytes());
    expect(moved.getSize()).toBe(file.getBlob().getBytes().length);
    expect(moved.getMimeType()).toBe('text/plain');
    expect(moved.getParents().next().getId()).toBe(folder.getId());
  });

  // catalogue: DRIVE-FOLDERS
  test('setContent takes a string, and a blob only as its toString() "Blob" (lines 334-338)', () => {
    const g = globals();
    const cf = g.DriveApp.createFile(g.Utilities.newBlob(CONTENT, 'text/plain', 'u-cfile.txt'));
    cf.setContent('foo');
    expect(cf.getBlob().getDataAsString()).toBe('foo');
    expect(cf.getBlob().getDataAsString()).not.toBe(CONTENT);
    cf.setContent(cf.getBlob());
    expect(cf.getBlob().getDataAsString()).toBe('Blob');
  });

  // catalogue: DRIVE-FOLDERS
  test('trashed and description round-trip (lines 341-355, trashed and description only)', () => {
    const g = globals();
    const cf = g.DriveApp.createFile(g.Utilities.newBlob(CONTENT, 'text/plain', 'u-cfile.txt'));
    expect(cf.isTrashed()).toBe(false);
    cf.setDescription('foo');
    cf.setTrashed(true);
    expect(cf.isTrashed()).toBe(true);
    expect(cf.getDescription()).toBe('foo');
    cf.setTrashed(false);
    expect(cf.isTrashed()).toBe(false);
  });

  // catalogue: SCRIPT-SIGNATURE-MISMATCH
  test('moveTo without a folder is refused as Apps Script refuses a signature (lines 360-361)', () => {
    const g = globals();
    const file = g.DriveApp.createFile(g.Utilities.newBlob(CONTENT, 'text/plain', 'x.txt'));
    expect(() => file.moveTo()).toThrow(/The parameters \(\) don't match/);
    expect(() => file.moveTo('rubbish')).toThrow(/The parameters \(String\)/);
  });

  // catalogue: DRIVE-FOLDERS
  test('PDFs are found by type, in Drive and in the root (lines 609-627)', () => {
    const g = globals();
    g.DriveApp.createFile(g.Utilities.newBlob('%PDF-1.4', 'application/pdf', 'a.pdf'));
    const pdfs = all(g.DriveApp.getFilesByType('application/pdf'));
    expect(pdfs.length >= 1).toBe(true);
    expect(pdfs.every((f) => f.getMimeType() === 'application/pdf')).toBe(true);
    const rootPdfs = all(g.DriveApp.getRootFolder().getFilesByType('application/pdf'));
    expect(rootPdfs.length >= 1).toBe(true);
    expect(rootPdfs.every((f) => f.getMimeType() === 'application/pdf')).toBe(true);
  });

  // catalogue: DRIVE-FOLDERS
  test('folders and files are found by name, in the folder and in Drive (lines 652-679)', () => {
    const g = globals();
    const { folder } = folderWithText(g);
    folder.createFile(g.Utilities.newBlob('other', 'text/plain', 'second.txt'));
    expect(all(g.DriveApp.getRootFolder().getFoldersByName('gas-fakes-test-folder'))).toHaveLength(1);
    const byName = g.DriveApp.getFoldersByName(folder.getName());
    expect(byName.hasNext()).toBe(true);
    expect(byName.next().getName()).toBe(folder.getName());
    const files = all(folder.getFiles());
    expect(files).toHaveLength(2);
    for (const file of files) {
      const matches = folder.getFilesByName(file.getName());
      expect(matches.hasNext()).toBe(true);
      expect(matches.next().getId()).toBe(file.getId());
      expect(matches.hasNext()).toBe(false);
      const inDrive = g.DriveApp.getFilesByName(file.getName());
      expect(inDrive.hasNext()).toBe(true);
      expect(inDrive.next().getName()).toBe(file.getName());
    }
  });

  // catalogue: DRIVE-SEES-WORKSPACE-FILES
  test('files, folders and spreadsheets have dates, sizes and a description or null (lines 707-739, not starring)', () => {
    const g = globals();
    const { folder, file } = folderWithText(g);
    expect(file.getLastUpdated()).toBeInstanceOf(Date);
    expect(file.getDateCreated()).toBeInstanceOf(Date);
    expect(typeof file.getDescription() === 'string' || file.getDescription() === null).toBe(true);
    expect(file.getSize()).toBe(CONTENT.length);
    expect(file.isTrashed()).toBe(false);
    expect(file.getMimeType()).toBe('text/plain');
    expect(folder.getLastUpdated()).toBeInstanceOf(Date);
    expect(folder.getDateCreated()).toBeInstanceOf(Date);
    expect(typeof folder.getSize()).toBe('number');
    const sheetFile = g.DriveApp.getFileById(g.SpreadsheetApp.create('gas-fakes sheet').getId());
    expect(sheetFile.getLastUpdated()).toBeInstanceOf(Date);
    expect(sheetFile.getDateCreated()).toBeInstanceOf(Date);
    expect(sheetFile.getName()).toBe('gas-fakes sheet');
    expect(sheetFile.getSize() > 0).toBe(true);
    expect(sheetFile.getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
  });

  // catalogue: DRIVE-SEES-WORKSPACE-FILES
  test('a null, undefined or empty id is refused (lines 759-776)', () => {
    const { DriveApp } = globals();
    expect(() => DriveApp.getFileById(null)).toThrow(/Invalid argument: id/);
    expect(() => DriveApp.getFileById(undefined)).toThrow(/Invalid argument: id/);
    expect(() => DriveApp.getFileById('')).toThrow(/Invalid argument: id|Unexpected error/);
    expect(() => DriveApp.getFolderById(null)).toThrow(/Invalid argument: id/);
    expect(() => DriveApp.getFolderById(undefined)).toThrow(/Invalid argument: id/);
    expect(() => DriveApp.getFolderById('')).toThrow(/Invalid argument: id|Unexpected error/);
  });
});
