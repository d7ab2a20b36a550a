/**
 * Sincronizza calendario: the entry point, the job that syncs a whole year in slices, the attendee
 * update enrollment calls, and the setup step that creates or adopts the academy calendar.
 */
import type { JobProgress } from '../../core/jobs/state';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { registerJobHandler } from '../jobs/handlers';
import { runJobSlice, startJob } from '../jobs/runner';
import { serverAction } from '../platform/entry';
import { logEvent } from '../registry/log';
import { readSettings, writeSetting } from '../registry/settings';
import { readTable } from '../registry/table';
import { registerSetupStep } from '../setup/steps';
import {
  ACADEMY_CALENDAR_NAME,
  CALENDAR_SERVICE_MISSING,
  calendarExists,
  calendarServiceAvailable,
  createAcademyCalendar,
  findAcademyCalendarByName,
} from './api';
import { CALENDAR_NOT_CONFIGURED, openCalendarSync, runCalendarSync, type SyncCounts } from './sync';
import { duplicateIdMessage } from '../../core/registry/codec';

export const CALENDAR_JOB = 'calendar';
const CALENDAR_ID_KEY = 'ID calendario';

registerJobHandler(CALENDAR_JOB, {
  label: () => 'Sincronizzazione calendario',
  open: () => openCalendarSync(),
});

registerSetupStep({ name: 'Calendario', run: ensureAcademyCalendar });

/** Creates the academy calendar (or adopts one of that name) unless `ID calendario` already names one. */
export function ensureAcademyCalendar(): string {
  if (!calendarServiceAvailable()) return `calendario non configurato: ${CALENDAR_SERVICE_MISSING}`;
  const current = readSettings().calendarId.trim();
  if (current && calendarExists(current)) return '';
  const adopted = findAcademyCalendarByName();
  const id = adopted || createAcademyCalendar();
  writeSetting(CALENDAR_ID_KEY, id);
  logEvent(adopted ? 'Calendario collegato' : 'Calendario creato', `${ACADEMY_CALENDAR_NAME} (${id})`);
  return adopted ? `calendario «${ACADEMY_CALENDAR_NAME}» collegato` : `calendario «${ACADEMY_CALENDAR_NAME}» creato`;
}

export interface SyncResult {
  message: string;
  progress: JobProgress | null;
}

function countsMessage(counts: SyncCounts, failed: number): string {
  const parts = [
    `${counts.inserted} eventi creati`,
    `${counts.patched} aggiornati`,
    `${counts.cancelled} annullati`,
    `${counts.unchanged} già aggiornati`,
  ];
  let message = `Calendario sincronizzato: ${parts.join(', ')}.`;
  if (counts.meetPending)
    message += ` ${counts.meetPending} link Meet in preparazione: compariranno alla prossima sincronizzazione.`;
  if (counts.invalid.length) {
    message += ` Da correggere in «${TAB.sessioni}»: ${counts.invalid.map((i) => `${i.sessionId} (${i.message})`).join('; ')}`;
  }
  if (failed) message += ` ${failed} sessioni non sincronizzate (vedi Registro): riprovi più tardi.`;
  return message;
}

/**
 * What a sync needs before it may start: the Calendar service, the academy calendar, and (when one is
 * named) a course that exists and is out of `Bozza`. Returns the course's code, '' for every course.
 */
export function checkedSyncCourse(courseCode?: string): string {
  if (!calendarServiceAvailable()) throw new UserError(CALENDAR_SERVICE_MISSING);
  // Checked before a job starts: a job that cannot open would only fail again at every slice.
  if (!readSettings().calendarId.trim()) throw new UserError(CALENDAR_NOT_CONFIGURED);
  const course = typeof courseCode === 'string' ? courseCode.trim() : '';
  if (!course) return '';
  const courses = readTable(TAB.corsi);
  const found = courses.rows.find((r) => r.record.code === course);
  if (!found)
    throw new UserError(
      duplicateIdMessage(courses, course) ?? `Corso ${course} non trovato nel foglio «${TAB.corsi}».`,
    );
  if (found.record.status === 'Bozza')
    throw new UserError(
      `Il corso ${course} è in «Bozza»: le sue sessioni vanno in calendario quando esce dalla bozza.`,
    );
  return course;
}

/**
 * Sincronizza calendario. One course: done in this execution. Every course: a job, whose first slice
 * runs now and whose remaining slices continue by the job runner's trigger.
 */
export const syncCalendar = serverAction('Sincronizza calendario', (courseCode?: string): SyncResult => {
  const startedAt = Date.now();
  const course = checkedSyncCourse(courseCode);
  if (course) {
    const result = runCalendarSync({ courseCodes: [course] });
    return { message: countsMessage(result, result.failed.length), progress: null };
  }
  const { state, started } = startJob(CALENDAR_JOB, {});
  const report = runJobSlice(CALENDAR_JOB, startedAt);
  const progress = report.progress.find((p) => p.kind === CALENDAR_JOB) ?? null;
  const count = progress ? `${progress.done} di ${progress.total}` : '';
  if (!started) return { message: `È già in corso «${state.label}» (${count}): prosegue automaticamente.`, progress };
  if (!progress || progress.total === 0)
    return { message: 'Calendario già aggiornato: nessuna modifica necessaria.', progress };
  if (progress.status === 'in corso')
    return { message: `Calendario: ${count} sessioni sincronizzate; il resto prosegue automaticamente.`, progress };
  const failed = progress.failed ? `, ${progress.failed} non riuscite (vedi Registro)` : '';
  return { message: `Calendario sincronizzato: ${count} sessioni aggiornate${failed}.`, progress };
});
