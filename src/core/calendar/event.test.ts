import {
  buildSessionEvent,
  confirmedAttendees,
  contentHash,
  eventDescription,
  eventSummary,
  italianLongDate,
  numberSessions,
} from './event';
import type { CalendarCourse, CalendarSession } from './types';

const course: CalendarCourse = {
  code: 'EXC-BASE',
  title: 'Excel di base',
  area: 'Competenze digitali',
  description: 'Fogli, formule e grafici.',
  teacher: 'Marco Villa',
  hours: 6,
  mode: 'Online',
  venue: 'Sala consiliare, Crema',
  status: 'Iscrizioni aperte',
};

function session(id: string, date: string, extra: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id,
    course: 'EXC-BASE',
    date,
    start: '09:00',
    end: '12:00',
    venue: '',
    eventId: '',
    meetLink: '',
    status: 'Programmata',
    ...extra,
  };
}

const cancellation = { formUrl: 'https://forms.example/iscrizioni', staffEmail: 'formazione@consorzio.example.it' };

describe('event text', () => {
  it('titles the event "<Titolo> (<Codice>)"', () => {
    expect(eventSummary(course)).toBe('Excel di base (EXC-BASE)');
  });

  it('writes the date in Italian', () => {
    expect(italianLongDate('2027-03-02')).toBe('martedì 2 marzo 2027');
    expect(italianLongDate('2027-10-31')).toBe('domenica 31 ottobre 2027');
  });

  it('describes course, teacher, hours, session n of m and how to cancel, in Italian', () => {
    const text = eventDescription(course, session('EXC-BASE-S2', '2027-03-30'), { n: 2, of: 2 }, cancellation);
    expect(text).toContain('Corso: Excel di base (EXC-BASE)');
    expect(text).toContain('Docente: Marco Villa');
    expect(text).toContain('Durata del corso: 6 ore');
    expect(text).toContain('Incontro 2 di 2: martedì 30 marzo 2027, dalle 09:00 alle 12:00');
    expect(text).toContain('Google Meet');
    expect(text).toContain('Fogli, formule e grafici.');
    expect(text).toContain('https://forms.example/iscrizioni');
    expect(text).toContain('«Annullamento»');
    expect(text).toContain('formazione@consorzio.example.it');
  });

  it('names the venue for in-person courses and never mentions Meet', () => {
    const text = eventDescription(
      { ...course, mode: 'In presenza', hours: 1.5 },
      session('S', '2027-03-02', { venue: 'Biblioteca' }),
      undefined,
      {
        formUrl: '',
        staffEmail: '',
      },
    );
    expect(text).toContain('Modalità: in presenza, presso Biblioteca');
    expect(text).toContain('Durata del corso: 1,5 ore');
    expect(text).not.toContain('Meet');
    expect(text).toContain('compili di nuovo il modulo di iscrizione');
  });
});

describe('attendees', () => {
  it('are exactly the confirmed enrollees of the course, normalised and without repeats', () => {
    const list = confirmedAttendees(
      [
        { course: 'EXC-BASE', email: ' Luca.Ferrari@comune.crema.cr.it ', status: 'Confermata' },
        { course: 'EXC-BASE', email: 'anna.bassi@comune.crema.cr.it', status: 'Annullata' },
        { course: 'EXC-BASE', email: 'giulia.riva@comune.offanengo.cr.it', status: 'In attesa' },
        { course: 'EXC-BASE', email: 'luca.ferrari@comune.crema.cr.it', status: 'Confermata' },
        { course: 'EXC-BASE', email: 'bruno@comune.x.it', status: 'In approvazione' },
        { course: 'GDPR', email: 'sara@comune.x.it', status: 'Confermata' },
        { course: 'EXC-BASE', email: 'aldo@comune.x.it', status: 'Confermata' },
      ],
      'EXC-BASE',
    );
    expect(list).toEqual(['aldo@comune.x.it', 'luca.ferrari@comune.crema.cr.it']);
  });
});

describe('session numbering', () => {
  it('counts live sessions in date order, skipping cancelled ones', () => {
    const map = numberSessions([
      session('S3', '2027-04-10'),
      session('S1', '2027-03-02'),
      session('S2', '2027-03-20', { status: 'Annullata' }),
    ]);
    expect(map.get('S1')).toEqual({ n: 1, of: 2 });
    expect(map.get('S3')).toEqual({ n: 2, of: 2 });
    expect(map.has('S2')).toBe(false);
  });
});

describe('event resource', () => {
  const input = {
    course,
    session: session('EXC-BASE-S1', '2027-03-02'),
    position: { n: 1, of: 2 },
    attendees: ['anna@x.it'],
    cancellation,
  };

  it('uses wall-clock times in Europe/Rome, popup reminders and the session in private properties', () => {
    const { resource, hash, meet } = buildSessionEvent(input);
    expect(resource.start).toEqual({ dateTime: '2027-03-02T09:00:00', timeZone: 'Europe/Rome' });
    expect(resource.end).toEqual({ dateTime: '2027-03-02T12:00:00', timeZone: 'Europe/Rome' });
    expect(resource.reminders).toEqual({
      useDefault: false,
      overrides: [
        { method: 'popup', minutes: 1440 },
        { method: 'popup', minutes: 30 },
      ],
    });
    expect(resource.attendees).toEqual([{ email: 'anna@x.it' }]);
    expect(resource.extendedProperties.private).toEqual({ sessionId: 'EXC-BASE-S1', courseCode: 'EXC-BASE', hash });
    expect(resource.location).toBe('');
    expect(resource.guestsCanSeeOtherGuests).toBe(false);
    expect(meet).toBe(true);
    expect(resource.conferenceData).toBeUndefined();
  });

  it('keeps the venue for in-person and mixed courses, the session venue first', () => {
    expect(buildSessionEvent({ ...input, course: { ...course, mode: 'In presenza' } }).resource.location).toBe(
      'Sala consiliare, Crema',
    );
    const mixed = buildSessionEvent({
      ...input,
      course: { ...course, mode: 'Mista' },
      session: session('S', '2027-03-02', { venue: 'Aula 2' }),
    });
    expect(mixed.resource.location).toBe('Aula 2');
    expect(mixed.meet).toBe(true);
    expect(buildSessionEvent({ ...input, course: { ...course, mode: 'In presenza' } }).meet).toBe(false);
  });

  it('hashes the same content the same way and any visible change differently', () => {
    const a = buildSessionEvent(input).hash;
    expect(buildSessionEvent({ ...input, attendees: ['anna@x.it'] }).hash).toBe(a);
    expect(buildSessionEvent({ ...input, attendees: ['anna@x.it', 'luca@x.it'] }).hash).not.toBe(a);
    expect(buildSessionEvent({ ...input, session: session('EXC-BASE-S1', '2027-03-03') }).hash).not.toBe(a);
    expect(buildSessionEvent({ ...input, course: { ...course, mode: 'Mista' } }).hash).not.toBe(a);
    expect(buildSessionEvent({ ...input, position: { n: 1, of: 3 } }).hash).not.toBe(a);
  });

  it('hashes objects independently of key order', () => {
    expect(contentHash({ a: 1, b: [1, 2], c: { d: 'x', e: null } })).toBe(
      contentHash({ c: { e: null, d: 'x' }, b: [1, 2], a: 1 }),
    );
    expect(contentHash({ b: [1, 2] })).not.toBe(contentHash({ b: [2, 1] }));
    expect(contentHash('x')).toMatch(/^v1-[0-9a-z]+$/);
  });
});
