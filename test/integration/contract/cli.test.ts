/**
 * `npm run --silent scenario -- FILE` as outside tools call it: JSON on stdout and exit 0 when the
 * scenario ran, exit 2 with exactly one line on stderr when the file is malformed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuild } from '../../../src/local/cli/ensure-build';

jest.setTimeout(110_000);

const ROOT = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'a4pa-cli-'));

beforeAll(() => {
  ensureBuild();
});

function scenarioCli(content: string | null): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
  if (content !== null) writeFileSync(file, content);
  const result = spawnSync('npx', ['tsx', 'src/local/cli/scenario.ts', file], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const START = '2027-02-01T09:00:00+01:00';

function expectMalformed(outcome: { status: number | null; stdout: string; stderr: string }, mentions: RegExp): void {
  expect(outcome.status).toBe(2);
  expect(outcome.stdout).toBe('');
  const lines = outcome.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(mentions);
}

describe('the scenario CLI', () => {
  it('prints the snapshot as JSON and exits 0 when the scenario ran, even with failed steps', () => {
    const outcome = scenarioCli(JSON.stringify({ start: START, steps: [{ do: 'call', fn: 'noSuchServerFunction' }] }));
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(0);
    const snapshot = JSON.parse(outcome.stdout) as { results: unknown[]; sheets: Record<string, unknown> };
    expect(snapshot.results).toEqual([
      { step: 0, ok: false, value: null, error: 'Script function not found: noSuchServerFunction' },
    ]);
    expect(Object.keys(snapshot.sheets)).toContain('Iscrizioni');
  });

  it('exits 2 with one line for a file that is not JSON', () => {
    expectMalformed(scenarioCli('{ "start": '), /invalid JSON/);
  });

  it('exits 2 with one line for an unknown step', () => {
    expectMalformed(scenarioCli(JSON.stringify({ start: START, steps: [{ do: 'dance' }] })), /steps\[0\]\.do/);
  });

  it('exits 2 with one line for a value of the wrong type', () => {
    expectMalformed(
      scenarioCli(JSON.stringify({ start: START, steps: [{ do: 'advance', minutes: '5' }] })),
      /steps\[0\]\.minutes/,
    );
  });

  it('exits 2 with one line for an unknown key', () => {
    expectMalformed(scenarioCli(JSON.stringify({ start: START, steps: [], colour: 'blue' })), /colour/);
  });

  it('exits 2 with one line for a start without offset', () => {
    expectMalformed(scenarioCli(JSON.stringify({ start: '2027-02-01 09:00', steps: [] })), /start/);
  });

  it('exits 2 with one line for a file it cannot read', () => {
    expectMalformed(scenarioCli(null), /cannot read the file \(ENOENT\)/);
  });
});
