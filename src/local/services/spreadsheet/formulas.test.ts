import { Workspace } from '../../runtime/workspace';
import { createSpreadsheet, spreadsheetGlobals } from '.';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup() {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  createSpreadsheet(ws, 'Academy4PA', { bind: true });
  const ss = spreadsheetGlobals(ws).SpreadsheetApp.getActiveSpreadsheet();
  return { ws, ss, sheet: ss.getSheets()[0] as Sheet };
}

// catalogue: SHEETS-FORMULAS
describe('formulas staff type are computed when read', () => {
  test('arithmetic, references and the functions staff use', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      [2, 'Crema'],
      [3, 'Lodi'],
      [4, 'Crema'],
    ]);
    const formulas = [
      '=A1*B4+A2',
      '=SUM(A1:A3)',
      '=IF(A1>1,"sì","no")',
      '=COUNTIF(B1:B3,"Crema")',
      '=VLOOKUP(3,A1:B3,2,FALSE)',
      '=CONCATENATE(B1," ",A1)',
      '=UPPER(B2)&LEN(B1)',
      '=ROUND(A3/3,2)',
      '=COUNTA(A1:B3)',
    ];
    sheet.getRange(1, 3, 1, formulas.length).setFormulas([formulas]);
    expect(sheet.getRange(1, 3, 1, formulas.length).getValues()).toEqual([
      [3, 9, 'sì', 2, 'Lodi', 'Crema 2', 'LODI5', 1.33, 6],
    ]);
    expect(sheet.getRange(1, 3, 1, formulas.length).getFormulas()).toEqual([formulas]);
  });

  test('a formula follows the cells it refers to, on any tab', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Ore');
    other.getRange('A1').setValue(6);
    sheet.getRange('A1').setValue('=Ore!A1*2');
    expect(sheet.getRange('A1').getValue()).toBe(12);
    other.getRange('A1').setValue(10);
    expect(sheet.getRange('A1').getValue()).toBe(20);
    sheet.getRange('B1').setValue('=A1+1');
    expect(sheet.getRange('B1').getValue()).toBe(21);
  });

  test('date functions give Dates in the spreadsheet’s zone; TODAY() reads the emulated clock', () => {
    const { ws, sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=DATE(2027,3,2)', '=TODAY()', '=YEAR(A1)']]);
    expect(sheet.getRange('A1').getValue()).toEqual(new Date('2027-03-02T00:00:00+01:00'));
    expect(sheet.getRange('B1').getValue()).toEqual(new Date('2027-02-01T00:00:00+01:00'));
    expect(sheet.getRange('C1').getValue()).toBe(2027);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('02/03/2027');
    ws.clock.advance(24 * 3600 * 1000);
    expect(sheet.getRange('B1').getValue()).toEqual(new Date('2027-02-02T00:00:00+01:00'));
  });

  test('a referenced date cell counts as its serial number', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['2027-02-01', '2027-02-11']]);
    sheet.getRange('C1').setValue('=B1-A1');
    expect(sheet.getRange('C1').getValue()).toBe(10);
  });

  test('anything else reads as Sheets’ error values', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['=NONESUCH(1)', '=1/0', "='Nessuna'!A1", '=SUM(', '=E1+1']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['#NAME?', '#DIV/0!', '#REF!', '#ERROR!', '#REF!']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['#NAME?', '#DIV/0!', '#REF!', '#ERROR!', '#REF!']]);
  });
});
