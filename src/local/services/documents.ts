import type { Workspace } from '../runtime/workspace';
import { EmulatedBlob } from './blob';
import {
  cloneDoc,
  commitDoc,
  committedDoc,
  documentText,
  newDocContent,
  newParagraph,
  paragraphsOf,
  paragraphText,
  replaceInParagraph,
  spliceText,
  styleRange,
  attrsAt,
  toRegExp,
  type BodyNode,
  type DocContent,
  type ParagraphNode,
  type TableNode,
  type TextAttrs,
} from './files/doc-model';
import { renderPdf } from './files/pdf';
import { createItem, DOC_MIME, findItem, PDF_MIME } from './files/store';

export const DOCUMENT_MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";
const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';

const PARAGRAPH_HEADING = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;

const HORIZONTAL_ALIGNMENT = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' } as const;

const ATTRIBUTE = {
  BACKGROUND_COLOR: 'BACKGROUND_COLOR',
  BOLD: 'BOLD',
  BORDER_COLOR: 'BORDER_COLOR',
  BORDER_WIDTH: 'BORDER_WIDTH',
  CODE: 'CODE',
  FONT_FAMILY: 'FONT_FAMILY',
  FONT_SIZE: 'FONT_SIZE',
  FOREGROUND_COLOR: 'FOREGROUND_COLOR',
  HEADING: 'HEADING',
  HEIGHT: 'HEIGHT',
  HORIZONTAL_ALIGNMENT: 'HORIZONTAL_ALIGNMENT',
  INDENT_END: 'INDENT_END',
  INDENT_FIRST_LINE: 'INDENT_FIRST_LINE',
  INDENT_START: 'INDENT_START',
  ITALIC: 'ITALIC',
  LINE_SPACING: 'LINE_SPACING',
  LINK_URL: 'LINK_URL',
  MARGIN_BOTTOM: 'MARGIN_BOTTOM',
  MARGIN_LEFT: 'MARGIN_LEFT',
  MARGIN_RIGHT: 'MARGIN_RIGHT',
  MARGIN_TOP: 'MARGIN_TOP',
  PAGE_HEIGHT: 'PAGE_HEIGHT',
  PAGE_WIDTH: 'PAGE_WIDTH',
  SPACING_AFTER: 'SPACING_AFTER',
  SPACING_BEFORE: 'SPACING_BEFORE',
  STRIKETHROUGH: 'STRIKETHROUGH',
  UNDERLINE: 'UNDERLINE',
  WIDTH: 'WIDTH',
} as const;

const FONT_FAMILY = {
  AMARANTH: 'Amaranth',
  ARIAL: 'Arial',
  ARIAL_BLACK: 'Arial Black',
  ARIAL_NARROW: 'Arial Narrow',
  CALIBRI: 'Calibri',
  CAMBRIA: 'Cambria',
  COMIC_SANS_MS: 'Comic Sans MS',
  CONSOLAS: 'Consolas',
  COURIER_NEW: 'Courier New',
  GEORGIA: 'Georgia',
  HELVETICA: 'Helvetica',
  ROBOTO: 'Roboto',
  TIMES_NEW_ROMAN: 'Times New Roman',
  TREBUCHET_MS: 'Trebuchet MS',
  VERDANA: 'Verdana',
} as const;

const ELEMENT_TYPE = {
  BODY_SECTION: 'BODY_SECTION',
  HEADER_SECTION: 'HEADER_SECTION',
  FOOTER_SECTION: 'FOOTER_SECTION',
  PARAGRAPH: 'PARAGRAPH',
  LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE',
  TABLE_ROW: 'TABLE_ROW',
  TABLE_CELL: 'TABLE_CELL',
  TEXT: 'TEXT',
  HORIZONTAL_RULE: 'HORIZONTAL_RULE',
  PAGE_BREAK: 'PAGE_BREAK',
} as const;

