/**
 * What enrollment calls after enrollments, cancellations and promotions: the events of those courses
 * brought up to date, so their attendees are again exactly the confirmed enrollees.
 */
import { logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { calendarServiceAvailable } from './api';
import { runCalendarSync, type SyncOptions } from './sync';

/**
 * Patches the existing events of these courses (the attendee list is always sent whole) with retries.
 * Never inserts or cancels events, and never fails the caller's workflow because Calendar is not set
 * up yet: the next «Sincronizza calendario» catches up.
 */
export function updateCourseAttendees(
  courseCodes: string[],
  tables?: SyncOptions['tables'],
): { patched: number; failed: number } {
  const codes = [...new Set(courseCodes.map((c) => c.trim()).filter((c) => c !== ''))];
  if (codes.length === 0 || !calendarServiceAvailable() || !readSettings().calendarId.trim())
    return { patched: 0, failed: 0 };
  try {
    const result = runCalendarSync(
      tables ? { courseCodes: codes, patchOnly: true, tables } : { courseCodes: codes, patchOnly: true },
    );
    return { patched: result.patched, failed: result.failed.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/exceeded maximum execution time/i.test(message)) throw error;
    logEvent('Calendario: partecipanti non aggiornati', `${codes.join(', ')}: ${message}`);
    return { patched: 0, failed: codes.length };
  }
}
