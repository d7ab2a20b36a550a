/**
 * The emulated RangeList (`Sheet.getRangeList`): the same change made to several ranges of one sheet
 * (catalogue: SHEETS-RANGELIST). Each range answers as it would alone, so the calls are counted per
 * range: the slow end of what one RangeList call costs on Google.
 */
import type { ClearOptions } from './cells';
import type { RangeFacade } from './range';

export class RangeListFacade {
  constructor(private readonly ranges: RangeFacade[]) {}

  private each(change: (range: RangeFacade) => unknown): this {
    for (const range of this.ranges) change(range);
    return this;
  }

  getRanges(): RangeFacade[] {
    return [...this.ranges];
  }
  activate(): this {
    return this.each((r) => r.activate());
  }
  breakApart(): this {
    return this.each((r) => r.breakApart());
  }
  check(): this {
    return this.each((r) => r.check());
  }
  uncheck(): this {
    return this.each((r) => r.uncheck());
  }
  clear(options?: ClearOptions): this {
    return this.each((r) => r.clear(options));
  }
  clearContent(): this {
    return this.each((r) => r.clearContent());
  }
  clearFormat(): this {
    return this.each((r) => r.clearFormat());
  }
  clearNote(): this {
    return this.each((r) => r.clearNote());
  }
  clearDataValidations(): this {
    return this.each((r) => r.clearDataValidations());
  }
  insertCheckboxes(): this {
    return this.each((r) => r.insertCheckboxes());
  }
  removeCheckboxes(): this {
    return this.each((r) => r.removeCheckboxes());
  }
  setBackground(color: string | null): this {
    return this.each((r) => r.setBackground(color));
  }
  setFontColor(color: string | null): this {
    return this.each((r) => r.setFontColor(color));
  }
  setFontWeight(weight: string | null): this {
    return this.each((r) => r.setFontWeight(weight));
  }
  setNumberFormat(format: string): this {
    return this.each((r) => r.setNumberFormat(format));
  }
  setNote(note: unknown): this {
    return this.each((r) => r.setNote(note));
  }
  setValue(value: unknown): this {
    return this.each((r) => r.setValue(value));
  }
  setFormula(formula: string): this {
    return this.each((r) => r.setFormula(formula));
  }
  toString(): string {
    return 'RangeList';
  }
}
