/**
 * The REST APIs over HTTP (node:http): a request handler the playground server mounts on its own port,
 * and a stand-alone loopback server for tests and the worker's offline runs. Both accept any bearer
 * token; neither ever listens beyond 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiOf, handleRest, type RestHost } from './router';

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Whether a path belongs to one of the emulated Google APIs. */
export function isRestPath(path: string): boolean {
  return apiOf(path) !== null;
}

/**
 * Serves one HTTP request through the REST router; `afterChange` runs after every request (the
 * playground saves its workbook there).
 */
export async function serveRest(
  host: RestHost,
  req: IncomingMessage,
  res: ServerResponse,
  afterChange?: () => void,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body = await readBody(req);
  const answer = handleRest(host, {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: headersOf(req),
    body,
  });
  if (req.method !== 'GET') afterChange?.();
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
  res.end(Buffer.from(answer.body));
}

/** A loopback server answering only the REST APIs; resolves with it and its base URL. */
export async function startRestServer(host: RestHost, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    serveRest(host, req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
