/**
 * The mail outbox: every workflow queues its mails here and the entry point flushes them at its end.
 *
 * - Queueing never throws into a workflow: a mail is bounded (names, reasons, bodies), stored in Script
 *   Properties while few wait, in the hidden tab `Posta in uscita` beyond that, and a mail that can
 *   never go as it is (no recipient, too many) is parked there as `Sospesa` with a `Registro` line.
 *   Only a failure of both stores loses a mail, and that is written to `Registro` too.
 * - A mail goes at most once per dedupe key: the keys of sent mails are kept (hashed, a recent window
 *   longer than any one execution's sends) in one Script Property and saved after every send; older
 *   duplicates are prevented by the workflows' own row state (a processed response, `Inviato il`).
 * - Oldest first: the mails in Properties were queued before any in the tab (new mails go to the tab
 *   as long as anything waits there), so the flush sends Properties first, then the tab in row order.
 * - A mail that cannot go now (daily quota, a failure) stays queued and goes on a later flush (the
 *   next execution, the hourly reconciliation, the outbox's own continuation trigger).
 * - Attachments are Drive file ids, resolved when the mail is sent, so a queued mail stays small and
 *   survives between executions (a Blob cannot be stored).
 * - Only one execution at a time touches the stores: the outbox works under the script lock, taken by
 *   the workflow (`withScriptLock`) or, for a workflow that runs without it (certificates, summaries, a
 *   comune's link), by the outbox itself for each queueing and each short piece of a flush. Two flushes
 *   at once would both read a mail as waiting and both send it.
 */
import { adjacentRuns } from '../../core/registry/codec';
import {
  boundedMail,
  decodeOutboxRow,
  encodeOutboxRow,
  afterFailure,
  freshStart,
  recipientList,
  unsendableReason,
  type MailMessage,
  type OutboxCell,
  type OutboxRow,
  type OutboxStatus,
  type StoredMail,
} from '../../core/mail/outbox';
import { keyDigest, utf8Length } from '../../core/mail/storage';
import { cutText } from '../../core/text';
import { isTransient, withRetry } from '../platform/retry';
import { logEvent } from '../registry/log';
import {
  clearOutboxRows,
  ensureOutboxSheet,
  findOutboxSheet,
  readOutboxGrid,
  readPropertyState,
  writeOutboxRows,
  writePropertyState,
  writeSentAndBacklog,
  type PropertyState,
} from './store';

export type { MailMessage, QueuedAttachment } from '../../core/mail/outbox';

/** Sent keys remembered (14-character digests: about 6 KB, one property); more than one flush sends. */
const SENT_WINDOW = 400;
/** Mails kept in Properties at most: the rest of the 500 KB store belongs to other workflows. */
const PROPERTIES_BUDGET_BYTES = 60_000;
/** A mail refused this many times (not for quota, not transiently) is parked and reported in `Registro`. */
const MAX_ATTEMPTS = 5;
/** Mails one flush sends at most by default: a workflow's own flush stays short under the script lock. */
const DEFAULT_PER_FLUSH = 60;
/** Never more than the sent window in one execution, so a stopped execution can tell what it sent. */
export const MAX_PER_EXECUTION = 300;

interface TabState {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  rows: OutboxRow[];
  /** The last row with content (1 = header only). */
  lastRow: number;
}

/** Loaded once per execution and again whenever the script lock is taken (another run may have changed it). */
let state: PropertyState | null = null;
let tab: TabState | null = null;
/** Sends counted across this execution's flushes (see `MAX_PER_EXECUTION`). */
let sentThisExecution = 0;
/** Whether this execution holds the script lock (told by `withScriptLock`, or taken here). */
let lockHeld = false;

/** How long the outbox waits for the script lock when its caller does not hold it (as the workflows do). */
const LOCK_WAIT_MS = 30_000;
/** Mails sent under one hold of the lock the outbox took itself: submissions wait seconds, not minutes. */
export const MAILS_PER_LOCK = 25;

/**
 * The script lock was taken: forget what this execution read (another run may have changed it since),
 * so the next use reads the stores again.
 */
export function outboxLockTaken(): void {
  lockHeld = true;
  state = null;
  tab = null;
}

/** The script lock was let go: from now on the outbox takes it itself before touching its stores. */
export function outboxLockReleased(): void {
  lockHeld = false;
}

/**
 * Runs `fn` under the script lock: at once when this execution holds it, else after taking it (and
 * reading the stores afresh). `busy` answers when the lock stayed taken by another run.
 */
