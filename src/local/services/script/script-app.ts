import { MINUTE_MS, HOUR_MS, DAY_MS } from '../../../core/time/units';
import { nextWallClockTime, SCRIPT_TIME_ZONE, wallClock } from '../../../core/time/zone';
import {
  MAX_TRIGGERS_PER_USER,
  nextMonthDayTime,
  triggerState,
  type TriggerRecord,
  type TriggerType,
} from '../../runtime/triggers';
import { strictAbout } from '../../runtime/variant';
import type { Workspace } from '../../runtime/workspace';
import { currentUser, enumOf, scriptState, webAppUrl } from './common';

/** The emulated ScriptApp: triggers (builders are local objects, as on Google; `create` is the call). */

const EventType = enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
const TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
/** `ScriptApp.WeekDay`, in `Date.getDay()` order (Sunday first). */
const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
const WeekDay = enumOf(WEEK_DAYS);

const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

class TriggerFacade {
  constructor(private readonly record: TriggerRecord) {}
  getUniqueId(): string {
    return this.record.uid;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getEventType(): string {
    return this.record.type;
  }
  getTriggerSource(): string {
    return this.record.source === 'SPREADSHEET' ? TriggerSource.SPREADSHEETS : this.record.source;
  }
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

function sourceIdOf(source: unknown): string {
  if (typeof source === 'string') return source;
  if (source && typeof source === 'object' && 'getId' in source && typeof source.getId === 'function') {
    return String((source.getId as () => unknown).call(source));
  }
  throw new Error('Invalid argument: the trigger source must be a document, a form or an id.');
}

/** Records a trigger; the caller has already charged the `create` call, so times count from after it. */
function createTrigger(ws: Workspace, record: Omit<TriggerRecord, 'uid' | 'owner'>): TriggerFacade {
  const owner = currentUser(ws);
  const state = triggerState(ws);
  if (state.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER)
    throw new Error(TOO_MANY_TRIGGERS);
  const full: TriggerRecord = { ...record, uid: String(Math.floor(ws.random() * 9e15) + 1e15), owner };
  state.triggers.push(full);
  return new TriggerFacade(full);
}

class DocumentTriggerBuilder {
  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
    private readonly source: 'SPREADSHEET' | 'FORMS',
    private readonly sourceId: string,
  ) {}
  private kind: TriggerType | null = null;
  onFormSubmit(): this {
    return this.on('ON_FORM_SUBMIT');
  }
  onOpen(): this {
    return this.on('ON_OPEN');
  }
  onEdit(): this {
    if (this.source === 'FORMS') throw new Error('TypeError: onEdit is not a function');
    return this.on('ON_EDIT');
  }
  onChange(): this {
    if (this.source === 'FORMS') throw new Error('TypeError: onChange is not a function');
    return this.on('ON_CHANGE');
  }
  create(): TriggerFacade {
    this.ws.call('Script', 'create');
    if (!this.kind)
      throw new Error('The trigger has no event: call onFormSubmit(), onOpen(), onEdit() or onChange() first.');
    return createTrigger(this.ws, {
      handler: this.handler,
      type: this.kind,
      source: this.source,
      sourceId: this.sourceId,
      nextAtMs: null,
      everyMs: null,
    });
  }
  private on(kind: TriggerType): this {
    this.kind = kind;
    return this;
  }
}

/** The day of the week of an instant, in a zone (0 = Sunday). */
function weekDayOf(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
}

/**
 * A clock trigger's schedule, with Google's rules on what combines (docs/google-behaviour.md,
 * SCRIPT-CLOCK-TRIGGERS): one of `after`, `at`, `everyMinutes`, `everyHours`, `everyDays`, or a weekly
 * schedule (`everyWeeks` and/or `onWeekDay`); `atHour` only on a daily or weekly one; `nearMinute` only
 * with `atHour`.
 */
class ClockTriggerBuilder {
  private afterMs: number | null = null;
  private atMs: number | null = null;
  private everyMs: number | null = null;
  private daily = false;
  private weeks: number | null = null;
  private weekDay: number | null = null;
  private monthDay: number | null = null;
  private hour: number | null = null;
  private minute: number | null = null;
  private timeZone = SCRIPT_TIME_ZONE;

  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
  ) {}

