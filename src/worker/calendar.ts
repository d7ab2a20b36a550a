/**
 * The `calendar` job: Sincronizza calendario run from Node through googleapis, with the add-on's own
 * core (which sessions, what each event says, the id an insert uses, how each answer is read), so the
 * add-on and the worker write the same events and the same `ID evento`/`Link Meet`, and either finishes
 * what the other started. Writes go through the Calendar batch endpoint, 50 calls a batch, retried with
 * backoff on 429/5xx; a Cloud Run task takes its share of the courses.
 */
import { batchAnswers, encodeBatchRequest, type CallAnswer } from '../core/http/batch';
import { isSessionCancelled } from '../core/calendar/event';
import { nextEventId } from '../core/calendar/event-id';
import { pickExisting, planSession, type PlannedSession as Planned } from '../core/calendar/plan';
import { groupBySession, isConferencePending, meetLinkOf, sessionsToSync, type ApiEvent } from '../core/calendar/sync';
import type { CalendarCourse, CalendarSession } from '../core/calendar/types';
import {
  CALENDAR_BATCH_SIZE,
  writeRounds,
  type CalendarWrite,
  type WriteCall,
  type WriteOutcome,
} from '../core/calendar/writes';
import { TAB } from '../core/registry/tabs';
import type { Session } from '../core/registry/schemas';
import { backoffMs, sleep, type Connection } from './google';
import { appendLog, readTables, settingsFrom, updateRows } from './registry';
import { ATTEMPTS, withRetries, type Wait } from './retry';
import { shardOf, type Shard } from './shard';

export interface CalendarJobOptions {
  spreadsheetId: string;
  shard: Shard;
  now?: Date;
  /** Who the Registro names (the account the worker acts as). */
  actor: string;
  /** How to wait between retries (tests pass a recorder; real waits otherwise). */
  wait?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface CalendarJobResult {
  inserted: number;
  patched: number;
  cancelled: number;
  unchanged: number;
  failed: Array<{ sessionId: string; error: string }>;
}

async function listAll(conn: Connection, calendarId: string, wait: Wait): Promise<ApiEvent[]> {
  const events: ApiEvent[] = [];
  let pageToken: string | undefined;
  do {
    const page = await withRetries(wait, () =>
      conn.calendar.events.list({ calendarId, showDeleted: true, maxResults: 2500, pageToken }),
    );
    for (const item of page.data.items ?? []) events.push(item as ApiEvent);
    pageToken = page.data.nextPageToken ?? undefined;
  } while (pageToken);
  return events;
}

/** One batch request to the Calendar batch endpoint per 50 calls, in turn; one answer per call, in order. */
async function sendBatches(conn: Connection, calls: readonly WriteCall[]): Promise<CallAnswer[]> {
  const answers: CallAnswer[] = [];
  for (let i = 0; i < calls.length; i += CALENDAR_BATCH_SIZE) {
    const parts = calls.slice(i, i + CALENDAR_BATCH_SIZE).map((call, n) => ({ id: String(n + 1), ...call }));
    const boundary = `a4pa_worker_${parts.length}_${Date.now()}`;
    const response = await conn.fetch(`${conn.rootUrl}batch/calendar/v3`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await conn.token()}`,
        'content-type': `multipart/mixed; boundary=${boundary}`,
      },
      body: encodeBatchRequest(boundary, parts),
    });
    const text = await response.text();
    answers.push(
      ...batchAnswers(
        response.status,
        response.headers.get('content-type') ?? '',
        text,
        parts.map((p) => p.id),
      ),
    );
  }
  return answers;
}

async function writeAll(
  conn: Connection,
  calendarId: string,
  writes: readonly CalendarWrite[],
  wait: Wait,
): Promise<Map<string, WriteOutcome>> {
  const run = writeRounds(calendarId, writes, ATTEMPTS);
  let step = run.next();
  while (!step.done) {
    if (step.value.kind === 'wait') {
      await wait(backoffMs(step.value.retry));
      step = run.next([]);
    } else step = run.next(await sendBatches(conn, step.value.calls));
  }
  return step.value;
}

export async function runCalendarJob(conn: Connection, options: CalendarJobOptions): Promise<CalendarJobResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const wait = options.wait ?? sleep;
  const tables = await readTables(
    conn.sheets,
    options.spreadsheetId,
    [TAB.impostazioni, TAB.corsi, TAB.sessioni, TAB.iscrizioni],
    wait,
  );
  const settings = settingsFrom(tables.Impostazioni, now);
  const calendarId = settings.calendarId.trim();
  if (!calendarId) throw new Error("«ID calendario» manca in Impostazioni: esegui Configura nel foglio dell'Academy.");
  const formUrl = settings.enrollmentFormId
    ? ((await withRetries(wait, () => conn.forms.forms.get({ formId: settings.enrollmentFormId }))).data.responderUri ??
      '')
    : '';
  const courses = tables.Corsi.rows.map((r) => r.record as CalendarCourse);
  const mine = courses.filter((c) => shardOf(c.code, options.shard)).map((c) => c.code);
  const allSessions = tables.Sessioni.rows.map((r) => r.record as CalendarSession);
  const toSync = sessionsToSync(allSessions, courses, mine);
  const byCode = new Map(courses.map((c) => [c.code, c]));
  const rowOf = new Map(tables.Sessioni.rows.map((r) => [r.record.id, r.row]));
  const sessionsByCourse = new Map<string, CalendarSession[]>();
  for (const s of allSessions) sessionsByCourse.set(s.course, [...(sessionsByCourse.get(s.course) ?? []), s]);
  const bySession = groupBySession(await listAll(conn, calendarId, wait));
  const enrollments = tables.Iscrizioni.rows.map((r) => r.record);

  const result: CalendarJobResult = { inserted: 0, patched: 0, cancelled: 0, unchanged: 0, failed: [] };
  const planned: Planned[] = [];
  const writeBack: Array<{ row: number; patch: Partial<Session> }> = [];
  for (const session of toSync) {
    const course = byCode.get(session.course) as CalendarCourse;
    const candidates = bySession.get(session.id) ?? [];
    const { keep, duplicates, lastAttempt } = pickExisting(candidates, session.eventId);
    const plan = planSession({
      session,
      course,
      courseSessions: sessionsByCourse.get(session.course) ?? [],
      enrollments,
      existing: keep,
      lastAttempt,
      cancellation: { formUrl, staffEmail: settings.staffNotificationEmail.trim() },
      nowMs: now.getTime(),
    });
    if (plan.kind === 'invalid') {
      result.failed.push({ sessionId: session.id, error: plan.message });
      continue;
    }
    const liveDuplicates = isSessionCancelled(session, course) ? [] : duplicates;
    if (plan.kind === 'none' && liveDuplicates.length === 0) {
      result.unchanged += 1;
      if (plan.eventId !== session.eventId || plan.meetLink !== session.meetLink)
        writeBack.push({ row: rowOf.get(session.id) ?? 0, patch: { eventId: plan.eventId, meetLink: plan.meetLink } });
      continue;
    }
    planned.push({
      session,
      row: rowOf.get(session.id) ?? 0,
      plan,
      insertId: nextEventId(session.id, candidates),
      duplicates: liveDuplicates,
    });
  }

  const writes: CalendarWrite[] = planned.flatMap((p) => {
    const id = p.session.id;
    const out: CalendarWrite[] = [];
    if (p.plan.kind === 'insert') out.push({ key: id, kind: 'insert', eventId: p.insertId, resource: p.plan.resource });
    if (p.plan.kind === 'patch')
      out.push({ key: id, kind: 'patch', eventId: p.plan.eventId, resource: p.plan.resource });
    if (p.plan.kind === 'cancel') out.push({ key: id, kind: 'cancel', eventId: p.plan.eventId });
    p.duplicates.forEach((d, n) => out.push({ key: `${id}#${n}`, kind: 'cancel', eventId: d.id }));
    return out;
  });
  log(`calendario: ${toSync.length} sessioni, ${writes.length} scritture`);
  const outcomes = await writeAll(conn, calendarId, writes, wait);

