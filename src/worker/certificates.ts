/**
 * The `certificates` job: Emetti attestati run from Node through googleapis, with the add-on's own core
 * (who is due a certificate, what it says, the Drive and Docs requests, the QR table, the mail), so either
 * side finishes what the other started. Numbers and verification codes are asked of the add-on
 * (`reserveCertificatesForWorker` through `scripts.run`: the codes' secret never leaves Apps Script), which
 * keeps each reservation until its row is written; the files carry the batch's tag, so a certificate made
 * and not recorded is found by one listing and recorded, never made twice. A Cloud Run task takes its
 * share of the courses.
 */
import { randomUUID } from 'node:crypto';
import { courseSessions } from '../core/attendance/attendance';
import { certificateCandidates, certificateKey, CONCLUDED, type Candidate } from '../core/certificates/eligibility';
import { pdfName, yearFolderName, type TaggedFile } from '../core/certificates/files';
import { certificateMailOf, placeholderValuesOf } from '../core/certificates/from-registry';
import { RESERVE_FUNCTION, type ReservedCertificate } from '../core/certificates/reservation';
import { notConcludedMessage } from '../core/certificates/preview';
import { TAB } from '../core/registry/tabs';
import type { Certificate, Course, Employee, Settings } from '../core/registry/schemas';
import { sleep, type Connection } from './google';
import { appendLog, appendRecords, formatInZone, readTables, settingsFrom, updateRows } from './registry';
import { downloadPdf, listBatch, renderBatch, trash, type RenderJob } from './certificates-render';
import { errorText, withRetries, type Wait } from './retry';
import { sendCertificateMail } from './certificates-mail';
import { shardOf, type Shard } from './shard';

/** Certificates made together: a reservation's worth, ten Docs in flight as the add-on's batches. */
export const WORKER_BATCH = 10;
/**
 * The Docs API takes 60 write requests a minute per user (https://developers.google.com/workspace/docs/api/limits),
 * and every task acts as the same account: a certificate makes two (the fill, the QR cells' shrink), so a
 * batch lasts at least this long a certificate, instead of running into 429s that backoff alone would
 * spread over more than its attempts.
 */
export const MS_PER_CERTIFICATE = 2_000;
const FOLDER_MIME = 'application/vnd.google-apps.folder';

export interface CertificatesJobOptions {
  spreadsheetId: string;
  shard: Shard;
  /** One course (refused unless `Concluso`); every `Concluso` course otherwise. */
  course?: string;
  now?: Date;
  /** Who the Registro names and who sends the mails (the account the worker acts as). */
  actor: string;
  wait?: Wait;
  log?: (line: string) => void;
}

export interface CertificatesJobResult {
  issued: number;
  /** Made by an earlier run (the add-on's or the worker's) and recorded now. */
  adopted: number;
  mailed: number;
  failed: Array<{ holder: string; error: string }>;
}

/** Asks the add-on for the numbers and codes of these people (`src/gas/certificates/remote.ts`). */
async function reserve(conn: Connection, holders: string[], batch: string, wait: Wait): Promise<ReservedCertificate[]> {
  const answer = await withRetries(wait, () =>
    conn.script.scripts.run({
      scriptId: conn.scriptId,
      requestBody: { function: RESERVE_FUNCTION, parameters: [{ holders, batch }] },
    }),
  );
  if (answer.data.error) {
    const detail = answer.data.error.details?.[0] as { errorMessage?: string } | undefined;
    throw new Error(detail?.errorMessage ?? answer.data.error.message ?? 'scripts.run non riuscito');
  }
  return (answer.data.response?.result ?? []) as ReservedCertificate[];
}

/** A sub-folder by name (the first not trashed), or a new one: as the add-on's `childFolder`. */
async function childFolder(conn: Connection, parent: string, name: string, wait: Wait): Promise<string> {
  const q = `'${parent}' in parents and name = '${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' and mimeType = '${FOLDER_MIME}' and trashed = false`;
  const found = await withRetries(wait, () => conn.drive.files.list({ q, pageSize: 1, fields: 'files(id)' }));
  const id = found.data.files?.[0]?.id;
  if (id) return id;
  const made = await withRetries(wait, () =>
    conn.drive.files.create({ requestBody: { name, mimeType: FOLDER_MIME, parents: [parent] }, fields: 'id' }),
  );
  return made.data.id ?? '';
}

