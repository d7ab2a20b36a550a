/**
 * `npm start`: builds the add-on if needed, opens the local workbook (.academy/workbook.bin) or creates
 * it (setup, then the demo academy), and serves the playground on http://localhost:8080 (`PORT`
 * overrides; `PORT=0` takes a free port). `ACADEMY_WORKBOOK` points at another workbook file and
 * `ACADEMY_START` sets the emulated clock of a new one (ISO-8601), for tests and reproducible demos.
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { LocalAcademy } from '../runtime/session';
import { createPlaygroundHttpServer, Playground } from '../playground/app';
import { demoAcademy } from '../scenario/demo';
import { prepareAcademy } from '../scenario/runner';
import { ensureBuild, PROJECT_ROOT } from './ensure-build';

export const WORKBOOK_FILE = resolve(PROJECT_ROOT, '.academy/workbook.bin');

function startTime(): number {
  const text = process.env.ACADEMY_START;
  if (!text) return Date.now();
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new Error(`invalid ACADEMY_START: ${text}`);
  return ms;
}

/** A new workbook: setup, then the demo academy. */
function createDemo(): LocalAcademy {
  const academy = LocalAcademy.fresh({ start: startTime() });
  prepareAcademy(academy, demoAcademy(academy.now()));
  return academy;
}

function main(): void {
  ensureBuild();
  const file = process.env.ACADEMY_WORKBOOK ? resolve(process.env.ACADEMY_WORKBOOK) : WORKBOOK_FILE;
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid PORT: ${process.env.PORT}`);
  let academy = LocalAcademy.open(file);
  if (!academy) {
    academy = createDemo();
    academy.save(file);
  }
  const playground = new Playground(academy, { file, create: createDemo });
  const server = createPlaygroundHttpServer(playground);
  server.listen(port, () => {
    const actual = (server.address() as AddressInfo).port;
    console.log(`Academy4PA playground: http://localhost:${actual}`);
  });
  const stop = (): void => {
    playground.save();
    server.close(() => process.exit(0));
    server.closeAllConnections();
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
