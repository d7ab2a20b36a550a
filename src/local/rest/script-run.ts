/**
 * Apps Script API v1 `scripts.run`: runs a top-level function of the bundle as the token's user and
 * answers as Google does: HTTP 200 with `response.result`, or HTTP 200 with `error` (code 3, an
 * `ExecutionError` detail) when the function threw (catalogue: REST-SCRIPTS-RUN).
 */
import { json, jsonBody, RestError, type RestRequest, type RestResponse } from './http';

export interface ScriptRunner {
  /** The project's script id (a run naming another answers 404). */
  scriptId: string;
  run(fn: string, args: unknown[]): { ok: boolean; value: unknown; error?: string };
  hasFunction(fn: string): boolean;
}

const PATH = /^\/v1\/scripts\/([^/:]+):run$/;

export function handleScriptRun(runner: ScriptRunner | undefined, req: RestRequest): RestResponse | null {
  const m = PATH.exec(req.path);
  if (!m || req.method !== 'POST') return null;
  const id = decodeURIComponent(m[1] as string);
  if (!runner || (runner.scriptId !== '' && id !== runner.scriptId))
    throw new RestError(404, 'Requested entity was not found.', 'notFound');
  const body = jsonBody(req);
  const fn = typeof body.function === 'string' ? body.function : '';
  const parameters = Array.isArray(body.parameters) ? (body.parameters as unknown[]) : [];
  if (!runner.hasFunction(fn)) {
    return json(200, executionError(`Script function not found: ${fn}`, 'ScriptError'));
  }
  const result = runner.run(fn, parameters);
  if (!result.ok) return json(200, executionError(result.error ?? 'Errore sconosciuto', 'ScriptError'));
  return json(200, {
    done: true,
    response: { '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionResponse', result: result.value ?? null },
  });
}

function executionError(message: string, errorType: string): Record<string, unknown> {
  return {
    done: true,
    error: {
      code: 3,
      message,
      details: [
        {
          '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionError',
          errorMessage: message,
          errorType,
          scriptStackTraceElements: [],
        },
      ],
    },
  };
}
