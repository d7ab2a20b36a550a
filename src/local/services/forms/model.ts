import { type Workspace } from '../../runtime/workspace';
import { createItem, FORM_MIME } from '../files/store';
import { formsState } from './state';

export type ItemTypeName =
  | 'CHECKBOX'
  | 'MULTIPLE_CHOICE'
  | 'LIST'
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'SCALE'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK'
  | 'GRID'
  | 'CHECKBOX_GRID';
export type EmailCollection = 'DO_NOT_COLLECT' | 'VERIFIED' | 'RESPONDER_INPUT';

/** A question's validation: text rules for text items, a count of ticks for checkboxes, one per column for grids. */
export interface ValidationData {
  kind:
    | 'EMAIL'
    | 'URL'
    | 'NUMBER'
    | 'WHOLE_NUMBER'
    | 'PATTERN'
    | 'MAX_LENGTH'
    | 'MIN_LENGTH'
    | 'SELECT_AT_LEAST'
    | 'SELECT_AT_MOST'
    | 'SELECT_EXACTLY'
    | 'ONE_PER_COLUMN';
  argument: string | number | null;
  helpText: string;
}

export type PageNavigation = 'CONTINUE' | 'GO_TO_PAGE' | 'RESTART' | 'SUBMIT';

/** Where the respondent goes next: a navigation type, and for `GO_TO_PAGE` the page break's item id. */
export interface GoTo {
  type: PageNavigation;
  pageId: number | null;
}

/**
 * What an item response holds, as `ItemResponse.getResponse()` answers it: a string (text, choice, scale
 * as text), a checkbox's `string[]`, a grid's one answer per row (`null` for a row left blank) or a
 * checkbox grid's ticked columns per row.
 */
export type AnswerValue = string | Array<string | null> | Array<string[] | null>;

export interface ItemData {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  /** A choice item's choices; a grid's columns. */
  choices: string[];
  validation: ValidationData | null;
  scale: { lower: number; upper: number; lowerLabel: string; upperLabel: string };
  /** A grid's rows. */
  rows?: string[];
  /** A page break's navigation (absent: CONTINUE). */
  goTo?: GoTo;
  /** A multiple-choice or list item's navigation per choice, aligned with `choices` (absent: none). */
  choiceGoTo?: GoTo[];
}

export interface ResponseData {
  id: string;
  timestampMs: number;
  /** The respondent's e-mail as `getRespondentEmail` answers: '' when the form does not collect it. */
  email: string;
  /** The signed-in account that answered, kept even when not collected (one-response limit). */
  respondent: string;
  answers: Array<{ itemId: number; value: AnswerValue }>;
  /** Where the linked spreadsheet got this response's row, when the form had a destination. */
  landing?: ResponseLanding;
}

export interface ResponseLanding {
  spreadsheetId: string;
  sheetId: number;
  row: number;
}

/** One responses-tab column: the timestamp, the e-mail or a question (by item id; a grid's by row too). */
export type DestinationColumn =
  { kind: 'timestamp' } | { kind: 'email' } | { kind: 'item'; itemId: number; title: string; row?: number };

export interface DestinationData {
  spreadsheetId: string;
  /** The tab is followed by id, as on Google: staff may rename it and responses keep landing there. */
  sheetId?: number;
  sheetName: string;
  columns: DestinationColumn[];
}

export interface FormData {
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

/**
 * Forms created through the API (FormApp included) after 30 June 2026 start unpublished (Google's
 * "API changes to Google Forms" guide); before that they were published at creation.
 */
export const UNPUBLISHED_BY_DEFAULT_FROM_MS = Date.parse('2026-07-01T00:00:00-07:00');

/** Google's Italian names for what a linked spreadsheet receives. */
export const RESPONSES_SHEET_PREFIX = 'Risposte del modulo ';
export const TIMESTAMP_HEADER = 'Informazioni cronologiche';
export const EMAIL_HEADER = 'Indirizzo email';

export const CHOICE_TYPES: ReadonlySet<ItemTypeName> = new Set(['CHECKBOX', 'MULTIPLE_CHOICE', 'LIST']);
export const GRID_TYPES: ReadonlySet<ItemTypeName> = new Set(['GRID', 'CHECKBOX_GRID']);
/** Items that ask nothing: they have no answer and no responses-tab column. */
export const LAYOUT_TYPES: ReadonlySet<ItemTypeName> = new Set(['SECTION_HEADER', 'PAGE_BREAK']);

export function enumOf<T extends string>(names: readonly T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

export const ItemType = enumOf([
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
export const DestinationType = enumOf(['SPREADSHEET'] as const);
export const PageNavigationType = enumOf(['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const);
export const Alignment = enumOf(['LEFT', 'CENTER', 'RIGHT'] as const);
export const EmailCollectionType = enumOf(['DO_NOT_COLLECT', 'VERIFIED', 'RESPONDER_INPUT'] as const);

export function getForm(ws: Workspace, formId: string): FormData {
  const form = formsState(ws).forms[formId];
  if (!form) throw new Error(`No item with the given ID could be found, or you do not have permission to access it.`);
  return form;
}

export function getItem(form: FormData, itemId: number): ItemData {
  const item = form.items.find((i) => i.id === itemId);
  if (!item) throw new Error('Invalid data updating form: the item has been deleted.');
  return item;
}

export function collectsEmail(form: FormData): boolean {
  return form.emailCollection !== 'DO_NOT_COLLECT';
}

export function editUrl(form: FormData): string {
  return `https://docs.google.com/forms/d/${form.id}/edit`;
}

export function publishedUrlOf(ws: Workspace, formId: string): string {
  return `https://docs.google.com/forms/d/e/${getForm(ws, formId).publishedKey}/viewform`;
}

/**
 * `FormApp.create(name)` names the form's Drive file; the form's own title starts empty on Google
 * (docs/google-behaviour.md, FORMS-CREATE-NAMING) until `setTitle`.
 */
export function createForm(ws: Workspace, name: string): FormData {
  const id = ws.newId('1', 43);
  createItem(ws, { id, name, mimeType: FORM_MIME });
  const form: FormData = {
    id,
    publishedKey: ws.newId('1FAIpQLS', 48),
    shortCode: ws.newId('', 17),
    title: '',
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

export function formIdFromUrl(ws: Workspace, url: string): string {
  const edit = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(url);
  if (edit && edit[1] !== 'e' && formsState(ws).forms[edit[1]]) return edit[1];
  const published = /\/forms\/d\/e\/([A-Za-z0-9_-]+)/.exec(url);
  const byKey = published && Object.values(formsState(ws).forms).find((f) => f.publishedKey === published[1]);
  if (byKey) return byKey.id;
  throw new Error(`No item with the given ID could be found, or you do not have permission to access it.`);
}
