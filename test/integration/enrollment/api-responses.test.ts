/**
 * A submission's answers come from the spreadsheet's form-submit event when its response is the one after
 * the watermark (four FormApp calls tie them together, none per item; three when the event sits on the row
 * right below the last one proven, whose sender's column it then reads); a backlog (a response an earlier
 * run missed) is read in one Forms API request when the API lists every response FormApp lists, and
 * through FormApp, a call per item, when it does not list them yet or cannot be read: the same rows and
 * the same mail every way.
 */
import { LocalAcademy } from '../../../src/local/runtime/session';
import type { Variant } from '../../../src/local/runtime/variant';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { enrollmentSubmission } from '../../../src/local/scenario/submit';
import { formsGlobals, hostSubmit } from '../../../src/local/services/forms';
import { propertiesService } from '../../../src/local/services/script/properties';
import { hostTabNames, spreadsheetGlobals } from '../../../src/local/services/spreadsheet';
import { COMUNI, PEOPLE, SESSIONS, START, course, mails, publish, rows, step } from './helpers';

jest.setTimeout(30_000);

const ANNA = 'anna.bassi@comune.crema.cr.it';
const LUCA = 'luca.ferrari@comune.crema.cr.it';
/** FormApp's calls of a submission proven by its sender's address: the tie's case leaves out the address. */
const PROVEN = { 'Forms.openById': 1, 'Forms.getResponses': 1, 'Forms.getTimestamp': 1, 'Forms.getRespondentEmail': 1 };
const TIED = { 'Forms.openById': 1, 'Forms.getResponses': 1, 'Forms.getTimestamp': 1 };

async function publishedAcademy(variant: Variant): Promise<LocalAcademy> {
  const academy = LocalAcademy.fresh({ start: START, variant });
  await prepareAcademy(academy, {
    settings: {},
    registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: [course()], Sessioni: SESSIONS },
  });
  publish(academy);
  return academy;
}

/** The choices' refresh after a change of seats, not the reading of a response. */
const REFRESH = ['Forms.getItemById', 'Forms.asCHECKBOX', 'Forms.setChoiceValues'];

/** Forms calls of one submission by method, the choices' refresh left out (the API's requests count as Forms calls too). */
function formsCallsOfSubmission(academy: LocalAcademy, email: string): Record<string, number> {
  academy.ws.resetCounts();
  const sent = step(academy, { do: 'submit', email, courses: ['EXC-BASE'] });
  if (!sent.ok) throw new Error(sent.error);
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(academy.ws.methodCounts))
    if (key.startsWith('Forms.') && !REFRESH.includes(key)) out[key] = n;
  return out;
}

/** Anna's response is left behind (her run fails before it reads anything); Luca's run finds both. */
function backlogOfTwo(academy: LocalAcademy): Record<string, number> {
  academy.ws.injectFault('Lock', 1, 'Lock timeout: another process was holding the lock for too long.');
  step(academy, { do: 'submit', email: ANNA, courses: ['EXC-BASE'] });
  expect(rows(academy, 'Iscrizioni')).toHaveLength(0);
  return formsCallsOfSubmission(academy, LUCA);
}

function responsesSheet(academy: LocalAcademy): GoogleAppsScript.Spreadsheet.Sheet {
  const name = hostTabNames(academy.ws, academy.spreadsheetId).find((t) => t.startsWith('Risposte del modulo'));
  const sheet = name
    ? spreadsheetGlobals(academy.ws).SpreadsheetApp.openById(academy.spreadsheetId).getSheetByName(name)
    : null;
  if (!sheet) throw new Error('no responses tab');
  return sheet;
}

function formOf(academy: LocalAcademy): GoogleAppsScript.Forms.Form {
  const { formId } = enrollmentSubmission(academy, { email: ANNA, courses: ['EXC-BASE'] });
  return formsGlobals(academy.ws).FormApp.openById(formId);
}

/** The responses' ids the form lists, oldest first. */
function formResponseIds(academy: LocalAcademy): string[] {
  return formOf(academy)
    .getResponses()
    .map((r) => r.getId());
}

function outcome(academy: LocalAcademy): unknown {
  return {
    rows: rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Corso, r.Stato, r.Origine, r['ID risposta'] !== '']),
    mails: mails(academy).map((m) => [m.to, m.subject]),
  };
}

