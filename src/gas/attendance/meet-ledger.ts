/**
 * What the Meet import remembers in Script Properties: per session, the `Presente`/`Ore` it last wrote
 * for each enrollee (so a cell that no longer holds it is known to be staff's), and per course, the display
 * names staff confirmed as one of its enrollees. Read in one call, written in one call.
 */
import type { MarkValue } from '../../core/attendance/meet';

const SESSION_PREFIX = 'meetLedger:';
const NAMES_PREFIX = 'meetNames:';

type Stored = Record<string, [boolean, number | null]>;

function parse<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export class MeetLedger {
  private readonly changed: Record<string, string> = {};

  private constructor(private readonly all: Record<string, string>) {}

  static open(): MeetLedger {
    return new MeetLedger(PropertiesService.getScriptProperties().getProperties());
  }

  /** Whether the import has ever decided for this session. */
  imported(session: string): boolean {
    return (this.changed[SESSION_PREFIX + session] ?? this.all[SESSION_PREFIX + session]) !== undefined;
  }

  session(session: string): Record<string, MarkValue> {
    const stored = parse<Stored>(this.changed[SESSION_PREFIX + session] ?? this.all[SESSION_PREFIX + session], {});
    return Object.fromEntries(
      Object.entries(stored).map(([id, [present, hours]]) => [id, { present, hours }] as const),
    );
  }

  setSession(session: string, marks: Record<string, MarkValue>): void {
    const stored: Stored = Object.fromEntries(
      Object.entries(marks).map(([id, m]) => [id, [m.present, m.hours]] as const),
    );
    const text = JSON.stringify(stored);
    if (text !== this.all[SESSION_PREFIX + session]) this.changed[SESSION_PREFIX + session] = text;
  }

  names(course: string): Record<string, string> {
    return parse<Record<string, string>>(this.changed[NAMES_PREFIX + course] ?? this.all[NAMES_PREFIX + course], {});
  }

  confirmName(course: string, key: string, employeeId: string): void {
    this.changed[NAMES_PREFIX + course] = JSON.stringify({ ...this.names(course), [key]: employeeId });
  }

  save(): void {
    if (Object.keys(this.changed).length > 0) PropertiesService.getScriptProperties().setProperties(this.changed);
  }
}