function underLock<T>(fn: () => T, busy: () => T): T {
  if (lockHeld) return fn();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return busy();
  outboxLockTaken();
  try {
    return fn();
  } finally {
    outboxLockReleased();
    lock.releaseLock();
  }
}

function load(): PropertyState {
  state ??= readPropertyState();
  return state;
}

function waitingInTab(st: PropertyState): boolean {
  return st.backlog.waiting > 0;
}

/**
 * The tab's rows, read once. A mail still `In attesa` whose key was sent (an execution stopped between
 * its send and the tab's write) is taken as sent, and the counts are taken from the rows themselves.
 */
function loadTab(create: boolean): TabState | null {
  if (tab) return tab;
  const found = findOutboxSheet();
  const sheet = found ?? (create ? ensureOutboxSheet().sheet : null);
  if (!sheet) return null;
  const grid = found ? readOutboxGrid(sheet) : [];
  const rows: OutboxRow[] = [];
  grid.forEach((cells, i) => {
    const r = decodeOutboxRow(cells, i + 2);
    if (r) rows.push(r);
  });
  tab = { sheet, rows, lastRow: grid.length + 1 };
  const st = load();
  const sent = new Set(st.sent);
  const recovered = rows.filter((r) => r.status === 'In attesa' && sent.has(keyDigest(r.mail.dedupeKey)));
  for (const r of recovered) r.status = 'Inviata';
  if (recovered.length > 0) rewriteRows(recovered);
  st.backlog = countBacklog(rows);
  return tab;
}

function countBacklog(rows: readonly OutboxRow[]): PropertyState['backlog'] {
  return {
    waiting: rows.filter((r) => r.status === 'In attesa').length,
    parked: rows.filter((r) => r.status === 'Sospesa').length,
  };
}

function rowCells(r: OutboxRow, sentAt: Date | ''): OutboxCell[] {
  return encodeOutboxRow(r.mail, r.status, r.queuedAt instanceof Date ? r.queuedAt : new Date(), sentAt);
}

/** Rewrites changed rows, one block per run of adjacent rows. */
function rewriteRows(changed: readonly OutboxRow[], sentAt: Date | '' = ''): void {
  const t = tab;
  if (!t || changed.length === 0) return;
  const sorted = [...changed].sort((a, b) => a.row - b.row);
  for (const run of adjacentRuns(sorted, (r) => r.row)) {
    writeOutboxRows(
      t.sheet,
      (run[0] as OutboxRow).row,
      run.map((r) => rowCells(r, r.status === 'Inviata' ? sentAt || new Date() : '')),
    );
  }
}

/** Appends mails to the tab in one block. */
function appendToTab(entries: ReadonlyArray<{ mail: StoredMail; status: OutboxStatus }>): void {
  const t = loadTab(true) as TabState;
  const now = new Date();
  const added = entries.map(({ mail, status }, i): OutboxRow => ({
    row: t.lastRow + 1 + i,
    status,
    queuedAt: now,
    mail,
  }));
  writeOutboxRows(
    t.sheet,
    t.lastRow + 1,
    added.map((r) => rowCells(r, '')),
  );
  t.rows.push(...added);
  t.lastRow += added.length;
  load().backlog = countBacklog(t.rows);
}

/**
 * This execution's mails bound for the tab, written in one block by the next flush (every workflow
 * flushes at its end): a thousand mails queued in one run cost one write, not a thousand.
 */
const spill: Array<{ mail: StoredMail; status: OutboxStatus }> = [];

function spilled(status: OutboxStatus): number {
  return spill.filter((s) => s.status === status).length;
}

/** Writes the spilled mails to the tab; if even that fails, each is written to `Registro` as lost. */
function persistSpill(): void {
  if (spill.length === 0) return;
  const entries = spill.splice(0);
  try {
    appendToTab(entries);
    writePropertyState(load());
  } catch (error) {
    for (const { mail } of entries)
      logEvent('Email non accodata', `${mail.dedupeKey} a ${mail.to}: ${errorText(error)}`.slice(0, 2_000));
  }
}

function isKnown(st: PropertyState, key: string): boolean {
  const digest = keyDigest(key);
  if (st.sent.includes(digest) || st.queue.some((m) => m.dedupeKey === key)) return true;
  if (spill.some((s) => s.mail.dedupeKey === key)) return true;
  if (st.backlog.waiting + st.backlog.parked === 0) return false;
  return (loadTab(false)?.rows ?? []).some((r) => r.mail.dedupeKey === key);
}

