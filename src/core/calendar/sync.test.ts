import { groupBySession, sessionsToSync, toExistingEvent } from './sync';
import type { CalendarCourse, CalendarSession } from './types';

function course(code: string, status: string): CalendarCourse {
  return { code, title: code, area: '', description: '', teacher: '', hours: 2, mode: 'Online', venue: '', status };
}
function session(id: string, courseCode: string, date: string): CalendarSession {
  return {
    id,
    course: courseCode,
    date,
    start: '09:00',
    end: '11:00',
    venue: '',
    eventId: '',
    meetLink: '',
    status: 'Programmata',
  };
}

describe('sessionsToSync', () => {
  const courses = [course('A', 'Iscrizioni aperte'), course('B', 'Bozza'), course('C', 'Annullato')];
  const sessions = [
    session('A-S2', 'A', '2027-04-01'),
    session('B-S1', 'B', '2027-03-01'),
    session('A-S1', 'A', '2027-03-01'),
    session('C-S1', 'C', '2027-02-01'),
    session('X-S1', 'X', '2027-02-01'),
  ];

  it('leaves out drafts and unknown courses and orders by course then date', () => {
    expect(sessionsToSync(sessions, courses).map((s) => s.id)).toEqual(['A-S1', 'A-S2', 'C-S1']);
  });

  it('restricts to the given courses', () => {
    expect(sessionsToSync(sessions, courses, ['C']).map((s) => s.id)).toEqual(['C-S1']);
    expect(sessionsToSync(sessions, courses, ['C', 'A']).map((s) => s.id)).toEqual(['A-S1', 'A-S2', 'C-S1']);
    expect(sessionsToSync(sessions, courses, ['B'])).toEqual([]);
  });
});

describe('reading events', () => {
  it('reads the Meet link, a pending conference and the private properties', () => {
    expect(
      toExistingEvent({
        id: 'e1',
        status: 'confirmed',
        hangoutLink: 'https://meet.google.com/aaa-bbbb-ccc',
        extendedProperties: { private: { sessionId: 'S1', hash: 'h', meetRequest: '2' } },
      }),
    ).toEqual({
      id: 'e1',
      status: 'confirmed',
      sessionId: 'S1',
      hash: 'h',
      hasConference: true,
      conferencePending: false,
      meetLink: 'https://meet.google.com/aaa-bbbb-ccc',
      meetAttempt: 2,
    });
    const pending = toExistingEvent({
      id: 'e2',
      conferenceData: { createRequest: { status: { statusCode: 'pending' } } },
    });
    expect(pending).toMatchObject({
      hasConference: true,
      conferencePending: true,
      meetLink: '',
      sessionId: '',
      meetAttempt: 0,
    });
    expect(
      toExistingEvent({
        id: 'e3',
        conferenceData: {
          entryPoints: [
            { entryPointType: 'phone', uri: 'tel:1' },
            { entryPointType: 'video', uri: 'https://meet.google.com/x' },
          ],
        },
      }).meetLink,
    ).toBe('https://meet.google.com/x');
  });

  it("groups the add-on's events by session and ignores others", () => {
    const groups = groupBySession([
      { id: 'e1', extendedProperties: { private: { sessionId: 'S1' } } },
      { id: 'e2', extendedProperties: { private: { sessionId: 'S1' } }, status: 'cancelled' },
      { id: 'e3' },
    ]);
    expect([...groups.keys()]).toEqual(['S1']);
    expect(groups.get('S1')?.map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});
