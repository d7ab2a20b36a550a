import { type Workspace } from '../../runtime/workspace';
import { FormFacade } from './form';
import {
  collectsEmail,
  formIdFromUrl,
  getForm,
  type ItemData,
  LAYOUT_TYPES,
  publishedUrlOf,
  type ResponseLanding,
} from './model';
import { formsState } from './state';
import { FormResponseFacade } from './responses';

export function responseLanding(ws: Workspace, formId: string, responseId: string): ResponseLanding | null {
  return getForm(ws, formId).responses.find((r) => r.id === responseId)?.landing ?? null;
}

/** The event an installable form-submit trigger bound to the form receives (the runtime adds `triggerUid`). */
export function formSubmitEvent(ws: Workspace, formId: string, responseId: string): Record<string, unknown> {
  const form = getForm(ws, formId);
  if (!form.responses.some((r) => r.id === responseId)) throw new Error(`No response ${responseId} in form ${formId}.`);
  return {
    response: new FormResponseFacade(ws, formId, responseId),
    source: new FormFacade(ws, formId),
    authMode: 'FULL',
  };
}

/**
 * An item as the respondent sees it: its validation stays on the server, a scale only on scale items;
 * `choices` are a grid's columns and `rows` its rows (empty for other items).
 */
export type FormItemView = Pick<ItemData, 'id' | 'type' | 'title' | 'helpText' | 'required' | 'choices'> & {
  rows: string[];
  scale: ItemData['scale'] | null;
};

export interface FormView {
  id: string;
  title: string;
  description: string;
  published: boolean;
  accepting: boolean;
  closedMessage: string;
  collectsEmail: boolean;
  confirmationMessage: string;
  publishedUrl: string;
  items: FormItemView[];
}

/** What an employee sees when opening the form (for the playground). */
export function hostFormView(ws: Workspace, formId: string): FormView {
  const form = getForm(ws, formId);
  return {
    id: form.id,
    title: form.title,
    description: form.description,
    published: form.published,
    accepting: form.accepting,
    closedMessage: form.closedMessage,
    collectsEmail: collectsEmail(form),
    confirmationMessage: form.confirmationMessage,
    publishedUrl: publishedUrlOf(ws, formId),
    items: form.items.map((i) => ({
      id: i.id,
      type: i.type,
      title: i.title,
      helpText: i.helpText,
      required: i.required,
      choices: [...i.choices],
      rows: [...(i.rows ?? [])],
      scale: i.type === 'SCALE' ? { ...i.scale } : null,
    })),
  };
}

/** The form whose edit or published URL this is, or null (host API: the playground resolves links). */
export function hostFormIdByUrl(ws: Workspace, url: string): string | null {
  try {
    return formIdFromUrl(ws, url);
  } catch {
    return null;
  }
}

/** The respondents of the responses the form still keeps, oldest first (host API, not a script call). */
export function hostResponseEmails(ws: Workspace, formId: string): string[] {
  return getForm(ws, formId).responses.map((r) => r.respondent);
}

export function snapshotForms(ws: Workspace): Array<{
  id: string;
  title: string;
  accepting: boolean;
  published: boolean;
  items: Array<{ title: string; type: string; required: boolean; choices: string[] }>;
}> {
  return Object.values(formsState(ws).forms).map((f) => ({
    id: f.id,
    title: f.title,
    accepting: f.accepting,
    published: f.published,
    items: f.items.map((i) => ({
      title: i.title,
      type: i.type,
      required: LAYOUT_TYPES.has(i.type) ? false : i.required,
      choices: [...i.choices],
    })),
  }));
}
