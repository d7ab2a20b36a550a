/**
 * What `npm start`'s server answers besides the playground (which serves `GET /api/snapshot` itself):
 * Google's REST APIs over the open workbook, to loopback clients only, any bearer token. The playground
 * mounts this with one call; the workbook is saved after every change.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAcademy } from '../runtime/session';
import { errorResponse, RestError, type RestResponse } from './http';
import { isRestPath, serveRest } from './server';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function reply(res: ServerResponse, answer: RestResponse): void {
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
  res.end(Buffer.from(answer.body));
}

/** Serves the request when it is one of these routes and returns true; false leaves it to the playground. */
export async function serveAcademyApis(
  academy: LocalAcademy,
  req: IncomingMessage,
  res: ServerResponse,
  save: () => void,
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (!isRestPath(path)) return false;
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    reply(res, errorResponse(new RestError(403, 'The local APIs answer only on the loopback interface.', 'forbidden')));
    return true;
  }
  await serveRest(
    {
      ws: academy.ws,
      script: {
        scriptId: '',
        hasFunction: (fn) => academy.hasFunction(fn),
        run: (fn, args) => academy.call(fn, args),
      },
    },
    req,
    res,
    save,
  );
  return true;
}
