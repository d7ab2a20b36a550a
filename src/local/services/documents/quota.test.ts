import { Workspace } from '../../runtime/workspace';
import { setDailyRemaining } from '../quota';
import { driveGlobals } from '../drive';
import { documentGlobals, DOCS_CREATED_PER_DAY, DOCS_QUOTA_NAME } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function setup() {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  const { DocumentApp } = documentGlobals(ws) as { DocumentApp: any };
  const { DriveApp } = driveGlobals(ws) as { DriveApp: any };
  return { ws, DocumentApp, DriveApp };
}

describe('documents created a day', () => {
  // catalogue: QUOTA-DAILY-DOCS-CREATED
  test('DocumentApp.create past the allowance throws Apps Script message, and the day after works again', () => {
    const { ws, DocumentApp } = setup();
    setDailyRemaining(ws, DOCS_QUOTA_NAME, DOCS_CREATED_PER_DAY, 1);
    DocumentApp.create('Modello attestato');
    expect(() => DocumentApp.create('Secondo')).toThrow('Service invoked too many times for one day: docs create.');
    ws.advanceClock(24 * 60 * 60 * 1000);
    expect(DocumentApp.create('Terzo').getName()).toBe('Terzo');
  });

  // catalogue: DOCS-COPY-COUNTS-AS-CREATED
  test('strictly, a Drive copy of a Doc spends the same allowance; copying another file does not', () => {
    const { ws, DocumentApp, DriveApp } = setup();
    const template = DocumentApp.create('Modello attestato');
    template.saveAndClose();
    const text = DriveApp.createFile('note.txt', 'ciao');
    setDailyRemaining(ws, DOCS_QUOTA_NAME, DOCS_CREATED_PER_DAY, 1);
    const file = DriveApp.getFileById(template.getId());
    file.makeCopy('Attestato 1');
    text.makeCopy('note 2.txt');
    expect(() => file.makeCopy('Attestato 2')).toThrow('Service invoked too many times for one day: docs create.');
  });
});
