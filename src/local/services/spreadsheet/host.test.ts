import { Workspace } from '../../runtime/workspace';
import {
  appendRowsToSheet,
  editEvent,
  ensureSheet,
  hostAppendRecords,
  hostEditCells,
  hostReadTab,
  snapshotSheets,
} from '.';
import { romeMidnight, setup } from './testing';

describe('emulator: host API', () => {
  function registry() {
    const ctx = setup();
    const iscrizioni = ctx.ss.insertSheet('Iscrizioni');
    iscrizioni.getRange('A1:E1').setValues([['ID', 'Data richiesta', 'Corso', 'Modalità', 'Attivo']]);
    iscrizioni.getRange('E2:E50').setDataValidation(ctx.app.newDataValidation().requireCheckbox().build());
    iscrizioni.getRange('A2:A50').setNumberFormat('@');
    ctx.ws.resetCounts();
    return { ...ctx, iscrizioni };
  }

  test('hostAppendRecords types rows by header (any order, case and accents ignored) below the last row', () => {
    const { ws, id } = registry();
    const placed = hostAppendRecords(ws, id, 'Iscrizioni', [
      { corso: 'EXC-BASE', 'Data richiesta': '2027-02-01', ID: '00012', ' MODALITA ': 'Online' },
      { Attivo: true, Corso: 'GDPR-BASE', 'Data richiesta': '05/02/2027' },
    ]);
    expect(placed).toEqual({ row: 2, numRows: 2, numColumns: 5 });
    const tab = hostReadTab(ws, id, 'Iscrizioni');
    expect(tab?.header).toEqual(['ID', 'Data richiesta', 'Corso', 'Modalità', 'Attivo']);
    expect(tab?.rows).toEqual([
      ['00012', romeMidnight('2027-02-01'), 'EXC-BASE', 'Online', false],
      ['', romeMidnight('2027-02-05'), 'GDPR-BASE', '', true],
    ]);
    expect(ws.counts.Spreadsheet).toBe(0);
  });

  test('hostAppendRecords refuses a key that matches no header', () => {
    const { ws, id } = registry();
    expect(() => hostAppendRecords(ws, id, 'Iscrizioni', [{ Colore: 'rosso' }])).toThrow(
      'Tab "Iscrizioni" has no column "Colore".',
    );
  });

  test('hostEditCells edits the matching rows (a date cell matches an ISO date) and returns the edited cells', () => {
    const { ws, id } = registry();
    hostAppendRecords(ws, id, 'Iscrizioni', [
      { ID: 'I00001', 'Data richiesta': '2027-02-01', Corso: 'EXC-BASE' },
      { ID: 'I00002', 'Data richiesta': '2027-02-02', Corso: 'EXC-BASE' },
    ]);
    const edited = hostEditCells(
      ws,
      id,
      'Iscrizioni',
      { Corso: 'EXC-BASE', 'Data richiesta': '2027-02-02' },
      { Attivo: true, Modalità: 'Mista' },
    );
    expect(edited).toEqual([
      { row: 3, column: 5, oldValue: false, value: true },
      { row: 3, column: 4, oldValue: '', value: 'Mista' },
    ]);
    expect(hostEditCells(ws, id, 'Iscrizioni', { ID: 'I00009' }, { Attivo: true })).toEqual([]);
  });

  test('appendRowsToSheet stores raw values (Dates stay Dates, strings are not parsed)', () => {
    const { ws, id } = registry();
    ensureSheet(ws, id, 'Risposte del modulo 1');
    const at = new Date('2027-02-01T10:15:00+01:00');
    appendRowsToSheet(ws, id, 'Risposte del modulo 1', [['Informazioni cronologiche', 'Email']]);
    expect(appendRowsToSheet(ws, id, 'Risposte del modulo 1', [[at, '=1+1']])).toEqual({ row: 2, numRows: 1 });
    expect(hostReadTab(ws, id, 'Risposte del modulo 1')?.rows).toEqual([[at, '=1+1']]);
    expect(snapshotSheets(ws, id)['Risposte del modulo 1']?.formulas).toEqual([]);
  });

  test('editEvent builds the onEdit event from the script-side facades', () => {
    const { ws, id } = registry();
    hostAppendRecords(ws, id, 'Iscrizioni', [{ ID: 'I00001', Corso: 'EXC-BASE' }]);
    const e = editEvent(ws, id, 'Iscrizioni', 2, 3, 1, 1, { oldValue: 'GDPR' }) as {
      source: GoogleAppsScript.Spreadsheet.Spreadsheet;
      range: GoogleAppsScript.Spreadsheet.Range;
      value: unknown;
      oldValue: unknown;
      user: GoogleAppsScript.Base.User;
    };
    expect(e.source.getId()).toBe(id);
    expect(e.range.getA1Notation()).toBe('C2');
    expect(e.range.getSheet().getName()).toBe('Iscrizioni');
    expect(e.range.getValue()).toBe('EXC-BASE');
    expect(e.value).toBe('EXC-BASE');
    expect(e.oldValue).toBe('GDPR');
    expect(e.user.getEmail()).toBe(ws.state.owner);
    const block = editEvent(ws, id, 'Iscrizioni', 2, 1, 1, 3);
    expect('value' in block).toBe(false);
  });

  test('snapshotSheets lists every tab: Dates as ISO with the Rome offset, checkboxes as booleans, empty as ""', () => {
    const { ws, id, iscrizioni } = registry();
    iscrizioni.getRange('G1').setValue('Extra');
    hostAppendRecords(ws, id, 'Iscrizioni', [{ ID: 'I00001', 'Data richiesta': '2027-07-01', Corso: 'EXC-BASE' }]);
    iscrizioni.getRange('G2').setValue('09:00');
    const snap = snapshotSheets(ws, id);
    expect(Object.keys(snap)).toEqual(['Foglio1', 'Iscrizioni']);
    expect(snap.Foglio1).toEqual({ header: [], rows: [], formulas: [] });
    expect(snap.Iscrizioni?.header).toEqual(['ID', 'Data richiesta', 'Corso', 'Modalità', 'Attivo', '', 'Extra']);
    expect(snap.Iscrizioni?.rows).toEqual([
      {
        ID: 'I00001',
        'Data richiesta': '2027-07-01T00:00:00+02:00',
        Corso: 'EXC-BASE',
        Modalità: '',
        Attivo: false,
        F: '',
        Extra: '1899-12-30T09:00:00+01:00',
      },
    ]);
  });
});

