/**
 * Probes for the Spreadsheets entries about tabs and their settings, validation rules, charts and what a
 * single value or a blank range means (SHEETS-SHEET-NAME-TAKEN, SHEETS-OPEN-BY-ID, SHEETS-SETVALUE-BLOCK,
 * SHEETS-ISBLANK, SHEETS-VALIDATION-RULES, SHEETS-SHEET-SETTINGS, SHEETS-CHARTS).
 */
import { thrown, type Probe } from '../probe';

export const sheetsTabsProbes: Probe[] = [
  {
    id: 'SHEETS-SHEET-NAME-TAKEN',
    run: ({ spreadsheet, freshSheet }) => {
      const name = freshSheet().getName();
      const named = (message: string | null) => message?.replace(name, '<name>') ?? null;
      return {
        insert: named(thrown(() => spreadsheet.insertSheet(name))),
        rename: named(thrown(() => freshSheet().setName(name))),
      };
    },
    expected: {
      value: {
        insert: 'A sheet with the name "<name>" already exists. Please enter another name.',
        rename: 'A sheet with the name "<name>" already exists. Please enter another name.',
      },
    },
  },
  {
    id: 'SHEETS-OPEN-BY-ID',
    run: ({ spreadsheet }) => ({
      same: SpreadsheetApp.openById(spreadsheet.getId()).getId() === spreadsheet.getId(),
      unknown: thrown(() => SpreadsheetApp.openById('a4pa-no-such-spreadsheet')) !== null,
    }),
    expected: { value: { same: true, unknown: true } },
  },
  {
    id: 'SHEETS-SETVALUE-BLOCK',
    run: ({ freshSheet }) => {
      const range = freshSheet().getRange('A1:B2');
      range.setValue(7);
      return range.getValues();
    },
    expected: {
      value: [
        [7, 7],
        [7, 7],
      ],
    },
  },
  {
    id: 'SHEETS-ISBLANK',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B2').setNote('nota').setBackground('#ff0000');
      const annotated = sheet.getRange('A1:B2').isBlank();
      sheet.getRange('B2').setFormula('=1+1');
      return { annotated, formula: sheet.getRange('A1:B2').isBlank(), rest: sheet.getRange('A1:B1').isBlank() };
    },
    expected: { value: { annotated: true, formula: false, rest: true } },
  },
  {
    id: 'SHEETS-VALIDATION-RULES',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Online', 'In presenza'], true).build();
      sheet.getRange('B2:B3').setDataValidation(rule);
      const read = sheet.getRange('B3').getDataValidation();
      const stricter = read?.copy().setAllowInvalid(false).build();
      const rules = sheet.getRange('B1:B2').getDataValidations();
      const originalAllowsInvalid = sheet.getRange('B3').getDataValidation()?.getAllowInvalid();
      sheet.getRange('B2:B3').clearDataValidations();
      return {
        type: String(read?.getCriteriaType()),
        values: read?.getCriteriaValues(),
        copyAllowsInvalid: stricter?.getAllowInvalid(),
        originalAllowsInvalid,
        none: rules.map((r) => r[0] === null),
        cleared: sheet.getRange('B3').getDataValidation(),
      };
    },
    expected: {
      value: {
        type: 'VALUE_IN_LIST',
        values: [['Online', 'In presenza'], true],
        copyAllowsInvalid: false,
        originalAllowsInvalid: true,
        none: [true, false],
        cleared: null,
      },
    },
  },
  {
    id: 'SHEETS-SHEET-SETTINGS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.setFrozenRows(1);
      sheet.setColumnWidths(1, 2, 180);
      sheet.hideColumns(3);
      sheet.setTabColor('#1a73e8');
      sheet.getRange('A1').setValue('Codice').setFontWeight('bold');
      return {
        frozen: sheet.getFrozenRows(),
        widths: [sheet.getColumnWidth(2), sheet.getColumnWidth(4)],
        hidden: sheet.isColumnHiddenByUser(3),
        tab: sheet.getTabColor(),
        type: String(sheet.getType()),
        bold: sheet.getRange('A1').getFontWeight(),
        value: sheet.getRange('A1').getValue(),
      };
    },
    expected: {
      value: {
        frozen: 1,
        widths: [180, 100],
        hidden: true,
        tab: '#1a73e8',
        type: 'GRID',
        bold: 'bold',
        value: 'Codice',
      },
    },
  },
  {
    id: 'SHEETS-CHARTS',
    run: ({ freshSheet }) => {
      const sheet = freshSheet();
      sheet.getRange('A1:B2').setValues([
        ['Comune', 'Ore'],
        ['Lodi', 3],
      ]);
      const chart = sheet
        .newChart()
        .addRange(sheet.getRange('A1:B2'))
        .setChartType(Charts.ChartType.COLUMN)
        .setPosition(2, 4, 0, 0)
        .setOption('title', 'Ore')
        .build();
      sheet.insertChart(chart);
      const inserted = sheet.getCharts()[0] as GoogleAppsScript.Spreadsheet.EmbeddedChart;
      const ranges = inserted.getRanges().map((r) => r.getA1Notation());
      sheet.updateChart(inserted.modify().setOption('title', 'Ore per comune').build());
      const title = sheet.getCharts()[0]?.getOptions().get('title');
      sheet.removeChart(sheet.getCharts()[0] as GoogleAppsScript.Spreadsheet.EmbeddedChart);
      return { ranges, title, left: sheet.getCharts().length };
    },
    expected: { value: { ranges: ['A1:B2'], title: 'Ore per comune', left: 0 } },
  },
];
