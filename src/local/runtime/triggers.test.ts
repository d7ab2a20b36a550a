import { isoInZone } from '../../core/time/zone';
import { nextOccurrence, type TriggerRecord } from './triggers';

function daily(hour: number, everyMs = 86_400_000): TriggerRecord {
  return {
    uid: '1',
    handler: 'sendReminders',
    type: 'CLOCK',
    source: 'CLOCK',
    sourceId: null,
    nextAtMs: null,
    everyMs,
    wallClock: { hour, minute: 0, timeZone: 'Europe/Rome' },
    owner: 'staff@example.it',
  };
}

describe('recurring clock triggers', () => {
  // catalogue: SCRIPT-CLOCK-TRIGGERS
  it('keep the wall-clock hour of a daily trigger across the March clock change', () => {
    const fired = Date.parse('2027-03-27T06:00:00+01:00');
    expect(isoInZone(nextOccurrence(daily(6), fired, fired) as number)).toBe('2027-03-28T06:00:00+02:00');
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  it('keep the wall-clock hour of a daily trigger across the October clock change', () => {
    const fired = Date.parse('2027-10-30T06:00:00+02:00');
    expect(isoInZone(nextOccurrence(daily(6), fired, fired) as number)).toBe('2027-10-31T06:00:00+01:00');
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  it('skip occurrences already past when the clock moved on by several days', () => {
    const fired = Date.parse('2027-03-01T06:00:00+01:00');
    const now = Date.parse('2027-03-04T10:00:00+01:00');
    expect(isoInZone(nextOccurrence(daily(6), fired, now) as number)).toBe('2027-03-05T06:00:00+01:00');
  });

  // catalogue: SCRIPT-CLOCK-TRIGGERS
  it('add the period to triggers without a wall-clock hour, and never fire a one-shot again', () => {
    const every15: TriggerRecord = { ...daily(0, 15 * 60_000), wallClock: undefined };
    expect(nextOccurrence(every15, 1_000_000, 1_000_000)).toBe(1_000_000 + 15 * 60_000);
    expect(nextOccurrence({ ...every15, everyMs: null }, 1_000_000, 1_000_000)).toBeNull();
  });
});
