/**
 * `npm run conformance`: the catalogue's probes in the emulator, as a table (exit 1 when an answer differs
 * from the catalogue's). `A4PA_VARIANT=lenient npm run conformance` checks the other answers.
 *
 * `npm run conformance -- --live [--user NAME] [--only ID,ID]`: pushes the probes to the scratch project
 * of `.clasp.conformance.json`, runs them on Google with the credentials of `clasp -u NAME login`
 * (default `conformance`) and prints where Google and the emulator differ (exit 1 when they do).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { variantFromEnv } from '../runtime/variant';
import { conformanceRows, conformanceTable, emulatorAnswers, probeBundle } from '../conformance/run';
import {
  claspCredentials,
  liveReport,
  liveRows,
  pushProbes,
  readLiveProject,
  runLiveProbes,
} from '../conformance/live';

const root = resolve(__dirname, '../../..');

async function offline(code: string): Promise<void> {
  const variant = variantFromEnv();
  const rows = conformanceRows(emulatorAnswers(code, variant), variant);
  process.stdout.write(`Variant: ${variant}\n\n${conformanceTable(rows)}\n`);
  const count = (o: string): number => rows.filter((r) => r.outcome === o).length;
  process.stdout.write(
    `\n${count('agrees')} agree, ${count('differs')} differ, ${count('not probed')} not probed, ${count('no probe')} without a probe\n`,
  );
  if (count('differs') > 0) process.exitCode = 1;
}

async function live(code: string, user: string, ids: string[] | undefined): Promise<void> {
  const project = readLiveProject(root);
  const auth = claspCredentials(user);
  process.stdout.write(`Pushing the probes to ${project.scriptId}…\n`);
  await pushProbes(root, project, code, { user });
  process.stdout.write('Running them on Google…\n');
  const google = await runLiveProbes({ scriptId: project.scriptId, auth, ids });
  const rows = liveRows(google, emulatorAnswers(code, variantFromEnv())).filter((r) => !ids || ids.includes(r.id));
  process.stdout.write(`\n${liveReport(rows)}\n`);
  if (rows.some((r) => r.outcome !== 'agrees')) process.exitCode = 1;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { live: { type: 'boolean' }, user: { type: 'string' }, only: { type: 'string' } },
  });
  const code = await probeBundle();
  if (!values.live) return offline(code);
  const ids = values.only ? values.only.split(',').map((id) => id.trim()) : undefined;
  return live(code, values.user ?? 'conformance', ids);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
