/**
 * Issuing certificates (docs/product.md, workflow 7) as a job of the shared runner: every slice recomputes
 * what is still to do from the tabs (eligible enrollments without an `Attestati` row, rows whose mail
 * has not gone), so a rerun or a resumed slice completes half-done work and never doubles it.
 */
import { courseSessions } from '../../core/attendance/attendance';
import { certificateCandidates, certificateKey, type Candidate } from '../../core/certificates/eligibility';
import { resumeBatch, yearFolderName } from '../../core/certificates/files';
import { formatCertificateNumber, highestIssued } from '../../core/certificates/numbering';
import { certificateMailOf, placeholderValuesOf } from '../../core/certificates/from-registry';
import { verificationCodeFrom, verificationUrl } from '../../core/certificates/verification';
import { webAppBaseUrl } from '../approval/links';
import type { JobWork } from '../../core/jobs/slice';
import type { JobParams } from '../../core/jobs/state';
import type { Certificate, Course, Employee, Session, Settings } from '../../core/registry/schemas';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { JobPause } from '../jobs/runner';
import { flushMail, queueMail, wasMailSent } from '../mail/outbox';
import { logEvent } from '../registry/log';
import { readSettings, writeSetting } from '../registry/settings';
import { assignMissingIds } from '../registry/ids';
import { appendRecords, readTable, updateRecords, type Table } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import {
  childFolder,
  fileAlive,
  folderById,
  folderName,
  listBatchFiles,
  remainingMailQuota,
  rootChildFolder,
  trashFile,
  trashFiles,
} from './documents';
import { renderBatch, type RenderJob, type RenderOutcome } from './render';
import { recordReplacedCode } from '../verification/verify';
import {
  absorbRemote,
  clearInflight,
  clearReissue,
  createSecret,
  newBatchTag,
  readCertificateProps,
  saveInflight,
  saveReissue,
  verificationBytes,
  type CertificateProps,
  type Inflight,
} from './store';

type Folder = GoogleAppsScript.Drive.Folder;

export const CERTIFICATES_JOB = 'certificates';
export const NEW_PREFIX = 'new:';
/**
 * How long a number the worker reserved stays the worker's: longer than a worker's batch of a few
 * certificates takes (seconds), short enough that a stopped worker's people get theirs the same day.
 */
export const WORKER_GRACE_MS = 30 * 60_000;
const MAIL_PREFIX = 'mail:';
const REISSUE_PREFIX = 'reissue:';
const CANCELLED_COURSE = 'Annullato';

/** The courses a job covers: one course, or every `Concluso` course. */
function inScope(course: Course, scope: string): boolean {
  return scope ? course.code === scope : course.status === 'Concluso';
}

/** Certificates made together: the `fetchAll` concurrency the latency model assumes (URLFETCH-FETCHALL). */
export const CERTIFICATE_BATCH = 10;

type Entry = { row: number; record: Certificate };

function asError(message: string): Error {
  return new Error(message);
}

/**
 * Everything one slice (or a reissue) needs, read once: settings, the tabs, the stored numbering.
 * Writes go through it so the in-memory tables stay current for `pending()`.
 */
export class CertificateContext {
  readonly settings: Settings;
  readonly courses: Map<string, Course>;
  readonly employees: Map<string, Employee>;
  readonly sessions: Session[];
  readonly certificates: Table<Certificate>;
  private readonly enrollments;
  private readonly attendance;
  private readonly props: CertificateProps;
  private readonly sentUpdates: Array<{ row: number; patch: Partial<Certificate> }> = [];
  private readonly sentNumbers = new Set<string>();
  private yearFolder: Folder | null = null;
  private readonly courseFolders = new Map<string, Folder>();
  /** Items the worker reserved minutes ago and is still making (`cleanUpInflight`). */
  private readonly workerHeld = new Set<string>();
  /** The tag of this slice's files, drawn at its first batch. */
  private batchTag = '';

  constructor(readonly scope: string) {
    this.settings = readSettings();
    const ids = assignMissingIds([TAB.sessioni, TAB.iscrizioni]);
    this.sessions = (ids.Sessioni ?? readTable(TAB.sessioni)).rows.map((r) => r.record);
    this.enrollments = (ids.Iscrizioni ?? readTable(TAB.iscrizioni)).rows.map((r) => r.record);
    this.courses = new Map(readTable(TAB.corsi).rows.map((r) => [r.record.code, r.record]));
    this.employees = new Map(readTable(TAB.dipendenti).rows.map((r) => [r.record.id, r.record]));
    this.attendance = readTable(TAB.presenze).rows.map((r) => r.record);
    this.certificates = readTable(TAB.attestati);
    this.props = readCertificateProps();
    this.cleanUpReissue();
    this.cleanUpInflight();
  }

