import { nextEventId } from './event-id';
import type { ExistingEvent } from './types';

const existing = (id: string): ExistingEvent => ({
  id,
  status: 'cancelled',
  sessionId: 'EXC-BASE-S1',
  hash: '',
  hasConference: false,
  conferencePending: false,
  meetLink: '',
  meetAttempt: 0,
});

describe('nextEventId', () => {
  it('is a valid Calendar id (base32hex, 5 to 1024 characters) and the same for the same calendar state', () => {
    const id = nextEventId('EXC-BASE-S1', []);
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(nextEventId('EXC-BASE-S1', [])).toBe(id);
    expect(nextEventId('EXC-BASE-S2', [])).not.toBe(id);
  });

  it('moves on once the calendar holds an event of the session, so a deleted event is never reused', () => {
    expect(nextEventId('EXC-BASE-S1', [existing('x')])).not.toBe(nextEventId('EXC-BASE-S1', []));
    expect(nextEventId('Corso è-S1', [])).toMatch(/^[a-v0-9]+$/);
  });
});
