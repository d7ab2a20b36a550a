/**
 * The `--live` path against a local stand-in of Google: clasp push is an injected command runner (the
 * test checks the files and arguments it would push), and `scripts.run` is the emulated Apps Script API
 * (src/local/rest/script-run.ts) over HTTP, answering the real googleapis client by running the pushed
 * bundle itself. The stand-in plays a Google that gives the lenient answers, so the diff has something
 * to find.
 */
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { google } from 'googleapis';
import { OAuth2Client } from 'google-auth-library';
import { startRestServer } from '../rest/server';
import { Runtime } from '../runtime/runtime';
import { Workspace } from '../runtime/workspace';
import {
  claspCredentials,
  liveReport,
  liveRows,
  PROBE_SCOPES,
  pushProbes,
  readLiveProject,
  runLiveProbes,
  type CommandRunner,
} from './live';
import { emulatorAnswers, probeBundle } from './run';
import { PROBES } from '../../conformance/probes';

jest.setTimeout(60_000);

const SCRATCH = '1scratchScratchScratchScratchScratchScratchScratch';
const PRODUCTION = '1productionProductionProductionProductionProduction';

// Jest's sandbox cannot load gaxios' node-fetch; Node's own fetch carries scripts.run's JSON body.
google.options({ fetchImplementation: (input: string | URL | Request, init?: RequestInit) => fetch(input, init) });

function repo(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'a4pa-live-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), JSON.stringify(content));
  return root;
}

const roots: string[] = [];
function scratchRepo(conformance: unknown = { scriptId: SCRATCH, rootDir: 'out/conformance' }): string {
  const root = repo({
    '.clasp.json': { scriptId: 'REPLACE_WITH_THE_TEST_SCRIPT_ID', rootDir: 'dist' },
    '.clasp.prod.json': { scriptId: PRODUCTION, rootDir: 'dist' },
    '.clasp.conformance.json': conformance,
  });
  roots.push(root);
  return root;
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('the scratch project of .clasp.conformance.json', () => {
  test('is read with its content folder inside the repository', () => {
    const root = scratchRepo();
    expect(readLiveProject(root)).toEqual({
      scriptId: SCRATCH,
      contentDir: join(root, 'out/conformance'),
      file: join(root, '.clasp.conformance.json'),
    });
  });

  test('is refused when it is the production project, the placeholder, missing, or pushes from dist', () => {
    expect(() => readLiveProject(scratchRepo({ scriptId: PRODUCTION }))).toThrow(
      '.clasp.conformance.json names the project of .clasp.prod.json: the probes run only in a scratch project.',
    );
    expect(() => readLiveProject(scratchRepo({ scriptId: 'REPLACE_WITH_THE_SCRATCH_SCRIPT_ID' }))).toThrow(
      '.clasp.conformance.json has no scriptId',
    );
    expect(() => readLiveProject(scratchRepo({ scriptId: SCRATCH, rootDir: 'dist' }))).toThrow(
      'rootDir "dist" must be a folder of its own inside the repository.',
    );
    expect(() => readLiveProject(scratchRepo({ scriptId: SCRATCH, rootDir: '../elsewhere' }))).toThrow('rootDir');
    const bare = repo({});
    roots.push(bare);
    expect(() => readLiveProject(bare)).toThrow('.clasp.conformance.json is missing');
  });
});

describe('clasp push of the probes', () => {
  test('pushes exactly the bundle and an API-executable manifest with every probe scope, to the scratch project', async () => {
    const root = scratchRepo();
    const project = readLiveProject(root);
    const calls: Array<{ command: string; args: readonly string[]; cwd: string; files: Record<string, string> }> = [];
    const runner: CommandRunner = async (command, args, cwd) => {
      const dir = project.contentDir;
      const files = {
        code: readFileSync(join(dir, 'Code.js'), 'utf8'),
        manifest: readFileSync(join(dir, 'appsscript.json'), 'utf8'),
      };
      calls.push({ command, args, cwd, files });
      return { code: 0, stdout: 'Pushed 2 files.', stderr: '' };
    };
    const code = await probeBundle();
    expect(await pushProbes(root, project, code, { user: 'conformance', runCommand: runner })).toEqual([
      'Code.js',
      'appsscript.json',
    ]);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.command).toBe(join(root, 'node_modules/.bin/clasp'));
    expect(call?.args).toEqual([
      '--user',
      'conformance',
      '--project',
      join(root, '.clasp.conformance.json'),
      'push',
      '--force',
    ]);
    expect(call?.cwd).toBe(root);
    expect(call?.files.code).toBe(code);
    expect(call?.files.code).toContain('function runConformance(ids)');
    expect(JSON.parse(call?.files.manifest ?? '{}')).toEqual({
      timeZone: 'Europe/Rome',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
      oauthScopes: [...PROBE_SCOPES],
      executionApi: { access: 'MYSELF' },
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' }] },
    });
  });

  test('reports a failed push with clasp’s own message', async () => {
    const root = scratchRepo();
    const failing: CommandRunner = async () => ({
      code: 1,
      stdout: '',
      stderr: 'Push failed. Errors: not logged in\n',
    });
    await expect(pushProbes(root, readLiveProject(root), 'x', { user: 'u', runCommand: failing })).rejects.toThrow(
      'clasp push failed (exit 1): Push failed. Errors: not logged in',
    );
  });
});