  /** A reissue stopped halfway: whatever it made that no row points at goes to the trash. */
  private cleanUpReissue(): void {
    const reissue = this.props.reissue;
    if (!reissue) return;
    const recorded = new Set(this.certificates.rows.map((r) => r.record.fileId));
    const stray = reissue.batch ? listBatchFiles(reissue.batch).map((f) => f.id) : [];
    for (const e of reissue.entries) if (e.pdfId) stray.push(e.pdfId);
    trashFiles(stray.filter((id) => !recorded.has(id)));
    this.props.reissue = null;
    clearReissue();
  }

  /**
   * A batch left half-made by a stopped execution, resumed from one listing of its files (`resumeBatch`),
   * together with the worker's reservations older than `WORKER_GRACE_MS` (a stopped worker's, whose files
   * carry their own batch tags). Fresher ones are the worker's to finish: their people wait for it.
   */
  private cleanUpInflight(): void {
    const inflight = this.props.inflight;
    const nowMs = Date.now();
    const recordedNumbers = new Set(this.certificates.rows.map((r) => r.record.number));
    const open = this.props.remote.filter((e) => !recordedNumbers.has(e.number));
    const stale = open.filter((e) => nowMs - e.reservedAtMs >= WORKER_GRACE_MS);
    const left = open.filter((e) => nowMs - e.reservedAtMs < WORKER_GRACE_MS);
    for (const e of left) this.workerHeld.add(e.key);
    const pruned = open.length < this.props.remote.length;
    if (!inflight && stale.length === 0) {
      if (pruned) absorbRemote(left);
      this.props.remote = left;
      return;
    }
    const own = inflight?.entries ?? [];
    const ownNumbers = new Set(own.map((e) => e.number));
    const taken = stale.filter((e) => !ownNumbers.has(e.number));
    // Every stale reservation's batch, even one of a number this batch holds too (the worker took it over
    // from the add-on): its files may be there.
    const batches = [...new Set([inflight?.batch ?? '', ...stale.map((e) => e.batch)])].filter((b) => b !== '');
    const { entries, trash } = resumeBatch({
      entries: [
        ...own,
        ...taken.map((e) => ({
          key: e.key,
          number: e.number,
          verificationCode: e.verificationCode,
          pdfId: e.pdfId,
          pdfUrl: e.pdfUrl,
        })),
      ],
      files: batches.flatMap((b) => listBatchFiles(b)),
      recordedNumbers,
      recordedFiles: new Set(this.certificates.rows.map((r) => r.record.fileId)),
      due: new Set(this.candidates().map((c) => NEW_PREFIX + certificateKey(c.course, c.employeeId))),
    });
    trashFiles(trash);
    const batch = entries.length === 0 ? null : { batch: inflight?.batch ?? '', entries };
    if (stale.length > 0 || pruned) {
      this.props.remote = left;
      absorbRemote(left, batch);
    } else if (!batch) clearInflight();
    this.props.inflight = batch;
  }

  private scopeCourses(): Course[] {
    return [...this.courses.values()].filter((c) => c.status !== CANCELLED_COURSE && inScope(c, this.scope));
  }

  candidates(): Candidate[] {
    const all = certificateCandidates({
      courses: this.scopeCourses(),
      sessions: this.sessions,
      enrollments: this.enrollments,
      attendance: this.attendance,
      certificates: this.certificates.rows.map((r) => r.record),
      defaultThreshold: this.settings.defaultThreshold,
    });
    return all.filter((c) => !this.workerHeld.has(NEW_PREFIX + certificateKey(c.course, c.employeeId)));
  }

  /** Mails still owed: rows of the scope with a PDF and no `Inviato il`, latest version of each number. */
  private unsentRows(): Entry[] {
    const scope = new Set(this.scopeCourses().map((c) => c.code));
    return this.certificates.rows.filter(
      (r) =>
        scope.has(r.record.course) &&
        r.record.fileId !== '' &&
        r.record.sentAt === null &&
        !this.sentNumbers.has(r.record.number),
    );
  }

