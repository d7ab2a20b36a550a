/**
 * The playground's state and what people do in it: one local academy (saved after every action), the
 * spreadsheet opened as Google opens it (`onOpen` builds the menus), menu items and sidebar calls run as
 * the person who clicked, cells typed in (the edit trigger fires), the form sent, time moved on (due
 * time-driven triggers run on the way) and the academy started again from the demo. Pages only read.
 */
import { MINUTE_MS } from '../../core/time/units';
import type { LocalAcademy } from '../runtime/session';
import type { RunResult } from '../runtime/runtime';
import { zonedToUtc, wallClock } from '../../core/time/zone';
import { takeSnapshot } from '../scenario/snapshot';
import { enrollmentFormId } from '../scenario/submit';
import { answerNextAlerts, clearAnswers, uiState } from '../services/spreadsheet';
import type { UiData } from '../services/spreadsheet/model';
import { withBridge } from './bridge';
import { HttpError } from './http';
import { localizeValue } from './links';

export interface PlaygroundOptions {
  /** Where the workbook is saved after every action (nothing is saved without one). */
  file?: string;
  /** A new academy for "Ricomincia dalla demo" (placed around the current day); without it there is no reset. */
  create?: () => LocalAcademy | Promise<LocalAcademy>;
  /** The Sidebar.html to serve; by default the one the runtime loaded from dist/. */
  sidebarHtml?: () => string;
}

/** Tabs whose rows have a unique first column staff can point at. */
const KEY_HEADERS = ['ID', 'Codice', 'Numero', 'Codice ISTAT', 'Chiave'];
const MAX_ADVANCE_MINUTES = 366 * 24 * 60;

/** What a menu item showed besides its result: Google draws these over the spreadsheet. */
export interface UiShown {
  toasts: UiData['toasts'];
  alerts: UiData['alerts'];
  dialogs: UiData['dialogs'];
  sidebars: UiData['sidebars'];
}

/** The alerts after the last question already answered: the page showed the earlier ones before. */
function sinceLastAnswer(alerts: UiData['alerts']): UiData['alerts'] {
  let last = -1;
  alerts.forEach((a, i) => {
    if (a.buttons !== 'OK' && !a.unanswered) last = i;
  });
  return alerts.slice(last + 1);
}

export interface AdvanceOutcome {
  minutes: number;
  runs: number;
  failed: string[];
}

export class Playground {
  constructor(
    public academy: LocalAcademy,
    private readonly options: PlaygroundOptions = {},
  ) {}

  get canReset(): boolean {
    return this.options.create !== undefined;
  }

  save(): void {
    if (this.options.file) this.academy.save(this.options.file);
  }

  sidebarHtml(): string {
    const source = this.options.sidebarHtml?.() ?? this.academy.ws.htmlFiles['Sidebar'];
    if (source === undefined) throw new HttpError(404, 'Il pannello non è stato costruito: esegui npm run build.');
    return source;
  }

  /** Google runs the simple trigger `onOpen` each time someone opens the spreadsheet: it builds the menus. */
  openSpreadsheet(): void {
    if (!this.academy.hasFunction('onOpen')) return;
    this.academy.runtime.run('onOpen', [{ authMode: 'LIMITED', source: null }], { kind: 'simple' });
  }

  private shown(): UiShown {
    const ui = uiState(this.academy.ws, this.academy.spreadsheetId);
    return { toasts: ui.toasts, alerts: ui.alerts, dialogs: ui.dialogs, sidebars: ui.sidebars };
  }

  /**
   * A menu item clicked by `as`: the function runs as a menu runs it, and what it showed comes back. A
   * dialog's page gets the bridge, so its `google.script.run` calls run as `as`, as on Google.
   *
   * On Google a question (`Ui.alert` with Sì/No) holds the script until the user clicks. A local run
   * cannot wait, so the question is answered with its close button, comes back `unanswered`, and the
   * page asks it; the button clicked runs the item again with `answers` (every button clicked so far,
   * in order), which answer the questions as they come. The item's functions ask before they write, so
   * the run that ended at the question changed nothing.
   */
  runMenuItem(
    fn: string,
    as: string,
    answers: readonly string[] = [],
  ): { ok: boolean; error: string | null; shown: UiShown } {
    const { ws, spreadsheetId } = this.academy;
    const menus = uiState(ws, spreadsheetId).menus;
    const listed = JSON.stringify(menus).includes(`"functionName":${JSON.stringify(fn)}`);
    if (!listed || !this.academy.hasFunction(fn)) throw new HttpError(400, `La voce di menu ${fn} non esiste.`);
    const before = this.shown();
    answerNextAlerts(ws, spreadsheetId, ...answers);
    let result: RunResult;
    try {
      result = this.academy.runtime.run(fn, [], { as, kind: 'call' });
    } finally {
      clearAnswers(ws, spreadsheetId);
    }
    this.save();
    const after = this.shown();
    return {
      ok: result.ok,
      error: result.ok ? null : (result.error ?? 'Errore sconosciuto'),
      shown: localizeValue(ws, {
        toasts: after.toasts.slice(before.toasts.length),
        alerts: sinceLastAnswer(after.alerts.slice(before.alerts.length)),
        dialogs: after.dialogs
          .slice(before.dialogs.length)
          .map((d) => ({ ...d, html: withBridge(d.html, this.academy.runtime.functionNames(), as) })),
        sidebars: after.sidebars.slice(before.sidebars.length),
      }) as UiShown,
    };
  }

