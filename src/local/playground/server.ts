/**
 * The playground's HTTP server (node:http only), as `npm start` and the tests create it: it tries its
 * handlers in order (others may come first, such as the REST APIs on the same port) and the first that
 * answers wins; the playground's own pages come last.
 */
import { createServer, type Server } from 'node:http';
import type { LocalAcademy } from '../runtime/session';
import { HttpError, send } from './http';
import { Playground, type PlaygroundOptions } from './playground';
import { playgroundHandler, type Handler } from './routes';

export { Playground, type PlaygroundOptions } from './playground';
export type { Handler } from './routes';

export function createHttpServer(handlers: readonly Handler[]): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = async (): Promise<void> => {
      for (const handler of handlers) if (await handler(req, res, url)) return;
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'Metodo non consentito.');
      throw new HttpError(404, 'Pagina non trovata.');
    };
    answer().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) send(res, status, 'text/plain', status === 500 ? `Errore interno: ${message}` : message);
      else res.end();
    });
  });
}

export function createPlaygroundHttpServer(playground: Playground, before: readonly Handler[] = []): Server {
  return createHttpServer([...before, playgroundHandler(playground)]);
}

export function createPlaygroundServer(academy: LocalAcademy, options: PlaygroundOptions = {}): Server {
  return createPlaygroundHttpServer(new Playground(academy, options));
}
