/**
 * «Sincronizza calendario» shown before it runs: Google Calendar mails the guests of every event it
 * creates, changes or cancels, so staff see the sync's own plan first. The plan is read before any
 * write, by the same code the sync runs: no second copy of its rules.
 */
import { serverAction } from '../platform/entry';
import { checkedSyncCourse } from './entry';
import { openCalendarSync, type PlannedWrite } from './sync';

export interface CalendarSyncPreview {
  message: string;
  /** The course the preview is about ('' for every course). */
  course: string;
  writes: PlannedWrite[];
  invalid: Array<{ sessionId: string; message: string }>;
}

export function buildCalendarSyncPreview(courseCode?: string): CalendarSyncPreview {
  const course = checkedSyncCourse(courseCode);
  const work = openCalendarSync(course ? { courseCodes: [course] } : {});
  const writes = work.planned();
  const count = (kind: PlannedWrite['kind']): number => writes.filter((w) => w.kind === kind).length;
  const message =
    writes.length === 0
      ? 'Calendario già aggiornato: nessun evento da creare, aggiornare o annullare.'
      : `${count('insert')} eventi da creare, ${count('patch')} da aggiornare, ${count('cancel')} da annullare: ` +
        "Google Calendar invia a ogni invitato l'invito, la modifica o l'annullamento.";
  return { message, course, writes, invalid: work.counts.invalid };
}

export const previewCalendarSync = serverAction(
  'Sincronizza calendario',
  (courseCode?: string): CalendarSyncPreview => buildCalendarSyncPreview(courseCode),
  { readOnly: true },
);
