import { a1Of, assembleGrids, dateCell, dateColumns, planReads, type TabExtent } from './api-reads';
import { TAB } from './tabs';

const ENROLLMENT_HEADER = ['ID', 'Data richiesta', 'Corso', 'Email', 'Dipendente', 'Stato'];

describe('planReads', () => {
  it('cuts a big tab into row ranges of about the same cells and lets small tabs share a request', () => {
    const extents: TabExtent[] = [
      { tab: TAB.iscrizioni, lastRow: 40_001, lastColumn: 10 },
      { tab: TAB.comuni, lastRow: 51, lastColumn: 8 },
      { tab: TAB.corsi, lastRow: 61, lastColumn: 13 },
    ];
    const requests = planReads(extents, new Map(), 10);
    const cells = requests.map((r) => r.ranges.reduce((n, x) => n + x.rows * x.columns, 0));
    expect(requests.length).toBeLessThanOrEqual(11);
    expect(Math.max(...cells)).toBeLessThanOrEqual(Math.ceil((400_000 + 400 + 780) / 10));
    const enrollmentRows = requests
      .flatMap((r) => r.ranges)
      .filter((r) => r.tab === TAB.iscrizioni)
      .reduce((n, r) => n + r.rows, 0);
    expect(enrollmentRows).toBe(40_000);
  });

  it('reads the date columns a second time with dates as text, and skips tabs with only a header', () => {
    const dates = dateColumns(TAB.iscrizioni, ENROLLMENT_HEADER);
    expect([...dates]).toEqual([[2, 'datetime']]);
    const requests = planReads(
      [
        { tab: TAB.iscrizioni, lastRow: 3, lastColumn: 6 },
        { tab: TAB.presenze, lastRow: 1, lastColumn: 9 },
      ],
      new Map([[TAB.iscrizioni, dates]]),
      10,
    );
    expect(requests.map((r) => [r.dates, r.ranges.map(a1Of)])).toEqual([
      [false, ["'Iscrizioni'!A2:F3"]],
      [true, ["'Iscrizioni'!B2:B3"]],
    ]);
  });
});

describe('assembleGrids', () => {
  it('gives the grid getValues gives: every row to the last, full width, a date only where both readings agree', () => {
    const extents: TabExtent[] = [{ tab: TAB.iscrizioni, lastRow: 4, lastColumn: 6 }];
    const dates = new Map([[TAB.iscrizioni, dateColumns(TAB.iscrizioni, ENROLLMENT_HEADER)]]);
    const requests = planReads(extents, dates, 10);
    const answers = [
      // Serial numbers: row 3 is empty (left out as an empty list), trailing cells left out.
      [[['I00001', 46_407.5, 'C01', 'a@x.it', 'D00001', 'Confermata'], [], ['I00003', 46_042, 'C01']]],
      // Dates as text: the number typed in row 4 stays a number.
      [[['20/01/2027 12:00:00'], [], [46_042]]],
    ];
    const grid = assembleGrids(
      extents,
      new Map([[TAB.iscrizioni, ENROLLMENT_HEADER]]),
      dates,
      requests,
      answers,
      'Europe/Rome',
    ).get(TAB.iscrizioni);
    expect(grid).toHaveLength(4);
    expect(grid?.[0]).toEqual(ENROLLMENT_HEADER);
    expect(grid?.[1]?.[1]).toEqual(new Date('2027-01-20T12:00:00+01:00'));
    expect(grid?.[2]).toEqual(['', '', '', '', '', '']);
    expect(grid?.[3]).toEqual(['I00003', 46_042, 'C01', '', '', '']);
  });

  it('turns a date or a time into the text the codec reads from a Date, whatever the zone', () => {
    expect(dateCell('date', 46_082.99, 'Europe/Rome')).toBe('2026-03-01');
    expect(dateCell('time', 0.375, 'Europe/Rome')).toBe('09:00');
    expect(dateCell('datetime', 46_203.375, 'Europe/Rome')).toEqual(new Date('2026-06-30T09:00:00+02:00'));
  });
});
