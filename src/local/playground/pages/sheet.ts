/**
 * The spreadsheet as staff know it in Sheets: the add-on's menus (built by `onOpen`) in the menu bar,
 * the name box and formula bar, column letters and row numbers, the frozen header, each column at its
 * width with horizontal scrolling, every cell as `getDisplayValues` shows it under its number format
 * (the emulator's own formatter), checkboxes and dropdowns from the data validation, notes on hover,
 * protected ranges hatched, the embedded charts drawn, and the sheet tabs at the bottom. Beside it the
 * real sidebar. Other spreadsheets (a closed year's archive) open read-only.
 */
import type { Workspace } from '../../runtime/workspace';
import { display, displayOfCell, formulaScope } from '../../services/spreadsheet/cells';
import type { FormulaScope } from '../../services/spreadsheet/formulas';
import {
  cellAt,
  columnLetter,
  isCheckbox,
  isDate,
  lastColumnOf,
  lastRowOf,
  parseA1,
  readValue,
  sheetByName,
  spreadsheetData,
  type Cell,
  type ChartData,
  type MenuItemData,
  type SheetData,
  type SpreadsheetData,
} from '../../services/spreadsheet/model';
import { html, raw, scriptJson, type Raw } from '../html';
import { localUrl } from '../links';

const ROWS_PER_PAGE = 500;
const DEFAULT_WIDTH = 100;
const ROW_HEAD_WIDTH = 46;
const ROW_HEIGHT = 22;
/** Google's default size of a new embedded chart. */
const CHART_SIZE = { width: 600, height: 371 };
const GOOGLE_MENUS = [
  'File',
  'Modifica',
  'Visualizza',
  'Inserisci',
  'Formato',
  'Dati',
  'Strumenti',
  'Estensioni',
  'Guida',
];

export interface SheetRequest {
  ssId: string;
  tab: string | null;
  page: number;
  /** Show the tab and page of the cell the script last activated. */
  follow: boolean;
  editable: boolean;
}

function visibleSheets(ss: SpreadsheetData): SheetData[] {
  return ss.sheets.filter((s) => !s.hidden);
}

function widthOf(sheet: SheetData, column: number): number {
  return sheet.columnWidths[column] ?? DEFAULT_WIDTH;
}

interface Validation {
  checkbox: boolean;
  /** The list a dropdown offers (by id in the page's lists), or null. */
  list: string[] | null;
}

function validationOf(scope: FormulaScope, cell: Cell | null, cache: Map<string, string[]>): Validation {
  const dv = cell?.dv;
  if (!dv) return { checkbox: false, list: null };
  if (isCheckbox(cell)) return { checkbox: true, list: null };
  if (dv.type === 'VALUE_IN_LIST' && Array.isArray(dv.values[0])) {
    return { checkbox: false, list: (dv.values[0] as unknown[]).map(String) };
  }
  if (dv.type === 'VALUE_IN_RANGE') {
    const ref = dv.values[0] as { sheetName?: string; a1?: string } | undefined;
    const key = `${ref?.sheetName ?? ''}!${ref?.a1 ?? ''}`;
    let list = cache.get(key);
    if (!list) {
      list = rangeTexts(scope, ref?.sheetName ?? '', ref?.a1 ?? '').filter((t) => t !== '');
      cache.set(key, list);
    }
    return { checkbox: false, list };
  }
  return { checkbox: false, list: null };
}

/** The texts of a range, row by row, as Sheets shows them. */
function rangeTexts(scope: FormulaScope, sheetName: string, a1: string): string[] {
  const sheet = sheetByName(scope.ss, sheetName);
  if (!sheet) return [];
  const area = parseA1(a1, Math.max(sheet.maxRows, lastRowOf(sheet)), Math.max(sheet.maxColumns, lastColumnOf(sheet)));
  if (!area) return [];
  const out: string[] = [];
  const lastRow = Math.min(area.row + area.numRows - 1, lastRowOf(sheet));
  for (let r = area.row; r <= lastRow; r++) {
    for (let c = area.column; c < area.column + area.numColumns; c++) {
      out.push(display(scope, sheet, r, c));
    }
  }
  return out;
}

