/**
 * Forms API v1, read side: `forms.get` and `forms.responses.list` over the emulated forms (the very
 * forms and responses FormApp keeps; catalogue: REST-FORMS-READ). Question ids are the items' ids in hex,
 * as the API names questions by opaque strings.
 */
import type { Workspace } from '../runtime/workspace';
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

const PATH = /^\/v1\/forms\/([^/]+)(\/responses)?$/;

export function handleForms(ws: Workspace, req: RestRequest): RestResponse | null {
  const m = PATH.exec(req.path);
  if (!m || req.method !== 'GET') return null;
  const id = decodeURIComponent(m[1] as string);
  const form = ws.slot<FormsSlot>('forms', () => ({ forms: {} })).forms[id];
  if (!form) throw new RestError(404, 'Requested entity was not found.', 'notFound');
  ws.call('Forms', m[2] ? 'forms.responses.list' : 'forms.get');
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
  const page = form.responses.slice(offset, offset + pageSize).map((r) => {
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
      formId: form.id,
      responseId: r.id,
      createTime: time,
      lastSubmittedTime: time,
      ...(r.email ? { respondentEmail: r.email } : {}),
      answers,
    };
  });
  const out: Record<string, unknown> = page.length ? { responses: page } : {};
  if (offset + pageSize < form.responses.length) out.nextPageToken = (offset + pageSize).toString(36);
  return json(200, out);
}
