/**
 * Random form answers through the real form-submit trigger of `dist/Code.js`: names with quotes, emoji,
 * bidi marks, formulas and 20,000 characters, odd but valid e-mails, unknown course codes (a form left
 * open while its choices changed), cancellations by people nobody knows, triggers fired twice. Whatever
 * arrives, every execution ends well, every response leaves a `Registro` line, each accepted request is
 * exactly one row, no cell is a formula and no mail goes twice.
 */
import fc from 'fast-check';
import { isLive } from '../../src/core/enrollment/policy';
import { normalizeEmail } from '../../src/core/text';
import type { EnrollmentStatus } from '../../src/core/enrollment/types';
import { hostSubmit } from '../../src/local/services/forms/submit';
import { enrollmentFormId, enrollmentSubmission } from '../../src/local/scenario/submit';
import type { LocalAcademy } from '../../src/local/runtime/session';
import {
  formulasOf,
  hostileText,
  isRawError,
  mailsNotOnce,
  mustRun,
  OPEN_COURSES,
  PEOPLE,
  registroLength,
  registroRows,
  SavedAcademy,
  SEED,
} from './harness';

jest.setTimeout(60_000);

interface Answer {
  /** A known employee (by index, the address in any case) or a stranger's address. */
  sender: { known: number; shout: boolean } | { stranger: string };
  action: 'Iscrizione' | 'Annullamento';
  /** Real course codes, ticked as the form shows them. */
  courses: string[];
  /** Choices the form no longer has (or never had), sent by a stale form. */
  unknown: string[];
  firstName: string;
  lastName: string;
  comune: string;
  twice: boolean;
}

const strangerEmail = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(
    'sconosciuto@evil.example.com',
    '=cmd|x@evil.example.com',
    '"quoted"@example.com',
    "o'brien+corsi@comune.crema.cr.it",
    'zoë@comune.crema.cr.it',
    `${'a'.repeat(64)}@${'b'.repeat(60)}.it`,
  ),
);

const answer: fc.Arbitrary<Answer> = fc.record({
  sender: fc.oneof(
    { weight: 3, arbitrary: fc.record({ known: fc.nat({ max: PEOPLE.length - 1 }), shout: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ stranger: strangerEmail }) },
  ),
  action: fc.constantFrom('Iscrizione', 'Annullamento'),
  courses: fc.subarray([...OPEN_COURSES]),
  unknown: fc.array(
    fc.oneof(fc.constantFrom('WORD-AV', 'NON-ESISTE', 'EXC-BASE2', '— posti liberi: 2'), hostileText(300)),
    {
      maxLength: 2,
    },
  ),
  firstName: hostileText(),
  lastName: hostileText(),
  comune: fc.oneof(fc.constantFrom('Crema', 'Offanengo'), hostileText(200)),
  twice: fc.boolean(),
});

function senderEmail(a: Answer): string {
  if ('stranger' in a.sender) return a.sender.stranger;
  const email = (PEOPLE[a.sender.known] as { Email: string }).Email;
  return a.sender.shout ? email.toUpperCase() : email;
}

/** The submission the form page would send, or null when Google's form would refuse it. */
function submitted(academy: LocalAcademy, a: Answer): { responseId: string } | null {
  const email = senderEmail(a);
  const { formId, submission } = enrollmentSubmission(academy, { email, courses: a.courses, action: a.action });
  const courses = [...((submission.answers.Corsi as string[] | undefined) ?? []), ...a.unknown];
  const answers = { ...submission.answers, Nome: a.firstName, Cognome: a.lastName, Comune: a.comune, Corsi: courses };
  try {
    return { responseId: hostSubmit(academy.ws, formId, { email, answers, stale: true }) };
  } catch {
    // The form page refused it (a required answer left blank): nothing reached the add-on.
    return null;
  }
}

interface EnrollmentRow {
  ID: string;
  Corso: string;
  Email: string;
  Stato: string;
  'ID risposta': string;
}

function enrollments(academy: LocalAcademy): EnrollmentRow[] {
  const tab = academy.readTab('Iscrizioni');
  if (!tab) return [];
  return tab.rows.map(
    (r) => Object.fromEntries(tab.header.map((h, i) => [h, String(r[i] ?? '')])) as unknown as EnrollmentRow,
  );
}

describe('fuzz: random form answers', () => {
  let saved: SavedAcademy;
  beforeAll(async () => {
    saved = await SavedAcademy.prepare((academy) => mustRun(academy.call('publishEnrollmentForm')));
  });
  afterAll(() => saved.dispose());

  test('whatever the form sends, every run ends well, each response is logged and becomes its rows once, no formula, no mail twice', () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 5 }), (answers) => {
        const academy = saved.open();
        const formId = enrollmentFormId(academy);
        /** Live enrollments of known people as the requests, in order, should leave them. */
        const expected = new Set<string>();
        const failures: string[] = [];
        for (const a of answers) {
          const logged = registroLength(academy);
          const sent = submitted(academy, a);
          if (!sent) continue;
          const runs = academy.runtime.fireFormSubmit(formId, sent.responseId);
          if (a.twice) runs.push(...academy.runtime.fireFormSubmit(formId, sent.responseId));
          for (const r of runs) if (!r.ok) failures.push(`esecuzione fallita: ${r.error ?? ''}`);
          if (registroLength(academy) === logged) failures.push(`risposta ${sent.responseId} senza riga in Registro`);
          if (!('stranger' in a.sender)) {
            const email = normalizeEmail(senderEmail(a));
            for (const c of a.courses) {
              if (a.action === 'Iscrizione') expected.add(`${email}|${c}`);
              else expected.delete(`${email}|${c}`);
            }
          }
          academy.advance(1);
        }
        academy.advance(61);

        const rows = enrollments(academy);
        const byResponse = rows.filter((r) => r['ID risposta'] !== '').map((r) => `${r['ID risposta']}|${r.Corso}`);
        const duplicated = byResponse.filter((k, i) => byResponse.indexOf(k) !== i);
        const live = rows
          .filter((r) => isLive(r.Stato as EnrollmentStatus))
          .map((r) => `${normalizeEmail(r.Email)}|${r.Corso}`);
        const known = new Set(PEOPLE.map((p) => p.Email));
        const liveKnown = live.filter((k) => known.has(k.split('|')[0] as string));
        const crashes = registroRows(academy).filter((r) => isRawError(String(r.Dettagli)));
        expect({
          failures,
          duplicated,
          liveTwice: live.filter((k, i) => live.indexOf(k) !== i),
          liveKnown: [...new Set(liveKnown)].sort(),
          crashes,
          formulas: formulasOf(academy),
          mail: mailsNotOnce(academy),
        }).toEqual({
          failures: [],
          duplicated: [],
          liveTwice: [],
          liveKnown: [...expected].sort(),
          crashes: [],
          formulas: [],
          mail: [],
        });
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
