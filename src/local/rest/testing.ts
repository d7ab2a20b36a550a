/** What the emulated REST APIs' tests share: a request to the router as a googleapis client sends it. */
import type { Workspace } from '../runtime/workspace';
import { textOf, type RestRequest } from './http';
import { handleRest } from './router';

/** `pathAndQuery` as on the API's host (`/v1/forms/F/responses?filter=…`); a JSON body when given. */
export function callRest(
  ws: Workspace,
  method: string,
  pathAndQuery: string,
  json?: Record<string, unknown>,
): { status: number; body: Record<string, unknown> } {
  const u = new URL(pathAndQuery, 'https://www.googleapis.com');
  const req: RestRequest = {
    method,
    path: u.pathname,
    query: u.searchParams,
    headers:
      json === undefined
        ? { authorization: 'Bearer token' }
        : { authorization: 'Bearer token', 'content-type': 'application/json' },
    body: json === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(json)),
  };
  const answer = handleRest({ ws }, req);
  return { status: answer.status, body: JSON.parse(textOf(answer.body)) as Record<string, unknown> };
}
