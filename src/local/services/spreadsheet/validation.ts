/** The emulated DataValidation and its builder. */
import type { Workspace } from '../../runtime/workspace';
import { a1Of, isDate, parseA1, sheetById, sheetByName, spreadsheetData, type ValidationData } from './model';
import { gate } from './gate';
import { RangeFacade } from './range';

/**
 * What a built rule and a rule builder both answer about their criteria: Google's DataValidation and
 * DataValidationBuilder share these getters. Criteria ranges are kept by sheet name and A1 and turned
 * back into Ranges on read.
 */
abstract class ValidationRuleReader {
  constructor(
    protected readonly ws: Workspace,
    protected ssId: string | null,
    public rule: ValidationData,
  ) {}

  getCriteriaType(): string {
    gate(this.ws, 'getCriteriaType');
    return this.rule.type;
  }
  getCriteriaValues(): unknown[] {
    gate(this.ws, 'getCriteriaValues');
    return criteriaValues(this.ws, this.ssId, this.rule);
  }
  getAllowInvalid(): boolean {
    gate(this.ws, 'getAllowInvalid');
    return this.rule.allowInvalid;
  }
  getHelpText(): string | null {
    gate(this.ws, 'getHelpText');
    return this.rule.helpText;
  }
  copy(): DataValidationBuilderFacade {
    gate(this.ws, 'copy');
    return new DataValidationBuilderFacade(this.ws, structuredClone(this.rule), this.ssId);
  }
}

/** A built rule. */
export class DataValidationFacade extends ValidationRuleReader {
  override toString(): string {
    return 'DataValidation';
  }
}

function criteriaValues(ws: Workspace, ssId: string | null, rule: ValidationData): unknown[] {
  if (rule.type === 'VALUE_IN_RANGE' && ssId) {
    const ref = rule.values[0] as { sheetName: string; a1: string };
    const ss = spreadsheetData(ws, ssId);
    const sheet = sheetByName(ss, ref.sheetName);
    const area = sheet && parseA1(ref.a1, sheet.maxRows, sheet.maxColumns);
    const range = sheet && area ? new RangeFacade(ws, ssId, sheet.id, area) : null;
    return [range, ...rule.values.slice(1)];
  }
  return rule.values.map((v) => (Array.isArray(v) ? [...(v as unknown[])] : isDate(v) ? new Date(v.getTime()) : v));
}

export class DataValidationBuilderFacade extends ValidationRuleReader {
  constructor(
    ws: Workspace,
    rule: ValidationData = { type: '', values: [], allowInvalid: true, helpText: null },
    ssId: string | null = null,
  ) {
    super(ws, ssId, rule);
  }

  private set(method: string, type: string, values: unknown[]): DataValidationBuilderFacade {
    gate(this.ws, method);
    this.rule = { ...this.rule, type, values };
    return this;
  }

  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilderFacade {
    return this.set('requireValueInList', 'VALUE_IN_LIST', [[...values].map((v) => String(v)), showDropdown]);
  }
  requireValueInRange(range: RangeFacade, showDropdown = true): DataValidationBuilderFacade {
    const sheet = sheetById(spreadsheetData(this.ws, range.ssId), range.sheetId);
    this.ssId = range.ssId;
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [
      { sheetName: sheet.name, a1: a1Of(range.area) },
      showDropdown,
    ]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilderFacade {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('requireCheckbox', 'CHECKBOX', values);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilderFacade {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): DataValidationBuilderFacade {
    return this.set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): DataValidationBuilderFacade {
    return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number): DataValidationBuilderFacade {
    return this.set('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): DataValidationBuilderFacade {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilderFacade {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): DataValidationBuilderFacade {
    return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilderFacade {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate(): DataValidationBuilderFacade {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): DataValidationBuilderFacade {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderFacade {
    gate(this.ws, 'setAllowInvalid');
    this.rule = { ...this.rule, allowInvalid: !!allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilderFacade {
    gate(this.ws, 'setHelpText');
    this.rule = { ...this.rule, helpText: String(helpText) };
    return this;
  }
  build(): DataValidationFacade {
    gate(this.ws, 'build');
    if (!this.rule.type) throw new Error('You must specify a data validation criterion.');
    return new DataValidationFacade(this.ws, this.ssId, structuredClone(this.rule));
  }
  override toString(): string {
    return 'DataValidationBuilder';
  }
}
