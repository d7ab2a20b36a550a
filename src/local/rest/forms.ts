/**
 * Forms API v1, read side: `forms.get`, `forms.responses.list` (with its `timestamp` filter) and
 * `forms.responses.get` over the emulated forms (the very forms and responses FormApp keeps; catalogue:
 * REST-FORMS-READ). Question ids are the items' ids in hex, as the API names questions by opaque strings;
 * a response's REST id is not FormApp's (REST-FORMS-RESPONSE-ID), and strictly a response reaches the
 * API's answers only a while after it was sent (REST-FORMS-FRESH).
 */
import type { Workspace } from '../runtime/workspace';
import { strictAbout } from '../runtime/variant';
import { json, RestError, type RestRequest, type RestResponse } from './http';

/** The part of the emulated forms' state this endpoint reads (see services/forms.ts). */
interface FormsSlot {
  forms: Record<
    string,
    {
      id: string;
      publishedKey: string;
      title: string;
      description: string;
      published: boolean;
      items: Array<{ id: number; type: string; title: string; helpText: string; required: boolean; choices: string[] }>;
      responses: Array<{
        id: string;
        timestampMs: number;
        email: string;
        answers: Array<{ itemId: number; value: string | string[] }>;
      }>;
    }
  >;
}

const CHOICE_TYPES: Record<string, string> = { CHECKBOX: 'CHECKBOX', MULTIPLE_CHOICE: 'RADIO', LIST: 'DROP_DOWN' };

function questionId(itemId: number): string {
  return itemId.toString(16).padStart(8, '0');
}

function itemResource(item: FormsSlot['forms'][string]['items'][number]): Record<string, unknown> {
  const question: Record<string, unknown> = { questionId: questionId(item.id), required: item.required };
  const choice = CHOICE_TYPES[item.type];
  if (choice) question.choiceQuestion = { type: choice, options: item.choices.map((value) => ({ value })) };
  else if (item.type === 'PARAGRAPH_TEXT') question.textQuestion = { paragraph: true };
  else if (item.type === 'SCALE') question.scaleQuestion = { low: 1, high: 5 };
  else question.textQuestion = {};
  return {
    itemId: questionId(item.id),
    title: item.title,
    ...(item.helpText ? { description: item.helpText } : {}),
    questionItem: { question },
  };
}

const PATH = /^\/v1\/forms\/([^/]+)(\/responses(?:\/([^/]+))?)?$/;

/**
 * How long after its submission a response stays out of the API's answers under the strict variant
 * (REST-FORMS-FRESH, unverified): longer than a submit trigger takes to start, so the trigger's own run
 * never finds its response there.
 */
export const STRICT_LISTING_DELAY_MS = 60_000;

type StoredResponse = FormsSlot['forms'][string]['responses'][number];

/**
 * The response's id as the API gives it: another string than FormApp's `getId()` (public examples show
 * `2_ABaOnu…` from FormApp and `ACYDBN…` from the API), stable for one response.
 */
export function restResponseId(formAppId: string): string {
  return `ACYDBN${Buffer.from(formAppId, 'utf8').toString('base64url')}`;
}

const FILTER = /^\s*timestamp\s*(>=|>)\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)\s*$/;

/** The documented filters only (`timestamp > T`, `timestamp >= T`, T in RFC 3339 UTC); anything else is a 400. */
function filterOf(text: string | null): (atMs: number) => boolean {
  if (text === null || text === '') return () => true;
  const m = FILTER.exec(text);
  const bound = m ? Date.parse(m[2] as string) : Number.NaN;
  if (!m || Number.isNaN(bound)) throw new RestError(400, `Invalid filter: ${text}`, 'badRequest');
  return m[1] === '>' ? (at) => at > bound : (at) => at >= bound;
}

function responseResource(formId: string, r: StoredResponse, withFormId: boolean): Record<string, unknown> {
  const time = new Date(r.timestampMs).toISOString();
  const answers: Record<string, unknown> = {};
  for (const a of r.answers) {
    const values = Array.isArray(a.value) ? a.value : [a.value];
    answers[questionId(a.itemId)] = {
      questionId: questionId(a.itemId),
      textAnswers: { answers: values.map((value) => ({ value })) },
    };
  }
  return {
    ...(withFormId ? { formId } : {}),
    responseId: restResponseId(r.id),
    createTime: time,
    lastSubmittedTime: time,
    ...(r.email ? { respondentEmail: r.email } : {}),
    answers,
  };
}

export function handleForms(ws: Workspace, req: RestRequest): RestResponse | null {
  const m = PATH.exec(req.path);
  if (!m || req.method !== 'GET') return null;
  const id = decodeURIComponent(m[1] as string);
  const form = ws.slot<FormsSlot>('forms', () => ({ forms: {} })).forms[id];
  if (!form) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  const one = m[3] === undefined ? null : decodeURIComponent(m[3]);
  ws.call('Forms', one !== null ? 'forms.responses.get' : m[2] ? 'forms.responses.list' : 'forms.get');
  const now = ws.now();
  const fresh = form.responses.some((r) => r.timestampMs <= now && r.timestampMs > now - STRICT_LISTING_DELAY_MS);
  const delay = fresh && strictAbout(ws, 'REST-FORMS-FRESH') ? STRICT_LISTING_DELAY_MS : 0;
  const visible = form.responses.filter((r) => r.timestampMs <= now - delay);
  if (one !== null) {
    const found = visible.find((r) => restResponseId(r.id) === one);
    if (!found) throw new RestError(404, 'Requested entity was not found.', 'notFound');
    return json(200, responseResource(form.id, found, true));
  }
  if (!m[2]) {
    return json(200, {
      formId: form.id,
      info: {
        title: form.title,
        documentTitle: form.title,
        ...(form.description ? { description: form.description } : {}),
      },
      items: form.items.map(itemResource),
      responderUri: `https://docs.google.com/forms/d/e/${form.publishedKey}/viewform`,
      publishSettings: { publishState: { isPublished: form.published, isAcceptingResponses: form.published } },
    });
  }
  const pageSize = Math.min(Math.max(Number(req.query.get('pageSize') ?? 5000) || 5000, 1), 5000);
  const offset = Number.parseInt(req.query.get('pageToken') ?? '0', 36) || 0;
  const keep = filterOf(req.query.get('filter'));
  const matching = visible.filter((r) => keep(r.timestampMs));
  // A listing leaves `formId` out of each response (the reference's note on responses[]).
  const page = matching.slice(offset, offset + pageSize).map((r) => responseResource(form.id, r, false));
  const out: Record<string, unknown> = page.length ? { responses: page } : {};
  if (offset + pageSize < matching.length) out.nextPageToken = (offset + pageSize).toString(36);
  return json(200, out);
}