/** `Attestati <anno>`: the recorded folder when it is this year's, else the year's folder in the Drive root. */
async function yearFolder(conn: Connection, settings: Settings, wait: Wait): Promise<string> {
  const name = yearFolderName(settings.year);
  if (settings.certificatesFolderId) {
    try {
      const got = await withRetries(wait, () =>
        conn.drive.files.get({ fileId: settings.certificatesFolderId, fields: 'id,name,trashed' }),
      );
      if (got.data.name === name && !got.data.trashed) return settings.certificatesFolderId;
    } catch {
      // Gone or unreachable: the year's folder is looked for by name, as the add-on does.
    }
  }
  return childFolder(conn, 'root', name, wait);
}

function today(now: Date): string {
  return formatInZone(now, 'yyyy-MM-dd');
}

interface Context {
  conn: Connection;
  log: (line: string) => void;
  options: CertificatesJobOptions;
  wait: Wait;
  now: Date;
  settings: Settings;
  courses: Map<string, Course>;
  employees: Map<string, Employee>;
  sessionDates: (course: string) => string[];
  recordedFiles: Set<string>;
  folders: Map<string, string>;
  year: string;
}

async function courseFolder(ctx: Context, code: string): Promise<string> {
  const cached = ctx.folders.get(code);
  if (cached) return cached;
  ctx.year ||= await yearFolder(ctx.conn, ctx.settings, ctx.wait);
  const id = await childFolder(ctx.conn, ctx.year, code, ctx.wait);
  ctx.folders.set(code, id);
  return id;
}

function renderJob(ctx: Context, candidate: Candidate, r: ReservedCertificate, folderId: string): RenderJob {
  const course = ctx.courses.get(candidate.course);
  const employee = ctx.employees.get(candidate.employeeId);
  if (!course || !employee)
    throw new Error(`Dati mancanti per l'attestato ${r.number}: corso o dipendente non trovato.`);
  return {
    number: r.number,
    batch: r.batch,
    folderId,
    verificationUrl: r.verificationUrl,
    values: placeholderValuesOf(employee, course, ctx.settings, {
      hoursAttended: candidate.hoursAttended,
      sessionDates: ctx.sessionDates(course.code),
      issuedOn: today(ctx.now),
      number: r.number,
      verificationCode: r.verificationCode,
      verificationUrl: r.verificationUrl,
    }),
  };
}

/** A certificate's row and what its mail needs (the PDF's bytes when just made, its verification link). */
type Outgoing = { row: number; record: Certificate; pdf: Buffer | null; verificationUrl: string };

type Made = { candidate: Candidate; reserved: ReservedCertificate; fileId: string; url: string; pdf: Buffer | null };

/**
 * One batch: reserve, adopt what an earlier run made (one listing of each batch tag involved), trash its
 * drafts and strays, make the rest, then one block of rows.
 */
