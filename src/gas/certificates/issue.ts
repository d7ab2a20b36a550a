/**
 * Issuing certificates (docs/product.md, workflow 7) as a job of the shared runner: every slice recomputes
 * what is still to do from the tabs (eligible enrollments without an `Attestati` row, rows whose mail
 * has not gone), so a rerun or a resumed slice completes half-done work and never doubles it.
 */
import { courseSessions } from '../../core/attendance/attendance';
import { certificateCandidates, certificateKey, type Candidate } from '../../core/certificates/eligibility';
import { formatCertificateNumber, highestIssued } from '../../core/certificates/numbering';
import { placeholderValues } from '../../core/certificates/placeholders';
import { certificateMail, issuerName } from '../../core/certificates/template';
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
  copyTemplate,
  remainingMailQuota,
  exportPdf,
  trashCopy,
  fileAlive,
  fillDocument,
  folderById,
  folderName,
  rootChildFolder,
  trashFile,
} from './documents';
import { recordReplacedCode } from '../verification/verify';
import { drawVerificationQr } from './qr';
import {
  clearInflight,
  clearReissue,
  createSecret,
  readCertificateProps,
  saveInflight,
  saveReissue,
  verificationBytes,
  type CertificateProps,
  type Inflight,
} from './store';

type Folder = GoogleAppsScript.Drive.Folder;

export const CERTIFICATES_JOB = 'certificates';
const NEW_PREFIX = 'new:';
const MAIL_PREFIX = 'mail:';
const REISSUE_PREFIX = 'reissue:';
const CANCELLED_COURSE = 'Annullato';

export function yearFolderName(year: number): string {
  return `Attestati ${year}`;
}

