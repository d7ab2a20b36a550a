import { Workspace } from '../../runtime/workspace';
import { createSpreadsheet, spreadsheetGlobals } from '.';
import { EMPTY_SEARCH_MESSAGE } from './text-finder';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheetWith(rows: unknown[][]) {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  createSpreadsheet(ws, 'Academy4PA', { bind: true });
  const { SpreadsheetApp } = spreadsheetGlobals(ws);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0] as Sheet;
  sheet.getRange(1, 1, rows.length, rows[0]?.length ?? 1).setValues(rows);
  ws.resetCounts();
  return { ws, sheet };
}

const a1s = (ranges: GoogleAppsScript.Spreadsheet.Range[]) => ranges.map((r) => r.getA1Notation());

const REGISTRY = [
  ['Email', 'Corso', 'Note'],
  ['Anna.Bassi@comune.it', 'EXC-BASE', ''],
  ['luca.piloni@comune.it', 'EXC-BASE', 'scrive ad anna.bassi@comune.it'],
  ['anna.bassi@comune.it', 'PEC-01', ''],
];

describe('TextFinder', () => {
  // catalogue: SHEETS-TEXTFINDER-CASE
  it('matches case-insensitively and partially unless told otherwise', () => {
    const { sheet } = sheetWith(REGISTRY);
    expect(a1s(sheet.createTextFinder('ANNA.BASSI@comune.it').findAll())).toEqual(['A2', 'C3', 'A4']);
    expect(a1s(sheet.createTextFinder('anna.bassi@comune.it').matchCase(true).findAll())).toEqual(['C3', 'A4']);
  });

  // catalogue: SHEETS-TEXTFINDER-ENTIRE
  it('matches the whole cell with matchEntireCell(true)', () => {
    const { sheet } = sheetWith(REGISTRY);
    expect(a1s(sheet.createTextFinder('anna.bassi@comune.it').matchEntireCell(true).findAll())).toEqual(['A2', 'A4']);
  });

  // catalogue: SHEETS-TEXTFINDER-CASE
  it('searches only the range it was created on', () => {
    const { sheet } = sheetWith(REGISTRY);
    const column = sheet.getRange(2, 1, 3, 1);
    expect(a1s(column.createTextFinder('anna.bassi').findAll())).toEqual(['A2', 'A4']);
  });

  // catalogue: SHEETS-TEXTFINDER-REGEX
  it('reads the text as a regular expression with useRegularExpression(true)', () => {
    const { sheet } = sheetWith(REGISTRY);
    expect(a1s(sheet.createTextFinder('^[a-z]+-\\d+$').useRegularExpression(true).findAll())).toEqual(['B4']);
    expect(sheet.createTextFinder('EXC.BASE').findAll()).toEqual([]);
  });

  // catalogue: SHEETS-TEXTFINDER-NEXT
  it('steps through the matches with findNext and answers null after the last one', () => {
    const { sheet } = sheetWith(REGISTRY);
    const finder = sheet.createTextFinder('EXC-BASE').matchEntireCell(true);
    expect(finder.findNext()?.getA1Notation()).toBe('B2');
    expect(finder.findNext()?.getA1Notation()).toBe('B3');
    expect(finder.findNext()).toBeNull();
    expect(finder.findPrevious()?.getA1Notation()).toBe('B2');
  });

  // catalogue: SHEETS-TEXTFINDER-CASE
  it('matches numbers and dates as the cells show them', () => {
    const { sheet } = sheetWith([
      ['Ore', 'Data'],
      [12, new Date('2027-03-02T00:00:00+01:00')],
    ]);
    expect(a1s(sheet.createTextFinder('12').matchEntireCell(true).findAll())).toEqual(['A2']);
    expect(a1s(sheet.createTextFinder('2027').findAll())).toEqual(['B2']);
  });

  // catalogue: SHEETS-TEXTFINDER-EMPTY
  it('refuses an empty search text', () => {
    const { sheet } = sheetWith(REGISTRY);
    expect(() => sheet.createTextFinder('')).toThrow(EMPTY_SEARCH_MESSAGE);
  });
});

describe('emulator: call counting', () => {
  it('costs one call to create and one per search, the options none', () => {
    const { ws, sheet } = sheetWith(REGISTRY);
    sheet.createTextFinder('anna').matchCase(false).matchEntireCell(false).findAll();
    expect(ws.methodCounts).toEqual({ 'Spreadsheet.createTextFinder': 1, 'Spreadsheet.findAll': 1 });
  });
});