  /** Half-done work first: mails owed, then the certificates in flight, then the new ones. */
  pending(): string[] {
    const fresh = this.candidates().map((c) => NEW_PREFIX + certificateKey(c.course, c.employeeId));
    const inflight = new Set((this.props.inflight?.entries ?? []).map((e) => e.key));
    const ordered = [...fresh.filter((k) => inflight.has(k)), ...fresh.filter((k) => !inflight.has(k))];
    return [...this.unsentRows().map((r) => MAIL_PREFIX + r.record.number), ...ordered];
  }

  run(item: string): void {
    const [error] = this.runBatch([item]);
    if (error) throw error;
  }

  /** A batch of items: owed mails and new certificates, made together; each item's error or null. */
  runBatch(items: string[]): unknown[] {
    const errors = new Map<string, unknown>();
    const toMail: Array<{ item: string; entry: Entry }> = [];
    const unsent = new Map(this.unsentRows().map((r) => [r.record.number, r]));
    const due = new Map(this.candidates().map((c) => [NEW_PREFIX + certificateKey(c.course, c.employeeId), c]));
    const fresh: Array<{ item: string; candidate: Candidate }> = [];
    for (const item of items) {
      if (item.startsWith(MAIL_PREFIX)) {
        const entry = unsent.get(item.slice(MAIL_PREFIX.length));
        if (entry) toMail.push({ item, entry });
        continue;
      }
      const candidate = due.get(item);
      if (candidate) fresh.push({ item, candidate });
    }
    for (const [item, outcome] of this.issueMany(fresh)) {
      if (outcome instanceof Error) errors.set(item, outcome);
      else toMail.push({ item, entry: outcome });
    }
    for (const [item, error] of this.mailMany(toMail)) errors.set(item, error);
    return items.map((item) => errors.get(item) ?? null);
  }

  private nextNumber(): string {
    const year = this.settings.year;
    const seq =
      highestIssued(
        year,
        this.certificates.rows.map((r) => r.record.number),
        this.props.seqByYear[String(year)] ?? 0,
      ) + 1;
    this.props.seqByYear[String(year)] = seq;
    return formatCertificateNumber(year, seq);
  }

  private verificationCode(number: string): string {
    if (!this.props.secret) this.props.secret = createSecret();
    return verificationCodeFrom(verificationBytes(number, this.props.secret));
  }

  /**
   * New certificates: numbers (the ones kept for these people, then freed ones, then new ones) recorded
   * with the batch in one write, PDFs made together, then one block of rows.
   */
  private issueMany(list: ReadonlyArray<{ item: string; candidate: Candidate }>): Map<string, Entry | Error> {
    const out = new Map<string, Entry | Error>();
    if (list.length === 0) return out;
    if (!this.settings.templateDocId) throw new UserError('Modello attestato non configurato: eseguire «Configura».');
    this.batchTag ||= newBatchTag();
    const entries = (this.props.inflight?.entries ?? []).map((e) => ({ ...e }));
    const mine = list.map(({ item }) => {
      const kept = entries.find((e) => e.key === item) ?? entries.find((e) => e.key === '');
      if (kept) {
        kept.key = item;
        return kept;
      }
      const number = this.nextNumber();
      const entry: Inflight = {
        key: item,
        number,
        verificationCode: this.verificationCode(number),
        pdfId: '',
        pdfUrl: '',
      };
      entries.push(entry);
      return entry;
    });
    this.props.inflight = { batch: this.batchTag, entries };
    const year = this.settings.year;
    saveInflight(this.props.inflight, year, this.props.seqByYear[String(year)] ?? 0);

    const issuedOn = this.today();
    const jobs: Array<{ entry: Inflight; job: RenderJob }> = [];
    list.forEach(({ item, candidate }, n) => {
      const entry = mine[n] as Inflight;
      if (entry.pdfId) return;
      try {
        jobs.push({
          entry,
          job: this.renderJob(entry, candidate.course, candidate.employeeId, candidate.hoursAttended, issuedOn),
        });
      } catch (error) {
        out.set(item, error instanceof Error ? error : asError(String(error)));
      }
    });
    const outcomes = renderBatch(
      this.batchTag,
      this.settings.templateDocId,
      jobs.map((j) => j.job),
    );
    jobs.forEach(({ entry }, n) => {
      const outcome = outcomes[n] as RenderOutcome;
      if (outcome.ok) {
        entry.pdfId = outcome.fileId;
        entry.pdfUrl = outcome.url;
      } else out.set(entry.key, asError(`Attestato ${entry.number}: ${outcome.error}`));
    });

    const made = list.filter(({ item }, n) => !out.has(item) && (mine[n] as Inflight).pdfId !== '');
    const records = made.map(({ item, candidate }): Certificate => {
      const entry = mine[list.findIndex((l) => l.item === item)] as Inflight;
      return {
        number: entry.number,
        course: candidate.course,
        employeeId: candidate.employeeId,
        email: this.employees.get(candidate.employeeId)?.email || candidate.email,
        hoursAttended: candidate.hoursAttended,
        issuedOn: new Date(),
        pdfUrl: entry.pdfUrl,
        fileId: entry.pdfId,
        sentAt: null,
        verificationCode: entry.verificationCode,
        version: 1,
      };
    });
    const appended = appendRecords(this.certificates, records);
    const recorded = new Set(records.map((r) => r.number));
    this.props.inflight = { batch: this.batchTag, entries: entries.filter((e) => !recorded.has(e.number)) };
    made.forEach(({ item }, n) => {
      const entry = appended[n] as Entry;
      out.set(item, entry);
      logEvent('Attestato emesso', `${entry.record.number}: ${entry.record.course} ${entry.record.employeeId}`);
    });
    return out;
  }

