import { type TextValidationData } from './model';

export class TextValidationBuilderFacade {
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

export class TextValidationFacade {
  constructor(readonly data: TextValidationData) {}
}

/** The checks Forms runs in the respondent's browser, as the host submit applies them. */
export function textValidationError(v: TextValidationData, text: string): string | null {
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