/** Text attribute keys of `setAttributes`/`getAttributes` and where each lives in the model. */
const TEXT_KEYS: Record<string, keyof TextAttrs> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  STRIKETHROUGH: 'strikethrough',
  FONT_SIZE: 'fontSize',
  FONT_FAMILY: 'fontFamily',
  FOREGROUND_COLOR: 'foregroundColor',
  BACKGROUND_COLOR: 'backgroundColor',
  LINK_URL: 'linkUrl',
};
const PARAGRAPH_KEYS: Record<
  string,
  'heading' | 'alignment' | 'spacingBefore' | 'spacingAfter' | 'lineSpacing' | 'indentStart' | 'indentFirstLine'
> = {
  HEADING: 'heading',
  HORIZONTAL_ALIGNMENT: 'alignment',
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  LINE_SPACING: 'lineSpacing',
  INDENT_START: 'indentStart',
  INDENT_FIRST_LINE: 'indentFirstLine',
};
const BODY_KEYS: Record<
  string,
  'marginTop' | 'marginBottom' | 'marginLeft' | 'marginRight' | 'pageWidth' | 'pageHeight'
> = {
  MARGIN_TOP: 'marginTop',
  MARGIN_BOTTOM: 'marginBottom',
  MARGIN_LEFT: 'marginLeft',
  MARGIN_RIGHT: 'marginRight',
  PAGE_WIDTH: 'pageWidth',
  PAGE_HEIGHT: 'pageHeight',
};

function textAttrsFrom(attributes: Record<string, unknown>): TextAttrs {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const field = TEXT_KEYS[key];
    if (field && value !== null && value !== undefined) out[field] = value;
  }
  return out as TextAttrs;
}

function textAttrsOut(attrs: TextAttrs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(TEXT_KEYS)) out[key] = attrs[field] ?? null;
  return out;
}

/** An open document of one execution: edits land here and reach Drive at save time. */
interface Session {
  id: string;
  doc: DocContent;
  closed: boolean;
}

const sessions = new WeakMap<Workspace, Map<string, Session>>();
const hooked = new WeakSet<Workspace>();

/**
 * Google's reference: `saveAndClose()` flushes pending updates and is "automatically invoked at the end of
 * script execution for each open editable Document". Until then an export (Drive `getAs`, `makeCopy`)
 * sees the last saved content, which is why scripts save before exporting a PDF.
 */
function openSession(ws: Workspace, id: string): Session {
  let map = sessions.get(ws);
  if (!map) {
    map = new Map();
    sessions.set(ws, map);
  }
  if (!hooked.has(ws)) {
    hooked.add(ws);
    ws.endHooks.push(() => flushDocuments(ws));
  }
  let session = map.get(id);
  if (!session || session.closed) {
    session = { id, doc: cloneDoc(committedDoc(ws, id) ?? newDocContent()), closed: false };
    map.set(id, session);
  }
  return session;
}

/** Saves every document still open, as the end of an execution does. */
export function flushDocuments(ws: Workspace): void {
  const map = sessions.get(ws);
  if (!map) return;
  for (const session of map.values()) {
    if (!session.closed && findItem(ws, session.id)) commitDoc(ws, session.id, session.doc);
    session.closed = true;
  }
  map.clear();
}

/** The saved text of a Doc (what its PDF export shows), or null when the id is no Doc. */
export function hostDocumentText(ws: Workspace, id: string): string | null {
  const doc = committedDoc(ws, id);
  return doc ? documentText(doc) : null;
}

function docIdFromUrl(url: string): string {
  const m = /\/d\/([A-Za-z0-9_-]+)/.exec(url) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(url);
  if (!m) throw new Error(DOCUMENT_MISSING);
  return m[1] as string;
}

type Obj = Record<string, unknown>;

