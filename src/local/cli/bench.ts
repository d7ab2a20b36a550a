/**
 * `npm run bench` (a readable table) and `npm run --silent bench -- --json` (docs/contracts.md's
 * `{ latencyModel, scenarios }`). `--only a,b` runs some scenarios; without it every scenario runs,
 * `season@1k` (a whole demo year) and `years@1k` (three of them) last. Progress goes to stderr in table mode only.
 */
import { ensureBuild } from './ensure-build';
import { LATENCY_MODEL, runScenario, SCENARIO_NAMES, type ScenarioName, type ScenarioResult } from '../bench/scenarios';

function usage(message: string): never {
  process.stderr.write(`${message}\nuso: npm run bench -- [--json] [--only ${SCENARIO_NAMES.join(',')}]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { json: boolean; only: ScenarioName[] } {
  const list = argv.filter((a) => a !== '--');
  let json = false;
  let only: ScenarioName[] = [...SCENARIO_NAMES];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as string;
    if (a === '--json') json = true;
    else if (a === '--only') {
      const names = (list[++i] ?? '').split(',').filter((n) => n !== '');
      const unknown = names.filter((n) => !(SCENARIO_NAMES as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0) usage(`scenari sconosciuti: ${unknown.join(', ') || '(nessuno)'}`);
      only = names as ScenarioName[];
    } else usage(`opzione sconosciuta: ${a}`);
  }
  return { json, only };
}

function cell(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(results: ScenarioResult[]): string {
  const header = [
    'scenario',
    'dipendenti',
    'chiamate',
    'Spreadsheet',
    'esecuzioni',
    's stimati',
    'CPU ms',
    'obiettivi',
  ];
  const rows = results.map((r) => [
    r.name,
    r.employees.toLocaleString('it-IT'),
    r.calls.total.toLocaleString('it-IT'),
    String(r.calls.byService.Spreadsheet ?? 0),
    r.executions.toLocaleString('it-IT'),
    r.projectedSeconds.toLocaleString('it-IT'),
    r.cpuMs.toLocaleString('it-IT'),
    (r.targets ?? []).map((t) => (t.met ? 'ok' : 'MANCATO')).join(' ') || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => cell(c, widths[i] ?? 0, i > 0 && i < 7)).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const r of results) {
    for (const t of r.targets ?? []) if (!t.met) out.push(`MANCATO ${r.name}: ${t.description}`);
    if (r.note) out.push(`${r.name}: ${r.note}`);
    if (r.quotas) {
      for (const [k, q] of Object.entries(r.quotas)) {
        out.push(
          `${r.name} quota ${k}: giorno di punta ${q.busiestDay.date} ${q.busiestDay.used}/${q.limit} (${q.busiestDay.share}%), totale anno ${q.total} in ${q.daysUsed} giorni`,
        );
      }
    }
  }
  const byName = new Map(results.map((r) => [r.name, r]));
  const e1 = byName.get('enroll@1k');
  const e10 = byName.get('enroll@10k');
  if (e1 && e10) {
    const same = (e1.calls.byService.Spreadsheet ?? 0) === (e10.calls.byService.Spreadsheet ?? 0);
    out.push(
      `iscrizione costante nella dimensione del registro: ${same ? 'sì' : 'NO'} (${e1.calls.byService.Spreadsheet ?? 0} e ${e10.calls.byService.Spreadsheet ?? 0} chiamate Spreadsheet)`,
    );
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { json, only } = parseArgs(process.argv.slice(2));
  ensureBuild();
  const progress = json ? undefined : (line: string): void => void process.stderr.write(`  ${line}\n`);
  const results: ScenarioResult[] = [];
  for (const name of only) {
    if (!json) process.stderr.write(`${name}...\n`);
    results.push(await runScenario(name, { progress }));
  }
  if (json) process.stdout.write(`${JSON.stringify({ latencyModel: LATENCY_MODEL, scenarios: results }, null, 2)}\n`);
  else process.stdout.write(`\nModello di latenza: ${LATENCY_MODEL}\n\n${table(results)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench non riuscito: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
