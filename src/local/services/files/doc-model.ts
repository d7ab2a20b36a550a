import type { Workspace } from '../../runtime/workspace';

/** Character-level attributes, as Google's `Text` keeps them per character. */
export interface TextAttrs {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}

export interface TextRun {
  text: string;
  attrs: TextAttrs;
}

export interface ParagraphNode {
  kind: 'PARAGRAPH' | 'LIST_ITEM';
  runs: TextRun[];
  heading: string;
  alignment: string;
  spacingBefore: number;
  spacingAfter: number;
  lineSpacing: number;
  indentStart: number;
  indentFirstLine: number;
  /** A paragraph holding a horizontal rule or a page break, as Google stores them. */
  rule: boolean;
  pageBreak: boolean;
  /** Inline images after the paragraph's text (`appendInlineImage`), in order. */
  images?: InlineImageNode[];
  /** The style of the paragraph's closing newline (the Docs API styles it too): what an empty one shows. */
  endAttrs?: TextAttrs;
}

/** An inline image: its bytes (base64, so a saved workbook keeps them) and its size in pixels. */
export interface InlineImageNode {
  mimeType: string;
  base64: string;
  width: number;
  height: number;
}

/** A cell's look as the Docs API sets it (`updateTableCellStyle`), in points; unset is Google's default. */
export interface CellStyle {
  background?: string;
  padding?: { top: number; right: number; bottom: number; left: number };
  borderWidth?: number;
}

export interface TableNode {
  kind: 'TABLE';
  rows: ParagraphNode[][];
  /** Fixed column widths and minimum row heights in points, set through the Docs API. */
  columnWidths?: Array<number | null>;
  minRowHeights?: Array<number | null>;
  cellStyles?: CellStyle[][];
}

export type BodyNode = ParagraphNode | TableNode;

export interface DocContent {
  body: BodyNode[];
  header: ParagraphNode[] | null;
  footer: ParagraphNode[] | null;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  pageWidth: number;
  pageHeight: number;
}

/** A4 in points and Google Docs' default one-inch margins. */
export const A4_WIDTH = 595.276;
export const A4_HEIGHT = 841.89;

export function newParagraph(text = ''): ParagraphNode {
  return {
    kind: 'PARAGRAPH',
    runs: text === '' ? [] : [{ text, attrs: {} }],
    heading: 'NORMAL',
    alignment: 'LEFT',
    spacingBefore: 0,
    spacingAfter: 0,
    lineSpacing: 1.15,
    indentStart: 0,
    indentFirstLine: 0,
    rule: false,
    pageBreak: false,
  };
}

/** A new Google Doc's body: one empty paragraph, never zero. */
export function newDocContent(): DocContent {
  return {
    body: [newParagraph()],
    header: null,
    footer: null,
    marginTop: 72,
    marginBottom: 72,
    marginLeft: 72,
    marginRight: 72,
    pageWidth: A4_WIDTH,
    pageHeight: A4_HEIGHT,
  };
}

export function cloneDoc(doc: DocContent): DocContent {
  return structuredClone(doc);
}

export function paragraphText(p: ParagraphNode): string {
  return p.runs.map((r) => r.text).join('');
}

function nodeText(node: BodyNode): string {
  if (node.kind === 'TABLE') return node.rows.map((row) => row.map(paragraphText).join('\t')).join('\n');
  return paragraphText(node);
}

export function bodyText(nodes: BodyNode[]): string {
  return nodes.map(nodeText).join('\n');
}

/** The plain text of a whole document: header, body, footer. */
export function documentText(doc: DocContent): string {
  const parts: string[] = [];
  if (doc.header) parts.push(bodyText(doc.header));
  parts.push(bodyText(doc.body));
  if (doc.footer) parts.push(bodyText(doc.footer));
  return parts.filter((p) => p !== '').join('\n');
}

function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  const ka = Object.keys(a) as Array<keyof TextAttrs>;
  const kb = Object.keys(b) as Array<keyof TextAttrs>;
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

function normaliseRuns(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameAttrs(last.attrs, run.attrs)) last.text += run.text;
    else out.push({ text: run.text, attrs: { ...run.attrs } });
  }
  return out;
}

/** The attributes of the character at `offset` (the last one when past the end). */
export function attrsAt(p: ParagraphNode, offset: number): TextAttrs {
  let pos = 0;
  for (const run of p.runs) {
    if (offset < pos + run.text.length) return { ...run.attrs };
    pos += run.text.length;
  }
  const last = p.runs[p.runs.length - 1];
  return last ? { ...last.attrs } : {};
}

