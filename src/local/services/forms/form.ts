import { type Workspace } from '../../runtime/workspace';
import { linkDestination, unlinkDestination } from './destination';
import {
  ChoiceItemFacade,
  GenericItemFacade,
  GridItemFacade,
  ItemBase,
  PageBreakItemFacade,
  ScaleItemFacade,
  SectionHeaderFacade,
  TextItemFacade,
  typedItem,
} from './items';
import {
  collectsEmail,
  DestinationType,
  editUrl,
  type EmailCollection,
  EmailCollectionType,
  type FormData,
  formIdFromUrl,
  getForm,
  type ItemData,
  type ItemTypeName,
  publishedUrlOf,
} from './model';
import { formsState } from './state';
import { FormResponseFacade, NewFormResponseFacade } from './responses';

/** The form's plain settings: each a getter and a chainable setter over one field, counted as one call. */
const SETTINGS: ReadonlyArray<{ get: string; set: string; field: keyof FormData; kind: 'string' | 'boolean' }> = [
  { get: 'getTitle', set: 'setTitle', field: 'title', kind: 'string' },
  { get: 'getDescription', set: 'setDescription', field: 'description', kind: 'string' },
  { get: 'isPublished', set: 'setPublished', field: 'published', kind: 'boolean' },
  { get: 'isAcceptingResponses', set: 'setAcceptingResponses', field: 'accepting', kind: 'boolean' },
  { get: 'getCustomClosedFormMessage', set: 'setCustomClosedFormMessage', field: 'closedMessage', kind: 'string' },
  { get: 'canEditResponse', set: 'setAllowResponseEdits', field: 'allowResponseEdits', kind: 'boolean' },
  {
    get: 'hasLimitOneResponsePerUser',
    set: 'setLimitOneResponsePerUser',
    field: 'limitOneResponsePerUser',
    kind: 'boolean',
  },
  { get: 'hasRespondAgainLink', set: 'setShowLinkToRespondAgain', field: 'showLinkToRespondAgain', kind: 'boolean' },
  { get: 'getConfirmationMessage', set: 'setConfirmationMessage', field: 'confirmationMessage', kind: 'string' },
];

