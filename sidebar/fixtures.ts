/**
 * For the sidebar's unit tests: what the server sends, in the shapes of `src/gas/dashboard/types.ts`
 * and `src/gas/external/entry.ts`, with defaults a test overrides where its behaviour depends on them.
 */
import type { CourseSummary, Dashboard } from '../src/gas/dashboard/types';
import type { ExternalImportReport } from '../src/gas/external/entry';

export function courseSummary(code: string, over: Partial<CourseSummary> = {}): CourseSummary {
  return {
    code,
    title: `Corso ${code}`,
    status: 'Iscrizioni aperte',
    seats: 10,
    confirmed: 0,
    waiting: 0,
    toVerify: 0,
    firstDate: '',
    lastDate: '',
    ...over,
  };
}

/** A configured academy with its form published, on 20 March 2027, nothing in it yet. */
export function dashboardOf(over: Partial<Dashboard> = {}): Dashboard {
  return {
    user: 'staff@example.it',
    at: '2027-03-20T08:00:00.000Z',
    atText: '20/03/2027 09:00',
    counts: {
      coursesByStatus: {},
      enrollmentsByStatus: {},
      employees: 0,
      activeEmployees: 0,
      comuni: 0,
      comuniUnpaid: 0,
    },
    unpaidComuni: [],
    nextSessions: [],
    courses: [],
    jobs: [],
    pendingMails: 0,
    parkedMails: 0,
    problems: [],
    leftOut: [],
    leftOutText: '',
    formUrl: 'https://docs.google.com/forms/d/e/x/viewform',
    settings: {
      year: 2027,
      targetHours: 40,
      defaultThreshold: 75,
      requireFeePaid: false,
      referentApproval: false,
      maxSeatsPerComune: null,
      reminderDaysBefore: 2,
      staffNotificationEmail: '',
      calendarConfigured: true,
      templateConfigured: true,
    },
    ...over,
  };
}

/** A Syllabus export read: one row to add, one already there, one whose e-mail is nobody's. */
export const SYLLABUS_REPORT: ExternalImportReport = {
  message: '«syllabus.csv»: 1 righe da aggiungere a «Formazione esterna». Escluse: 1 già presenti.',
  file: 'syllabus.csv',
  columns: { email: 'Email utente', title: 'Titolo corso', hours: 'Ore', date: 'Data completamento' },
  add: [
    {
      line: 2,
      name: 'Anna Bassi',
      comune: 'Crema',
      email: 'anna.bassi@comune.crema.cr.it',
      title: 'Cybersicurezza',
      provider: 'Syllabus',
      hours: 1.5,
      date: '2027-03-02',
    },
  ],
  duplicates: [{ line: 3, text: 'luca.ferrari@… Cybersicurezza', reason: 'già in «Formazione esterna»' }],
  unmatched: [{ line: 4, text: 'ignoto@example.it', reason: 'nessun dipendente con questa email' }],
  invalid: [],
};
