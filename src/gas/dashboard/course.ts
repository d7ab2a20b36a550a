/**
 * The sidebar's course view and the staff actions on one enrollment that the form cannot express:
 * linking a `Da verificare` request to an employee and promoting a waiting request over the seat limit.
 * The enrollment rules stay in the policy (`EnrollmentBook`); these functions only feed it.
 */
import {
  OVER_CAPACITY_NOTE,
  fullCoursePromoteMessage,
  seatState,
  type CapacityOptions,
} from '../../core/enrollment/capacity';
import { EnrollmentBook, type RequestResult } from '../../core/enrollment/policy';
import { actionsFor, candidatesFor, typedPersonFrom } from '../../core/enrollment/staff-view';
import { BusyError, UserError } from '../../core/registry/errors';
import type { Enrollment } from '../../core/registry/schemas';
import { ENROLLMENT_STATUS } from '../../core/registry/tabs';
import { commitChanges, loadEnrollmentData, openBook, policyContext, type EnrollmentData } from '../enrollment/data';
import { PROP_FORM_URL } from '../enrollment/form';
import { readProperty } from '../platform/properties';
import { Notifier, logPromotions, logResults } from '../enrollment/notify';
import { afterRun, finishRun, withScriptLock } from '../enrollment/process';
import { logEvent } from '../registry/log';
import { updateRecords } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import type { ActionResult, CourseEnrollment, CourseView } from './types';
import { meetHref } from '../../core/text';
import { duplicateIdMessage } from '../../core/registry/codec';
import { pastYearsOf } from '../../core/years/history';
import { archivedHours } from '../years/archives';

/** The order of the groups in the course view: what needs staff first. */
const GROUP_ORDER = ['Da verificare', 'In approvazione', 'In attesa', 'Confermata', 'Respinta', 'Annullata'] as const;

export function buildCourseView(code: string): CourseView {
  const wanted = String(code ?? '').trim();
  const data = loadEnrollmentData();
  const course = data.courses.rows.find((r) => r.record.code === wanted)?.record;
  if (!course)
    throw new UserError(
      duplicateIdMessage(data.courses, wanted) ?? `Il corso ${wanted || '(non indicato)'} non esiste nel foglio Corsi.`,
    );
  const employees = data.employees.rows.map((r) => r.record);
  const byId = new Map(employees.map((e) => [e.id, e]));
  const byEmail = new Map(employees.map((e) => [e.email.toLowerCase(), e]));
  const rows = data.enrollments.rows.map((r) => r.record).filter((e) => e.course === course.code);
  // Two calls a closed year (its archive's hours tab), none before the first year change.
  const archived = archivedHours();
  const toView = (e: Enrollment): CourseEnrollment => {
    const employee = (e.employeeId && byId.get(e.employeeId)) || byEmail.get(e.email.toLowerCase());
    return {
      id: e.id,
      email: e.email,
      employeeId: e.employeeId,
      name: employee ? `${employee.firstName} ${employee.lastName}` : '',
      comune: employee?.comune ?? '',
      status: e.status,
      waitPosition: e.waitPosition,
      requestedAt: formatInSpreadsheetZone(e.requestedAt, "yyyy-MM-dd'T'HH:mm"),
      notes: e.notes,
      actions: actionsFor(e.status),
      typed: typedPersonFrom(e.notes),
      candidates: e.status === 'Da verificare' ? candidatesFor(e.email, typedPersonFrom(e.notes), employees) : [],
      pastYears: pastYearsOf(employee?.id ?? e.employeeId, archived),
    };
  };
  const statuses = [
    ...GROUP_ORDER,
    ...ENROLLMENT_STATUS.filter((s) => !(GROUP_ORDER as readonly string[]).includes(s)),
  ];
  const groups = statuses
    .map((status) => ({
      status,
      enrollments: rows
        .filter((e) => e.status === status)
        .sort(
          (a, b) => (a.waitPosition ?? 0) - (b.waitPosition ?? 0) || a.requestedAt.getTime() - b.requestedAt.getTime(),
        )
        .map(toView),
    }))
    .filter((g) => g.enrollments.length > 0);
  return {
    code: course.code,
    title: course.title,
    status: course.status,
    mode: course.mode,
    seats: course.seats,
    hours: course.hours,
    sessions: data.sessions.rows
      .map((r) => r.record)
      .filter((s) => s.course === course.code)
      .map((s) => ({
        id: s.id,
        date: s.date,
        start: s.start,
        end: s.end,
        status: s.status,
        meetLink: meetHref(s.meetLink),
      })),
    groups,
  };
}

function formUrl(): string {
  return readProperty(PROP_FORM_URL) ?? '';
}

function locked<T>(fn: () => T): T {
  const result = withScriptLock(fn);
  if (result === null) throw new BusyError();
  return result;
}

function outcomeMessage(r: RequestResult, who: string): string {
  if (r.kind === 'duplicate')
    return `${who} aveva già un'iscrizione a ${r.course} (stato: ${r.enrollment.status}): la richiesta doppia è stata annullata.`;
  if (r.kind !== 'new') return `Richiesta per ${r.course} non registrata.`;
  const e = r.enrollment;
  if (e.status === 'In attesa')
    return `Richiesta di ${who} collegata: in lista d'attesa per ${e.course} (posizione ${e.waitPosition ?? '-'}).`;
  if (e.status === 'Respinta') return `Richiesta di ${who} collegata e respinta: ${e.notes}`;
  return `Richiesta di ${who} collegata: iscrizione a ${e.course} ${e.status === 'Confermata' ? 'confermata' : `in stato «${e.status}»`}.`;
}

