import { Runtime } from '../../runtime/runtime';
import { isoInZone } from '../../../core/time/zone';
import { boundSpreadsheetId, ensureSheet, hostTabNames, snapshotSheets } from '.';
import { romeMidnight, setup, type Sheet } from './testing';

describe('spreadsheet creation and tabs', () => {
  // catalogue: SHEETS-DEFAULT-NAMES, SHEETS-TIMEZONE-LOCALE
  test('a bound spreadsheet is the active one, owned and edited by the workspace owner, with one Italian-named tab', () => {
    const { ws, id, app, ss } = setup();
    expect(boundSpreadsheetId(ws)).toBe(id);
    expect(app.getActive().getId()).toBe(id);
    expect(ss.getName()).toBe('Academy4PA');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Foglio1']);
    expect(ss.getOwner()?.getEmail()).toBe(ws.state.owner);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([ws.state.owner]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Rome');
    expect(ss.getSpreadsheetLocale()).toBe('it_IT');
  });

  // catalogue: SHEETS-SHEET-NAME-TAKEN
  test('sheet names are unique, with Google’s message', () => {
    const { ss } = setup();
    ss.insertSheet('Corsi');
    expect(() => ss.insertSheet('Corsi')).toThrow(
      'A sheet with the name "Corsi" already exists. Please enter another name.',
    );
    const other = ss.insertSheet('Altro');
    expect(() => other.setName('Corsi')).toThrow(
      'A sheet with the name "Corsi" already exists. Please enter another name.',
    );
  });

  // catalogue: SHEETS-DELETE-LIMITS
  test('insertSheet places the tab at a 0-based index and activates it; deleteSheet removes it but never the last one', () => {
    const { ss, app } = setup();
    ss.insertSheet('B');
    const a = ss.insertSheet('A', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'Foglio1', 'B']);
    expect(a.getIndex()).toBe(1);
    expect(app.getActiveSheet().getName()).toBe('A');
    ss.deleteSheet(a);
    ss.deleteSheet(ss.getSheetByName('B') as Sheet);
    expect(ss.getSheetByName('B')).toBeNull();
    expect(() => ss.deleteSheet(ss.getSheets()[0] as Sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  // catalogue: SHEETS-OPEN-BY-ID
  test('openById opens a spreadsheet by id and refuses an unknown one; create makes a standalone one', () => {
    const { app, ws } = setup();
    const made = app.create('Altro file');
    expect(app.openById(made.getId()).getName()).toBe('Altro file');
    expect(boundSpreadsheetId(ws)).not.toBe(made.getId());
    expect(() => app.openById('nope')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });
});

describe('values', () => {
  // catalogue: SHEETS-VALUES-TYPES
  test('getValues returns numbers, strings, booleans, Dates and empty strings as written', () => {
    const { sheet } = setup();
    const when = new Date('2027-03-02T09:30:00+01:00');
    sheet.getRange(1, 1, 2, 3).setValues([
      [1.5, 'testo', true],
      [when, null, ''],
    ]);
    const values = sheet.getRange('A1:C2').getValues();
    expect(values).toEqual([
      [1.5, 'testo', true],
      [when, '', ''],
    ]);
    expect(values[1]?.[0]).toBeInstanceOf(Date);
    expect(sheet.getRange('B1').getValue()).toBe('testo');
  });

  // catalogue: SHEETS-VALUES-TYPES
  test('inside the script runtime a date cell reads as a Date of the script, and Dates it writes are kept', () => {
    const { ws, sheet } = setup();
    sheet.getRange('A1').setValue('2027-03-02');
    const code = `function probe() {
      var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Foglio1').getRange('A1:B1');
      range.offset(0, 1, 1, 1).setValue(new Date(Date.UTC(2027, 2, 2, 23)));
      var values = range.getValues();
      return [values[0][0] instanceof Date, values[0][1] instanceof Date, values[0][1].getTime() - values[0][0].getTime()];
    }`;
    const result = new Runtime(ws, code).run('probe');
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual([true, true, 24 * 3600 * 1000]);
  });

  // catalogue: SHEETS-VALUES-TYPES
  test('a Date read back is a copy: changing it does not change the cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(romeMidnight('2027-03-02'));
    (sheet.getRange('A1').getValue() as Date).setFullYear(1990);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2027-03-01T23:00:00.000Z');
  });

  // catalogue: SHEETS-RANGE-BOUNDS, SHEETS-RANGE-MIN-SIZE
  test('coordinates below 1 throw Apps Script’s errors; reading past the last row reads empty cells', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 0, 1, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(sheet.getRange(50, 2, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  // catalogue: SHEETS-RANGE-BOUNDS
  test("a range past the sheet's last row or column throws Google's message; insertRowsAfter and appendRow grow it", () => {
    const { sheet } = setup();
    const outside = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(outside);
    expect(() => sheet.getRange(1, 26, 1, 2)).toThrow(outside);
    expect(() => sheet.getRange('A999:A1001')).toThrow(outside);
    expect(() => sheet.getRange('A1').offset(1000, 0)).toThrow(outside);
    expect(() => sheet.getSheetValues(1, 1, 1001, 1)).toThrow(outside);
    sheet.insertRowsAfter(1000, 2);
    sheet.getRange(1001, 1, 2, 1).setValues([['a'], ['b']]);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getLastRow()).toBe(1002);
    sheet.getRange(1, 1, 1002, 1).setValues(Array.from({ length: 1002 }, () => ['x']));
    sheet.appendRow(['grows']);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(sheet.getRange(1003, 1).getValue()).toBe('grows');
  });

  // catalogue: SHEETS-CELL-CHARS
  test('a cell over 50,000 characters throws Google’s message and nothing is written', () => {
    const { sheet } = setup();
    const message = 'Your input contains more than the maximum of 50000 characters in a single cell.';
    const long = 'x'.repeat(50_001);
    expect(() => sheet.getRange('A1:B1').setValues([['ok', long]])).toThrow(message);
    expect(() => sheet.getRange('A2').setValue(long)).toThrow(message);
    expect(() => sheet.appendRow(['ok', long])).toThrow(message);
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue())).toHaveLength(50_000);
  });

  // catalogue: SHEETS-SETVALUES-SHAPE
  test('setValues refuses data of the wrong shape with Apps Script’s messages, writing nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:C1').setValues([1, 2, 3] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => sheet.getRange('A1:B2').setValues([['x', 'y']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([['x'], ['y', 'z']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  // catalogue: SHEETS-SETVALUE-BLOCK
  test('setValue on a block fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });
});

// catalogue: SHEETS-TYPED-INPUT
describe('typed input', () => {
  // catalogue: SHEETS-TYPED-INPUT, SHEETS-FORMULAS
  test('a string starting with = becomes a formula: its value is computed, the formula is kept', () => {
    const { sheet, ws, id } = setup();
    sheet.getRange('A1:B1').setValues([['Totale', '=SUM(C2:C9)']]);
    expect(sheet.getRange('B1').getValue()).toBe(0);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '=SUM(C2:C9)']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(C2:C9)');
    expect(snapshotSheets(ws, id).Foglio1?.formulas).toEqual(['B1']);
  });

  test('a leading apostrophe stores the rest as text, without the apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['\'=HYPERLINK("x")', "'019035", "'+39 333"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=HYPERLINK("x")', '019035', '+39 333']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
  });

  test('in a plain-text cell (@) nothing is parsed', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setNumberFormat('@');
    sheet.getRange('A1:C1').setValues([['019035', '=1+1', '2027-03-02']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['019035', '=1+1', '2027-03-02']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
  });

  test('numeric strings become numbers (decimal point or comma), percentages fractions; other text stays text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['019035', '1,5', '2.25', '75%', ' 12 ', 'EXC-BASE']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[19035, 1.5, 2.25, 0.75, 12, 'EXC-BASE']]);
    expect(sheet.getRange('D1').getNumberFormat()).toBe('0%');
  });

  test('TRUE/FALSE in any case (and VERO/FALSO) become booleans', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['TRUE', 'false', 'Vero', 'FALSO']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[true, false, true, false]]);
  });

  test('ISO and Italian dates become Dates at midnight in Europe/Rome', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['2027-03-02', '02/03/2027', '30/03/2027']]);
    const [iso, it, summer] = sheet.getRange('A1:C1').getValues()[0] as Date[];
    expect(iso).toBeInstanceOf(Date);
    expect(iso?.toISOString()).toBe('2027-03-01T23:00:00.000Z');
    expect(it?.toISOString()).toBe('2027-03-01T23:00:00.000Z');
    expect(summer?.toISOString()).toBe('2027-03-29T22:00:00.000Z');
    expect(sheet.getRange('A2').setValue('31/02/2027').getValue()).toBe('31/02/2027');
  });

  test('times become Dates on 1899-12-30 at that wall-clock time in Europe/Rome', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['09:00', '17:45:30']]);
    const [start, end] = sheet.getRange('A1:B1').getValues()[0] as Date[];
    expect(start).toBeInstanceOf(Date);
    // Rome's zone data gives +01:00 in 1899 (its mean time ended in 1893), so 09:00 is 08:00Z.
    expect(start?.toISOString()).toBe('1899-12-30T08:00:00.000Z');
    expect(isoInZone((start as Date).getTime())).toBe('1899-12-30T09:00:00+01:00');
    expect(isoInZone((end as Date).getTime())).toBe('1899-12-30T17:45:30+01:00');
  });

  test('non-string values are stored as given; null and undefined make the cell empty', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[42, false, 'x']]);
    sheet.getRange('A1:C1').setValues([[null, undefined, 0]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '', 0]]);
  });
});

