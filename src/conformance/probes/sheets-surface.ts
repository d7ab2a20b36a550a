/** Probes for the Spreadsheets members that move or join cells: sort, copyTo, merges, RangeList. */
import { thrown, type Probe } from '../probe';

export const sheetsSurfaceProbes: Probe[] = [
  {
    id: 'SHEETS-SORT',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B5').setValues([
        ['Lodi', 3],
        ['', 1],
        [true, 2],
        [10, 5],
        ['crema', 4],
      ]);
      sheet.getRange('A1:B5').sort(1);
      const ascending = sheet.getRange('A1:B5').getValues();
      sheet.getRange('A1:B5').sort({ column: 1, ascending: false });
      const descending = sheet.getRange('A1:A5').getValues().flat();
      sheet.getRange('A1:B5').sort({ column: 2, ascending: false });
      return {
        ascending,
        descending,
        byB: sheet.getRange('B1:B5').getValues().flat(),
        outside: thrown(() => sheet.getRange('A1:B5').sort(3)),
      };
    },
    expected: {
      value: {
        ascending: [
          [10, 5],
          ['crema', 4],
          ['Lodi', 3],
          [true, 2],
          ['', 1],
        ],
        descending: [true, 'Lodi', 'crema', 10, ''],
        byB: [5, 4, 3, 2, 1],
        outside: 'The column specified for sorting must be within the range.',
      },
    },
  },
  {
    id: 'SHEETS-COPYTO',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B2').setValues([
        [2, 3],
        [5, 7],
      ]);
      sheet.getRange('C1').setFormula('=A1+$B$1');
      sheet.getRange('C1').copyTo(sheet.getRange('C2'));
      sheet.getRange('C1').copyTo(sheet.getRange('D1'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
      sheet.getRange('A1:B1').copyTo(sheet.getRange('A4:D4'));
      return {
        formula: sheet.getRange('C2').getFormula(),
        value: sheet.getRange('C2').getValue(),
        pastedValue: [sheet.getRange('D1').getValue(), sheet.getRange('D1').getFormula()],
        tiled: sheet.getRange('A4:D4').getValues()[0],
        copyType: String(SpreadsheetApp.CopyPasteType.PASTE_VALUES),
      };
    },
    expected: {
      value: { formula: '=A2+$B$1', value: 8, pastedValue: [5, ''], tiled: [2, 3, 2, 3], copyType: 'PASTE_VALUES' },
    },
  },
  {
    id: 'SHEETS-MERGE',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B2').setValues([
        ['uno', 'due'],
        ['tre', 'quattro'],
      ]);
      sheet.getRange('A1:B2').merge();
      const answer = {
        values: sheet.getRange('A1:B2').getValues(),
        part: [sheet.getRange('B2').isPartOfMerge(), sheet.getRange('C1').isPartOfMerge()],
        merged: sheet
          .getRange('B1:C3')
          .getMergedRanges()
          .map((r) => r.getA1Notation()),
        partial: thrown(() => sheet.getRange('B1:C1').breakApart()),
      };
      sheet.getRange('A1:B2').breakApart();
      return { ...answer, after: sheet.getRange('A1').isPartOfMerge() };
    },
    expected: {
      value: {
        values: [
          ['uno', ''],
          ['', ''],
        ],
        part: [true, false],
        merged: ['A1:B2'],
        partial: 'You must select all cells in a merged range to merge or unmerge them.',
        after: false,
      },
    },
  },
  {
    id: 'SHEETS-RANGELIST',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const list = sheet.getRangeList(['A1', 'C2:D2']);
      list.setValue('x');
      return {
        ranges: list.getRanges().map((r) => r.getA1Notation()),
        values: sheet.getRange('A1:D2').getValues(),
        name: String(list),
      };
    },
    expected: {
      value: {
        ranges: ['A1', 'C2:D2'],
        values: [
          ['x', '', '', ''],
          ['', '', 'x', 'x'],
        ],
        name: 'RangeList',
      },
    },
  },
];
