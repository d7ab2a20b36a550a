/**
 * Turns a batch of certificates into PDFs with requests sent together: the template copies, the fills,
 * the exports, the uploads, the copies to the trash (each step one `fetchAll` for the whole batch). A copy
 * or an upload whose answer was lost may have been made: the batch's tagged files are listed and what is
 * found is adopted before anything is sent again, so a certificate never gets two PDFs. The verification
 * QR code is drawn by the Docs API in the same requests (`qr-table.ts`), never through DocumentApp.
 */
import type { FileRole, TaggedFile } from '../../core/certificates/files';
import type { Placeholder } from '../../core/certificates/placeholders';
import { isRetryable } from '../../core/http/status';
import { backoffDelay } from '../platform/retry';
import { answerError, type ApiAnswer } from '../platform/rest';
import { logEvent } from '../registry/log';
import { qrDrawRequests, qrPlacement, qrShrinkRequests } from '../../core/certificates/qr-table';
import {
  copyDrafts,
  exportDrafts,
  fillDrafts,
  listBatchFiles,
  readDrafts,
  trashFiles,
  updateDrafts,
  uploadPdfs,
} from './documents';

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
  live = fill(jobs, live, idOf, outcomes);
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

/**
 * Fills the live drafts and draws their QR codes: the drafts with a code are read first (where it goes),
 * filled with the table drawn, read again and their table's cells shrunk. A fill whose answer was lost
 * counts as done when the second reading finds its table. The drafts still live, in order.
 */
function fill(
  jobs: readonly RenderJob[],
  live: readonly number[],
  idOf: (i: number) => string,
  outcomes: RenderOutcome[],
): number[] {
  const withQr = live.filter((i) => (jobs[i] as RenderJob).verificationUrl !== '');
  const failed = (index: number, step: string, api: string, answer: ApiAnswer): void => {
    outcomes[index] = { ok: false, error: `${step}: ${answerError(api, answer)}` };
  };
  const placements = new Map<number, { requests: unknown[]; revisionId: string }>();
  const read = readDrafts(withQr.map(idOf));
  withQr.forEach((index, n) => {
    const answer = read[n] as ApiAnswer;
    const placement = answer.status < 300 ? qrPlacement(answer.body) : null;
    if (!placement) return failed(index, 'Codice QR', 'Docs API', answer);
    const revisionId = String((answer.body as { revisionId?: unknown }).revisionId ?? '');
    const url = (jobs[index] as RenderJob).verificationUrl;
    placements.set(index, { requests: qrDrawRequests(placement, url), revisionId });
  });
  const toFill = live.filter((i) => (jobs[i] as RenderJob).verificationUrl === '' || placements.has(i));
  const filled = fillDrafts(
    toFill.map((i) => {
      const qr = placements.get(i);
      return { docId: idOf(i), values: (jobs[i] as RenderJob).values, qr: qr ?? null };
    }),
  );
  const next: number[] = [];
  const drawn: number[] = [];
  toFill.forEach((index, n) => {
    const answer = filled[n] as ApiAnswer;
    if (placements.has(index)) drawn.push(index);
    else if (answer.status < 300) next.push(index);
    else failed(index, 'Compilazione', 'Docs API', answer);
  });
  const reread = readDrafts(drawn.map(idOf));
  const shrinks: Array<{ index: number; requests: unknown[] }> = [];
  drawn.forEach((index, n) => {
    const answer = reread[n] as ApiAnswer;
    const requests =
      answer.status < 300 ? qrShrinkRequests(answer.body, (jobs[index] as RenderJob).verificationUrl) : null;
    const fillAnswer = filled[toFill.indexOf(index)] as ApiAnswer;
    if (requests) shrinks.push({ index, requests });
    else if (answer.status >= 300) failed(index, 'Codice QR', 'Docs API', answer);
    else if (fillAnswer.status >= 300) failed(index, 'Compilazione', 'Docs API', fillAnswer);
    else outcomes[index] = { ok: false, error: 'Codice QR: tabella non trovata dopo la compilazione' };
  });
  const shrunk = updateDrafts(shrinks.map((s) => ({ docId: idOf(s.index), requests: s.requests })));
  shrinks.forEach(({ index }, n) => {
    const answer = shrunk[n] as ApiAnswer;
    if (answer.status < 300) next.push(index);
    else failed(index, 'Codice QR', 'Docs API', answer);
  });
  return live.filter((i) => next.includes(i));
}
