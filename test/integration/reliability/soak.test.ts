import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { seededRandom } from '../../../src/local/runtime/random';
import type { ContractService } from '../../../src/local/runtime/latency';
import {
  COMUNI,
  expectEnrollmentInvariants,
  mails,
  numberedEmployees,
  openCourses,
  publish,
  randomTraffic,
  syncCalendar,
} from './helpers';

// About 65 s alone on 2 cores; the margin covers a loaded CI machine, not a hang.
jest.setTimeout(180_000);

const COURSES = Array.from({ length: 10 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
const EMPLOYEES = numberedEmployees(150);
const SERVICES: ContractService[] = ['Spreadsheet', 'Forms', 'Calendar', 'Docs', 'Drive', 'Mail'];
const TRANSIENT = [
  'Service unavailable',
  'Service invoked too many times in a short time',
  'Rate Limit Exceeded',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
];
const SUBMISSIONS = 260;

describe('soak', () => {
  test('hundreds of submissions with duplicates, cancellations, staff edits and faults keep every invariant', async () => {
    const random = seededRandom(20270201);
    const seats = new Map(COURSES.map((c) => [c, 2 + Math.floor(random() * 5)]));
    const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
    await prepareAcademy(academy, {
      settings: {},
      registry: { Comuni: COMUNI, Dipendenti: EMPLOYEES, ...openCourses(seats) },
    });
    publish(academy);
    syncCalendar(academy);

    const { requested, cancellations } = randomTraffic(academy, {
      random,
      submissions: SUBMISSIONS,
      employees: EMPLOYEES,
      courses: COURSES,
      maxCourses: 3,
      unknownRate: 0.04,
      cancelRate: 0.12,
      faultRate: 0.08,
      faultServices: SERVICES,
      faultMessages: TRANSIENT,
      maxFaultTimes: 3,
      maxMinutes: 20,
    });
    academy.ws.faults.splice(0);
    academy.advance(180);
    syncCalendar(academy);
    academy.advance(120);

    expectEnrollmentInvariants(academy, requested, seats);
    const sent = mails(academy);
    const promotions = sent.filter((m) => m.subject.startsWith('Posto confermato'));
    expect(new Set(promotions.map((m) => `${m.to}|${m.subject}`)).size).toBe(promotions.length);
    // Every response gets exactly one outcome mail, however often its trigger fired and whatever failed.
    const subjects = sent.map((m) => m.subject);
    expect(subjects.filter((s) => s === 'Iscrizione ai corsi: esito della richiesta')).toHaveLength(
      SUBMISSIONS - cancellations,
    );
    expect(subjects.filter((s) => s === 'Annullamento iscrizione ai corsi: esito')).toHaveLength(cancellations);
  });
});
