import type { Workspace } from '../runtime/workspace';
import { appendRowsToSheet, ensureSheet, hostTabNames } from './spreadsheet';
import { cellFor, sheetByName, spreadsheetData, type SheetData } from './spreadsheet/model';

/**
 * The emulated FormApp. Forms live in the `forms` slot as plain data; the script sees facades that read
 * that data on every call (an item handle keeps working after the item is updated in place, as
 * Google's does, and fails once the item is deleted). Every script-facing method goes through
 * `ws.call('Forms', ...)`, except the `getId()` of a handle already in hand.
 */

export type ItemTypeName =
  'CHECKBOX' | 'MULTIPLE_CHOICE' | 'LIST' | 'TEXT' | 'PARAGRAPH_TEXT' | 'SCALE' | 'SECTION_HEADER';
export type EmailCollection = 'DO_NOT_COLLECT' | 'VERIFIED' | 'RESPONDER_INPUT';

interface TextValidationData {
  kind: 'EMAIL' | 'URL' | 'NUMBER' | 'WHOLE_NUMBER' | 'PATTERN' | 'MAX_LENGTH' | 'MIN_LENGTH';
  argument: string | number | null;
  helpText: string;
}

interface ItemData {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  validation: TextValidationData | null;
  scale: { lower: number; upper: number; lowerLabel: string; upperLabel: string };
}

interface ResponseData {
  id: string;
  timestampMs: number;
  /** The respondent's e-mail as `getRespondentEmail` answers: '' when the form does not collect it. */
  email: string;
  /** The signed-in account that answered, kept even when not collected (one-response limit). */
  respondent: string;
  answers: Array<{ itemId: number; value: string | string[] }>;
  /** Where the linked spreadsheet got this response's row, when the form had a destination. */
  landing?: ResponseLanding;
}

export interface ResponseLanding {
  spreadsheetId: string;
  sheetId: number;
  row: number;
}

/** One responses-tab column: the timestamp, the e-mail or a question (by item id). */
type DestinationColumn = { kind: 'timestamp' } | { kind: 'email' } | { kind: 'item'; itemId: number; title: string };

interface DestinationData {
  spreadsheetId: string;
  /** The tab is followed by id, as on Google: staff may rename it and responses keep landing there. */
  sheetId?: number;
  sheetName: string;
  columns: DestinationColumn[];
}

interface FormData {
  id: string;
  /** The id in the published URL (`/forms/d/e/<key>/viewform`), distinct from the edit id as on Google. */
  publishedKey: string;
  shortCode: string;
  title: string;
  description: string;
  published: boolean;
  accepting: boolean;
  closedMessage: string;
  emailCollection: EmailCollection;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  showLinkToRespondAgain: boolean;
  confirmationMessage: string;
  destination: DestinationData | null;
  items: ItemData[];
  responses: ResponseData[];
}

interface FormsState {
  forms: Record<string, FormData>;
  nextItemId: number;
}

function formsState(ws: Workspace): FormsState {
  return ws.slot<FormsState>('forms', () => ({ forms: {}, nextItemId: 1_284_000_001 }));
}

/**
 * Forms created through the API (FormApp included) after 30 June 2026 start unpublished (Google's
 * "API changes to Google Forms" guide); before that they were published at creation.
 */
const UNPUBLISHED_BY_DEFAULT_FROM_MS = Date.parse('2026-07-01T00:00:00-07:00');

/** Google's Italian names for what a linked spreadsheet receives. */
export const RESPONSES_SHEET_PREFIX = 'Risposte del modulo ';
export const TIMESTAMP_HEADER = 'Informazioni cronologiche';
export const EMAIL_HEADER = 'Indirizzo email';

const CHOICE_TYPES: ReadonlySet<ItemTypeName> = new Set(['CHECKBOX', 'MULTIPLE_CHOICE', 'LIST']);