/** Replaces characters [start, end) with `text`, which takes the attributes of the first replaced char. */
export function spliceText(p: ParagraphNode, start: number, end: number, text: string, attrs?: TextAttrs): void {
  const style = attrs ?? attrsAt(p, start > 0 && start === end ? start - 1 : start);
  const out: TextRun[] = [];
  let pos = 0;
  let inserted = false;
  for (const run of p.runs) {
    const runStart = pos;
    const runEnd = pos + run.text.length;
    pos = runEnd;
    if (runEnd <= start) {
      out.push(run);
      continue;
    }
    if (runStart < start) out.push({ text: run.text.slice(0, start - runStart), attrs: run.attrs });
    if (!inserted) {
      out.push({ text, attrs: style });
      inserted = true;
    }
    if (runEnd > end) out.push({ text: run.text.slice(Math.max(0, end - runStart)), attrs: run.attrs });
  }
  if (!inserted) out.push({ text, attrs: style });
  p.runs = normaliseRuns(out);
}

/** Sets attributes on characters [start, end). */
export function styleRange(p: ParagraphNode, start: number, end: number, attrs: TextAttrs): void {
  const out: TextRun[] = [];
  let pos = 0;
  for (const run of p.runs) {
    const runStart = pos;
    const runEnd = pos + run.text.length;
    pos = runEnd;
    const a = Math.max(start, runStart);
    const b = Math.min(end, runEnd);
    if (a >= b) {
      out.push(run);
      continue;
    }
    if (a > runStart) out.push({ text: run.text.slice(0, a - runStart), attrs: run.attrs });
    out.push({ text: run.text.slice(a - runStart, b - runStart), attrs: { ...run.attrs, ...attrs } });
    if (b < runEnd) out.push({ text: run.text.slice(b - runStart), attrs: run.attrs });
  }
  p.runs = normaliseRuns(out);
}

/**
 * Turns a Google (RE2) search pattern into a JavaScript RegExp. RE2 and JavaScript agree on the syntax
 * templates use (a brace that starts no repetition, as in `{{NOME}}`, is a literal in both: no `u` flag);
 * RE2's leading inline flags `(?i)`, `(?s)`, `(?m)` become RegExp flags.
 */
export function toRegExp(pattern: string): RegExp {
  let source = pattern;
  let flags = 'g';
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1] as string) if (!flags.includes(f)) flags += f;
  }
  try {
    return new RegExp(source, flags);
  } catch {
    throw new Error(`Invalid regular expression pattern ${pattern}`);
  }
}

/**
 * The replacement for one match, with the `$` substitutions of JavaScript's `String.prototype.replace`
 * (`$$`, `$&`, `` $` ``, `$'`, `$1`..`$99`). Google documents `replaceText` only as taking a regular
 * expression; what it does with `$` in the replacement is not documented and public reports disagree, so
 * the emulator takes the conservative view that `$` is special: a script must escape its values.
 */
export function expandReplacement(replacement: string, match: RegExpExecArray, input: string): string {
  return replacement.replace(/\$(\$|&|`|'|\d{1,2})/g, (whole, token: string) => {
    if (token === '$') return '$';
    if (token === '&') return match[0];
    if (token === '`') return input.slice(0, match.index);
    if (token === "'") return input.slice(match.index + match[0].length);
    const n = Number(token);
    if (n >= 1 && n < match.length) return match[n] ?? '';
    if (token.length === 2) {
      const one = Number(token[0]);
      if (one >= 1 && one < match.length) return (match[one] ?? '') + token[1];
    }
    return whole;
  });
}

/** `replaceText` on one paragraph: every non-empty match, left to right, within the paragraph only. */
export function replaceInParagraph(p: ParagraphNode, re: RegExp, replacement: string): number {
  const input = paragraphText(p);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  re.lastIndex = 0;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    edits.push({ start: m.index, end: m.index + m[0].length, text: expandReplacement(replacement, m, input) });
  }
  for (const e of edits.reverse()) spliceText(p, e.start, e.end, e.text);
  return edits.length;
}

/** Every paragraph of a list of nodes, table cells included, in document order. */
export function paragraphsOf(nodes: BodyNode[]): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'TABLE') for (const row of n.rows) out.push(...row);
    else out.push(n);
  }
  return out;
}

interface DocsState {
  committed: Record<string, DocContent>;
}

function docsState(ws: Workspace): DocsState {
  return ws.slot<DocsState>('docs', () => ({ committed: {} }));
}

/** What an export (PDF, copy) sees: the content as of the last save. */
export function committedDoc(ws: Workspace, id: string): DocContent | null {
  const st = docsState(ws);
  return Object.prototype.hasOwnProperty.call(st.committed, id) ? (st.committed[id] as DocContent) : null;
}

export function commitDoc(ws: Workspace, id: string, doc: DocContent): void {
  docsState(ws).committed[id] = cloneDoc(doc);
}

/** A document deleted forever takes its content with it. */
export function forgetDoc(ws: Workspace, id: string): void {
  delete docsState(ws).committed[id];
}

/** Saves a content no one else holds (a batch's own draft) as it is, without the copy `commitDoc` makes. */
export function adoptDoc(ws: Workspace, id: string, draft: DocContent): void {
  docsState(ws).committed[id] = draft;
}
