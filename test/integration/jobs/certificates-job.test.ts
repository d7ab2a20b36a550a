import { defaultLatencyModel } from '../../../src/local/runtime/latency';
import { triggerState } from '../../../src/local/runtime/triggers';
import { academyWith, certificateRows, docs, mails, pdfs, people, useLatency } from '../certificates/academy';

const SIX_MINUTES = 6 * 60_000;

function continuationTriggers(academy: Awaited<ReturnType<typeof academyWith>>) {
  return triggerState(academy.ws).triggers.filter((t) => t.handler === 'runJobs');
}

function expectComplete(academy: Awaited<ReturnType<typeof academyWith>>, count: number): void {
  const rows = certificateRows(academy);
  expect(rows).toHaveLength(count);
  expect(new Set(rows.map((r) => r.Dipendente)).size).toBe(count);
  expect(rows.map((r) => r.Numero)).toEqual(
    Array.from({ length: count }, (_, i) => `A4PA-2027-${String(i + 1).padStart(5, '0')}`),
  );
  expect(rows.every((r) => r['Inviato il'] instanceof Date)).toBe(true);
  expect(pdfs(academy)).toHaveLength(count);
  expect(new Set(pdfs(academy).map((f) => f.name)).size).toBe(count);
  expect(docs(academy)).toEqual([]);
  expect(mails(academy)).toHaveLength(count);
  expect(new Set(mails(academy).map((m) => m.to)).size).toBe(count);
}

describe('the certificates job', () => {
  it('issues one course of 25 in a single execution under 300 s', async () => {
    const academy = await academyWith([{ code: 'C25', hours: 4, people: people(25) }]);
    academy.ws.resetCounts();
    const result = academy.call('issueCertificates', ['C25']);
    expect(result.ok).toBe(true);
    expect(result.elapsedMs).toBeLessThan(300_000);
    expect(continuationTriggers(academy)).toHaveLength(0);
    expectComplete(academy, 25);
    expect(academy.ws.methodCounts['Drive.makeCopy']).toBe(25);
    expect(academy.ws.counts.Mail).toBe(25);
  });

  it('spreads 90 certificates over several executions, never more than one trigger, without loss or duplicates', async () => {
    const academy = await academyWith([{ code: 'C90', hours: 4, people: people(90) }]);
    const first = academy.call('issueCertificates', ['C90']);
    expect(first.ok).toBe(true);
    expect(first.elapsedMs).toBeLessThan(SIX_MINUTES);
    expect(continuationTriggers(academy)).toHaveLength(1);
    const busy = academy.call('issueCertificates', []);
    expect(busy.value).toMatchObject({ message: expect.stringContaining('già in corso') });
    const runs = academy.advance(60);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) {
      expect(run.ok).toBe(true);
      expect(run.elapsedMs).toBeLessThan(SIX_MINUTES);
    }
    expectComplete(academy, 90);
    expect(continuationTriggers(academy)).toHaveLength(0);
    const progress = academy.call('getJobsProgress');
    expect(progress.value).toEqual([
      expect.objectContaining({ kind: 'certificates', done: 90, total: 90, status: 'completato' }),
    ]);
  });

  it('resumes after an execution stopped at 6 minutes between the PDF and its row', async () => {
    const academy = await academyWith([{ code: 'C5', hours: 4, people: people(5) }]);
    let trashes = 0;
    useLatency(academy, {
      cost(service, method, cells) {
        // The third temporary Doc's trashing crosses the time limit: its PDF exists, its row does not.
        if (service === 'Drive' && method === 'setTrashed' && ++trashes === 3) return SIX_MINUTES;
        return defaultLatencyModel.cost(service, method, cells);
      },
    });
    const stopped = academy.call('issueCertificates', ['C5']);
    expect(stopped.ok).toBe(false);
    expect(stopped.error).toMatch(/tempo massimo|Exceeded maximum execution time/);
    expect(certificateRows(academy)).toHaveLength(2);
    expect(docs(academy)).toHaveLength(1);
    const runs = academy.advance(30);
    expect(runs.every((r) => r.ok)).toBe(true);
    expectComplete(academy, 5);
  });

  it('completes 90 certificates when the first execution is stopped at 6 minutes mid-item', async () => {
    const academy = await academyWith([{ code: 'C90', hours: 4, people: people(90) }]);
    let trashes = 0;
    useLatency(academy, {
      cost(service, method, cells) {
        if (service === 'Drive' && method === 'setTrashed' && ++trashes === 20) return SIX_MINUTES;
        return defaultLatencyModel.cost(service, method, cells);
      },
    });
    expect(academy.call('issueCertificates', ['C90']).ok).toBe(false);
    expect(continuationTriggers(academy)).toHaveLength(1);
    const runs = academy.advance(60);
    expect(runs.every((r) => r.ok && r.elapsedMs < SIX_MINUTES)).toBe(true);
    expectComplete(academy, 90);
  });

  it('retries items hit by Drive faults on later slices and completes', async () => {
    const academy = await academyWith([{ code: 'C4', hours: 4, people: people(4) }]);
    academy.fault('Drive', 2, 'Service error: Drive');
    const first = academy.call('issueCertificates', ['C4']);
    expect(first.ok).toBe(true);
    expect(continuationTriggers(academy)).toHaveLength(1);
    academy.advance(30);
    expectComplete(academy, 4);
  });

  it('mails later what a Mail fault left unsent, without remaking the PDF', async () => {
    const academy = await academyWith([{ code: 'C3', hours: 4, people: people(3) }]);
    academy.fault('Mail', 1, 'Service unavailable');
    academy.call('issueCertificates', ['C3']);
    const unsent = certificateRows(academy).filter((r) => r['Inviato il'] === '');
    expect(unsent).toHaveLength(1);
    academy.ws.resetCounts();
    academy.advance(30);
    expect(academy.ws.methodCounts['Drive.makeCopy'] ?? 0).toBe(0);
    expectComplete(academy, 3);
  });

  it('waits for the mail quota and sends the rest when it is full again', async () => {
    const academy = await academyWith([{ code: 'C3', hours: 4, people: people(3) }]);
    academy.quota(1);
    academy.call('issueCertificates', ['C3']);
    expect(mails(academy)).toHaveLength(1);
    expect(continuationTriggers(academy)).toHaveLength(1);
    academy.advance(26 * 60);
    expectComplete(academy, 3);
  });
});
