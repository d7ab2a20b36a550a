/**
 * Probes for the Spreadsheets members that move, join, find, clear or annotate cells: sort, copyTo, merges,
 * RangeList, replacements, the clears, notes, checkboxes, hidden rows.
 */
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
  {
    id: 'SHEETS-TEXTFINDER-REPLACE',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B3').setValues([
        ['corso excel', 'Excel'],
        ['word', 'EXCEL avanzato'],
        ['=UPPER("excel")', 'altro'],
      ]);
      const all = sheet.createTextFinder('excel').replaceAllWith('Calc');
      const values = sheet.getRange('A1:B2').getValues();
      const formula = sheet.getRange('A3').getFormula();
      return { all, values, formula, none: sheet.getRange('A2').createTextFinder('excel').replaceAllWith('x') };
    },
    expected: {
      value: {
        all: 3,
        values: [
          ['corso Calc', 'Calc'],
          ['word', 'Calc avanzato'],
        ],
        formula: '=UPPER("excel")',
        none: 0,
      },
    },
  },
  {
    id: 'SHEETS-CLEAR-PARTS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const fill = () => {
        const range = sheet.getRange('A1:B1');
        range
          .setValues([['uno', 'due']])
          .setBackgrounds([['#ff0000', '#00ff00']])
          .setNotes([['n1', 'n2']]);
        range.setDataValidation(SpreadsheetApp.newDataValidation().requireNumberEqualTo(5).build());
      };
      const state = () => {
        const range = sheet.getRange('A1:B1');
        return [
          range.getValues()[0],
          range.getBackgrounds()[0],
          range.getNotes()[0],
          range.getDataValidations()[0]?.map((rule) => rule !== null),
        ];
      };
      const out: Record<string, unknown> = {};
      for (const how of ['clear', 'clearContents', 'clearFormats', 'clearNotes'] as const) {
        fill();
        sheet[how]();
        out[how] = state();
      }
      return out;
    },
    expected: {
      value: {
        clear: [
          ['', ''],
          ['#ffffff', '#ffffff'],
          ['n1', 'n2'],
          [true, true],
        ],
        clearContents: [
          ['', ''],
          ['#ff0000', '#00ff00'],
          ['n1', 'n2'],
          [true, true],
        ],
        clearFormats: [
          ['uno', 'due'],
          ['#ffffff', '#ffffff'],
          ['n1', 'n2'],
          [true, true],
        ],
        clearNotes: [
          ['uno', 'due'],
          ['#ff0000', '#00ff00'],
          ['', ''],
          [true, true],
        ],
      },
    },
  },
  {
    id: 'SHEETS-NOTES',
    run: ({ freshSheet }) => {
      const range = freshSheet().getRange('A1:C1');
      range.setNotes([['testo', 3, 2.5]] as unknown as string[][]);
      return {
        notes: range.getNotes()[0],
        notAGrid: thrown(() => range.setNotes('testo' as unknown as string[][])),
      };
    },
    expected: {
      value: {
        notes: ['testo', '3.0', '2.5'],
        notAGrid: "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setNotes.",
      },
    },
  },
  {
    id: 'SHEETS-CHECKBOX-VALUES',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1').insertCheckboxes();
      sheet.getRange('B1').insertCheckboxes('FATTO');
      sheet.getRange('C1').insertCheckboxes('SI', 'NO');
      sheet.getRange('D1').setValue('testo');
      const rules = ['A1', 'B1', 'C1'].map((a1) => sheet.getRange(a1).getDataValidation()?.getCriteriaValues());
      sheet.getRange('A1:D1').check();
      const checked = sheet.getRange('A1:D1').getValues()[0];
      sheet.getRange('A1:D1').uncheck();
      return { rules, checked, unchecked: sheet.getRange('A1:D1').getValues()[0] };
    },
    expected: {
      value: {
        rules: [[], ['FATTO'], ['SI', 'NO']],
        checked: [true, 'FATTO', 'SI', 'testo'],
        unchecked: [false, '', 'NO', 'testo'],
      },
    },
  },
  {
    id: 'SHEETS-HIDDEN-ROWS-COLUMNS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
      sheet.hideRow(sheet.getRange('A3'));
      sheet.hideColumns(2);
      const hidden = [sheet.isRowHiddenByUser(3), sheet.isColumnHiddenByUser(2), sheet.isRowHiddenByUser(2)];
      sheet.insertRows(1, 2);
      sheet.insertColumns(1);
      const moved = [sheet.isRowHiddenByUser(5), sheet.isColumnHiddenByUser(3), sheet.getLastRow()];
      sheet.showRows(5);
      sheet.unhideColumn(sheet.getRange('C1'));
      return { hidden, moved, shown: [sheet.isRowHiddenByUser(5), sheet.isColumnHiddenByUser(3)] };
    },
    expected: { value: { hidden: [true, true, false], moved: [true, true, 3], shown: [false, false] } },
  },
];
