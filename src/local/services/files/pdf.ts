import { jsPDF } from 'jspdf';
import {
  documentText,
  newDocContent,
  newParagraph,
  paragraphText,
  type DocContent,
  type InlineImageNode,
  type ParagraphNode,
  type TableNode,
  type TextAttrs,
} from './doc-model';

/** Point sizes of Google Docs' default paragraph styles. */
const HEADING_SIZE: Record<string, number> = {
  TITLE: 26,
  SUBTITLE: 15,
  HEADING1: 20,
  HEADING2: 16,
  HEADING3: 14,
  HEADING4: 12,
  HEADING5: 11,
  HEADING6: 11,
  NORMAL: 11,
};

interface Word {
  text: string;
  attrs: TextAttrs;
  /** Whether a space precedes the word on its line. */
  spaced: boolean;
  width: number;
}

function fontStyle(attrs: TextAttrs, heading: string): string {
  const bold = attrs.bold ?? (heading !== 'NORMAL' && heading !== 'SUBTITLE');
  const italic = attrs.italic ?? false;
  if (bold && italic) return 'bolditalic';
  if (bold) return 'bold';
  if (italic) return 'italic';
  return 'normal';
}

/**
 * The core PDF fonts cover WinAnsi (Latin-1 plus a few typographic signs): Italian accents, the euro and
 * dashes render; anything else is replaced rather than written as a broken glyph.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\t') out += ' ';
    else out += '?';
  }
  return out;
}

function hexColor(color: string | undefined): [number, number, number] {
  const m = color ? /^#?([0-9a-f]{6})$/i.exec(color) : null;
  if (!m) return [0, 0, 0];
  const v = parseInt(m[1] as string, 16);
  return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
}

/** Consecutive words of one style become one text run, spaces included, so extracted text keeps them. */
function segments(line: Word[]): Array<{ text: string; attrs: TextAttrs }> {
  const out: Array<{ text: string; attrs: TextAttrs }> = [];
  for (const w of line) {
    const text = (w.spaced ? ' ' : '') + w.text;
    const last = out[out.length - 1];
    if (last && JSON.stringify(last.attrs) === JSON.stringify(w.attrs)) last.text += text;
    else out.push({ text, attrs: w.attrs });
  }
  return out;
}

class Layout {
  private y: number;

  constructor(
    private readonly pdf: jsPDF,
    private readonly doc: DocContent,
  ) {
    this.y = doc.marginTop;
  }

  private get contentWidth(): number {
    return this.doc.pageWidth - this.doc.marginLeft - this.doc.marginRight;
  }

  private newPage(): void {
    this.pdf.addPage([this.doc.pageWidth, this.doc.pageHeight], this.doc.pageWidth > this.doc.pageHeight ? 'l' : 'p');
    this.y = this.doc.marginTop;
  }

  private ensure(height: number): void {
    if (this.y + height > this.doc.pageHeight - this.doc.marginBottom && this.y > this.doc.marginTop) this.newPage();
  }

  private setFont(attrs: TextAttrs, heading: string): number {
    const size = attrs.fontSize ?? HEADING_SIZE[heading] ?? 11;
    this.pdf.setFont('helvetica', fontStyle(attrs, heading));
    this.pdf.setFontSize(size);
    this.pdf.setTextColor(...hexColor(attrs.foregroundColor));
    return size;
  }

  /** Words of one visual line (split at explicit line breaks), measured with their own fonts. */
  private words(p: ParagraphNode): Word[][] {
    const lines: Word[][] = [[]];
    let pendingSpace = false;
    for (const run of p.runs) {
      const pieces = toWinAnsi(run.text.replace(/\r\n?/g, '\n')).split(/(\n| +)/);
      for (const piece of pieces) {
        if (piece === '') continue;
        if (piece === '\n') {
          lines.push([]);
          pendingSpace = false;
          continue;
        }
        if (/^ +$/.test(piece)) {
          pendingSpace = true;
          continue;
        }
        this.setFont(run.attrs, p.heading);
        const current = lines[lines.length - 1] as Word[];
        const last = current[current.length - 1];
        if (last && !pendingSpace) {
          last.text += piece;
          last.width += this.pdf.getTextWidth(piece);
        } else {
          current.push({
            text: piece,
            attrs: run.attrs,
            spaced: pendingSpace && current.length > 0,
            width: this.pdf.getTextWidth(piece),
          });
        }
        pendingSpace = false;
      }
    }
    return lines;
  }

