import { isoInZone, wallClock } from './zone';

const intl = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Rome',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function intlReading(ms: number): number[] {
  const p = Object.fromEntries(intl.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return [p.year, p.month, p.day, p.hour, p.minute, p.second].map(Number);
}

describe('wall-clock readings in Europe/Rome', () => {
  it('agree with Intl around both 2027 clock changes, in 1899 (times of day in Sheets) and for fractional instants', () => {
    const starts = [
      Date.UTC(1899, 11, 29),
      Date.UTC(2027, 2, 27, 22),
      Date.UTC(2027, 9, 30, 22),
      Date.UTC(2026, 10, 26),
    ];
    for (const start of starts) {
      for (let i = 0; i < 1500; i++) {
        const ms = start + i * 37_123.7;
        const w = wallClock(ms);
        expect([w.year, w.month, w.day, w.hour, w.minute, w.second]).toEqual(intlReading(ms));
      }
    }
  });

  it('print ISO-8601 with the offset of the instant', () => {
    expect(isoInZone(Date.parse('2027-03-28T00:59:59Z'))).toBe('2027-03-28T01:59:59+01:00');
    expect(isoInZone(Date.parse('2027-03-28T01:00:00Z'))).toBe('2027-03-28T03:00:00+02:00');
    expect(isoInZone(Date.parse('2027-10-31T00:30:00Z'))).toBe('2027-10-31T02:30:00+02:00');
    expect(isoInZone(Date.parse('2027-10-31T01:30:00Z'))).toBe('2027-10-31T02:30:00+01:00');
  });
});
