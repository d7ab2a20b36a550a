import { type Workspace } from '../../runtime/workspace';
import { strictAbout } from '../../runtime/variant';
import { appendResponseRow } from './destination';
import { GenericItemFacade, ItemBase } from './items';
import { type AnswerValue, collectsEmail, getForm, publishedUrlOf, type ResponseData } from './model';
import { currentUser } from '../script/common';

/** A permutation fixed by `seed` (stable across reads of one answer) that is never the given order. */
function reordered(values: string[], seed: string): string[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  if (out.length > 1 && out.every((v, i) => v === values[i])) out.reverse();
  return out;
}

function copied(value: AnswerValue): AnswerValue {
  if (!Array.isArray(value)) return value;
  return value.map((v) => (Array.isArray(v) ? [...v] : v)) as AnswerValue;
}

export class ItemResponseFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
    readonly itemId: number,
    readonly value: AnswerValue,
    /** The submitted response this answer belongs to; null for one made by `createResponse`. */
    private readonly responseId: string | null,
  ) {}
  getItem(): GenericItemFacade {
    this.ws.call('Forms', 'getItem');
    return new GenericItemFacade(this.ws, this.formId, this.itemId);
  }
  /**
   * A checkbox answer is a string[], a grid's one entry per row; every other answer a string (a scale's
   * number as text). Google: "The order of the strings in the array may vary" (docs/google-behaviour.md,
   * FORMS-CHECKBOX-ORDER), so strictly a submitted checkbox answer comes back in an order of its own,
   * never the one it was ticked in; a grid's entries stay by row.
   */
  getResponse(): AnswerValue {
    this.ws.call('Forms', 'getResponse');
    const value = this.value;
    if (!Array.isArray(value) || this.responseId === null) return copied(value);
    const item = getForm(this.ws, this.formId).items.find((i) => i.id === this.itemId);
    // An answer whose item was deleted is a checkbox's when it is a plain list of strings.
    const flat = value.every((v): v is string => typeof v === 'string');
    const checkbox = item === undefined ? flat : item.type === 'CHECKBOX';
    if (!checkbox || !flat || !strictAbout(this.ws, 'FORMS-CHECKBOX-ORDER')) return copied(value);
    return reordered(value, `${this.responseId}:${this.itemId}`);
  }
  getScore(): number | null {
    this.ws.call('Forms', 'getScore');
    return null;
  }
  toString(): string {
    return 'ItemResponse';
  }
}

export class FormResponseFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
    private readonly responseId: string,
  ) {}
  private data(method: string): ResponseData {
    this.ws.call('Forms', method);
    const response = getForm(this.ws, this.formId).responses.find((r) => r.id === this.responseId);
    if (!response) throw new Error('No response with the given ID could be found.');
    return response;
  }
  getId(): string {
    return this.responseId;
  }
  getTimestamp(): Date {
    return new Date(this.data('getTimestamp').timestampMs);
  }
  getRespondentEmail(): string {
    return this.data('getRespondentEmail').email;
  }
  getItemResponses(): ItemResponseFacade[] {
    return this.data('getItemResponses').answers.map(
      (a) => new ItemResponseFacade(this.ws, this.formId, a.itemId, a.value, this.responseId),
    );
  }
  getResponseForItem(item: ItemBase): ItemResponseFacade | null {
    const answer = this.data('getResponseForItem').answers.find((a) => a.itemId === item.getId());
    return answer ? new ItemResponseFacade(this.ws, this.formId, answer.itemId, answer.value, this.responseId) : null;
  }
  getEditResponseUrl(): string {
    this.ws.call('Forms', 'getEditResponseUrl');
    return `${publishedUrlOf(this.ws, this.formId)}?edit2=${this.responseId}`;
  }
  toString(): string {
    return 'FormResponse';
  }
}

/**
 * A response the script builds with `Form.createResponse()`, `withItemResponse` per answer, then
 * `submit()`: it has no id or timestamp until submitted; submitting stores it like a respondent's
 * (catalogue: FORMS-SCRIPT-SUBMIT), lands it in the linked tab, and fires no trigger (FORMS-SUBMIT-EVENT).
 */
export class NewFormResponseFacade {
  private readonly answers = new Map<number, ItemResponseFacade>();
  private submitted = false;

  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
  ) {}
  withItemResponse(response: ItemResponseFacade): this {
    this.ws.call('Forms', 'withItemResponse');
    if (!(response instanceof ItemResponseFacade)) throw new Error('Invalid argument: response');
    const form = getForm(this.ws, this.formId);
    if (!form.items.some((i) => i.id === response.itemId)) {
      throw new Error('Invalid argument: the item response belongs to another form.');
    }
    this.answers.set(response.itemId, response);
    return this;
  }
  getId(): null {
    return null;
  }
  getItemResponses(): ItemResponseFacade[] {
    this.ws.call('Forms', 'getItemResponses');
    const order = getForm(this.ws, this.formId).items.map((i) => i.id);
    return [...this.answers.values()].sort((a, b) => order.indexOf(a.itemId) - order.indexOf(b.itemId));
  }
  submit(): FormResponseFacade {
    this.ws.call('Forms', 'submit');
    if (this.submitted) throw new Error('This response has already been submitted.');
    const form = getForm(this.ws, this.formId);
    if (!form.accepting) throw new Error('This form is not accepting responses.');
    const order = form.items.map((i) => i.id);
    const user = currentUser(this.ws);
    const response: ResponseData = {
      id: this.ws.newId('2_ABaOnu', 40),
      timestampMs: Math.floor(this.ws.now()),
      email: collectsEmail(form) ? user : '',
      respondent: user,
      answers: [...this.answers.values()]
        .sort((a, b) => order.indexOf(a.itemId) - order.indexOf(b.itemId))
        .map((a) => ({ itemId: a.itemId, value: copied(a.value) })),
    };
    form.responses.push(response);
    if (form.destination) appendResponseRow(this.ws, form, form.destination, response);
    this.submitted = true;
    return new FormResponseFacade(this.ws, this.formId, response.id);
  }
  toString(): string {
    return 'FormResponse';
  }
}
