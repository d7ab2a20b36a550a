import { paragraphText, replaceInParagraph, toRegExp, type BodyNode, type TableNode } from '../files/doc-model';
import { live, type DocsContext, type Obj } from './context';
import { ELEMENT_TYPE } from './enums';
import { type Session } from './session';
import { wrapParagraph } from './paragraph';

export function wrapTable(ctx: DocsContext, session: Session, t: TableNode): Obj {
  const { call } = ctx;
  const cell = (r: number, c: number): Obj => {
    const p = t.rows[r]?.[c];
    if (!p) throw new Error(`Child index (${c}) must be less than the number of child elements.`);
    return { ...wrapParagraph(ctx, session, p, () => []), getType: () => ELEMENT_TYPE.TABLE_CELL };
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

export function wrapNode(ctx: DocsContext, session: Session, node: BodyNode, owner: () => BodyNode[]): Obj {
  return node.kind === 'TABLE' ? wrapTable(ctx, session, node) : wrapParagraph(ctx, session, node, owner);
}