  /** A `google.script.run` call from the sidebar; Google URLs in the answer become the playground's. */
  runForSidebar(input: Record<string, unknown>): RunResult {
    const fn = String(input.fn ?? '');
    if (!this.academy.hasFunction(fn))
      return { ok: false, value: null, error: `Script function not found: ${fn}`, elapsedMs: 0 };
    const args = Array.isArray(input.args) ? input.args : [];
    const as = typeof input.as === 'string' && input.as.trim() !== '' ? input.as.trim() : undefined;
    const result = this.academy.call(fn, args, as);
    this.save();
    return result.ok ? { ...result, value: localizeValue(this.academy.ws, result.value) } : result;
  }

  /** Staff types a value into one cell: the row is pointed at by its key column, else by all its cells. */
  editCell(input: Record<string, unknown>): { ok: boolean; errors: string[] } {
    const tab = String(input.tab ?? '');
    const row = Number(input.row);
    const column = String(input.column ?? '');
    const data = this.academy.readTab(tab);
    if (!data) throw new HttpError(404, `Il foglio «${tab}» non esiste.`);
    const line = data.rows[row - 2];
    if (!line || !data.header.includes(column)) throw new HttpError(400, 'Cella inesistente.');
    const snapshot = takeSnapshot(this.academy).sheets[tab]?.rows[row - 2] ?? {};
    const key = KEY_HEADERS.find((h) => data.header.includes(h) && String(snapshot[h] ?? '') !== '');
    const where: Record<string, unknown> = key ? { [key]: snapshot[key] } : snapshot;
    const outcome = this.academy.edit(tab, where, { [column]: input.value });
    this.save();
    return { ok: outcome.runs.every((r) => r.ok), errors: outcome.runs.filter((r) => !r.ok).map((r) => r.error ?? '') };
  }

  formId(): string | null {
    try {
      return enrollmentFormId(this.academy);
    } catch {
      return null;
    }
  }

  /** Time passes by `minutes`; the time-driven triggers that come due run, each in turn. */
  advance(minutes: number): AdvanceOutcome {
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_ADVANCE_MINUTES)
      throw new HttpError(400, 'Intervallo non valido.');
    const runs = this.academy.advance(minutes);
    this.save();
    return { minutes, runs: runs.length, failed: runs.filter((r) => !r.ok).map((r) => r.error ?? '') };
  }

  /** When the next session of `Sessioni` that is not cancelled begins, or null when none is ahead. */
  nextSessionStart(): number | null {
    const tab = this.academy.readTab('Sessioni');
    if (!tab) return null;
    const col = (name: string): number => tab.header.indexOf(name);
    const [date, start, status] = [col('Data'), col('Inizio'), col('Stato')];
    const now = this.academy.now();
    let next: number | null = null;
    for (const row of tab.rows) {
      if (String(row[status] ?? '') === 'Annullata') continue;
      const at = sessionInstant(row[date], row[start]);
      if (at !== null && at > now + MINUTE_MS && (next === null || at < next)) next = at;
    }
    return next;
  }

  /** Time passes until the next session begins. */
  advanceToNextSession(): AdvanceOutcome {
    const next = this.nextSessionStart();
    if (next === null) throw new HttpError(409, 'Nessuna sessione in programma più avanti.');
    return this.advance(Math.ceil((next - this.academy.now()) / MINUTE_MS));
  }

  /**
   * "Ricomincia dalla demo": a new academy is prepared (the server shows its progress meanwhile) and
   * replaces this one once ready; a failure is shown on the preparation page.
   */
  reset(): void {
    const create = this.options.create;
    if (!create) throw new HttpError(404, 'Questo playground non si può ricominciare.');
    Promise.resolve(create()).then(
      (academy) => {
        this.academy = academy;
        this.save();
      },
      () => undefined,
    );
  }
}

/** A session's start from its `Data` (a date cell) and `Inizio` (a time cell or `HH:mm` text). */
export function sessionInstant(date: unknown, start: unknown): number | null {
  if (!(date instanceof Date)) return null;
  const d = wallClock(date.getTime());
  let hour: number;
  let minute: number;
  if (start instanceof Date) {
    const t = wallClock(start.getTime());
    [hour, minute] = [t.hour, t.minute];
  } else {
    const m = /^(\d{1,2})[:.](\d{2})/.exec(String(start ?? ''));
    if (!m) return null;
    [hour, minute] = [Number(m[1]), Number(m[2])];
  }
  return zonedToUtc({ year: d.year, month: d.month, day: d.day, hour, minute, second: 0 });
}