  after(ms: number): this {
    this.afterMs = Math.max(0, Number(ms));
    return this;
  }
  at(date: Date): this {
    this.atMs = date.getTime();
    return this;
  }
  everyMinutes(n: number): this {
    if (!EVERY_MINUTES.includes(n))
      throw new Error('The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.');
    this.everyMs = n * MINUTE_MS;
    return this;
  }
  everyHours(n: number): this {
    if (!EVERY_HOURS.includes(n))
      throw new Error('The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.');
    this.everyMs = n * HOUR_MS;
    return this;
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: everyDays');
    this.everyMs = n * DAY_MS;
    this.daily = true;
    return this;
  }
  everyWeeks(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: everyWeeks');
    this.weeks = n;
    return this;
  }
  onWeekDay(day: unknown): this {
    const index = WEEK_DAYS.indexOf(String(day) as (typeof WEEK_DAYS)[number]);
    if (index < 0) throw new Error('Invalid argument: day');
    this.weekDay = index;
    return this;
  }
  onMonthDay(day: number): this {
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error('Invalid argument: day');
    this.monthDay = day;
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.hour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new Error('Invalid argument: minute');
    this.minute = minute;
    return this;
  }
  inTimezone(timeZone: string): this {
    this.timeZone = String(timeZone);
    return this;
  }
  create(): TriggerFacade {
    this.ws.call('Script', 'create');
    const weekly = this.weeks !== null || this.weekDay !== null;
    const monthly = this.monthDay !== null;
    const schedules = [this.afterMs !== null, this.atMs !== null, this.everyMs !== null, weekly, monthly].filter(
      Boolean,
    ).length;
    if (schedules === 0)
      throw new Error('A time-based trigger needs a schedule: call after(), at() or an every... method first.');
    if (schedules > 1) throw new Error('A time-based trigger can have only one schedule.');
    if (this.hour !== null && !this.daily && !weekly && !monthly)
      throw new Error('atHour() can only be used with everyDays(), everyWeeks() or onMonthDay().');
    if (this.minute !== null && this.hour === null) throw new Error('nearMinute() can only be used with atHour().');
    const now = this.ws.now();
    const record = { handler: this.handler, type: 'CLOCK', source: 'CLOCK', sourceId: null } as const;
    if (weekly) return createTrigger(this.ws, { ...record, ...this.weeklySchedule(now) });
    if (monthly) return createTrigger(this.ws, { ...record, ...this.monthlySchedule(now) });
    let nextAtMs: number;
    if (this.afterMs !== null) nextAtMs = now + this.afterMs;
    else if (this.atMs !== null) nextAtMs = this.atMs;
    else if (this.daily && this.hour !== null)
      nextAtMs = nextWallClockTime(
        { hour: this.hour, minute: this.minute ?? 0, timeZone: this.timeZone },
        now,
        now,
        1,
        true,
      );
    else nextAtMs = now + (this.everyMs as number);
    return createTrigger(this.ws, {
      ...record,
      nextAtMs,
      everyMs: this.everyMs,
      ...(this.daily && this.hour !== null
        ? { wallClock: { hour: this.hour, minute: this.minute ?? 0, timeZone: this.timeZone } }
        : {}),
    });
  }