function enumOf<T extends string>(names: readonly T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

const ItemType = enumOf([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
] as const);
const DestinationType = enumOf(['SPREADSHEET'] as const);
const EmailCollectionType = enumOf(['DO_NOT_COLLECT', 'VERIFIED', 'RESPONDER_INPUT'] as const);

function getForm(ws: Workspace, formId: string): FormData {
  const form = formsState(ws).forms[formId];
  if (!form) throw new Error(`No item with the given ID could be found, or you do not have permission to access it.`);
  return form;
}

function getItem(form: FormData, itemId: number): ItemData {
  const item = form.items.find((i) => i.id === itemId);
  if (!item) throw new Error('Invalid data updating form: the item has been deleted.');
  return item;
}

function collectsEmail(form: FormData): boolean {
  return form.emailCollection !== 'DO_NOT_COLLECT';
}

function editUrl(form: FormData): string {
  return `https://docs.google.com/forms/d/${form.id}/edit`;
}

export function publishedUrlOf(ws: Workspace, formId: string): string {
  return `https://docs.google.com/forms/d/e/${getForm(ws, formId).publishedKey}/viewform`;
}

function createForm(ws: Workspace, title: string): FormData {
  const id = ws.newId('1', 43);
  const form: FormData = {
    id,
    publishedKey: ws.newId('1FAIpQLS', 48),
    shortCode: ws.newId('', 17),
    title,
    description: '',
    published: ws.now() < UNPUBLISHED_BY_DEFAULT_FROM_MS,
    accepting: true,
    closedMessage: '',
    emailCollection: 'DO_NOT_COLLECT',
    allowResponseEdits: false,
    limitOneResponsePerUser: false,
    showLinkToRespondAgain: true,
    confirmationMessage: '',
    destination: null,
    items: [],
    responses: [],
  };
  formsState(ws).forms[id] = form;
  return form;
}

function formIdFromUrl(ws: Workspace, url: string): string {
  const edit = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(url);
  if (edit && edit[1] !== 'e' && formsState(ws).forms[edit[1]]) return edit[1];
  const published = /\/forms\/d\/e\/([A-Za-z0-9_-]+)/.exec(url);
  const byKey = published && Object.values(formsState(ws).forms).find((f) => f.publishedKey === published[1]);
  if (byKey) return byKey.id;
  throw new Error(`No item with the given ID could be found, or you do not have permission to access it.`);
}

class TextValidationBuilderFacade {
  private rule: Omit<TextValidationData, 'helpText'> | null = null;
  private helpText = '';

  requireTextIsEmail(): this {
    return this.set('EMAIL', null);
  }
  requireTextIsUrl(): this {
    return this.set('URL', null);
  }
  requireNumber(): this {
    return this.set('NUMBER', null);
  }
  requireWholeNumber(): this {
    return this.set('WHOLE_NUMBER', null);
  }
  requireTextMatchesPattern(pattern: string): this {
    return this.set('PATTERN', String(pattern));
  }
  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this.set('MAX_LENGTH', Number(n));
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this.set('MIN_LENGTH', Number(n));
  }
  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }
  build(): TextValidationFacade {
    if (!this.rule) throw new Error('The validation has no rule: call a require method before build().');
    return new TextValidationFacade({ ...this.rule, helpText: this.helpText });
  }
  private set(kind: TextValidationData['kind'], argument: string | number | null): this {
    this.rule = { kind, argument };
    return this;
  }
}

class TextValidationFacade {
  constructor(readonly data: TextValidationData) {}
}

/** The checks Forms runs in the respondent's browser, as the host submit applies them. */
function textValidationError(v: TextValidationData, text: string): string | null {
  const ok = ((): boolean => {
    switch (v.kind) {
      case 'EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
      case 'URL':
        return /^https?:\/\/\S+$/.test(text);
      case 'NUMBER':
        return text.trim() !== '' && Number.isFinite(Number(text));
      case 'WHOLE_NUMBER':
        return /^-?\d+$/.test(text.trim());
      case 'PATTERN':
        return new RegExp(`^(?:${String(v.argument)})$`).test(text);
      case 'MAX_LENGTH':
        return text.length <= Number(v.argument);
      case 'MIN_LENGTH':
        return text.length >= Number(v.argument);
    }
  })();
  if (ok) return null;
  return v.helpText || 'Il valore inserito non è valido.';
}

