/**
 * The Sheets API requests that write the report tabs, the same for the add-on (`src/gas/reports/write.ts`)
 * and the worker (`src/worker/reports.ts`): every grid in one `values.batchUpdate`, the rows a longer
 * previous report left below in one `values.batchClear`, the number formats and the corner note in one
 * `spreadsheets.batchUpdate`.
 */
import { a1Of, quotedTab } from '../registry/api-reads';
import { neutralizeCell } from '../text';
import type { ChartSpec, ReportCell, ReportTab } from './layout';

/** A report tab where it is written: its sheet's id and the last row it held before. */
export interface PlacedReport {
  tab: ReportTab;
  sheetId: number;
  previousLastRow: number;
}

/** User text (names, titles) stays text: a value starting with `=` must not become a formula. */
export function reportGrid(tab: ReportTab): ReportCell[][] {
  return [[...tab.header], ...tab.rows.map((row) => row.map((v) => neutralizeCell(v)))];
}

/** The REST type of a number format (required when writing one); the pattern decides how it reads. */
function formatType(pattern: string): string {
  if (pattern.includes('%')) return 'PERCENT';
  if (pattern.includes('€')) return 'CURRENCY';
  return 'NUMBER';
}

export function valuesBody(placed: readonly PlacedReport[]): unknown {
  return {
    valueInputOption: 'USER_ENTERED',
    data: placed.map((p) => ({ range: `${quotedTab(p.tab.tab)}!A1`, values: reportGrid(p.tab) })),
  };
}

/** The ranges below each new grid that a longer previous report filled (none when nothing is left). */
export function clearRanges(placed: readonly PlacedReport[]): string[] {
  return placed
    .filter((p) => p.previousLastRow > p.tab.rows.length + 1)
    .map((p) =>
      a1Of({
        tab: p.tab.tab,
        firstRow: p.tab.rows.length + 2,
        rows: p.previousLastRow - p.tab.rows.length - 1,
        firstColumn: 1,
        columns: Math.max(1, p.tab.header.length),
      }),
    );
}

/** Number formats over the data rows, and the header's first cell noting which rows were left out. */
export function formatRequests(placed: readonly PlacedReport[], leftOut: string): unknown[] {
  return placed.flatMap((p) => {
    const rows = p.tab.rows.length;
    const formats =
      rows === 0
        ? []
        : p.tab.formats.map((f) => ({
            repeatCell: {
              range: {
                sheetId: p.sheetId,
                startRowIndex: 1,
                endRowIndex: 1 + rows,
                startColumnIndex: f.column - 1,
                endColumnIndex: f.column - 1 + f.columns,
              },
              cell: { userEnteredFormat: { numberFormat: { type: formatType(f.format), pattern: f.format } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          }));
    const note = {
      repeatCell: {
        range: { sheetId: p.sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
        cell: leftOut === '' ? {} : { note: `Academy4PA: ${leftOut}` },
        fields: 'note',
      },
    };
    return [...formats, note];
  });
}

const AXES: Record<string, string> = { hAxis: 'BOTTOM_AXIS', vAxis: 'LEFT_AXIS' };

/** A report chart as the Sheets API's basic chart, with the options the Apps Script builder sets. */
export function chartSpecOf(spec: ChartSpec, sheetId: number): unknown {
  const column = (c: number) => ({
    sourceRange: {
      sources: [{ sheetId, startRowIndex: 0, endRowIndex: spec.rows + 1, startColumnIndex: c - 1, endColumnIndex: c }],
    },
  });
  const axis = new Map<string, Record<string, unknown>>();
  const view = (name: string) => {
    const entry = axis.get(name) ?? { position: AXES[name] };
    axis.set(name, entry);
    return entry;
  };
  for (const [key, value] of Object.entries(spec.options)) {
    const [name = '', part = ''] = key.split('.');
    if (!AXES[name]) continue;
    const entry = view(name);
    const window = (entry.viewWindowOptions ?? {}) as Record<string, unknown>;
    if (part === 'title') entry.title = value;
    else if (part === 'minValue') entry.viewWindowOptions = { ...window, viewWindowMin: value };
    else if (part === 'maxValue') entry.viewWindowOptions = { ...window, viewWindowMax: value };
    else if (part === 'format') entry.format = { pattern: value };
  }
  const [domain, ...series] = spec.columns;
  return {
    title: spec.title,
    basicChart: {
      chartType: spec.kind,
      ...(spec.options['legend.position'] === 'none' ? { legendPosition: 'NO_LEGEND' } : {}),
      ...(axis.size > 0 ? { axis: [...axis.values()] } : {}),
      headerCount: 1,
      domains: domain === undefined ? [] : [{ domain: column(domain) }],
      series: series.map((c) => ({ series: column(c) })),
    },
  };
}

/**
 * The chart of a report tab kept as one chart: the first one there is updated in place, any other is a
 * duplicate and goes, and a tab without one gets it beside the grid.
 */
export function chartRequests(tab: ReportTab, sheetId: number, chartIds: readonly number[]): unknown[] {
  if (!tab.chart) return [];
  const [ours, ...duplicates] = chartIds;
  const spec = chartSpecOf(tab.chart, sheetId);
  const out: unknown[] = duplicates.map((objectId) => ({ deleteEmbeddedObject: { objectId } }));
  if (ours !== undefined) out.push({ updateChartSpec: { chartId: ours, spec } });
  else
    out.push({
      addChart: {
        chart: {
          spec,
          position: {
            overlayPosition: { anchorCell: { sheetId, rowIndex: 0, columnIndex: tab.header.length + 1 } },
          },
        },
      },
    });
  return out;
}
