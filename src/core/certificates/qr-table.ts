/**
 * The certificate's verification QR code drawn with Docs API requests alone, as a borderless table whose
 * cells are the modules (black background for a dark module), so no Doc is opened through DocumentApp and
 * no image has to be reachable publicly (`insertInlineImage` fetches only public URIs: catalogue
 * REST-DOCS-QR-TABLE). Three steps per draft: find where the QR goes in `documents.get`, one
 * `batchUpdate` that inserts and styles the table (with the text fill), and, once a second
 * `documents.get` gives the table's indexes, one `batchUpdate` shrinking the cells' empty paragraphs so
 * the rows keep the module's height. The module matrix comes from uqr (MIT), error correction M.
 */
import { encode } from 'uqr';
import { QR_MARKER } from './placeholders';

/** A module's width: the narrowest fixed column the Docs API accepts (5 pt, REST-DOCS-TABLE-COLUMN-WIDTH). */
export const QR_MODULE_PT = 5;
/**
 * The code's height, whatever its number of modules: about as tall as the 3 cm image it replaces plus its
 * paragraph, so the certificate stays on one page. Rows have no minimum height, and square 5 pt modules
 * would make a code of some 50 modules 9 cm tall; a decoder maps the code through the perspective its
 * three finder patterns give, so modules stretched along one axis read as a code seen at an angle.
 */
export const QR_HEIGHT_PT = 130;

/** A module's height for a code of `size` modules a side. */
export function qrModuleHeight(size: number): number {
  return Math.round((QR_HEIGHT_PT / size) * 100) / 100;
}

/** White modules around the code inside the table; the paragraphs around it add the rest of the margin. */
export const QR_QUIET_ZONE = 2;

/** The dark modules, quiet zone included: `true` is black. */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: QR_QUIET_ZONE }).data;
}

type Json = Record<string, unknown>;

/** Where the QR code goes: the marker's range, or (a template without the marker) the body's end. */
export interface QrPlacement {
  /** Index of the marker's first character, or of the body's last newline. */
  index: number;
  /** The marker's length; 0 when the template has none. */
  markerLength: number;
}

function textOf(element: Json): string {
  const run = element.textRun as Json | undefined;
  return typeof run?.content === 'string' ? run.content : '';
}

/** Reads a `documents.get` answer: the first `{{QR_VERIFICA}}` of the body, else its end. Null on no body. */
export function qrPlacement(document: unknown): QrPlacement | null {
  const content = (((document as Json | null)?.body as Json | undefined)?.content ?? []) as Json[];
  let end = 0;
  for (const node of content) {
    if (typeof node.endIndex === 'number') end = Math.max(end, node.endIndex);
    const elements = ((node.paragraph as Json | undefined)?.elements ?? []) as Json[];
    for (const element of elements) {
      const at = textOf(element).indexOf(QR_MARKER);
      if (at >= 0 && typeof element.startIndex === 'number')
        return { index: element.startIndex + at, markerLength: QR_MARKER.length };
    }
  }
  return end > 1 ? { index: end - 1, markerLength: 0 } : null;
}

/** The index the table starts at once inserted: a newline comes before it (REST-DOCS-INSERT-TABLE). */
export function qrTableStart(placement: QrPlacement): number {
  return placement.markerLength > 0 ? placement.index + 1 : placement.index + 2;
}

const pt = (magnitude: number): Json => ({ magnitude, unit: 'PT' });
const BLACK = { color: { rgbColor: { red: 0, green: 0, blue: 0 } } };
const NO_BORDER = { width: pt(0), dashStyle: 'SOLID', color: { color: { rgbColor: { red: 1, green: 1, blue: 1 } } } };

/** Each row's runs of dark modules, as `[row, first column, length]`. */
function darkRuns(modules: readonly boolean[][]): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  modules.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let k = c;
      while (k < row.length && row[k]) k++;
      runs.push([r, c, k - c]);
      c = k;
    }
  });
  return runs;
}