async function issueBatch(
  ctx: Context,
  batch: readonly Candidate[],
  result: CertificatesJobResult,
): Promise<Outgoing[]> {
  const { conn, wait } = ctx;
  const byHolder = new Map(batch.map((c) => [certificateKey(c.course, c.employeeId), c]));
  const reserved = await reserve(conn, [...byHolder.keys()], randomUUID(), wait);
  const tags = [...new Set(reserved.flatMap((r) => [r.batch, ...r.alsoIn]))];
  const files: TaggedFile[] = (await Promise.all(tags.map((t) => listBatch(conn, t, wait)))).flat();
  const made: Made[] = [];
  const toRender: Array<{ candidate: Candidate; reserved: ReservedCertificate }> = [];
  const strays: string[] = [];
  for (const r of reserved) {
    const candidate = byHolder.get(r.holder);
    if (!candidate) continue;
    const mine = files.filter((f) => f.number === r.number && !ctx.recordedFiles.has(f.id));
    const pdf = r.pdfId ? { id: r.pdfId, url: r.pdfUrl } : mine.find((f) => f.role === 'pdf');
    for (const f of mine) if (f.id !== pdf?.id) strays.push(f.id);
    if (pdf) made.push({ candidate, reserved: r, fileId: pdf.id, url: pdf.url, pdf: null });
    else toRender.push({ candidate, reserved: r });
  }
  result.adopted += made.length;
  await trash(conn, strays, wait);

  const jobs: Array<{ candidate: Candidate; reserved: ReservedCertificate; job: RenderJob }> = [];
  for (const t of toRender) {
    try {
      jobs.push({ ...t, job: renderJob(ctx, t.candidate, t.reserved, await courseFolder(ctx, t.candidate.course)) });
    } catch (error) {
      result.failed.push({ holder: t.reserved.holder, error: errorText(error) });
    }
  }
  const outcomes = await renderBatch(
    conn,
    ctx.settings.templateDocId,
    jobs.map((j) => j.job),
    wait,
  );
  jobs.forEach((j, n) => {
    const o = outcomes[n];
    if (o?.ok) {
      made.push({ candidate: j.candidate, reserved: j.reserved, fileId: o.fileId, url: o.url, pdf: o.pdf });
      result.issued += 1;
    } else {
      const error = o?.ok === false ? o.error : 'PDF non creato';
      result.failed.push({ holder: j.reserved.holder, error });
      ctx.log(`attestati: ${j.reserved.holder}: ${error}`);
    }
  });

  const records = made.map((m): Certificate => ({
    number: m.reserved.number,
    course: m.candidate.course,
    employeeId: m.candidate.employeeId,
    email: ctx.employees.get(m.candidate.employeeId)?.email || m.candidate.email,
    hoursAttended: m.candidate.hoursAttended,
    issuedOn: ctx.now,
    pdfUrl: m.url,
    fileId: m.fileId,
    sentAt: null,
    verificationCode: m.reserved.verificationCode,
    version: 1,
  }));
  return records.map((record, i) => ({
    row: 0,
    record,
    pdf: made[i]?.pdf ?? null,
    verificationUrl: made[i]?.reserved.verificationUrl ?? '',
  }));
}

/** Mails each certificate (in parallel) with its PDF; the rows whose mail went. */
async function mailAll(
  ctx: Context,
  entries: readonly Outgoing[],
  result: CertificatesJobResult,
): Promise<Array<{ row: number; patch: Partial<Certificate> }>> {
  const sent = await Promise.all(
    entries.map(async ({ row, record: r, pdf, verificationUrl }) => {
      try {
        const message = certificateMailOf(r, ctx, verificationUrl);
        const bytes = pdf ?? (await downloadPdf(ctx.conn, r.fileId, ctx.wait));
        await withRetries(ctx.wait, () =>
          sendCertificateMail(ctx.conn, {
            to: r.email,
            fromName: ctx.settings.senderName || 'Academy4PA',
            fromAddress: ctx.options.actor.includes('@') ? ctx.options.actor : '',
            subject: message.subject,
            body: message.body,
            attachment: { name: pdfName(r.number), bytes },
          }),
        );
        result.mailed += 1;
        return [{ row, patch: { sentAt: new Date() } as Partial<Certificate> }];
      } catch (error) {
        result.failed.push({
          holder: certificateKey(r.course, r.employeeId),
          error: `Invio dell'attestato ${r.number} non riuscito: ${errorText(error)}`,
        });
        return [];
      }
    }),
  );
  return sent.flat();
}