/**
 * Staff links a `Da verificare` request to an employee: the request is decided again exactly as the
 * policy decides a new request from that employee (eligibility, seats, waitlist, duplicates), keeping
 * its id, request time and origin, so its place in the FIFO order is the one it had.
 */
export function confirmPending(enrollmentId: string, employeeId: string): ActionResult {
  const id = String(enrollmentId ?? '').trim();
  const who = String(employeeId ?? '').trim();
  return locked(() => {
    const data = loadEnrollmentData();
    const target = data.enrollments.rows.find((r) => r.record.id === id);
    if (!target || target.record.status !== 'Da verificare') {
      throw new UserError(
        duplicateIdMessage(data.enrollments, id) ??
          `L'iscrizione ${id || '(non indicata)'} non esiste o non è «Da verificare».`,
      );
    }
    const ctx = policyContext(data);
    const employee = ctx.employeeById(who) ?? ctx.employeeByEmail(who);
    if (!employee) throw new UserError(`Il dipendente ${who || '(non indicato)'} non è nel foglio Dipendenti.`);
    const original = target.record;
    const others = data.enrollments.rows.filter((r) => r !== target).map((r) => r.record);
    // The request re-enters the book under its own id: the policy's decision, not a copy of it.
    const book = new EnrollmentBook(ctx, others, () => original.id);
    const [result] = book.request({
      email: employee.email,
      courses: [original.course],
      at: original.requestedAt,
      origin: original.origin,
      responseId: original.responseId,
    });
    if (!result) throw new UserError(`Iscrizione ${id} non aggiornata.`);
    book.settleAll();
    const changes = book.changes();
    const decided = result.kind === 'new' ? result.enrollment : null;
    commitChanges(data, { ...changes, added: changes.added.filter((e) => e.id !== original.id) });
    const patch: Partial<Enrollment> = decided
      ? {
          email: decided.email,
          employeeId: decided.employeeId,
          status: decided.status,
          waitPosition: decided.waitPosition,
          notes: decided.notes,
        }
      : {
          email: employee.email,
          employeeId: employee.id,
          status: 'Annullata',
          waitPosition: null,
          notes: `Richiesta doppia: ${employee.id} aveva già un'iscrizione (${result.kind === 'duplicate' ? result.enrollment.id : ''}).`,
        };
    updateRecords(data.enrollments, [{ row: target.row, patch }]);
    logEvent('Iscrizione verificata', `${id} ${original.course} ${original.email} → ${employee.id} (${patch.status})`);
    const notifier = new Notifier(data, formUrl());
    logResults([result], '');
    logPromotions(changes.promoted, '');
    for (const p of changes.promoted) notifier.promotion(p);
    if (decided) notifier.outcomeMail(employee.email, notifier.nameOf(employee.email), [result], `confirm:${id}`);
    const courses = new Set([...changes.affectedCourses, original.course]);
    afterRun(data, book, courses);
    return {
      id,
      status: patch.status ?? original.status,
      message: outcomeMessage(result, `${employee.firstName} ${employee.lastName}`.trim() || employee.email),
    };
  });
}

/**
 * Staff promote a waiting request: with a free seat (one the per-comune cap kept from the FIFO) it is
 * simply given; on a full course only with `{ overCapacity: true }`, logged, and the mail says the
 * office confirmed the place.
 */
export function promote(enrollmentId: string, options: CapacityOptions = {}): ActionResult {
  const id = String(enrollmentId ?? '').trim();
  return locked(() => {
    const data = loadEnrollmentData();
    const book = openBook(data);
    const e = book.byId(id);
    const course = e ? book.ctx.course(e.course) : undefined;
    if (!e || e.status !== 'In attesa' || !course)
      throw new UserError(
        duplicateIdMessage(data.enrollments, id) ??
          `L'iscrizione ${id || '(non indicata)'} non esiste o non è in lista d'attesa.`,
      );
    const seats = seatState(book, course);
    if (seats.full && !options.overCapacity) throw new UserError(fullCoursePromoteMessage(course.code, seats));
    book.confirmOverCapacity(e, seats.full ? OVER_CAPACITY_NOTE : 'Promossa dallo staff.');
    const who = personLabel(data, e.email);
    logEvent(
      seats.full ? 'Iscrizione oltre i posti' : 'Iscrizione promossa dallo staff',
      `${e.id} ${e.course} ${e.email}${seats.full ? ` (${seats.confirmed + 1} confermati su ${seats.seats} posti)` : ''}`,
    );
    const notifier = new Notifier(data, formUrl());
    const courses = finishRun(data, book, notifier, '', [e.course], new Set([e.id]));
    afterRun(data, book, courses);
    const message = seats.full
      ? `${who}: posto confermato oltre i posti (${seats.confirmed + 1} confermati su ${seats.seats}) per ${e.course}.`
      : `${who}: posto confermato per ${e.course}.`;
    return { id, status: e.status, message };
  });
}

/** "Anna Bassi" for an e-mail in `Dipendenti`, else the e-mail itself. */
export function personLabel(data: EnrollmentData, email: string): string {
  const wanted = email.trim().toLowerCase();
  const e = data.employees.rows.find((r) => r.record.email.toLowerCase() === wanted)?.record;
  return e ? `${e.firstName} ${e.lastName}`.trim() || email : email;
}
