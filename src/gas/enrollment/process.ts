/**
 * Processing form responses and every other enrollment change under the script lock, in one pass:
 * read the tabs once, let the policy decide, write once, queue the mails, then the calendar and the
 * form choices.
 */
import { typedPersonNote } from '../../core/enrollment/staff-view';
import { ACTION_CANCEL, readAnswers } from '../../core/enrollment/form';
import type { EnrollmentBook, RequestResult } from '../../core/enrollment/policy';
import { flushLog, logEvent } from '../registry/log';
import { flushMail, outboxLockReleased, outboxLockTaken } from '../mail/outbox';
import { updateCourseAttendees } from '../calendar/attendees';
import {
  commitChanges,
  loadEnrollmentData,
  loadEnrollmentSlice,
  openBook,
  rememberEnrollmentIndex,
  type EnrollmentData,
  type SliceRequest,
} from './data';
import { isTransient, withRetry } from '../platform/retry';
import {
  PROP_FORM_ID,
  PROP_FORM_URL,
  PROP_ITEM_TITLES,
  PROP_RESPONSE_TIE,
  PROP_WATERMARK,
  refreshFormChoices,
} from './form';
import { addressAfterTie, addressTitle, parseResponseTie, responseTieText } from '../../core/enrollment/response-tie';
import { responsesFromApi } from './api-responses';
import { Notifier, logPromotions, logResults, queueHeldMail } from './notify';
import { holdPropertyWrites, readProperty, refreshProperties, writeProperties } from '../platform/properties';

type Form = GoogleAppsScript.Forms.Form;
type FormResponse = GoogleAppsScript.Forms.FormResponse;

/** How long a run waits for another one to finish before leaving its response to reconciliation. */
const LOCK_WAIT_MS = 30_000;
/** Earlier responses caught up by one execution, at most: keeps each run short. */
export const CATCH_UP_LIMIT = 25;

export interface ResponseData {
  id: string;
  timestamp: Date;
  email: string;
  answers: Record<string, string | string[]>;
}

/** Item titles by id as publication recorded them (an item added by staff is asked for its title). */
function knownTitles(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readProperty(PROP_ITEM_TITLES) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function readResponse(response: FormResponse, at: Date, titles: Record<string, string>): ResponseData {
  const answers: Record<string, string | string[]> = {};
  for (const ir of response.getItemResponses()) {
    const item = ir.getItem();
    const title = titles[String(item.getId())] ?? item.getTitle();
    const value = ir.getResponse();
    answers[title] = Array.isArray(value) ? value.map(String) : String(value ?? '');
  }
  return { id: response.getId(), timestamp: at, email: response.getRespondentEmail(), answers };
}

/**
 * Runs `fn` under the script lock, with the properties (and the outbox's state kept in them) read
 * again now that no other run can change them; returns null (leaving the work to a later run) when the lock cannot be had.
 */
export function withScriptLock<T>(fn: () => T): T | null {
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    return null;
  }
  try {
    refreshProperties();
    outboxLockTaken();
    return fn();
  } finally {
    outboxLockReleased();
    lock.releaseLock();
  }
}

function sliceRequest(response: ResponseData): SliceRequest {
  return { responseId: response.id, email: response.email, answers: response.answers, at: response.timestamp };
}

/**
 * Applies one response to the book and queues its mails. A response already processed (its id is in
 * `ID risposta`) is skipped: the trigger can fire twice for one response.
 */
export function applyResponse(
  book: EnrollmentBook,
  notifier: Notifier,
  response: ResponseData,
): RequestResult[] | null {
  if (book.hasResponse(response.id)) return null;
  const answers = readAnswers(response.email, response.answers);
  if (!answers.email || answers.courses.length === 0) return [];
  const who = answers.email;
  let results: RequestResult[];
  if (answers.action === ACTION_CANCEL) {
    results = book.cancelFor(answers.email, answers.courses, 'Annullata dal dipendente tramite modulo.');
  } else {
    results = book.request({
      email: answers.email,
      courses: answers.courses,
      at: response.timestamp,
      origin: 'Modulo',
      responseId: response.id,
    });
  }
  for (const r of results)
    if (r.kind === 'new' && r.enrollment.status === 'Da verificare')
      r.enrollment.notes = `${r.enrollment.notes} ${typedPersonNote(answers)}`.trim();
  logResults(results, who);
  const name = notifier.nameOf(answers.email, `${answers.firstName} ${answers.lastName}`.trim());
  notifier.outcomeMail(answers.email, name, results, `response:${response.id}`);
  const unverified = results
    .filter((r) => r.kind === 'new' && r.enrollment.status === 'Da verificare')
    .map((r) => r.course);
  notifier.unknownEmail(answers.email, answers, unverified, `unknown:${response.id}`);
  const approval = results.flatMap((r) =>
    r.kind === 'new' && r.enrollment.status === 'In approvazione' ? [r.enrollment] : [],
  );
  notifier.referentApproval(approval, `approval:${response.id}`);
  return results;
}

