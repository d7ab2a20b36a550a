import {
  newParagraph,
  paragraphsOf,
  paragraphText,
  replaceInParagraph,
  toRegExp,
  type BodyNode,
  type DocContent,
  type ParagraphNode,
  type TableNode,
} from '../files/doc-model';
import { chain, live, type DocsContext, type Obj } from './context';
import { ELEMENT_TYPE, BODY_KEYS } from './enums';
import { type Session } from './session';
import { wrapText, findIn } from './text';
import { wrapParagraph, applyParagraphAttributes } from './paragraph';
import { wrapTable, wrapNode } from './table';

export function wrapSection(
  ctx: DocsContext,
  session: Session,
  kind: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION',
  nodes: () => BodyNode[],
): Obj {
  const { call } = ctx;
  const insert = (index: number, node: BodyNode): Obj => {
    live(session);
    const list = nodes();
    if (index < 0 || index > list.length)
      throw new Error(`Child index (${index}) must be less than or equal to the number of child elements.`);
    list.splice(index, 0, node);
    return wrapNode(ctx, session, node, nodes);
  };
  const paragraphFrom = (value: unknown): ParagraphNode => {
    const v = value as Obj | null;
    if (v && typeof v === 'object' && v.__node) return structuredClone(v.__node as ParagraphNode);
    return newParagraph(String(value ?? ''));
  };
  const body = (): DocContent => session.doc;
  const self: Obj = {
    getType: () => kind,
    appendParagraph(value: unknown) {
      call('appendParagraph');
      return insert(nodes().length, paragraphFrom(value));
    },
    insertParagraph(index: number, value: unknown) {
      call('insertParagraph');
      return insert(index, paragraphFrom(value));
    },
    appendListItem(value: unknown) {
      call('appendListItem');
      return insert(nodes().length, { ...paragraphFrom(value), kind: 'LIST_ITEM' });
    },
    appendHorizontalRule() {
      call('appendHorizontalRule');
      const p = { ...newParagraph(), rule: true };
      const para = insert(nodes().length, p);
      return { getType: () => ELEMENT_TYPE.HORIZONTAL_RULE, getParent: () => para };
    },
    insertHorizontalRule(index: number) {
      call('insertHorizontalRule');
      const para = insert(index, { ...newParagraph(), rule: true });
      return { getType: () => ELEMENT_TYPE.HORIZONTAL_RULE, getParent: () => para };
    },
    appendPageBreak() {
      call('appendPageBreak');
      const para = insert(nodes().length, { ...newParagraph(), pageBreak: true });
      return { getType: () => ELEMENT_TYPE.PAGE_BREAK, getParent: () => para };
    },
    appendTable(cells?: unknown[][]) {
      call('appendTable');
      const rows = (cells ?? [['']]).map((row) => row.map((c) => newParagraph(String(c ?? ''))));
      return insert(nodes().length, { kind: 'TABLE', rows });
    },
    insertTable(index: number, cells?: unknown[][]) {
      call('insertTable');
      const rows = (cells ?? [['']]).map((row) => row.map((c) => newParagraph(String(c ?? ''))));
      return insert(index, { kind: 'TABLE', rows });
    },
    getParagraphs() {
      call('getParagraphs');
      return paragraphsOf(nodes()).map((p) => wrapParagraph(ctx, session, p, nodes));
    },
    getTables() {
      call('getTables');
      return nodes()
        .filter((n): n is TableNode => n.kind === 'TABLE')
        .map((t) => wrapTable(ctx, session, t));
    },
    getNumChildren() {
      call('getNumChildren');
      return nodes().length;
    },
    getChild(index: number) {
      call('getChild');
      const node = nodes()[index];
      if (!node) throw new Error(`Child index (${index}) must be less than the number of child elements.`);
      return wrapNode(ctx, session, node, nodes);
    },
    getChildIndex(element: Obj) {
      call('getChildIndex');
      const index = nodes().indexOf(element.__node as BodyNode);
      if (index < 0) throw new Error('Element does not contain the specified child element.');
      return index;
    },
    removeChild(element: Obj) {
      call('removeChild');
      live(session);
      const list = nodes();
      const index = list.indexOf(element.__node as BodyNode);
      if (index < 0) throw new Error('Element does not contain the specified child element.');
      if (kind === 'BODY_SECTION' && index === list.length - 1)
        throw new Error("Can't remove the last paragraph in a document section.");
      list.splice(index, 1);
    },
    getText() {
      call('getText');
      return nodes()
        .map((n) =>
          n.kind === 'TABLE' ? n.rows.map((r) => r.map(paragraphText).join('\t')).join('\n') : paragraphText(n),
        )
        .join('\n');
    },
    editAsText() {
      call('editAsText');
      return wrapText(ctx, session, () => paragraphsOf(nodes()));
    },
    clear() {
      call('clear');
      live(session);
      nodes().splice(0, nodes().length, newParagraph());
    },
    setText(text: string) {
      call('setText');
      live(session);
      nodes().splice(
        0,
        nodes().length,
        ...String(text)
          .split(/\r?\n/)
          .map((line) => newParagraph(line)),
      );
    },
    replaceText(pattern: string, replacement: string) {
      call('replaceText');
      live(session);
      const re = toRegExp(String(pattern));
      for (const p of paragraphsOf(nodes())) replaceInParagraph(p, re, String(replacement));
    },
    findText(pattern: string, from?: Obj) {
      call('findText');
      return findIn(ctx, session, paragraphsOf(nodes()), String(pattern), from, (p) =>
        wrapParagraph(ctx, session, p, nodes),
      );
    },
    setAttributes(attributes: Obj) {
      call('setAttributes');
      live(session);
      for (const [key, value] of Object.entries(attributes)) {
        const field = BODY_KEYS[key];
        if (field && value !== null && value !== undefined) body()[field] = Number(value);
      }
      for (const p of paragraphsOf(nodes())) applyParagraphAttributes(p, attributes);
    },
    getAttributes() {
      call('getAttributes');
      const out: Obj = {};
      for (const [key, field] of Object.entries(BODY_KEYS)) out[key] = body()[field];
      return out;
    },
  };
  const margin = (
    name: string,
    field: 'marginTop' | 'marginBottom' | 'marginLeft' | 'marginRight' | 'pageWidth' | 'pageHeight',
  ): void => {
    self[`set${name}`] = (value: number) => {
      call(`set${name}`);
      live(session);
      body()[field] = Number(value);
      return self;
    };
    self[`get${name}`] = () => {
      call(`get${name}`);
      return body()[field];
    };
  };
  margin('MarginTop', 'marginTop');
  margin('MarginBottom', 'marginBottom');
  margin('MarginLeft', 'marginLeft');
  margin('MarginRight', 'marginRight');
  margin('PageWidth', 'pageWidth');
  margin('PageHeight', 'pageHeight');
  return chain(self, ['clear', 'setText', 'replaceText', 'setAttributes']);
}
