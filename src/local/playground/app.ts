/**
 * The playground (node:http only): the workbook's tabs as editable tables beside the real
 * dist/Sidebar.html, whose `google.script.run` is bridged over HTTP to `LocalAcademy.call`; the
 * enrollment form as an employee sees it; the outbox, the calendar, Drive, the emulated clock and the
 * web app pages. Every action goes through `LocalAcademy` (so triggers fire as in Google) and the
 * workbook is saved after each one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LocalAcademy, webAppEvent } from '../runtime/session';
import type { RunResult } from '../runtime/runtime';
import { serveAcademyApis } from '../rest/playground';
import { takeSnapshot } from '../scenario/snapshot';
import { enrollmentFormId } from '../scenario/submit';
import { snapshotCalendar } from '../services/calendar';
import { snapshotDrive, hostDriveFile } from '../services/drive';
import { hostFormView, type FormView } from '../services/forms';
import { outbox } from '../services/mail';
import { snapshotTriggers, webAppUrl } from '../services/script';
import { hostTabNames, uiState } from '../services/spreadsheet';
import { displayCell, displayInstant, escapeHtml, html, page, raw, type Raw } from './html';
import { sidebarWithBridge } from './bridge';
import { WORKBOOK_SCRIPT } from './client';

export interface PlaygroundOptions {
  /** Where the workbook is saved after every action (nothing is saved without one). */
  file?: string;
  /** A new academy for the reset button (seeded as on first start); without it there is no reset. */
  create?: () => LocalAcademy;
  /** The Sidebar.html to serve; by default the one the runtime loaded from dist/. */
  sidebarHtml?: () => string;
}