/** Protected cells of the sheet (RANGE protections) and whether the whole sheet is protected. */
function protectionsOf(
  ss: SpreadsheetData,
  sheet: SheetData,
): { whole: string | null; covers: (r: number, c: number) => boolean } {
  const mine = ss.protections.filter((p) => p.sheetId === sheet.id);
  const whole = mine.find((p) => p.type === 'SHEET');
  const areas = mine.filter((p) => p.type === 'RANGE' && p.area !== null).map((p) => p.area);
  return {
    whole: whole ? whole.description || 'Foglio protetto' : null,
    covers: (r, c) =>
      areas.some(
        (a) => a !== null && r >= a.row && r < a.row + a.numRows && c >= a.column && c < a.column + a.numColumns,
      ),
  };
}

function cellHtml(
  ws: Workspace,
  cell: Cell | null,
  at: { row: number; column: number; header: string; text: string },
  v: Validation,
  flags: { active: boolean; protectedCell: boolean; editable: boolean },
): Raw {
  const value = readValue(cell);
  const text = at.text;
  const classes: string[] = [];
  if (flags.editable && at.row > 1) classes.push('editable');
  if (flags.active) classes.push('active');
  if (flags.protectedCell) classes.push('protected');
  if (cell?.note) classes.push('has-note');
  if (typeof value === 'number' || isDate(value)) classes.push('num');
  const label = `${at.header || columnLetter(at.column)}, riga ${at.row}`;
  const data = raw(
    ` data-row="${at.row}" data-col="${html`${at.header}`.html}" data-a1="${columnLetter(at.column)}${at.row}" aria-label="${html`${label}`.html}"${cell?.note ? html` title="${cell.note}"`.html : ''}${cell?.f ? html` data-formula="${cell.f}"`.html : ''}`,
  );
  if (v.checkbox) {
    classes.push('bool');
    return html`<td class="${classes.join(' ')}"${data}><input type="checkbox" aria-label="${label}"${raw(value === true ? ' checked' : '')}${raw(flags.editable ? '' : ' disabled')}></td>`;
  }
  if (v.list) {
    if (text !== '' && !v.list.includes(text)) classes.push('invalid');
    classes.push('dropdown');
    return html`<td class="${classes.join(' ')}" tabindex="0"${data} data-list="${JSON.stringify(v.list)}">${text}</td>`;
  }
  const href = typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? (localUrl(ws, value) ?? null) : null;
  const content = href ? html`<a href="${href}">${text}</a>` : html`${text}`;
  return html`<td class="${classes.join(' ')}" tabindex="0"${data}>${content}</td>`;
}

