import { setup } from './testing';

/*
 * Conformance with an independent oracle: the assertions brucemcpherson/gas-fakes makes for live Apps
 * Script in its Sheets tests (MIT), reproduced as our own calls for the members the emulator has. Each
 * test names the file and lines it comes from. Left out, as members the emulator lacks (none of them
 * used by the add-on): R1C1 notation, `moveTo`, `autoFill`, rich text, `insertCells`/`deleteCells`,
 * `getNextDataCell`, text styles and colour builders, named ranges (testsheets.js, testsheetsrange.js),
 * filters, banding, `splitTextToColumns`, pivot tables, row and column groups, images and charts'
 * builders (testsheetssets.js, testsheetsdata.js, testsheetsexotics.js, testsheetsvui.js,
 * testsheetschart.js). `copyTo` is pinned by its own probe (SHEETS-COPYTO).
 */

const a1s = (ranges: GoogleAppsScript.Spreadsheet.Range[]) => ranges.map((r) => r.getA1Notation());

describe('gas-fakes test/testsheetstext.js, as live Apps Script answers', () => {
  const VALUES = [
    ['sample', 'sámplé'],
    ['SampleA', 'sámplé'],
    ['=SAMPLE()', '=SámpléB()'],
    ['=sample()', '=sámpléB()'],
    ['=sampleA()', '=sámpléB()'],
  ];

  function finders() {
    const { ss, sheet } = setup();
    sheet.getRange(1, 1, VALUES.length, 2).setValues(VALUES);
    const write = () => sheet.getRange(1, 1, VALUES.length, 2).setValues(VALUES);
    return { write, all: [ss, sheet, sheet.getRange('A3:B5')] as const };
  }

  // catalogue: SHEETS-TEXTFINDER-CASE, SHEETS-TEXTFINDER-ENTIRE
  test('a spreadsheet, a sheet and a range find values, not formula text, unless told (lines 21-104)', () => {
    const { all } = finders();
    const found = (make: (f: GoogleAppsScript.Spreadsheet.TextFinder) => GoogleAppsScript.Spreadsheet.TextFinder) =>
      all.map((owner) => a1s(make(owner.createTextFinder('sample')).findAll()));
    expect(found((f) => f)).toEqual([['A1', 'A2'], ['A1', 'A2'], []]);
    expect(found((f) => f.ignoreDiacritics(true).matchCase(true).matchEntireCell(true))).toEqual([
      ['A1', 'B1', 'B2'],
      ['A1', 'B1', 'B2'],
      [],
    ]);
    expect(found((f) => f.matchFormulaText(true))).toEqual([
      ['A1', 'A2', 'A3', 'A4', 'A5'],
      ['A1', 'A2', 'A3', 'A4', 'A5'],
      ['A3', 'A4', 'A5'],
    ]);
    expect(found((f) => f.matchFormulaText(true).ignoreDiacritics(true).matchCase(true).matchEntireCell(true))).toEqual(
      [['A1', 'B1', 'B2'], ['A1', 'B1', 'B2'], []],
    );
  });

  // catalogue: SHEETS-TEXTFINDER-REPLACE
  test('replaceAllWith answers how many cells it changed (lines 106-131)', () => {
    const { all, write } = finders();
    expect(
      all.map((owner) => {
        write();
        return owner.createTextFinder('sample').replaceAllWith('test');
      }),
    ).toEqual([2, 2, 0]);
    expect(
      all.map((owner) => {
        write();
        return owner
          .createTextFinder('sample')
          .matchFormulaText(true)
          .matchCase(true)
          .matchEntireCell(true)
          .replaceAllWith('test');
      }),
    ).toEqual([1, 1, 0]);
  });

  // catalogue: SHEETS-HIDDEN-ROWS-COLUMNS, SHEETS-LAST-ROW
  test('rows and columns inserted and deleted: blank rows leave getLastRow alone (lines 144-243)', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('temp');
    const data = ['sample1', 'sample2', 'sample3'];
    sheet.appendRow(data);
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([data]);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);

    let cb = sheet.getLastColumn();
    sheet.insertColumnAfter(2);
    expect(sheet.getLastColumn()).toBe(cb + 1);
    expect(sheet.getDataRange().offset(0, 2, 1, 1).getValue()).toBe('');
    sheet.insertColumnBefore(2);
    expect(sheet.getLastColumn()).toBe(cb + 2);
    expect(sheet.getDataRange().offset(0, 1, 1, 1).getValue()).toBe('');
    sheet.insertColumns(2, 2);
    expect(sheet.getLastColumn()).toBe(cb + 4);
    sheet.insertColumnsAfter(2, 2);
    expect(sheet.getLastColumn()).toBe(cb + 6);
    sheet.insertColumnsBefore(2, 2);
    expect(sheet.getLastColumn()).toBe(cb + 8);

    let cr = sheet.getLastRow();
    sheet.insertRowAfter(2);
    sheet.insertRowBefore(2);
    sheet.insertRows(2, 2);
    sheet.insertRowsAfter(2, 2);
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getLastRow()).toBe(cr);

    cb = sheet.getLastColumn();
    cr = sheet.getLastRow();
    sheet.deleteColumn(2);
    expect(sheet.getLastColumn()).toBe(cb - 1);
    sheet.deleteColumns(2, 2);
    expect(sheet.getLastColumn()).toBe(cb - 3);
    sheet.deleteRow(2);
    expect(sheet.getLastRow()).toBe(cr);
    sheet.deleteRows(2, 2);
    expect(sheet.getLastRow()).toBe(cr);
    expect(sheet.getDataRange().getValues().slice(-1)).toEqual([['sample1', '', '', '', '', 'sample2', '', 'sample3']]);

    const b2 = sheet.getRange('B2');
    sheet.hideColumn(b2);
    expect(sheet.isColumnHiddenByUser(2)).toBe(true);
    sheet.hideColumns(2, 2);
    expect([sheet.isColumnHiddenByUser(2), sheet.isColumnHiddenByUser(3)]).toEqual([true, true]);
    sheet.hideRow(b2);
    expect(sheet.isRowHiddenByUser(2)).toBe(true);
  });
});