/** The courses a job covers: one course, or every `Concluso` course. */
function inScope(course: Course, scope: string): boolean {
  return scope ? course.code === scope : course.status === 'Concluso';
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
    this.cleanUpInflight();
  }

  /** A certificate left half-made by a stopped execution: its temporary Doc goes; its PDF is adopted or trashed. */
  private cleanUpInflight(): void {
    const reissue = this.props.reissue;
    if (reissue) {
      if (reissue.tmpDocId) trashFile(reissue.tmpDocId);
      if (reissue.pdfId && !this.certificates.rows.some((r) => r.record.fileId === reissue.pdfId))
        trashFile(reissue.pdfId);
      this.props.reissue = null;
      clearReissue();
    }
    const inflight = this.props.inflight;
    if (!inflight) return;
    if (inflight.tmpDocId) trashFile(inflight.tmpDocId);
    inflight.tmpDocId = '';
    const recorded = this.certificates.rows.some((r) => r.record.fileId === inflight.pdfId && inflight.pdfId !== '');
    const adoptable = inflight.key.startsWith(NEW_PREFIX) && !recorded && this.candidateFor(inflight.key) !== null;
    if (adoptable) return;
    if (recorded) {
      this.props.inflight = null;
      clearInflight();
      return;
    }
    if (inflight.pdfId) trashFile(inflight.pdfId);
    // Kept without its files: the next new certificate takes its number.
    this.props.inflight = { ...inflight, key: '', pdfId: '', pdfUrl: '' };
  }

  private scopeCourses(): Course[] {
    return [...this.courses.values()].filter((c) => c.status !== CANCELLED_COURSE && inScope(c, this.scope));
  }

  candidates(): Candidate[] {
    return certificateCandidates({
      courses: this.scopeCourses(),
      sessions: this.sessions,
      enrollments: this.enrollments,
      attendance: this.attendance,
      certificates: this.certificates.rows.map((r) => r.record),
      defaultThreshold: this.settings.defaultThreshold,
    });
  }

  private candidateFor(item: string): Candidate | null {
    const key = item.slice(NEW_PREFIX.length);
    return this.candidates().find((c) => certificateKey(c.course, c.employeeId) === key) ?? null;
  }

  /** Mails still owed: rows of the scope with a PDF and no `Inviato il`, latest version of each number. */
  private unsentRows(): Array<{ row: number; record: Certificate }> {
    const scope = new Set(this.scopeCourses().map((c) => c.code));
    return this.certificates.rows.filter(
      (r) =>
        scope.has(r.record.course) &&
        r.record.fileId !== '' &&
        r.record.sentAt === null &&
        !this.sentNumbers.has(r.record.number),
    );
  }

  /** Half-done work first: mails owed, then the certificate in flight, then the new ones. */
  pending(): string[] {
    const fresh = this.candidates().map((c) => NEW_PREFIX + certificateKey(c.course, c.employeeId));
    const inflight = this.props.inflight?.key;
    const ordered = inflight && fresh.includes(inflight) ? [inflight, ...fresh.filter((k) => k !== inflight)] : fresh;
    return [...this.unsentRows().map((r) => MAIL_PREFIX + r.record.number), ...ordered];
  }

  run(item: string): void {
    if (item.startsWith(MAIL_PREFIX)) {
      const number = item.slice(MAIL_PREFIX.length);
      const entry = this.unsentRows().find((r) => r.record.number === number);
      if (entry) this.mail(entry);
      return;
    }
    const candidate = this.candidateFor(item);
    if (!candidate) return;
    const entry = this.issue(item, candidate);
    this.mail(entry);
  }

  private nextNumber(): { number: string; seq: number } {
    const year = this.settings.year;
    const seq =
      highestIssued(
        year,
        this.certificates.rows.map((r) => r.record.number),
        this.props.seqByYear[String(year)] ?? 0,
      ) + 1;
    this.props.seqByYear[String(year)] = seq;
    return { number: formatCertificateNumber(year, seq), seq };
  }

  private verificationCode(number: string): string {
    if (!this.props.secret) this.props.secret = createSecret();
    return verificationCodeFrom(verificationBytes(number, this.props.secret));
  }

  private persist(inflight: Inflight): void {
    if (inflight.key.startsWith(REISSUE_PREFIX)) {
      this.props.reissue = inflight;
      saveReissue(inflight);
      return;
    }
    this.props.inflight = inflight;
    const year = this.settings.year;
    saveInflight(inflight, year, this.props.seqByYear[String(year)] ?? 0);
  }

  /** A new certificate: number, PDF, then the row (the in-flight record covers the steps between). */
  private issue(item: string, c: Candidate): { row: number; record: Certificate } {
    let inflight = this.props.inflight;
    if (inflight && inflight.key !== item) {
      // The number of a certificate that never got its row was never shown to anyone: it is reused, so
      // numbers stay sequential; a PDF made under it is discarded.
      if (inflight.pdfId) trashFile(inflight.pdfId);
      inflight = { ...inflight, key: item, tmpDocId: '', pdfId: '', pdfUrl: '' };
      this.persist(inflight);
    }
    if (!inflight) {
      const { number } = this.nextNumber();
      inflight = {
        key: item,
        number,
        verificationCode: this.verificationCode(number),
        tmpDocId: '',
        pdfId: '',
        pdfUrl: '',
      };
      this.persist(inflight);
    }
    const issuedOn = this.today();
    if (!inflight.pdfId) {
      const pdf = this.renderPdf(inflight, c.course, c.employeeId, c.hoursAttended, issuedOn);
      inflight.pdfId = pdf.fileId;
      inflight.pdfUrl = pdf.url;
    }
    const employee = this.employees.get(c.employeeId);
    const record: Certificate = {
      number: inflight.number,
      course: c.course,
      employeeId: c.employeeId,
      email: employee?.email || c.email,
      hoursAttended: c.hoursAttended,
      issuedOn: new Date(),
      pdfUrl: inflight.pdfUrl,
      fileId: inflight.pdfId,
      sentAt: null,
      verificationCode: inflight.verificationCode,
      version: 1,
    };
    const [entry] = appendRecords(this.certificates, [record]);
    this.props.inflight = null;
    clearInflight();
    logEvent('Attestato emesso', `${record.number}: ${record.course} ${record.employeeId}`);
    return entry as { row: number; record: Certificate };
  }

  /** Copies the template, fills it, exports the PDF into the course folder and trashes the copy. */
  private renderPdf(
    inflight: Inflight,
    courseCode: string,
    employeeId: string,
    hoursAttended: number,
    issuedOn: string,
  ): { fileId: string; url: string } {
    const course = this.courses.get(courseCode);
    const employee = this.employees.get(employeeId);
    if (!course || !employee)
      throw new Error(`Dati mancanti per l'attestato ${inflight.number}: corso o dipendente non trovato.`);
    if (!this.settings.templateDocId) throw new UserError('Modello attestato non configurato: eseguire «Configura».');
    const url = verificationUrl(webAppBaseUrl(), inflight.verificationCode);
    const values = placeholderValues({
      issuer: issuerName(this.settings.orgName, this.settings.senderName),
      firstName: employee.firstName,
      lastName: employee.lastName,
      comune: employee.comune,
      courseTitle: course.title,
      courseCode: course.code,
      area: course.area,
      hoursAttended,
      courseHours: course.hours,
      sessionDates: courseSessions(this.sessions, course.code).map((s) => s.date),
      teacher: course.teacher,
      issuedOn,
      number: inflight.number,
      verificationCode: inflight.verificationCode,
      verificationUrl: url,
    });
    const folder = this.courseFolder(course.code);
    // The Doc's name is the exported PDF's title: the certificate's number, as readers show it.
    const copy = copyTemplate(this.settings.templateDocId, inflight.number, folder);
    inflight.tmpDocId = copy.id;
    this.persist(inflight);
    fillDocument(copy.id, values, { withQr: url !== '' });
    if (url) drawVerificationQr(copy.id, url);
    const pdf = exportPdf(copy.file, `${inflight.number}.pdf`, folder);
    this.persist({ ...inflight, pdfId: pdf.fileId, pdfUrl: pdf.url });
    trashCopy(copy.file);
    inflight.tmpDocId = '';
    return pdf;
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

  /** Queues the certificate's mail and flushes the outbox; `Inviato il` is recorded once it went. */
  private mail(entry: { row: number; record: Certificate }): void {
    const r = entry.record;
    const course = this.courses.get(r.course);
    const employee = this.employees.get(r.employeeId);
    const key = `attestato:${r.number}:v${r.version}`;
    if (!wasMailSent(key)) {
      const message = certificateMail({
        firstName: employee?.firstName ?? '',
        courseTitle: course?.title ?? r.course,
        courseCode: r.course,
        number: r.number,
        verificationCode: r.verificationCode,
        version: r.version,
        issuer: issuerName(this.settings.orgName, this.settings.senderName),
        verificationUrl: verificationUrl(webAppBaseUrl(), r.verificationCode),
      });
      queueMail({
        to: r.email,
        subject: message.subject,
        body: message.body,
        name: this.settings.senderName || 'Academy4PA',
        attachments: [{ fileId: r.fileId }],
        dedupeKey: key,
      });
      const flushed = flushMail();
      const parked = flushed.parked.find((d) => d.key === key);
      if (parked) throw new Error(`Invio dell'attestato ${r.number} non riuscito: ${parked.error}`);
      if (!wasMailSent(key)) {
        if (remainingMailQuota() > 0)
          throw new Error(`Invio dell'attestato ${r.number} non riuscito: nuovo tentativo più tardi.`);
        throw new JobPause(`Quota email esaurita: l'attestato ${r.number} partirà appena possibile.`);
      }
    }
    this.sentNumbers.add(r.number);
    this.sentUpdates.push({ row: entry.row, patch: { sentAt: new Date() } });
    logEvent('Attestato inviato', `${r.number} a ${r.email}`);
  }

  /** Writes the buffered `Inviato il` cells in contiguous blocks. */
  close(): void {
    updateRecords(this.certificates, this.sentUpdates.splice(0));
  }

  /**
   * A corrected certificate: fresh data, same number, `Versione` + 1, a new PDF (the previous one goes
   * to the trash), mailed again.
   */
  reissue(number: string): Certificate {
    const versions = this.certificates.rows.filter((r) => r.record.number === number);
    const entry = versions.sort((a, b) => b.record.version - a.record.version)[0];
    if (!entry) throw new UserError(`Attestato ${number} non trovato nel foglio «Attestati».`);
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
      tmpDocId: '',
      pdfId: '',
      pdfUrl: '',
    };
    this.persist(inflight);
    const pdf = this.renderPdf(inflight, r.course, r.employeeId, hours, this.today());
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
      this.mail(entry);
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
  return { pending: () => ctx.pending(), run: (item) => ctx.run(item), close: () => ctx.close() };
}
