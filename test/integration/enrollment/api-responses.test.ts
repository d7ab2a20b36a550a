/**
 * A submission's answers come from one Forms API request when the API lists every response FormApp
 * lists (FormApp names how many there are in one call), and through FormApp, a call per item, when it
 * does not list them yet or cannot be read: the same rows and the same mail either way.
 */
import { LocalAcademy } from '../../../src/local/runtime/session';
import type { Variant } from '../../../src/local/runtime/variant';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { COMUNI, PEOPLE, SESSIONS, START, course, mails, publish, rows, step } from './helpers';

jest.setTimeout(30_000);

const ANNA = 'anna.bassi@comune.crema.cr.it';

async function publishedAcademy(variant: Variant): Promise<LocalAcademy> {
  const academy = LocalAcademy.fresh({ start: START, variant });
  await prepareAcademy(academy, {
    settings: {},
    registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
  });
  publish(academy);
  return academy;
}

/** Forms calls of one submission by method (the API's requests count as Forms calls too). */
function formsCallsOfSubmission(academy: LocalAcademy, email: string): Record<string, number> {
  academy.ws.resetCounts();
  const sent = step(academy, { do: 'submit', email, courses: ['EXC-BASE'] });
  if (!sent.ok) throw new Error(sent.error);
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(academy.ws.methodCounts)) if (key.startsWith('Forms.')) out[key] = n;
  return out;
}

function outcome(academy: LocalAcademy): unknown {
  return {
    rows: rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Corso, r.Stato, r.Origine, r['ID risposta'] !== '']),
    mails: mails(academy).map((m) => [m.to, m.subject]),
  };
}

describe('reading form responses', () => {
  // catalogue: REST-FORMS-READ, REST-FORMS-FRESH (lenient: the API lists the response at once)
  test('a submission the Forms API already lists costs two Forms calls: the form listing and one API request', async () => {
    const academy = await publishedAcademy('lenient');
    const calls = formsCallsOfSubmission(academy, ANNA);
    // The rest are the choices' refresh (the seats left changed), not the reading.
    const reading = Object.keys(calls).filter(
      (k) => !['Forms.getItemById', 'Forms.asCHECKBOX', 'Forms.setChoiceValues'].includes(k),
    );
    expect(Object.fromEntries(reading.map((k) => [k, calls[k]]))).toEqual({
      'Forms.getResponses': 1,
      'Forms.forms.responses.list': 1,
    });
    expect(outcome(academy)).toEqual({
      rows: [[ANNA, 'EXC-BASE', 'Confermata', 'Modulo', true]],
      mails: [[ANNA, 'Iscrizione ai corsi: esito della richiesta']],
    });
  });

  // catalogue: REST-FORMS-FRESH (strict: the API has not caught up when the trigger runs)
  test('a submission the API does not list yet is read through FormApp, with the same row and mail', async () => {
    const fresh = await publishedAcademy('strict');
    const calls = formsCallsOfSubmission(fresh, ANNA);
    expect(calls['Forms.forms.responses.list']).toBe(1);
    expect(calls['Forms.getItemResponses']).toBe(1);
    expect(calls['Forms.getResponse']).toBeGreaterThanOrEqual(4);
    const listed = await publishedAcademy('lenient');
    formsCallsOfSubmission(listed, ANNA);
    expect(outcome(fresh)).toEqual(outcome(listed));
  });

  test('the Forms API failing sends the run to FormApp: nothing is lost', async () => {
    const academy = await publishedAcademy('lenient');
    academy.ws.injectFault('UrlFetch', 1, 'Address unavailable: https://forms.googleapis.com');
    const calls = formsCallsOfSubmission(academy, ANNA);
    expect(calls['Forms.getItemResponses']).toBe(1);
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato])).toEqual([[ANNA, 'Confermata']]);
  });

  // catalogue: REST-FORMS-RESPONSE-ID (the API's id is recorded; a second firing finds it processed)
  test('the trigger firing twice for one response read through the API leaves one row and one mail', async () => {
    const academy = await publishedAcademy('lenient');
    const sent = step(academy, { do: 'submit', email: ANNA, courses: ['EXC-BASE'], duplicate: true });
    expect(sent.ok).toBe(true);
    expect(rows(academy, 'Iscrizioni')).toHaveLength(1);
    expect(String(rows(academy, 'Iscrizioni')[0]?.['ID risposta'])).toMatch(/^ACYDBN/);
    expect(mails(academy).filter((m) => m.to === ANNA)).toHaveLength(1);
  });

  test('a response the trigger missed is caught up by the reconciliation through the API', async () => {
    const academy = await publishedAcademy('strict');
    // The trigger's execution fails before it reads anything.
    academy.ws.injectFault('Lock', 1, 'Lock timeout: another process was holding the lock for too long.');
    step(academy, { do: 'submit', email: ANNA, courses: ['EXC-BASE'] });
    expect(rows(academy, 'Iscrizioni')).toHaveLength(0);
    academy.ws.resetCounts();
    expect(step(academy, { do: 'advance', minutes: 61 }).ok).toBe(true);
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato])).toEqual([[ANNA, 'Confermata']]);
    expect(academy.ws.methodCounts['Forms.forms.responses.list']).toBeGreaterThanOrEqual(1);
    expect(academy.ws.methodCounts['Forms.getItemResponses']).toBeUndefined();
  });
});
