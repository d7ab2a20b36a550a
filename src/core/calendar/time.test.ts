import {
  resolveRomeWallClock,
  romeDstBounds,
  romeIso,
  sessionMinutes,
  sessionTimeProblem,
  wallClockDateTime,
} from './time';

describe('Europe/Rome wall-clock times', () => {
  it('sends sessions as wall-clock dateTime without an offset', () => {
    expect(wallClockDateTime('2027-03-02', '09:00')).toBe('2027-03-02T09:00:00');
    expect(() => wallClockDateTime('2027-02-30', '09:00')).toThrow('Data non valida');
    expect(() => wallClockDateTime('2027-03-02', '9:00')).toThrow('Orario non valido');
  });

  it('knows the 2027 DST changes: 28 March and 31 October at 01:00 UTC', () => {
    const { startsMs, endsMs } = romeDstBounds(2027);
    expect(new Date(startsMs).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(new Date(endsMs).toISOString()).toBe('2027-10-31T01:00:00.000Z');
  });

  it('gives +01:00 before and +02:00 after the March change', () => {
    expect(romeIso('2027-03-02', '09:00')).toBe('2027-03-02T09:00:00+01:00');
    expect(romeIso('2027-03-27', '09:00')).toBe('2027-03-27T09:00:00+01:00');
    expect(romeIso('2027-03-28', '01:59')).toBe('2027-03-28T01:59:00+01:00');
    expect(romeIso('2027-03-28', '03:00')).toBe('2027-03-28T03:00:00+02:00');
    expect(romeIso('2027-03-30', '09:00')).toBe('2027-03-30T09:00:00+02:00');
  });

  it('gives +02:00 before and +01:00 after the October change', () => {
    expect(romeIso('2027-10-30', '09:00')).toBe('2027-10-30T09:00:00+02:00');
    expect(romeIso('2027-10-31', '01:30')).toBe('2027-10-31T01:30:00+02:00');
    expect(romeIso('2027-10-31', '03:00')).toBe('2027-10-31T03:00:00+01:00');
    expect(romeIso('2027-11-02', '09:00')).toBe('2027-11-02T09:00:00+01:00');
  });

  it('flags the skipped hour in March and the repeated hour in October', () => {
    expect(resolveRomeWallClock('2027-03-28', '02:30').kind).toBe('nonexistent');
    expect(resolveRomeWallClock('2027-10-31', '02:30')).toMatchObject({ kind: 'ambiguous', offsetMinutes: 120 });
    expect(resolveRomeWallClock('2027-10-31', '03:30')).toMatchObject({ kind: 'normal', offsetMinutes: 60 });
  });

  it('measures a session across a change by the real clock', () => {
    expect(sessionMinutes('2027-03-28', '01:00', '04:00')).toBe(120);
    expect(sessionMinutes('2027-10-31', '01:00', '04:00')).toBe(240);
    expect(sessionMinutes('2027-03-30', '09:00', '12:00')).toBe(180);
  });

  it('explains in Italian why a session cannot become an event', () => {
    expect(sessionTimeProblem('2027-03-02', '09:00', '12:00')).toBeNull();
    expect(sessionTimeProblem('2027-03-02', '12:00', '09:00')).toMatch(/deve essere successivo/);
    expect(sessionTimeProblem('2027-03-28', '02:15', '04:00')).toMatch(/non esiste/);
    expect(sessionTimeProblem('2027-13-01', '09:00', '10:00')).toMatch(/Data non valida/);
    expect(sessionTimeProblem('2027-03-02', '', '10:00')).toMatch(/inizio non valido/);
  });
});