/**
 * The end of every enrollment run: settle every course (a cancellation typed in the sheet promotes
 * here too), write the changes, then queue the run's mails and write the log. Returns the courses
 * whose confirmed people changed.
 */
export function finishRun(
  data: EnrollmentData,
  book: EnrollmentBook,
  notifier: Notifier,
  who?: string,
  extraCourses: Iterable<string> = [],
  /** Waiting requests staff confirmed themselves: their mail says the office gave the seat. */
  officePromoted: ReadonlySet<string> = new Set(),
): Set<string> {
  book.settleAll();
  const changes = book.changes();
  commitChanges(data, changes);
  logPromotions(
    changes.promoted.filter((e) => !officePromoted.has(e.id)),
    who,
  );
  for (const e of changes.promoted) notifier.promotion(e, officePromoted.has(e.id) ? 'office' : 'seatFreed');
  // `Registro` first: a mail never tells what the log does not hold.
  flushLog();
  notifier.queueAll();
  return new Set([...changes.affectedCourses, ...extraCourses]);
}

/**
 * Courses whose calendar attendees a failed Calendar update left behind: kept in a Script Property (read
 * with the others, so free when empty) and retried by the next run that holds the lock.
 */
export const PROP_STALE_ATTENDEES = 'a4pa.calendar.staleCourses';

export function staleAttendeeCourses(): string[] {
  return (readProperty(PROP_STALE_ATTENDEES) ?? '').split(',').filter((c) => c !== '');
}

/** Written only when the set changes, so the happy path costs no Properties write. */
export function rememberStaleAttendees(before: readonly string[], after: readonly string[]): void {
  if (before.join(',') === after.join(',')) return;
  writeProperties({ [PROP_STALE_ATTENDEES]: after.join(',') });
}

/**
 * Still under the lock, once the rows are written: calendar attendees of the affected courses, the
 * form's choices, the mails (any still held are queued first).
 */
export function afterRun(data: EnrollmentData, book: EnrollmentBook, courses: Set<string>, form?: Form | null): void {
  const stale = staleAttendeeCourses();
  const codes = [...new Set([...courses, ...stale])].sort();
  if (codes.length > 0 && data.slice) {
    // An event's attendees are sent whole, and a slice holds a few of them: the next run that reads
    // every row (the reconciliation within the hour at the latest) brings these courses' events up to date.
    rememberStaleAttendees(stale, codes);
  } else if (codes.length > 0) {
    const result = updateCourseAttendees(codes, {
      courses: data.courses,
      sessions: data.sessions,
      enrollments: data.enrollments,
    });
    rememberStaleAttendees(stale, result.failed > 0 ? codes : []);
  }
  rememberEnrollmentIndex(data);
  refreshFormChoices(data, book, form);
  flushLog();
  queueHeldMail();
  flushMail();
  flushLog();
}

/**
 * One response, whatever it holds: an answer that breaks the rules of the book or of a mail is written
 * to `Registro` and counted as processed, so it cannot fail every later run again. Only Google being
 * briefly unavailable leaves the response for the next run.
 */
