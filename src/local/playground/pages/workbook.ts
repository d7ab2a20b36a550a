/**
 * The spreadsheet page: the document's name, the menu bar with the add-on's menus, the formula bar, the
 * grid with its sheet tabs at the bottom, and the real sidebar beside it. Google runs `onOpen` as the
 * spreadsheet opens, so the menus are the ones the add-on builds. Someone who is not staff gets the
 * page Google shows to a person without access.
 */
import { spreadsheetsState } from '../../services/spreadsheet/model';
import type { PageContext } from '../context';
import { html, raw } from '../html';
import { formulaBar, gridFragment, menuBar, type SheetRequest } from './sheet';

export function sheetRequest(ctx: PageContext, follow: boolean): SheetRequest {
  const bound = ctx.playground.academy.spreadsheetId;
  const asked = ctx.url.searchParams.get('ss');
  const ssId = asked && spreadsheetsState(ctx.ws).byId[asked] ? asked : bound;
  return {
    ssId,
    tab: ctx.url.searchParams.get('tab'),
    page: Number(ctx.url.searchParams.get('page') ?? 1) || 1,
    follow,
    editable: ssId === bound,
  };
}

export function workbookPage(ctx: PageContext): string {
  if (ctx.viewer.kind !== 'staff') {
    return ctx.render(
      'Accesso negato',
      'sheets',
      html`<div class="event-card"><h2>Devi disporre dell'autorizzazione</h2><p>Il foglio dell'accademia è dello staff della formazione: ${ctx.viewer.email} non ha accesso. Usa «Guarda come» per tornare allo staff.</p></div>`,
    );
  }
  const request = sheetRequest(ctx, false);
  if (request.editable) ctx.playground.openSpreadsheet();
  const ss = spreadsheetsState(ctx.ws).byId[request.ssId];
  if (!ss) return ctx.render('Fogli', 'sheets', html`<p class="error">Foglio non trovato.</p>`);
  const as = ctx.url.searchParams.get('as') ?? ctx.viewer.email;
  const sidebar = request.editable
    ? html`<aside class="sidebar" aria-label="Pannello Academy4PA">
<div class="side-head"><span>Academy4PA</span></div>
<iframe id="sidebar" title="Pannello laterale Academy4PA" src="/sidebar?as=${encodeURIComponent(as)}"></iframe>
${ctx.playground.canReset ? html`<div class="side-foot"><button class="secondary" type="button" id="reset">Ricomincia dalla demo</button></div>` : ''}
</aside>`
    : '';
  const body = html`<div class="doc-head"><span class="doc-title">${ss.name}</span>${request.editable ? '' : html`<span class="muted">sola lettura · <a href="/">torna al foglio dell'accademia</a></span>`}</div>
${menuBar(ss, request.editable)}
${formulaBar()}
<div class="sheet-area">
<section class="workbook" id="workbook" aria-label="Foglio di calcolo">
<div id="grid-area" data-ss="${request.ssId}" data-editable="${String(request.editable)}" style="display:flex;flex-direction:column;flex:1;min-height:0">${raw(gridFragment(ctx.ws, request))}</div>
</section>
${sidebar}
</div>
<script src="/assets/chart.umd.js"></script>
<script src="/assets/sheet.js"></script>`;
  return ctx.render(ss.name, 'sheets', body, { wide: true });
}
