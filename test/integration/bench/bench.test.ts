/**
 * `npm run --silent bench -- --json` prints docs/contracts.md's `{ latencyModel, scenarios }`; one enrollment
 * costs the same Spreadsheet calls at 1,000 and 10,000 employees. Only the cheap scenarios run here.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

jest.setTimeout(600_000);

const ROOT = resolve(__dirname, '../../..');

interface Scenario {
  name: string;
  employees: number;
  calls: { total: number; byService: Record<string, number> };
  projectedSeconds: number;
  executions: number;
  cpuMs: number;
  targets?: Array<{ description: string; met: boolean }>;
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

test('one enrollment costs the same Spreadsheet calls at 1,000 and 10,000 employees, at most 15', () => {
  const [small, big] = ['enroll@1k', 'enroll@10k'].map((n) => output.scenarios.find((s) => s.name === n) as Scenario);
  expect(small?.employees).toBe(1000);
  expect(big?.employees).toBe(10_000);
  expect(big?.calls.byService.Spreadsheet).toBe(small?.calls.byService.Spreadsheet);
  expect(small?.calls.byService.Spreadsheet).toBeLessThanOrEqual(15);
  expect(small?.executions).toBe(1);
});

test('the dashboard and 25 certificates report their targets as the bench measured them', () => {
  const dashboard = output.scenarios.find((s) => s.name === 'dashboard@1k') as Scenario;
  const certificates = output.scenarios.find((s) => s.name === 'certificates-25') as Scenario;
  expect(dashboard.targets?.[0]?.met).toBe(true);
  expect(certificates.executions).toBe(1);
  expect(certificates.projectedSeconds).toBeLessThan(300);
  expect(certificates.targets?.every((t) => t.met)).toBe(true);
});
