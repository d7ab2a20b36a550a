import { type Workspace } from '../../runtime/workspace';
import { GenericItemFacade, ItemBase } from './items';
import { strictAbout } from '../../runtime/variant';
import { getForm, publishedUrlOf, type ResponseData } from './model';

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

export class ItemResponseFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
    private readonly itemId: number,
    private readonly value: string | string[],
    private readonly responseId: string,
  ) {}
  getItem(): GenericItemFacade {
    this.ws.call('Forms', 'getItem');
    return new GenericItemFacade(this.ws, this.formId, this.itemId);
  }
  /**
   * A checkbox answer is a string[]; every other answer a string (a scale's number as text). Google: "The
   * order of the strings in the array may vary" (docs/google-behaviour.md, FORMS-CHECKBOX-ORDER), so
   * strictly the choices come back in an order of their own, never the one they were ticked in.
   */
  getResponse(): string | string[] {
    this.ws.call('Forms', 'getResponse');
    if (!Array.isArray(this.value)) return this.value;
    if (!strictAbout(this.ws, 'FORMS-CHECKBOX-ORDER')) return [...this.value];
    return reordered(this.value, `${this.responseId}:${this.itemId}`);
  }
  getScore(): number | null {
    this.ws.call('Forms', 'getScore');
    return null;
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
}
