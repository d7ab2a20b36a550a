// catalogue: SHEETS-INSERT-ROWS-FORMAT
import type { Variant } from '../../runtime/variant';
import { Workspace } from '../../runtime/workspace';
import { createSpreadsheet, spreadsheetGlobals } from '.';

function sheetWithCheckboxes(variant: Variant): GoogleAppsScript.Spreadsheet.Sheet {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00'), variant });
  createSpreadsheet(ws, 'Academy4PA', { bind: true });
  const sheet = spreadsheetGlobals(ws).SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  if (!sheet) throw new Error('no sheet');
  sheet.getRange('B2:B3').insertCheckboxes();
  sheet.getRange('A1:B3').setValues([
    ['Nome', 'Presente'],
    ['Bassi', true],
    ['Rossi', false],
  ]);
  sheet.getRange('A3').setNote('nota di staff');
  return sheet;
}

describe('insertRowsBefore', () => {
  // catalogue: SHEETS-INSERT-ROWS-FORMAT
  it('moves the rows below with their values, notes and validation', () => {
    const sheet = sheetWithCheckboxes('strict');
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getRange('A1:B5').getValues()).toEqual([
      ['Nome', 'Presente'],
      ['Bassi', true],
      ['', ''],
      ['', ''],
      ['Rossi', false],
    ]);
    expect(sheet.getRange('A5').getNote()).toBe('nota di staff');
    expect(sheet.getRange('B5').getDataValidation()?.getCriteriaType().toString()).toBe('CHECKBOX');
  });

  // catalogue: SHEETS-INSERT-ROWS-FORMAT
  it('gives the new rows no validation (strict) or the row above’s (lenient)', () => {
    const strict = sheetWithCheckboxes('strict');
    strict.insertRowsBefore(3, 1);
    expect(strict.getRange('B3').getDataValidation()).toBeNull();
    const lenient = sheetWithCheckboxes('lenient');
    lenient.insertRowsBefore(3, 1);
    expect(lenient.getRange('B3').getDataValidation()?.getCriteriaType().toString()).toBe('CHECKBOX');
    expect(lenient.getRange('A3').getNote()).toBe('');
  });
});
