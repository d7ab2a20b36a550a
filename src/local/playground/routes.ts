/**
 * The playground's routes: which page or action answers each request. Pages live in pages/, actions
 * in playground.ts; this module only reads the request, picks, and answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveAcademyApis } from '../rest/playground';
import { takeSnapshot } from '../scenario/snapshot';
import { hostDriveFile } from '../services/drive';
import { outbox } from '../services/mail';
import { hostTabNames } from '../services/spreadsheet';
import { asset } from './assets';
import { withBridge } from './bridge';
import type { PageContext } from './context';
import type { Raw } from './html';
import {
  assertSameOrigin,
  cookie,
  HttpError,
  parseJson,
  readBody,
  redirect,
  send,
  sendAsset,
  sendBytes,
  sendJson,
} from './http';
import { layout, type Frame } from './layout';
import { calendarPage, eventPage, meetPage } from './pages/calendar';
import { clockPage } from './pages/clock';
import { attachmentViewPage, drivePage, fileViewPage } from './pages/drive';
import { formPage, submitForm } from './pages/form';
import { certificatesPage, mailPage } from './pages/mail';
import { gridFragment } from './pages/sheet';
import { unavailablePage, webApp } from './pages/webapp';
import { sheetRequest, workbookPage } from './pages/workbook';
import { people } from './people';
import type { Playground } from './playground';
import { parseViewer, VIEWER_COOKIE, viewerCookie } from './viewer';

/** One way of answering requests; the server tries its handlers in order until one answers. */
export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

function context(playground: Playground, req: IncomingMessage, url: URL, flash?: string): PageContext {
  const ws = playground.academy.ws;
  const viewer = parseViewer(cookie(req, VIEWER_COOKIE), ws.state.owner);
  const ctx: PageContext = {
    playground,
    ws,
    viewer,
    url,
    render: (title: string, app: string, body: Raw, extra: Partial<Pick<Frame, 'wide' | 'flash'>> = {}) =>
      layout(
        {
          title,
          app,
          viewer,
          nowMs: playground.academy.now(),
          here: `${url.pathname}${url.search}`,
          people: people(playground.academy, viewer),
          flash: extra.flash ?? flash ?? url.searchParams.get('esito') ?? undefined,
          wide: extra.wide,
        },
        body,
      ),
  };
  return ctx;
}

/** Back to the page an action came from, with its outcome to show once. */
function back(res: ServerResponse, target: string, outcome: string): void {
  const url = new URL(target.startsWith('/') ? target : '/', 'http://localhost');
  url.searchParams.set('esito', outcome);
  redirect(res, `${url.pathname}${url.search}`);
}

function advanceOutcome(minutes: number, runs: number, failed: string[]): string {
  const span =
    minutes % 1440 === 0
      ? `${minutes / 1440} ${minutes === 1440 ? 'giorno' : 'giorni'}`
      : minutes % 60 === 0
        ? `${minutes / 60} ${minutes === 60 ? 'ora' : 'ore'}`
        : `${minutes} minuti`;
  return `Orologio avanzato di ${span}; trigger eseguiti: ${runs}${failed.length > 0 ? `, non riusciti: ${failed.length} (${failed.join('; ')})` : ''}.`;
}