  private wrap(words: Word[], width: number, p: ParagraphNode): Word[][] {
    const lines: Word[][] = [];
    let line: Word[] = [];
    let used = 0;
    for (const word of words) {
      this.setFont(word.attrs, p.heading);
      const space = word.spaced && line.length > 0 ? this.pdf.getTextWidth(' ') : 0;
      if (line.length > 0 && used + space + word.width > width) {
        lines.push(line);
        line = [{ ...word, spaced: false }];
        used = word.width;
      } else {
        line.push(line.length === 0 ? { ...word, spaced: false } : word);
        used += space + word.width;
      }
    }
    lines.push(line);
    return lines;
  }

  paragraph(p: ParagraphNode): void {
    if (p.pageBreak) {
      this.newPage();
      return;
    }
    this.y += p.spacingBefore;
    const left = this.doc.marginLeft + p.indentStart;
    const width = this.contentWidth - p.indentStart;
    if (p.rule) {
      this.ensure(12);
      this.pdf.setDrawColor(120, 120, 120);
      this.pdf.setLineWidth(0.75);
      this.pdf.line(this.doc.marginLeft, this.y + 6, this.doc.marginLeft + this.contentWidth, this.y + 6);
      this.y += 12 + p.spacingAfter;
      return;
    }
    const baseSize = this.baseSize(p);
    const lineHeight = baseSize * 1.2 * (p.lineSpacing || 1);
    for (const visual of this.words(p)) {
      for (const line of this.wrap(visual, width, p)) {
        this.ensure(lineHeight);
        let lineWidth = 0;
        for (const w of line) {
          this.setFont(w.attrs, p.heading);
          lineWidth += (w.spaced ? this.pdf.getTextWidth(' ') : 0) + w.width;
        }
        let x = left;
        if (p.alignment === 'CENTER') x = left + (width - lineWidth) / 2;
        else if (p.alignment === 'RIGHT') x = left + width - lineWidth;
        const baseline = this.y + baseSize;
        for (const segment of segments(line)) {
          this.setFont(segment.attrs, p.heading);
          const width = this.pdf.getTextWidth(segment.text);
          this.pdf.text(segment.text, x, baseline);
          if (segment.attrs.underline) {
            this.pdf.setDrawColor(...hexColor(segment.attrs.foregroundColor));
            this.pdf.setLineWidth(0.5);
            this.pdf.line(x, baseline + 1.5, x + width, baseline + 1.5);
          }
          x += width;
        }
        this.y += lineHeight;
      }
    }
    for (const image of p.images ?? []) this.image(image, left, width, p.alignment);
    this.y += p.spacingAfter;
  }

  /** The paragraph's largest font size; an empty one shows its newline's. */
  private baseSize(p: ParagraphNode): number {
    const heading = HEADING_SIZE[p.heading] ?? 11;
    if (p.runs.length === 0) return p.endAttrs?.fontSize ?? heading;
    return p.runs.reduce((max, r) => Math.max(max, r.attrs.fontSize ?? heading), 0) || heading;
  }