describe('gas-fakes test/testsheets.js, as live Apps Script answers', () => {
  // catalogue: SHEETS-SORT
  test('Sheet.sort orders every row, a header that is not frozen too (lines 259-346)', () => {
    const { sheet } = setup();
    const data = [
      ['Header1', 'Header2', 'Header3'],
      ['C', 30, 'Z'],
      ['A', 10, 'Y'],
      ['B', 20, 'X'],
    ];
    sheet.getRange('A1:C4').setValues(data);
    sheet.sort(2);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['A', 10, 'Y'],
      ['B', 20, 'X'],
      ['C', 30, 'Z'],
      ['Header1', 'Header2', 'Header3'],
    ]);
    sheet.getRange('A1:C4').setValues(data);
    sheet.sort(1, false);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Header1', 'Header2', 'Header3'],
      ['C', 30, 'Z'],
      ['B', 20, 'X'],
      ['A', 10, 'Y'],
    ]);
    sheet.clear();
    sheet.sort(1);
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
    sheet.getRange('A1:C1').setValues([['H1', 'H2', 'H3']]);
    sheet.sort(1);
    expect(sheet.getDataRange().getValues()).toEqual([['H1', 'H2', 'H3']]);
    sheet.clear();
    sheet.getRange('A1:C2').setValues([
      ['H1', 'H2', 'H3'],
      ['B', 'A', 'C'],
    ]);
    sheet.sort(1);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['B', 'A', 'C'],
      ['H1', 'H2', 'H3'],
    ]);
  });

  // catalogue: SHEETS-MERGE
  test('merge, mergeAcross and mergeVertically, found by getMergedRanges, undone by breakApart (lines 349-472)', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:F10')
      .setValues(Array.from({ length: 10 }, (_, r) => Array.from({ length: 6 }, (_, c) => `R${r + 1}C${c + 1}`)));
    const merged = sheet.getRange('A1:B2');
    merged.merge();
    expect(['A1', 'B2', 'C3'].map((a1) => sheet.getRange(a1).isPartOfMerge())).toEqual([true, true, false]);
    expect(merged.isPartOfMerge()).toBe(true);
    expect(merged.getDisplayValue()).toBe('R1C1');
    expect(a1s(sheet.getRange('A1:C3').getMergedRanges())).toEqual(['A1:B2']);
    merged.breakApart();
    expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);
    expect(sheet.getDataRange().getMergedRanges()).toHaveLength(0);

    const across = sheet.getRange('D1:F2');
    across.mergeAcross();
    expect(a1s(sheet.getDataRange().getMergedRanges()).sort()).toEqual(['D1:F1', 'D2:F2']);
    expect([sheet.getRange('D1').getDisplayValue(), sheet.getRange('D2').getDisplayValue()]).toEqual(['R1C4', 'R2C4']);
    across.breakApart();

    const vertical = sheet.getRange('A5:B7');
    vertical.mergeVertically();
    expect(a1s(sheet.getDataRange().getMergedRanges()).sort()).toEqual(['A5:A7', 'B5:B7']);
    expect([sheet.getRange('A5').getDisplayValue(), sheet.getRange('B5').getDisplayValue()]).toEqual(['R5C1', 'R5C2']);
  });

  // catalogue: SHEETS-CLEAR-PARTS
  test('clear, clearContents, clearFormats and clearNotes each take away only their part (lines 475-607)', () => {
    const { app, sheet } = setup();
    const values = [
      ['A1', 'B1', 'C1'],
      ['A2', 'B2', 'C2'],
      ['A3', 'B3', 'C3'],
    ];
    const backgrounds = [
      ['#ff0000', '#00ff00', '#0000ff'],
      ['#ffff00', '#00ffff', '#ff00ff'],
      ['#cccccc', '#999999', '#666666'],
    ];
    const notes = values.map((row) => row.map((v) => `Note ${v}`));
    const fill = (v: string) => values.map((row) => row.map(() => v));
    const prepare = () => {
      const range = sheet.getRange('A1:C3');
      range.setValues(values).setBackgrounds(backgrounds).setNotes(notes);
      range.setDataValidation(app.newDataValidation().requireNumberEqualTo(5).build());
    };
    const state = () => {
      const range = sheet.getRange('A1:C3');
      return {
        values: range.getValues(),
        backgrounds: range.getBackgrounds(),
        notes: range.getNotes(),
        validated: range.getDataValidations()[0]?.[0] !== null,
      };
    };
    prepare();
    sheet.clear();
    expect(state()).toEqual({ values: fill(''), backgrounds: fill('#ffffff'), notes, validated: true });
    prepare();
    sheet.clearContents();
    expect(state()).toEqual({ values: fill(''), backgrounds, notes, validated: true });
    prepare();
    sheet.clearFormats();
    expect(state()).toEqual({ values, backgrounds: fill('#ffffff'), notes, validated: true });
    prepare();
    sheet.clearNotes();
    expect(state()).toEqual({ values, backgrounds, notes: fill(''), validated: true });
  });

  // catalogue: SHEETS-NOTES
  test('notes read back as strings, integers with ".0"; a string where a grid belongs is refused (lines 770-801)', () => {
    const { sheet } = setup();
    const range = sheet.getRange('C2:D3');
    range.setNote('foo');
    expect(range.getNote()).toBe('foo');
    expect(range.getNotes()).toEqual([
      ['foo', 'foo'],
      ['foo', 'foo'],
    ]);
    range.setNotes([
      ['bar', 3],
      ['', 2.5],
    ] as unknown as string[][]);
    expect(range.getNotes()).toEqual([
      ['bar', '3.0'],
      ['', '2.5'],
    ]);
    expect(() => range.setNotes('foo' as unknown as string[][])).toThrow(/don't match the method signature/);
  });
});