export class FormFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
  ) {}

  private data(method: string): FormData {
    this.ws.call('Forms', method);
    return getForm(this.ws, this.formId);
  }

  field(method: string, field: keyof FormData): unknown {
    return this.data(method)[field];
  }

  setField(method: string, field: keyof FormData, value: string | boolean): this {
    return this.update(method, (f) => Object.assign(f, { [field]: value }));
  }

  private update(method: string, change: (form: FormData) => void): this {
    change(this.data(method));
    return this;
  }

  /** Apps Script objects print their class name (catalogue: FORMS-CREATE-NAMING). */
  toString(): string {
    return 'Form';
  }

  getId(): string {
    return getForm(this.ws, this.formId).id;
  }
  getPublishedUrl(): string {
    this.data('getPublishedUrl');
    return publishedUrlOf(this.ws, this.formId);
  }
  getEditUrl(): string {
    return editUrl(this.data('getEditUrl'));
  }
  shortenFormUrl(url: string): string {
    const form = this.data('shortenFormUrl');
    if (formIdFromUrl(this.ws, String(url)) !== form.id) throw new Error('Invalid argument: url');
    return `https://forms.gle/${form.shortCode}`;
  }
  collectsEmail(): boolean {
    return collectsEmail(this.data('collectsEmail'));
  }
  setCollectEmail(collect: boolean): this {
    return this.update('setCollectEmail', (f) => (f.emailCollection = collect ? 'VERIFIED' : 'DO_NOT_COLLECT'));
  }
  getEmailCollectionType(): EmailCollection {
    return this.data('getEmailCollectionType').emailCollection;
  }
  setEmailCollectionType(type: EmailCollection): this {
    if (!(String(type) in EmailCollectionType)) throw new Error(`Invalid argument: emailCollectionType`);
    return this.update('setEmailCollectionType', (f) => (f.emailCollection = type));
  }

  setDestination(type: string, id: string): this {
    if (type !== DestinationType.SPREADSHEET) throw new Error('Invalid argument: type');
    const form = this.data('setDestination');
    linkDestination(this.ws, form, String(id));
    return this;
  }
  getDestinationId(): string {
    const destination = this.data('getDestinationId').destination;
    if (!destination) throw new Error('This form does not currently have a response destination.');
    return destination.spreadsheetId;
  }
  getDestinationType(): string {
    const destination = this.data('getDestinationType').destination;
    if (!destination) throw new Error('This form does not currently have a response destination.');
    return DestinationType.SPREADSHEET;
  }
  removeDestination(): this {
    return this.update('removeDestination', (f) => {
      if (f.destination) unlinkDestination(this.ws, f.destination);
      f.destination = null;
    });
  }

  getItems(type?: string): GenericItemFacade[] {
    const items = this.data('getItems').items.filter((i) => type === undefined || i.type === type);
    return items.map((i) => new GenericItemFacade(this.ws, this.formId, i.id));
  }
  getItemById(id: number): GenericItemFacade | null {
    const item = this.data('getItemById').items.find((i) => i.id === Number(id));
    return item ? new GenericItemFacade(this.ws, this.formId, item.id) : null;
  }
  addCheckboxItem(): ChoiceItemFacade {
    return this.addItem('addCheckboxItem', 'CHECKBOX') as ChoiceItemFacade;
  }
  addMultipleChoiceItem(): ChoiceItemFacade {
    return this.addItem('addMultipleChoiceItem', 'MULTIPLE_CHOICE') as ChoiceItemFacade;
  }
  addListItem(): ChoiceItemFacade {
    return this.addItem('addListItem', 'LIST') as ChoiceItemFacade;
  }
  addTextItem(): TextItemFacade {
    return this.addItem('addTextItem', 'TEXT') as TextItemFacade;
  }
  addParagraphTextItem(): TextItemFacade {
    return this.addItem('addParagraphTextItem', 'PARAGRAPH_TEXT') as TextItemFacade;
  }
  addScaleItem(): ScaleItemFacade {
    return this.addItem('addScaleItem', 'SCALE') as ScaleItemFacade;
  }
  addSectionHeaderItem(): SectionHeaderFacade {
    return this.addItem('addSectionHeaderItem', 'SECTION_HEADER') as SectionHeaderFacade;
  }
  addPageBreakItem(): PageBreakItemFacade {
    return this.addItem('addPageBreakItem', 'PAGE_BREAK') as PageBreakItemFacade;
  }
  addGridItem(): GridItemFacade {
    return this.addItem('addGridItem', 'GRID') as GridItemFacade;
  }
  addCheckboxGridItem(): GridItemFacade {
    return this.addItem('addCheckboxGridItem', 'CHECKBOX_GRID') as GridItemFacade;
  }
  deleteItem(target: number | ItemBase): void {
    const form = this.data('deleteItem');
    const index = typeof target === 'number' ? target : form.items.findIndex((i) => i.id === target.getId());
    if (!Number.isInteger(index) || index < 0 || index >= form.items.length) throw new Error(`Invalid argument: index`);
    form.items.splice(index, 1);
  }
  moveItem(from: number | ItemBase, toIndex: number): ItemBase {
    const form = this.data('moveItem');
    const index = typeof from === 'number' ? from : form.items.findIndex((i) => i.id === from.getId());
    if (index < 0 || index >= form.items.length || toIndex < 0 || toIndex >= form.items.length) {
      throw new Error('Invalid argument: index');
    }
    const [item] = form.items.splice(index, 1);
    form.items.splice(toIndex, 0, item);
    return typedItem(this.ws, this.formId, item);
  }

  /** A response the script fills with `withItemResponse` and sends with `submit()` (catalogue: FORMS-SCRIPT-SUBMIT). */
  createResponse(): NewFormResponseFacade {
    this.data('createResponse');
    return new NewFormResponseFacade(this.ws, this.formId);
  }

  /** All responses, or (as Google documents `getResponses(timestamp)`) those submitted after `timestamp`. */
  getResponses(timestamp?: Date): FormResponseFacade[] {
    const after = timestamp instanceof Date ? timestamp.getTime() : Number.NEGATIVE_INFINITY;
    return this.data('getResponses')
      .responses.filter((r) => r.timestampMs > after)
      .map((r) => new FormResponseFacade(this.ws, this.formId, r.id));
  }
  /**
   * Removes one response from the form's own store. As Google documents, the copy already written to
   * a linked spreadsheet stays where it is.
   */
  deleteResponse(responseId: string): this {
    const form = this.data('deleteResponse');
    const index = form.responses.findIndex((r) => r.id === String(responseId));
    if (index < 0) throw new Error('No response with the given ID could be found.');
    form.responses.splice(index, 1);
    return this;
  }
  deleteAllResponses(): this {
    return this.update('deleteAllResponses', (f) => (f.responses = []));
  }
  getResponse(responseId: string): FormResponseFacade {
    const response = this.data('getResponse').responses.find((r) => r.id === String(responseId));
    if (!response) throw new Error('No response with the given ID could be found.');
    return new FormResponseFacade(this.ws, this.formId, response.id);
  }

  private addItem(method: string, type: ItemTypeName): ItemBase {
    const form = this.data(method);
    const state = formsState(this.ws);
    const item: ItemData = {
      id: state.nextItemId++,
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      validation: null,
      scale: { lower: 1, upper: 5, lowerLabel: '', upperLabel: '' },
      ...(type === 'GRID' || type === 'CHECKBOX_GRID' ? { rows: [] } : {}),
    };
    form.items.push(item);
    return typedItem(this.ws, this.formId, item);
  }
}

for (const { get, set, field, kind } of SETTINGS) {
  Object.defineProperty(FormFacade.prototype, get, {
    value(this: FormFacade): unknown {
      return this.field(get, field);
    },
  });
  Object.defineProperty(FormFacade.prototype, set, {
    value(this: FormFacade, value: unknown): FormFacade {
      return this.setField(set, field, kind === 'boolean' ? Boolean(value) : String(value));
    },
  });
}
