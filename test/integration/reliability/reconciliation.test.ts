import { defaultLatencyModel, type ServiceName } from '../../../src/local/runtime/latency';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { snapshotCalendar } from '../../../src/local/services/calendar';
import {
  academyWith as certificateAcademy,
  certificateRows,
  docs,
  mails as certificateMails,
  pdfs,
  people,
  useLatency,
} from '../certificates/academy';
import { academyWith, enrollmentsView, mails, PEOPLE, publish, step, syncCalendar } from './helpers';

jest.setTimeout(40_000);

const [anna, luca, giulia] = PEOPLE.map((p) => p.Email) as [string, string, string];

/** The next `times` calls of `service.method` take seven minutes: the execution is stopped right there. */
/** The calls to `service.method` after the first `after` ones take 7 minutes, `times` of them. */
function stallOn(academy: LocalAcademy, service: ServiceName, method: string, times = 1, after = 0): void {
  let left = times;
  let skip = after;
  useLatency(academy, {
    cost(s, m, cells) {
      if (s === service && m === method && skip > 0) skip -= 1;
      else if (s === service && m === method && left > 0) {
        left -= 1;
        return 7 * 60_000;
      }
      return defaultLatencyModel.cost(s, m, cells);
    },
  });
}

function attendeesBySession(academy: LocalAcademy): Record<string, string[]> {
  return Object.fromEntries(snapshotCalendar(academy.ws).map((e) => [e.sessionId, [...e.attendees].sort()]));
}

describe('reconciliation of half-done enrollment runs', () => {
  test('a run stopped at the time limit before writing its rows is processed once by the next run', async () => {
    const academy = await academyWith();
    publish(academy);
    stallOn(academy, 'Spreadsheet', 'appendRow');
    const stopped = step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    expect(stopped.ok).toBe(false);
    expect(stopped.error).toMatch(/Exceeded maximum execution time/);
    expect(enrollmentsView(academy)).toEqual([]);
    expect(mails(academy)).toEqual([]);
    academy.advance(61);
    expect(enrollmentsView(academy)).toEqual([[anna, 'Confermata', '']]);
    academy.advance(61);
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'], duplicate: true });
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Confermata', ''],
      [luca, 'Confermata', ''],
    ]);
    expect(mails(academy).map((m) => m.to)).toEqual([anna, luca]);
  });

  test('a run stopped after writing its rows (while updating the form) is completed, never redone', async () => {
    const academy = await academyWith();
    publish(academy);
    stallOn(academy, 'Forms', 'setChoiceValues');
    const stopped = step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    expect(stopped.ok).toBe(false);
    expect(enrollmentsView(academy)).toEqual([[anna, 'Confermata', '']]);
    academy.advance(61);
    step(academy, { do: 'submit', email: luca, courses: ['EXC-BASE'] });
    step(academy, { do: 'submit', email: giulia, courses: ['EXC-BASE'] });
    academy.advance(61);
    expect(enrollmentsView(academy)).toEqual([
      [anna, 'Confermata', ''],
      [luca, 'Confermata', ''],
      [giulia, 'In attesa', 1],
    ]);
    expect(mails(academy).map((m) => m.to)).toEqual([anna, luca, giulia]);
  });

  test('calendar attendees a failed Calendar update left behind are brought up to date by the reconciliation', async () => {
    const academy = await academyWith();
    publish(academy);
    syncCalendar(academy);
    step(academy, { do: 'fault', service: 'Calendar', times: 40, message: 'Service unavailable: Calendar' });
    expect(step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] }).ok).toBe(true);
    expect(enrollmentsView(academy)).toEqual([[anna, 'Confermata', '']]);
    academy.ws.faults.splice(0);
    expect(Object.values(attendeesBySession(academy))).toEqual([[], []]);
    academy.advance(61);
    expect(attendeesBySession(academy)).toEqual({ 'EXC-BASE-S1': [anna], 'EXC-BASE-S2': [anna] });
    const calls = academy.ws.counts.Calendar;
    academy.advance(61);
    expect(academy.ws.counts.Calendar).toBe(calls);
  });
});

describe('reconciliation of half-done certificates', () => {
  test('a certificate stopped between its PDF and its row is completed by the next slice: one PDF, one row, one mail each', async () => {
    const academy = await certificateAcademy([{ code: 'C6', hours: 4, people: people(6) }]);
    // One batch of six: copies, fills and exports are URL Fetch requests 1-18; the first PDF upload stalls.
    stallOn(academy, 'UrlFetch', 'fetch', 1, 18);
    const first = academy.call('issueCertificates', ['C6']);
    expect(first.ok).toBe(false);
    academy.advance(30);
    const again = academy.call('issueCertificates', ['C6']);
    expect(again.ok).toBe(true);
    academy.advance(30);
    const rows = certificateRows(academy);
    expect(rows.map((r) => r.Numero)).toEqual(Array.from({ length: 6 }, (_, i) => `A4PA-2027-0000${i + 1}`));
    expect(new Set(rows.map((r) => r.Dipendente)).size).toBe(6);
    expect(pdfs(academy)).toHaveLength(6);
    expect(docs(academy)).toEqual([]);
    expect(certificateMails(academy)).toHaveLength(6);
    expect(new Set(certificateMails(academy).map((m) => m.to)).size).toBe(6);
  });

  test('Docs and Drive faults on every certificate are retried; a rerun issues nothing twice', async () => {
    const academy = await certificateAcademy([{ code: 'C4', hours: 4, people: people(4) }]);
    academy.fault('Docs', 2, 'Service unavailable: Docs');
    academy.fault('Drive', 2, "We're sorry, a server error occurred. Please wait a bit and try again.");
    expect(academy.call('issueCertificates', ['C4']).ok).toBe(true);
    academy.advance(120);
    expect(academy.call('issueCertificates', ['C4']).ok).toBe(true);
    academy.advance(120);
    expect(certificateRows(academy)).toHaveLength(4);
    expect(pdfs(academy)).toHaveLength(4);
    expect(docs(academy)).toEqual([]);
    expect(certificateMails(academy)).toHaveLength(4);
  });
});
