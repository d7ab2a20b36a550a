import { type Workspace } from '../../runtime/workspace';
import { GenericItemFacade, ItemBase } from './items';
import { getForm, publishedUrlOf, type ResponseData } from './model';

export class ItemResponseFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
    private readonly itemId: number,
    private readonly value: string | string[],
  ) {}
  getItem(): GenericItemFacade {
    this.ws.call('Forms', 'getItem');
    return new GenericItemFacade(this.ws, this.formId, this.itemId);
  }
  /** A checkbox answer is a string[]; every other answer a string (a scale's number as text). */
  getResponse(): string | string[] {
    this.ws.call('Forms', 'getResponse');
    return Array.isArray(this.value) ? [...this.value] : this.value;
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
      (a) => new ItemResponseFacade(this.ws, this.formId, a.itemId, a.value),
    );
  }
  getResponseForItem(item: ItemBase): ItemResponseFacade | null {
    const answer = this.data('getResponseForItem').answers.find((a) => a.itemId === item.getId());
    return answer ? new ItemResponseFacade(this.ws, this.formId, answer.itemId, answer.value) : null;
  }
  getEditResponseUrl(): string {
    this.ws.call('Forms', 'getEditResponseUrl');
    return `${publishedUrlOf(this.ws, this.formId)}?edit2=${this.responseId}`;
  }
}
