import {
  attrsAt,
  paragraphText,
  replaceInParagraph,
  spliceText,
  styleRange,
  toRegExp,
  type ParagraphNode,
  type TextAttrs,
} from '../files/doc-model';
import { chain, live, type DocsContext, type Obj } from './context';
import { ELEMENT_TYPE, textAttrsFrom, textAttrsOut } from './enums';
import { type Session } from './session';

/** Text style setters: each takes (value) for the whole text or (start, endInclusive, value). */
const STYLE_SETTERS: Record<string, keyof TextAttrs> = {
  setBold: 'bold',
  setItalic: 'italic',
  setUnderline: 'underline',
  setStrikethrough: 'strikethrough',
  setFontSize: 'fontSize',
  setFontFamily: 'fontFamily',
  setForegroundColor: 'foregroundColor',
  setBackgroundColor: 'backgroundColor',
  setLinkUrl: 'linkUrl',
};

/** Text style getters: each takes an optional offset and answers null where the text is mixed. */
const STYLE_GETTERS: Record<string, keyof TextAttrs> = {
  isBold: 'bold',
  isItalic: 'italic',
  isUnderline: 'underline',
  isStrikethrough: 'strikethrough',
  getFontSize: 'fontSize',
  getFontFamily: 'fontFamily',
  getForegroundColor: 'foregroundColor',
  getBackgroundColor: 'backgroundColor',
  getLinkUrl: 'linkUrl',
};

/**
 * A `Text` over one or more paragraphs (a paragraph's text, or a whole section's: paragraphs joined by
 * '\n'). Offsets are mapped onto the paragraph they fall in.
 */
export function wrapText(ctx: DocsContext, session: Session, paragraphs: () => ParagraphNode[]): Obj {
  const { call } = ctx;
  function locate(offset: number): { p: ParagraphNode; local: number } {
    let pos = 0;
    const list = paragraphs();
    for (const p of list) {
      const len = paragraphText(p).length;
      if (offset <= pos + len) return { p, local: offset - pos };
      pos += len + 1;
    }
    throw new Error(`Index (${offset}) must be less than the content length.`);
  }
  function style(args: unknown[], field: keyof TextAttrs): void {
    live(session);
    if (args.length >= 3) {
      const [start, endInclusive, value] = args as [number, number, unknown];
      const list = paragraphs();
      let pos = 0;
      for (const p of list) {
        const len = paragraphText(p).length;
        const a = Math.max(start, pos) - pos;
        const b = Math.min(endInclusive + 1, pos + len) - pos;
        if (a < b) styleRange(p, a, b, { [field]: value } as TextAttrs);
        pos += len + 1;
      }
    } else {
      for (const p of paragraphs()) styleRange(p, 0, paragraphText(p).length, { [field]: args[0] } as TextAttrs);
    }
  }
  const getText = (): string => paragraphs().map(paragraphText).join('\n');
  const self: Obj = {
    asText: () => self,
    getType: () => ELEMENT_TYPE.TEXT,
    getText(): string {
      call('getText');
      return getText();
    },
    setText(text: string) {
      call('setText');
      live(session);
      const list = paragraphs();
      const first = list[0];
      if (first) spliceText(first, 0, paragraphText(first).length, String(text));
      for (const p of list.slice(1)) p.runs = [];
    },
    appendText(text: string) {
      call('appendText');
      live(session);
      const list = paragraphs();
      const last = list[list.length - 1];
      if (last) spliceText(last, paragraphText(last).length, paragraphText(last).length, String(text));
    },
    insertText(offset: number, text: string) {
      call('insertText');
      live(session);
      const { p, local } = locate(offset);
      spliceText(p, local, local, String(text));
    },
    deleteText(start: number, endInclusive: number) {
      call('deleteText');
      live(session);
      const a = locate(start);
      const b = locate(endInclusive);
      if (a.p !== b.p) throw new Error('Cannot delete text across paragraphs.');
      spliceText(a.p, a.local, b.local + 1, '', {});
    },
    replaceText(pattern: string, replacement: string) {
      call('replaceText');
      live(session);
      const re = toRegExp(String(pattern));
      for (const p of paragraphs()) replaceInParagraph(p, re, String(replacement));
    },
    findText(pattern: string, from?: Obj) {
      call('findText');
      return findIn(ctx, session, paragraphs(), String(pattern), from);
    },
    getAttributes(offset?: number) {
      call('getAttributes');
      return textAttrsOut(attrAt(offset));
    },
    setAttributes(...args: unknown[]) {
      call('setAttributes');
      const attributes = textAttrsFrom((args.length >= 3 ? args[2] : args[0]) as Obj);
      for (const [field, value] of Object.entries(attributes)) {
        style(args.length >= 3 ? [args[0], args[1], value] : [value], field as keyof TextAttrs);
      }
    },
  };
  for (const [setter, field] of Object.entries(STYLE_SETTERS)) {
    self[setter] = (...a: unknown[]) => (call(setter), style(a, field));
  }
  for (const [getter, field] of Object.entries(STYLE_GETTERS)) {
    self[getter] = (offset?: number) => (call(getter), attrAt(offset)[field] ?? null);
  }
  function attrAt(offset?: number): TextAttrs {
    if (offset === undefined) {
      const list = paragraphs();
      const all = list.flatMap((p) => p.runs.map((r) => r.attrs));
      if (all.length === 0) return {};
      const first = all[0] as TextAttrs;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(first))
        if (all.every((a) => (a as Record<string, unknown>)[k] === v)) out[k] = v;
      return out as TextAttrs;
    }
    const { p, local } = locate(offset);
    return attrsAt(p, local);
  }
  return chain(self, [
    'setText',
    'insertText',
    'deleteText',
    'replaceText',
    ...Object.keys(STYLE_SETTERS),
    'setAttributes',
  ]);
}

export function findIn(
  ctx: DocsContext,
  session: Session,
  list: ParagraphNode[],
  pattern: string,
  from?: Obj,
  /** The paragraph element a found text belongs to (its `getParent()`), where the caller knows it. */
  parentOf?: (p: ParagraphNode) => Obj,
): Obj | null {
  const re = toRegExp(pattern);
  let startParagraph = 0;
  let startOffset = 0;
  if (from && typeof from.__paragraph === 'object') {
    startParagraph = Math.max(0, list.indexOf(from.__paragraph as ParagraphNode));
    startOffset = (from.__end as number) + 1;
  }
  for (let i = startParagraph; i < list.length; i++) {
    const p = list[i] as ParagraphNode;
    const text = paragraphText(p);
    re.lastIndex = i === startParagraph ? startOffset : 0;
    const m = re.exec(text);
    if (m && m[0] !== '') {
      const start = m.index;
      const end = m.index + m[0].length - 1;
      return {
        __paragraph: p,
        __end: end,
        getElement: () => {
          const text = wrapText(ctx, session, () => [p]);
          return parentOf ? { ...text, getParent: () => parentOf(p) } : text;
        },
        getStartOffset: () => start,
        getEndOffsetInclusive: () => end,
        isPartial: () => start > 0 || end < text.length - 1,
      };
    }
  }
  return null;
}
