/**
 * What the Meet import remembers in Script Properties: per session, the `Presente`/`Ore` it last wrote
 * for each enrollee (so a cell that no longer holds it is known to be staff's), per course, the display
 * names staff confirmed as one of its enrollees, and the instant up to which the daily run has read the
 * calls of ended sessions. Read with the execution's one read of the store, written in one call.
 */
import type { MarkValue } from '../../core/attendance/meet';
import { deleteProperties, readFamily, readProperty, writeProperties } from '../platform/properties';
import type { PropertyKey } from '../platform/property-keys';

const SESSION_PREFIX = 'a4pa.meet.session.' as const;
const NAMES_PREFIX = 'a4pa.meet.names.' as const;
const DAILY_CHECKED_AT = 'a4pa.meet.dailyCheckedAt';

type Stored = Record<string, [boolean, number | null]>;

function parse<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export class MeetLedger {
  private readonly changed: Partial<Record<PropertyKey, string>> = {};

  static open(): MeetLedger {
    return new MeetLedger();
  }

  private read(key: PropertyKey): string | null {
    return this.changed[key] ?? readProperty(key);
  }

  /** Whether the import has ever decided for this session. */
  imported(session: string): boolean {
    return this.read(`${SESSION_PREFIX}${session}`) !== null;
  }

  session(session: string): Record<string, MarkValue> {
    const stored = parse<Stored>(this.read(`${SESSION_PREFIX}${session}`), {});
    return Object.fromEntries(
      Object.entries(stored).map(([id, [present, hours]]) => [id, { present, hours }] as const),
    );
  }

  setSession(session: string, marks: Record<string, MarkValue>): void {
    const stored: Stored = Object.fromEntries(
      Object.entries(marks).map(([id, m]) => [id, [m.present, m.hours]] as const),
    );
    const text = JSON.stringify(stored);
    if (text !== readProperty(`${SESSION_PREFIX}${session}`)) this.changed[`${SESSION_PREFIX}${session}`] = text;
  }

  names(course: string): Record<string, string> {
    return parse<Record<string, string>>(this.read(`${NAMES_PREFIX}${course}`), {});
  }

  confirmName(course: string, key: string, employeeId: string): void {
    this.changed[`${NAMES_PREFIX}${course}`] = JSON.stringify({ ...this.names(course), [key]: employeeId });
  }

  /** Sessions that ended up to this instant were read by a daily run (0: never). */
  dailyCheckedAt(): number {
    const n = Number(this.read(DAILY_CHECKED_AT) ?? 0);
    return Number.isFinite(n) ? n : 0;
  }

  setDailyCheckedAt(ms: number): void {
    this.changed[DAILY_CHECKED_AT] = String(ms);
  }

  save(): void {
    writeProperties(this.changed);
  }
}

/**
 * Forgets what the import remembered of every session and course: called by the year change once they
 * are all in the archive (their cells can no longer be changed here), so Script Properties, 500 kB in
 * all, do not fill up year after year. Returns how many keys went.
 */
export function forgetMeetImports(): number {
  const keys = ([SESSION_PREFIX, NAMES_PREFIX] as const).flatMap((prefix) =>
    Object.keys(readFamily(prefix)).map((rest): PropertyKey => `${prefix}${rest}`),
  );
  deleteProperties(keys);
  return keys.length;
}
