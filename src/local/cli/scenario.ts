/**
 * `npm run --silent scenario -- FILE`: replays a scenario on a fresh local Workspace and prints the final
 * snapshot as JSON on stdout. Exit 0 when the scenario ran (a refusal by the add-on is an outcome, in
 * `results`); exit 2 with one line on stderr when the file is malformed; exit 1 with one line when the
 * academy could not be prepared or the add-on could not be built.
 */
import { readFileSync } from 'node:fs';
import { ensureBuild } from './ensure-build';
import { runScenario } from '../scenario/runner';
import { parseScenario, ScenarioFormatError, type Scenario } from '../scenario/schema';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function fail(code: number, message: string): never {
  process.stderr.write(`${oneLine(message)}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || !args[0]) fail(2, 'usage: npm run --silent scenario -- FILE');
  const file = args[0];
  let scenario: Scenario;
  try {
    scenario = parseScenario(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof ScenarioFormatError) fail(2, `${file}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    fail(2, `${file}: cannot read the file${code ? ` (${code})` : ''}`);
  }
  try {
    ensureBuild();
    const snapshot = runScenario(scenario);
    process.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
  } catch (error) {
    fail(1, `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main(process.argv.slice(2));
