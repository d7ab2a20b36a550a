/**
 * The Docs API's index model over the emulated document body (catalogue: REST-DOCS-INDEXES): the body
 * starts at index 1, after its section break; a paragraph spans its characters, one index per inline
 * image, and its closing newline; a table spans one index of its own, one per row, and per cell one plus
 * the cell's paragraph. `documents.get` reports these indexes and the editing requests resolve them.
 */
import { paragraphText, type DocContent, type ParagraphNode, type TableNode } from '../services/files/doc-model';

export interface ParagraphSlot {
  start: number;
  end: number;
  node: ParagraphNode;
  /** Position of the paragraph (or of its table) in the body. */
  bodyIndex: number;
  inTable: boolean;
}

export interface TableSlot {
  start: number;
  end: number;
  node: TableNode;
  bodyIndex: number;
}

export function paragraphSpan(p: ParagraphNode): number {
  return paragraphText(p).length + (p.images?.length ?? 0) + 1;
}

export function bodySlots(doc: DocContent): { paragraphs: ParagraphSlot[]; tables: TableSlot[] } {
  const paragraphs: ParagraphSlot[] = [];
  const tables: TableSlot[] = [];
  let index = 1;
  doc.body.forEach((node, bodyIndex) => {
    if (node.kind !== 'TABLE') {
      paragraphs.push({ start: index, end: index + paragraphSpan(node), node, bodyIndex, inTable: false });
      index += paragraphSpan(node);
      return;
    }
    const start = index;
    index += 1;
    for (const row of node.rows) {
      index += 1;
      for (const cell of row) {
        index += 1;
        paragraphs.push({ start: index, end: index + paragraphSpan(cell), node: cell, bodyIndex, inTable: true });
        index += paragraphSpan(cell);
      }
    }
    tables.push({ start, end: index, node, bodyIndex });
  });
  return { paragraphs, tables };
}

type Json = Record<string, unknown>;

const ALIGNMENT: Record<string, string> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };

function headingStyle(heading: string): string {
  if (heading === 'TITLE' || heading === 'SUBTITLE') return heading;
  const m = /^HEADING(\d)$/.exec(heading);
  return m ? `HEADING_${m[1]}` : 'NORMAL_TEXT';
}

function paragraphJson(p: ParagraphNode, start: number): Json {
  const text = paragraphText(p);
  const elements: Json[] = [];
  let index = start;
  if (text !== '') {
    elements.push({ startIndex: index, endIndex: index + text.length, textRun: { content: text, textStyle: {} } });
    index += text.length;
  }
  (p.images ?? []).forEach((_, n) => {
    elements.push({ startIndex: index, endIndex: index + 1, inlineObjectElement: { inlineObjectId: `kix.image${n}` } });
    index += 1;
  });
  elements.push({ startIndex: index, endIndex: index + 1, textRun: { content: '\n', textStyle: {} } });
  return {
    startIndex: start,
    endIndex: index + 1,
    paragraph: {
      elements,
      paragraphStyle: { namedStyleType: headingStyle(p.heading), alignment: ALIGNMENT[p.alignment] ?? 'START' },
    },
  };
}

/** The body as `documents.get` answers it: structural elements with their indexes. */
export function structuralBody(doc: DocContent): Json {
  const { paragraphs, tables } = bodySlots(doc);
  const content: Json[] = [];
  doc.body.forEach((node, bodyIndex) => {
    if (node.kind !== 'TABLE') {
      const slot = paragraphs.find((s) => s.bodyIndex === bodyIndex) as ParagraphSlot;
      content.push(paragraphJson(node, slot.start));
      return;
    }
    const table = tables.find((t) => t.bodyIndex === bodyIndex) as TableSlot;
    let index = table.start + 1;
    const tableRows = node.rows.map((row) => {
      const rowStart = index;
      index += 1;
      const tableCells = row.map((cell) => {
        const cellStart = index;
        index += 1;
        const paragraph = paragraphJson(cell, index);
        index += paragraphSpan(cell);
        return { startIndex: cellStart, endIndex: index, content: [paragraph] };
      });
      return { startIndex: rowStart, endIndex: index, tableCells };
    });
    content.push({
      startIndex: table.start,
      endIndex: table.end,
      table: { rows: node.rows.length, columns: node.rows[0]?.length ?? 0, tableRows },
    });
  });
  return { content };
}