  /**
   * A weekly trigger keeps a wall-clock time in its zone (`atHour`/`nearMinute`, else the time of day it
   * was created at) on its week day (else the day it was created), every `everyWeeks` weeks (else 1).
   * The first run is the next such day and time from now, today included when the time is still ahead.
   */
  private weeklySchedule(now: number): Pick<TriggerRecord, 'nextAtMs' | 'everyMs' | 'wallClock'> {
    const created = wallClock(now, this.timeZone);
    const at = {
      hour: this.hour ?? created.hour,
      minute: this.hour === null ? created.minute : (this.minute ?? 0),
      timeZone: this.timeZone,
    };
    const day = this.weekDay ?? weekDayOf(now, this.timeZone);
    let nextAtMs = nextWallClockTime(at, now, now, 1, true);
    while (weekDayOf(nextAtMs, this.timeZone) !== day) nextAtMs = nextWallClockTime(at, nextAtMs, nextAtMs, 1, false);
    return { nextAtMs, everyMs: (this.weeks ?? 1) * 7 * DAY_MS, wallClock: at };
  }

  /**
   * A monthly trigger keeps its day and wall-clock time (`atHour`/`nearMinute`, else the time of day it
   * was created at); the first run is the next such day from now, today included when still ahead.
   */
  private monthlySchedule(now: number): Pick<TriggerRecord, 'nextAtMs' | 'everyMs' | 'wallClock' | 'monthDay'> {
    const created = wallClock(now, this.timeZone);
    const at = {
      hour: this.hour ?? created.hour,
      minute: this.hour === null ? created.minute : (this.minute ?? 0),
      timeZone: this.timeZone,
    };
    const monthDay = {
      day: this.monthDay as number,
      shortMonth: strictAbout(this.ws, 'SCRIPT-MONTH-DAY-SHORT') ? ('skip' as const) : ('lastDay' as const),
    };
    return { nextAtMs: nextMonthDayTime(monthDay, at, now), everyMs: 31 * DAY_MS, wallClock: at, monthDay };
  }
}

class TriggerBuilder {
  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
  ) {}
  forForm(form: unknown): DocumentTriggerBuilder {
    return new DocumentTriggerBuilder(this.ws, this.handler, 'FORMS', sourceIdOf(form));
  }
  forSpreadsheet(spreadsheet: unknown): DocumentTriggerBuilder {
    return new DocumentTriggerBuilder(this.ws, this.handler, 'SPREADSHEET', sourceIdOf(spreadsheet));
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ws, this.handler);
  }
}

export function scriptApp(ws: Workspace): Record<string, unknown> {
  const mine = (): TriggerRecord[] => triggerState(ws).triggers.filter((t) => t.owner === currentUser(ws));
  return {
    EventType,
    TriggerSource,
    AuthMode,
    WeekDay,
    newTrigger(handler: string): TriggerBuilder {
      ws.call('Script', 'newTrigger');
      return new TriggerBuilder(ws, String(handler));
    },
    getProjectTriggers(): TriggerFacade[] {
      ws.call('Script', 'getProjectTriggers');
      return mine().map((t) => new TriggerFacade(t));
    },
    getUserTriggers(document: unknown): TriggerFacade[] {
      ws.call('Script', 'getUserTriggers');
      const id = sourceIdOf(document);
      return mine()
        .filter((t) => t.sourceId === id)
        .map((t) => new TriggerFacade(t));
    },
    deleteTrigger(trigger: TriggerFacade): void {
      ws.call('Script', 'deleteTrigger');
      const state = triggerState(ws);
      const uid = trigger.getUniqueId();
      state.triggers = state.triggers.filter((t) => t.uid !== uid);
    },
    getScriptId(): string {
      ws.call('Script', 'getScriptId');
      return scriptState(ws).scriptId;
    },
    /** A bearer token for Google's REST APIs as the effective user (the emulated APIs accept any). */
    getOAuthToken(): string {
      ws.call('Script', 'getOAuthToken');
      return `ya29.local-${scriptState(ws).scriptId}`;
    },
    getService(): { getUrl(): string; isEnabled(): boolean } {
      ws.call('Script', 'getService');
      return { getUrl: () => webAppUrl(ws), isEnabled: () => true };
    },
  };
}

export function snapshotTriggers(ws: Workspace): Array<{ handler: string; type: string }> {
  return triggerState(ws).triggers.map((t) => ({ handler: t.handler, type: t.type }));
}
