import { pastYearsOf, pastYearsText } from './history';

const ARCHIVED = [
  { year: 2026, hoursByEmployee: new Map([['D00001', 8]]) },
  {
    year: 2027,
    hoursByEmployee: new Map([
      ['D00001', 12.5],
      ['D00002', 0],
    ]),
  },
];

describe("a person's past years", () => {
  test('lists the closed years whose archive names the employee, newest first, zero hours included', () => {
    expect(pastYearsOf('D00001', ARCHIVED)).toEqual([
      { year: 2027, hours: 12.5 },
      { year: 2026, hours: 8 },
    ]);
    expect(pastYearsOf('D00002', ARCHIVED)).toEqual([{ year: 2027, hours: 0 }]);
  });

  test('shows nothing for a request not linked to an employee or a person no archive names', () => {
    expect(pastYearsOf('', ARCHIVED)).toEqual([]);
    expect(pastYearsOf('D00009', ARCHIVED)).toEqual([]);
  });

  test('writes the years as staff read them', () => {
    expect(pastYearsText(pastYearsOf('D00001', ARCHIVED))).toBe('2027: 12,5 ore · 2026: 8 ore');
    expect(pastYearsText([{ year: 2027, hours: 1 }])).toBe('2027: 1 ora');
    expect(pastYearsText([])).toBe('');
  });
});
