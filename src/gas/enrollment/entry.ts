/**
 * Entry points of the enrollment workflow: publishing the form, the form-submit trigger, the periodic
 * reconciliation, manual enrollment and cancellation by staff, and the hook for staff edits of
 * `Iscrizioni`.
 */
import {
  OVER_CAPACITY_NOTE,
  capacityOptions,
  fullCourseEnrollMessage,
  seatState,
  type CapacityOptions,
} from '../../core/enrollment/capacity';
import { answersFromNamedValues } from '../../core/enrollment/form';
import { requestRefusal } from '../../core/enrollment/policy';
import { withRetry } from '../platform/retry';
import type { EnrollmentRecord, EnrollmentStatus } from '../../core/enrollment/types';
import type { StaffEnrollmentOutcome } from '../../core/mail/enrollment';
import { BusyError, UserError } from '../../core/registry/errors';
import { normalizeEmail } from '../../core/text';
import { serverAction } from '../platform/entry';
import { flushLog, logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { pendingMailCount } from '../mail/outbox';
import { drainOutbox } from '../mail/entry';
import { loadEnrollmentData, openBook, rememberEnrollmentIndex } from './data';
import {
  openFormById,
  PROP_FORM_ID,
  PROP_FORM_URL,
  publishForm,
  RECONCILE_HANDLER,
  SUBMIT_HANDLER,
  type PublishedForm,
} from './form';
import { requireOwnTriggerOrStaff } from '../platform/auth';
import { Notifier, logResults } from './notify';
import { readProperty } from '../platform/properties';
import {
  afterRun,
  finishRun,
  processPending,
  rememberStaleAttendees,
  type SubmittedResponse,
  staleAttendeeCourses,
  withScriptLock,
} from './process';
import { updateCourseAttendees } from '../calendar/attendees';
import { duplicateIdMessage } from '../../core/registry/codec';

type FormResponse = GoogleAppsScript.Forms.FormResponse;
type Form = GoogleAppsScript.Forms.Form;

function formUrl(): string {
  return readProperty(PROP_FORM_URL) ?? '';
}

/** Staff: creates the year's form once, then updates it in place (same id and URL). */
export const publishEnrollmentForm = serverAction('Pubblica modulo iscrizioni', (): PublishedForm => {
  const result = withScriptLock(() => {
    const data = loadEnrollmentData({ comuni: true });
    const published = publishForm(data, openBook(data));
    // Publication reads every row anyway: the tally submissions decide from starts here.
    rememberEnrollmentIndex(data);
    logEvent('Modulo iscrizioni pubblicato', `${published.formId} ${published.url}`);
    return published;
  });
  if (!result) throw new BusyError();
  return result;
});

interface SubmitEvent {
  triggerUid?: string;
  /** Bound to the form (publications before the spreadsheet trigger): the response and its form. */
  response?: FormResponse;
  source?: Form;
  /** Bound to the spreadsheet (catalogue FORMS-SUBMIT-EVENT): the responses-tab row and its cells by title. */
  range?: GoogleAppsScript.Spreadsheet.Range;
  namedValues?: Record<string, string[]>;
}

/**
 * The installable form-submit trigger, bound to the registry spreadsheet the form writes to (or, until
 * the form is published again, to the form). A blank event (the trigger sometimes fires a second time
 * without values) is ignored; a run that cannot get the lock leaves its response to the next run or to
 * the reconciliation.
 */
export function onFormSubmit(e?: SubmitEvent): void {
  const caller = requireOwnTriggerOrStaff(SUBMIT_HANDLER, e, 'Elaborazione risposte del modulo');
  // Called by hand (`google.script.run` passes plain data, never a Form, a FormResponse or a Range), the
  // event proves nothing: only the id of a real response is used, and the responses are read from the form.
  const responseId = e && hasMethod(e.response, 'getId') ? String(e.response.getId()) : '';
  if (responseId) {
    const form = hasMethod(e?.source, 'getResponses') ? (e?.source as Form) : openStoredForm();
    if (form) processPending(form, responseId);
    return;
  }
  // The spreadsheet's event is used only as its own trigger delivered it. One it cannot read (no values,
  // a courses cell that does not split cleanly) still sends the run to the form's own listing: the
  // response behind it is read there, and a second, blank firing finds nothing pending and reads no tab.
  if (caller !== 'trigger') return;
  const submitted = submittedFromEvent(e);
  processPending(openStoredForm, '', submitted ? { onlyWhenPending: true, submitted } : { onlyWhenPending: true });
}

/** The response a spreadsheet form-submit event carries; null for a blank or unreadable one. */
function submittedFromEvent(e: SubmitEvent | undefined): SubmittedResponse | null {
  const named = e?.namedValues;
  if (!named || typeof named !== 'object' || !hasMethod(e.range, 'getValues')) return null;
  const answers = answersFromNamedValues(named);
  if (!answers) return null;
  const range = e.range;
  // The tab's first column is the response's time (FORMS-DESTINATION); the run reads it with its other
  // reads, or on its own through `read`.
  const timeCell = {
    tab: range.getSheet().getName(),
    row: range.getRow(),
    read: (): number => {
      const cell = withRetry('Range.getValues', () => range.getValues())[0]?.[0];
      return cell instanceof Date ? cell.getTime() : NaN;
    },
  };
  const cells: Record<string, string> = {};
  for (const [title, values] of Object.entries(named)) cells[title] = String(values?.[0] ?? '');
  return { timeCell, answers, cells };
}

function hasMethod<K extends string>(value: unknown, name: K): value is Record<K, () => unknown> {
  return !!value && typeof value === 'object' && typeof (value as Record<string, unknown>)[name] === 'function';
}

/** The published form: its id as publication remembered it, else as `Impostazioni` holds it. */
function openStoredForm(): Form | null {
  const id = readProperty(PROP_FORM_ID) || readSettings().enrollmentFormId;
  if (!id) return null;
  return openFormById(id);
}

/**
 * The periodic reconciliation (time-driven trigger installed by publication): processes any response a
 * failed or missed trigger left behind, and sends mails still waiting in the outbox.
 */
export function reconcileResponses(event?: { triggerUid?: string }): { processed: number } {
  const startedAt = Date.now();
  requireOwnTriggerOrStaff(RECONCILE_HANDLER, event, 'Riconciliazione risposte');
  const form = openStoredForm();
  const done = form ? processPending(form, '', { onlyWhenPending: true }) : null;
  if (!done) {
    withScriptLock(() => {
      retryStaleAttendees();
      flushLog();
    });
  }
  // The backlog goes under the lock a few mails at a time (two flushes at once could both send a mail).
  if (pendingMailCount() > 0) drainOutbox(startedAt);
  return { processed: done?.processed ?? 0 };
}

/** Calendar attendees a failed update left behind (see `afterRun`), with the tabs read only then. */
function retryStaleAttendees(): void {
  const stale = staleAttendeeCourses();
  if (stale.length === 0) return;
  const result = updateCourseAttendees(stale);
  rememberStaleAttendees(stale, result.failed > 0 ? stale : []);
}

export interface ManualEnrollmentResult {
  id: string;
  course: string;
  email: string;
  status: EnrollmentStatus;
  waitPosition: number | null;
  notes: string;
  message: string;
}

function manualResult(e: EnrollmentRecord, message: string): ManualEnrollmentResult {
  return {
    id: e.id,
    course: e.course,
    email: e.email,
    status: e.status,
    waitPosition: e.waitPosition,
    notes: e.notes,
    message,
  };
}

function manualOutcome(e: EnrollmentRecord, overCapacity: boolean): StaffEnrollmentOutcome | null {
  if (e.status === 'Confermata') return { kind: 'confirmed', overCapacity };
  if (e.status === 'In attesa') return { kind: 'waitlisted', position: e.waitPosition };
  if (e.status === 'In approvazione') return { kind: 'pendingApproval' };
  return null;
}

/**
 * Staff: enrolls an employee in a course with the form's rules (origin `Manuale`), except that what
 * the form would refuse is refused on screen (no row, no mail), and a full course refuses unless
 * staff choose `{ overCapacity: true }` (a seat added, logged) or `{ waitlist: true }`.
 */
export const enrollManually = serverAction(
  'Iscrizione manuale',
  (email: string, courseCode: string, options?: CapacityOptions): ManualEnrollmentResult => {
    const mail = normalizeEmail(String(email ?? ''));
    const code = String(courseCode ?? '').trim();
    const wanted = capacityOptions(options);
    if (!mail || !code) throw new UserError("Indichi l'email del dipendente e il codice del corso.");
    const result = withScriptLock(() => {
      const data = loadEnrollmentData();
      const book = openBook(data);
      const employee = book.ctx.employeeByEmail(mail);
      if (!employee) {
        throw new UserError(`L'email ${mail} non è nel foglio Dipendenti: aggiunga prima la persona in «Dipendenti».`);
      }
      const course = book.ctx.course(code);
      if (!course) throw new UserError(`Il corso ${code} non esiste nel foglio Corsi.`);
      const who = `${employee.firstName} ${employee.lastName}`.trim() || mail;
      const refusal = requestRefusal(book.ctx, course.code, employee);
      if (refusal) throw new UserError(`Iscrizione di ${who} al corso ${course.code} non possibile: ${refusal}`);
      const seats = seatState(book, course);
      const [r] = book.request({ email: mail, courses: [code], at: new Date(), origin: 'Manuale', responseId: '' });
      if (!r || (r.kind !== 'new' && r.kind !== 'duplicate'))
        throw new UserError(`Iscrizione al corso ${code} non registrata.`);
      const e = r.enrollment;
      if (r.kind === 'duplicate') {
        return manualResult(
          e,
          `${who} ha già un'iscrizione al corso ${e.course} (stato: ${e.status}): nessuna nuova iscrizione.`,
        );
      }
      // Nothing is written before this point: a refusal leaves the sheet and the outbox as they were.
      if (e.status === 'In attesa' && !wanted.overCapacity && !wanted.waitlist)
        throw new UserError(fullCourseEnrollMessage(course.code, seats));
      const over = e.status === 'In attesa' && wanted.overCapacity === true;
      if (over) book.confirmOverCapacity(e, OVER_CAPACITY_NOTE);
      logResults([r]);
      if (over)
        logEvent(
          'Iscrizione oltre i posti',
          `${e.id} ${e.course} ${e.email} (${seats.confirmed + 1} confermati su ${seats.seats} posti)`,
        );
      const notifier = new Notifier(data, formUrl());
      const outcome = manualOutcome(e, over);
      if (outcome) notifier.staffEnrollment(e, outcome);
      const courses = finishRun(data, book, notifier);
      afterRun(data, book, courses);
      const message =
        e.status === 'In attesa'
          ? `Iscrizione di ${who} a ${e.course} in lista d'attesa (posizione ${e.waitPosition ?? '-'}).`
          : e.status === 'In approvazione'
            ? `Iscrizione di ${who} a ${e.course} in attesa di approvazione del referente.`
            : over
              ? `Iscrizione di ${who} a ${e.course} confermata oltre i posti (${seats.confirmed + 1} confermati su ${seats.seats}).`
              : `Iscrizione di ${who} a ${e.course} confermata.`;
      return manualResult(e, message);
    });
    if (!result) throw new BusyError();
    return result;
  },
);

export interface CancellationResult {
  id: string;
  course: string;
  status: EnrollmentStatus;
  promoted: string[];
  message: string;
}

/** Staff (sidebar): cancels one enrollment; the first waiting request gets the seat. */
export const cancelEnrollment = serverAction(
  'Annulla iscrizione',
  (enrollmentId: string, reason?: string): CancellationResult => {
    const id = String(enrollmentId ?? '').trim();
    const why = String(reason ?? '').trim();
    const result = withScriptLock(() => {
      const data = loadEnrollmentData();
      const book = openBook(data);
      const note = why ? `Annullata dallo staff: ${why}` : 'Annullata dallo staff.';
      const e = book.cancelById(id, note);
      if (!e)
        throw new UserError(
          duplicateIdMessage(data.enrollments, id) ??
            `L'iscrizione ${id} non esiste o non è attiva (già annullata o respinta).`,
        );
      const notifier = new Notifier(data, formUrl());
      logEvent('Iscrizione annullata', `${e.id} ${e.course} ${e.email}${why ? ` (${why})` : ''}`);
      notifier.staffCancellation(e, why);
      const promotedBefore = book.changes().promoted.map((p) => p.email);
      const person = (email: string): string => notifier.nameOf(email) || email;
      const courses = finishRun(data, book, notifier, undefined, [e.course]);
      afterRun(data, book, courses);
      return {
        id: e.id,
        course: e.course,
        status: e.status,
        promoted: promotedBefore,
        message: `Iscrizione di ${person(e.email)} al corso ${e.course} annullata${
          promotedBefore.length > 0 ? `; il posto passa a ${promotedBefore.map(person).join(', ')}` : ''
        }.`,
      };
    });
    if (!result) throw new BusyError();
    return result;
  },
);

/**
 * For the registry's edit trigger (`onRegistryEdit`) after staff edited rows of `Iscrizioni` (e.g. set
 * `Stato` to `Annullata`): settles the courses of those rows (promotion, positions), updates their
 * calendar attendees and the form's choices. Safe to call with the script lock already held.
 */
export function handleEnrollmentEdits(editedRows: readonly number[]): void {
  const run = (): true => {
    const data = loadEnrollmentData();
    const rows = new Set(editedRows);
    const edited = data.enrollments.rows.filter((r) => rows.has(r.row)).map((r) => r.record.course);
    const book = openBook(data);
    const notifier = new Notifier(data, formUrl());
    const courses = finishRun(data, book, notifier, undefined, edited);
    afterRun(data, book, courses);
    return true;
  };
  const lock = LockService.getScriptLock();
  if (lock.hasLock()) run();
  else withScriptLock(run);
  flushLog();
}