describe('scripts.run on the stand-in and the diff', () => {
  let server: Server;
  let rootUrl = '';
  let code = '';
  let pushed = '';
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'local-test-token', expiry_date: Date.now() + 3_600_000 });

  beforeAll(async () => {
    code = await probeBundle();
    const root = scratchRepo();
    const runCommand: CommandRunner = async () => {
      pushed = readFileSync(join(root, 'out/conformance/Code.js'), 'utf8');
      return { code: 0, stdout: '', stderr: '' };
    };
    await pushProbes(root, readLiveProject(root), code, { user: 'conformance', runCommand });
    // "Google": a project holding what was pushed, giving the lenient answer to every unverified entry.
    const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00'), variant: 'lenient' });
    const runtime = new Runtime(ws, pushed);
    const started = await startRestServer({
      ws,
      script: {
        scriptId: SCRATCH,
        hasFunction: (fn) => runtime.functionNames().includes(fn),
        run: (fn, args) => runtime.run(fn, args, { bridge: true }),
      },
    });
    server = started.server;
    rootUrl = started.url;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  test('runs every probe of the pushed bundle and answers each one', async () => {
    const answers = await runLiveProbes({ scriptId: SCRATCH, auth, rootUrl });
    expect(Object.keys(answers).sort()).toEqual(PROBES.map((p) => p.id).sort());
  });

  test('runs only the probes asked for', async () => {
    const answers = await runLiveProbes({ scriptId: SCRATCH, auth, rootUrl, ids: ['SHEETS-RANGE-BOUNDS'] });
    expect(Object.keys(answers)).toEqual(['SHEETS-RANGE-BOUNDS']);
  });

  test('names the differences and the unverified entries the answers settle', async () => {
    const rows = liveRows(await runLiveProbes({ scriptId: SCRATCH, auth, rootUrl }), emulatorAnswers(code, 'strict'));
    const differing = rows.filter((r) => r.outcome !== 'agrees').map((r) => r.id);
    // Exactly the probes whose catalogue answer differs between the variants.
    const variantDependent = PROBES.filter(
      (p) => 'strict' in p.expected && JSON.stringify(p.expected.strict) !== JSON.stringify(p.expected.lenient),
    ).map((p) => p.id);
    expect(variantDependent.length).toBeGreaterThan(1);
    expect(differing.sort()).toEqual([...variantDependent].sort());
    for (const id of variantDependent) expect(rows.find((r) => r.id === id)?.settles).toBe('lenient');
    const report = liveReport(rows);
    expect(report).toContain(
      `Google and the emulator: ${rows.length - differing.length} of ${rows.length} probes agree.`,
    );
    expect(report).toContain(
      'SHEETS-SHEETVALUES-EMPTY: Google gives the lenient answer: mark it verified, make the emulator answer so by default',
    );
  });

  test('a project that is not the one named answers 404, reported as an error', async () => {
    await expect(runLiveProbes({ scriptId: 'another', auth, rootUrl })).rejects.toThrow(
      'Requested entity was not found.',
    );
  });
});

describe('the credentials of clasp login', () => {
  test('are the authorized user stored under the clasp user name, refreshed by its refresh token', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a4pa-clasprc-'));
    roots.push(dir);
    const file = join(dir, '.clasprc.json');
    const user = {
      type: 'authorized_user',
      client_id: 'id.apps.googleusercontent.com',
      client_secret: 's',
      refresh_token: 'r',
    };
    writeFileSync(file, JSON.stringify({ tokens: { conformance: user } }));
    expect(claspCredentials('conformance', file).credentials).toEqual({ refresh_token: 'r' });
    expect(() => claspCredentials('default', file)).toThrow(`${file} has no credentials for "default"`);
    expect(() => claspCredentials('conformance', join(dir, 'none.json'))).toThrow('not found: log in with clasp first');
  });
});
