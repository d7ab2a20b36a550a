/**
 * `npm start` as the end-to-end tests run it: the CLI on a free port with a fresh workbook in a
 * temporary folder, the demo year placed around a fixed instant (so every run sees the same academy)
 * on a small academy, waited for until `/api/status` says it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface RunningPlayground {
  base: string;
  /** Milliseconds from the spawn to the first page answered, and to the academy ready. */
  firstPageMs: number;
  readyMs: number;
  stop(): Promise<void>;
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) done(`http://localhost:${m[1]}`);
    });
    server.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    server.on('exit', (code) => fail(new Error(`the playground exited (${code}): ${err}`)));
  });
}

/** Polls the server's status (not a timer on the outcome: each answer says whether it is ready). */
async function waitReady(base: string, server: ChildProcess): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error('the playground exited while preparing the academy');
    // The server lives the academy's past in long synchronous stretches: a kept-alive connection it
    // closed meanwhile is reset, and the next poll opens a new one.
    const status = await fetch(`${base}/api/status`)
      .then((r) => r.json() as Promise<{ ready: boolean; error?: string | null }>)
      .catch(() => ({ ready: false, error: null }));
    if (status.ready) return;
    if (status.error) throw new Error(`the demo academy could not be prepared: ${status.error}`);
    await new Promise((next) => setTimeout(next, 250));
  }
}

export async function startPlayground(options: { start: string; employees: number }): Promise<RunningPlayground> {
  const workdir = mkdtempSync(join(tmpdir(), 'a4pa-e2e-'));
  const began = Date.now();
  const server = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'src/local/cli/start.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        ACADEMY_WORKBOOK: join(workdir, 'workbook.bin'),
        ACADEMY_START: options.start,
        ACADEMY_EMPLOYEES: String(options.employees),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const base = await waitForUrl(server);
  await fetch(`${base}/`).then((r) => r.text());
  const firstPageMs = Date.now() - began;
  await waitReady(base, server);
  const readyMs = Date.now() - began;
  return {
    base,
    firstPageMs,
    readyMs,
    stop: async () => {
      if (server.exitCode === null) {
        server.removeAllListeners('exit');
        server.kill('SIGTERM');
        await new Promise((done) => server.once('exit', done));
      }
      rmSync(workdir, { recursive: true, force: true });
    },
  };
}
