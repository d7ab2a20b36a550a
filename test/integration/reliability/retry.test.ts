import { snapshotForms } from '../../../src/local/services/forms';
import { snapshotCalendar } from '../../../src/local/services/calendar';
import { academyWith, enrollmentsView, PEOPLE, publish, step, syncCalendar } from './helpers';

jest.setTimeout(30_000);

const [anna] = PEOPLE.map((p) => p.Email) as [string];

describe('one retry policy for Google calls', () => {
  test('transient Forms failures while publishing are retried: one form, same id, never a second one', async () => {
    const academy = await academyWith();
    const first = publish(academy).value as { formId: string };
    academy.fault('Forms', 3, 'Service invoked too many times in a short time: forms');
    const again = academy.call('publishEnrollmentForm');
    expect(again.ok).toBe(true);
    expect((again.value as { formId: string }).formId).toBe(first.formId);
    expect(snapshotForms(academy.ws)).toHaveLength(1);
  });

  test('a Forms failure that outlasts the retries fails publication with an Italian message, and creates no form', async () => {
    const academy = await academyWith();
    publish(academy);
    academy.fault('Forms', 50, 'Service unavailable: Forms');
    const run = academy.call('publishEnrollmentForm');
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/i servizi Google non rispondono in questo momento/);
    expect(snapshotForms(academy.ws)).toHaveLength(1);
  });

  test('a permanent error surfaces at once, in Italian, without retries', async () => {
    const academy = await academyWith();
    publish(academy);
    academy.ws.resetCounts();
    academy.fault('Forms', 1, 'You do not have permission to call FormApp.openById');
    const run = academy.call('publishEnrollmentForm');
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/Google non concede il permesso necessario/);
    expect(academy.ws.methodCounts['Utilities.sleep'] ?? 0).toBe(0);
  });

  test('transient Spreadsheet write failures are retried within the run: the submission is recorded once', async () => {
    const academy = await academyWith();
    publish(academy);
    const before = academy.ws.methodCounts['Spreadsheet.appendRow'] ?? 0;
    let armed = true;
    const gate = academy.ws.call.bind(academy.ws);
    academy.ws.call = (service, method, cells) => {
      gate(service, method, cells);
      if (armed && service === 'Spreadsheet' && method === 'appendRow') {
        armed = false;
        throw new Error('Service Spreadsheets timed out while accessing document with id x.');
      }
    };
    expect(step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] }).ok).toBe(true);
    expect(armed).toBe(false);
    expect(enrollmentsView(academy)).toEqual([[anna, 'Confermata', '']]);
    // The failed append, its retry, and the log's row.
    expect((academy.ws.methodCounts['Spreadsheet.appendRow'] ?? 0) - before).toBe(3);
  });

  test('Calendar rate limits during a sync are retried: one event per session, never two', async () => {
    const academy = await academyWith();
    publish(academy);
    academy.fault('Calendar', 3, 'API call to calendar.events.insert failed with error: Rate Limit Exceeded');
    syncCalendar(academy);
    syncCalendar(academy);
    expect(snapshotCalendar(academy.ws).map((e) => e.sessionId)).toEqual(['EXC-BASE-S1', 'EXC-BASE-S2']);
  });
});