const ROWS_PER_PAGE = 200;
const POST_ROUTES: ReadonlySet<string> = new Set([
  '/form',
  '/clock',
  '/api/run',
  '/api/edit',
  '/api/advance',
  '/api/reset',
]);
const MAX_BODY_BYTES = 1024 * 1024;
/** Tabs whose rows have a unique first column staff can point at. */
const KEY_HEADERS = ['ID', 'Codice', 'Numero', 'Codice ISTAT', 'Chiave'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

export class Playground {
  constructor(
    public academy: LocalAcademy,
    private readonly options: PlaygroundOptions,
  ) {}

  save(): void {
    if (this.options.file) this.academy.save(this.options.file);
  }

  private sidebarHtml(): string {
    const source = this.options.sidebarHtml?.() ?? this.academy.ws.htmlFiles['Sidebar'];
    if (source === undefined) throw new HttpError(404, 'Il pannello non è stato costruito: esegui npm run build.');
    return source;
  }

  private clock(): string {
    return displayInstant(this.academy.now());
  }

  private page(title: string, current: string, body: Raw): string {
    return page(title, current, this.clock(), body);
  }

  // ---- Workbook ----------------------------------------------------------------------------------

  /** The tabs and one page of the selected tab; `follow` shows the cell the script last activated. */
  workbookFragment(selected: string | null, pageNo: number, follow: boolean): string {
    const tabs = hostTabNames(this.academy.ws, this.academy.spreadsheetId);
    let current = selected !== null && tabs.includes(selected) ? selected : (tabs[0] ?? null);
    let active: { row: number; column: number } | null = null;
    const ui = uiState(this.academy.ws, this.academy.spreadsheetId);
    const m = /^'?(.*?)'?!([A-Z]+)(\d+)/.exec(ui.activeRange);
    if (m) {
      const tab = (m[1] ?? '').replace(/''/g, "'");
      const column = [...(m[2] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      if (follow && tabs.includes(tab)) current = tab;
      if (tab === current) active = { row: Number(m[3]), column };
    }
    const nav = tabs.map(
      (t) =>
        html`<a href="/?tab=${encodeURIComponent(t)}" data-tab="${t}"${raw(t === current ? ' aria-current="page"' : '')}>${t}</a>`,
    );
    if (current === null)
      return html`<nav class="tabs" aria-label="Schede">${nav}</nav><p>Il foglio non ha ancora schede.</p>`.html;
    const data = this.academy.readTab(current) ?? { header: [], rows: [] };
    const pages = Math.max(1, Math.ceil(data.rows.length / ROWS_PER_PAGE));
    let p = Math.min(Math.max(1, pageNo), pages);
    if (follow && active && active.row >= 2) p = Math.floor((active.row - 2) / ROWS_PER_PAGE) + 1;
    const first = (p - 1) * ROWS_PER_PAGE;
    const head = html`<tr><th scope="col">#</th>${data.header.map((h) => html`<th scope="col">${h}</th>`)}</tr>`;
    const body = data.rows.slice(first, first + ROWS_PER_PAGE).map((r, i) => {
      const row = first + i + 2;
      const cells = data.header.map((h, c) => {
        const v = r[c];
        const isActive = active !== null && active.row === row && active.column === c + 1;
        const cls = `editable${isActive ? ' active' : ''}`;
        if (typeof v === 'boolean') {
          return html`<td class="${cls}" data-row="${row}" data-col="${h}"><input type="checkbox" aria-label="${h}, riga ${row}"${raw(v ? ' checked' : '')}></td>`;
        }
        return html`<td class="${cls}" tabindex="0" data-row="${row}" data-col="${h}" aria-label="${h}, riga ${row}">${displayCell(v)}</td>`;
      });
      return html`<tr><td class="n">${row}</td>${cells}</tr>`;
    });
    const pager =
      pages > 1
        ? html`<div class="pager">${p > 1 ? html`<a href="/?tab=${encodeURIComponent(current)}&amp;page=${p - 1}">← precedenti</a>` : ''}<span>Pagina ${p} di ${pages}</span>${p < pages ? html`<a href="/?tab=${encodeURIComponent(current)}&amp;page=${p + 1}">successive →</a>` : ''}</div>`
        : '';
    const count = data.rows.length === 1 ? '1 riga' : `${data.rows.length} righe`;
    return html`<nav class="tabs" aria-label="Schede">${nav}</nav>
<h2 id="tab-title" data-tab="${current}" data-page="${p}">${current}</h2>
<p class="muted">${count}. Clic su una cella per modificarla (Invio salva, Esc annulla): la modifica fa scattare il trigger di modifica come in Fogli.</p>
${pager}
<div class="grid-wrap"><table class="grid" id="grid" aria-labelledby="tab-title">${head}${body}</table></div>`.html;
  }

  private home(url: URL): string {
    const as = url.searchParams.get('as') ?? this.academy.ws.state.owner;
    const fragment = this.workbookFragment(
      url.searchParams.get('tab'),
      Number(url.searchParams.get('page') ?? 1) || 1,
      false,
    );
    const body = html`<div class="layout">
<section class="workbook" id="workbook" aria-label="Foglio di calcolo">${raw(fragment)}</section>
<aside class="sidebar" aria-label="Pannello Academy4PA">
<form class="who" method="get" action="/">
<label for="as">Pannello aperto da</label>
<input id="as" name="as" type="email" value="${as}"> <button class="secondary" type="submit">Apri</button>
<button class="secondary" type="button" id="reset">Ricomincia dalla demo</button>
</form>
<iframe id="sidebar" title="Pannello laterale Academy4PA" src="/sidebar?as=${encodeURIComponent(as)}"></iframe>
</aside>
</div>
<script>${raw(WORKBOOK_SCRIPT)}</script>`;
    return this.page('Foglio', '/', body);
  }

  /** Staff types a value into one cell: the row is pointed at by its key column, else by all its cells. */
  private editCell(input: Record<string, unknown>): { ok: boolean; errors: string[] } {
    const tab = String(input.tab ?? '');
    const row = Number(input.row);
    const column = String(input.column ?? '');
    const data = this.academy.readTab(tab);
    if (!data) throw new HttpError(404, `Il foglio «${tab}» non esiste.`);
    const line = data.rows[row - 2];
    if (!line || !data.header.includes(column)) throw new HttpError(400, 'Cella inesistente.');
    const snapshot = takeSnapshot(this.academy).sheets[tab]?.rows[row - 2] ?? {};
    const key = KEY_HEADERS.find((h) => data.header.includes(h) && String(snapshot[h] ?? '') !== '');
    const where: Record<string, unknown> = key ? { [key]: snapshot[key] } : snapshot;
    const outcome = this.academy.edit(tab, where, { [column]: input.value });
    return { ok: outcome.runs.every((r) => r.ok), errors: outcome.runs.filter((r) => !r.ok).map((r) => r.error ?? '') };
  }

  // ---- Sidebar bridge ----------------------------------------------------------------------------

  private runForSidebar(input: Record<string, unknown>): RunResult {
    const fn = String(input.fn ?? '');
    if (!this.academy.hasFunction(fn))
      return { ok: false, value: null, error: `Script function not found: ${fn}`, elapsedMs: 0 };
    const args = Array.isArray(input.args) ? input.args : [];
    const as = typeof input.as === 'string' && input.as.trim() !== '' ? input.as.trim() : undefined;
    return this.academy.call(fn, args, as);
  }

  // ---- Employee form -----------------------------------------------------------------------------

  private formId(): string | null {
    try {
      return enrollmentFormId(this.academy);
    } catch {
      return null;
    }
  }

  private formPage(view: FormView | null, message: Raw | string, email: string): string {
    if (!view) {
      return this.page(
        'Modulo',
        '/form',
        html`<p>Nessun modulo di iscrizione pubblicato: usa «Pubblica modulo» nel pannello.</p>`,
      );
    }
    if (!view.published || !view.accepting) {
      return this.page(
        'Modulo',
        '/form',
        html`<h2>${view.title}</h2><p>${view.closedMessage || 'Il modulo non accetta risposte.'}</p>`,
      );
    }
    const items = view.items.map((item) => {
      const id = `q${item.id}`;
      const req = item.required ? raw(' <span aria-hidden="true">*</span>') : '';
      const star = item.required ? raw(' <span class="req" aria-hidden="true">*</span>') : '';
      const reqAttr = raw(item.required ? ' required' : '');
      const help = item.helpText ? html`<p class="muted">${item.helpText}</p>` : '';
      switch (item.type) {
        case 'SECTION_HEADER':
          return html`<h3>${item.title}</h3>${help}`;
        case 'CHECKBOX':
          return html`<fieldset><legend>${item.title}${req}</legend>${help}${item.choices.map(
            (c, i) =>
              html`<label class="choice"><input type="checkbox" name="${id}" value="${c}" id="${id}-${i}"> ${c}</label>`,
          )}</fieldset>`;
        case 'MULTIPLE_CHOICE':
          return html`<fieldset><legend>${item.title}${req}</legend>${help}${item.choices.map(
            (c, i) =>
              html`<label class="choice"><input type="radio" name="${id}" value="${c}" id="${id}-${i}"${reqAttr}> ${c}</label>`,
          )}</fieldset>`;
        case 'LIST':
          return html`<p><label for="${id}">${item.title}</label>${star}${help}<select id="${id}" name="${id}"${reqAttr}><option value="">Scegli</option>${item.choices.map(
            (c) => html`<option>${c}</option>`,
          )}</select></p>`;
        case 'PARAGRAPH_TEXT':
          return html`<p><label for="${id}">${item.title}</label>${star}${help}<textarea id="${id}" name="${id}"${reqAttr}></textarea></p>`;
        case 'SCALE': {
          const s = item.scale ?? { lower: 1, upper: 5, lowerLabel: '', upperLabel: '' };
          const values = Array.from({ length: s.upper - s.lower + 1 }, (_, i) => s.lower + i);
          return html`<fieldset><legend>${item.title}${req}</legend>${help}${values.map(
            (v) => html`<label class="choice"><input type="radio" name="${id}" value="${v}"${reqAttr}> ${v}</label>`,
          )}</fieldset>`;
        }
        default:
          return html`<p><label for="${id}">${item.title}</label>${star}${help}<input type="text" id="${id}" name="${id}"${reqAttr}></p>`;
      }
    });
    const emailField = view.collectsEmail
      ? html`<p><label for="email">Email</label> <span class="req" aria-hidden="true">*</span><input type="email" id="email" name="email" required value="${email}"></p>`
      : '';
    const body = html`${message}<form class="employee" method="post" action="/form"><h2>${view.title}</h2>${view.description ? html`<pre>${view.description}</pre>` : ''}
${emailField}${items}<p><button type="submit">Invia</button></p></form>`;
    return this.page('Modulo iscrizioni', '/form', body);
  }

  private submitForm(params: URLSearchParams): string {
    const formId = this.formId();
    if (!formId) return this.formPage(null, '', '');
    const view = hostFormView(this.academy.ws, formId);
    const answers: Record<string, string | string[]> = {};
    for (const item of view.items) {
      const values = params.getAll(`q${item.id}`).filter((v) => v.trim() !== '');
      if (values.length === 0) continue;
      answers[item.title] = item.type === 'CHECKBOX' ? values : (values[0] ?? '');
    }
    const email = params.get('email') ?? '';
    try {
      const outcome = this.academy.submit(formId, { email, answers });
      this.save();
      const failed = outcome.runs.filter((r) => !r.ok);
      const body = html`<div class="ok" role="status"><strong>${view.confirmationMessage || 'La tua risposta è stata registrata.'}</strong></div>
${failed.length > 0 ? html`<p class="error">Il trigger di invio non è riuscito: ${failed.map((r) => r.error ?? '').join('; ')}</p>` : ''}
<p>Risposta ${outcome.responseId}. <a href="/form">Invia un'altra risposta</a> · <a href="/mail">Guarda la posta</a> · <a href="/?tab=Iscrizioni">Apri Iscrizioni</a></p>`;
      return this.page('Risposta inviata', '/form', body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.formPage(view, html`<p class="error" role="alert">${message}</p>`, email);
    }
  }

  // ---- Mail, calendar, Drive, clock, web app -------------------------------------------------------

  private linkify(text: string): Raw {
    const base = webAppUrl(this.academy.ws);
    const parts = text.split(/(https?:\/\/[^\s<>"')]+)/g);
    return raw(
      parts
        .map((part, i) => {
          if (i % 2 === 0) return escapeHtml(part);
          if (part.startsWith(base)) {
            const query = part.slice(base.length);
            return html`<a href="/webapp${query.startsWith('?') ? query : `?${query}`}">${part}</a>`.html;
          }
          return escapeHtml(part);
        })
        .join(''),
    );
  }

  private mailPage(): string {
    const mails = outbox(this.academy.ws);
    const cards = mails
      .map((m, i) => ({ m, i }))
      .reverse()
      .map(({ m, i }) => {
        const attachments = m.attachments.map(
          (a, j) =>
            html`<li><a href="/mail/${i}/${j}" target="_blank">${a.name}</a> (${a.mimeType}, ${Math.round(a.bytes.length / 1024)} KB)</li>`,
        );
        return html`<article class="card mail" data-to="${m.to}"><h3>${m.subject}</h3>
<p class="muted">A: ${m.to}${m.cc ? ` · Cc: ${m.cc}` : ''} · Da: ${m.name || 'Academy4PA'} · ${displayInstant(m.at)}</p>
<pre>${m.body !== '' ? this.linkify(m.body) : this.linkify(m.htmlBody.replace(/<[^>]*>/g, ' '))}</pre>
${attachments.length > 0 ? html`<p>Allegati:</p><ul>${attachments}</ul>` : ''}</article>`;
      });
    return this.page(
      'Posta',
      '/mail',
      html`<h2>Posta inviata (${mails.length})</h2>${cards.length > 0 ? cards : html`<p class="muted">Nessuna email inviata.</p>`}`,
    );
  }

  private calendarPage(): string {
    const events = snapshotCalendar(this.academy.ws);
    const rows = events.map(
      (e) =>
        html`<tr><td>${e.sessionId}</td><td>${e.summary}</td><td>${displayInstant(Date.parse(e.start))}</td><td>${displayInstant(Date.parse(e.end))}</td><td>${e.location}</td><td>${e.status === 'cancelled' ? 'annullato' : 'confermato'}</td><td>${e.meet ? html`<span>${e.meet}</span>` : ''}</td><td>${e.attendees.join(', ')}</td></tr>`,
    );
    const table = html`<div class="grid-wrap"><table class="grid" id="events"><tr><th scope="col">Sessione</th><th scope="col">Titolo</th><th scope="col">Inizio</th><th scope="col">Fine</th><th scope="col">Luogo</th><th scope="col">Stato</th><th scope="col">Link Meet</th><th scope="col">Invitati</th></tr>${rows}</table></div>`;
    return this.page(
      'Calendario',
      '/calendar',
      html`<h2>Calendario dell'accademia (${events.length} eventi)</h2>${events.length > 0 ? table : html`<p class="muted">Nessun evento: usa «Sincronizza calendario».</p>`}`,
    );
  }

  private drivePage(): string {
    const files = snapshotDrive(this.academy.ws);
    const rows = files.map(
      (f) =>
        html`<tr><td><a href="/drive/${encodeURIComponent(f.id)}" target="_blank">${f.name}</a></td><td>${f.path}</td><td>${f.mimeType}</td></tr>`,
    );
    return this.page(
      'Drive',
      '/drive',
      html`<h2>Drive (${files.length} file)</h2><div class="grid-wrap"><table class="grid" id="files"><tr><th scope="col">Nome</th><th scope="col">Percorso</th><th scope="col">Tipo</th></tr>${rows}</table></div>`,
    );
  }

  private clockPage(message: Raw | string = ''): string {
    const triggers = snapshotTriggers(this.academy.ws);
    const buttons = [
      [60, '+1 ora'],
      [24 * 60, '+1 giorno'],
      [7 * 24 * 60, '+1 settimana'],
      [30 * 24 * 60, '+30 giorni'],
    ].map(([m, label]) => html`<button type="submit" name="minutes" value="${m}">${label}</button> `);
    const body = html`${message}<h2>Orologio emulato</h2><p>Ora: <strong>${this.clock()}</strong> (Europe/Rome)</p>
<form method="post" action="/clock">${buttons}</form>
<p class="muted">Avanzando, i trigger a tempo che scadono vengono eseguiti uno dopo l'altro.</p>
<h3>Trigger installati (${triggers.length})</h3><ul>${triggers.map((t) => html`<li>${t.handler} (${t.type})</li>`)}</ul>`;
    return this.page('Orologio', '/clock', body);
  }

  private advance(minutes: number): string {
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 366 * 24 * 60)
      throw new HttpError(400, 'Intervallo non valido.');
    const runs = this.academy.advance(minutes);
    this.save();
    const failed = runs.filter((r) => !r.ok);
    return this.clockPage(
      html`<p class="ok" role="status">Orologio avanzato di ${minutes} minuti; trigger eseguiti: ${runs.length}${failed.length ? html`, non riusciti: ${failed.length} (${failed.map((r) => r.error ?? '').join('; ')})` : ''}.</p>`,
    );
  }

  private webApp(url: URL, res: ServerResponse): void {
    if (!this.academy.hasFunction('doGet')) {
      send(
        res,
        404,
        'text/html',
        this.page('Web app', '', html`<p>Questa versione del componente non pubblica pagine web (manca doGet).</p>`),
      );
      return;
    }
    const target = `${webAppUrl(this.academy.ws)}${url.search}`;
    const result = this.academy.runtime.run('doGet', [webAppEvent(target)], { kind: 'webapp', as: '' });
    this.save();
    if (!result.ok) {
      send(
        res,
        500,
        'text/html',
        this.page('Web app', '', html`<p class="error">La pagina non è disponibile: ${result.error ?? ''}</p>`),
      );
      return;
    }
    const out = result.value as { getContent?: () => string; getMimeType?: () => unknown } | null;
    const content = out && typeof out.getContent === 'function' ? out.getContent() : String(result.value ?? '');
    if (out && typeof out.getMimeType === 'function') send(res, 200, 'text/plain', content);
    else send(res, 200, 'text/html', content);
  }

  // ---- Routing -----------------------------------------------------------------------------------

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await serveAcademyApis(this.academy, req, res, () => this.save())) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      if (path === '/') return send(res, 200, 'text/html', this.home(url));
      if (path === '/workbook') {
        const fragment = this.workbookFragment(
          url.searchParams.get('tab'),
          Number(url.searchParams.get('page') ?? 1) || 1,
          url.searchParams.get('follow') === '1',
        );
        return send(res, 200, 'text/html', fragment);
      }
      if (path === '/sidebar') {
        const as = url.searchParams.get('as') ?? this.academy.ws.state.owner;
        return send(
          res,
          200,
          'text/html',
          sidebarWithBridge(this.sidebarHtml(), this.academy.runtime.functionNames(), as),
        );
      }
      if (path === '/form') {
        const id = this.formId();
        return send(
          res,
          200,
          'text/html',
          this.formPage(id ? hostFormView(this.academy.ws, id) : null, '', url.searchParams.get('email') ?? ''),
        );
      }
      if (path === '/mail') return send(res, 200, 'text/html', this.mailPage());
      const attachment = /^\/mail\/(\d+)\/(\d+)$/.exec(path);
      if (attachment) {
        const a = outbox(this.academy.ws)[Number(attachment[1])]?.attachments[Number(attachment[2])];
        if (!a) throw new HttpError(404, 'Allegato non trovato.');
        return sendBytes(res, a.mimeType, a.bytes, a.name);
      }
      if (path === '/calendar') return send(res, 200, 'text/html', this.calendarPage());
      if (path === '/drive') return send(res, 200, 'text/html', this.drivePage());
      const file = /^\/drive\/([^/]+)$/.exec(path);
      if (file) {
        const f = hostDriveFile(this.academy.ws, decodeURIComponent(file[1] ?? ''));
        if (!f || f.trashed) throw new HttpError(404, 'File non trovato.');
        return sendBytes(res, f.mimeType, f.bytes, f.name);
      }
      if (path === '/clock') return send(res, 200, 'text/html', this.clockPage());
      if (path === '/webapp') return this.webApp(url, res);
      if (path === '/api/snapshot')
        return send(res, 200, 'application/json', JSON.stringify(takeSnapshot(this.academy)));
      if (path === '/api/tabs')
        return send(
          res,
          200,
          'application/json',
          JSON.stringify(hostTabNames(this.academy.ws, this.academy.spreadsheetId)),
        );
      throw new HttpError(404, 'Pagina non trovata.');
    }
    if (method !== 'POST' || !POST_ROUTES.has(path)) throw new HttpError(405, 'Metodo non consentito.');
    assertSameOrigin(req);
    const body = await readBody(req);
    if (path === '/form') return send(res, 200, 'text/html', this.submitForm(new URLSearchParams(body)));
    if (path === '/clock')
      return send(res, 200, 'text/html', this.advance(Number(new URLSearchParams(body).get('minutes'))));
    const input = parseJson(body);
    if (path === '/api/run') {
      const result = this.runForSidebar(input);
      this.save();
      return send(
        res,
        200,
        'application/json',
        JSON.stringify({ ok: result.ok, value: result.ok ? result.value : null, error: result.error ?? null }),
      );
    }
    if (path === '/api/edit') {
      const outcome = this.editCell(input);
      this.save();
      return send(res, 200, 'application/json', JSON.stringify(outcome));
    }
    if (path === '/api/advance') {
      const runs = this.academy.advance(Number(input.minutes));
      this.save();
      return send(
        res,
        200,
        'application/json',
        JSON.stringify({ runs: runs.length, failed: runs.filter((r) => !r.ok).length }),
      );
    }
    if (path === '/api/reset') {
      if (!this.options.create) throw new HttpError(404, 'Questo playground non si può ricominciare.');
      this.academy = this.options.create();
      this.save();
      return send(res, 200, 'application/json', JSON.stringify({ ok: true }));
    }
    throw new HttpError(405, 'Metodo non consentito.');
  }
}

/** POSTs only from the playground's own pages: another site cannot drive the local academy. */
function assertSameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return;
  const host = req.headers.host ?? '';
  if (origin !== `http://${host}`) throw new HttpError(403, "Richiesta da un'altra origine rifiutata.");
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body || '{}');
    if (isPlainRecord(value)) return value;
  } catch {
    // Reported below as a bad request.
  }
  throw new HttpError(400, 'Richiesta non valida (JSON atteso).');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Richiesta troppo grande.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Pages may load and talk to this server only: no CDN, no fonts, no request outside localhost. */
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'self'; base-uri 'self'; form-action 'self'",
  'Referrer-Policy': 'no-referrer',
};

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, ...SECURITY_HEADERS });
  res.end(body);
}

function sendBytes(res: ServerResponse, mimeType: string, bytes: Uint8Array, name: string): void {
  const safeName = name.replace(/[^\w.\- ]/g, '_');
  res.writeHead(200, {
    'Content-Type': mimeType || 'application/octet-stream',
    'Content-Disposition': `inline; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    ...SECURITY_HEADERS,
  });
  res.end(Buffer.from(bytes));
}

export function createPlaygroundHttpServer(playground: Playground): Server {
  return createServer((req, res) => {
    playground.handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) send(res, status, 'text/plain', status === 500 ? `Errore interno: ${message}` : message);
      else res.end();
    });
  });
}
