import { type Workspace } from '../../runtime/workspace';
import { getForm, getItem, type ItemData, type ItemTypeName } from './model';
import { TextValidationFacade } from './validation';

export class ChoiceFacade {
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
  isCorrectAnswer(): boolean {
    return false;
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
}

export class QuestionItemFacade extends ItemBase {
  isRequired(): boolean {
    return this.data('isRequired').required;
  }
  setRequired(enabled: boolean): this {
    return this.update('setRequired', (i) => (i.required = Boolean(enabled)));
  }
}

export class ChoiceItemFacade extends QuestionItemFacade {
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

export function checkedChoices(values: string[]): string[] {
  if (values.length === 0) throw new Error('Invalid data updating form: a choice item needs at least one choice.');
  if (values.some((v) => v === '')) throw new Error('Invalid data updating form: choice values cannot be empty.');
  return values;
}

export class TextItemFacade extends QuestionItemFacade {
  setValidation(validation: TextValidationFacade | null): this {
    return this.update('setValidation', (i) => (i.validation = validation ? { ...validation.data } : null));
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

export class SectionHeaderFacade extends ItemBase {}

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
  private cast<T extends ItemBase>(
    type: ItemTypeName,
    Facade: new (ws: Workspace, formId: string, itemId: number) => T,
  ): T {
    const item = this.data(`as${type}`);
    if (item.type !== type) throw new Error(`Item of type ${item.type} cannot be cast to ${type}.`);
    return new Facade(this.ws, this.formId, this.itemId);
  }
}

export function typedItem(ws: Workspace, formId: string, item: ItemData): ItemBase {
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