interface ChartView {
  id: number;
  kind: 'bar' | 'column';
  title: string;
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  colors: string[];
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A chart's data as Sheets reads it from its ranges: the first column labels, the others one series each. */
function chartView(scope: FormulaScope, sheet: SheetData, chart: ChartData): ChartView {
  const columns = chart.ranges.map((r) => {
    const source = sheetByName(scope.ss, r.sheetName);
    if (!source) return [] as Array<Cell | null>;
    const area = parseA1(
      r.a1,
      Math.max(source.maxRows, lastRowOf(source)),
      Math.max(source.maxColumns, lastColumnOf(source)),
    );
    if (!area) return [];
    const cells: Array<Cell | null> = [];
    const last = Math.min(area.row + area.numRows - 1, lastRowOf(source));
    for (let row = area.row; row <= last; row++) cells.push(cellAt(source, row, area.column));
    return cells;
  });
  const headers = Number(chart.options.numHeaders ?? 1) || 0;
  const [labels = [], ...series] = columns;
  let left = ROW_HEAD_WIDTH;
  for (let c = 1; c < chart.position.column; c++) if (!sheet.hiddenColumns.includes(c)) left += widthOf(sheet, c);
  const colors = Array.isArray(chart.options.colors) ? (chart.options.colors as unknown[]).map(String) : [];
  return {
    id: chart.id,
    kind: chart.type === 'BAR' ? 'bar' : 'column',
    title: String(chart.options.title ?? ''),
    labels: labels.slice(headers).map((c) => displayOfCell(scope, sheet, c)),
    series: series.map((cells) => ({
      name: headers > 0 ? displayOfCell(scope, sheet, cells[0] ?? null) : '',
      values: cells.slice(headers).map((c) => (typeof c?.v === 'number' ? c.v : null)),
    })),
    colors,
    left: left + chart.position.offsetX,
    top: ROW_HEIGHT + (chart.position.row - 1) * ROW_HEIGHT + chart.position.offsetY,
    width: Number(chart.options.width ?? CHART_SIZE.width) || CHART_SIZE.width,
    height: Number(chart.options.height ?? CHART_SIZE.height) || CHART_SIZE.height,
  };
}

/** The activated cell from the UI state (`'Tab'!B5`). */
function activeCell(ss: SpreadsheetData): { tab: string; row: number; column: number } | null {
  const range = ss.activeRange;
  if (!range) return null;
  const sheet = ss.sheets.find((s) => s.id === range.sheetId);
  return sheet ? { tab: sheet.name, row: range.row, column: range.column } : null;
}

/** The grid of one tab, its charts and the sheet tabs: what the page refreshes after every action. */
export function gridFragment(ws: Workspace, request: SheetRequest): string {
  const ss = spreadsheetData(ws, request.ssId);
  const tabs = visibleSheets(ss);
  const active = activeCell(ss);
  let current = tabs.find((t) => t.name === request.tab) ?? tabs.find((t) => t.id === ss.activeSheetId) ?? tabs[0];
  if (request.follow && active) current = tabs.find((t) => t.name === active.tab) ?? current;
  if (!current) return html`<p class="muted">Il foglio non ha schede visibili.</p>`.html;
  const sheet = current;
  const lastRow = lastRowOf(sheet);
  const lastCol = Math.max(lastColumnOf(sheet), 1);
  const columns = Array.from({ length: lastCol }, (_, i) => i + 1).filter((c) => !sheet.hiddenColumns.includes(c));
  const dataRows = Math.max(0, lastRow - 1);
  const pages = Math.max(1, Math.ceil(dataRows / ROWS_PER_PAGE));
  let page = Math.min(Math.max(1, request.page), pages);
  if (request.follow && active && active.tab === sheet.name && active.row >= 2)
    page = Math.floor((active.row - 2) / ROWS_PER_PAGE) + 1;
  const first = 2 + (page - 1) * ROWS_PER_PAGE;
  const last = Math.min(lastRow, first + ROWS_PER_PAGE - 1);
  const scope = formulaScope(ss, ws.now());
  const headers = columns.map((c) => display(scope, sheet, 1, c));
  const protections = protectionsOf(ss, sheet);
  const lists = new Map<string, string[]>();
  const isActive = (r: number, c: number): boolean =>
    active !== null && active.tab === sheet.name && active.row === r && active.column === c;
  const row = (r: number): Raw => {
    const cells = columns.map((c, i) => {
      const cell = cellAt(sheet, r, c);
      const at = { row: r, column: c, header: headers[i] ?? '', text: display(scope, sheet, r, c) };
      return cellHtml(ws, cell, at, validationOf(scope, cell, lists), {
        active: isActive(r, c),
        protectedCell: protections.covers(r, c),
        editable: request.editable,
      });
    });
    return html`<tr${raw(r <= sheet.frozenRows ? ' class="frozen"' : '')}><td class="rowhead">${r}</td>${cells}</tr>`;
  };
  const body: Raw[] = [];
  if (lastRow >= 1) body.push(row(1));
  for (let r = first; r <= last; r++) body.push(row(r));
  const colgroup = html`<colgroup><col style="width:${ROW_HEAD_WIDTH}px">${columns.map((c) => html`<col style="width:${widthOf(sheet, c)}px">`)}</colgroup>`;
  const letters = html`<thead><tr><th class="rowhead" scope="col"></th>${columns.map((c) => html`<th scope="col">${columnLetter(c)}</th>`)}</tr></thead>`;
  const tableWidth = ROW_HEAD_WIDTH + columns.reduce((sum, c) => sum + widthOf(sheet, c), 0);
  const charts = sheet.charts.map((chart) => {
    const view = chartView(scope, sheet, chart);
    return html`<figure class="chart" data-chart="${view.id}" style="left:${view.left}px;top:${view.top}px;width:${view.width}px;height:${view.height}px" aria-label="Grafico: ${view.title}"><canvas role="img" aria-label="${view.title}"></canvas><script type="application/json" class="chart-data">${raw(scriptJson(view))}</script></figure>`;
  });
  const tabLinks = tabs.map(
    (t) =>
      html`<a href="${sheetHref(request, t.name)}" data-tab="${t.name}"${raw(t.tabColor ? ` style="--tab:${html`${t.tabColor}`.html}"` : '')}${raw(t === sheet ? ' aria-current="page"' : '')}>${t.name}</a>`,
  );
  const pager =
    pages > 1
      ? html`<span class="pager">${page > 1 ? html`<a href="${sheetHref(request, sheet.name, page - 1)}">← righe precedenti</a>` : ''}<span>Righe ${first}–${last} di ${lastRow}</span>${page < pages ? html`<a href="${sheetHref(request, sheet.name, page + 1)}">righe successive →</a>` : ''}</span>`
      : html`<span class="pager muted">${dataRows === 1 ? '1 riga' : `${dataRows} righe`}</span>`;
  const banner = protections.whole
    ? html`<span class="banner" title="Protezione">Protetto: ${protections.whole}</span>`
    : '';
  return html`<div class="grid-wrap" id="grid-wrap" data-tab="${sheet.name}" data-page="${page}">
<h2 id="tab-title" class="visually-hidden" data-tab="${sheet.name}" data-page="${page}" hidden>${sheet.name}</h2>
<table class="grid" id="grid" style="width:${tableWidth}px" aria-label="${sheet.name}">${colgroup}${letters}<tbody>${body}</tbody></table>
${charts}
</div>
<nav class="tabs-bar" aria-label="Schede del foglio">${tabLinks}${banner}${pager}</nav>`.html;
}

function sheetHref(request: SheetRequest, tab: string, page = 1): string {
  const params = new URLSearchParams();
  if (!request.editable) params.set('ss', request.ssId);
  params.set('tab', tab);
  if (page > 1) params.set('page', String(page));
  return `/?${params.toString()}`;
}

function menuItems(items: readonly MenuItemData[]): Raw[] {
  return items.map((item) => {
    if (item.kind === 'separator') return html`<hr>`;
    if (item.kind === 'submenu')
      return html`<div class="sub"><button type="button" aria-haspopup="true">${item.caption ?? ''} ▸</button><div class="items" role="menu">${menuItems(item.items ?? [])}</div></div>`;
    return html`<button type="button" role="menuitem" data-fn="${item.functionName ?? ''}">${item.caption ?? ''}</button>`;
  });
}

/** The menu bar: Google's own menus (not in the playground) and the add-on's, whose items run the real functions. */
export function menuBar(ss: SpreadsheetData, editable: boolean): Raw {
  const google = GOOGLE_MENUS.map(
    (title) =>
      html`<div class="menu"><button type="button" aria-haspopup="true">${title}</button><div class="items" role="menu"><button type="button" disabled>Non disponibile nel playground</button></div></div>`,
  );
  const addOn = editable
    ? ss.ui.menus.map(
        (m) =>
          html`<div class="menu addon"><button type="button" aria-haspopup="true">${m.title}</button><div class="items" role="menu">${menuItems(m.items)}</div></div>`,
      )
    : [];
  return html`<nav class="menubar" id="menubar" aria-label="Menu">${google.slice(0, 8)}${addOn}${google.slice(8)}</nav>`;
}

/** The formula bar: name box and the selected cell's content as typed (a formula's text). */
export function formulaBar(): Raw {
  return html`<div class="formula"><input id="namebox" aria-label="Casella del nome" readonly><span class="muted">fx</span><input id="fx" aria-label="Contenuto della cella" readonly></div>`;
}
