/**
 * `npm start`: builds the add-on if needed, opens the local workbook (.academy/workbook.bin) or creates
 * it (setup, then the demo academy when there is one), and serves the playground.
 */
import { resolve } from 'node:path';
import { LocalAcademy } from '../runtime/session';
import { createPlaygroundServer } from '../playground/server';
import { demoAcademy } from '../scenario/demo';
import { prepareAcademy } from '../scenario/runner';
import { ensureBuild, PROJECT_ROOT } from './ensure-build';

export const WORKBOOK_FILE = resolve(PROJECT_ROOT, '.academy/workbook.bin');

/** The saved workbook, or a new one: setup, then the demo academy, saved at once. */
function openOrCreate(file: string): LocalAcademy {
  const existing = LocalAcademy.open(file);
  if (existing) return existing;
  const academy = LocalAcademy.fresh({ start: Date.now() });
  prepareAcademy(academy, demoAcademy(academy.now()));
  academy.save(file);
  return academy;
}

function main(): void {
  ensureBuild();
  const academy = openOrCreate(WORKBOOK_FILE);
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`invalid PORT: ${process.env.PORT}`);
  const server = createPlaygroundServer(academy);
  server.listen(port, () => {
    console.log(`Academy4PA playground: http://localhost:${port}`);
  });
  const stop = (): void => {
    academy.save(WORKBOOK_FILE);
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
