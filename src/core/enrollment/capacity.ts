/**
 * The capacity rule staff work under: a course is full when its confirmed enrollments reach `Posti`.
 * The form's requests wait in the FIFO list when it is full (the policy's `settle`); staff placing
 * someone past `Posti` must say so explicitly, and the Italian messages here are what they read.
 */
import type { CourseInfo } from './types';
import type { EnrollmentBook } from './policy';

export interface SeatState {
  seats: number;
  confirmed: number;
  full: boolean;
}

export function seatState(book: EnrollmentBook, course: Pick<CourseInfo, 'code' | 'seats'>): SeatState {
  const confirmed = book.confirmedCount(course.code);
  return { seats: course.seats, confirmed, full: confirmed >= course.seats };
}

/** Staff's options for an enrollment or a promotion past `Posti`. */
export interface CapacityOptions {
  /** Confirm even though the course is full: a seat added on purpose, logged. */
  overCapacity?: boolean;
  /** A hand enrollment on a full course goes to the waitlist instead of being refused. */
  waitlist?: boolean;
}

/** Reads the options as they cross `google.script.run` (anything else means "no option"). */
export function capacityOptions(raw: unknown): CapacityOptions {
  if (!raw || typeof raw !== 'object') return {};
  const o = raw as Record<string, unknown>;
  return { overCapacity: o.overCapacity === true, waitlist: o.waitlist === true };
}

function seatsText(state: SeatState): string {
  return `${state.confirmed} confermati su ${state.seats} posti`;
}

/** The refusal of a hand enrollment on a full course. */
export function fullCourseEnrollMessage(code: string, state: SeatState): string {
  return (
    `Il corso ${code} è al completo (${seatsText(state)}): nessuna iscrizione registrata. ` +
    "Per iscrivere comunque confermi «Iscrivi oltre i posti», oppure scelga «Metti in lista d'attesa»."
  );
}

/** The refusal of a promotion on a full course. */
export function fullCoursePromoteMessage(code: string, state: SeatState): string {
  return (
    `Il corso ${code} è al completo (${seatsText(state)}): nessuna promozione. ` +
    'Per confermare comunque un posto in più confermi «Promuovi oltre i posti».'
  );
}

/** The `Note` of an enrollment confirmed past `Posti` by staff. */
export const OVER_CAPACITY_NOTE = "Posto confermato dall'ufficio formazione oltre i posti disponibili.";
