/**
 * The editing requests of `documents.batchUpdate` the emulator applies, on a draft of the document, in
 * order (each request sees the indexes the previous ones left): `replaceAllText`, `deleteContentRange`
 * within a paragraph, `insertText`, `insertTable` (catalogue: REST-DOCS-INSERT-TABLE), the table styles
 * (REST-DOCS-TABLE-COLUMN-WIDTH) and the paragraph and text styles. Anything else is refused with a 400,
 * as Google refuses a request it cannot apply, and then nothing of the batch is applied.
 */
import {
  newParagraph,
  paragraphsOf,
  paragraphText,
  spliceText,
  styleRange,
  type CellStyle,
  type DocContent,
  type ParagraphNode,
  type TableNode,
  type TextAttrs,
} from '../services/files/doc-model';
import { bodySlots, type ParagraphSlot } from './docs-structure';
import { RestError } from './http';

type Json = Record<string, unknown>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceLiterally(paragraphs: ParagraphNode[], find: string, replacement: string, matchCase: boolean): number {
  const re = new RegExp(escapeRegExp(find), matchCase ? 'g' : 'gi');
  let changed = 0;
  for (const p of paragraphs) {
    const text = paragraphText(p);
    const hits: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) hits.push(m.index);
    for (const start of hits.reverse()) spliceText(p, start, start + find.length, replacement);
    changed += hits.length;
  }
  return changed;
}

