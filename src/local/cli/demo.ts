/**
 * `npm run demo -- --out DIR [--employees N] [--courses N] [--seed S] [--year Y | --start ISO]`: a whole
 * training year on a fresh demo academy, headless, then the files anyone can open (see
 * export/demo-output.ts). By default the classic year (enrollment from 11 January, sessions February to
 * November of `--year`, 2027); `--start` places the year around that day instead, as `npm start` does
 * (demo/placement.ts), and lives it to its end. Progress goes to stderr, the short Italian summary to stdout.
 */
import { ensureBuild } from './ensure-build';
import type { DemoOptions } from '../demo/run';

type Args = Omit<DemoOptions, 'progress'>;

function usage(message: string): never {
  process.stderr.write(
    `${message}\nuso: npm run demo -- --out DIR [--employees N] [--courses N] [--seed S] [--year AAAA | --start AAAA-MM-GG]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {};
  const list = argv.filter((a) => a !== '--');
  for (let i = 0; i < list.length; i++) {
    const flag = list[i] as string;
    const value = list[i + 1];
    if (value === undefined) usage(`manca il valore di ${flag}`);
    i += 1;
    if (flag === '--out') {
      args.out = value;
      continue;
    }
    if (flag === '--start') {
      const ms = Date.parse(value);
      if (!Number.isFinite(ms))
        usage(`--start vuole una data ISO-8601 (2026-12-01 o 2026-12-01T09:00:00+01:00), non «${value}»`);
      args.start = ms;
      continue;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) usage(`${flag} vuole un numero intero positivo, non «${value}»`);
    if (flag === '--employees') args.employees = n;
    else if (flag === '--courses') args.courses = n;
    else if (flag === '--seed') args.seed = n;
    else if (flag === '--year') args.year = n;
    else usage(`opzione sconosciuta: ${flag}`);
  }
  if (!args.out) usage('manca --out DIR');
  if (args.start !== undefined && args.year !== undefined)
    usage("--year e --start non vanno insieme: --start sceglie già l'anno");
  return args as Args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  ensureBuild();
  // Loaded once the arguments are known good: a wrong one is answered before the year's modules load.
  const { runDemo } = await import('../demo/run');
  const run = await runDemo({ ...args, progress: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(run.report);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo non riuscita: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
