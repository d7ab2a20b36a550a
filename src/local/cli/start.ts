/**
 * `npm start`: builds the add-on if needed, opens the local workbook (.academy/workbook.bin) or creates
 * it, and serves the playground on http://localhost:8080 (`PORT` overrides; `PORT=0` takes a free port).
 *
 * A new workbook holds the demo academy with its training year placed around the day (see
 * demo/placement.ts): the months behind are lived by the real add-on in the emulated Workspace (form
 * responses, calendar, attendance, certificates, reports, summaries), the months ahead are open for
 * enrollment, and the emulated clock stands at the real time. While that runs the server already answers
 * with a progress page. `ACADEMY_START` (ISO-8601) places the year around another instant,
 * `ACADEMY_EMPLOYEES` makes a smaller (or larger) academy, `ACADEMY_WORKBOOK` points at another file.
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { livedDemo } from '../demo/lived';
import { Playground } from '../playground/playground';
import { Preparation } from '../playground/preparation';
import { playgroundHandler, type Handler } from '../playground/routes';
import { createHttpServer } from '../playground/server';
import { LocalAcademy } from '../runtime/session';
import { ensureBuild, PROJECT_ROOT } from './ensure-build';

export const WORKBOOK_FILE = resolve(PROJECT_ROOT, '.academy/workbook.bin');

function startTime(): number {
  const text = process.env.ACADEMY_START;
  if (!text) return Date.now();
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new Error(`ACADEMY_START non valido: ${text} (serve una data ISO-8601)`);
  return ms;
}

function employees(): number | undefined {
  const text = process.env.ACADEMY_EMPLOYEES;
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 50 || n > 20000)
    throw new Error(`ACADEMY_EMPLOYEES non valido: ${text} (da 50 a 20000)`);
  return n;
}

function main(): void {
  ensureBuild();
  const file = process.env.ACADEMY_WORKBOOK ? resolve(process.env.ACADEMY_WORKBOOK) : WORKBOOK_FILE;
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT non valida: ${process.env.PORT}`);
  const size = employees();
  const explicitStart = process.env.ACADEMY_START !== undefined;
  const began = Date.now();
  const preparation = new Preparation();
  let playground: Playground | null = null;
  const create = (): Promise<LocalAcademy> =>
    preparation.run(async (say) => {
      // "Ricomincia dalla demo" places the year around today, or around ACADEMY_START when one was given.
      const academy = await livedDemo({
        at: explicitStart ? startTime() : Date.now(),
        employees: size,
        progress: (line) => {
          say(line);
          console.log(`  ${line}`);
        },
      });
      academy.save(file);
      return academy;
    });
  const handlers: Handler[] = [
    preparation.handler(),
    (req, res, url) => (playground ? playgroundHandler(playground)(req, res, url) : false),
  ];
  const server = createHttpServer(handlers);
  const existing = LocalAcademy.open(file);
  if (existing) playground = new Playground(existing, { file, create });
  // Loopback only: the playground and the REST APIs on its port act as the academy's staff, with any token.
  server.listen(port, '127.0.0.1', () => {
    const actual = (server.address() as AddressInfo).port;
    console.log(`Academy4PA playground: http://localhost:${actual}`);
    if (existing) return;
    console.log(`Preparazione dell'accademia dimostrativa in ${file}…`);
    create()
      .then((academy) => {
        playground = new Playground(academy, { file, create });
        console.log(`Accademia pronta in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
      })
      .catch((error: unknown) => {
        console.error(`preparazione non riuscita: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      });
  });
  const stop = (): void => {
    if (preparation.ready) playground?.save();
    server.close(() => process.exit(process.exitCode ?? 0));
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