  /**
   * A table the Docs API gave fixed column widths, drawn as Google lays it out: cells side by side at
   * their widths from the left margin, each row as tall as its minimum height or its content (with the
   * cells' padding), backgrounds filled, borders drawn when wider than zero (catalogue:
   * REST-DOCS-QR-TABLE). Cell text is not drawn: such tables carry none here.
   */
  private grid(node: TableNode): void {
    const columns = node.rows[0]?.length ?? 0;
    const fallback = this.contentWidth / Math.max(columns, 1);
    const widths = Array.from({ length: columns }, (_, c) => node.columnWidths?.[c] ?? fallback);
    node.rows.forEach((row, r) => {
      const styles = node.cellStyles?.[r] ?? [];
      const content = Math.max(
        ...row.map((cell, c) => {
          const pad = styles[c]?.padding ?? { top: 5, bottom: 5 };
          const lineHeight = this.baseSize(cell) * 1.2 * (cell.lineSpacing || 1);
          return lineHeight + cell.spacingBefore + cell.spacingAfter + pad.top + pad.bottom;
        }),
      );
      const height = Math.max(node.minRowHeights?.[r] ?? 0, content);
      this.ensure(height);
      let x = this.doc.marginLeft;
      row.forEach((_, c) => {
        const style = styles[c];
        const w = widths[c] as number;
        if (style?.background) {
          this.pdf.setFillColor(...hexColor(style.background));
          this.pdf.rect(x, this.y, w, height, 'F');
        }
        const border = style?.borderWidth ?? 1;
        if (border > 0) {
          this.pdf.setDrawColor(0, 0, 0);
          this.pdf.setLineWidth(border);
          this.pdf.rect(x, this.y, w, height, 'S');
        }
        x += w;
      });
      this.y += height;
    });
  }

  /** An inline image at its size (pixels at 96 dpi, so three quarters of a point each), aligned as its paragraph. */
  private image(image: InlineImageNode, left: number, width: number, alignment: string): void {
    const w = Math.min(image.width * 0.75, width);
    const h = image.height * 0.75 * (w / (image.width * 0.75));
    this.ensure(h);
    let x = left;
    if (alignment === 'CENTER') x = left + (width - w) / 2;
    else if (alignment === 'RIGHT') x = left + width - w;
    const format = image.mimeType === 'image/png' ? 'PNG' : image.mimeType === 'image/gif' ? 'GIF' : 'JPEG';
    this.pdf.addImage(Uint8Array.from(Buffer.from(image.base64, 'base64')), format, x, this.y, w, h);
    this.y += h;
  }

  section(nodes: DocContent['body']): void {
    for (const node of nodes) {
      if (node.kind === 'TABLE' && node.columnWidths) this.grid(node);
      else if (node.kind === 'TABLE') {
        for (const row of node.rows) {
          const text = row.map(paragraphText).join('    ');
          this.paragraph({
            ...(row[0] as ParagraphNode),
            runs: [{ text, attrs: (row[0] as ParagraphNode | undefined)?.runs[0]?.attrs ?? {} }],
          });
        }
      } else {
        this.paragraph(node);
      }
    }
  }
}

/**
 * Renders a document as Google's PDF export would show it: page size and margins, headings larger and
 * bold, character styles, alignment, rules, page breaks and word wrapping. Returns the bytes and the
 * plain text the PDF carries.
 */
export function renderPdf(doc: DocContent, title: string): { bytes: Uint8Array; text: string } {
  const pdf = new jsPDF({
    unit: 'pt',
    format: [doc.pageWidth, doc.pageHeight],
    orientation: doc.pageWidth > doc.pageHeight ? 'l' : 'p',
    compress: true,
  });
  pdf.setProperties({ title, creator: 'Google Docs (emulated)' });
  const layout = new Layout(pdf, doc);
  if (doc.header) layout.section(doc.header);
  layout.section(doc.body);
  if (doc.footer) layout.section(doc.footer);
  return { bytes: new Uint8Array(pdf.output('arraybuffer')), text: documentText(doc).trim() };
}

/** A PDF of plain text (Drive's conversion of a text file). */
export function renderTextPdf(
  text: string,
  title: string,
  pageWidth: number,
  pageHeight: number,
): { bytes: Uint8Array; text: string } {
  // Drive sets converted text single-spaced, on the page size asked for; the rest is a new document's.
  const doc: DocContent = {
    ...newDocContent(),
    body: text.split(/\r?\n/).map((line) => ({ ...newParagraph(line), lineSpacing: 1 })),
    pageWidth,
    pageHeight,
  };
  return { bytes: renderPdf(doc, title).bytes, text };
}
