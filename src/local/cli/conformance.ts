/**
 * `npm run conformance`: the catalogue's probes in the emulator, as a table (exit 1 when an answer differs
 * from the catalogue's). `A4PA_VARIANT=lenient npm run conformance` checks the other answers.
 */
import { variantFromEnv } from '../runtime/variant';
import { conformanceRows, conformanceTable, emulatorAnswers, probeBundle } from '../conformance/run';

async function main(): Promise<void> {
  const variant = variantFromEnv();
  const rows = conformanceRows(emulatorAnswers(await probeBundle(), variant), variant);
  process.stdout.write(`Variant: ${variant}\n\n${conformanceTable(rows)}\n`);
  const count = (o: string): number => rows.filter((r) => r.outcome === o).length;
  process.stdout.write(
    `\n${count('agrees')} agree, ${count('differs')} differ, ${count('not probed')} not probed, ${count('no probe')} without a probe\n`,
  );
  if (count('differs') > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
