import { type Workspace } from '../../runtime/workspace';
import { createdAnswer } from './answers';
import {
  getForm,
  getItem,
  type GoTo,
  type ItemData,
  type ItemTypeName,
  type PageNavigation,
  PageNavigationType,
} from './model';
import { ItemResponseFacade } from './responses';
import { ValidationFacade, validationFits } from './validation';

/** The class name each item's `toString()` gives, as Apps Script objects print (catalogue: SHEETS-TOSTRING). */
const CLASS_NAMES: Record<ItemTypeName, string> = {
  CHECKBOX: 'CheckboxItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  LIST: 'ListItem',
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  SCALE: 'ScaleItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
  GRID: 'GridItem',
  CHECKBOX_GRID: 'CheckboxGridItem',
};

/**
 * A choice, and where it sends the respondent. Google spells the getter `getGotoPage` (a script calling
 * `getGoToPage` on a choice gets a TypeError), and it answers null except on a multiple-choice item
 * (docs/google-behaviour.md, FORMS-PAGE-NAVIGATION).
 */
export class ChoiceFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly formId: string,
    private readonly value: string,
    readonly goTo: GoTo | null,
    private readonly itemType: ItemTypeName,
  ) {}
  getValue(): string {
    return this.value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
  getGotoPage(): PageBreakItemFacade | null {
    if (this.itemType !== 'MULTIPLE_CHOICE' || this.goTo?.pageId == null) return null;
    return new PageBreakItemFacade(this.ws, this.formId, this.goTo.pageId);
  }
  getPageNavigationType(): PageNavigation | null {
    return this.goTo?.type ?? null;
  }
  toString(): string {
    return 'Choice';
  }
}

/** What every item handle shares: it names its form and item and reads them on each call. */
export class ItemBase {
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
  toString(): string {
    return CLASS_NAMES[getItem(getForm(this.ws, this.formId), this.itemId).type];
  }
}

export class QuestionItemFacade extends ItemBase {
  isRequired(): boolean {
    return this.data('isRequired').required;
  }
  setRequired(enabled: boolean): this {
    return this.update('setRequired', (i) => (i.required = Boolean(enabled)));
  }
  /** An answer to this question, for `FormResponse.withItemResponse` (catalogue: FORMS-CREATE-RESPONSE). */
  createResponse(...args: unknown[]): ItemResponseFacade {
    const item = this.data('createResponse');
    return new ItemResponseFacade(this.ws, this.formId, item.id, createdAnswer(item, args), null);
  }
  protected validated(method: string, validation: ValidationFacade | null, family: 'text' | 'checkbox' | 'grid'): this {
    if (validation !== null && !(validation instanceof ValidationFacade && validationFits(validation.data, family))) {
      throw new Error(`Invalid argument: validation`);
    }
    return this.update(method, (i) => (i.validation = validation ? { ...validation.data } : null));
  }
}

/** A navigation argument: a page break item (GO_TO_PAGE) or a `FormApp.PageNavigationType`. */
function goToOf(target: unknown): GoTo {
  if (target instanceof PageBreakItemFacade) return { type: 'GO_TO_PAGE', pageId: target.getId() };
  const type = String(target);
  if (!(type in PageNavigationType) || type === 'GO_TO_PAGE') throw new Error('Invalid argument: navigationType');
  return { type: type as PageNavigation, pageId: null };
}

export class ChoiceItemFacade extends QuestionItemFacade {
  /**
   * `createChoice(value)`, and on multiple-choice and list items `createChoice(value, pageBreakItem)` or
   * `createChoice(value, PageNavigationType)`; a checkbox choice has no navigation.
   */
  createChoice(value: string, navigation?: unknown): ChoiceFacade {
    const item = this.data('createChoice');
    if (navigation !== undefined && typeof navigation !== 'boolean' && item.type === 'CHECKBOX') {
      throw new Error('Invalid argument: a checkbox choice has no page navigation.');
    }
    const goTo = navigation === undefined || typeof navigation === 'boolean' ? null : goToOf(navigation);
    return new ChoiceFacade(this.ws, this.formId, String(value), goTo, item.type);
  }
  setChoiceValues(values: string[]): this {
    return this.update('setChoiceValues', (i) => {
      i.choices = checkedChoices(values.map(String));
      delete i.choiceGoTo;
    });
  }
  /**
   * Choices with navigation cannot be mixed with choices without (PageNavigationType's reference); the
   * emulator refuses the mix (docs/google-behaviour.md, FORMS-PAGE-NAVIGATION).
   */
  setChoices(choices: ChoiceFacade[]): this {
    const navigated = choices.filter((c) => c.goTo !== null).length;
    if (navigated > 0 && navigated < choices.length) {
      throw new Error('Invalid data updating form: choices with page navigation cannot be mixed with choices without.');
    }
    return this.update('setChoices', (i) => {
      i.choices = checkedChoices(choices.map((c) => c.getValue()));
      if (navigated > 0) i.choiceGoTo = choices.map((c) => c.goTo as GoTo);
      else delete i.choiceGoTo;
    });
  }
  getChoices(): ChoiceFacade[] {
    const item = this.data('getChoices');
    return item.choices.map(
      (c, n) => new ChoiceFacade(this.ws, this.formId, c, item.choiceGoTo?.[n] ?? null, item.type),
    );
  }
  showOtherOption(enabled: boolean): this {
    if (enabled) throw new Error('The "other" option is not supported by this emulator.');
    this.ws.call('Forms', 'showOtherOption');
    return this;
  }
  /** A checkbox item takes a `CheckboxValidation` (how many ticks); the others have none. */
  setValidation(validation: ValidationFacade | null): this {
    return this.validated('setValidation', validation, 'checkbox');
  }
  clearValidation(): this {
    return this.update('clearValidation', (i) => (i.validation = null));
  }
}

