/**
 * `npm run conformance -- --live`: the same probe bundle `npm run conformance` runs in the emulator,
 * pushed with clasp to a scratch Apps Script project (its own `.clasp.conformance.json`, never the
 * add-on's), run there through the Apps Script API `scripts.run` (googleapis), and compared with the
 * emulator's answers: where Google differs, and which *unverified* catalogue entries its answers settle.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { google } from 'googleapis';
import { OAuth2Client } from 'google-auth-library';
import { PROBES } from '../../conformance/probes';
import type { ProbeAnswer } from '../../conformance/main';
import { catalogueEntries, type CatalogueEntry } from './run';

export const LIVE_PROJECT_FILE = '.clasp.conformance.json';
/** The add-on's own projects: the live run refuses to push to either. */
export const ADD_ON_PROJECT_FILES = ['.clasp.json', '.clasp.prod.json'] as const;
const PLACEHOLDER = /^REPLACE_WITH_/;

/**
 * Every scope the probes touch. `scripts.run` needs a token that covers all the scopes of the script,
 * not only those of the function called (catalogue: REST-SCRIPTS-RUN).
 */
export const PROBE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
] as const;

export interface LiveProject {
  scriptId: string;
  /** Where the pushed files are written, absolute (inside the repository, as clasp requires). */
  contentDir: string;
  /** The project file, as clasp's `--project` takes it. */
  file: string;
}

function scriptIdOf(file: string): string | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { scriptId?: unknown };
  return typeof parsed.scriptId === 'string' ? parsed.scriptId : null;
}

/**
 * The scratch project named by `.clasp.conformance.json`, refused when it is missing, still the
 * placeholder, or one of the add-on's own projects: the probes create and trash files, and a push
 * replaces every file of the project.
 */
export function readLiveProject(root: string): LiveProject {
  const file = resolve(root, LIVE_PROJECT_FILE);
  if (!existsSync(file)) {
    throw new Error(
      `${LIVE_PROJECT_FILE} is missing: create it with the scratch project's scriptId (README, "Conformance on Google").`,
    );
  }
  const config = JSON.parse(readFileSync(file, 'utf8')) as { scriptId?: unknown; rootDir?: unknown };
  const scriptId = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (scriptId === '' || PLACEHOLDER.test(scriptId)) {
    throw new Error(`${LIVE_PROJECT_FILE} has no scriptId: put the scratch Apps Script project's id there.`);
  }
  for (const own of ADD_ON_PROJECT_FILES) {
    if (scriptIdOf(resolve(root, own)) === scriptId) {
      throw new Error(`${LIVE_PROJECT_FILE} names the project of ${own}: the probes run only in a scratch project.`);
    }
  }
  const rootDir = typeof config.rootDir === 'string' && config.rootDir !== '' ? config.rootDir : 'out/conformance';
  const contentDir = resolve(root, rootDir);
  const inside = relative(root, contentDir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(/[\\/]/)[0] === 'dist') {
    throw new Error(`${LIVE_PROJECT_FILE}: rootDir "${rootDir}" must be a folder of its own inside the repository.`);
  }
  return { scriptId, contentDir, file };
}

/**
 * The scratch project's manifest: V8, the probes' scopes, the advanced Calendar service, callable through
 * the Apps Script API by its owner.
 */
