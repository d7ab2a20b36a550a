/**
 * Rebuilds dist/ when it is missing or older than its sources, so every CLI runs the add-on as it is
 * in the working tree. Shared by `npm start`, `npm run scenario` and the other CLIs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '../../..');

/** What dist/ is built from: the bundled server, the sidebar, the manifest and the build script. */
const BUILD_INPUTS = ['src/core', 'src/gas', 'sidebar', 'appsscript.json', 'scripts/build.ts'];
const BUILD_OUTPUTS = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];

/** Latest modification time under a path (files only; 0 when it does not exist). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function oldestOutput(root: string): number {
  let oldest = Infinity;
  for (const out of BUILD_OUTPUTS) {
    const file = resolve(root, out);
    if (!existsSync(file)) return 0;
    oldest = Math.min(oldest, statSync(file).mtimeMs);
  }
  return oldest;
}

export function buildIsStale(root = PROJECT_ROOT): boolean {
  const inputs = Math.max(...BUILD_INPUTS.map((p) => newestMtime(resolve(root, p))));
  return oldestOutput(root) < inputs;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ if it is stale. Several processes (parallel test workers, a CLI beside `npm start`) may
 * ask at once: a lock directory lets one build while the others wait, then re-check. Nothing is printed
 * on stdout (the scenario CLI's stdout is pure JSON); build errors go to stderr and throw.
 */
export function ensureBuild(root = PROJECT_ROOT): boolean {
  if (!buildIsStale(root)) return false;
  const lock = resolve(root, 'dist/.build-lock');
  mkdirSync(resolve(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another build of dist/ to finish');
      sleepSync(200);
    }
  }
  try {
    if (!buildIsStale(root)) return false;
    const tsxCli = resolve(root, 'node_modules/tsx/dist/cli.mjs');
    const result = spawnSync(process.execPath, [tsxCli, resolve(root, 'scripts/build.ts'), '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      const detail = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n')[0] ?? '';
      throw new Error(`the build of dist/ failed${detail ? `: ${detail}` : ''}`);
    }
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