export function checkedChoices(values: string[]): string[] {
  if (values.length === 0) throw new Error('Invalid data updating form: a choice item needs at least one choice.');
  if (values.some((v) => v === '')) throw new Error('Invalid data updating form: choice values cannot be empty.');
  return values;
}

export class TextItemFacade extends QuestionItemFacade {
  setValidation(validation: ValidationFacade | null): this {
    return this.validated('setValidation', validation, 'text');
  }
  clearValidation(): this {
    return this.update('clearValidation', (i) => (i.validation = null));
  }
}

export class ScaleItemFacade extends QuestionItemFacade {
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

/** A grid (one choice per row) or checkbox grid (any per row): rows, columns, a grid validation. */
export class GridItemFacade extends QuestionItemFacade {
  setRows(rows: string[]): this {
    return this.update('setRows', (i) => (i.rows = checkedChoices(rows.map(String))));
  }
  getRows(): string[] {
    return [...(this.data('getRows').rows ?? [])];
  }
  setColumns(columns: string[]): this {
    return this.update('setColumns', (i) => (i.choices = checkedChoices(columns.map(String))));
  }
  getColumns(): string[] {
    return [...this.data('getColumns').choices];
  }
  setValidation(validation: ValidationFacade | null): this {
    return this.validated('setValidation', validation, 'grid');
  }
  clearValidation(): this {
    return this.update('clearValidation', (i) => (i.validation = null));
  }
}

export class SectionHeaderFacade extends ItemBase {}

/**
 * A page break: where the respondent goes on reaching it by linear progression. `CONTINUE` until set;
 * `setGoToPage(pageBreakItem)` makes it GO_TO_PAGE (catalogue: FORMS-PAGE-NAVIGATION).
 */
export class PageBreakItemFacade extends ItemBase {
  setGoToPage(target: unknown): this {
    const goTo = goToOf(target);
    return this.update('setGoToPage', (i) => (i.goTo = goTo));
  }
  getGoToPage(): PageBreakItemFacade | null {
    const pageId = this.data('getGoToPage').goTo?.pageId;
    return pageId == null ? null : new PageBreakItemFacade(this.ws, this.formId, pageId);
  }
  getPageNavigationType(): PageNavigation {
    return this.data('getPageNavigationType').goTo?.type ?? 'CONTINUE';
  }
}

type ItemFacadeClass<T extends ItemBase> = new (ws: Workspace, formId: string, itemId: number) => T;

const FACADES: Record<ItemTypeName, ItemFacadeClass<ItemBase>> = {
  CHECKBOX: ChoiceItemFacade,
  MULTIPLE_CHOICE: ChoiceItemFacade,
  LIST: ChoiceItemFacade,
  TEXT: TextItemFacade,
  PARAGRAPH_TEXT: TextItemFacade,
  SCALE: ScaleItemFacade,
  SECTION_HEADER: SectionHeaderFacade,
  PAGE_BREAK: PageBreakItemFacade,
  GRID: GridItemFacade,
  CHECKBOX_GRID: GridItemFacade,
};

/** A generic `Item` (from `getItems()`): only the shared accessors and the typed casts. */
export class GenericItemFacade extends ItemBase {
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
  asPageBreakItem(): PageBreakItemFacade {
    return this.cast('PAGE_BREAK', PageBreakItemFacade);
  }
  asGridItem(): GridItemFacade {
    return this.cast('GRID', GridItemFacade);
  }
  asCheckboxGridItem(): GridItemFacade {
    return this.cast('CHECKBOX_GRID', GridItemFacade);
  }
  /** A generic item prints as `Item`; its typed cast prints its own class. */
  override toString(): string {
    return 'Item';
  }
  private cast<T extends ItemBase>(type: ItemTypeName, Facade: ItemFacadeClass<T>): T {
    const item = this.data(`as${type}`);
    if (item.type !== type) throw new Error(`Item of type ${item.type} cannot be cast to ${type}.`);
    return new Facade(this.ws, this.formId, this.itemId);
  }
}

export function typedItem(ws: Workspace, formId: string, item: ItemData): ItemBase {
  return new FACADES[item.type](ws, formId, item.id);
}
