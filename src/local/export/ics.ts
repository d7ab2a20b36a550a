/**
 * The academy calendar as an iCalendar file (RFC 5545): one VEVENT per event of the emulated calendar
 * (one per session), with its attendees, the Meet link as URL and in the description, the venue or
 * the Meet link as location, and the session ID it belongs to.
 */
import { writeFileSync } from 'node:fs';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalEventStatus } from 'ical-generator';
import type { Workspace } from '../runtime/workspace';
import { snapshotCalendar } from '../services/calendar';

export interface IcsSummary {
  events: number;
  attendees: number;
}

export function calendarIcs(ws: Workspace, name: string): { text: string; summary: IcsSummary } {
  const cal = ical({ name, prodId: { company: 'Academy4PA', product: 'academy4pa', language: 'IT' } });
  let attendees = 0;
  for (const e of snapshotCalendar(ws)) {
    const description = [e.description, e.meet ? `Partecipa con Google Meet: ${e.meet}` : '']
      .filter((t) => t !== '')
      .join('\n\n');
    cal.createEvent({
      id: `${e.id}@google.com`,
      start: new Date(e.start),
      end: new Date(e.end),
      stamp: new Date(e.start),
      summary: e.summary,
      description,
      location: e.location !== '' ? e.location : e.meet || null,
      url: e.meet || null,
      organizer: { name, email: e.calendarId },
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      attendees: e.attendees.map((email) => ({
        email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      })),
      x: e.sessionId ? { 'X-ACADEMY4PA-SESSION': e.sessionId } : {},
    });
    attendees += e.attendees.length;
  }
  return { text: cal.toString(), summary: { events: cal.events().length, attendees } };
}

export function writeIcs(ws: Workspace, file: string, name: string): IcsSummary {
  const { text, summary } = calendarIcs(ws, name);
  writeFileSync(file, text);
  return summary;
}
