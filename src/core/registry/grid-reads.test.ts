import { cellFromReadings } from './api-reads';
import { gridKey, gridReadings } from './grid-reads';

const answer = {
  sheets: [
    {
      properties: { title: 'Iscrizioni' },
      data: [
        { startRow: 41, rowData: [{ values: [{ effectiveValue: { stringValue: 'ultima' } }] }] },
        {
          rowData: [
            {
              values: [
                { effectiveValue: { stringValue: 'Data' } },
                {},
                { effectiveValue: { boolValue: false }, formattedValue: 'FALSE' },
              ],
            },
            {},
            {
              values: [
                {
                  effectiveValue: { numberValue: 46448 },
                  formattedValue: '02/03/2027',
                  effectiveFormat: { numberFormat: { type: 'DATE' } },
                },
                { effectiveValue: { numberValue: 46448 }, formattedValue: '46448' },
                { effectiveValue: { errorValue: { type: 'REF' } }, formattedValue: '#REF!' },
              ],
            },
          ],
        },
      ],
    },
    { properties: { title: 'Registro' }, data: [{ startRow: 2, startColumn: 3 }] },
  ],
};

describe('readings from grid data', () => {
  it('finds each block by where it starts, whatever its place in the answer', () => {
    const got = gridReadings(answer);
    expect(got.get(gridKey('Iscrizioni', 42, 1))?.serial).toEqual([['ultima']]);
    expect(got.get(gridKey('Iscrizioni', 1, 1))?.serial).toHaveLength(3);
    // An empty block has no rows.
    expect(got.get(gridKey('Registro', 3, 4))).toEqual({ serial: [], formatted: [] });
  });

  it('reads an empty cell or row as empty, a boolean raw and an error as the text it shows', () => {
    const rows = gridReadings(answer).get(gridKey('Iscrizioni', 1, 1))?.serial;
    expect(rows).toEqual([['Data', '', false], [], [46448, 46448, '#REF!']]);
  });

  it('makes a Date only of a cell whose format is a date, not of a number typed into a date column', () => {
    const block = gridReadings(answer).get(gridKey('Iscrizioni', 1, 1));
    const [serial, formatted] = [block?.serial[2] ?? [], block?.formatted[2] ?? []];
    expect(cellFromReadings('date', serial[0], formatted[0], 'Europe/Rome')).toBe('2027-03-02');
    expect(cellFromReadings('date', serial[1], formatted[1], 'Europe/Rome')).toBe(46448);
  });
});
