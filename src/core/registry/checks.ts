/**
 * Checks across rows and tabs that a single row's schema cannot make: duplicated comuni and e-mails,
 * references to a comune or course that does not exist. They report; they never drop a row. (A
 * duplicated identifier is the codec's: it sets those rows aside as it decodes the tab.)
 */
import { normalizeKey } from '../text';
import { columnTexts, type DecodedTable, type RecordByTab, type RegistryTab } from './codec';
import type { Comune, Course, Employee, Enrollment, Problem, Session } from './schemas';
import { TAB } from './tabs';

type Rows<T> = ReadonlyArray<{ row: number; record: T }>;

export interface CrossCheckInput {
  comuni?: Rows<Comune>;
  employees?: Rows<Employee>;
  courses?: Rows<Course>;
  sessions?: Rows<Session>;
  enrollments?: Rows<Enrollment>;
  /**
   * Every comune name and course code typed in their tabs, rows with problems included: a reference to
   * a row that exists but needs fixing is not wrong too (that row is already reported).
   */
  typedComuni?: readonly string[];
  typedCourses?: readonly string[];
}

function duplicates<T>(tab: string, column: string, rows: Rows<T>, key: (r: T) => string, what: string): Problem[] {
  const first = new Map<string, number>();
  const out: Problem[] = [];
  for (const { row, record } of rows) {
    const k = key(record);
    if (k === '') continue;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, row);
    else out.push({ tab, row, column, message: `${column}: ${what} «${k}» è già alla riga ${seen}` });
  }
  return out;
}

export function crossCheck(input: CrossCheckInput): Problem[] {
  const out: Problem[] = [];
  const comuneNames = input.comuni
    ? new Set(
        [...input.comuni.map((c) => c.record.name), ...(input.typedComuni ?? [])].map((name) => normalizeKey(name)),
      )
    : null;
  const courseCodes = input.courses
    ? new Set([...input.courses.map((c) => c.record.code), ...(input.typedCourses ?? []).map((c) => c.trim())])
    : null;
  if (input.comuni) {
    // Employees refer to a comune ignoring case and accents, so two spellings of one name are one comune.
    out.push(...duplicates(TAB.comuni, 'Comune', input.comuni, (c) => normalizeKey(c.name), 'il comune'));
    out.push(...duplicates(TAB.comuni, 'Codice ISTAT', input.comuni, (c) => c.istat, 'il codice'));
  }
  if (input.employees) {
    out.push(...duplicates(TAB.dipendenti, 'Email', input.employees, (e) => e.email, "l'indirizzo"));
    if (comuneNames) {
      for (const { row, record } of input.employees) {
        if (!comuneNames.has(normalizeKey(record.comune))) {
          out.push({
            tab: TAB.dipendenti,
            row,
            column: 'Comune',
            message: `Comune: «${record.comune}» non è nel foglio Comuni`,
          });
        }
      }
    }
  }
  if (input.sessions) {
    if (courseCodes) {
      for (const { row, record } of input.sessions) {
        if (!courseCodes.has(record.course))
          out.push({
            tab: TAB.sessioni,
            row,
            column: 'Corso',
            message: `Corso: «${record.course}» non è nel foglio Corsi`,
          });
      }
    }
  }
  if (input.enrollments) {
    if (courseCodes) {
      for (const { row, record } of input.enrollments) {
        if (!courseCodes.has(record.course))
          out.push({
            tab: TAB.iscrizioni,
            row,
            column: 'Corso',
            message: `Corso: «${record.course}» non è nel foglio Corsi`,
          });
      }
    }
  }
  return out;
}

type Read<N extends RegistryTab> = DecodedTable<RecordByTab[N]> | null;

/** The cross-tab checks over the tabs that were read (a missing tab is left out of them). */
export function crossCheckTables(tables: {
  comuni: Read<typeof TAB.comuni>;
  employees: Read<typeof TAB.dipendenti>;
  courses: Read<typeof TAB.corsi>;
  sessions: Read<typeof TAB.sessioni>;
  enrollments: Read<typeof TAB.iscrizioni>;
}): Problem[] {
  const { comuni, employees, courses, sessions, enrollments } = tables;
  return crossCheck({
    ...(comuni && { comuni: comuni.rows }),
    ...(employees && { employees: employees.rows }),
    ...(courses && { courses: courses.rows }),
    ...(sessions && { sessions: sessions.rows }),
    ...(enrollments && { enrollments: enrollments.rows }),
    ...(comuni && { typedComuni: columnTexts(comuni, 'name') }),
    ...(courses && { typedCourses: columnTexts(courses, 'code') }),
  });
}