export async function runCertificatesJob(
  conn: Connection,
  options: CertificatesJobOptions,
): Promise<CertificatesJobResult> {
  const now = options.now ?? new Date();
  const wait = options.wait ?? sleep;
  const log = options.log ?? (() => undefined);
  const tables = await readTables(
    conn.sheets,
    options.spreadsheetId,
    [TAB.impostazioni, TAB.corsi, TAB.sessioni, TAB.iscrizioni, TAB.presenze, TAB.dipendenti, TAB.attestati],
    wait,
  );
  const settings = settingsFrom(tables.Impostazioni, now);
  if (!settings.templateDocId) throw new Error('Modello attestato non configurato: eseguire «Configura» nel foglio.');
  const courses = tables.Corsi.rows.map((r) => r.record);
  const code = options.course?.trim() ?? '';
  if (code) {
    const course = courses.find((c) => c.code === code);
    if (!course) throw new Error(`Il corso ${code} non è nel foglio «Corsi».`);
    if (course.status !== CONCLUDED) throw new Error(notConcludedMessage(code, course.status));
  }
  const scope = courses.filter(
    (c) => (code ? c.code === code : c.status === CONCLUDED) && shardOf(c.code, options.shard),
  );
  const sessions = tables.Sessioni.rows.map((r) => r.record);
  const certificates = tables.Attestati.rows;
  const candidates = certificateCandidates({
    courses: scope,
    sessions,
    enrollments: tables.Iscrizioni.rows.map((r) => r.record),
    attendance: tables.Presenze.rows.map((r) => r.record),
    certificates: certificates.map((r) => r.record),
    defaultThreshold: settings.defaultThreshold,
  });
  const ctx: Context = {
    conn,
    log,
    options,
    wait,
    now,
    settings,
    courses: new Map(courses.map((c) => [c.code, c])),
    employees: new Map(tables.Dipendenti.rows.map((r) => [r.record.id, r.record])),
    sessionDates: (course) => courseSessions(sessions, course).map((s) => s.date),
    recordedFiles: new Set(certificates.map((r) => r.record.fileId).filter((id) => id !== '')),
    folders: new Map(),
    year: '',
  };
  const inScope = new Set(scope.map((c) => c.code));
  const unsent = certificates
    .filter((r) => inScope.has(r.record.course) && r.record.fileId !== '' && r.record.sentAt === null)
    // Mailed without the verification link: only the add-on knows its web app's address.
    .map((r): Outgoing => ({ row: r.row, record: r.record, pdf: null, verificationUrl: '' }));
  log(`attestati: ${scope.length} corsi, ${candidates.length} da emettere, ${unsent.length} da inviare`);

  const result: CertificatesJobResult = { issued: 0, adopted: 0, mailed: 0, failed: [] };
  const sentRows = await mailAll(ctx, unsent, result);
  for (let i = 0; i < candidates.length; i += WORKER_BATCH) {
    const startedMs = Date.now();
    const batch = candidates.slice(i, i + WORKER_BATCH);
    const made = await issueBatch(ctx, batch, result);
    const rows = await withRetries(wait, () =>
      appendRecords(
        conn.sheets,
        options.spreadsheetId,
        tables.Attestati,
        made.map((m) => m.record),
      ),
    );
    sentRows.push(
      ...(await mailAll(
        ctx,
        made.map((m, n) => ({ ...m, row: rows[n] ?? 0 })),
        result,
      )),
    );
    const pause = batch.length * MS_PER_CERTIFICATE - (Date.now() - startedMs);
    if (pause > 0 && i + WORKER_BATCH < candidates.length) await wait(pause);
  }
  await withRetries(wait, () =>
    updateRows(
      conn.sheets,
      options.spreadsheetId,
      tables.Attestati,
      sentRows.filter((s) => s.row > 0),
    ),
  );
  if (result.issued + result.adopted + result.mailed > 0 || result.failed.length > 0) {
    await withRetries(wait, () =>
      appendLog(conn.sheets, options.spreadsheetId, {
        who: options.actor,
        action: 'Attestati emessi',
        details: `worker ${options.shard.index + 1}/${options.shard.count}: ${result.issued} emessi, ${result.adopted} ripresi, ${result.mailed} inviati${result.failed.length ? `, ${result.failed.length} non riusciti` : ''}`,
        at: now,
      }),
    );
  }
  return result;
}
