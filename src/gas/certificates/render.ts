/**
 * Turns a batch of certificates into PDFs with requests sent together: the template copies, the fills,
 * the exports, the uploads, the copies to the trash (each step one `fetchAll` for the whole batch). A copy
 * or an upload whose answer was lost may have been made: the batch's tagged files are listed and what is
 * found is adopted before anything is sent again, so a certificate never gets two PDFs.
 */
import type { FileRole, TaggedFile } from '../../core/certificates/files';
import type { Placeholder } from '../../core/certificates/placeholders';
import { isRetryable } from '../../core/http/status';
import { messageOf } from '../../core/registry/errors';
import { backoffDelay } from '../platform/retry';
import { answerError, type ApiAnswer } from '../platform/rest';
import { logEvent } from '../registry/log';
import { copyDrafts, exportDrafts, fillDrafts, listBatchFiles, trashFiles, uploadPdfs } from './documents';
import { drawVerificationQr } from './qr';

export interface RenderJob {
  number: string;
  folderId: string;
  values: Record<Placeholder, string>;
  /** The verification page's address, drawn as a QR code; empty when the web app is not deployed. */
  verificationUrl: string;
}

export type RenderOutcome = { ok: true; fileId: string; url: string } | { ok: false; error: string };

/** Rounds of "send what is missing, then look for what a lost answer made". */
const CREATE_ROUNDS = 3;
const BASE_DELAY_MS = 1000;

type Created = { ok: true; id: string; url: string } | { ok: false; error: string };

function answerOf(api: string, answer: ApiAnswer): Created | 'lost' {
  if (answer.status < 300) {
    const body = (answer.body ?? {}) as { id?: string; webViewLink?: string };
    if (typeof body.id === 'string') return { ok: true, id: body.id, url: body.webViewLink ?? '' };
    return { ok: false, error: `${api}: risposta senza id` };
  }
  return isRetryable(answer.status, answer.body) ? 'lost' : { ok: false, error: answerError(api, answer) };
}

/**
 * Makes one file per job with `send` (copies or uploads): what fails for a moment is first looked for
 * among the batch's files (a lost answer) and sent again only when not found.
 */
function createTagged(
  batch: string,
  role: FileRole,
  numbers: readonly string[],
  send: (indexes: number[]) => ApiAnswer[],
  state: { listed: boolean },
): Created[] {
  const out = new Array<Created>(numbers.length);
  let pending = numbers.map((_, i) => i);
  let lastError = '';
  for (let round = 0; round < CREATE_ROUNDS && pending.length > 0; round++) {
    if (round > 0) Utilities.sleep(backoffDelay(round - 1, BASE_DELAY_MS));
    const answers = send(pending);
    const lost: number[] = [];
    pending.forEach((index, n) => {
      const read = answerOf('Drive API', answers[n] as ApiAnswer);
      if (read === 'lost') {
        lastError = answerError('Drive API', answers[n] as ApiAnswer);
        lost.push(index);
      } else out[index] = read;
    });
    pending = lost;
    if (lost.length === 0) break;
    state.listed = true;
    const found = new Map<string, TaggedFile>();
    for (const f of listBatchFiles(batch)) if (f.role === role && !found.has(f.number)) found.set(f.number, f);
    pending = [];
    for (const index of lost) {
      const file = found.get(numbers[index] as string);
      if (file) out[index] = { ok: true, id: file.id, url: file.url };
      else pending.push(index);
    }
  }
  for (const index of pending) out[index] = { ok: false, error: `${lastError} (service unavailable)` };
  return out;
}

/** Renders the jobs of one batch; an outcome per job, in order. Drafts are trashed whatever happens. */
export function renderBatch(batch: string, templateId: string, jobs: readonly RenderJob[]): RenderOutcome[] {
  const outcomes = new Array<RenderOutcome>(jobs.length);
  const state = { listed: false };
  const drafts = createTagged(
    batch,
    'bozza',
    jobs.map((j) => j.number),
    (indexes) =>
      copyDrafts(
        templateId,
        indexes.map((i) => ({
          batch,
          number: (jobs[i] as RenderJob).number,
          folderId: (jobs[i] as RenderJob).folderId,
        })),
      ),
    state,
  );
  const draftIds: string[] = [];
  let live: number[] = [];
  drafts.forEach((d, i) => {
    if (d.ok) {
      draftIds.push(d.id);
      live.push(i);
    } else outcomes[i] = { ok: false, error: d.error };
  });
  const idOf = (i: number): string => (drafts[i] as { id: string }).id;

  const keep = (step: string, answers: ApiAnswer[], api: string): number[] => {
    const next: number[] = [];
    live.forEach((index, n) => {
      const answer = answers[n] as ApiAnswer;
      if (answer.status < 300) next.push(index);
      else outcomes[index] = { ok: false, error: `${step}: ${answerError(api, answer)}` };
    });
    return next;
  };
  live = keep(
    'Compilazione',
    fillDrafts(
      live.map((i) => {
        const job = jobs[i] as RenderJob;
        return { docId: idOf(i), values: job.values, withQr: job.verificationUrl !== '' };
      }),
    ),
    'Docs API',
  );
  live = live.filter((index) => {
    const url = (jobs[index] as RenderJob).verificationUrl;
    if (url === '') return true;
    try {
      drawVerificationQr(idOf(index), url);
      return true;
    } catch (error) {
      outcomes[index] = { ok: false, error: `Codice QR: ${messageOf(error)}` };
      return false;
    }
  });
  const exported = exportDrafts(live.map(idOf));
  const pdfOf = new Map<number, number[]>();
  live.forEach((index, n) => pdfOf.set(index, (exported[n] as ApiAnswer).bytes ?? []));
  live = keep('Esportazione PDF', exported, 'Drive API');

  const uploads = createTagged(
    batch,
    'pdf',
    live.map((i) => (jobs[i] as RenderJob).number),
    (indexes) =>
      uploadPdfs(
        indexes.map((n) => {
          const i = live[n] as number;
          const job = jobs[i] as RenderJob;
          return { batch, number: job.number, folderId: job.folderId, pdf: pdfOf.get(i) ?? [] };
        }),
      ),
    state,
  );
  live.forEach((index, n) => {
    const u = uploads[n] as Created;
    outcomes[index] = u.ok ? { ok: true, fileId: u.id, url: u.url } : { ok: false, error: u.error };
  });

  const trashed = trashFiles(draftIds);
  const leftover = trashed.filter((a) => a.status >= 300).length;
  if (leftover > 0)
    logEvent('Attestati: bozze non eliminate', `${leftover} bozze del lotto ${batch} restano nel Drive`);
  if (state.listed) sweepDuplicates(batch, outcomes, jobs);
  return outcomes;
}

/**
 * After a lost answer, a resend may have made a second file that the listing could not yet see: every
 * tagged PDF of the batch that is not the one kept, and every draft, goes to the trash.
 */
function sweepDuplicates(batch: string, outcomes: readonly RenderOutcome[], jobs: readonly RenderJob[]): void {
  const kept = new Set(outcomes.flatMap((o) => (o.ok ? [o.fileId] : [])));
  const numbers = new Set(jobs.map((j) => j.number));
  const trash = listBatchFiles(batch)
    .filter((f) => numbers.has(f.number) && !kept.has(f.id))
    .map((f) => f.id);
  trashFiles(trash);
}
