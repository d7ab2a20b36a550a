/**
 * One local academy: the emulated Workspace, the runtime that executes dist/Code.js in it, and the
 * spreadsheet the script is bound to. Every way of driving the add-on locally (scenario runner,
 * playground, demo, bench) goes through this object, so they all see Google's behaviour the same way:
 * a staff edit fires the edit triggers, a form submission fires the form-submit trigger, a visit runs
 * `doGet` as the web app would.
 */
import { resolveRomeWallClock } from '../../core/calendar/time';
import { decodeTable } from '../../core/registry/codec';
import { TAB } from '../../core/registry/tabs';
import { recordConference } from '../rest/meet';
import { type GivenAnswer, hostSubmit } from '../services/forms';
import { formatDate } from '../services/script/format-date';
import { uploadFile } from '../services/files/upload';
import { setMailQuota } from '../services/mail';
import {
  boundSpreadsheetId,
  createSpreadsheet,
  editEvent,
  hostAppendRecords,
  hostEditCells,
  hostReadTab,
} from '../services/spreadsheet';
import type { ContractService, LatencyModel } from './latency';
import { loadWorkspace, saveWorkspace } from './persistence';
import { DEFAULT_BUNDLE, Runtime, type RunResult } from './runtime';
import { triggerState } from './triggers';
import { Workspace } from './workspace';
import type { Variant } from './variant';

export const ACADEMY_SPREADSHEET_NAME = 'Academy4PA — Consorzio';

export interface FreshOptions {
  /** When the emulated clock starts: an ISO-8601 string with offset, epoch ms or a Date. */
  start: string | number | Date;
  seed?: number;
  owner?: string;
  bundle?: string;
  /** What each call costs on the emulated clock (the documented model unless a test needs another). */
  latency?: LatencyModel;
  /** Which answer unverified Google behaviours get (`A4PA_VARIANT` from the environment unless given). */
  variant?: Variant;
}

export interface FormSubmission {
  email: string;
  answers: Record<string, GivenAnswer>;
  /** The respondent had the form open before its choices changed. */
  stale?: boolean;
}

export interface SubmitOutcome {
  responseId: string;
  runs: RunResult[];
}

export interface EditOutcome {
  cells: number;
  runs: RunResult[];
}

/** A URL's query as Apps Script gives it to `doGet`: first values, all values, the raw string. */
export interface WebAppEvent {
  parameter: Record<string, string>;
  parameters: Record<string, string[]>;
  queryString: string;
  pathInfo: string;
  contextPath: string;
  contentLength: number;
}

export class LocalAcademy {
  private names: Set<string> | null = null;

  private constructor(
    readonly ws: Workspace,
    readonly runtime: Runtime,
    readonly spreadsheetId: string,
  ) {}

  /** A new, empty academy: the bound spreadsheet exists, nothing has run yet (not even setup). */
  static fresh(options: FreshOptions): LocalAcademy {
    const startMs = toEpochMs(options.start);
    const ws = Workspace.create({
      startMs,
      seed: options.seed,
      owner: options.owner,
      latency: options.latency,
      variant: options.variant,
    });
    const ssId = createSpreadsheet(ws, ACADEMY_SPREADSHEET_NAME, { bind: true });
    return new LocalAcademy(ws, Runtime.fromBundle(ws, options.bundle ?? DEFAULT_BUNDLE), ssId);
  }

  /** The academy saved in `file`, or null when there is none. */
  static open(file: string, bundle = DEFAULT_BUNDLE): LocalAcademy | null {
    const ws = loadWorkspace(file);
    if (!ws) return null;
    const ssId = boundSpreadsheetId(ws);
    if (!ssId) throw new Error(`${file} holds no spreadsheet bound to the script`);
    return new LocalAcademy(ws, Runtime.fromBundle(ws, bundle), ssId);
  }

  save(file: string): void {
    saveWorkspace(this.ws, file);
  }

  now(): number {
    return this.ws.now();
  }