export function documentGlobals(ws: Workspace): { DocumentApp: unknown } {
  const call = (method: string): void => ws.call('Docs', method);

  function live(session: Session): void {
    if (session.closed) throw new Error(DOCUMENT_CLOSED);
  }

  /** Chainable setters return their element, as in Apps Script. */
  function chain(self: Obj, keys: string[]): Obj {
    for (const key of keys) {
      const method = self[key] as (...a: unknown[]) => unknown;
      self[key] = (...a: unknown[]) => {
        method(...a);
        return self;
      };
    }
    return self;
  }

  /**
   * A `Text` over one or more paragraphs (a paragraph's text, or a whole section's: paragraphs joined by
   * '\n'). Offsets are mapped onto the paragraph they fall in.
   */
  function wrapText(session: Session, paragraphs: () => ParagraphNode[]): Obj {
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
        return findIn(session, paragraphs(), String(pattern), from);
      },
      setBold: (...a: unknown[]) => (call('setBold'), style(a, 'bold')),
      setItalic: (...a: unknown[]) => (call('setItalic'), style(a, 'italic')),
      setUnderline: (...a: unknown[]) => (call('setUnderline'), style(a, 'underline')),
      setStrikethrough: (...a: unknown[]) => (call('setStrikethrough'), style(a, 'strikethrough')),
      setFontSize: (...a: unknown[]) => (call('setFontSize'), style(a, 'fontSize')),
      setFontFamily: (...a: unknown[]) => (call('setFontFamily'), style(a, 'fontFamily')),
      setForegroundColor: (...a: unknown[]) => (call('setForegroundColor'), style(a, 'foregroundColor')),
      setBackgroundColor: (...a: unknown[]) => (call('setBackgroundColor'), style(a, 'backgroundColor')),
      setLinkUrl: (...a: unknown[]) => (call('setLinkUrl'), style(a, 'linkUrl')),
      isBold(offset?: number) {
        call('isBold');
        return attrAt(offset).bold ?? null;
      },
      isItalic(offset?: number) {
        call('isItalic');
        return attrAt(offset).italic ?? null;
      },
      getFontSize(offset?: number) {
        call('getFontSize');
        return attrAt(offset).fontSize ?? null;
      },
      getFontFamily(offset?: number) {
        call('getFontFamily');
        return attrAt(offset).fontFamily ?? null;
      },
      getForegroundColor(offset?: number) {
        call('getForegroundColor');
        return attrAt(offset).foregroundColor ?? null;
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
      'setBold',
      'setItalic',
      'setUnderline',
      'setStrikethrough',
      'setFontSize',
      'setFontFamily',
      'setForegroundColor',
      'setBackgroundColor',
      'setLinkUrl',
      'setAttributes',
    ]);
  }

  function findIn(session: Session, list: ParagraphNode[], pattern: string, from?: Obj): Obj | null {
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
          getElement: () => wrapText(session, () => [p]),
          getStartOffset: () => start,
          getEndOffsetInclusive: () => end,
          isPartial: () => start > 0 || end < text.length - 1,
        };
      }
    }
    return null;
  }

  function wrapParagraph(session: Session, p: ParagraphNode, owner: () => BodyNode[]): Obj {
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
        return wrapText(session, () => [p]);
      },
      editAsText() {
        call('editAsText');
        return wrapText(session, () => [p]);
      },
      asText() {
        call('asText');
        return wrapText(session, () => [p]);
      },
      asParagraph: () => self,
      setHeading(heading: string) {
        call('setHeading');
        live(session);
        p.heading = String(heading);
      },
      getHeading() {
        call('getHeading');
        return p.heading;
      },
      setAlignment(alignment: string) {
        call('setAlignment');
        live(session);
        p.alignment = String(alignment);
      },
      getAlignment() {
        call('getAlignment');
        return p.alignment;
      },
      setSpacingBefore(points: number) {
        call('setSpacingBefore');
        live(session);
        p.spacingBefore = Number(points);
      },
      getSpacingBefore() {
        call('getSpacingBefore');
        return p.spacingBefore;
      },
      setSpacingAfter(points: number) {
        call('setSpacingAfter');
        live(session);
        p.spacingAfter = Number(points);
      },
      getSpacingAfter() {
        call('getSpacingAfter');
        return p.spacingAfter;
      },
      setLineSpacing(multiplier: number) {
        call('setLineSpacing');
        live(session);
        p.lineSpacing = Number(multiplier);
      },
      getLineSpacing() {
        call('getLineSpacing');
        return p.lineSpacing;
      },
      setIndentStart(points: number) {
        call('setIndentStart');
        live(session);
        p.indentStart = Number(points);
      },
      setIndentFirstLine(points: number) {
        call('setIndentFirstLine');
        live(session);
        p.indentFirstLine = Number(points);
      },
      replaceText(pattern: string, replacement: string) {
        call('replaceText');
        live(session);
        replaceInParagraph(p, toRegExp(String(pattern)), String(replacement));
      },
      findText(pattern: string, from?: Obj) {
        call('findText');
        return findIn(session, [p], String(pattern), from);
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
        return p.runs.length > 0 || p.rule || p.pageBreak ? 1 : 0;
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
        return wrapParagraph(session, structuredClone(p), () => []);
      },
      __node: p,
    };
    return chain(self, [
      'setText',
      'setHeading',
      'setAlignment',
      'setSpacingBefore',
      'setSpacingAfter',
      'setLineSpacing',
      'setIndentStart',
      'setIndentFirstLine',
      'replaceText',
      'setAttributes',
    ]);
  }

  function applyParagraphAttributes(p: ParagraphNode, attributes: Obj): void {
    const text = textAttrsFrom(attributes);
    if (Object.keys(text).length > 0) styleRange(p, 0, paragraphText(p).length, text);
    for (const [key, value] of Object.entries(attributes)) {
      const field = PARAGRAPH_KEYS[key];
      if (!field || value === null || value === undefined) continue;
      if (field === 'heading' || field === 'alignment') p[field] = String(value);
      else p[field] = Number(value);
    }
  }

  function wrapTable(session: Session, t: TableNode): Obj {
    const cell = (r: number, c: number): Obj => {
      const p = t.rows[r]?.[c];
      if (!p) throw new Error(`Child index (${c}) must be less than the number of child elements.`);
      return { ...wrapParagraph(session, p, () => []), getType: () => ELEMENT_TYPE.TABLE_CELL };
    };
    return {
      getType: () => ELEMENT_TYPE.TABLE,
      getNumRows() {
        call('getNumRows');
        return t.rows.length;
      },
      getRow(r: number) {
        call('getRow');
        const row = t.rows[r];
        if (!row) throw new Error(`Child index (${r}) must be less than the number of child elements.`);
        return {
          getType: () => ELEMENT_TYPE.TABLE_ROW,
          getNumCells: () => (call('getNumCells'), row.length),
          getCell: (c: number) => (call('getCell'), cell(r, c)),
          getText: () => (call('getText'), row.map(paragraphText).join('\t')),
        };
      },
      getCell(r: number, c: number) {
        call('getCell');
        return cell(r, c);
      },
      getText() {
        call('getText');
        return t.rows.map((row) => row.map(paragraphText).join('\t')).join('\n');
      },
      replaceText(pattern: string, replacement: string) {
        call('replaceText');
        live(session);
        const re = toRegExp(String(pattern));
        for (const row of t.rows) for (const p of row) replaceInParagraph(p, re, String(replacement));
      },
      __node: t,
    };
  }

  function wrapNode(session: Session, node: BodyNode, owner: () => BodyNode[]): Obj {
    return node.kind === 'TABLE' ? wrapTable(session, node) : wrapParagraph(session, node, owner);
  }

  /** Body, header or footer: the container API over a list of nodes. */
  function wrapSection(
    session: Session,
    kind: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION',
    nodes: () => BodyNode[],
  ): Obj {
    const insert = (index: number, node: BodyNode): Obj => {
      live(session);
      const list = nodes();
      if (index < 0 || index > list.length)
        throw new Error(`Child index (${index}) must be less than or equal to the number of child elements.`);
      list.splice(index, 0, node);
      return wrapNode(session, node, nodes);
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
      getParagraphs() {
        call('getParagraphs');
        return paragraphsOf(nodes()).map((p) => wrapParagraph(session, p, nodes));
      },
      getTables() {
        call('getTables');
        return nodes()
          .filter((n): n is TableNode => n.kind === 'TABLE')
          .map((t) => wrapTable(session, t));
      },
      getNumChildren() {
        call('getNumChildren');
        return nodes().length;
      },
      getChild(index: number) {
        call('getChild');
        const node = nodes()[index];
        if (!node) throw new Error(`Child index (${index}) must be less than the number of child elements.`);
        return wrapNode(session, node, nodes);
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
        return wrapText(session, () => paragraphsOf(nodes()));
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
        return findIn(session, paragraphsOf(nodes()), String(pattern), from);
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

  function wrapDocument(id: string): Obj {
    const session = openSession(ws, id);
    const item = () => {
      const found = findItem(ws, id);
      if (!found) throw new Error(DOCUMENT_MISSING);
      return found;
    };
    const self: Obj = {
      getId() {
        call('getId');
        return id;
      },
      getName() {
        call('getName');
        return item().name;
      },
      setName(name: string) {
        call('setName');
        item().name = String(name);
        item().updatedMs = ws.now();
        return self;
      },
      getUrl() {
        call('getUrl');
        return `https://docs.google.com/open?id=${id}`;
      },
      getBody() {
        call('getBody');
        live(session);
        return wrapSection(session, 'BODY_SECTION', () => session.doc.body);
      },
      getHeader() {
        call('getHeader');
        return session.doc.header ? wrapSection(session, 'HEADER_SECTION', () => session.doc.header ?? []) : null;
      },
      addHeader() {
        call('addHeader');
        live(session);
        if (!session.doc.header) session.doc.header = [newParagraph()];
        return wrapSection(session, 'HEADER_SECTION', () => session.doc.header ?? []);
      },
      getFooter() {
        call('getFooter');
        return session.doc.footer ? wrapSection(session, 'FOOTER_SECTION', () => session.doc.footer ?? []) : null;
      },
      addFooter() {
        call('addFooter');
        live(session);
        if (!session.doc.footer) session.doc.footer = [newParagraph()];
        return wrapSection(session, 'FOOTER_SECTION', () => session.doc.footer ?? []);
      },
      getText() {
        call('getText');
        return documentText(session.doc);
      },
      saveAndClose() {
        call('saveAndClose');
        if (session.closed) return;
        commitDoc(ws, id, session.doc);
        item().updatedMs = ws.now();
        session.closed = true;
      },
      getAs(contentType: string) {
        call('getAs');
        if (String(contentType) !== PDF_MIME)
          throw new Error(`Converting from ${DOC_MIME} to ${String(contentType)} is not supported.`);
        const pdf = renderPdf(committedDoc(ws, id) ?? newDocContent(), item().name);
        return new EmulatedBlob(pdf.bytes, PDF_MIME, `${item().name}.pdf`, pdf.text);
      },
      getBlob() {
        call('getBlob');
        const pdf = renderPdf(committedDoc(ws, id) ?? newDocContent(), item().name);
        return new EmulatedBlob(pdf.bytes, PDF_MIME, `${item().name}.pdf`, pdf.text);
      },
    };
    return self;
  }

  function openExisting(id: string): Obj {
    const item = findItem(ws, id);
    if (!item || item.mimeType !== DOC_MIME || !committedDoc(ws, id)) throw new Error(DOCUMENT_MISSING);
    return wrapDocument(id);
  }

  const DocumentApp = {
    ParagraphHeading: PARAGRAPH_HEADING,
    HorizontalAlignment: HORIZONTAL_ALIGNMENT,
    Attribute: ATTRIBUTE,
    FontFamily: FONT_FAMILY,
    ElementType: ELEMENT_TYPE,
    create(name: string) {
      call('create');
      const item = createItem(ws, { name: String(name), mimeType: DOC_MIME });
      commitDoc(ws, item.id, newDocContent());
      return wrapDocument(item.id);
    },
    openById(id: string) {
      call('openById');
      return openExisting(String(id));
    },
    openByUrl(url: string) {
      call('openByUrl');
      return openExisting(docIdFromUrl(String(url)));
    },
    getActiveDocument() {
      call('getActiveDocument');
      return null;
    },
  };
  return { DocumentApp };
}
