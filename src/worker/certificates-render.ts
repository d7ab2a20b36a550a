/**
 * The worker's Drive and Docs requests for a batch of certificates, through googleapis, with the add-on's
 * own request bodies (`src/core/certificates/files.ts`, `qr-table.ts`): a copy of the template, the fill
 * with the QR table drawn (pinned to the revision read, so a resend cannot draw a second one), the
 * table's cells shrunk, the PDF export, the upload, the draft to the trash. The certificates of a batch
 * are made in parallel. A copy or an upload whose answer was lost may exist: the batch's tagged files are
 * listed and what is found is adopted before anything is sent again.
 */
import { Readable } from 'node:stream';
import {
  batchQuery,
  copyBody,
  fillBody,
  PDF_MIME,
  pdfMetadata,
  taggedFiles,
  type FileRole,
  type TaggedFile,
} from '../core/certificates/files';
import type { Placeholder } from '../core/certificates/placeholders';
import { qrDrawRequests, qrPlacement, qrShrinkRequests } from '../core/certificates/qr-table';
import { backoffMs, type Connection } from './google';
import { ATTEMPTS, errorText, statusOf, transient, withRetries, type Wait } from './retry';

/** Every file not in the trash carrying the batch's tag (paged by 1,000). */
export async function listBatch(conn: Connection, batch: string, wait: Wait): Promise<TaggedFile[]> {
  const files: TaggedFile[] = [];
  let pageToken: string | undefined;
  do {
    const page = await withRetries(wait, () =>
      conn.drive.files.list({
        q: batchQuery(batch),
        pageSize: 1000,
        fields: 'nextPageToken,files(id,webViewLink,properties)',
        pageToken,
      }),
    );
    files.push(...taggedFiles(page.data));
    pageToken = page.data.nextPageToken ?? undefined;
  } while (pageToken);
  return files;
}

export interface RenderJob {
  number: string;
  /** The tag this certificate's files carry. */
  batch: string;
  folderId: string;
  values: Record<Placeholder, string>;
  verificationUrl: string;
}

export type Rendered = { ok: true; fileId: string; url: string; pdf: Buffer } | { ok: false; error: string };

/**
 * Creates a tagged file that must not be made twice (a copy, an upload): after a transient failure the
 * batch is listed and a file of this number and role is adopted; only when none is found is it sent again.
 */
async function createOnce(
  conn: Connection,
  job: RenderJob,
  role: FileRole,
  send: () => Promise<{ id?: string | null; webViewLink?: string | null }>,
  wait: Wait,
  listed: { any: boolean },
): Promise<{ id: string; url: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const made = await send();
      if (!made.id) throw new Error('Drive API: risposta senza id');
      return { id: made.id, url: made.webViewLink ?? '' };
    } catch (error) {
      if (attempt + 1 >= ATTEMPTS || !transient(error)) throw error;
      await wait(backoffMs(attempt));
      listed.any = true;
      const found = (await listBatch(conn, job.batch, wait)).find((f) => f.number === job.number && f.role === role);
      if (found) return { id: found.id, url: found.url };
    }
  }
}

async function readDoc(conn: Connection, docId: string, wait: Wait): Promise<unknown> {
  const got = await withRetries(wait, () =>
    conn.docs.documents.get({ documentId: docId, fields: 'revisionId,body(content)' }),
  );
  return got.data;
}

/**
 * Fills the draft and draws its QR code. The fill names the revision it was computed from: when its
 * answer was lost and the resend is refused, the draft read again shows whether the table is there.
 */
async function fillDraft(conn: Connection, docId: string, job: RenderJob, wait: Wait): Promise<void> {
  const update = (requestBody: object) =>
    conn.docs.documents.batchUpdate({ documentId: docId, requestBody: requestBody as never });
  if (!job.verificationUrl) {
    await withRetries(wait, () => update(fillBody(job.values, null)));
    return;
  }
  for (let attempt = 0; ; attempt++) {
    const doc = await readDoc(conn, docId, wait);
    if (attempt > 0 && qrShrinkRequests(doc, job.verificationUrl)) break;
    const placement = qrPlacement(doc);
    if (!placement) throw new Error('Codice QR: segnaposto non trovato nel modello');
    const revisionId = String((doc as { revisionId?: unknown }).revisionId ?? '');
    try {
      await update(fillBody(job.values, { requests: qrDrawRequests(placement, job.verificationUrl), revisionId }));
      break;
    } catch (error) {
      // A refusal after a resend is the revision the lost answer's fill made: the next reading tells.
      const refusedResend = attempt > 0 && statusOf(error) === 400;
      if (attempt + 1 >= ATTEMPTS || !(transient(error) || refusedResend)) throw error;
      await wait(backoffMs(attempt));
    }
  }
  const shrink = qrShrinkRequests(await readDoc(conn, docId, wait), job.verificationUrl);
  if (!shrink) throw new Error('Codice QR: tabella non trovata dopo la compilazione');
  await withRetries(wait, () => update({ requests: shrink }));
}