function applyOnce(book: EnrollmentBook, notifier: Notifier, response: ResponseData): void {
  try {
    applyResponse(book, notifier, response);
  } catch (error) {
    if (isTransient(error)) throw error;
    logEvent('Risposta non elaborata', `${response.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A response as the spreadsheet's form-submit event carries it (catalogue FORMS-SUBMIT-EVENT): its
 * answers by question title, where its responses-tab row is (the row holds its time), and every cell of
 * that row by column title (one of them the respondent's address, under a title that depends on the
 * spreadsheet's language).
 */
export interface SubmittedResponse {
  timeCell: EventTimeCell;
  answers: Record<string, string | string[]>;
  cells: Record<string, string>;
}

/** The responses-tab cell holding the response's time: read with the run's other reads when it can be. */
export interface EventTimeCell {
  tab: string;
  row: number;
  /** Its time in ms on its own (one call), NaN when it holds no date. */
  read: () => number;
}

/** How far the responses tab's time may be from the response's own (FORMS-DESTINATION-ROW). */
const SAME_RESPONSE_MS = 1000;

/** The event's response, still to be tied to it by the time its row holds (see `processPending`). */
interface FromEvent {
  response: ResponseData;
  timeCell: EventTimeCell;
  /** The event's title for the sender's address, when one title alone holds it: the next event's tie. */
  emailTitle: string | null;
}

/**
 * The event's response, when it is the one response after the watermark: its sender's address among the
 * row's cells, and its time (a FormApp call) within a second of the row's, tie it to the form's listing,
 * which gives the id and the exact time the watermark needs; its answers are the event's, with no call
 * per item. The address is FormApp's (another call) unless the event sits on the row right below the
 * last one proven, after the same watermark (`addressAfterTie`). Null when the event is another response
 * (one already processed fired again, another form linked to the spreadsheet) or others wait: the caller
 * reads the form as the reconciliation does. The row's time is compared by the caller, once its reads
 * brought it.
 */
function submittedResponse(
  own: readonly FormResponse[],
  submitted: SubmittedResponse,
  watermark: number,
): FromEvent | null {
  const only = own.length === 1 ? own[0] : undefined;
  if (!only) return null;
  const place = { tab: submitted.timeCell.tab, row: submitted.timeCell.row, cells: submitted.cells };
  const tie = parseResponseTie(readProperty(PROP_RESPONSE_TIE));
  const tied = addressAfterTie(tie, watermark, place);
  let email: string;
  let emailTitle: string | null;
  if (tied !== null && tie) {
    email = tied;
    emailTitle = tie.emailTitle;
  } else {
    email = withRetry('FormResponse.getRespondentEmail', () => only.getRespondentEmail());
    const wanted = email.trim().toLowerCase();
    const texts = Object.values(submitted.cells);
    if (wanted === '' || !texts.some((t) => t.trim().toLowerCase() === wanted)) return null;
    emailTitle = addressTitle(submitted.cells, email);
  }
  const at = withRetry('FormResponse.getTimestamp', () => only.getTimestamp().getTime());
  return {
    response: { id: only.getId(), timestamp: new Date(at), email, answers: submitted.answers },
    timeCell: submitted.timeCell,
    emailTitle,
  };
}

/** Whether the row's time (NaN when it holds none) is the response's, to the second (FORMS-DESTINATION-ROW). */
function sameResponse(rowMs: number, responseMs: number): boolean {
  return Math.abs(rowMs - responseMs) <= SAME_RESPONSE_MS;
}

interface Candidate {
  id: string;
  at: number;
  read: () => ResponseData;
}

/**
 * The responses after the watermark, oldest first, at most `CATCH_UP_LIMIT` (the current one always
 * among them when FormApp names it), and the watermark they move to. The form's own listing says how
 * many there are (one FormApp call); their answers come in one Forms API request when it lists all of
 * them (a response it does not list yet, catalogue REST-FORMS-FRESH, sends the run to FormApp, a call per
 * item). Null when there is nothing and the caller wants nothing then.
 */
function pendingResponses(
  form: Form,
  currentId: string,
  watermark: number,
  onlyWhenPending: boolean,
  submitted: SubmittedResponse | undefined,
): { responses: ResponseData[]; newWatermark: number; currentId: string; fromEvent?: FromEvent } | null {
  const listedBefore = Date.now();
  // The responses come from the form itself, never from the event: the event's id only says which
  // one to put first, and an id the form does not list (processed, or made up) is simply not there.
  const own = withRetry('Form.getResponses', () => form.getResponses(new Date(watermark)));
  // The reconciliation with nothing new reads no tab at all.
  if (own.length === 0 && onlyWhenPending) return null;
  const fromEvent = submitted ? submittedResponse(own, submitted, watermark) : null;
  if (fromEvent) {
    const { response } = fromEvent;
    const at = response.timestamp.getTime();
    return { responses: [response], newWatermark: Math.max(watermark, at), currentId: response.id, fromEvent };
  }
  const titles = knownTitles();
  // Both listings ask for "after the watermark" with the same precision, so they hold the same
  // responses unless the API has not caught up; one sent since the form was listed is left to the next run.
  const fromApi = own.length === 0 ? [] : responsesFromApi(form.getId(), watermark, listedBefore, titles);
  // The API's ids are its own (REST-FORMS-RESPONSE-ID): the current response is not told apart there.
  const candidates: Candidate[] =
    fromApi && fromApi.length >= own.length
      ? fromApi.map((r) => ({
          id: r.id,
          at: r.timestampMs,
          read: () => ({ id: r.id, timestamp: new Date(r.timestampMs), email: r.email, answers: r.answers }),
        }))
      : own
          .map((r) => ({ r, at: r.getTimestamp().getTime() }))
          .sort((a, b) => a.at - b.at)
          .map(({ r, at }) => ({ id: r.getId(), at, read: () => readResponse(r, new Date(at), titles) }));
  // At or before the watermark every response was processed, also those that left no row (a
  // cancellation, a repeated request): the trigger firing twice must not redo them.
  const chosen: Candidate[] = [];
  let newWatermark = watermark;
  let inOrder = true;
  for (const c of candidates) {
    if (c.at > watermark) {
      if (chosen.length >= CATCH_UP_LIMIT && c.id !== currentId) {
        inOrder = false;
        continue;
      }
      chosen.push(c);
    }
    if (inOrder && c.at > newWatermark) newWatermark = c.at;
  }
  return { responses: chosen.map((c) => c.read()), newWatermark, currentId };
}

/**
 * Processes the given response (if any) and every earlier one a failed or missed trigger left
 * unprocessed, oldest first, at most `CATCH_UP_LIMIT` per run. The watermark (the time up to which
 * every response has been processed) moves only past responses actually processed. Everything runs
 * under the script lock, so the calendar and the form never see an older state after a newer one.
 * Returns null when the lock could not be had (the work is left to the next run).
 */
export function processPending(
  /** The form, or how to open it once the lock is held (its id is then read with the other properties). */
  formOrOpen: Form | (() => Form | null),
  currentId: string,
  options: { onlyWhenPending?: boolean; submitted?: SubmittedResponse } = {},
): { processed: number } | null {
  return withScriptLock(() => {
    const form = typeof formOrOpen === 'function' ? formOrOpen() : formOrOpen;
    if (!form) return null;
    // Only the published form's responses count: an event naming another form (or forged) does nothing.
    const formId = readProperty(PROP_FORM_ID);
    if (formId && form.getId() !== formId) return null;
    const watermark = Number(readProperty(PROP_WATERMARK) ?? '0') || 0;
    const onlyWhenPending = options.onlyWhenPending === true;
    let chosen = pendingResponses(form, currentId, watermark, onlyWhenPending, options.submitted);
    if (!chosen) return null;
    // A submission reads only its sender's rows when the tally allows; the reconciliation reads all,
    // which also rebuilds the tally.
    const submission = chosen.currentId !== '' || options.submitted !== undefined;
    const event = chosen.fromEvent;
    let slice = submission ? loadEnrollmentSlice(chosen.responses.map(sliceRequest), event?.timeCell) : null;
    if (event) {
      const rowMs = slice?.eventTimeMs ?? event.timeCell.read();
      if (!sameResponse(rowMs, event.response.timestamp.getTime())) {
        // Not the event's response after all: read the form as the reconciliation does, and every row.
        slice = null;
        chosen = pendingResponses(form, currentId, watermark, onlyWhenPending, undefined);
        if (!chosen) return null;
      }
    }
    const { responses, newWatermark } = chosen;
    // Set only when the row's time proved the event's response (the fallback above lists without the event).
    const proven = chosen.fromEvent;
    const data = slice ?? loadEnrollmentData();
    // The IDs issued, the watermark and the tally land in one Properties write right after the rows,
    // before the calendar and the form, where a run may stop at the time limit: the next run must find
    // the watermark past what this one wrote. A run stopped before that write leaves rows whose IDs and
    // response ids the next run reads back.
    const { book, courses, processed } = holdPropertyWrites(() => {
      const opened = openBook(data);
      const notifier = new Notifier(data, readProperty(PROP_FORM_URL) ?? '');
      let count = 0;
      for (const response of responses) {
        if (opened.hasResponse(response.id)) continue;
        applyOnce(opened, notifier, response);
        count += 1;
      }
      const changed = finishRun(data, opened, notifier);
      if (newWatermark > watermark) writeProperties({ [PROP_WATERMARK]: String(newWatermark) });
      // Only a run whose event proved its row leaves a tie; any other run that moves the watermark ends it.
      if (proven?.emailTitle) {
        const { tab, row } = proven.timeCell;
        const tie = { watermark: newWatermark, tab, row, emailTitle: proven.emailTitle };
        writeProperties({ [PROP_RESPONSE_TIE]: responseTieText(tie) });
      }
      rememberEnrollmentIndex(data);
      return { book: opened, courses: changed, processed: count };
    });
    afterRun(data, book, courses, form);
    return { processed };
  });
}
