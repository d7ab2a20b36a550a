import type { CallAnswer } from '../http/batch';
import type { EventResource } from './types';
import { writeRounds, type CalendarWrite, type WriteOutcome, type WriteStep } from './writes';

const resource = (sessionId: string): EventResource => ({
  summary: 'Corso',
  description: '',
  location: '',
  start: { dateTime: '2027-03-02T09:00:00', timeZone: 'Europe/Rome' },
  end: { dateTime: '2027-03-02T11:00:00', timeZone: 'Europe/Rome' },
  attendees: [],
  reminders: { useDefault: true, overrides: [] },
  guestsCanSeeOtherGuests: false,
  guestsCanInviteOthers: false,
  extendedProperties: { private: { sessionId } },
});

/** Drives a run with scripted answers, one list per send; records every step it asks for. */
function drive(
  writes: CalendarWrite[],
  attempts: number,
  replies: CallAnswer[][],
): { steps: WriteStep[]; outcomes: Map<string, WriteOutcome> } {
  const steps: WriteStep[] = [];
  const run = writeRounds('cal', writes, attempts);
  let step = run.next();
  while (!step.done) {
    steps.push(step.value);
    step = run.next(step.value.kind === 'wait' ? [] : (replies.shift() ?? []));
  }
  return { steps, outcomes: step.value };
}

// catalogue: REST-ERROR-BODY, REST-CAL-BATCH
describe('Calendar write rounds', () => {
  const insert: CalendarWrite = { key: 'S1', kind: 'insert', eventId: 'a4pas1', resource: resource('S1') };
  const cancel: CalendarWrite = { key: 'S2', kind: 'cancel', eventId: 'e2' };
  const busy: CallAnswer = { status: 503, body: { error: { code: 503, message: 'Backend Error' } } };

  it('retries only what failed for a moment, after a wait, and settles the rest at once', () => {
    const { steps, outcomes } = drive([insert, cancel], 3, [
      [busy, { status: 410, body: null }],
      [{ status: 200, body: { id: 'a4pas1', status: 'confirmed' } }],
    ]);
    expect(steps.map((s) => (s.kind === 'send' ? `send ${s.calls.length}` : `wait ${s.retry}`))).toEqual([
      'send 2',
      'wait 0',
      'send 1',
    ]);
    expect(outcomes.get('S1')).toEqual({ ok: true, event: { id: 'a4pas1', status: 'confirmed' } });
    expect(outcomes.get('S2')).toEqual({ ok: true, event: null });
  });

  it('adopts an insert whose id exists only when the event found is the same session', () => {
    const other: CalendarWrite = { key: 'S3', kind: 'insert', eventId: 'a4pas3', resource: resource('S3') };
    const { steps, outcomes } = drive([insert, other], 2, [
      [
        { status: 409, body: null },
        { status: 409, body: null },
      ],
      [
        {
          status: 200,
          body: { id: 'a4pas1', status: 'confirmed', extendedProperties: { private: { sessionId: 'S1' } } },
        },
        {
          status: 200,
          body: { id: 'a4pas3', status: 'confirmed', extendedProperties: { private: { sessionId: 'S9' } } },
        },
      ],
    ]);
    const lookups = steps[1];
    expect(lookups?.kind === 'send' && lookups.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /calendar/v3/calendars/cal/events/a4pas1',
      'GET /calendar/v3/calendars/cal/events/a4pas3',
    ]);
    expect(outcomes.get('S1')?.ok).toBe(true);
    expect(outcomes.get('S3')).toEqual({ ok: false, error: "L'evento a4pas3 esiste già ma non è di questa sessione." });
  });

  it('reports a write still failing after the last round as the service unavailable, so the job resumes it', () => {
    const { steps, outcomes } = drive([cancel], 2, [[busy], [busy]]);
    expect(steps.filter((s) => s.kind === 'send')).toHaveLength(2);
    const outcome = outcomes.get('S2');
    expect(outcome?.ok).toBe(false);
    expect(outcome?.ok === false && outcome.error).toMatch(/\(service unavailable\)$/);
  });
});
