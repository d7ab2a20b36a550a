import { storedText } from '../../core/text';
import { decodeTable } from '../../core/registry/codec';
import type { Employee } from '../../core/registry/schemas';
import { COLUMNS } from '../../core/registry/tabs';
import { appendOneRow, appendRecords, type Table } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet whose `appendRow` fails as listed: 'before' writes nothing, 'after' writes and then fails. */
function flakySheet(rows: unknown[][], failures: Array<'before' | 'after'>): { sheet: Sheet; appends: () => number } {
  let appends = 0;
  const sheet = {
    appendRow(row: unknown[]) {
      appends += 1;
      const failure = failures.shift();
      if (failure === 'before') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
      // As typed: a neutralised text keeps no leading apostrophe (SHEETS-TYPED-INPUT).
      rows.push(row.map((v) => (typeof v === 'string' ? storedText(v) : v)));
      if (failure === 'after') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
      return sheet;
    },
    getLastRow: () => rows.length,
    getSheetValues: (row: number, column: number, numRows: number, numColumns: number) =>
      rows.slice(row - 1, row - 1 + numRows).map((r) => r.slice(column - 1, column - 1 + numColumns)),
  };
  return { sheet: sheet as unknown as Sheet, appends: () => appends };
}

describe('appending one row', () => {
  beforeAll(() => {
    (globalThis as { Utilities?: unknown }).Utilities = { sleep: () => undefined };
  });
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test('a failure after the write is not retried into a second row', () => {
    const rows: unknown[][] = [
      ['ID', 'Email'],
      ['ISC-00001', 'anna@x.it'],
    ];
    const { sheet, appends } = flakySheet(rows, ['after']);
    appendOneRow(sheet, ['ISC-00002', "'=luca@x.it"], [1, 2]);
    expect(appends()).toBe(1);
    expect(rows).toEqual([
      ['ID', 'Email'],
      ['ISC-00001', 'anna@x.it'],
      ['ISC-00002', '=luca@x.it'],
    ]);
  });

  test('a failure before the write is retried until the row is there, once', () => {
    const rows: unknown[][] = [
      ['ID', 'Email'],
      ['ISC-00001', 'anna@x.it'],
    ];
    const { sheet, appends } = flakySheet(rows, ['before', 'before']);
    appendOneRow(sheet, ['ISC-00002', 'luca@x.it'], [1]);
    expect(appends()).toBe(3);
    expect(rows.map((r) => r[0])).toEqual(['ID', 'ISC-00001', 'ISC-00002']);
  });

  test('a last row that only resembles the new one on other columns does not stop the retry', () => {
    const rows: unknown[][] = [
      ['Quando', 'Azione', 'Dettagli'],
      [new Date(0), 'iscrizione', 'ISC-00001'],
    ];
    const { sheet } = flakySheet(rows, ['before']);
    appendOneRow(sheet, [new Date(60_000), 'iscrizione', 'ISC-00001'], [1, 2, 3]);
    expect(rows).toHaveLength(3);
  });
});

/** A sheet that records how it is written to. */
function recordingSheet(): { sheet: Sheet; writes: string[] } {
  const writes: string[] = [];
  const sheet = {
    appendRow(row: unknown[]) {
      writes.push(`appendRow ${row.length}`);
      return sheet;
    },
    getRange(row: number, column: number, numRows: number, numColumns: number) {
      return {
        setValues() {
          writes.push(`setValues ${row},${column} ${numRows}x${numColumns}`);
        },
      };
    },
  };
  return { sheet: sheet as unknown as Sheet, writes };
}

const EMPLOYEE_HEADER = COLUMNS.dipendenti.map((c) => c.header);
const anna = ['I00001', 'Anna', 'Rossi', 'anna@x.it', '', 'Crema', 'Dipendente', '', true];

function employees(grid: unknown[][]): { table: Table<Employee>; writes: string[] } {
  const { sheet, writes } = recordingSheet();
  return { table: { ...decodeTable('Dipendenti', grid, () => ''), sheet }, writes };
}

const luca: Employee = {
  id: 'I00002',
  firstName: 'Luca',
  lastName: 'Bianchi',
  email: 'luca@x.it',
  taxCode: '',
  comune: 'Crema',
  role: 'Dipendente',
  office: '',
  active: true,
};

describe('appending records', () => {
  test('one record below a tab that ends at its last row is one appendRow', () => {
    const { table, writes } = employees([EMPLOYEE_HEADER, anna]);
    expect(appendRecords(table, [luca])).toEqual([{ row: 3, record: luca }]);
    expect(writes).toEqual(['appendRow 9']);
  });

  test('unchecked boxes below the data keep the block write, right after the data', () => {
    const box = ['', '', '', '', '', '', '', '', false];
    const { table, writes } = employees([EMPLOYEE_HEADER, anna, box, box]);
    expect(table.lastRow).toBe(2);
    expect(appendRecords(table, [luca])).toEqual([{ row: 3, record: luca }]);
    expect(writes).toEqual(['setValues 3,1 1x9']);
  });

  test('several records are one block', () => {
    const { table, writes } = employees([EMPLOYEE_HEADER, anna]);
    appendRecords(table, [luca, { ...luca, id: 'I00003', email: 'sara@x.it' }]);
    expect(writes).toEqual(['setValues 3,1 2x9']);
  });
});
