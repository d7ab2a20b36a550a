/**
 * @jest-environment jsdom
 */
/** A long job while the sidebar is open: its progress shown, the next slice asked for, ever less often while stuck. */
import type { JobProgress } from '../src/core/jobs/state';
import { installFakeServer, type FakeServer } from './fake-script-run';
import { jobsSection, scheduleJobs } from './jobs';
import { errorBox } from './ui';

const running = (done: number): JobProgress => ({
  kind: 'certificates',
  label: 'Attestati',
  done,
  total: 90,
  status: 'in corso',
  failed: 0,
});

let server: FakeServer;

beforeEach(() => {
  jest.useFakeTimers();
  server = installFakeServer();
  document.body.innerHTML = '';
  document.body.append(errorBox);
});

afterEach(() => {
  scheduleJobs([], async () => undefined);
  server.uninstall();
  jest.useRealTimers();
});

/** Moves the clock on; the runner's answers, on no timer, reach their handlers on the way. */
async function wait(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
}

describe('jobsSection', () => {
  it('shows each job with its count, status and failures as a progress bar', () => {
    const section = jobsSection([{ ...running(30), failed: 2 }]) as HTMLElement;
    expect(section.querySelector('label')?.textContent).toBe('Attestati: 30 di 90 (in corso), 2 non riusciti');
    expect(section.querySelector('progress')?.getAttribute('value')).toBe('33');
    expect(jobsSection([])).toBeNull();
  });
});

describe('scheduleJobs', () => {
  it('asks for slices while the job runs, updates the bar, and reloads the dashboard once it ends', async () => {
    const answers = [[running(60)], [{ ...running(90), status: 'completato' as const }]];
    server.answer('runJobs', () => answers.shift());
    document.body.append(jobsSection([running(30)]) as HTMLElement);
    let finished = 0;
    scheduleJobs([running(30)], async () => {
      finished += 1;
    });
    await wait(1500);
    expect(server.names()).toEqual(['runJobs']);
    expect(document.querySelector('#jobs label')?.textContent).toBe('Attestati: 60 di 90 (in corso)');
    await wait(1500);
    expect(server.names()).toEqual(['runJobs', 'runJobs']);
    expect(finished).toBe(1);
    await wait(60_000);
    expect(server.names()).toHaveLength(2);
  });

  it('a job that makes no progress is asked ever less often', async () => {
    server.answer('runJobs', () => [running(30)]);
    scheduleJobs([running(30)], async () => undefined);
    await wait(1500);
    expect(server.names()).toHaveLength(1);
    // Same progress as before the slice: the wait doubles (3 s), then doubles again (6 s).
    await wait(2999);
    expect(server.names()).toHaveLength(1);
    await wait(1);
    expect(server.names()).toHaveLength(2);
    await wait(5999);
    expect(server.names()).toHaveLength(2);
    await wait(1);
    expect(server.names()).toHaveLength(3);
  });

  it("a failing slice shows the server's message and stops asking", async () => {
    server.fail('runJobs', 'Servizio non disponibile: riprovi tra qualche minuto.');
    scheduleJobs([running(30)], async () => undefined);
    await wait(1500);
    expect(errorBox.textContent).toContain('Servizio non disponibile: riprovi tra qualche minuto.');
    await wait(120_000);
    expect(server.names()).toEqual(['runJobs']);
  });
});
