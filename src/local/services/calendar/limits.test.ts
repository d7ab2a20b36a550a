import { Workspace } from '../../runtime/workspace';
import { setDailyRemaining } from '../quota';
import { calendarGlobals, EVENTS_CREATED_PER_DAY, GoogleJsonResponseException, REQUESTS_PER_MINUTE } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

const START = Date.parse('2027-02-01T09:00:00+01:00');
const EVENT = {
  summary: 'Excel di base',
  start: { dateTime: '2027-03-02T09:00:00+01:00' },
  end: { dateTime: '2027-03-02T12:00:00+01:00' },
};

function setup(costMs = 0) {
  const ws = Workspace.create({ startMs: START, latency: { cost: () => costMs } });
  const { Calendar, CalendarApp } = calendarGlobals(ws) as { Calendar: any; CalendarApp: any };
  return { ws, Calendar, CalendarApp };
}

function thrown(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (error) {
    return error as GoogleJsonResponseException;
  }
  throw new Error('expected a throw');
}

describe('Calendar daily events-created quota', () => {
  // catalogue: QUOTA-DAILY-CALENDAR-EVENTS
  test('the 10,001st insert of the day is refused with 403 usageLimits quotaExceeded', () => {
    const { ws, Calendar } = setup();
    setDailyRemaining(ws, 'calendarEventsCreated', EVENTS_CREATED_PER_DAY, 1);
    Calendar.Events.insert(EVENT, 'primary');
    const error = thrown(() => Calendar.Events.insert(EVENT, 'primary'));
    expect(error.message).toBe('API call to calendar.events.insert failed with error: Calendar usage limits exceeded.');
    expect(error.details).toEqual({
      code: 403,
      message: 'Calendar usage limits exceeded.',
      errors: [{ domain: 'usageLimits', reason: 'quotaExceeded', message: 'Calendar usage limits exceeded.' }],
    });
    expect(ws.counts.Calendar).toBe(2);
  });

  // catalogue: QUOTA-DAILY-CALENDAR-EVENTS
  test('the allowance is whole again 24 hours after the window began, and patches do not spend it', () => {
    const { ws, Calendar } = setup();
    setDailyRemaining(ws, 'calendarEventsCreated', EVENTS_CREATED_PER_DAY, 1);
    const ev = Calendar.Events.insert(EVENT, 'primary');
    Calendar.Events.patch({ summary: 'Excel avanzato' }, 'primary', ev.id);
    expect(() => Calendar.Events.insert(EVENT, 'primary')).toThrow('Calendar usage limits exceeded.');
    ws.advanceClock(24 * 60 * 60 * 1000);
    expect(Calendar.Events.insert(EVENT, 'primary').status).toBe('confirmed');
  });

  // catalogue: QUOTA-DAILY-CALENDAR-EVENTS
  test('CalendarApp spends the same allowance and words the refusal its own way', () => {
    const { ws, Calendar, CalendarApp } = setup();
    setDailyRemaining(ws, 'calendarEventsCreated', EVENTS_CREATED_PER_DAY, 1);
    Calendar.Events.insert(EVENT, 'primary');
    expect(() => CalendarApp.createEvent('Riunione', new Date(START + 3600_000), new Date(START + 7200_000))).toThrow(
      'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.',
    );
  });
});

describe('Calendar per-minute rate limit', () => {
  // catalogue: CAL-RATE-LIMIT, CAL-RATE-LIMIT-REASON
  test('the 601st request inside a minute is refused as rateLimitExceeded; a minute later requests pass again', () => {
    const { ws, Calendar } = setup(0);
    for (let i = 0; i < REQUESTS_PER_MINUTE; i++) Calendar.Events.list('primary');
    const error = thrown(() => Calendar.Events.list('primary'));
    expect(error.message).toBe('API call to calendar.events.list failed with error: Rate Limit Exceeded');
    expect(error.details.errors).toEqual([
      { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' },
    ]);
    expect([403, 429]).toContain(error.details.code);
    ws.advanceClock(60_000);
    expect(Calendar.Events.list('primary').items).toEqual([]);
  });

  // catalogue: CAL-RATE-LIMIT
  test('at the latency of real calls a sequential script never reaches the limit', () => {
    const { Calendar } = setup(250);
    for (let i = 0; i < REQUESTS_PER_MINUTE + 50; i++) Calendar.Events.list('primary');
    expect(Calendar.Events.list('primary').kind).toBe('calendar#events');
  });
});