describe('display values (it_IT)', () => {
  // catalogue: SHEETS-DISPLAY-VALUES
  test('numbers use the decimal comma; formats are applied; dates show as dd/MM/yyyy; booleans in Italian', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([[1.5, 1234.5, 0.75, '2027-03-02', true, '09:00']]);
    sheet.getRange('B1').setNumberFormat('#,##0.00 €');
    sheet.getRange('C1').setNumberFormat('0%');
    sheet.getRange('F1').setNumberFormat('HH:mm');
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['1,5', '1.234,50 €', '75%', '02/03/2027', 'VERO', '09:00'],
    ]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1,5');
  });
});

describe('last row and data range', () => {
  // catalogue: SHEETS-LAST-ROW
  test('an empty sheet has last row 0 and a data range of A1', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  // catalogue: SHEETS-LAST-ROW, SHEETS-FORMULAS
  test('last row and column follow the content, formulas included', () => {
    const { sheet } = setup();
    sheet.getRange('B3').setValue('x');
    sheet.getRange('D2').setFormula('=B3');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
  });

  // catalogue: SHEETS-SHEETVALUES-EMPTY
  test('getSheetValues(1, 1, -1, -1) reads the whole used area in one call', () => {
    const { sheet, ws } = setup();
    sheet.getRange('A1:C3').setValues([
      ['ID', 'Nome', 'Attivo'],
      ['D00001', 'Anna', true],
      ['D00002', 'Luca', false],
    ]);
    ws.resetCounts();
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual([
      ['ID', 'Nome', 'Attivo'],
      ['D00001', 'Anna', true],
      ['D00002', 'Luca', false],
    ]);
    expect(sheet.getSheetValues(2, 2, -1, 1)).toEqual([['Anna'], ['Luca']]);
    expect(ws.methodCounts).toEqual({ 'Spreadsheet.getSheetValues': 2 });
  });

  // catalogue: SHEETS-SHEETVALUES-EMPTY (unverified: both answers pinned)
  test('getSheetValues(1, 1, -1, -1) on a sheet without data throws (strict) or returns no rows (lenient)', () => {
    expect(() => setup({ variant: 'strict' }).sheet.getSheetValues(1, 1, -1, -1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => setup({ variant: 'strict' }).sheet.getSheetValues(1, 1, 1, -1)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(setup({ variant: 'lenient' }).sheet.getSheetValues(1, 1, -1, -1)).toEqual([]);
  });

  // catalogue: SHEETS-INSERT-ROWS-FORMAT, SHEETS-LAST-ROW
  test('inserted rows shift the content down; deleted rows pull it up', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    sheet.deleteRow(1);
    expect(sheet.getRange('A1:A2').getValues().flat()).toEqual(['b', 'c']);
    expect(sheet.getMaxRows()).toBe(999);
  });

  // catalogue: SHEETS-APPENDROW, SHEETS-LAST-ROW, SHEETS-TYPED-INPUT
  test('appendRow writes below the last row, interpreting values as typed', () => {
    const { sheet } = setup();
    sheet.appendRow(['Quando', 'Chi']);
    sheet.appendRow(['2027-03-02', 'anna@x.it']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getRange('A2').getValue()).toEqual(romeMidnight('2027-03-02'));
    // A cell lower in another column is content too: the row goes below it, from column A.
    sheet.getRange('D4').setValue('nota');
    expect(sheet.appendRow(['=1+1', "'=2+2", 'x'])).toBe(sheet);
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getRange('A5:C5').getValues()).toEqual([[2, '=2+2', 'x']]);
    expect(sheet.getRange('A3:C4').getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });
});

describe('emulator: host helpers', () => {
  test('host tab helpers list and add tabs without counting script calls', () => {
    const { ws, id } = setup();
    ensureSheet(ws, id, 'Risposte del modulo 1');
    ensureSheet(ws, id, 'Risposte del modulo 1');
    expect(hostTabNames(ws, id)).toEqual(['Foglio1', 'Risposte del modulo 1']);
    expect(ws.counts.Spreadsheet).toBe(0);
  });
});
