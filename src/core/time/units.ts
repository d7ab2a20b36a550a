/**
 * Lengths of time in milliseconds, the unit of `Date.now()` and of every delay the add-on and the
 * emulator compute. A day here is 24 hours of elapsed time, not a calendar day: where a day must follow
 * the wall clock across a daylight-saving change, `zone.ts` steps by noon.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
