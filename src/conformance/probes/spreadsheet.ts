/** Probes for the catalogue's Spreadsheets entries (SHEETS-*). */
import { plain, thrown, type Probe } from '../probe';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

/** What `getSheetValues` answers on a sheet, or the message it throws. */
function sheetValuesAnswer(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): unknown {
  const message = thrown(() => sheet.getSheetValues(1, 1, rows, columns));
  return message === null ? { rows: sheet.getSheetValues(1, 1, rows, columns) } : { error: message };
}

function typeName(value: unknown): string {
  return Object.prototype.toString.call(value) === '[object Date]' ? 'date' : typeof value;
}

export const spreadsheetProbes: Probe[] = [
  {
    id: 'SHEETS-VALUES-TYPES',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:D1').setValues([[1.5, 'testo', true, new Date(Date.UTC(2027, 1, 1, 8))]]);
      const [row = []] = sheet.getRange('A1:E1').getValues();
      return { types: row.map(typeName), empty: row[4] };
    },
    expected: { value: { types: ['number', 'string', 'boolean', 'date', 'string'], empty: '' } },
  },
  {
    id: 'SHEETS-DISPLAY-VALUES',
    run: ({ spreadsheet, freshSheet }) => {
      spreadsheet.setSpreadsheetLocale('it_IT');
      spreadsheet.setSpreadsheetTimeZone('Europe/Rome');
      const sheet = freshSheet();
      sheet.getRange('A1:C1').setValues([[1.5, true, new Date(Date.UTC(2027, 1, 1, 8))]]);
      return sheet.getRange('A1:C1').getDisplayValues()[0];
    },
    expected: { value: ['1,5', 'VERO', '01/02/2027 09.00.00'] },
  },
  {
    id: 'SHEETS-DISPLAY-LOCALE',
    run: ({ spreadsheet, freshSheet }) => {
      spreadsheet.setSpreadsheetLocale('it_IT');
      spreadsheet.setSpreadsheetTimeZone('Europe/Rome');
      const sheet = freshSheet();
      const range = sheet.getRange('A1:D1');
      range.setValues([[1234.5, 1.0667, 46447, -42.5]]);
      range.setNumberFormats([['#,##0.00 "€"', '0%', 'dd/MM/yyyy', '0.00;(0.00)']]);
      return range.getDisplayValues()[0];
    },
    expected: { value: ['1.234,50 €', '107%', '01/03/2027', '(42,50)'] },
  },
  {
    id: 'SHEETS-SETVALUES-SHAPE',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      return {
        rows: thrown(() => sheet.getRange('A1:B2').setValues([['x', 'y']])),
        columns: thrown(() => sheet.getRange('A1:B2').setValues([['x'], ['y']])),
        written: sheet.getLastRow(),
      };
    },
    expected: {
      value: {
        rows: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
        columns:
          'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
        written: 0,
      },
    },
  },
  {
    id: 'SHEETS-RANGE-BOUNDS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      return {
        rows: thrown(() => sheet.getRange(sheet.getMaxRows(), 1, 2, 1)),
        columns: thrown(() => sheet.getRange(1, sheet.getMaxColumns(), 1, 2)),
        belowOne: thrown(() => sheet.getRange(0, 1)),
        maxRows: sheet.getMaxRows(),
      };
    },
    expected: { value: { rows: OUTSIDE, columns: OUTSIDE, belowOne: OUTSIDE, maxRows: 1000 } },
  },
  {
    id: 'SHEETS-RANGE-MIN-SIZE',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      return { rows: thrown(() => sheet.getRange(1, 1, 0, 1)), columns: thrown(() => sheet.getRange(1, 1, 1, 0)) };
    },
    expected: {
      value: {
        rows: 'The number of rows in the range must be at least 1.',
        columns: 'The number of columns in the range must be at least 1.',
      },
    },
  },
  {
    id: 'SHEETS-BACKGROUNDS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B1').setBackgrounds([['#fde2e1', '#fff2cc']]);
      sheet.getRange('B1').setBackground(null);
      sheet.getRange('A2:B2').setBackgrounds([['#fde2e1', '#fde2e1']]);
      sheet.getRange('A2:B2').setBackgrounds([[null, '#fde2e1']]);
      return sheet.getRange('A1:B3').getBackgrounds();
    },
    expected: {
      value: [
        ['#fde2e1', '#ffffff'],
        ['#ffffff', '#fde2e1'],
        ['#ffffff', '#ffffff'],
      ],
    },
  },
  {
    id: 'SHEETS-CELL-CHARS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const error = thrown(() => sheet.getRange('A1:B1').setValues([['ok', new Array(50_002).join('x')]]));
      sheet.getRange('A2').setValue(new Array(50_001).join('x'));
      return { error, written: sheet.getRange('A1').getValue(), limit: String(sheet.getRange('A2').getValue()).length };
    },
    expected: {
      value: {
        error: 'Your input contains more than the maximum of 50000 characters in a single cell.',
        written: '',
        limit: 50_000,
      },
    },
  },
  {
    id: 'SHEETS-TYPED-INPUT',
    run: ({ spreadsheet, freshSheet }) => {
      spreadsheet.setSpreadsheetLocale('it_IT');
      spreadsheet.setSpreadsheetTimeZone('Europe/Rome');
      const sheet = freshSheet();
      sheet.getRange('A1:F1').setValues([['42', "'007", '75%', 'VERO', '2027-02-01', '=1+1']]);
      return plain(sheet.getRange('A1:F1').getValues()[0]);
    },
    expected: { value: [42, '007', 0.75, true, '2027-01-31T23:00:00.000Z', 2] },
  },
  {
    id: 'SHEETS-FORMULAS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet
        .getRange('A1:M1')
        .setValues([
          [
            2,
            3,
            '=A1*B1',
            '=SUM(A1:B1)',
            '=IF(A1>1,"si","no")',
            '=COUNTIF(A1:B1,">2")',
            '=VLOOKUP(3,B1:C1,2,FALSE)',
            '=CONCATENATE("a",A1)',
            '=UPPER("ab")',
            '=YEAR(DATE(2027,2,1))',
            '=NONESUCH(1)',
            '=1/0',
            "='No such tab'!A1",
          ],
        ]);
      return { values: sheet.getRange('A1:M1').getValues()[0], formula: sheet.getRange('C1').getFormula() };
    },
    expected: {
      value: {
        values: [2, 3, 6, 5, 'si', 1, 6, 'a2', 'AB', 2027, '#NAME?', '#DIV/0!', '#REF!'],
        formula: '=A1*B1',
      },
    },
  },
  {
    id: 'SHEETS-LAST-ROW',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const empty = sheet.getLastRow();
      sheet.getRange('B3').setValue('x');
      return {
        empty,
        lastRow: sheet.getLastRow(),
        lastColumn: sheet.getLastColumn(),
        dataRange: sheet.getDataRange().getA1Notation(),
      };
    },
    expected: { value: { empty: 0, lastRow: 3, lastColumn: 2, dataRange: 'A1:B3' } },
  },
  {
    id: 'SHEETS-APPENDROW',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
      sheet.getRange('C3').setValue('staff');
      sheet.appendRow(['x', "'=1+1", '2']);
      return {
        lastRow: sheet.getLastRow(),
        row: sheet.getRange('A4:C4').getValues()[0],
        above: sheet.getRange('A3:B3').getValues()[0],
      };
    },
    expected: { value: { lastRow: 4, row: ['x', '=1+1', 2], above: ['', ''] } },
  },
  {
    id: 'SHEETS-SHEETVALUES-EMPTY',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      return { all: sheetValuesAnswer(sheet, -1, -1), header: sheetValuesAnswer(sheet, 1, -1) };
    },
    expected: {
      strict: {
        all: { error: 'The number of rows in the range must be at least 1.' },
        header: { error: 'The number of columns in the range must be at least 1.' },
      },
      lenient: { all: { rows: [] }, header: { rows: [] } },
    },
  },
  {
    id: 'SHEETS-CHECKBOX-EMPTY',
    run: ({ freshSheet }) => {
      const bare = freshSheet();
      bare.getRange('A1').setValue('Attivo');
      bare.getRange('A2:A5').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      const inserted = freshSheet();
      inserted.getRange('A2:A5').insertCheckboxes();
      return {
        bareRule: { lastRow: bare.getLastRow(), value: bare.getRange('A3').getValue() },
        inserted: { lastRow: inserted.getLastRow(), value: inserted.getRange('A3').getValue() },
      };
    },
    expected: {
      strict: { bareRule: { lastRow: 5, value: false }, inserted: { lastRow: 5, value: false } },
      lenient: { bareRule: { lastRow: 1, value: '' }, inserted: { lastRow: 5, value: false } },
    },
  },
  {
    id: 'SHEETS-INSERT-ROWS-FORMAT',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('B2:B3').insertCheckboxes();
      sheet.getRange('A1:B3').setValues([
        ['Nome', 'Presente'],
        ['Bassi', true],
        ['Rossi', false],
      ]);
      sheet.getRange('A3').setNote('nota');
      sheet.insertRowsBefore(3, 1);
      const rule = (a1: string): string => String(sheet.getRange(a1).getDataValidation()?.getCriteriaType() ?? '');
      return {
        moved: {
          value: sheet.getRange('A4:B4').getValues()[0],
          note: sheet.getRange('A4').getNote(),
          rule: rule('B4'),
        },
        inserted: { value: sheet.getRange('A3').getValue(), note: sheet.getRange('A3').getNote(), rule: rule('B3') },
      };
    },
    expected: {
      strict: {
        moved: { value: ['Rossi', false], note: 'nota', rule: 'CHECKBOX' },
        inserted: { value: '', note: '', rule: '' },
      },
      lenient: {
        moved: { value: ['Rossi', false], note: 'nota', rule: 'CHECKBOX' },
        inserted: { value: '', note: '', rule: 'CHECKBOX' },
      },
    },
  },
  {
    id: 'SHEETS-TIMEZONE-LOCALE',
    run: ({ spreadsheet, freshSheet }) => {
      spreadsheet.setSpreadsheetTimeZone('America/New_York');
      spreadsheet.setSpreadsheetLocale('en_US');
      const sheet = freshSheet();
      sheet.getRange('A1:B1').setValues([['2027-02-01', 1.5]]);
      const answer = {
        zone: spreadsheet.getSpreadsheetTimeZone(),
        locale: spreadsheet.getSpreadsheetLocale(),
        scriptZone: Session.getScriptTimeZone(),
        typed: plain(sheet.getRange('A1').getValue()),
        shown: sheet.getRange('A1:B1').getDisplayValues()[0],
      };
      spreadsheet.setSpreadsheetTimeZone('Europe/Rome');
      spreadsheet.setSpreadsheetLocale('it_IT');
      return answer;
    },
    expected: {
      value: {
        zone: 'America/New_York',
        locale: 'en_US',
        scriptZone: 'Europe/Rome',
        typed: '2027-02-01T05:00:00.000Z',
        shown: ['2/1/2027', '1.5'],
      },
    },
  },
  {
    id: 'SHEETS-A1-WHOLE',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const rows = sheet.getRange('5:7');
      const columns = sheet.getRange('D:F');
      return {
        rows: [rows.getA1Notation(), rows.getRow(), rows.getNumRows(), rows.getNumColumns()],
        columns: [columns.getA1Notation(), columns.getColumn(), columns.getNumRows(), columns.getNumColumns()],
        openRows: sheet.getRange('A2:C').getA1Notation(),
      };
    },
    expected: { value: { rows: ['5:7', 5, 3, 26], columns: ['D:F', 4, 1000, 3], openRows: 'A2:C' } },
  },
  {
    id: 'SHEETS-TOSTRING',
    run: ({ spreadsheet, freshSheet }) => {
      const sheet = freshSheet();
      return [
        String(spreadsheet),
        String(sheet),
        String(sheet.getRange('A1')),
        String(SpreadsheetApp.ProtectionType.RANGE),
        String(SpreadsheetApp.newDataValidation().requireCheckbox().build()),
      ];
    },
    expected: { value: ['Spreadsheet', 'Sheet', 'Range', 'RANGE', 'DataValidation'] },
  },
  {
    id: 'SHEETS-VALIDATION-REJECT',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const rule = SpreadsheetApp.newDataValidation().requireNumberBetween(1, 10).setAllowInvalid(false).build();
      sheet.getRange('B2').setDataValidation(rule);
      return { error: thrown(() => sheet.getRange('B2').setValue(42)), value: sheet.getRange('B2').getValue() };
    },
    expected: {
      value: {
        error: 'The data you entered in cell B2 violates the data validation rules set on this cell.',
        value: '',
      },
    },
  },
  {
    id: 'SHEETS-PROTECTION',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const first = sheet.protect().setDescription('sonda');
      const again = sheet.protect();
      const answer = { type: String(again.getProtectionType()), description: again.getDescription() };
      first.remove();
      return answer;
    },
    expected: { value: { type: 'SHEET', description: 'sonda' } },
  },
  {
    id: 'SHEETS-UI-CONTEXT',
    run: () => thrown(() => SpreadsheetApp.getUi()),
    expected: { value: 'Cannot call SpreadsheetApp.getUi() from this context.' },
  },
  {
    id: 'SHEETS-ACTIVE-CELL',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.activate();
      sheet.getRange('C5:D9').activate();
      return sheet.getActiveCell().getA1Notation();
    },
    expected: { value: 'C5' },
  },
  {
    id: 'SHEETS-DELETE-LIMITS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      return thrown(() => sheet.deleteRows(1, sheet.getMaxRows()));
    },
    expected: { value: 'Sorry, it is not possible to delete all non-frozen rows.' },
  },
  {
    id: 'SHEETS-DEFAULT-NAMES',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
    },
    expected: { value: { rows: 1000, columns: 26 } },
  },
  {
    id: 'SHEETS-TEXTFINDER-CASE',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:A3').setValues([['Crema'], ['CREMASCO'], ['Lodi']]);
      return {
        loose: sheet
          .createTextFinder('crema')
          .findAll()
          .map((r) => r.getA1Notation()),
        exact: sheet
          .createTextFinder('crema')
          .matchCase(true)
          .findAll()
          .map((r) => r.getA1Notation()),
      };
    },
    expected: { value: { loose: ['A1', 'A2'], exact: [] } },
  },
  {
    id: 'SHEETS-TEXTFINDER-ENTIRE',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:A2').setValues([['Crema'], ['Cremasco']]);
      return sheet
        .createTextFinder('crema')
        .matchEntireCell(true)
        .findAll()
        .map((r) => r.getA1Notation());
    },
    expected: { value: ['A1'] },
  },
  {
    id: 'SHEETS-TEXTFINDER-REGEX',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:A2').setValues([['D00042'], ['D.0042']]);
      return {
        pattern: sheet
          .createTextFinder('^D\\d+$')
          .useRegularExpression(true)
          .findAll()
          .map((r) => r.getA1Notation()),
        text: sheet
          .createTextFinder('D.0')
          .findAll()
          .map((r) => r.getA1Notation()),
      };
    },
    expected: { value: { pattern: ['A1'], text: ['A2'] } },
  },
  {
    id: 'SHEETS-TEXTFINDER-NEXT',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:A2').setValues([['x'], ['x']]);
      const finder = sheet.createTextFinder('x');
      const first = finder.findNext();
      const second = finder.findNext();
      const third = finder.findNext();
      return [first && first.getA1Notation(), second && second.getA1Notation(), third];
    },
    expected: { value: ['A1', 'A2', null] },
  },
  {
    id: 'SHEETS-TEXTFINDER-ORDER',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B2').setValues([
        ['', 'x'],
        ['x', 'x'],
      ]);
      return sheet
        .createTextFinder('x')
        .findAll()
        .map((r) => r.getA1Notation());
    },
    expected: { strict: ['B1', 'A2', 'B2'], lenient: ['B1', 'A2', 'B2'] },
  },
  {
    id: 'SHEETS-TEXTFINDER-EMPTY',
    run: ({ freshSheet }) => thrown(() => freshSheet().createTextFinder('')),
    expected: { strict: 'Invalid argument: findText', lenient: 'Invalid argument: findText' },
  },
];