describe('reading form responses', () => {
  // catalogue: FORMS-SUBMIT-EVENT, FORMS-DESTINATION-ROW (either answer: the times agree within a second)
  test.each(['strict', 'lenient'] as const)(
    'a submission is read from the spreadsheet’s submit event: the listing, its time and its sender, none per item (%s)',
    async (variant) => {
      const academy = await publishedAcademy(variant);
      expect(formsCallsOfSubmission(academy, ANNA)).toEqual(PROVEN);
      expect(outcome(academy)).toEqual({
        rows: [[ANNA, 'EXC-BASE', 'Confermata', 'Modulo', true]],
        mails: [[ANNA, 'Iscrizione ai corsi: esito della richiesta']],
      });
    },
  );

  // catalogue: REST-FORMS-READ, REST-FORMS-FRESH (lenient: the API lists the responses at once)
  test('a backlog the Forms API already lists is read in one API request, with no call per item', async () => {
    const academy = await publishedAcademy('lenient');
    const calls = backlogOfTwo(academy);
    expect(calls['Forms.forms.responses.list']).toBe(1);
    expect(calls['Forms.getItemResponses']).toBeUndefined();
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato])).toEqual([
      [ANNA, 'Confermata'],
      [LUCA, 'Confermata'],
    ]);
  });

  // catalogue: REST-FORMS-FRESH (strict: the API has not caught up with the fresh responses)
  test('a backlog the API does not list yet is read through FormApp, with the same rows and mails', async () => {
    const fresh = await publishedAcademy('strict');
    const calls = backlogOfTwo(fresh);
    expect(calls['Forms.forms.responses.list']).toBe(1);
    expect(calls['Forms.getItemResponses']).toBe(2);
    const listed = await publishedAcademy('lenient');
    backlogOfTwo(listed);
    expect(outcome(fresh)).toEqual(outcome(listed));
  });

  test('the Forms API failing sends a backlog to FormApp: nothing is lost', async () => {
    const academy = await publishedAcademy('lenient');
    academy.ws.injectFault('UrlFetch', 1, 'Address unavailable: https://forms.googleapis.com');
    const calls = backlogOfTwo(academy);
    expect(calls['Forms.getItemResponses']).toBe(2);
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato])).toEqual([
      [ANNA, 'Confermata'],
      [LUCA, 'Confermata'],
    ]);
  });

  // catalogue: FORMS-SUBMIT-TWICE (the second firing finds the watermark past its response)
  test('the trigger firing twice for one response leaves one row with FormApp’s id and one mail', async () => {
    const academy = await publishedAcademy('strict');
    const sent = step(academy, { do: 'submit', email: ANNA, courses: ['EXC-BASE'], duplicate: true });
    expect(sent.ok).toBe(true);
    expect(rows(academy, 'Iscrizioni')).toHaveLength(1);
    expect(String(rows(academy, 'Iscrizioni')[0]?.['ID risposta'])).toMatch(/^2_/);
    expect(mails(academy).filter((m) => m.to === ANNA)).toHaveLength(1);
  });

  // catalogue: REST-FORMS-RESPONSE-ID (the API's id is recorded; a second firing finds it processed)
  test('a backlog read through the API, its trigger firing twice, leaves one row a response and one mail each', async () => {
    const academy = await publishedAcademy('lenient');
    academy.ws.injectFault('Lock', 1, 'Lock timeout: another process was holding the lock for too long.');
    step(academy, { do: 'submit', email: ANNA, courses: ['EXC-BASE'] });
    expect(step(academy, { do: 'submit', email: LUCA, courses: ['EXC-BASE'], duplicate: true }).ok).toBe(true);
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, String(r['ID risposta']).slice(0, 6)])).toEqual([
      [ANNA, 'ACYDBN'],
      [LUCA, 'ACYDBN'],
    ]);
    expect(mails(academy).map((m) => m.to)).toEqual([ANNA, LUCA]);
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

  // catalogue: FORMS-DESTINATION-ROW (a new response's row is the one below the last)
  test.each(['strict', 'lenient'] as const)(
    'a submission on the row below the last one proven takes its sender from the event: no FormApp call for it (%s)',
    async (variant) => {
      const academy = await publishedAcademy(variant);
      expect(formsCallsOfSubmission(academy, ANNA)).toEqual(PROVEN);
      expect(formsCallsOfSubmission(academy, LUCA)).toEqual(TIED);
      expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato, r['ID risposta']])).toEqual(
        formResponseIds(academy).map((id, i) => [[ANNA, LUCA][i], 'Confermata', id]),
      );
      expect(mails(academy).map((m) => m.to)).toEqual([ANNA, LUCA]);
    },
  );

  test('staff deleting a row of the responses tab make the next submission prove its sender again', async () => {
    const academy = await publishedAcademy('strict');
    formsCallsOfSubmission(academy, ANNA);
    responsesSheet(academy).deleteRow(2);
    expect(formsCallsOfSubmission(academy, LUCA)).toEqual(PROVEN);
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato])).toEqual([
      [ANNA, 'Confermata'],
      [LUCA, 'Confermata'],
    ]);
  });

  // catalogue: FORMS-SUBMIT-TWICE (a firing again of a response already processed)
  test('an earlier response firing again while a newer one waits is not taken for the newer one', async () => {
    const academy = await publishedAcademy('strict');
    formsCallsOfSubmission(academy, ANNA);
    const [anna] = formOf(academy).getResponses();
    if (!anna) throw new Error('no response');
    const { formId, submission } = enrollmentSubmission(academy, { email: LUCA, courses: ['EXC-BASE'] });
    // Luca's response is stored a millisecond after Anna's (so that their times cannot tell them apart), but
    // his trigger has not run yet when Anna's fires again.
    const lucaId = hostSubmit(academy.ws, formId, { ...submission, atMs: anna.getTimestamp().getTime() + 1 });
    expect(academy.runtime.fireFormSubmit(formId, anna.getId()).every((r) => r.ok)).toBe(true);
    expect(academy.runtime.fireFormSubmit(formId, lucaId).every((r) => r.ok)).toBe(true);
    expect(rows(academy, 'Iscrizioni').map((r) => [r.Email, r['ID risposta']])).toEqual([
      [ANNA, anna.getId()],
      [LUCA, lucaId],
    ]);
    expect(mails(academy).map((m) => m.to)).toEqual([ANNA, LUCA]);
  });

  test('a tie edited by hand into nonsense changes nothing but the calls', async () => {
    const academy = await publishedAcademy('strict');
    formsCallsOfSubmission(academy, ANNA);
    const props = propertiesService(academy.ws) as {
      getScriptProperties(): { setProperty(k: string, v: string): unknown };
    };
    props.getScriptProperties().setProperty('a4pa.form.lastResponse', '{"row":');
    expect(formsCallsOfSubmission(academy, LUCA)).toEqual(PROVEN);
    expect(formsCallsOfSubmission(academy, 'marco.conti@comune.crema.cr.it')).toEqual(TIED);
  });
});