describe('emulator: call counting', () => {
  test('every script method is one Spreadsheet call carrying the cells it moves', () => {
    const { sheet, ws } = setup();
    const range = sheet.getRange(1, 1, 10, 4);
    range.setValues(Array.from({ length: 10 }, () => ['a', 'b', 'c', 'd']));
    range.getValues();
    expect(ws.methodCounts).toEqual({
      'Spreadsheet.getRange': 1,
      'Spreadsheet.setValues': 1,
      'Spreadsheet.getValues': 1,
    });
    expect(ws.counts.Spreadsheet).toBe(3);
  });

  test('the cells moved are charged by the latency model', () => {
    const { sheet, ws } = setup();
    const before = ws.now();
    sheet.getRange(1, 1, 100, 10).getValues();
    expect(ws.now() - before).toBeCloseTo(7 + 40 + 1000 * 0.03, 5);
  });

  test('accessors of a handle in hand are not calls', () => {
    const { ss, sheet, ws } = setup();
    const range = sheet.getRange('B2:C4');
    ws.resetCounts();
    expect([
      range.getRow(),
      range.getColumn(),
      range.getNumRows(),
      range.getNumColumns(),
      range.getLastRow(),
      range.getLastColumn(),
    ]).toEqual([2, 2, 3, 2, 4, 3]);
    expect(range.getA1Notation()).toBe('B2:C4');
    expect(range.getSheet().getName()).toBe('Foglio1');
    expect(range.getGridId()).toBe(sheet.getSheetId());
    expect([sheet.getName(), sheet.getSheetName(), sheet.getIndex(), sheet.getParent().getId()]).toEqual([
      'Foglio1',
      'Foglio1',
      1,
      ss.getId(),
    ]);
    expect(ws.counts.Spreadsheet).toBe(0);
  });

  test('getting objects counts: getSheetByName, getRange, getSheets, getActiveSpreadsheet', () => {
    const { app, ws } = setup();
    app.getActiveSpreadsheet().getSheetByName('Foglio1')?.getRange('A1');
    expect(ws.methodCounts).toEqual({
      'Spreadsheet.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Spreadsheet.getRange': 1,
    });
  });

  test('an injected Spreadsheet fault makes the next call throw', () => {
    const { sheet, ws } = setup();
    ws.injectFault('Spreadsheet', 1, 'Service Spreadsheets timed out while accessing document with id x.');
    expect(() => sheet.getLastRow()).toThrow('Service Spreadsheets timed out');
    expect(sheet.getLastRow()).toBe(0);
  });

  test('the state is plain data that survives a structured clone', () => {
    const { sheet, ws, id } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Quando', 'Presente'],
      ['2027-03-02', true],
    ]);
    const copy = new Workspace(structuredClone(ws.state));
    expect(snapshotSheets(copy, id)).toEqual(snapshotSheets(ws, id));
    const when = hostReadTab(copy, id, 'Foglio1')?.rows[0]?.[0];
    expect(Object.prototype.toString.call(when)).toBe('[object Date]');
  });
});

