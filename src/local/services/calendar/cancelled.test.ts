import { Workspace } from '../../runtime/workspace';
import { calendarGlobals, CANCELLED_PURGE_MS, snapshotCalendar } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

const START = Date.parse('2027-02-01T09:00:00+01:00');

function setup() {
  const ws = Workspace.create({ startMs: START });
  const { Calendar } = calendarGlobals(ws) as { Calendar: any };
  const ev = Calendar.Events.insert(
    {
      summary: 'Excel di base',
      start: { dateTime: '2027-03-02T09:00:00+01:00' },
      end: { dateTime: '2027-03-02T12:00:00+01:00' },
      attendees: [{ email: 'anna.bassi@comune.crema.cr.it' }],
      extendedProperties: { private: { sessionId: 'EXC-BASE-S1' } },
    },
    'primary',
  );
  return { ws, Calendar, id: String(ev.id) };
}

describe('cancelled events (strict variant)', () => {
  // catalogue: CAL-CANCELLED-PURGED
  test('a cancelled event reads back with only its id and status', () => {
    const { Calendar, id } = setup();
    Calendar.Events.remove('primary', id);
    expect(Calendar.Events.get('primary', id)).toEqual({ kind: 'calendar#event', id, status: 'cancelled' });
    const listed = Calendar.Events.list('primary', { showDeleted: true }).items;
    expect(listed).toEqual([{ kind: 'calendar#event', id, status: 'cancelled' }]);
    expect(Calendar.Events.list('primary', { privateExtendedProperty: 'sessionId=EXC-BASE-S1' }).items).toEqual([]);
  });

  // catalogue: CAL-CANCELLED-PURGED
  test('a day after its cancellation the event is gone: get is 404 and showDeleted lists nothing', () => {
    const { ws, Calendar, id } = setup();
    Calendar.Events.remove('primary', id);
    ws.advanceClock(CANCELLED_PURGE_MS - 1000);
    expect(() => Calendar.Events.remove('primary', id)).toThrow('Resource has been deleted');
    ws.advanceClock(1000);
    expect(() => Calendar.Events.get('primary', id)).toThrow(
      'API call to calendar.events.get failed with error: Not Found',
    );
    expect(Calendar.Events.list('primary', { showDeleted: true }).items).toEqual([]);
    expect(snapshotCalendar(ws).map((e) => e.status)).toEqual(['cancelled']);
  });

  // catalogue: CAL-CANCELLED-PURGED
  test('a patch to status cancelled starts the same clock', () => {
    const { ws, Calendar, id } = setup();
    Calendar.Events.patch({ status: 'cancelled' }, 'primary', id);
    ws.advanceClock(CANCELLED_PURGE_MS);
    expect(() => Calendar.Events.patch({ summary: 'x' }, 'primary', id)).toThrow('Not Found');
  });
});
