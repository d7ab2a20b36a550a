/**
 * The academy's calendar past retention: the events of sessions older than the cutoff keep their
 * place (the academy's history) but lose their attendees, silently. Each event is a Calendar call, so
 * a run clears a bounded number; the rest go on the next run.
 */
import { calendarServiceAvailable, clearAttendees, listEvents } from '../calendar/api';

const MAX_EVENTS_PER_RUN = 100;

export interface CalendarOutcome {
  cleared: number;
  left: number;
}

/** `oldSessions`: the ids of sessions dated before the cutoff. */
export function clearOldAttendees(
  calendarId: string,
  oldSessions: ReadonlySet<string>,
  inTime: () => boolean,
): CalendarOutcome {
  if (!calendarId || oldSessions.size === 0 || !calendarServiceAvailable()) return { cleared: 0, left: 0 };
  const due = listEvents(calendarId).filter(
    (e) => e.id && (e.attendees?.length ?? 0) > 0 && oldSessions.has(e.extendedProperties?.private?.sessionId ?? ''),
  );
  let cleared = 0;
  for (const event of due.slice(0, MAX_EVENTS_PER_RUN)) {
    if (!inTime()) break;
    clearAttendees(calendarId, event.id as string);
    cleared += 1;
  }
  return { cleared, left: due.length - cleared };
}