export function probeManifest(): Record<string, unknown> {
  return {
    timeZone: 'Europe/Rome',
    runtimeVersion: 'V8',
    exceptionLogging: 'STACKDRIVER',
    oauthScopes: [...PROBE_SCOPES],
    executionApi: { access: 'MYSELF' },
    dependencies: { enabledAdvancedServices: [{ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' }] },
  };
}

/** Replaces the content folder with exactly the two files pushed: the bundle and the manifest. */
export function writePushFiles(project: LiveProject, code: string): string[] {
  rmSync(project.contentDir, { recursive: true, force: true });
  mkdirSync(project.contentDir, { recursive: true });
  const files = { 'Code.js': code, 'appsscript.json': `${JSON.stringify(probeManifest(), null, 2)}\n` };
  for (const [name, text] of Object.entries(files)) writeFileSync(resolve(project.contentDir, name), text);
  return Object.keys(files);
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command (clasp) and collects its output; the tests inject one that records the call instead. */
export type CommandRunner = (command: string, args: readonly string[], cwd: string) => Promise<CommandResult>;

export const spawnCommand: CommandRunner = (command, args, cwd) =>
  new Promise((done, fail) => {
    const child = spawn(command, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });

/**
 * Writes the files and pushes them with the repository's clasp, as the clasp user whose credentials the
 * run uses (`--force`: the manifest is ours to replace).
 */
export async function pushProbes(
  root: string,
  project: LiveProject,
  code: string,
  options: { user: string; runCommand?: CommandRunner },
): Promise<string[]> {
  const files = writePushFiles(project, code);
  const clasp = resolve(root, 'node_modules/.bin/clasp');
  const args = ['--user', options.user, '--project', project.file, 'push', '--force'];
  const result = await (options.runCommand ?? spawnCommand)(clasp, args, root);
  if (result.code !== 0) {
    throw new Error(`clasp push failed (exit ${result.code}): ${(result.stderr || result.stdout).trim()}`);
  }
  return files;
}

/**
 * The OAuth client of a `clasp login` (its `~/.clasprc.json`, under the user name given to `clasp -u`):
 * an authorized user with a refresh token, which google-auth-library refreshes as needed.
 */
export function claspCredentials(user: string, file = resolve(homedir(), '.clasprc.json')): OAuth2Client {
  if (!existsSync(file))
    throw new Error(`${file} not found: log in with clasp first (README, "Conformance on Google").`);
  const store = JSON.parse(readFileSync(file, 'utf8')) as { tokens?: Record<string, Record<string, string>> };
  const token = store.tokens?.[user];
  if (!token?.refresh_token || !token.client_id) {
    throw new Error(`${file} has no credentials for "${user}": run the clasp login of the README with -u ${user}.`);
  }
  const client = new OAuth2Client({ clientId: token.client_id, clientSecret: token.client_secret });
  client.setCredentials({ refresh_token: token.refresh_token });
  return client;
}

interface ExecutionError {
  message?: string | null;
  details?: Array<{ errorMessage?: string; errorType?: string }> | null;
}

/** Runs `runConformance` in the project at its last pushed code (`devMode`: the owner's HEAD). */
export async function runLiveProbes(options: {
  scriptId: string;
  auth: OAuth2Client;
  rootUrl?: string;
  ids?: readonly string[];
}): Promise<Record<string, ProbeAnswer>> {
  const script = google.script({
    version: 'v1',
    auth: options.auth,
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
  });
  const { data } = await script.scripts.run({
    scriptId: options.scriptId,
    requestBody: { function: 'runConformance', parameters: options.ids ? [[...options.ids]] : [], devMode: true },
  });
  if (data.error) {
    const error = data.error as ExecutionError;
    const detail = error.details?.[0];
    throw new Error(`runConformance failed on Google: ${detail?.errorMessage ?? error.message ?? 'no message'}`);
  }
  const result = (data.response as { result?: unknown } | undefined)?.result;
  if (!result || typeof result !== 'object') throw new Error('runConformance answered nothing on Google.');
  return result as Record<string, ProbeAnswer>;
}

export interface LiveRow {
  id: string;
  status: CatalogueEntry['status'];
  outcome: 'agrees' | 'differs' | 'no answer';
  google: ProbeAnswer | null;
  emulator: ProbeAnswer | null;
  /**
   * For an unverified entry with an answer per variant: which of them Google gave (`third` when it gave
   * neither; `confirmed` when the entry has one answer and Google gave it), so the catalogue can be marked
   * verified and the emulator fixed to that answer.
   */
  settles?: 'strict' | 'lenient' | 'both' | 'confirmed' | 'third';
}

/** Google's answers against the emulator's, probe by probe, in catalogue order. */
export function liveRows(google: Record<string, ProbeAnswer>, emulator: Record<string, ProbeAnswer>): LiveRow[] {
  const rows: LiveRow[] = [];
  for (const entry of catalogueEntries()) {
    const probe = PROBES.find((p) => p.id === entry.id);
    if (!probe) continue;
    const live = google[entry.id] ?? null;
    const local = emulator[entry.id] ?? null;
    const outcome = live === null ? 'no answer' : isDeepStrictEqual(live, local) ? 'agrees' : 'differs';
    const row: LiveRow = { id: entry.id, status: entry.status, outcome, google: live, emulator: local };
    if (entry.status === 'unverified' && live !== null && 'value' in live) {
      const expected = probe.expected;
      if ('value' in expected) {
        row.settles = isDeepStrictEqual(live.value, expected.value) ? 'confirmed' : 'third';
      } else {
        const strict = isDeepStrictEqual(live.value, expected.strict);
        const lenient = isDeepStrictEqual(live.value, expected.lenient);
        row.settles = strict && lenient ? 'both' : strict ? 'strict' : lenient ? 'lenient' : 'third';
      }
    }
    rows.push(row);
  }
  return rows;
}

function shown(answer: ProbeAnswer | null): string {
  return answer === null ? '—' : JSON.stringify('value' in answer ? answer.value : { error: answer.error });
}

const SETTLES: Record<NonNullable<LiveRow['settles']>, string> = {
  strict: 'Google gives the strict answer: mark it verified, keep the strict branch',
  lenient: 'Google gives the lenient answer: mark it verified, make the emulator answer so by default',
  both: 'both variants answer alike here: the probe cannot tell them apart',
  confirmed: "Google gives the catalogue's answer: mark it verified (source: this live run)",
  third: "Google gives neither variant's answer: the entry and the emulator need rewriting",
};

/** The report: every difference with both answers, then what the unverified entries learn. */
export function liveReport(rows: readonly LiveRow[]): string {
  const lines: string[] = [];
  const differing = rows.filter((r) => r.outcome !== 'agrees');
  lines.push(`Google and the emulator: ${rows.length - differing.length} of ${rows.length} probes agree.`);
  for (const r of differing) {
    lines.push(
      '',
      `${r.id} (${r.status}): ${r.outcome}`,
      `  Google:   ${shown(r.google)}`,
      `  emulator: ${shown(r.emulator)}`,
    );
  }
  const settled = rows.filter((r) => r.settles !== undefined);
  lines.push('', `Unverified entries Google's answers settle: ${settled.length}`);
  for (const r of settled) lines.push(`- ${r.id}: ${SETTLES[r.settles as NonNullable<LiveRow['settles']>]}`);
  return lines.join('\n');
}