  /** Top-level functions of the bundle (what Apps Script would list). */
  hasFunction(name: string): boolean {
    this.names ??= new Set(this.runtime.functionNames());
    return this.names.has(name);
  }

  /** A server function called as the sidebar or a menu calls it (`google.script.run`), by staff by default. */
  call(fn: string, args: unknown[] = [], as?: string): RunResult {
    return this.runtime.run(fn, args, { as, kind: 'call', bridge: true });
  }

  /**
   * An employee sends the form; the form-submit triggers fire once, or twice when `duplicate`. With
   * `atMs` before now (a rush: an earlier execution still ran when Send was pressed), the response
   * carries that time and its executions began then, waiting for the script lock since.
   */
  submit(
    formId: string,
    submission: FormSubmission,
    options: { duplicate?: boolean; atMs?: number } = {},
  ): SubmitOutcome {
    const at = options.atMs;
    const responseId = hostSubmit(this.ws, formId, at === undefined ? submission : { ...submission, atMs: at });
    const runs = this.runtime.fireFormSubmit(formId, responseId, at);
    if (options.duplicate) runs.push(...this.runtime.fireFormSubmit(formId, responseId, at));
    return { responseId, runs };
  }

  /**
   * Staff edits the matching rows' cells. A person changes one cell at a time, so each changed cell
   * fires the edit triggers once, with its value and old value.
   */
  edit(tab: string, where: Record<string, unknown>, set: Record<string, unknown>): EditOutcome {
    const cells = hostEditCells(this.ws, this.spreadsheetId, tab, where, set);
    const runs: RunResult[] = [];
    for (const cell of cells) {
      runs.push(...this.fireEdit(tab, cell.row, cell.column, 1, 1, { value: cell.value, oldValue: cell.oldValue }));
    }
    return { cells: cells.length, runs };
  }

  /** Staff adds rows below the last one (typed or pasted as one block): one edit event for the block. */
  append(tab: string, rows: Array<Record<string, unknown>>): EditOutcome {
    if (rows.length === 0) return { cells: 0, runs: [] };
    const block = hostAppendRecords(this.ws, this.spreadsheetId, tab, rows);
    const runs = this.fireEdit(tab, block.row, 1, block.numRows, block.numColumns, {});
    return { cells: block.numRows * block.numColumns, runs };
  }

  /** The clock moves on by `minutes`; time-driven triggers that come due run, each occurrence in turn. */
  advance(minutes: number): RunResult[] {
    return this.runtime.advance(Math.round(minutes * 60_000));
  }

  /**
   * Someone opens a link of the add-on's web app: `doGet` runs anonymously (the web app executes as
   * the deploying user, `Session.getActiveUser()` is empty) and answers with the page's text.
   */
  visit(url: string): RunResult {
    const result = this.runtime.run('doGet', [webAppEvent(url)], { kind: 'webapp', as: '' });
    if (!result.ok) return result;
    return { ...result, value: pageText(result.value) };
  }

  /** The next `times` calls to `service` throw `message`. */
  fault(service: ContractService, times: number, message: string): void {
    this.ws.injectFault(service, times, message);
  }

  /** What `MailApp.getRemainingDailyQuota()` answers from now on (full again 24 emulated hours later). */
  quota(remaining: number): void {
    setMailQuota(this.ws, remaining);
  }