class ChoiceFacade {
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
}

/** What every item handle shares: it names its form and item and reads them on each call. */
class ItemBase {
  constructor(
    protected readonly ws: Workspace,
    protected readonly formId: string,
    protected readonly itemId: number,
  ) {}

  protected data(method: string): ItemData {
    this.ws.call('Forms', method);
    return getItem(getForm(this.ws, this.formId), this.itemId);
  }

  protected update(method: string, change: (item: ItemData) => void): this {
    change(this.data(method));
    return this;
  }

  getId(): number {
    return getItem(getForm(this.ws, this.formId), this.itemId).id;
  }
  getIndex(): number {
    this.ws.call('Forms', 'getIndex');
    return getForm(this.ws, this.formId).items.findIndex((i) => i.id === this.itemId);
  }
  getTitle(): string {
    return this.data('getTitle').title;
  }
  setTitle(title: string): this {
    return this.update('setTitle', (i) => (i.title = String(title)));
  }
  getHelpText(): string {
    return this.data('getHelpText').helpText;
  }
  setHelpText(text: string): this {
    return this.update('setHelpText', (i) => (i.helpText = String(text)));
  }
  getType(): ItemTypeName {
    return this.data('getType').type;
  }
}

class QuestionItemFacade extends ItemBase {
  isRequired(): boolean {
    return this.data('isRequired').required;
  }
  setRequired(enabled: boolean): this {
    return this.update('setRequired', (i) => (i.required = Boolean(enabled)));
  }
}

class ChoiceItemFacade extends QuestionItemFacade {
  createChoice(value: string): ChoiceFacade {
    this.ws.call('Forms', 'createChoice');
    return new ChoiceFacade(String(value));
  }
  setChoiceValues(values: string[]): this {
    return this.update('setChoiceValues', (i) => (i.choices = checkedChoices(values.map(String))));
  }
  setChoices(choices: ChoiceFacade[]): this {
    return this.update('setChoices', (i) => (i.choices = checkedChoices(choices.map((c) => c.getValue()))));
  }
  getChoices(): ChoiceFacade[] {
    return this.data('getChoices').choices.map((c) => new ChoiceFacade(c));
  }
  showOtherOption(enabled: boolean): this {
    if (enabled) throw new Error('The "other" option is not supported by this emulator.');
    this.ws.call('Forms', 'showOtherOption');
    return this;
  }
}

function checkedChoices(values: string[]): string[] {
  if (values.length === 0) throw new Error('Invalid data updating form: a choice item needs at least one choice.');
  if (values.some((v) => v === '')) throw new Error('Invalid data updating form: choice values cannot be empty.');
  return values;
}

class TextItemFacade extends QuestionItemFacade {
  setValidation(validation: TextValidationFacade | null): this {
    return this.update('setValidation', (i) => (i.validation = validation ? { ...validation.data } : null));
  }
  clearValidation(): this {
    return this.update('clearValidation', (i) => (i.validation = null));
  }
}

class ScaleItemFacade extends QuestionItemFacade {
  setBounds(lower: number, upper: number): this {
    if (lower !== 0 && lower !== 1) throw new Error('Invalid data updating form: the lower bound must be 0 or 1.');
    if (upper < 3 || upper > 10)
      throw new Error('Invalid data updating form: the upper bound must be between 3 and 10.');
    return this.update('setBounds', (i) => {
      i.scale.lower = lower;
      i.scale.upper = upper;
    });
  }
  setLabels(lower: string, upper: string): this {
    return this.update('setLabels', (i) => {
      i.scale.lowerLabel = String(lower);
      i.scale.upperLabel = String(upper);
    });
  }
  getLowerBound(): number {
    return this.data('getLowerBound').scale.lower;
  }
  getUpperBound(): number {
    return this.data('getUpperBound').scale.upper;
  }
  getLeftLabel(): string {
    return this.data('getLeftLabel').scale.lowerLabel;
  }
  getRightLabel(): string {
    return this.data('getRightLabel').scale.upperLabel;
  }
}

