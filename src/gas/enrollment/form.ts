/**
 * The year's enrollment form: created once, then updated in place (same id, same URL), its items found
 * again by title; the course choices refreshed after every enrollment change.
 */
import { OPEN_STATUS, type EnrollmentBook } from '../../core/enrollment/policy';
import {
  ACTION_CANCEL,
  ACTION_ENROLL,
  CONSENT_CHOICE,
  FORM_ITEMS,
  consentHelp,
  courseChoice,
  formDescription,
  formTitle,
} from '../../core/enrollment/form';
import { SETTING_KEYS } from '../../core/registry/tabs';
import { academySpreadsheet } from '../registry/workbook';
import { writeSetting } from '../registry/settings';
import { withRetry } from '../platform/retry';
import { extraSetting, isYes, type EnrollmentData } from './data';
import { readProperty, writeProperties } from '../platform/properties';
import { rememberQuestionTitles } from './api-responses';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

export const SUBMIT_HANDLER = 'onFormSubmit';
export const RECONCILE_HANDLER = 'reconcileResponses';
export const VERIFIED_EMAIL_SETTING = 'Email verificata';
export const PRIVACY_URL_SETTING = 'URL informativa privacy';
export const FORM_URL_SETTING = 'URL modulo iscrizioni';

const PROP_COURSES_ITEM = 'a4pa.form.coursesItem';
export const PROP_CHOICES = 'a4pa.form.choices';
export const PROP_CLOSED_BY_ADDON = 'a4pa.form.closedByAddon';
export const PROP_WATERMARK = 'a4pa.form.watermark';
/** Where the last response a submit event proved sits (`ResponseTie`), with the watermark it moved to. */
export const PROP_RESPONSE_TIE = 'a4pa.form.lastResponse';
export const PROP_FORM_ID = 'a4pa.form.id';
export const PROP_FORM_URL = 'a4pa.form.url';
/** Item id → title of the items publication made, so reading a response needs no `getTitle` call. */
export const PROP_ITEM_TITLES = 'a4pa.form.itemTitles';

const NO_COURSES_MESSAGE = 'Al momento non ci sono corsi con iscrizioni aperte. Riprovi più avanti.';

/** The form whose id `Impostazioni` holds, or null when there is none (or it was deleted). */
export function openEnrollmentForm(data: EnrollmentData): Form | null {
  const id = data.settings.enrollmentFormId;
  if (!id) return null;
  return openFormById(id);
}

/**
 * A form by id, or null when it is gone. Any other failure (transient past the retries, permission) is
 * thrown, never read as "no form": publication would otherwise create a second form.
 */
export function openFormById(id: string): Form | null {
  try {
    return withRetry('FormApp.openById', () => FormApp.openById(id));
  } catch (error) {
    // Google's answer for a deleted form (or one shared no more); anything else is not "no form".
    if (/no item with the given id/i.test(error instanceof Error ? error.message : String(error))) return null;
    throw error;
  }
}

/** The choice texts of the open courses, in the `Corsi` tab's order. */
export function courseChoices(data: EnrollmentData, book: EnrollmentBook): string[] {
  const sessionsByCourse = new Map<string, Array<{ date: string; status: string }>>();
  for (const { record: s } of data.sessions.rows) {
    const list = sessionsByCourse.get(s.course) ?? [];
    list.push({ date: s.date, status: s.status });
    sessionsByCourse.set(s.course, list);
  }
  return data.courses.rows
    .map((r) => r.record)
    .filter((c) => c.status === OPEN_STATUS)
    .map((c) => courseChoice(c, sessionsByCourse.get(c.code) ?? [], book.confirmedCount(c.code)));
}