function park(mail: StoredMail, reason: string): void {
  mail.lastError = reason;
  spill.push({ mail, status: 'Sospesa' });
  logEvent('Email sospesa', `${mail.dedupeKey} a ${mail.to}: ${reason}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What became of a mail given to the outbox: `queued` (it will go), `parked` (stored as `Sospesa`: it
 * cannot go as it is), `duplicate` (a mail with its dedupe key was already sent or queued), `failed`
 * (neither store took it; `Registro` says so).
 */
export type QueueOutcome = 'queued' | 'parked' | 'duplicate' | 'failed';

/** Queues a mail, persisted at once so it survives the execution stopping before the flush. Never throws. */
export function queueMail(message: MailMessage): QueueOutcome {
  if (lockHeld) return queueHeld(message);
  return underLock(
    () => {
      const outcome = queueHeld(message);
      // Spilled mails are written before the lock goes: no other run may see the tab without them.
      persistSpill();
      return outcome;
    },
    () => {
      logEvent('Email non accodata', `${cutText(message.dedupeKey, 200)}: ${BUSY}`);
      return 'failed';
    },
  );
}

const BUSY = 'la posta in uscita è occupata da un’altra esecuzione; nuovo tentativo alla prossima occasione';

function queueHeld(message: MailMessage): QueueOutcome {
  let mail: StoredMail | null = null;
  try {
    const st = load();
    mail = boundedMail(message);
    if (isKnown(st, mail.dedupeKey)) return 'duplicate';
    const unsendable = unsendableReason(mail);
    if (unsendable) {
      park(mail, unsendable);
      return 'parked';
    }
    // Properties while nothing waits in the tab (else this mail would jump the line); when they are
    // full, what they hold is sent first to make room, and only what the quota holds back spills over.
    if (!waitingInTab(st) && spilled('In attesa') === 0) {
      if (!fits(st, mail)) makeRoom(st);
      if (fits(st, mail)) {
        st.queue.push(mail);
        try {
          writePropertyState(st);
          return 'queued';
        } catch {
          // Properties refused: the tab takes the mail instead.
          st.queue.pop();
        }
      }
    }
    spill.push({ mail, status: 'In attesa' });
    return 'queued';
  } catch (error) {
    logEvent(
      'Email non accodata',
      `${mail?.dedupeKey ?? message.dedupeKey} a ${mail?.to ?? ''}: ${errorText(error)}`.slice(0, 2_000),
    );
    return 'failed';
  }
}

function fits(st: PropertyState, mail: StoredMail): boolean {
  return utf8Length(JSON.stringify(st.queue)) + utf8Length(JSON.stringify(mail)) <= PROPERTIES_BUDGET_BYTES;
}

/** Sends what Properties hold, as far as the quota allows. */
function makeRoom(st: PropertyState): void {
  flushProperties(st, {
    result: { sent: 0, pending: 0, parked: [], stoppedBy: null },
    max: Math.min(DEFAULT_PER_FLUSH, MAX_PER_EXECUTION - sentThisExecution),
    remaining: withRetry('MailApp.getRemainingDailyQuota', () => MailApp.getRemainingDailyQuota()),
  });
}

function isQuotaError(message: string): boolean {
  return /too many times for one day|limit exceeded: email/i.test(message);
}

function send(m: StoredMail): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = { to: m.to, subject: m.subject, body: m.body };
  if (m.htmlBody) options.htmlBody = m.htmlBody;
  if (m.name) options.name = m.name;
  if (m.replyTo) options.replyTo = m.replyTo;
  if (m.attachments && m.attachments.length > 0) {
    options.attachments = m.attachments.map((a) =>
      withRetry('DriveApp.getBlob', () => DriveApp.getFileById(a.fileId).getBlob()),
    );
  }
  // Not retried here: a send that failed after Google accepted it would go twice. The queue is the
  // retry: the mail stays in line for the next flush, under the same dedupe key.
  MailApp.sendEmail(options);
}

export interface FlushResult {
  sent: number;
  /** Mails still waiting (Properties and tab). */
  pending: number;
  /** Mails given up for now after repeated failures: parked in the tab as `Sospesa`, logged in `Registro`. */
  parked: Array<{ key: string; error: string }>;
  /** Why the flush stopped with mails still waiting: the daily quota, or its own limit. */
  stoppedBy: 'quota' | 'limit' | null;
}

type Attempt = { kind: 'sent' } | { kind: 'quota' } | { kind: 'failed'; message: string; counts: boolean };

function attempt(m: StoredMail): Attempt {
  try {
    send(m);
    return { kind: 'sent' };
  } catch (error) {
    const message = errorText(error);
    if (isQuotaError(message)) return { kind: 'quota' };
    // Google being briefly unavailable says nothing about the mail: only other failures (a refused
    // address, a missing attachment) count toward giving it up.
    return { kind: 'failed', message, counts: !isTransient(error) };
  }
}

function remember(st: PropertyState, key: string): void {
  st.sent.push(keyDigest(key));
  if (st.sent.length > SENT_WINDOW) st.sent = st.sent.slice(st.sent.length - SENT_WINDOW);
}

/**
 * Sends queued mails oldest first, within the daily quota and at most `limit` of them. The quota is
 * asked only when more than one mail waits: a single mail is simply sent, and the quota error keeps it
 * queued just the same. What was sent is saved after every send, so an execution stopped mid-flush
 * never sends a mail twice. Never throws: a failure of the stores is written to `Registro`.
 *
 * Called without the script lock, it takes the lock for `MAILS_PER_LOCK` mails at a time; when another
 * run keeps the lock, what waits stays queued for a later flush.
 */
export function flushMail(limit: number = DEFAULT_PER_FLUSH): FlushResult {
  if (lockHeld) return flushHeld(limit);
  const total: FlushResult = { sent: 0, pending: pendingMailCount(), parked: [], stoppedBy: null };
  while (total.sent < limit) {
    const piece = underLock(
      () => flushHeld(Math.min(MAILS_PER_LOCK, limit - total.sent)),
      () => null,
    );
    if (!piece) break;
    total.sent += piece.sent;
    total.parked.push(...piece.parked);
    total.pending = piece.pending;
    total.stoppedBy = piece.stoppedBy;
    if (piece.stoppedBy !== 'limit' || piece.sent === 0) break;
  }
  return total;
}

function flushHeld(limit: number): FlushResult {
  const result: FlushResult = { sent: 0, pending: 0, parked: [], stoppedBy: null };
  try {
    persistSpill();
    const st = load();
    const waiting = st.queue.length + st.backlog.waiting;
    if (waiting === 0) return result;
    const remaining =
      waiting > 1
        ? withRetry('MailApp.getRemainingDailyQuota', () => MailApp.getRemainingDailyQuota())
        : Number.POSITIVE_INFINITY;
    const flush: Flush = { result, max: Math.min(limit, MAX_PER_EXECUTION - sentThisExecution), remaining };
    flushProperties(st, flush);
    if (result.stoppedBy === null && waitingInTab(st)) flushTab(st, flush);
    persistSpill();
    result.pending = st.queue.length + st.backlog.waiting;
    if (result.pending === 0) result.stoppedBy = null;
  } catch (error) {
    logEvent('Errore invio email', errorText(error).slice(0, 2_000));
    result.pending = pendingMailCount();
  }
  return result;
}

/** One flush's budget: what it has done so far, how many mails it may send, the daily quota left. */
interface Flush {
  result: FlushResult;
  max: number;
  remaining: number;
}

/**
 * Tries one mail within the flush's budget: `stopped` (the limit or the quota is reached; the mail
 * stays as it is), `sent`, `retry` (it failed and goes again next flush) or `parked` (it failed too
 * often). The queue in Properties and the `Posta in uscita` tab each record the answer their own way.
 */
function sendWithin(flush: Flush, m: StoredMail): 'stopped' | 'later' | 'sent' | 'retry' | 'parked' {
  const { result } = flush;
  if (m.retryAt !== undefined && m.retryAt > Date.now()) return 'later';
  if (result.sent >= flush.max) {
    result.stoppedBy = 'limit';
    return 'stopped';
  }
  const need = recipientList(m.to).length;
  if (need > flush.remaining) {
    result.stoppedBy = 'quota';
    return 'stopped';
  }
  const outcome = attempt(m);
  if (outcome.kind === 'quota') {
    result.stoppedBy = 'quota';
    return 'stopped';
  }
  if (outcome.kind === 'failed') {
    afterFailure(m, outcome.message, outcome.counts, Date.now());
    if (m.attempts < MAX_ATTEMPTS) return 'retry';
    result.parked.push({ key: m.dedupeKey, error: outcome.message });
    return 'parked';
  }
  result.sent += 1;
  sentThisExecution += 1;
  flush.remaining -= need;
  return 'sent';
}

function flushProperties(st: PropertyState, flush: Flush): void {
  const failedNow = new Set<StoredMail>();
  while (st.queue.length > 0) {
    const m = st.queue[0] as StoredMail;
    // Every mail left has failed once in this flush: they wait for the next one.
    if (failedNow.has(m) && flush.result.sent < flush.max) return;
    const step = sendWithin(flush, m);
    if (step === 'stopped') return;
    st.queue.shift();
    if (step === 'parked') park(m, m.lastError ?? '');
    else if (step === 'retry' || step === 'later') {
      // A failing mail goes to the back so it never blocks the others; it is tried again once its wait is over.
      failedNow.add(m);
      st.queue.push(m);
    } else remember(st, m.dedupeKey);
    if (step !== 'later') writePropertyState(st);
  }
}

function flushTab(st: PropertyState, flush: Flush): void {
  const t = loadTab(false);
  if (!t) {
    st.backlog = { waiting: 0, parked: 0 };
    writePropertyState(st);
    return;
  }
  const changed: OutboxRow[] = [];
  try {
    for (const r of t.rows) {
      if (r.status !== 'In attesa') continue;
      const step = sendWithin(flush, r.mail);
      if (step === 'stopped') break;
      if (step === 'later') continue;
      changed.push(r);
      if (step === 'parked') {
        r.status = 'Sospesa';
        logEvent('Email sospesa', `${r.mail.dedupeKey} a ${r.mail.to}: ${r.mail.lastError}`);
      } else if (step === 'sent') {
        r.status = 'Inviata';
        remember(st, r.mail.dedupeKey);
        st.backlog = countBacklog(t.rows);
        writeSentAndBacklog(st.sent, st.backlog);
      }
    }
  } finally {
    settleTab(st, t, changed);
  }
}

/**
 * Writes what the flush changed in the tab; once nothing waits, the sent rows are cleared and only the
 * parked ones stay (compacted under the header), so the tab holds mail only while it is needed.
 */
function settleTab(st: PropertyState, t: TabState, changed: readonly OutboxRow[]): void {
  st.backlog = countBacklog(t.rows);
  if (st.backlog.waiting === 0) {
    const kept = t.rows.filter((r) => r.status === 'Sospesa');
    kept.forEach((r, i) => (r.row = i + 2));
    writeOutboxRows(
      t.sheet,
      2,
      kept.map((r) => rowCells(r, '')),
    );
    clearOutboxRows(t.sheet, kept.length + 2, t.lastRow);
    t.rows = kept;
    t.lastRow = kept.length + 1;
  } else {
    rewriteRows(changed);
  }
  writePropertyState(st);
}

export interface RequeueResult {
  /** Parked mails put back in line, with their attempts counted afresh. */
  requeued: number;
  /** Parked mails that cannot go as they are (no recipient, too many): they stay parked. */
  stillParked: number;
}

/**
 * Puts the parked mails back in line for the next flush, each at its place (they stay older than what
 * was queued after them): staff ask for it once a refusal has healed (a mailbox full, an address fixed
 * at Google's end). A mail that cannot go as it is stays parked, or it would only fail again. Null when
 * another run holds the script lock.
 */
export function requeueParkedMail(): RequeueResult | null {
  return underLock(
    (): RequeueResult => {
      persistSpill();
      const st = load();
      const t = st.backlog.parked > 0 ? loadTab(false) : null;
      if (!t) return { requeued: 0, stillParked: 0 };
      const back: OutboxRow[] = [];
      let stillParked = 0;
      for (const r of t.rows) {
        if (r.status !== 'Sospesa') continue;
        if (unsendableReason(r.mail)) {
          stillParked += 1;
          continue;
        }
        r.status = 'In attesa';
        freshStart(r.mail);
        back.push(r);
      }
      if (back.length > 0) {
        settleTab(st, t, back);
        logEvent('Email rimesse in coda', `${back.length} email sospese di nuovo in attesa`);
      }
      return { requeued: back.length, stillParked };
    },
    () => null,
  );
}

/** Whether the mail with this dedupe key was sent (within the remembered window of recent keys). */
export function wasMailSent(dedupeKey: string): boolean {
  return load().sent.includes(keyDigest(dedupeKey));
}

/** Mails waiting to be sent, for the dashboard (no tab read: the counts are kept in Properties). */
export function pendingMailCount(): number {
  const st = load();
  return st.queue.length + st.backlog.waiting + spilled('In attesa');
}

/** Mails parked in `Posta in uscita` for staff to look at, for the dashboard. */
export function parkedMailCount(): number {
  return load().backlog.parked + spilled('Sospesa');
}
