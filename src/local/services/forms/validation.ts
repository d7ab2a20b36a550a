import { type ValidationData } from './model';

/** What every validation builder shares: one rule (the last `require…` wins), a help text, `build()`. */
class ValidationBuilder<K extends ValidationData['kind']> {
  private rule: { kind: K; argument: string | number | null } | null = null;
  private helpText = '';

  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }
  build(): ValidationFacade {
    if (!this.rule) throw new Error('The validation has no rule: call a require method before build().');
    return new ValidationFacade({ ...this.rule, helpText: this.helpText });
  }
  protected set(kind: K, argument: string | number | null): this {
    this.rule = { kind, argument };
    return this;
  }
}

export class TextValidationBuilderFacade extends ValidationBuilder<
  'EMAIL' | 'URL' | 'NUMBER' | 'WHOLE_NUMBER' | 'PATTERN' | 'MAX_LENGTH' | 'MIN_LENGTH'
> {
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
  override toString(): string {
    return 'TextValidationBuilder';
  }
}

/** `FormApp.createCheckboxValidation()`: how many choices a checkbox question needs ticked. */
export class CheckboxValidationBuilderFacade extends ValidationBuilder<
  'SELECT_AT_LEAST' | 'SELECT_AT_MOST' | 'SELECT_EXACTLY'
> {
  requireSelectAtLeast(n: number): this {
    return this.set('SELECT_AT_LEAST', count(n));
  }
  requireSelectAtMost(n: number): this {
    return this.set('SELECT_AT_MOST', count(n));
  }
  requireSelectExactly(n: number): this {
    return this.set('SELECT_EXACTLY', count(n));
  }
  override toString(): string {
    return 'CheckboxValidationBuilder';
  }
}

/** `FormApp.createGridValidation()`: a grid whose columns may each be chosen in one row only. */
export class GridValidationBuilderFacade extends ValidationBuilder<'ONE_PER_COLUMN'> {
  requireLimitOneResponsePerColumn(): this {
    return this.set('ONE_PER_COLUMN', null);
  }
  override toString(): string {
    return 'GridValidationBuilder';
  }
}

function count(n: number): number {
  const value = Number(n);
  if (!Number.isInteger(value) || value < 1) throw new Error('Invalid argument: number');
  return value;
}

export class ValidationFacade {
  constructor(readonly data: ValidationData) {}
}

const TEXT_KINDS = new Set<ValidationData['kind']>([
  'EMAIL',
  'URL',
  'NUMBER',
  'WHOLE_NUMBER',
  'PATTERN',
  'MAX_LENGTH',
  'MIN_LENGTH',
]);
const CHECKBOX_KINDS = new Set<ValidationData['kind']>(['SELECT_AT_LEAST', 'SELECT_AT_MOST', 'SELECT_EXACTLY']);

/** A validation goes only on the item kind its builder is for (a checkbox rule on a checkbox item, …). */
export function validationFits(v: ValidationData, family: 'text' | 'checkbox' | 'grid'): boolean {
  if (family === 'text') return TEXT_KINDS.has(v.kind);
  if (family === 'checkbox') return CHECKBOX_KINDS.has(v.kind);
  return v.kind === 'ONE_PER_COLUMN';
}

function refusal(v: ValidationData, ok: boolean): string | null {
  if (ok) return null;
  return v.helpText || 'Il valore inserito non è valido.';
}

/** The checks Forms runs in the respondent's browser, as the host submit applies them. */
export function textValidationError(v: ValidationData, text: string): string | null {
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
      default:
        return true;
    }
  })();
  return refusal(v, ok);
}

export function checkboxValidationError(v: ValidationData, ticked: number): string | null {
  const n = Number(v.argument);
  switch (v.kind) {
    case 'SELECT_AT_LEAST':
      return refusal(v, ticked >= n);
    case 'SELECT_AT_MOST':
      return refusal(v, ticked <= n);
    case 'SELECT_EXACTLY':
      return refusal(v, ticked === n);
    default:
      return null;
  }
}

/** One answer per column at most: no column chosen in two rows. */
export function gridValidationError(v: ValidationData, rows: ReadonlyArray<readonly string[]>): string | null {
  if (v.kind !== 'ONE_PER_COLUMN') return null;
  const chosen = rows.flat();
  return refusal(v, new Set(chosen).size === chosen.length);
}
