/**
 * Reading registry ranges from one `spreadsheets.get` with grid data (catalogue REST-SHEETS-GRID-DATA)
 * as the two `values.batchGet` readings `api-reads.ts` decodes: each cell as a serial number (or text,
 * a boolean, an error's text) and, for a date, time or date-time cell, as the text it shows. Where the
 * values API tells a date by rendering it as text, grid data says it in the cell's number format type;
 * either way only a date cell becomes a `Date`, so the codec sees what `getValues` gives.
 */

/** The two readings of one range, rows from its first, cut where the API cut them. */
export interface GridReadings {
  serial: unknown[][];
  formatted: unknown[][];
}

interface CellData {
  effectiveValue?: { numberValue?: number; stringValue?: string; boolValue?: boolean; errorValue?: unknown };
  formattedValue?: string;
  effectiveFormat?: { numberFormat?: { type?: string } };
}

interface GridBody {
  sheets?: Array<{
    properties?: { title?: string };
    data?: Array<{ startRow?: number; startColumn?: number; rowData?: Array<{ values?: CellData[] }> }>;
  }>;
}

/** The fields a reading needs, as a `fields` mask (subfields dot-separated, as the Sheets guide writes them). */
export const GRID_READING_FIELDS =
  'sheets(properties.title,data(startRow,startColumn,rowData.values(effectiveValue,formattedValue,effectiveFormat.numberFormat.type)))';

const DATE_TYPES = new Set(['DATE', 'TIME', 'DATE_TIME']);

/** Where a range starts: its tab and its first row and column, 1-based. */
export function gridKey(tab: string, row: number, column: number): string {
  return `${tab}\u0000${row}\u0000${column}`;
}

function rawOf(cell: CellData): unknown {
  const v = cell.effectiveValue;
  if (!v) return '';
  if (v.errorValue !== undefined) return cell.formattedValue ?? '#ERROR!';
  return v.numberValue ?? v.stringValue ?? v.boolValue ?? '';
}

function formattedOf(cell: CellData, serial: unknown): unknown {
  const type = cell.effectiveFormat?.numberFormat?.type;
  return typeof serial === 'number' && type !== undefined && DATE_TYPES.has(type)
    ? (cell.formattedValue ?? String(serial))
    : serial;
}

/**
 * Every block of the answer by where it starts (`gridKey`), not by its place in the answer: Google's
 * reference does not say in what order two blocks of one sheet come.
 */
export function gridReadings(body: unknown): Map<string, GridReadings> {
  const out = new Map<string, GridReadings>();
  for (const sheet of (body as GridBody | null)?.sheets ?? []) {
    const title = sheet.properties?.title ?? '';
    for (const block of sheet.data ?? []) {
      const serial: unknown[][] = [];
      const formatted: unknown[][] = [];
      for (const row of block.rowData ?? []) {
        const cells = row.values ?? [];
        const s = cells.map(rawOf);
        serial.push(s);
        formatted.push(cells.map((c, i) => formattedOf(c, s[i])));
      }
      out.set(gridKey(title, (block.startRow ?? 0) + 1, (block.startColumn ?? 0) + 1), { serial, formatted });
    }
  }
  return out;
}