function invalid(index: number, kind: string, message: string): RestError {
  return new RestError(400, `Invalid requests[${index}].${kind}: ${message}`);
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** A `Dimension` in points (the only unit the add-on sends; `PT`). */
function points(value: unknown): number | null {
  const d = (value ?? null) as Json | null;
  return d && typeof d.magnitude === 'number' ? d.magnitude : null;
}

function fieldList(body: Json, index: number, kind: string): Set<string> {
  const fields = typeof body.fields === 'string' ? body.fields.trim() : '';
  if (fields === '') throw invalid(index, kind, "At least one field must be listed in 'fields'.");
  return new Set(fields.split(',').map((f) => f.trim()));
}

type Slots = ReturnType<typeof bodySlots>;

class Editor {
  constructor(
    private readonly index: number,
    private readonly kind: string,
    private readonly slots: () => Slots,
  ) {}

  private fail(message: string): RestError {
    return invalid(this.index, this.kind, message);
  }

  /** The paragraph holding `at` (its newline included). */
  paragraphAt(at: number): ParagraphSlot {
    const slot = this.slots().paragraphs.find((p) => at >= p.start && at < p.end);
    if (!slot || !Number.isInteger(at))
      throw this.fail(`Index ${at} must be inside the bounds of an existing paragraph.`);
    return slot;
  }

  location(body: Json): number {
    const location = body.location as Json | undefined;
    if (location) return num(location.index);
    if (body.endOfSegmentLocation) {
      const last = this.slots()
        .paragraphs.filter((p) => !p.inTable)
        .at(-1);
      if (!last) throw this.fail('The document has no body paragraph.');
      return last.end - 1;
    }
    throw this.fail('A location or an end-of-segment location is required.');
  }

  table(location: unknown): TableNode {
    const at = num((location as Json | undefined)?.index);
    const found = this.slots().tables.find((t) => t.start === at);
    if (!found) throw this.fail(`The provided table start location ${at} is invalid.`);
    return found.node;
  }

  /** The paragraphs meeting [start, end), with the part of each the range covers. */
  covered(range: Json | undefined): Array<{ slot: ParagraphSlot; from: number; to: number }> {
    const start = num(range?.startIndex);
    const end = num(range?.endIndex);
    if (!(start >= 1) || !(end > start))
      throw this.fail('The range must have a start index of at least 1 and an end index past it.');
    const out: Array<{ slot: ParagraphSlot; from: number; to: number }> = [];
    for (const slot of this.slots().paragraphs)
      if (slot.start < end && slot.end > start)
        out.push({ slot, from: Math.max(start, slot.start) - slot.start, to: Math.min(end, slot.end) - slot.start });
    const last = this.slots().paragraphs.at(-1);
    if (!last || end > last.end)
      throw this.fail(`Index ${end - 1} must be less than the end index of the referenced segment, ${last?.end ?? 1}.`);
    return out;
  }
}

/**
 * Splits a paragraph at a text offset: the text before stays, a new paragraph of the same style takes the
 * rest and the inline images.
 */
function split(p: ParagraphNode, offset: number): ParagraphNode {
  const tail: ParagraphNode = { ...structuredClone(p), runs: [] };
  const text = paragraphText(p);
  const rest = text.slice(offset);
  if (rest !== '') {
    tail.runs = structuredClone(p.runs);
    spliceText(tail, 0, offset, '');
  }
  spliceText(p, offset, text.length, '');
  delete p.images;
  return tail;
}

function rgbHex(color: unknown): string | undefined {
  const rgb = (((color as Json | undefined)?.color as Json | undefined)?.rgbColor ?? null) as Json | null;
  if (!rgb) return undefined;
  const part = (v: unknown): string =>
    Math.round((typeof v === 'number' ? v : 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(rgb.red)}${part(rgb.green)}${part(rgb.blue)}`;
}

const ALIGNMENT: Record<string, string> = { START: 'LEFT', CENTER: 'CENTER', END: 'RIGHT', JUSTIFIED: 'JUSTIFY' };

function applyCellStyle(target: CellStyle, style: Json, fields: Set<string>): void {
  const all = fields.has('*');
  if (all || fields.has('backgroundColor')) target.background = rgbHex(style.backgroundColor);
  const pad = target.padding ?? { top: 5, right: 5, bottom: 5, left: 5 };
  for (const [field, side] of [
    ['paddingTop', 'top'],
    ['paddingRight', 'right'],
    ['paddingBottom', 'bottom'],
    ['paddingLeft', 'left'],
  ] as const)
    if (all || fields.has(field)) pad[side] = points(style[field]) ?? 0;
  target.padding = pad;
  const borders = ['borderTop', 'borderRight', 'borderBottom', 'borderLeft'].filter((f) => all || fields.has(f));
  if (borders.length > 0)
    target.borderWidth = Math.max(...borders.map((f) => points((style[f] as Json | undefined)?.width) ?? 0));
}

/** Requests that change styles only: the indexes after them are the ones before. */
const STYLE_ONLY = new Set([
  'updateTableColumnProperties',
  'updateTableRowStyle',
  'updateTableCellStyle',
  'updateParagraphStyle',
  'updateTextStyle',
]);

/**
 * A batch's requests applied in order to `doc`, their replies in the same order. The body's index map is
 * made once and again only after a request that moved text: a QR code's table sends one style request a
 * cell, and remaking the map for each would cost the square of the cells.
 */
export function applyEdits(doc: DocContent, requests: readonly Json[]): Json[] {
  let slots: Slots | null = null;
  const current = (): Slots => (slots ??= bodySlots(doc));
  return requests.map((request, index) => {
    const reply = applyEdit(doc, request, index, current);
    if (!STYLE_ONLY.has(Object.keys(request)[0] ?? '')) slots = null;
    return reply;
  });
}

function applyEdit(doc: DocContent, request: Json, index: number, slots: () => Slots): Json {
  const kind = Object.keys(request)[0] ?? '';
  const body = (request[kind] ?? {}) as Json;
  const edit = new Editor(index, kind, slots);
  switch (kind) {
    case 'replaceAllText': {
      const criteria = (body.containsText ?? {}) as Json;
      const text = typeof criteria.text === 'string' ? criteria.text : '';
      if (text === '') throw invalid(index, kind, 'The text to search for cannot be empty.');
      const replacement = typeof body.replaceText === 'string' ? body.replaceText : '';
      const segments = [...paragraphsOf(doc.body), ...(doc.header ?? []), ...(doc.footer ?? [])];
      const occurrencesChanged = replaceLiterally(segments, text, replacement, criteria.matchCase === true);
      return { replaceAllText: occurrencesChanged > 0 ? { occurrencesChanged } : {} };
    }
    case 'deleteContentRange': {
      const range = body.range as Json | undefined;
      const [part] = edit.covered(range);
      const many = edit.covered(range).length > 1;
      if (!part || many || part.to >= part.slot.end - part.slot.start)
        throw invalid(index, kind, 'this server deletes only within one paragraph, its newline kept.');
      spliceText(part.slot.node, part.from, part.to, '');
      return {};
    }
    case 'insertText': {
      const at = edit.location(body);
      const slot = edit.paragraphAt(at);
      const text = typeof body.text === 'string' ? body.text : '';
      const offset = Math.min(at - slot.start, paragraphText(slot.node).length);
      const lines = text.split('\n');
      spliceText(slot.node, offset, offset, lines[0] as string);
      if (lines.length === 1) return {};
      if (slot.inTable) throw invalid(index, kind, 'this server inserts new paragraphs only in the body.');
      let current = slot.node;
      let cut = offset + (lines[0] as string).length;
      const added: ParagraphNode[] = [];
      for (const line of lines.slice(1)) {
        const next = split(current, cut);
        spliceText(next, 0, 0, line, next.runs[0]?.attrs ?? {});
        added.push(next);
        current = next;
        cut = line.length;
      }
      doc.body.splice(slot.bodyIndex + 1, 0, ...added);
      return {};
    }
    case 'insertTable': {
      const rows = num(body.rows);
      const columns = num(body.columns);
      if (!(rows >= 1) || !(columns >= 1)) throw invalid(index, kind, 'A table needs at least one row and one column.');
      const at = edit.location(body);
      const slot = edit.paragraphAt(at);
      if (slot.inTable) throw invalid(index, kind, 'this server inserts tables only in the body.');
      const offset = Math.min(at - slot.start, paragraphText(slot.node).length);
      const tail = split(slot.node, offset);
      const table: TableNode = {
        kind: 'TABLE',
        rows: Array.from({ length: rows }, () => Array.from({ length: columns }, () => newParagraph())),
      };
      doc.body.splice(slot.bodyIndex + 1, 0, table, tail);
      return {};
    }
    case 'updateTableColumnProperties': {
      const table = edit.table(body.tableStartLocation);
      const fields = fieldList(body, index, kind);
      const props = (body.tableColumnProperties ?? {}) as Json;
      const width = points(props.width);
      if ((fields.has('width') || fields.has('*')) && (width === null || width < 5))
        throw invalid(index, kind, 'The column width must be at least 5 points.');
      const columns = table.rows[0]?.length ?? 0;
      const indices =
        Array.isArray(body.columnIndices) && body.columnIndices.length > 0
          ? (body.columnIndices as number[])
          : [...Array(columns).keys()];
      table.columnWidths ??= new Array<number | null>(columns).fill(null);
      for (const c of indices) {
        if (!(c >= 0 && c < columns)) throw invalid(index, kind, `Column index ${c} is out of range.`);
        table.columnWidths[c] = props.widthType === 'FIXED_WIDTH' ? width : null;
      }
      return {};
    }
    case 'updateTableRowStyle': {
      const table = edit.table(body.tableStartLocation);
      fieldList(body, index, kind);
      const height = points(((body.tableRowStyle ?? {}) as Json).minRowHeight) ?? 0;
      const indices =
        Array.isArray(body.rowIndices) && body.rowIndices.length > 0
          ? (body.rowIndices as number[])
          : [...table.rows.keys()];
      table.minRowHeights ??= new Array<number | null>(table.rows.length).fill(null);
      for (const r of indices) {
        if (!(r >= 0 && r < table.rows.length)) throw invalid(index, kind, `Row index ${r} is out of range.`);
        table.minRowHeights[r] = height;
      }
      return {};
    }
    case 'updateTableCellStyle': {
      const fields = fieldList(body, index, kind);
      const range = body.tableRange as Json | undefined;
      const cellAt = (range?.tableCellLocation ?? {}) as Json;
      const table = edit.table(range ? cellAt.tableStartLocation : body.tableStartLocation);
      const rows = table.rows.length;
      const columns = table.rows[0]?.length ?? 0;
      const r0 = range ? num(cellAt.rowIndex) : 0;
      const c0 = range ? num(cellAt.columnIndex) : 0;
      const r1 = range ? r0 + num(range.rowSpan) : rows;
      const c1 = range ? c0 + num(range.columnSpan) : columns;
      if (!(r0 >= 0 && c0 >= 0 && r1 <= rows && c1 <= columns && r1 > r0 && c1 > c0))
        throw invalid(index, kind, 'The table range is outside the table.');
      table.cellStyles ??= table.rows.map((row) => row.map(() => ({})));
      for (let r = r0; r < r1; r++)
        for (let c = c0; c < c1; c++)
          applyCellStyle(table.cellStyles[r]?.[c] as CellStyle, (body.tableCellStyle ?? {}) as Json, fields);
      return {};
    }
    case 'updateParagraphStyle': {
      const fields = fieldList(body, index, kind);
      const style = (body.paragraphStyle ?? {}) as Json;
      const all = fields.has('*');
      for (const { slot } of edit.covered(body.range as Json | undefined)) {
        const p = slot.node;
        if (all || fields.has('alignment')) p.alignment = ALIGNMENT[String(style.alignment)] ?? 'LEFT';
        if (all || fields.has('lineSpacing')) p.lineSpacing = (num(style.lineSpacing) || 100) / 100;
        if (all || fields.has('spaceAbove')) p.spacingBefore = points(style.spaceAbove) ?? 0;
        if (all || fields.has('spaceBelow')) p.spacingAfter = points(style.spaceBelow) ?? 0;
      }
      return {};
    }
    case 'updateTextStyle': {
      const fields = fieldList(body, index, kind);
      const style = (body.textStyle ?? {}) as Json;
      const attrs: TextAttrs = {};
      for (const f of fields) {
        if (f === 'fontSize') attrs.fontSize = points(style.fontSize) ?? 11;
        else if (f === 'bold' || f === 'italic' || f === 'underline') attrs[f] = style[f] === true;
        else throw invalid(index, kind, `the field ${f} is not supported by this server.`);
      }
      for (const { slot, from, to } of edit.covered(body.range as Json | undefined)) {
        const length = paragraphText(slot.node).length;
        if (from < length) styleRange(slot.node, from, Math.min(to, length), attrs);
        if (to >= slot.end - slot.start) slot.node.endAttrs = { ...slot.node.endAttrs, ...attrs };
      }
      return {};
    }
    default:
      throw new RestError(
        400,
        `Invalid requests[${index}]: ${kind || 'an empty request'} is not supported by this server.`,
      );
  }
}