class SectionHeaderFacade extends ItemBase {}

/** A generic `Item` (from `getItems()`): only the shared accessors and the typed casts. */
class GenericItemFacade extends ItemBase {
  asCheckboxItem(): ChoiceItemFacade {
    return this.cast('CHECKBOX', ChoiceItemFacade);
  }
  asMultipleChoiceItem(): ChoiceItemFacade {
    return this.cast('MULTIPLE_CHOICE', ChoiceItemFacade);
  }
  asListItem(): ChoiceItemFacade {
    return this.cast('LIST', ChoiceItemFacade);
  }
  asTextItem(): TextItemFacade {
    return this.cast('TEXT', TextItemFacade);
  }
  asParagraphTextItem(): TextItemFacade {
    return this.cast('PARAGRAPH_TEXT', TextItemFacade);
  }
  asScaleItem(): ScaleItemFacade {
    return this.cast('SCALE', ScaleItemFacade);
  }
  asSectionHeaderItem(): SectionHeaderFacade {
    return this.cast('SECTION_HEADER', SectionHeaderFacade);
  }
  private cast<T extends ItemBase>(
    type: ItemTypeName,
    Facade: new (ws: Workspace, formId: string, itemId: number) => T,
  ): T {
    const item = this.data(`as${type}`);
    if (item.type !== type) throw new Error(`Item of type ${item.type} cannot be cast to ${type}.`);
    return new Facade(this.ws, this.formId, this.itemId);
  }
}

function typedItem(ws: Workspace, formId: string, item: ItemData): ItemBase {
  switch (item.type) {
    case 'CHECKBOX':
    case 'MULTIPLE_CHOICE':
    case 'LIST':
      return new ChoiceItemFacade(ws, formId, item.id);
    case 'TEXT':
    case 'PARAGRAPH_TEXT':
      return new TextItemFacade(ws, formId, item.id);
    case 'SCALE':
      return new ScaleItemFacade(ws, formId, item.id);
    case 'SECTION_HEADER':
      return new SectionHeaderFacade(ws, formId, item.id);
  }
}

class ItemResponseFacade {
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

class FormResponseFacade {
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

class FormFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
  ) {}

  private data(method: string): FormData {
    this.ws.call('Forms', method);
    return getForm(this.ws, this.formId);
  }

  private update(method: string, change: (form: FormData) => void): this {
    change(this.data(method));
    return this;
  }

