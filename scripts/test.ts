/**
 * `npm test` after the build: every Jest project under the strict variant, noting which unverified
 * behaviours each suite reaches, then under `A4PA_VARIANT=lenient` the integration suites that reached one
 * (scripts/variant-suites.ts). Arguments are passed to the first run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { REACHED_DIR_ENV, VARIANT_ENV } from '../src/local/runtime/variant';
import { lenientSuites, reachedBySuite } from './variant-suites';

const ROOT = resolve(__dirname, '..');
const JEST = join(ROOT, 'node_modules/jest/bin/jest.js');

function jest(args: readonly string[], env: Record<string, string>): number {
  const run = spawnSync(process.execPath, [JEST, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return run.status ?? 1;
}

function strictThenLenient(dir: string): number {
  const strict = jest(process.argv.slice(2), { [VARIANT_ENV]: 'strict', [REACHED_DIR_ENV]: dir });
  if (strict !== 0) return strict;
  const integrationDir = join(ROOT, 'test', 'integration') + sep;
  const bySuite = reachedBySuite(readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8')));
  const suites = lenientSuites(bySuite, integrationDir);
  const lenient = { [VARIANT_ENV]: 'lenient', [REACHED_DIR_ENV]: '' };
  if (suites === 'all') {
    console.log('\nLenient rerun: a behaviour was reached outside any test file, so every integration suite.');
    return jest(['--selectProjects', 'integration'], lenient);
  }
  const ran = [...bySuite.keys()].filter((path) => path.startsWith(integrationDir)).length;
  console.log(
    `\nLenient rerun: ${suites.length} of the ${ran} integration suites run reached an unverified behaviour.`,
  );
  if (suites.length === 0) return 0;
  return jest(['--selectProjects', 'integration', '--runTestsByPath', ...suites], lenient);
}

const dir = mkdtempSync(join(tmpdir(), 'a4pa-reached-'));
const status = strictThenLenient(dir);
rmSync(dir, { recursive: true, force: true });
process.exit(status);
