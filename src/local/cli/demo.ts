/**
 * `npm run demo -- --out DIR [--employees N] [--courses N] [--seed S] [--year Y | --start ISO]`: a whole
 * training year on a fresh demo academy, headless, then the files anyone can open (see
 * export/demo-output.ts). By default the classic year (enrollment from 11 January, sessions February to
 * November of `--year`, 2027); `--start` places the year around that day instead, as `npm start` does
 * (demo/placement.ts), and lives it to its end. Progress goes to stderr, the short Italian summary to stdout.
 */
import { resolve } from 'node:path';
import { ensureBuild } from './ensure-build';
import { simulateYear } from '../demo/year';
import { placementAround } from '../demo/placement';
import { writeDemoOutput, type DemoSummary } from '../export/demo-output';

interface Args {
  out: string;
  employees?: number;
  courses?: number;
  seed?: number;
  year?: number;
  /** The instant the year is placed around (epoch ms). */
  start?: number;
}

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

function italian(n: number): string {
  return n.toLocaleString('it-IT');
}

function report(s: DemoSummary, dir: string, seconds: number): string {
  const statuses = Object.entries(s.enrollments.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${italian(v)} ${k.toLowerCase()}`)
    .join(', ');
  return [
    '',
    `Anno formativo ${s.year} completato in ${italian(Math.round(seconds))} s.`,
    `  ${italian(s.comuni)} comuni, ${italian(s.employees)} dipendenti, ${italian(s.courses)} corsi, ${italian(s.sessions)} sessioni (${italian(s.calendarEvents)} eventi in calendario)`,
    `  ${italian(s.enrollments.total)} iscrizioni: ${statuses}`,
    `  ${italian(s.hours.attendedInCourses)} ore frequentate nei corsi; ${italian(s.certificates)} attestati; ${italian(s.mails)} email inviate`,
    `  ${italian(s.executions)} esecuzioni Apps Script, ${italian(s.calls.total)} chiamate ai servizi, ${italian(s.projectedSeconds)} s stimati su Google${s.failedExecutions ? `; ${italian(s.failedExecutions)} esecuzioni con errore o rifiuto (vedi Registro)` : ''}`,
    `File in ${dir}: academy.xlsx, calendar.ics, attestati/ (${italian(s.files.pdfs)} PDF), mail/ (${italian(s.files.emls)} .eml), summary.json`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = resolve(args.out);
  const began = Date.now();
  ensureBuild();
  const outcome = await simulateYear({
    year: args.year,
    placement: args.start !== undefined ? placementAround(args.start) : undefined,
    employees: args.employees,
    courses: args.courses,
    seed: args.seed,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write('Scrittura dei file...\n');
  const summary = await writeDemoOutput(outcome, dir);
  process.stdout.write(report(summary, dir, (Date.now() - began) / 1000));
}

main().catch((error: unknown) => {
  process.stderr.write(`demo non riuscita: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