describe('gas-fakes test/testsheetsdatavalidations.js, as live Apps Script answers', () => {
  // catalogue: SHEETS-CHECKBOX-VALUES
  test('insertCheckboxes makes CHECKBOX rules with the values given, replacing any rule (lines 109-137)', () => {
    const { app, sheet } = setup();
    const criteria = (a1: string) => {
      const rule = sheet.getRange(a1).getDataValidation();
      return [String(rule?.getCriteriaType()), rule?.getCriteriaValues()];
    };
    sheet.getRange('A1:A2').insertCheckboxes();
    sheet.getRange('B1:B2').insertCheckboxes('DONE');
    sheet.getRange('C1:C2').insertCheckboxes('YES', 'NO');
    expect([criteria('A1:A2'), criteria('B1:B2'), criteria('C1:C2')]).toEqual([
      ['CHECKBOX', []],
      ['CHECKBOX', ['DONE']],
      ['CHECKBOX', ['YES', 'NO']],
    ]);
    const d1 = sheet.getRange('D1').setDataValidation(app.newDataValidation().requireNumberEqualTo(5).build());
    expect(String(d1.insertCheckboxes().getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
  });

  // catalogue: SHEETS-CHECKBOX-VALUES
  test('check and uncheck change only checkbox cells, to their own values (lines 140-217)', () => {
    const { app, sheet } = setup();
    const plain = app.newDataValidation().requireCheckbox().build();
    const custom = app.newDataValidation().requireCheckbox('YES', 'NO').build();
    const values = () => ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'].map((a1) => sheet.getRange(a1).getValue());
    const prepare = (a: [boolean, boolean], b: [string, string]) => {
      sheet.getRange('A1').setDataValidation(plain).setValue(a[0]);
      sheet.getRange('A2').setDataValidation(plain).setValue(a[1]);
      sheet.getRange('B1').setDataValidation(custom).setValue(b[0]);
      sheet.getRange('B2').setDataValidation(custom).setValue(b[1]);
      sheet.getRange('C1').setValue('some text');
    };
    prepare([true, false], ['YES', 'NO']);
    sheet.getRange('A1:C2').uncheck();
    expect(values()).toEqual([false, false, 'NO', 'NO', 'some text', '']);
    prepare([false, true], ['NO', 'YES']);
    sheet.getRange('A1:C2').check();
    expect(values()).toEqual([true, true, 'YES', 'YES', 'some text', '']);
    const bare = sheet.getRange('A3:C3').setValues([['a', 'b', 'c']]);
    bare.uncheck();
    bare.check();
    expect(bare.getValues()).toEqual([['a', 'b', 'c']]);
  });
});