// catalogue: SHEETS-TIMEZONE-LOCALE
describe('time zone and locale', () => {
  test('a spreadsheet has its own zone and locale, independent of the script’s, and can change them', () => {
    const { ss } = setup({ timeZone: 'America/New_York', locale: 'en_US' });
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    ss.setSpreadsheetTimeZone('Europe/Rome');
    ss.setSpreadsheetLocale('it_IT');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Rome');
    expect(ss.getSpreadsheetLocale()).toBe('it_IT');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument: timezone');
  });

  test('typed dates are read, and dates shown, in the spreadsheet’s zone and locale', () => {
    const { sheet } = setup({ timeZone: 'America/New_York', locale: 'en_US' });
    sheet.getRange('A1:C1').setValues([['2027-02-01', '2/3/2027', '1.5']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([
      [new Date('2027-02-01T00:00:00-05:00'), new Date('2027-02-03T00:00:00-05:00'), 1.5],
    ]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['2/1/2027', '2/3/2027', '1.5']]);
    sheet.getRange('D1').setValue(true);
    expect(sheet.getRange('D1').getDisplayValue()).toBe('TRUE');
  });

  test('the same instant shows as another day in Rome than in New York', () => {
    const instant = new Date('2027-02-01T03:00:00+01:00');
    const rome = setup();
    rome.sheet.getRange('A1').setValue(instant);
    const newYork = setup({ timeZone: 'America/New_York', locale: 'en_US' });
    newYork.sheet.getRange('A1').setValue(instant);
    expect(rome.sheet.getRange('A1').getDisplayValue()).toBe('01/02/2027 03.00.00');
    expect(newYork.sheet.getRange('A1').getDisplayValue()).toBe('1/31/2027 21:00:00');
  });
});

// catalogue: SHEETS-A1-WHOLE
describe('whole rows and columns', () => {
  test('5:7 is whole rows and D:F whole columns, and their notation reads back the same', () => {
    const { sheet } = setup();
    const rows = sheet.getRange('5:7');
    expect([rows.getA1Notation(), rows.getRow(), rows.getNumRows(), rows.getNumColumns()]).toEqual(['5:7', 5, 3, 26]);
    const columns = sheet.getRange('D:F');
    expect([columns.getA1Notation(), columns.getColumn(), columns.getNumRows(), columns.getNumColumns()]).toEqual([
      'D:F',
      4,
      1000,
      3,
    ]);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C');
    expect(sheet.getRange(5, 1, 3, 26).getA1Notation()).toBe('A5:Z7');
  });
});

// catalogue: SHEETS-TOSTRING
describe('toString', () => {
  test('Apps Script objects print as their class names, enums as their names', () => {
    const { app, ss, sheet } = setup();
    const rule = app.newDataValidation().requireCheckbox();
    expect([
      String(app),
      String(ss),
      String(sheet),
      String(sheet.getRange('A1')),
      String(sheet.protect()),
      String(rule),
      String(rule.build()),
      String(app.ProtectionType.RANGE),
    ]).toEqual([
      'SpreadsheetApp',
      'Spreadsheet',
      'Sheet',
      'Range',
      'Protection',
      'DataValidationBuilder',
      'DataValidation',
      'RANGE',
    ]);
  });
});

// catalogue: SHEETS-ISBLANK
describe('isBlank', () => {
  test('a range is blank when no cell has a value or a formula; notes and formats do not count', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setNote('nota').setBackground('#ff0000');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setFormula('=1+1');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
    expect(sheet.getRange('A1:B1').isBlank()).toBe(true);
  });
});