/**
 * The requests drawing the code, before the text fill in the same `batchUpdate` (they use the indexes
 * read before it): the marker removed (or, without one, the address added as a centred last paragraph),
 * the table inserted, its columns and rows one module wide, no padding and no borders, dark runs black.
 */
export function qrDrawRequests(placement: QrPlacement, url: string): Json[] {
  const modules = qrModules(url);
  const size = modules.length;
  const requests: Json[] = [];
  let at = placement.index;
  if (placement.markerLength > 0)
    requests.push({ deleteContentRange: { range: { startIndex: at, endIndex: at + placement.markerLength } } });
  else {
    requests.push(
      { insertText: { location: { index: at }, text: `\n${url}` } },
      {
        updateParagraphStyle: {
          range: { startIndex: at + 1, endIndex: at + url.length + 2 },
          paragraphStyle: { alignment: 'CENTER' },
          fields: 'alignment',
        },
      },
    );
    at += 1;
  }
  const tableStartLocation = { index: qrTableStart(placement) };
  requests.push(
    { insertTable: { rows: size, columns: size, location: { index: at } } },
    {
      updateTableColumnProperties: {
        tableStartLocation,
        columnIndices: [],
        tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(QR_MODULE_PT) },
        fields: 'widthType,width',
      },
    },
    {
      updateTableRowStyle: {
        tableStartLocation,
        rowIndices: [],
        tableRowStyle: { minRowHeight: pt(qrModuleHeight(size)) },
        fields: 'minRowHeight',
      },
    },
    {
      updateTableCellStyle: {
        tableStartLocation,
        tableCellStyle: {
          paddingTop: pt(0),
          paddingBottom: pt(0),
          paddingLeft: pt(0),
          paddingRight: pt(0),
          borderTop: NO_BORDER,
          borderBottom: NO_BORDER,
          borderLeft: NO_BORDER,
          borderRight: NO_BORDER,
        },
        fields: 'paddingTop,paddingBottom,paddingLeft,paddingRight,borderTop,borderBottom,borderLeft,borderRight',
      },
    },
  );
  for (const [rowIndex, columnIndex, columnSpan] of darkRuns(modules))
    requests.push({
      updateTableCellStyle: {
        tableRange: { tableCellLocation: { tableStartLocation, rowIndex, columnIndex }, rowSpan: 1, columnSpan },
        tableCellStyle: { backgroundColor: BLACK },
        fields: 'backgroundColor',
      },
    });
  return requests;
}

/**
 * The second `batchUpdate`: the cells' empty paragraphs at 1 pt, single-spaced, no spacing, so a row is
 * no taller than a module. Read from `documents.get` after the first one (the fill moved the table's
 * indexes: it is found as the body's table of the code's size); null when there is none (the first
 * `batchUpdate` did not apply).
 */
export function qrShrinkRequests(document: unknown, url: string): Json[] | null {
  const size = qrModules(url).length;
  const content = (((document as Json | null)?.body as Json | undefined)?.content ?? []) as Json[];
  const table = content
    .map((n) => n.table as Json | undefined)
    .find((t) => t !== undefined && t.rows === size && t.columns === size);
  if (!table) return null;
  const rows = (table.tableRows ?? []) as Json[];
  const cells = ((rows[rows.length - 1]?.tableCells ?? []) as Json[]).at(-1);
  const first = (rows[0]?.tableCells as Json[] | undefined)?.[0];
  if (typeof first?.startIndex !== 'number' || typeof cells?.endIndex !== 'number') return null;
  const range = { startIndex: first.startIndex + 1, endIndex: cells.endIndex };
  return [
    { updateTextStyle: { range, textStyle: { fontSize: pt(1) }, fields: 'fontSize' } },
    {
      updateParagraphStyle: {
        range,
        paragraphStyle: { lineSpacing: 100, spaceAbove: pt(0), spaceBelow: pt(0) },
        fields: 'lineSpacing,spaceAbove,spaceBelow',
      },
    },
  ];
}