  /** What the template is filled with, and where the PDF goes. */
  private renderJob(
    entry: Inflight,
    courseCode: string,
    employeeId: string,
    hoursAttended: number,
    issuedOn: string,
  ): RenderJob {
    const course = this.courses.get(courseCode);
    const employee = this.employees.get(employeeId);
    if (!course || !employee)
      throw new Error(`Dati mancanti per l'attestato ${entry.number}: corso o dipendente non trovato.`);
    if (!this.settings.templateDocId) throw new UserError('Modello attestato non configurato: eseguire «Configura».');
    const url = verificationUrl(webAppBaseUrl(), entry.verificationCode);
    const values = placeholderValuesOf(employee, course, this.settings, {
      hoursAttended,
      sessionDates: courseSessions(this.sessions, course.code).map((s) => s.date),
      issuedOn,
      number: entry.number,
      verificationCode: entry.verificationCode,
      verificationUrl: url,
    });
    return { number: entry.number, folderId: this.courseFolder(course.code).getId(), values, verificationUrl: url };
  }

  private today(): string {
    return formatInSpreadsheetZone(new Date(), 'yyyy-MM-dd');
  }

  private courseFolder(code: string): Folder {
    const cached = this.courseFolders.get(code);
    if (cached) return cached;
    const folder = childFolder(this.currentYearFolder(), code);
    this.courseFolders.set(code, folder);
    return folder;
  }

  /**
   * `Attestati <anno>`: the recorded folder when it is this year's; otherwise the year's folder next to
   * it (or in the Drive root), recorded for next time.
   */
  private currentYearFolder(): Folder {
    if (this.yearFolder) return this.yearFolder;
    const name = yearFolderName(this.settings.year);
    const recorded = folderById(this.settings.certificatesFolderId);
    let folder: Folder;
    if (recorded && folderName(recorded) === name) folder = recorded;
    else {
      folder = rootChildFolder(name);
      writeSetting('certificatesFolderId', folder.getId());
    }
    this.yearFolder = folder;
    return folder;
  }

  /**
   * Queues the certificates' mails and flushes the outbox once; `Inviato il` is recorded for each mail
   * that went. A mail held back by the day's quota pauses the job; any other is an error of its item.
   */
  private mailMany(list: ReadonlyArray<{ item: string; entry: Entry }>): Map<string, unknown> {
    const errors = new Map<string, unknown>();
    if (list.length === 0) return errors;
    const keyOf = (r: Certificate): string => `attestato:${r.number}:v${r.version}`;
    const queued = list.filter(({ entry }) => !wasMailSent(keyOf(entry.record)));
    for (const { entry } of queued) {
      const r = entry.record;
      const message = certificateMailOf(r, this, verificationUrl(webAppBaseUrl(), r.verificationCode));
      queueMail({
        to: r.email,
        subject: message.subject,
        body: message.body,
        name: this.settings.senderName || 'Academy4PA',
        attachments: [{ fileId: r.fileId }],
        dedupeKey: keyOf(r),
      });
    }
    const parked = new Map(queued.length > 0 ? flushMail().parked.map((d) => [d.key, d.error]) : []);
    let quota: number | null = null;
    for (const { item, entry } of list) {
      const r = entry.record;
      const key = keyOf(r);
      if (parked.has(key)) {
        errors.set(item, asError(`Invio dell'attestato ${r.number} non riuscito: ${parked.get(key)}`));
        continue;
      }
      if (!wasMailSent(key)) {
        quota ??= remainingMailQuota();
        errors.set(
          item,
          quota > 0
            ? asError(`Invio dell'attestato ${r.number} non riuscito: nuovo tentativo più tardi.`)
            : new JobPause(`Quota email esaurita: l'attestato ${r.number} partirà appena possibile.`),
        );
        continue;
      }
      this.sentNumbers.add(r.number);
      this.sentUpdates.push({ row: entry.row, patch: { sentAt: new Date() } });
      logEvent('Attestato inviato', `${r.number} a ${r.email}`);
    }
    return errors;
  }

