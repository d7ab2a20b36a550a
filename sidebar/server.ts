/**
 * The typed client of the add-on's server functions: `google.script.run` as promises, typed by
 * src/gas/rpc.ts (the entry points the sidebar may call, their values JSON-safe). Only their TYPES are imported, so nothing of the server reaches the
 * page. Values cross as JSON does (no Date, no undefined), which the server's result types respect.
 */
import type { SidebarApi } from '../src/gas/rpc';
import { messageOf } from '../src/core/registry/errors';

type Server = SidebarApi;

/** The server functions the sidebar may call: the entry points less triggers and menu-only items. */
export type ServerFunction = {
  [K in keyof Server]: Server[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Server];

type Fn<K extends ServerFunction> = K extends ServerFunction
  ? Server[K] extends (...args: infer A) => infer R
    ? { args: A; result: R }
    : never
  : never;

export type ServerArgs<K extends ServerFunction> = Fn<K>['args'];
export type ServerResult<K extends ServerFunction> = Fn<K>['result'];

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

/** An error from the server: its message is already the Italian text the user reads. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly fn: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** Apps Script prefixes a thrown error's message with the error's class ("Error: ..."): readers don't need it. */
export function cleanMessage(raw: string): string {
  const text = raw.replace(/^(?:Exception|Error|TypeError|ScriptError):\s*/, '').trim();
  return text === '' ? 'Operazione non riuscita per un errore sconosciuto.' : text;
}

export function run<K extends ServerFunction>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  return new Promise<ServerResult<K>>((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new ServerError('Il pannello non è collegato al foglio: riaprilo dal menu Academy4PA.', name));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(new ServerError(cleanMessage(messageOf(error)), name)));
    const target = runner[name];
    if (typeof target !== 'function') {
      reject(new ServerError(`La funzione «${name}» non è disponibile su questo server.`, name));
      return;
    }
    (target as (...a: unknown[]) => void).apply(runner, args as unknown[]);
  });
}