  getId(): string {
    return getForm(this.ws, this.formId).id;
  }
  getTitle(): string {
    return this.data('getTitle').title;
  }
  setTitle(title: string): this {
    return this.update('setTitle', (f) => (f.title = String(title)));
  }
  getDescription(): string {
    return this.data('getDescription').description;
  }
  setDescription(text: string): this {
    return this.update('setDescription', (f) => (f.description = String(text)));
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
  isPublished(): boolean {
    return this.data('isPublished').published;
  }
  setPublished(published: boolean): this {
    return this.update('setPublished', (f) => (f.published = Boolean(published)));
  }
  isAcceptingResponses(): boolean {
    return this.data('isAcceptingResponses').accepting;
  }
  setAcceptingResponses(enabled: boolean): this {
    return this.update('setAcceptingResponses', (f) => (f.accepting = Boolean(enabled)));
  }
  getCustomClosedFormMessage(): string {
    return this.data('getCustomClosedFormMessage').closedMessage;
  }
  setCustomClosedFormMessage(message: string): this {
    return this.update('setCustomClosedFormMessage', (f) => (f.closedMessage = String(message)));
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
  canEditResponse(): boolean {
    return this.data('canEditResponse').allowResponseEdits;
  }
  setAllowResponseEdits(enabled: boolean): this {
    return this.update('setAllowResponseEdits', (f) => (f.allowResponseEdits = Boolean(enabled)));
  }
  hasLimitOneResponsePerUser(): boolean {
    return this.data('hasLimitOneResponsePerUser').limitOneResponsePerUser;
  }
  setLimitOneResponsePerUser(enabled: boolean): this {
    return this.update('setLimitOneResponsePerUser', (f) => (f.limitOneResponsePerUser = Boolean(enabled)));
  }
  hasRespondAgainLink(): boolean {
    return this.data('hasRespondAgainLink').showLinkToRespondAgain;
  }
  setShowLinkToRespondAgain(enabled: boolean): this {
    return this.update('setShowLinkToRespondAgain', (f) => (f.showLinkToRespondAgain = Boolean(enabled)));
  }
  getConfirmationMessage(): string {
    return this.data('getConfirmationMessage').confirmationMessage;
  }
  setConfirmationMessage(message: string): this {
    return this.update('setConfirmationMessage', (f) => (f.confirmationMessage = String(message)));
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
    };
    form.items.push(item);
    return typedItem(this.ws, this.formId, item);
  }
}

/**
 * Linking a spreadsheet adds a new responses tab, named as an Italian spreadsheet names it ("Risposte
 * del modulo 1", then 2, ...: never an existing tab), with the header row written at once.
 */
function linkDestination(ws: Workspace, form: FormData, spreadsheetId: string): void {
  const existing = new Set(hostTabNames(ws, spreadsheetId));
  let n = 1;
  while (existing.has(`${RESPONSES_SHEET_PREFIX}${n}`)) n += 1;
  const sheetName = `${RESPONSES_SHEET_PREFIX}${n}`;
  ensureSheet(ws, spreadsheetId, sheetName);
  const sheet = sheetByName(spreadsheetData(ws, spreadsheetId), sheetName);
  if (!sheet) throw new Error(`Il foglio "${sheetName}" non è stato creato.`);
  sheet.formUrl = editUrl(form);
  if (form.destination) unlinkDestination(ws, form.destination);
  const destination: DestinationData = { spreadsheetId, sheetId: sheet.id, sheetName, columns: [] };
  form.destination = destination;
  syncDestinationColumns(ws, form, destination);
}

/**
 * The responses tab's columns for the form as it is now, as Google keeps them: a new question gets a new
 * column at the end, a renamed one keeps its column under the new title, a deleted one keeps its column
 * and its last title. Returns whether anything changed.
 */
function refreshColumns(form: FormData, destination: DestinationData): boolean {
  const columns = destination.columns;
  let changed = false;
  if (!columns.some((c) => c.kind === 'timestamp')) {
    columns.unshift({ kind: 'timestamp' });
    changed = true;
  }
  if (collectsEmail(form) && !columns.some((c) => c.kind === 'email')) {
    // Second on a fresh tab; turned on later, a new column at the end, so rows already written stay aligned.
    columns.push({ kind: 'email' });
    changed = true;
  }
  for (const item of form.items) {
    if (item.type === 'SECTION_HEADER') continue;
    const column = columns.find((c) => c.kind === 'item' && c.itemId === item.id);
    if (!column) {
      columns.push({ kind: 'item', itemId: item.id, title: item.title });
      changed = true;
    } else if (column.kind === 'item' && column.title !== item.title) {
      column.title = item.title;
      changed = true;
    }
  }
  return changed;
}

function syncDestinationColumns(ws: Workspace, form: FormData, destination: DestinationData): void {
  refreshColumns(form, destination);
  const header = destination.columns.map((c) =>
    c.kind === 'timestamp' ? TIMESTAMP_HEADER : c.kind === 'email' ? EMAIL_HEADER : c.title,
  );
  writeHeaderRow(ws, destination, header);
}

/** The linked tab under its current name (by id; workbooks saved before ids were kept go by name). */
function destinationSheet(ws: Workspace, destination: DestinationData): SheetData | undefined {
  const ss = spreadsheetData(ws, destination.spreadsheetId);
  const sheet =
    (destination.sheetId === undefined
      ? sheetByName(ss, destination.sheetName)
      : ss.sheets.find((s) => s.id === destination.sheetId)) ?? undefined;
  if (sheet) destination.sheetName = sheet.name;
  return sheet;
}

/** The tab stays, with its rows, but no longer belongs to the form. */
function unlinkDestination(ws: Workspace, destination: DestinationData): void {
  const sheet = destinationSheet(ws, destination);
  if (sheet) delete sheet.formUrl;
}

/** Google rewrites the header cells itself (no script call, no parsing of what it writes). */
function writeHeaderRow(ws: Workspace, destination: DestinationData, header: string[]): void {
  const sheet = destinationSheet(ws, destination);
  if (!sheet) throw new Error(`Il foglio "${destination.sheetName}" collegato al modulo non esiste più.`);
  header.forEach((title, index) => {
    const cell = cellFor(sheet, 1, index + 1);
    cell.v = title;
    delete cell.f;
  });
}

export interface Submission {
  email: string;
  answers: Record<string, string | string[]>;
  /** The respondent had the form open before its choices changed: old choices still arrive. */
  stale?: boolean;
  /** When Send was pressed, if before now (a rush replayed while an earlier execution still ran). */
  atMs?: number;
}

/**
 * An employee sends the form (host API, not a script call). Refuses, in Italian, what Google's form page
 * would refuse; stores the response and appends its row to the linked responses tab. Does not fire
 * triggers: the runner fires them with `Runtime.fireFormSubmit`.
 */
export function hostSubmit(ws: Workspace, formId: string, submission: Submission): string {
  const form = formsState(ws).forms[formId];
  if (!form) throw new Error(`Il modulo ${formId} non esiste.`);
  if (!form.published) throw new Error(`Il modulo "${form.title}" non è pubblicato: non accetta risposte.`);
  if (!form.accepting) {
    throw new Error(form.closedMessage || `Il modulo "${form.title}" non accetta più risposte.`);
  }
  const email = submission.email.trim();
  if (collectsEmail(form) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new Error('Indirizzo email mancante o non valido.');
  }
  if (
    form.limitOneResponsePerUser &&
    email !== '' &&
    form.responses.some((r) => r.respondent.toLowerCase() === email.toLowerCase())
  ) {
    throw new Error('Hai già risposto. Puoi compilare il modulo una sola volta.');
  }
  const byTitle = new Map(form.items.map((i) => [normalizeTitle(i.title), i]));
  for (const title of Object.keys(submission.answers)) {
    const item = byTitle.get(normalizeTitle(title));
    if (!item || item.type === 'SECTION_HEADER') throw new Error(`Il modulo non ha la domanda "${title}".`);
  }
  const answers: ResponseData['answers'] = [];
  for (const item of form.items) {
    if (item.type === 'SECTION_HEADER') continue;
    const given = Object.entries(submission.answers).find(
      ([t]) => normalizeTitle(t) === normalizeTitle(item.title),
    )?.[1];
    const value = checkedAnswer(item, given, submission.stale === true);
    if (value !== null) answers.push({ itemId: item.id, value });
  }
  const response: ResponseData = {
    id: ws.newId('2_ABaOnu', 40),
    // A response's timestamp is a whole millisecond (a Date), though the emulated clock is fractional.
    timestampMs: Math.floor(Math.min(submission.atMs ?? Number.POSITIVE_INFINITY, ws.now())),
    email: collectsEmail(form) ? email : '',
    respondent: email,
    answers,
  };
  form.responses.push(response);
  if (form.destination) appendResponseRow(ws, form, form.destination, response);
  return response.id;
}

function normalizeTitle(title: string): string {
  return title.trim().toLowerCase();
}

function checkedAnswer(item: ItemData, given: string | string[] | undefined, stale: boolean): string | string[] | null {
  const values = (given === undefined ? [] : Array.isArray(given) ? given : [given])
    .map(String)
    .filter((v) => v.trim() !== '');
  if (values.length === 0) {
    if (item.required) throw new Error(`La domanda "${item.title}" è obbligatoria.`);
    return null;
  }
  if (CHOICE_TYPES.has(item.type)) {
    if (item.type !== 'CHECKBOX' && values.length > 1)
      throw new Error(`La domanda "${item.title}" ammette una sola risposta.`);
    const unknown = values.find((v) => !item.choices.includes(v));
    if (unknown !== undefined && !stale) {
      throw new Error(`"${unknown}" non è tra le opzioni della domanda "${item.title}".`);
    }
    return item.type === 'CHECKBOX' ? values : values[0];
  }
  if (values.length > 1) throw new Error(`La domanda "${item.title}" ammette una sola risposta.`);
  const text = values[0];
  if (item.type === 'SCALE') {
    const n = Number(text);
    if (!Number.isInteger(n) || n < item.scale.lower || n > item.scale.upper) {
      throw new Error(
        `La risposta alla domanda "${item.title}" deve essere un numero da ${item.scale.lower} a ${item.scale.upper}.`,
      );
    }
    return String(n);
  }
  if (item.validation) {
    const error = textValidationError(item.validation, text);
    if (error) throw new Error(`${item.title}: ${error}`);
  }
  return text;
}

function appendResponseRow(ws: Workspace, form: FormData, destination: DestinationData, response: ResponseData): void {
  if (refreshColumns(form, destination)) syncDestinationColumns(ws, form, destination);
  const sheet = destinationSheet(ws, destination);
  if (!sheet) throw new Error(`Il foglio "${destination.sheetName}" collegato al modulo non esiste più.`);
  const row = destination.columns.map((c): unknown => {
    if (c.kind === 'timestamp') return new Date(response.timestampMs);
    if (c.kind === 'email') return response.email;
    const answer = response.answers.find((a) => a.itemId === c.itemId);
    if (!answer) return '';
    return Array.isArray(answer.value) ? answer.value.join(', ') : answer.value;
  });
  const written = appendRowsToSheet(ws, destination.spreadsheetId, destination.sheetName, [row]);
  response.landing = { spreadsheetId: destination.spreadsheetId, sheetId: sheet.id, row: written.row };
}

/** Where a response's row landed in the linked spreadsheet (host API), or null without a destination. */
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

export interface FormItemView {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  scale: { lower: number; upper: number; lowerLabel: string; upperLabel: string } | null;
}

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

export function hostFormIds(ws: Workspace): string[] {
  return Object.keys(formsState(ws).forms);
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
      required: i.type === 'SECTION_HEADER' ? false : i.required,
      choices: [...i.choices],
    })),
  }));
}

export function formsGlobals(ws: Workspace): { FormApp: GoogleAppsScript.Forms.FormApp } {
  const FormApp = {
    ItemType,
    DestinationType,
    EmailCollectionType,
    create(title: string): FormFacade {
      ws.call('Forms', 'create');
      return new FormFacade(ws, createForm(ws, String(title)).id);
    },
    openById(id: string): FormFacade {
      ws.call('Forms', 'openById');
      return new FormFacade(ws, getForm(ws, String(id)).id);
    },
    openByUrl(url: string): FormFacade {
      ws.call('Forms', 'openByUrl');
      return new FormFacade(ws, formIdFromUrl(ws, String(url)));
    },
    /** A spreadsheet-bound script has no active form. */
    getActiveForm(): null {
      ws.call('Forms', 'getActiveForm');
      return null;
    },
    createTextValidation(): TextValidationBuilderFacade {
      ws.call('Forms', 'createTextValidation');
      return new TextValidationBuilderFacade();
    },
  };
  return { FormApp: FormApp as unknown as GoogleAppsScript.Forms.FormApp };
}
