import { injectRestFault, pendingRestFaults } from '../../../src/local/rest/faults';
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
  // Sequential without gaps or repeats; a certificate retried after its batch keeps its number, so rows may
  // come out of number order.
  expect(rows.map((r) => String(r.Numero)).sort()).toEqual(
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
    expect(academy.ws.methodCounts['Drive.files.copy']).toBe(25);
    expect(academy.ws.methodCounts['Drive.files.create']).toBe(25);
    expect(academy.ws.methodCounts['Mail.sendEmail']).toBe(25);
    // Copy, read, fill with the QR table, read again, shrink the table's paragraphs, export, upload, trash:
    // eight requests a certificate, no listing when no answer was lost.
    expect(academy.ws.methodCounts['UrlFetch.fetch']).toBe(200);
  });

  // The QR code is drawn by the Docs API in the fill's own batchUpdate, ten Docs at once, so a course of
  // 100 fits one execution (the bench's certificates-100).
  it('issues a course of 100 with their QR codes in one execution, each certificate once', async () => {
    const academy = await academyWith([{ code: 'C100', hours: 4, people: people(100) }]);
    const result = academy.call('issueCertificates', ['C100']);
    expect(result.ok).toBe(true);
    expect(result.elapsedMs).toBeLessThan(SIX_MINUTES);
    expect(continuationTriggers(academy)).toHaveLength(0);
    expectComplete(academy, 100);
  });

  // 30 mails of 15 s each cannot fit one execution: the same shape as 90 of 5 s, a third of the documents.
  it('spreads 30 certificates over several executions when mail is slow, never more than one trigger, without loss or duplicates', async () => {
    const academy = await academyWith([{ code: 'C30', hours: 4, people: people(30) }]);
    useLatency(academy, {
      cost: (service, method, cells) =>
        service === 'Mail' && method === 'sendEmail' ? 15_000 : defaultLatencyModel.cost(service, method, cells),
    });
    const first = academy.call('issueCertificates', ['C30']);
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
    expectComplete(academy, 30);
    expect(continuationTriggers(academy)).toHaveLength(0);
    const progress = academy.call('getJobsProgress');
    expect(progress.value).toEqual([
      expect.objectContaining({ kind: 'certificates', done: 30, total: 30, status: 'completato' }),
    ]);
  });

  /** The `n`-th URL Fetch request from now on crosses the time limit (the ones before it were answered). */
  function stopAtRequest(academy: Awaited<ReturnType<typeof academyWith>>, n: number): void {
    let requests = 0;
    useLatency(academy, {
      cost(service, method, cells) {
        if (service === 'UrlFetch' && method === 'fetch' && ++requests === n) return SIX_MINUTES;
        return defaultLatencyModel.cost(service, method, cells);
      },
    });
  }

  it('resumes after an execution stopped at 6 minutes between the PDFs and their rows', async () => {
    const academy = await academyWith([{ code: 'C5', hours: 4, people: people(5) }]);
    // One batch of 5: copies (requests 1-5), reads, fills, reads, shrinks, exports, uploads (31-35), then
    // the drafts' trashing: the third of those crosses the time limit, so every PDF exists and no row does.
    stopAtRequest(academy, 38);
    const stopped = academy.call('issueCertificates', ['C5']);
    expect(stopped.ok).toBe(false);
    expect(stopped.error).toMatch(/tempo massimo|Exceeded maximum execution time/);
    expect(certificateRows(academy)).toHaveLength(0);
    expect(pdfs(academy)).toHaveLength(5);
    expect(docs(academy)).toHaveLength(3);
    academy.ws.resetCounts();
    const runs = academy.advance(30);
    expect(runs.every((r) => r.ok)).toBe(true);
    // The PDFs made before the stop are adopted, not made again.
    expect(academy.ws.methodCounts['Drive.files.copy'] ?? 0).toBe(0);
    expectComplete(academy, 5);
  });

  it('completes 30 certificates when the first execution is stopped at 6 minutes halfway through a batch', async () => {
    const academy = await academyWith([{ code: 'C30', hours: 4, people: people(30) }]);
    // The second batch's fifth upload (the first batch took 80 requests; the second's uploads are 141-150):
    // four of its PDFs exist, its other six do not, and a third batch is still to come.
    stopAtRequest(academy, 145);
    expect(academy.call('issueCertificates', ['C30']).ok).toBe(false);
    expect(certificateRows(academy)).toHaveLength(10);
    expect(continuationTriggers(academy)).toHaveLength(1);
    const runs = academy.advance(60);
    expect(runs.every((r) => r.ok && r.elapsedMs < SIX_MINUTES)).toBe(true);
    expectComplete(academy, 30);
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

  it('answers lost after Drive made the copy or the PDF are found again: one PDF per certificate, no draft left', async () => {
    const academy = await academyWith([{ code: 'C6', hours: 4, people: people(6) }]);
    // catalogue: REST-DRIVE-PROPERTIES (the batch's files are found by their tags)
    injectRestFault(academy.ws, {
      api: 'drive',
      status: 503,
      times: 2,
      when: 'after',
      match: /^POST \/drive\/v3\/files\/[^/]+\/copy$/,
    });
    injectRestFault(academy.ws, {
      api: 'drive',
      status: 500,
      times: 3,
      when: 'after',
      match: /^POST \/upload\/drive\/v3\/files$/,
    });
    injectRestFault(academy.ws, { api: 'docs', status: 429, times: 2, when: 'before' });
    const result = academy.call('issueCertificates', ['C6']);
    expect(result.ok).toBe(true);
    expect(pendingRestFaults(academy.ws)).toBe(0);
    expectComplete(academy, 6);
    expect(continuationTriggers(academy)).toHaveLength(0);
  });

  it('mails later what a Mail fault left unsent, without remaking the PDF', async () => {
    const academy = await academyWith([{ code: 'C3', hours: 4, people: people(3) }]);
    // More failures than the outbox's own retries absorb.
    academy.fault('Mail', 8, 'Service unavailable');
    academy.call('issueCertificates', ['C3']);
    const unsent = certificateRows(academy).filter((r) => r['Inviato il'] === '');
    expect(unsent.length).toBeGreaterThan(0);
    academy.ws.resetCounts();
    academy.advance(30);
    expect(academy.ws.methodCounts['Drive.files.copy'] ?? 0).toBe(0);
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