  /** Someone puts a file into Drive at `path` (folders made as needed); returns its id. */
  upload(path: string, content: string | Uint8Array): string {
    return uploadFile(this.ws, path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  /**
   * A session's Meet call took place: each entry is one join (`from`-`to`, HH:mm on the session's day,
   * Europe/Rome), entries with the same e-mail (or, without one, the same name) are the same person. The
   * conference record is written as Meet writes it, in the space of the session's `Link Meet`.
   */
  meet(sessionId: string, joins: ReadonlyArray<{ email?: string; name: string; from: string; to: string }>): string {
    const tab = this.readTab(TAB.sessioni);
    if (!tab) throw new Error('No «Sessioni» tab: run setupAcademy first.');
    const zone = 'Europe/Rome';
    const table = decodeTable(TAB.sessioni, [tab.header, ...tab.rows], (d, pattern) =>
      formatDate(d.getTime(), zone, pattern),
    );
    const session = table.rows.find((r) => r.record.id === sessionId)?.record;
    if (!session) throw new Error(`No session ${sessionId} in «Sessioni».`);
    if (!session.meetLink) throw new Error(`Session ${sessionId} has no «Link Meet»: run syncCalendar first.`);
    const people = new Map<
      string,
      { email?: string; displayName: string; sessions: Array<{ startTime: string; endTime: string }> }
    >();
    for (const j of joins) {
      const at = (time: string): string => new Date(resolveRomeWallClock(session.date, time).instantMs).toISOString();
      const key = j.email ? `e:${j.email.toLowerCase()}` : `n:${j.name}`;
      const person = people.get(key) ?? { ...(j.email ? { email: j.email } : {}), displayName: j.name, sessions: [] };
      person.sessions.push({ startTime: at(j.from), endTime: at(j.to) });
      people.set(key, person);
    }
    return recordConference(this.ws, session.meetLink, [...people.values()]);
  }

  /** A tab of the bound spreadsheet as `getValues` returns it, or null when there is no such tab. */
  readTab(tab: string): { header: string[]; rows: unknown[][] } | null {
    return hostReadTab(this.ws, this.spreadsheetId, tab);
  }

  private fireEdit(
    tab: string,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    extra: { value?: unknown; oldValue?: unknown },
  ): RunResult[] {
    const runs: RunResult[] = [];
    const installed = triggerState(this.ws).triggers.filter(
      (t) => t.type === 'ON_EDIT' && (t.sourceId === null || t.sourceId === this.spreadsheetId),
    );
    for (const trigger of installed) {
      runs.push(
        this.runtime.fire(
          trigger,
          editEvent(this.ws, this.spreadsheetId, tab, row, column, numRows, numColumns, extra),
        ),
      );
    }
    if (this.hasFunction('onEdit')) {
      const event = {
        ...editEvent(this.ws, this.spreadsheetId, tab, row, column, numRows, numColumns, extra),
        authMode: 'LIMITED',
      };
      runs.push(this.runtime.run('onEdit', [event], { kind: 'simple' }));
    }
    return runs;
  }
}

export function toEpochMs(start: string | number | Date): number {
  const ms = start instanceof Date ? start.getTime() : typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(ms)) throw new Error(`invalid start time: ${String(start)}`);
  return ms;
}

export function webAppEvent(url: string): WebAppEvent {
  const parsed = new URL(url, 'https://script.google.com/');
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [key, value] of parsed.searchParams) {
    parameter[key] ??= value;
    (parameters[key] ??= []).push(value);
  }
  const execPath = parsed.pathname.match(/\/exec\/(.*)$/);
  return {
    parameter,
    parameters,
    queryString: parsed.search.replace(/^\?/, ''),
    pathInfo: execPath?.[1] ?? '',
    contextPath: '',
    contentLength: -1,
  };
}

interface Output {
  getContent(): string;
  getMimeType?: () => unknown;
}

function isOutput(value: unknown): value is Output {
  return !!value && typeof value === 'object' && typeof (value as Output).getContent === 'function';
}

/** What a person reads on the page: a TextOutput as it is, an HtmlOutput as text without markup. */
export function pageText(value: unknown): string {
  if (!isOutput(value)) {
    throw new Error(
      `doGet must return an HtmlOutput or a TextOutput, it returned ${value === null ? 'null' : typeof value}`,
    );
  }
  const content = value.getContent();
  return typeof value.getMimeType === 'function' ? content : htmlToText(content);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  egrave: 'è',
  eacute: 'é',
  agrave: 'à',
  ograve: 'ò',
  ugrave: 'ù',
  igrave: 'ì',
};

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|section|article|header|footer|main|ul|ol)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
