import { zonedToUtc } from '../../core/time/zone';
import { classicPlacement, placementAround } from './placement';
import { demoRegistry } from './academy';

function rome(year: number, month: number, day: number, hour = 9): number {
  return zonedToUtc({ year, month, day, hour, minute: 0, second: 0 });
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

describe('the demo training year placed around a day', () => {
  test('the classic year opens enrollment on 11 January and holds sessions from February to November', () => {
    expect(classicPlacement(2027)).toEqual({
      year: 2027,
      enrollmentOpens: '2027-01-11',
      sessionsFrom: '2027-02-01',
      sessionsTo: '2027-11-30',
    });
  });

  test('in June the year is the classic one: months behind and months ahead', () => {
    expect(placementAround(rome(2027, 6, 15))).toEqual(classicPlacement(2027));
  });

  test('on 1 December the year is still the current one, and its sessions run ten weeks into the next', () => {
    const p = placementAround(rome(2026, 12, 1));
    expect(p.year).toBe(2026);
    expect(p.sessionsFrom).toBe('2026-02-01');
    expect(daysBetween('2026-12-01', p.sessionsTo)).toBe(70);
  });

  test('in January the lived weeks begin the previous autumn, and the year is the one being closed', () => {
    const p = placementAround(rome(2027, 1, 10));
    expect(daysBetween(p.sessionsFrom, '2027-01-10')).toBe(70);
    expect(p.year).toBe(2026);
    expect(p.sessionsTo).toBe('2027-11-30');
    expect(daysBetween(p.enrollmentOpens, p.sessionsFrom)).toBe(21);
  });

  test.each([
    ['January', rome(2027, 1, 3)],
    ['June', rome(2027, 6, 15)],
    ['December', rome(2026, 12, 28, 18)],
  ])('in %s the catalog has sessions held behind the day and sessions ahead of it', (_month, at) => {
    const p = placementAround(at);
    const today = new Date(at).toISOString().slice(0, 10);
    const sessions = (
      demoRegistry({ year: p.year, sessions: { from: p.sessionsFrom, to: p.sessionsTo } }).Sessioni ?? []
    ).map((s) => String(s.Data));
    const behind = sessions.filter((d) => d < today).length;
    const ahead = sessions.filter((d) => d > today).length;
    expect(behind).toBeGreaterThanOrEqual(20);
    expect(ahead).toBeGreaterThanOrEqual(20);
    expect(sessions.every((d) => d >= p.sessionsFrom && d <= p.sessionsTo)).toBe(true);
  });
});