/** Copy, fill, export, upload, trash the draft: one certificate's PDF. */
async function renderOne(
  conn: Connection,
  templateId: string,
  job: RenderJob,
  wait: Wait,
  listed: { any: boolean },
): Promise<Rendered> {
  let draftId = '';
  try {
    const draft = await createOnce(
      conn,
      job,
      'bozza',
      async () =>
        (
          await conn.drive.files.copy({
            fileId: templateId,
            fields: 'id',
            requestBody: copyBody(job.batch, job.number, job.folderId),
          })
        ).data,
      wait,
      listed,
    );
    draftId = draft.id;
    await fillDraft(conn, draftId, job, wait);
    const exported = await withRetries(wait, () =>
      conn.drive.files.export({ fileId: draftId, mimeType: PDF_MIME }, { responseType: 'arraybuffer' }),
    );
    const pdf = Buffer.from(exported.data as ArrayBuffer);
    const uploaded = await createOnce(
      conn,
      job,
      'pdf',
      async () =>
        (
          await conn.drive.files.create(
            {
              requestBody: pdfMetadata(job.batch, job.number, job.folderId),
              media: { mimeType: PDF_MIME, body: Readable.from([pdf]) },
              fields: 'id,webViewLink',
            },
            // googleapis builds an upload's URL from the call's own root (catalogue: REST-GOOGLEAPIS-MEDIA-ROOT).
            { rootUrl: conn.rootUrl },
          )
        ).data,
      wait,
      listed,
    );
    return { ok: true, fileId: uploaded.id, url: uploaded.url, pdf };
  } catch (error) {
    return { ok: false, error: `Attestato ${job.number}: ${errorText(error)}` };
  } finally {
    if (draftId) await trash(conn, [draftId], wait);
  }
}

/** Moves files to the trash together; a file that cannot be moved now stays (the next run's listing finds it). */
export async function trash(conn: Connection, ids: readonly string[], wait: Wait): Promise<number> {
  const results = await Promise.allSettled(
    ids.map((id) => withRetries(wait, () => conn.drive.files.update({ fileId: id, requestBody: { trashed: true } }))),
  );
  return results.filter((r) => r.status === 'rejected').length;
}

/**
 * Renders a batch's certificates in parallel; an outcome per job, in order. After a lost answer, a
 * resend may have made a second file: every file of the batch's numbers that is not one kept goes.
 */
export async function renderBatch(
  conn: Connection,
  templateId: string,
  jobs: readonly RenderJob[],
  wait: Wait,
): Promise<Rendered[]> {
  const listed = { any: false };
  const outcomes = await Promise.all(jobs.map((job) => renderOne(conn, templateId, job, wait, listed)));
  if (listed.any) {
    const kept = new Set(outcomes.flatMap((o) => (o.ok ? [o.fileId] : [])));
    const numbers = new Set(jobs.map((j) => j.number));
    const batches = [...new Set(jobs.map((j) => j.batch))];
    const files = (await Promise.all(batches.map((b) => listBatch(conn, b, wait)))).flat();
    await trash(
      conn,
      files.filter((f) => numbers.has(f.number) && !kept.has(f.id)).map((f) => f.id),
      wait,
    );
  }
  return outcomes;
}

/** A PDF's bytes (an adopted one, to attach to its mail). */
export async function downloadPdf(conn: Connection, fileId: string, wait: Wait): Promise<Buffer> {
  const got = await withRetries(wait, () =>
    conn.drive.files.get({ fileId, alt: 'media' }, { responseType: 'arraybuffer' }),
  );
  return Buffer.from(got.data as unknown as ArrayBuffer);
}
