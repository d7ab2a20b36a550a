import { Workspace } from '../../runtime/workspace';
import { createSpreadsheet, spreadsheetGlobals } from '.';
import { shiftFormula } from './range-ops';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup() {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  createSpreadsheet(ws, 'Academy4PA', { bind: true });
  const { SpreadsheetApp } = spreadsheetGlobals(ws);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { ws, app: SpreadsheetApp, ss, sheet: ss.getSheets()[0] as Sheet };
}

describe('Range.sort', () => {
  // catalogue: SHEETS-SORT. One column either way (numbers, text, booleans, empty cells last) is the
  // conformance probe's, which src/local/conformance/run.test.ts runs on the emulator in both variants.
  test('sorts by several columns in turn, keeps ties in order, and refuses a column outside the range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C4').setValues([
      ['b', 1, 'x'],
      ['a', 2, 'y'],
      ['b', 0, 'z'],
      ['a', 2, 'w'],
    ]);
    sheet.getRange('A1:C4').sort([{ column: 1 }, { column: 2, ascending: false }]);
    expect(sheet.getRange('C1:C4').getValues().flat()).toEqual(['y', 'w', 'x', 'z']);
    expect(() => sheet.getRange('A1:C4').sort(4)).toThrow('The column specified for sorting must be within the range.');
  });
});

describe('Range.copyTo', () => {
  // catalogue: SHEETS-COPYTO
  test('copies values, formats and notes, moving relative references and keeping anchored ones', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, 3]]);
    sheet.getRange('C1').setFormula('=A1+$B$1').setNote('somma').setNumberFormat('0.00');
    sheet.getRange('A2:B2').setValues([[5, 7]]);
    sheet.getRange('C1').copyTo(sheet.getRange('C2'));
    expect(sheet.getRange('C2').getFormula()).toBe('=A2+$B$1');
    expect(sheet.getRange('C2').getValue()).toBe(8);
    expect(sheet.getRange('C2').getNote()).toBe('somma');
    expect(sheet.getRange('C2').getNumberFormat()).toBe('0.00');
    expect(shiftFormula('=SUM(A1:B2)&"A1"', 1, 1)).toBe('=SUM(B2:C3)&"A1"');
  });

  // catalogue: SHEETS-COPYTO
  test('values only, formats only, a destination cell grown to the source, and a destination tiled', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('C1').setFormula('=A1+B1');
    sheet.getRange('C1').copyTo(sheet.getRange('D1'), app.CopyPasteType.PASTE_VALUES, false);
    expect([sheet.getRange('D1').getValue(), sheet.getRange('D1').getFormula()]).toEqual([3, '']);
    sheet.getRange('A1').setNumberFormat('0.0');
    sheet.getRange('A1').copyTo(sheet.getRange('E1'), { formatOnly: true });
    expect([sheet.getRange('E1').getValue(), sheet.getRange('E1').getNumberFormat()]).toEqual(['', '0.0']);
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A5'));
    expect(sheet.getRange('A5:C5').getValues()).toEqual([[1, 2, '']]);
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A7:D8'));
    expect(sheet.getRange('A7:D8').getValues()).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
    sheet.getRange('A1:B1').copyTo(sheet.getRange('F1'), app.CopyPasteType.PASTE_NORMAL, true);
    expect(sheet.getRange('F1:F2').getValues()).toEqual([[1], [2]]);
  });

  // catalogue: SHEETS-COPYTO
  test('refuses a destination in another spreadsheet', () => {
    const { app, sheet } = setup();
    const other = app.create('Altro').getSheets()[0] as Sheet;
    expect(() => sheet.getRange('A1').copyTo(other.getRange('A1'))).toThrow(
      'Target range and source range must be on the same spreadsheet.',
    );
  });
});

describe('merged cells', () => {
  // catalogue: SHEETS-MERGE
  test('merge keeps the top-left content; isPartOfMerge and getMergedRanges see the block; breakApart undoes it', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['uno', 'due'],
      ['tre', 'quattro'],
    ]);
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['uno', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('C1').isPartOfMerge()).toBe(false);
    expect(
      sheet
        .getRange('B1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B2']);
    expect(() => sheet.getRange('B1:C1').breakApart()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    sheet.getRange('A1:C3').breakApart();
    expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);
  });

  // catalogue: SHEETS-MERGE
  test('mergeAcross makes one block a row; merges follow inserted and deleted rows and columns', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C3').mergeAcross();
    expect(
      sheet
        .getRange('A1:D4')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2:C2', 'B3:C3']);
    sheet.insertRowsBefore(1, 2);
    sheet.insertColumnBefore(1);
    expect(
      sheet
        .getRange('A1:E6')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['C4:D4', 'C5:D5']);
    sheet.deleteRow(4);
    sheet.deleteColumn(4);
    expect(
      sheet
        .getRange('A1:E6')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual([]);
  });

  // catalogue: SHEETS-MERGE
  test('a merge across the frozen rows is refused', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.getRange('A1:A2').merge()).toThrow("You can't merge frozen and non-frozen rows.");
  });
});

describe('Sheet.getRangeList', () => {
  // catalogue: SHEETS-RANGELIST
  test('changes every range of the list, and prints as RangeList', () => {
    const { sheet } = setup();
    const list = sheet.getRangeList(['A1', 'C2:D2', 'F:F']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1', 'C2:D2', 'F:F']);
    list.setValue('x');
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      ['x', '', '', ''],
      ['', '', 'x', 'x'],
    ]);
    expect(sheet.getRange('F1000').getValue()).toBe('x');
    list.clearContent();
    expect(sheet.getLastRow()).toBe(0);
    expect(String(list)).toBe('RangeList');
  });
});