  for (const p of planned) {
    const main = outcomes.get(p.session.id);
    const failedDuplicate = p.duplicates.some((_, n) => !outcomes.get(`${p.session.id}#${n}`)?.ok);
    if (main && !main.ok) {
      result.failed.push({ sessionId: p.session.id, error: main.error });
      continue;
    }
    if (failedDuplicate) result.failed.push({ sessionId: p.session.id, error: 'duplicati non annullati' });
    if (p.plan.kind === 'cancel') {
      result.cancelled += 1;
      if (p.session.eventId !== p.plan.eventId || p.session.meetLink !== '')
        writeBack.push({ row: p.row, patch: { eventId: p.plan.eventId, meetLink: '' } });
      continue;
    }
    if (p.plan.kind === 'none') continue;
    const event = main?.ok ? main.event : null;
    if (!event) continue;
    if (p.plan.kind === 'insert') result.inserted += 1;
    else result.patched += 1;
    const meetLink = isConferencePending(event) ? '' : meetLinkOf(event);
    if (event.id !== p.session.eventId || meetLink !== p.session.meetLink)
      writeBack.push({ row: p.row, patch: { eventId: event.id ?? '', meetLink } });
  }
  await withRetries(wait, () =>
    updateRows(
      conn.sheets,
      options.spreadsheetId,
      tables.Sessioni,
      writeBack.filter((w) => w.row > 0),
    ),
  );
  if (result.inserted + result.patched + result.cancelled > 0 || result.failed.length > 0) {
    await withRetries(wait, () =>
      appendLog(conn.sheets, options.spreadsheetId, {
        who: options.actor,
        action: 'Calendario sincronizzato',
        details: `worker ${options.shard.index + 1}/${options.shard.count}: ${result.inserted} creati, ${result.patched} aggiornati, ${result.cancelled} annullati${result.failed.length ? `, ${result.failed.length} non riusciti` : ''}`,
        at: now,
      }),
    );
  }
  return result;
}