  /** Writes the buffered `Inviato il` cells in contiguous blocks; forgets a batch fully recorded. */
  close(): void {
    updateRecords(this.certificates, this.sentUpdates.splice(0));
    if (this.props.inflight && this.props.inflight.entries.length === 0) {
      this.props.inflight = null;
      clearInflight();
    }
  }

  /**
   * A corrected certificate: fresh data, same number, `Versione` + 1, a new PDF (the previous one goes
   * to the trash), mailed again.
   */
  reissue(number: string): Certificate {
    const versions = this.certificates.rows.filter((r) => r.record.number === number);
    const entry = versions.sort((a, b) => b.record.version - a.record.version)[0];
    if (!entry) throw new UserError(`Attestato ${number} non trovato nel foglio «Attestati».`);
    if (!this.settings.templateDocId) throw new UserError('Modello attestato non configurato: eseguire «Configura».');
    const r = entry.record;
    const hours =
      certificateCandidates({
        courses: [...this.courses.values()].filter((c) => c.code === r.course).map((c) => ({ ...c, threshold: 0 })),
        sessions: this.sessions,
        enrollments: [{ course: r.course, email: r.email, employeeId: r.employeeId, status: 'Confermata' }],
        attendance: this.attendance,
        certificates: [],
        defaultThreshold: 0,
      })[0]?.hoursAttended ?? r.hoursAttended;
    const inflight: Inflight = {
      key: `${REISSUE_PREFIX}${number}`,
      number,
      verificationCode: this.verificationCode(number),
      pdfId: '',
      pdfUrl: '',
    };
    const tag = newBatchTag();
    this.props.reissue = { batch: tag, entries: [inflight] };
    saveReissue(this.props.reissue);
    const job = this.renderJob(inflight, r.course, r.employeeId, hours, this.today());
    const [pdf] = renderBatch(tag, this.settings.templateDocId, [job]);
    if (!pdf?.ok) throw new Error(`Attestato ${number}: ${pdf?.error ?? 'PDF non creato'}`);
    const employee = this.employees.get(r.employeeId);
    const version = r.version + 1;
    const patch: Partial<Certificate> = {
      email: employee?.email || r.email,
      hoursAttended: hours,
      issuedOn: new Date(),
      pdfUrl: pdf.url,
      fileId: pdf.fileId,
      sentAt: null,
      verificationCode: inflight.verificationCode,
      version,
    };
    const previousPdf = r.fileId;
    if (r.verificationCode && r.verificationCode !== inflight.verificationCode)
      recordReplacedCode(r.verificationCode, number);
    updateRecords(this.certificates, [{ row: entry.row, patch }]);
    this.props.reissue = null;
    clearReissue();
    if (previousPdf && previousPdf !== pdf.fileId && fileAlive(previousPdf)) trashFile(previousPdf);
    logEvent('Attestato riemesso', `${number} versione ${version}`);
    try {
      const [error] = [...this.mailMany([{ item: number, entry }]).values()];
      if (error) throw error;
    } finally {
      this.close();
    }
    return entry.record;
  }
}

export function certificatesJobLabel(params: JobParams): string {
  const course = typeof params.course === 'string' ? params.course : '';
  return course ? `Emissione attestati ${course}` : 'Emissione attestati (corsi conclusi)';
}

export function openCertificatesSlice(params: JobParams): JobWork {
  const ctx = new CertificateContext(typeof params.course === 'string' ? params.course : '');
  return {
    pending: () => ctx.pending(),
    run: (item) => ctx.run(item),
    runBatch: (items) => ctx.runBatch(items),
    batchSize: CERTIFICATE_BATCH,
    close: () => ctx.close(),
  };
}
