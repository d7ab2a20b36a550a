import {
  newParagraph,
  paragraphText,
  replaceInParagraph,
  spliceText,
  styleRange,
  toRegExp,
  type BodyNode,
  type ParagraphNode,
} from '../files/doc-model';
import { chain, live, type DocsContext, type Obj } from './context';
import { ELEMENT_TYPE, PARAGRAPH_KEYS, textAttrsFrom, textAttrsOut } from './enums';
import { appendImage } from './image';
import { type Session } from './session';
import { wrapText, findIn } from './text';

export function wrapParagraph(ctx: DocsContext, session: Session, p: ParagraphNode, owner: () => BodyNode[]): Obj {
  const { call } = ctx;
  const self: Obj = {
    getType: () => (p.kind === 'LIST_ITEM' ? ELEMENT_TYPE.LIST_ITEM : ELEMENT_TYPE.PARAGRAPH),
    getText(): string {
      call('getText');
      return paragraphText(p);
    },
    setText(text: string) {
      call('setText');
      live(session);
      spliceText(p, 0, paragraphText(p).length, String(text));
      p.rule = false;
      p.pageBreak = false;
    },
    appendText(text: string) {
      call('appendText');
      live(session);
      const len = paragraphText(p).length;
      spliceText(p, len, len, String(text));
      return wrapText(ctx, session, () => [p]);
    },
    appendInlineImage(image: unknown) {
      call('appendInlineImage');
      return appendImage(ctx, session, p, image);
    },
    editAsText() {
      call('editAsText');
      return wrapText(ctx, session, () => [p]);
    },
    asText() {
      call('asText');
      return wrapText(ctx, session, () => [p]);
    },
    asParagraph: () => self,
    replaceText(pattern: string, replacement: string) {
      call('replaceText');
      live(session);
      replaceInParagraph(p, toRegExp(String(pattern)), String(replacement));
    },
    findText(pattern: string, from?: Obj) {
      call('findText');
      return findIn(ctx, session, [p], String(pattern), from, () => self);
    },
    setAttributes(attributes: Obj) {
      call('setAttributes');
      live(session);
      applyParagraphAttributes(p, attributes);
    },
    getAttributes() {
      call('getAttributes');
      const out = textAttrsOut(p.runs[0]?.attrs ?? {});
      for (const [key, field] of Object.entries(PARAGRAPH_KEYS)) out[key] = p[field];
      return out;
    },
    getNumChildren() {
      call('getNumChildren');
      return (p.runs.length > 0 || p.rule || p.pageBreak ? 1 : 0) + (p.images?.length ?? 0);
    },
    removeFromParent() {
      call('removeFromParent');
      live(session);
      const nodes = owner();
      const index = nodes.indexOf(p);
      if (index >= 0) nodes.splice(index, 1);
      if (nodes.length === 0) nodes.push(newParagraph());
      return self;
    },
    copy() {
      call('copy');
      return wrapParagraph(ctx, session, structuredClone(p), () => []);
    },
    __node: p,
  };
  for (const [name, field] of Object.entries(FIELD_ACCESSORS)) {
    self[`get${name}`] = () => {
      call(`get${name}`);
      return p[field];
    };
    self[`set${name}`] = (value: unknown) => {
      call(`set${name}`);
      live(session);
      setField(p, field, value);
    };
  }
  return chain(self, [
    'setText',
    ...Object.keys(FIELD_ACCESSORS).map((name) => `set${name}`),
    'replaceText',
    'setAttributes',
  ]);
}

type ParagraphField = (typeof PARAGRAPH_KEYS)[string];

/** The paragraph's plain fields, by the name of their Apps Script getter and setter (`getHeading`, `setHeading`). */
const FIELD_ACCESSORS: Record<string, ParagraphField> = {
  Heading: 'heading',
  Alignment: 'alignment',
  SpacingBefore: 'spacingBefore',
  SpacingAfter: 'spacingAfter',
  LineSpacing: 'lineSpacing',
  IndentStart: 'indentStart',
  IndentFirstLine: 'indentFirstLine',
};

function setField(p: ParagraphNode, field: ParagraphField, value: unknown): void {
  if (field === 'heading' || field === 'alignment') p[field] = String(value);
  else p[field] = Number(value);
}

export function applyParagraphAttributes(p: ParagraphNode, attributes: Obj): void {
  const text = textAttrsFrom(attributes);
  if (Object.keys(text).length > 0) styleRange(p, 0, paragraphText(p).length, text);
  for (const [key, value] of Object.entries(attributes)) {
    const field = PARAGRAPH_KEYS[key];
    if (field && value !== null && value !== undefined) setField(p, field, value);
  }
}
