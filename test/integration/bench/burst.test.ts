/**
 * The figures `burst@10k` reports, checked on a small academy where the answer is known: a request
 * without a row is lost, a second live row for one request is a duplicate, a sender without an outcome
 * mail is unconfirmed, and the waiting time runs from Send to the first mail.
 */
import { burstFigures, type Arrival } from '../../../src/local/bench/burst';
import { enrollmentSubmission } from '../../../src/local/scenario/submit';
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import { academyWith, PEOPLE, publish } from '../enrollment/helpers';

jest.setTimeout(30_000);

test('burst figures count lost requests, duplicated rows, unconfirmed senders and minutes to the mail', async () => {
  const academy = await academyWith();
  publish(academy);
  const [anna, luca, giulia] = PEOPLE.map((p) => p.Email);
  const sentAt = academy.ws.now();
  const { formId, submission } = enrollmentSubmission(academy, { email: anna as string, courses: ['EXC-BASE'] });
  academy.submit(formId, submission);
  const arrivals: Arrival[] = [
    { atMs: sentAt, email: anna as string, courses: ['EXC-BASE'] },
    // Never sent: no row, no mail.
    { atMs: sentAt, email: luca as string, courses: ['EXC-BASE'] },
  ];
  expect(burstFigures(academy, arrivals)).toMatchObject({ lost: 1, duplicated: 0, unconfirmed: 1 });
  const first = burstFigures(academy, arrivals.slice(0, 1));
  expect(first).toMatchObject({ lost: 0, duplicated: 0, unconfirmed: 0 });
  expect(first.p95Minutes).toBeLessThan(1);

  hostAppendRecords(academy.ws, academy.spreadsheetId, 'Iscrizioni', [
    { ID: 'I09999', Corso: 'EXC-BASE', Email: anna, Stato: 'In attesa', Origine: 'Modulo', 'ID risposta': 'x' },
    { ID: 'I09998', Corso: 'EXC-BASE', Email: giulia, Stato: 'Annullata', Origine: 'Modulo' },
  ]);
  expect(burstFigures(academy, arrivals.slice(0, 1)).duplicated).toBe(1);
});
