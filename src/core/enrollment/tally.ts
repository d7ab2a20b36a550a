/**
 * The per-course tally of `Iscrizioni` (confirmed seats, waiting requests, the latest waiting request),
 * kept by the add-on's own runs so that one submission can be decided from the rows of the person who
 * sent it instead of the whole tab. The tally is a hint checked against the sheet: when it cannot be
 * trusted, or a decision would move rows it did not load, the run reads the whole tab instead.
 */
import type { EnrollmentRecord } from './types';

export interface CourseTally {
  confirmed: number;
  waiting: number;
  /** Request time (ms) of the latest waiting request: a new request before it changes positions. */
  lastWaitingAt: number;
}

export interface EnrollmentIndex {
  version: 1;
  /** `Iscrizioni`'s last row when the tally was written: any other value means rows came or went. */
  lastRow: number;
  /** The highest enrollment number in the tab, so a run that read a few rows never reissues an ID. */
  maxSequence: number;
  /** When a full read last rebuilt the tally (ms). */
  builtAt: number;
  courses: Record<string, [confirmed: number, waiting: number, lastWaitingAt: number]>;
  /**
   * Where the keys sat when the tally was written, so a submission can search for its sender's rows
   * before it reads any header (the headers it then reads must agree, or it reads the whole tabs).
   */
  layout?: SliceLayout;
}

export interface SliceLayout {
  /** `Dipendenti`: the e-mail and ID columns (1-based). */
  employeeEmail: number;
  employeeId: number;
  /** `Iscrizioni`: the first and last of its e-mail and employee-ID columns, and its header's width. */
  enrollmentKeys: [first: number, last: number];
  enrollmentWidth: number;
}

function isLayout(value: unknown): value is SliceLayout {
  if (!value || typeof value !== 'object') return false;
  const l = value as Partial<SliceLayout>;
  const positive = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1;
  return (
    positive(l.employeeEmail) &&
    positive(l.employeeId) &&
    Array.isArray(l.enrollmentKeys) &&
    l.enrollmentKeys.length === 2 &&
    l.enrollmentKeys.every(positive) &&
    positive(l.enrollmentWidth)
  );
}

/** Thrown when a decision needs rows the run did not load: the run starts again on the whole tab. */
export class IncompleteBookError extends Error {
  constructor(readonly course: string) {
    super(`Le iscrizioni del corso ${course} vanno lette per intero.`);
    this.name = 'IncompleteBookError';
  }
}

function add(courses: EnrollmentIndex['courses'], e: EnrollmentRecord, sign: 1 | -1): void {
  const entry = courses[e.course] ?? [0, 0, 0];
  if (e.status === 'Confermata') entry[0] += sign;
  if (e.status === 'In attesa') {
    entry[1] += sign;
    if (sign === 1) entry[2] = Math.max(entry[2], e.requestedAt.getTime());
  }
  courses[e.course] = entry;
}

/** The tally of every course from all of `Iscrizioni`'s rows. */
export function tallyAll(
  records: readonly EnrollmentRecord[],
  lastRow: number,
  maxSequence: number,
  builtAt: number,
): EnrollmentIndex {
  const courses: EnrollmentIndex['courses'] = {};
  for (const e of records) add(courses, e, 1);
  return { version: 1, lastRow, maxSequence, builtAt, courses };
}

/**
 * The tallies of the rows a run did not load (the index minus the loaded rows as they were read), or
 * null when the index cannot be right (a count below zero).
 */
export function unloadedTallies(
  index: EnrollmentIndex,
  loaded: readonly EnrollmentRecord[],
): Map<string, CourseTally> | null {
  const courses: EnrollmentIndex['courses'] = {};
  for (const [code, [c, w, t]] of Object.entries(index.courses)) courses[code] = [c, w, t];
  for (const e of loaded) add(courses, e, -1);
  const out = new Map<string, CourseTally>();
  for (const [code, [confirmed, waiting, lastWaitingAt]] of Object.entries(courses)) {
    if (confirmed < 0 || waiting < 0) return null;
    out.set(code, { confirmed, waiting, lastWaitingAt });
  }
  return out;
}

/** The index after a run that loaded some rows: the unloaded tallies plus the loaded rows as they now are. */
export function mergeTallies(
  unloaded: ReadonlyMap<string, CourseTally>,
  loaded: readonly EnrollmentRecord[],
  lastRow: number,
  maxSequence: number,
  builtAt: number,
): EnrollmentIndex {
  const courses: EnrollmentIndex['courses'] = {};
  for (const [code, t] of unloaded) courses[code] = [t.confirmed, t.waiting, t.lastWaitingAt];
  for (const e of loaded) add(courses, e, 1);
  return { version: 1, lastRow, maxSequence, builtAt, courses };
}

export function parseIndex(text: string | null): EnrollmentIndex | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<EnrollmentIndex>;
    if (
      parsed.version !== 1 ||
      typeof parsed.lastRow !== 'number' ||
      typeof parsed.maxSequence !== 'number' ||
      typeof parsed.builtAt !== 'number' ||
      !parsed.courses ||
      typeof parsed.courses !== 'object'
    )
      return null;
    for (const entry of Object.values(parsed.courses)) {
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((n) => typeof n === 'number')) return null;
    }
    // A layout that does not read right is dropped, not the tally: the next full read writes it again.
    if (parsed.layout !== undefined && !isLayout(parsed.layout)) {
      const kept = { ...parsed } as EnrollmentIndex;
      delete kept.layout;
      return kept;
    }
    return parsed as EnrollmentIndex;
  } catch {
    return null;
  }
}
