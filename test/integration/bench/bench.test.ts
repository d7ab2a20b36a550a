/**
 * `npm run --silent bench -- --json` prints docs/contracts.md's `{ latencyModel, scenarios }`; one enrollment
 * costs the same Spreadsheet calls and nearly the same time at 1,000 and 10,000 employees. Only the cheap scenarios run here.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// The four cheap scenarios take about 25 s alone; the margin covers a loaded CI machine.
jest.setTimeout(100_000);

const ROOT = resolve(__dirname, '../../..');

interface Scenario {
  name: string;
  employees: number;
  calls: { total: number; byService: Record<string, number> };
  projectedSeconds: number;
  executions: number;
  cpuMs: number;
  targets?: Array<{ description: string; met: boolean }>;
  note?: string;
}

let output: { latencyModel: string; scenarios: Scenario[] };

beforeAll(() => {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'src/local/cli/bench.ts'),
      '--json',
      '--only',
      'enroll@1k,enroll@10k,dashboard@1k,certificates-25',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`bench failed (${run.status}): ${run.stderr}`);
  output = JSON.parse(run.stdout) as typeof output;
});

test('prints the contract shape: the latency model and one entry per scenario with calls, seconds, executions, CPU', () => {
  expect(typeof output.latencyModel).toBe('string');
  expect(output.latencyModel).toMatch(/best-practices/);
  expect(output.scenarios.map((s) => s.name)).toEqual(['enroll@1k', 'enroll@10k', 'dashboard@1k', 'certificates-25']);
  for (const s of output.scenarios) {
    expect(s.calls.total).toBe(Object.values(s.calls.byService).reduce((a, b) => a + b, 0));
    expect(s.calls.total).toBeGreaterThan(0);
    expect(s.projectedSeconds).toBeGreaterThan(0);
    expect(s.executions).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(s.cpuMs)).toBe(true);
    expect(s.employees).toBeGreaterThan(0);
  }
});

const WORKSPACE = ['Spreadsheet', 'Forms', 'Calendar', 'Docs', 'Drive', 'Mail'] as const;

function scenario(name: string): Scenario {
  const found = output.scenarios.find((s) => s.name === name);
  if (!found) throw new Error(`bench printed no ${name}`);
  return found;
}

function workspaceCalls(s: Scenario): number {
  return WORKSPACE.reduce((sum, service) => sum + (s.calls.byService[service] ?? 0), 0);
}

test('one enrollment costs the same calls of every Workspace service and nearly the same time at 1,000 and 10,000 employees', () => {
  const small = scenario('enroll@1k');
  const big = scenario('enroll@10k');
  expect(small.employees).toBe(1000);
  expect(big.employees).toBe(10_000);
  for (const service of WORKSPACE) expect(big.calls.byService[service]).toBe(small.calls.byService[service]);
  expect(small.calls.byService.Spreadsheet).toBeLessThanOrEqual(16);
  // One submission, one outcome mail; nothing of Calendar, Docs or Drive for a course without events.
  expect(small.calls.byService.Mail).toBe(1);
  expect(small.calls.byService.Docs).toBeUndefined();
  expect(small.calls.byService.Drive).toBeUndefined();
  // The sender's rows are found, not read with the whole tab: ten times the registry, at most 1.25 times the time.
  expect(big.projectedSeconds / small.projectedSeconds).toBeLessThanOrEqual(1.25);
  expect(small.executions).toBe(1);
  expect(big.executions).toBe(1);
});

// catalogue: FORMS-SUBMIT-EVENT, FORMS-DESTINATION-ROW (the bench runs under the suite's variant)
test('one enrollment reads its response from the submit event, with three Forms calls and no API request, under either variant', () => {
  const small = scenario('enroll@1k');
  // The form opened, its listing after the watermark, the response's time: nothing per item, so the API's
  // freshness (REST-FORMS-FRESH) no longer changes the figure; the sender comes from the event's row, the
  // one below the previous submission's (the first after publication asks FormApp: the note's figure).
  expect(small.calls.byService.Forms).toBe(3);
  expect(small.note).toMatch(/la prima dopo la pubblicazione, che chiede a FormApp il mittente/);
  expect(small.targets?.map((t) => t.met)).toEqual([true, true, true]);
  expect(small.projectedSeconds).toBeLessThanOrEqual(2.5);
  expect(scenario('enroll@10k').projectedSeconds).toBeLessThanOrEqual(2.5);
});

test('the dashboard after the day’s writes folds them into its figures record in at most 30 Spreadsheet calls, sending nothing', () => {
  const dashboard = scenario('dashboard@1k');
  expect(workspaceCalls(dashboard)).toBeLessThanOrEqual(30);
  expect(workspaceCalls(dashboard)).toBe(dashboard.calls.byService.Spreadsheet);
  expect(dashboard.executions).toBe(1);
  expect(dashboard.targets?.map((t) => t.met)).toEqual([true]);
  expect(dashboard.projectedSeconds).toBeLessThanOrEqual(3);
});

test('25 certificates: one execution under 300 s projected, one mail and at least one Drive file each', () => {
  const certificates = scenario('certificates-25');
  expect(certificates.employees).toBe(25);
  expect(certificates.executions).toBe(1);
  expect(certificates.projectedSeconds).toBeLessThan(300);
  // 25 sends and one daily-quota read for each batch of ten certificates.
  expect(certificates.calls.byService.Mail).toBe(25 + 3);
  expect(certificates.calls.byService.Drive).toBeGreaterThanOrEqual(25);
  expect(certificates.calls.byService.Docs).toBeGreaterThanOrEqual(25);
  // One execution and "within 60 s" are both met since the QR code is drawn by the Docs API (README).
  expect(certificates.targets?.map((t) => t.met)).toEqual([true, true]);
});
