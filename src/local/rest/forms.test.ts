import { Workspace } from '../runtime/workspace';
import type { Variant } from '../runtime/variant';
import { formsGlobals, hostSubmit } from '../services/forms';
import { callRest } from './testing';
import { restResponseId, STRICT_LISTING_DELAY_MS } from './forms';

const START = Date.UTC(2027, 0, 11, 9);

function get(ws: Workspace, url: string): ReturnType<typeof callRest> {
  return callRest(ws, 'GET', url);
}

/** A form with one text item and three responses a minute apart, the clock two minutes past the last. */
function formWithResponses(variant: Variant): { ws: Workspace; formId: string; ids: string[] } {
  const ws = Workspace.create({ startMs: START, variant });
  const form = formsGlobals(ws).FormApp.create('Iscrizioni 2027');
  form.addTextItem().setTitle('Nome');
  (form as unknown as { setPublished(published: boolean): void }).setPublished(true);
  form.setCollectEmail(true);
  const ids: string[] = [];
  for (const name of ['Anna', 'Bruno', 'Carla']) {
    ids.push(
      hostSubmit(ws, form.getId(), { email: `${name.toLowerCase()}@comune.example.it`, answers: { Nome: name } }),
    );
    ws.advanceClock(60_000);
  }
  ws.advanceClock(2 * 60_000);
  return { ws, formId: form.getId(), ids };
}

type Listed = Array<{ responseId: string; lastSubmittedTime: string; formId?: string }>;

describe('emulated Forms API: responses', () => {
  // catalogue: REST-FORMS-READ
  test('lists only the responses after a timestamp filter, `>` leaving out the one at the instant', () => {
    const { ws, formId } = formWithResponses('lenient');
    const all = (get(ws, `/v1/forms/${formId}/responses`).body.responses as Listed).map((r) => r.lastSubmittedTime);
    expect(all).toHaveLength(3);
    const list = (filter: string) =>
      (get(ws, `/v1/forms/${formId}/responses?filter=${encodeURIComponent(filter)}`).body.responses as Listed) ?? [];
    expect(list(`timestamp > ${all[1] as string}`).map((r) => r.lastSubmittedTime)).toEqual([all[2]]);
    const atOrAfter = list(`timestamp >= ${all[1] as string}`);
    expect(atOrAfter.map((r) => r.lastSubmittedTime)).toEqual([all[1], all[2]]);
    expect(atOrAfter.every((r) => r.formId === undefined)).toBe(true);
  });

  // catalogue: REST-FORMS-READ
  test('refuses a filter the API does not document with 400', () => {
    const { ws, formId } = formWithResponses('lenient');
    const answer = get(ws, `/v1/forms/${formId}/responses?filter=${encodeURIComponent('email = "anna"')}`);
    expect(answer.status).toBe(400);
    expect((answer.body.error as { status: string }).status).toBe('INVALID_ARGUMENT');
  });

  // catalogue: REST-FORMS-RESPONSE-ID
  test("names a response by an id of its own, not FormApp's, and gets it by that id", () => {
    const { ws, formId, ids } = formWithResponses('lenient');
    const listed = (get(ws, `/v1/forms/${formId}/responses`).body.responses as Listed).map((r) => r.responseId);
    expect(listed).toEqual(ids.map(restResponseId));
    expect(listed.some((id) => ids.includes(id))).toBe(false);
    const one = get(ws, `/v1/forms/${formId}/responses/${listed[1] as string}`);
    expect(one.status).toBe(200);
    expect(one.body.formId).toBe(formId);
    expect(one.body.respondentEmail).toBe('bruno@comune.example.it');
    expect(get(ws, `/v1/forms/${formId}/responses/${ids[1] as string}`).status).toBe(404);
  });

  // catalogue: REST-FORMS-FRESH
  test('strictly keeps a response out of the API for a while after it was sent; leniently lists it at once', () => {
    for (const variant of ['strict', 'lenient'] as const) {
      const { ws, formId } = formWithResponses(variant);
      const form = formsGlobals(ws).FormApp.openById(formId);
      const late = hostSubmit(ws, formId, { email: 'dario@comune.example.it', answers: { Nome: 'Dario' } });
      expect(form.getResponses().map((r) => r.getId())).toContain(late);
      const count = () => (get(ws, `/v1/forms/${formId}/responses`).body.responses as Listed).length;
      expect(count()).toBe(variant === 'strict' ? 3 : 4);
      ws.advanceClock(STRICT_LISTING_DELAY_MS);
      expect(count()).toBe(4);
    }
  });
});
