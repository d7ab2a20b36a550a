import { employeeRowRuns, idAtRow, parseEmployeeRowRuns } from './employee-rows';

describe('the map from Dipendenti rows to employee IDs', () => {
  test('rows holding consecutive IDs make one run, whatever order they come in', () => {
    const rows = [4, 2, 3].map((row) => ({ row, id: `D0000${row - 1}` }));
    expect(employeeRowRuns(rows)).toEqual([[2, 1, 3]]);
  });

  test('a gap in rows or numbers starts a new run; an ID of another shape belongs to none', () => {
    const runs = employeeRowRuns([
      { row: 2, id: 'D00001' },
      { row: 3, id: 'D00002' },
      { row: 4, id: 'D00010' },
      { row: 5, id: 'MATR-77' },
      { row: 6, id: '' },
      { row: 7, id: 'D00011' },
    ]);
    expect(runs).toEqual([
      [2, 1, 2],
      [4, 10, 1],
      [7, 11, 1],
    ]);
    expect([2, 3, 4, 5, 6, 7, 8].map((r) => idAtRow(runs, r))).toEqual([
      'D00001',
      'D00002',
      'D00010',
      null,
      null,
      'D00011',
      null,
    ]);
  });

  test('reads back what it wrote, and nothing from a value that is not a map', () => {
    const runs = employeeRowRuns([{ row: 2, id: 'D00001' }]);
    expect(parseEmployeeRowRuns(JSON.stringify(runs))).toEqual(runs);
    for (const text of [null, '', '[[2,1', '{}', '[[0,1,1]]', '[[2,1.5,1]]', '[[2,1]]'])
      expect(parseEmployeeRowRuns(text)).toBeNull();
  });
});