async function get(playground: Playground, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  const ctx = context(playground, req, url);
  const page = (body: string): true => {
    send(res, 200, 'text/html', body);
    return true;
  };
  const assetMatch = /^\/assets\/([\w./-]+)$/.exec(path);
  if (assetMatch) {
    const name = assetMatch[1] ?? '';
    const body = name.includes('..') ? null : asset(name);
    if (body === null) throw new HttpError(404, 'Risorsa non trovata.');
    sendAsset(res, 'text/javascript', body);
    return true;
  }
  if (path === '/') return page(workbookPage(ctx));
  if (path === '/workbook') {
    if (ctx.viewer.kind !== 'staff') throw new HttpError(403, 'Il foglio è riservato allo staff.');
    return page(gridFragment(ctx.ws, sheetRequest(ctx, url.searchParams.get('follow') === '1')));
  }
  if (path === '/sidebar') {
    const as = url.searchParams.get('as') ?? ctx.viewer.email;
    return page(withBridge(playground.sidebarHtml(), playground.academy.runtime.functionNames(), as));
  }
  if (path === '/form') return page(formPage(ctx));
  if (path === '/mail') return page(mailPage(ctx));
  if (path === '/attestati') return page(certificatesPage(ctx));
  const attachment = /^\/mail\/(\d+)\/(\d+)(\/view)?$/.exec(path);
  if (attachment) {
    const [mail, index] = [Number(attachment[1]), Number(attachment[2])];
    if (attachment[3]) return page(attachmentViewPage(ctx, mail, index));
    const a = outbox(ctx.ws)[mail]?.attachments[index];
    if (!a) throw new HttpError(404, 'Allegato non trovato.');
    sendBytes(res, a.mimeType, a.bytes, a.name);
    return true;
  }
  if (path === '/calendar') return page(calendarPage(ctx));
  if (path === '/calendar/event') return page(eventPage(ctx));
  const meet = /^\/meet\/([a-z-]+)$/.exec(path);
  if (meet) return page(meetPage(ctx, meet[1] ?? ''));
  if (path === '/drive') return page(drivePage(ctx));
  const view = /^\/drive\/file\/([^/]+)$/.exec(path);
  if (view) return page(fileViewPage(ctx, decodeURIComponent(view[1] ?? '')));
  const file = /^\/drive\/(?:raw\/)?([^/]+)$/.exec(path);
  if (file) {
    const f = hostDriveFile(ctx.ws, decodeURIComponent(file[1] ?? ''));
    if (!f || f.trashed) throw new HttpError(404, 'File non trovato.');
    sendBytes(res, f.mimeType, f.bytes, f.name);
    return true;
  }
  if (path === '/clock') return page(clockPage(ctx));
  if (path === '/webapp') {
    webApp(ctx, res);
    return true;
  }
  if (path === '/non-disponibile') return page(unavailablePage(ctx));
  if (path === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return true;
  }
  if (path === '/api/snapshot') {
    sendJson(res, takeSnapshot(playground.academy));
    return true;
  }
  if (path === '/api/tabs') {
    sendJson(res, hostTabNames(ctx.ws, playground.academy.spreadsheetId));
    return true;
  }
  if (path === '/api/status') {
    sendJson(res, { ready: true, now: new Date(playground.academy.now()).toISOString() });
    return true;
  }
  return false;
}

async function post(playground: Playground, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  const actions = new Set([
    '/form',
    '/clock',
    '/viewer',
    '/api/run',
    '/api/menu',
    '/api/edit',
    '/api/advance',
    '/api/reset',
  ]);
  if (!actions.has(path)) return false;
  assertSameOrigin(req);
  const body = await readBody(req);
  const ctx = context(playground, req, url);
  if (path === '/form') {
    send(res, 200, 'text/html', submitForm(ctx, new URLSearchParams(body)));
    return true;
  }
  if (path === '/clock') {
    const params = new URLSearchParams(body);
    const outcome =
      params.get('next') === 'session'
        ? playground.advanceToNextSession()
        : playground.advance(Number(params.get('minutes')));
    back(res, params.get('back') ?? '/clock', advanceOutcome(outcome.minutes, outcome.runs, outcome.failed));
    return true;
  }
  if (path === '/viewer') {
    const params = new URLSearchParams(body);
    const viewer = parseViewer(params.get('viewer'), ctx.ws.state.owner);
    res.setHeader('Set-Cookie', viewerCookie(viewer));
    const landing =
      viewer.kind === 'staff' ? (params.get('back') ?? '/') : viewer.kind === 'employee' ? '/form' : '/mail';
    redirect(res, landing);
    return true;
  }
  const input = parseJson(body);
  if (path === '/api/run') {
    const result = playground.runForSidebar(input);
    sendJson(res, { ok: result.ok, value: result.ok ? result.value : null, error: result.error ?? null });
    return true;
  }
  if (path === '/api/menu') {
    if (ctx.viewer.kind !== 'staff') throw new HttpError(403, 'I menu del foglio sono dello staff.');
    const answers = Array.isArray(input.answers) ? input.answers.map(String) : [];
    sendJson(res, playground.runMenuItem(String(input.fn ?? ''), ctx.viewer.email, answers));
    return true;
  }
  if (path === '/api/edit') {
    sendJson(res, playground.editCell(input));
    return true;
  }
  if (path === '/api/advance') {
    const outcome =
      input.next === 'session' ? playground.advanceToNextSession() : playground.advance(Number(input.minutes));
    sendJson(res, { runs: outcome.runs, failed: outcome.failed.length });
    return true;
  }
  playground.reset();
  sendJson(res, { ok: true });
  return true;
}

/** Every page and action of the playground, after Google's REST APIs over the same workbook. */
export function playgroundHandler(playground: Playground): Handler {
  return async (req, res, url) => {
    if (await serveAcademyApis(playground.academy, req, res, () => playground.save())) return true;
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') return get(playground, req, res, url);
    if (method === 'POST') return post(playground, req, res, url);
    return false;
  };
}
