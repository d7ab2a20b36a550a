/**
 * The playground's HTTP server (node:http only), as `npm start` and the tests create it. The pages and
 * the bridge live in app.ts; this module is the entry the CLI and the tests use.
 */
import type { Server } from 'node:http';
import type { LocalAcademy } from '../runtime/session';
import { createPlaygroundHttpServer, Playground, type PlaygroundOptions } from './app';

export { displayCell, escapeHtml } from './html';
export { Playground, type PlaygroundOptions } from './app';

export function createPlaygroundServer(academy: LocalAcademy, options: PlaygroundOptions = {}): Server {
  return createPlaygroundHttpServer(new Playground(academy, options));
}
