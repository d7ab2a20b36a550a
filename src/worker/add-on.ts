/**
 * What only the add-on holds (its links' signing secret, the archives' ids, the questionnaire's scores),
 * asked of it through the Apps Script API `scripts.run` of `getWorkerContext` (docs/architecture.md).
 */
import type { WorkerContext } from '../core/reports/worker-context';
import type { Connection } from './google';
import { withRetries, type Wait } from './retry';

/** The add-on's answer; a failure of the function itself (a caller who is not staff…) is thrown as its message. */
export async function workerContext(
  conn: Connection,
  scriptId: string,
  request: { istats: string[]; period: string },
  wait: Wait,
): Promise<WorkerContext> {
  const answer = await withRetries(wait, () =>
    conn.script.scripts.run({ scriptId, requestBody: { function: 'getWorkerContext', parameters: [request] } }),
  );
  const failure = answer.data.error;
  if (failure || !answer.data.response) {
    const detail = (failure?.details?.[0] as { errorMessage?: string } | undefined)?.errorMessage;
    throw new Error(`Il componente aggiuntivo non ha risposto (scripts.run): ${detail ?? failure?.message ?? ''}`);
  }
  return answer.data.response.result as WorkerContext;
}