function choicesDigest(choices: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = choices.join('\n');
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${choices.length}:${h.toString(36)}`;
}

/**
 * Sets the course choices; without an open course the form stops accepting responses (and opens again
 * when one is open, if the add-on was the one that closed it). Nothing is written when nothing changed.
 */
function applyChoices(
  form: Form,
  coursesItem: GoogleAppsScript.Forms.CheckboxItem,
  choices: readonly string[],
  force: boolean,
): void {
  const digest = choicesDigest(choices);
  if (!force && readProperty(PROP_CHOICES) === digest) return;
  if (choices.length === 0) {
    form.setCustomClosedFormMessage(NO_COURSES_MESSAGE);
    form.setAcceptingResponses(false);
    writeProperties({ [PROP_CHOICES]: digest, [PROP_CLOSED_BY_ADDON]: 'true' });
    return;
  }
  coursesItem.setChoiceValues([...choices]);
  const update: Record<string, string> = { [PROP_CHOICES]: digest };
  if (readProperty(PROP_CLOSED_BY_ADDON) === 'true') {
    form.setAcceptingResponses(true);
    update[PROP_CLOSED_BY_ADDON] = 'false';
  }
  writeProperties(update);
}

/**
 * Refreshes the course choices (seats left, waitlist, newly opened courses) after an enrollment change.
 * Costs nothing when the choices did not change; otherwise a few Forms calls (the item is found by the
 * id remembered at publication).
 */
export function refreshFormChoices(data: EnrollmentData, book: EnrollmentBook, form?: Form | null): void {
  const choices = courseChoices(data, book);
  if (readProperty(PROP_CHOICES) === choicesDigest(choices)) return;
  const target = form ?? openEnrollmentForm(data);
  if (!target) return;
  const itemId = Number(readProperty(PROP_COURSES_ITEM) ?? '');
  let item: Item | null = null;
  if (Number.isInteger(itemId) && itemId > 0) {
    try {
      item = target.getItemById(itemId);
    } catch {
      item = null;
    }
  }
  item ??= findItem(target, FORM_ITEMS.courses, FormApp.ItemType.CHECKBOX);
  if (!item) return;
  applyChoices(target, item.asCheckboxItem(), choices, false);
}

function findItem(form: Form, title: string, type: GoogleAppsScript.Forms.ItemType): Item | null {
  const wanted = title.trim().toLowerCase();
  for (const item of form.getItems()) {
    if (item.getTitle().trim().toLowerCase() === wanted && item.getType() === type) return item;
  }
  return null;
}

interface ItemIndex {
  byTitle: Map<string, Item[]>;
}

function indexItems(form: Form): ItemIndex {
  const byTitle = new Map<string, Item[]>();
  for (const item of form.getItems()) {
    const key = item.getTitle().trim().toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), item]);
  }
  return { byTitle };
}

/**
 * The item with this title and type, reused if present (any other item with the same title but a
 * different type, left by an older version, is removed), else added.
 */
function ensureItem<T>(
  form: Form,
  index: ItemIndex,
  title: string,
  type: GoogleAppsScript.Forms.ItemType,
  cast: (item: Item) => T,
  add: () => T,
): T {
  const found = index.byTitle.get(title.toLowerCase()) ?? [];
  let keep: Item | null = null;
  for (const item of found) {
    if (!keep && item.getType() === type) keep = item;
    else form.deleteItem(item);
  }
  return keep ? cast(keep) : add();
}

/** Methods of Form newer than the installed type definitions (Google's reference lists them). */
interface ModernForm {
  setPublished(published: boolean): Form;
  setEmailCollectionType(type: unknown): Form;
}

interface EmailCollectionTypes {
  VERIFIED: unknown;
  RESPONDER_INPUT: unknown;
}

/** Verified e-mails (respondents signed in to Google) or an e-mail typed by the respondent. */
function collectEmails(form: Form, verified: boolean): void {
  const types = (FormApp as unknown as { EmailCollectionType?: EmailCollectionTypes }).EmailCollectionType;
  if (!types) {
    form.setCollectEmail(true);
    return;
  }
  (form as unknown as ModernForm).setEmailCollectionType(verified ? types.VERIFIED : types.RESPONDER_INPUT);
}

export interface PublishedForm {
  formId: string;
  url: string;
}

/** Creates or updates the year's form, its destination and its triggers. Forms and Script calls only. */
export function publishForm(data: EnrollmentData, book: EnrollmentBook): PublishedForm {
  const settings = data.settings;
  const title = formTitle(settings.year, settings.senderName);
  let form = openEnrollmentForm(data);
  const created = !form;
  form ??= FormApp.create(title);
  form.setTitle(title);
  form.setDescription(formDescription(settings.year, settings.senderName));
  collectEmails(form, isYes(extraSetting(settings, VERIFIED_EMAIL_SETTING)));
  form.setAllowResponseEdits(false);
  form.setConfirmationMessage("Grazie! Riceverà a breve un'email con l'esito della richiesta.");

  const index = indexItems(form);
  const T = FormApp.ItemType;
  const text = (t: string) => {
    const item = ensureItem(
      form,
      index,
      t,
      T.TEXT,
      (i) => i.asTextItem(),
      () => form.addTextItem(),
    );
    item.setTitle(t).setRequired(true);
    return item;
  };
  const firstNameItem = text(FORM_ITEMS.firstName);
  const lastNameItem = text(FORM_ITEMS.lastName);

  const comuni = data.comuni
    .map((c) => c.name)
    .filter((n) => n !== '')
    .sort((a, b) => a.localeCompare(b, 'it'));
  const comuneItem = ensureItem(
    form,
    index,
    FORM_ITEMS.comune,
    T.LIST,
    (i) => i.asListItem(),
    () => form.addListItem(),
  );
  comuneItem.setTitle(FORM_ITEMS.comune).setRequired(true);
  if (comuni.length > 0) comuneItem.setChoiceValues(comuni);

  const coursesItem = ensureItem(
    form,
    index,
    FORM_ITEMS.courses,
    T.CHECKBOX,
    (i) => i.asCheckboxItem(),
    () => form.addCheckboxItem(),
  );
  coursesItem
    .setTitle(FORM_ITEMS.courses)
    .setHelpText("Scelga uno o più corsi. Se un corso è pieno, la richiesta entra in lista d'attesa.")
    .setRequired(true);

  const actionItem = ensureItem(
    form,
    index,
    FORM_ITEMS.action,
    T.MULTIPLE_CHOICE,
    (i) => i.asMultipleChoiceItem(),
    () => form.addMultipleChoiceItem(),
  );
  actionItem
    .setTitle(FORM_ITEMS.action)
    .setHelpText('"Annullamento" annulla la Sua iscrizione ai corsi scelti sopra.')
    .setChoiceValues([ACTION_ENROLL, ACTION_CANCEL])
    .setRequired(true);

  const consentItem = ensureItem(
    form,
    index,
    FORM_ITEMS.consent,
    T.CHECKBOX,
    (i) => i.asCheckboxItem(),
    () => form.addCheckboxItem(),
  );
  consentItem
    .setTitle(FORM_ITEMS.consent)
    .setHelpText(consentHelp(extraSetting(settings, PRIVACY_URL_SETTING)))
    .setChoiceValues([CONSENT_CHOICE])
    .setRequired(true);

  const titles: Record<string, string> = {};
  for (const [item, title] of [
    [firstNameItem, FORM_ITEMS.firstName],
    [lastNameItem, FORM_ITEMS.lastName],
    [comuneItem, FORM_ITEMS.comune],
    [coursesItem, FORM_ITEMS.courses],
    [actionItem, FORM_ITEMS.action],
    [consentItem, FORM_ITEMS.consent],
  ] as const) {
    titles[String(item.getId())] = title;
  }
  writeProperties({
    [PROP_COURSES_ITEM]: String(coursesItem.getId()),
    [PROP_ITEM_TITLES]: JSON.stringify(titles),
    [PROP_CLOSED_BY_ADDON]: 'false',
  });
  const choices = courseChoices(data, book);
  form.setAcceptingResponses(true);
  applyChoices(form, coursesItem, choices, true);

  (form as unknown as ModernForm).setPublished(true);

  const spreadsheet = academySpreadsheet();
  const ssId = spreadsheet.getId();
  let destination = '';
  try {
    destination = form.getDestinationId();
  } catch {
    destination = '';
  }
  if (destination !== ssId) form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);

  // The question map before the submit trigger exists: no response is read without it.
  rememberQuestionTitles(form.getId(), titles);
  ensureTriggers(spreadsheet);
  if (created || !readProperty(PROP_WATERMARK)) writeProperties({ [PROP_WATERMARK]: String(Date.now()) });
  const url = form.getPublishedUrl();
  writeProperties({ [PROP_FORM_ID]: form.getId(), [PROP_FORM_URL]: url });
  if (settings.enrollmentFormId !== form.getId()) writeSetting(SETTING_KEYS.enrollmentFormId, form.getId());
  // The calendar's event descriptions link the form for cancellations (see src/gas/calendar/sync.ts).
  if (extraSetting(settings, FORM_URL_SETTING) !== url) writeSetting(FORM_URL_SETTING, url);
  return { formId: form.getId(), url };
}

/**
 * Exactly one form-submit trigger and one periodic reconciliation, however often the form is published:
 * extra or stale ones are deleted. The submit trigger is the spreadsheet's, which the form writes to: its
 * event carries the answers (FORMS-SUBMIT-EVENT), while the form's carries a FormResponse read with a
 * call per item; one bound to the form, as publications before made it, is replaced.
 */
function ensureTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  let submit = false;
  let reconcile = false;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    const handler = trigger.getHandlerFunction();
    if (handler === SUBMIT_HANDLER) {
      const bound =
        trigger.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT &&
        trigger.getTriggerSourceId() === spreadsheet.getId();
      if (bound && !submit) submit = true;
      else ScriptApp.deleteTrigger(trigger);
    } else if (handler === RECONCILE_HANDLER) {
      if (!reconcile) reconcile = true;
      else ScriptApp.deleteTrigger(trigger);
    }
  }
  if (!submit) ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(spreadsheet).onFormSubmit().create();
  if (!reconcile) ScriptApp.newTrigger(RECONCILE_HANDLER).timeBased().everyHours(1).create();
}
