/**
 * The retention run: anonymises enrollments, attendance and certificates older than `Anni di
 * conservazione` years (each tab read once and written in contiguous blocks), trashes the
 * certificates' PDFs, which carry the name, deletes the form's old responses and anonymises their
 * copies in the responses tab and the employees' addresses in old `Registro` lines, and takes the
 * attendees off old sessions' events. PDFs, responses and events are bounded per run (each is a
 * call); the rest go on the next run.
 */
import {
  RETENTION_SETTING,
  cutoffDay,
  isPseudonymous,
  needsAnonymising,
  retentionYears,
} from '../../core/privacy/retention';
import { UserError } from '../../core/registry/errors';
import type { Attendance, Certificate, Enrollment, Settings } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { normalizeEmail } from '../../core/text';
import { extraSetting } from '../enrollment/data';
import { openFormById } from '../enrollment/form';
import { staffEmails } from '../platform/auth';
import { logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { readTable, updateRecords } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { clearOldAttendees } from './calendar';
import { anonymiseLog } from './log';
import { Pseudonyms } from './pseudonyms';
import { anonymiseResponseTabs, deleteOldResponses } from './responses';

/** PDFs trashed by one run: each is a Drive call; the rest go on the next run. */
const MAX_FILES_PER_RUN = 50;
/**
 * The calls that trash, delete and clear one by one stop this long after the execution began (well
 * under the 6-minute limit, as the job runner's slices), leaving the rest to the next run.
 */
const RETENTION_BUDGET_MS = 270_000;

export interface RetentionResult {
  years: number | null;
  cutoff: string;
  enrollments: number;
  attendance: number;
  certificates: number;
  filesTrashed: number;
  filesLeft: number;
  responsesDeleted: number;
  /** Responses not yet looked at because a limit stopped the walk (some may be recent). */
  responsesLeft: number;
  responseRows: number;
  logLines: number;
  eventsCleared: number;
  eventsLeft: number;
}

function trashPdf(fileId: string): boolean {
  try {
    DriveApp.getFileById(fileId).setTrashed(true);
    return true;
  } catch (error) {
    // A file already deleted by hand is as good as trashed; anything else is retried next run.
    return /not found|no item with the given id|non trovato/i.test(
      error instanceof Error ? error.message : String(error),
    );
  }
}

type DayOf = (d: Date | null) => string;

/** The rows a run anonymises, as the preview counts them too. */
export function isOldEnrollment(record: Enrollment, cutoff: string, dayOf: DayOf): boolean {
  return needsAnonymising(dayOf(record.requestedAt), cutoff, record.email);
}

export function isOldAttendance(record: Attendance, sessionDay: ReadonlyMap<string, string>, cutoff: string): boolean {
  if (record.employeeId.startsWith('ANON-')) return false;
  return needsAnonymising(sessionDay.get(record.session) ?? '', cutoff, record.email);
}

export function isOldCertificate(record: Certificate, cutoff: string, dayOf: DayOf): boolean {
  const day = dayOf(record.issuedOn);
  return day !== '' && day < cutoff;
}

/** The years of `Anni di conservazione` (null: no limit), or the Italian refusal of a bad value. */
export function retentionSetting(settings: Settings): number | null {
  const years = retentionYears(extraSetting(settings, RETENTION_SETTING));
  if (years === 'invalid')
    throw new UserError(
      `«${RETENTION_SETTING}» deve essere un numero intero di anni (da 1 a 100) oppure vuoto (conservazione senza limite).`,
    );
  return years;
}

export function runRetention(startedAtMs = Date.now()): RetentionResult {
  const inTime = (): boolean => Date.now() - startedAtMs < RETENTION_BUDGET_MS;
  const settings = readSettings();
  const years = retentionSetting(settings);
  const today = formatInSpreadsheetZone(new Date(), 'yyyy-MM-dd');
  const empty: RetentionResult = {
    years,
    cutoff: '',
    enrollments: 0,
    attendance: 0,
    certificates: 0,
    filesTrashed: 0,
    filesLeft: 0,
    responsesDeleted: 0,
    responsesLeft: 0,
    responseRows: 0,
    logLines: 0,
    eventsCleared: 0,
    eventsLeft: 0,
  };
  if (years === null) return empty;
  const cutoff = cutoffDay(today, years);
  const idByEmail = new Map(readTable(TAB.dipendenti).rows.map((r) => [normalizeEmail(r.record.email), r.record.id]));
  const pseudo = new Pseudonyms(idByEmail);
  const dayOf = (d: Date | null): string => (d ? formatInSpreadsheetZone(d, 'yyyy-MM-dd') : '');

  const enrollments = readTable(TAB.iscrizioni);
  const enrollmentPatches: Array<{ row: number; patch: Partial<Enrollment> }> = [];
  for (const { row, record } of enrollments.rows) {
    if (!isOldEnrollment(record, cutoff, dayOf)) continue;
    const p = pseudo.of(record);
    enrollmentPatches.push({ row, patch: { email: p.email, employeeId: p.employeeId, notes: '', responseId: '' } });
  }

  const sessionDay = new Map(readTable(TAB.sessioni).rows.map((r) => [r.record.id, r.record.date]));
  const oldSessions = new Set([...sessionDay].filter(([, day]) => day !== '' && day < cutoff).map(([id]) => id));
  const attendance = readTable(TAB.presenze);
  const attendancePatches: Array<{ row: number; patch: Partial<Attendance> }> = [];
  for (const { row, record } of attendance.rows) {
    if (!isOldAttendance(record, sessionDay, cutoff)) continue;
    const p = pseudo.of(record);
    attendancePatches.push({ row, patch: { email: p.email, employeeId: p.employeeId } });
  }

  const certificates = readTable(TAB.attestati);
  const certificatePatches: Array<{ row: number; patch: Partial<Certificate> }> = [];
  let filesTrashed = 0;
  let filesLeft = 0;
  for (const { row, record } of certificates.rows) {
    if (!isOldCertificate(record, cutoff, dayOf)) continue;
    const patch: Partial<Certificate> = {};
    if (!isPseudonymous(record.email) || !record.employeeId.startsWith('ANON-')) {
      const p = pseudo.of(record);
      patch.email = p.email;
      patch.employeeId = p.employeeId;
    }
    if (record.fileId) {
      if (filesTrashed < MAX_FILES_PER_RUN && inTime() && trashPdf(record.fileId)) {
        filesTrashed += 1;
        patch.fileId = '';
        patch.pdfUrl = '';
      } else filesLeft += 1;
    }
    if (Object.keys(patch).length > 0) certificatePatches.push({ row, patch });
  }

  updateRecords(enrollments, enrollmentPatches);
  updateRecords(attendance, attendancePatches);
  updateRecords(certificates, certificatePatches);

  const form = settings.enrollmentFormId ? openFormById(settings.enrollmentFormId) : null;
  const responses = form
    ? deleteOldResponses(form, (submitted) => dayOf(submitted) < cutoff, inTime)
    : { deleted: 0, left: 0 };
  const cellDay = (v: unknown): string => (v instanceof Date ? dayOf(v) : '');
  const responseRows = form ? anonymiseResponseTabs(form.getId(), cutoff, cellDay, pseudo) : 0;
  const logLines = anonymiseLog(cutoff, dayOf, pseudo, staffEmails());
  const events = clearOldAttendees(settings.calendarId, oldSessions, inTime);

  const result: RetentionResult = {
    years,
    cutoff,
    enrollments: enrollmentPatches.length,
    attendance: attendancePatches.length,
    certificates: certificatePatches.length,
    filesTrashed,
    filesLeft,
    responsesDeleted: responses.deleted,
    responsesLeft: responses.left,
    responseRows,
    logLines,
    eventsCleared: events.cleared,
    eventsLeft: events.left,
  };
  const changed =
    enrollmentPatches.length +
    attendancePatches.length +
    certificatePatches.length +
    responses.deleted +
    responseRows +
    logLines +
    events.cleared;
  if (changed > 0) {
    logEvent('Conservazione dati', `prima del ${cutoff}: ${retentionSummary(result)}`);
  }
  return result;
}

/** What a run did, in Italian, for `Registro` and the sidebar. */
export function retentionSummary(r: RetentionResult): string {
  const later = (n: number): string => (n > 0 ? `, ${n} al prossimo passaggio` : '');
  return (
    `anonimizzate ${r.enrollments} iscrizioni, ${r.attendance} righe di presenza, ${r.certificates} attestati, ` +
    `${r.responseRows} righe del foglio risposte e ${r.logLines} righe del registro; ` +
    `PDF cestinati ${r.filesTrashed}${later(r.filesLeft)}; risposte eliminate dal modulo ${r.responsesDeleted}` +
    `${r.responsesLeft > 0 ? ', le altre al prossimo passaggio' : ''}; ` +
    `eventi del calendario senza più partecipanti ${r.eventsCleared}${later(r.eventsLeft)}`
  );
}
