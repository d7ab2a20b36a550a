/**
 * Where new register rows go in `Presenze`: someone confirmed after the register was prepared lands in
 * each session among the rows already there, in surname order, as the paper sheet lists them; a session
 * with no rows yet goes next to its course's other sessions; a course with no rows goes at the end.
 */
import { byRegisterOrder, courseSessions, type AttendanceSession, type RegisterPerson } from './attendance';

type Placed = RegisterPerson & { session: string; course: string; employeeId: string };

export interface RegisterInsertion<R> {
  /**
   * The sheet row, in the grid as it was read, before which the rows go (`lastRow + 1` or more: after
   * the last row).
   */
  before: number;
  rows: R[];
}

function firstAfter<R extends Placed>(rows: ReadonlyArray<{ row: number; record: Placed }>, added: R): number | null {
  const next = rows.find((r) => byRegisterOrder(added, r.record) < 0);
  return next ? next.row : null;
}

/**
 * The blocks of `added` rows to insert among `existing` (the rows of the same courses, as read), in
 * order of `before`; the rows of a block keep the order they came in (session, then surname).
 */
export function registerInsertions<R extends Placed>(
  existing: ReadonlyArray<{ row: number; record: Placed }>,
  added: readonly R[],
  sessions: readonly AttendanceSession[],
  lastRow: number,
): Array<RegisterInsertion<R>> {
  const end = Math.max(lastRow, 1) + 1;
  const bySession = new Map<string, Array<{ row: number; record: Placed }>>();
  for (const r of [...existing].sort((a, b) => a.row - b.row)) {
    const list = bySession.get(r.record.session);
    if (list) list.push(r);
    else bySession.set(r.record.session, [r]);
  }
  const rowsOf = (session: string) => bySession.get(session) ?? [];
  const beside = (added: R): number => {
    const order = courseSessions(sessions, added.course).map((s) => s.id);
    const at = order.indexOf(added.session);
    const earlier = order
      .slice(0, Math.max(at, 0))
      .reverse()
      .find((id) => rowsOf(id).length > 0);
    if (earlier) return Math.max(...rowsOf(earlier).map((r) => r.row)) + 1;
    const later = order.slice(at + 1).find((id) => rowsOf(id).length > 0);
    if (later) return Math.min(...rowsOf(later).map((r) => r.row));
    const course = existing.filter((r) => r.record.course === added.course).map((r) => r.row);
    return course.length > 0 ? Math.max(...course) + 1 : end;
  };
  const blocks = new Map<number, R[]>();
  for (const r of added) {
    const own = rowsOf(r.session);
    const before = own.length === 0 ? beside(r) : (firstAfter(own, r) ?? Math.max(...own.map((o) => o.row)) + 1);
    const at = Math.min(before, end);
    const block = blocks.get(at);
    if (block) block.push(r);
    else blocks.set(at, [r]);
  }
  return [...blocks].sort(([a], [b]) => a - b).map(([before, rows]) => ({ before, rows }));
}
