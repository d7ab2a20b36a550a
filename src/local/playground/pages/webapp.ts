/**
 * The add-on's web app (`doGet`) as someone opening a link from a mail reaches it: referents' approval
 * links and certificate verification. It runs anonymously, as Google runs a web app for anyone with the
 * link; its Google links are made local.
 */
import type { ServerResponse } from 'node:http';
import { webAppEvent } from '../../runtime/session';
import { webAppUrl } from '../../services/script';
import type { PageContext } from '../context';
import { html } from '../html';
import { send } from '../http';
import { localizeHtml } from '../links';

export function webApp(ctx: PageContext, res: ServerResponse): void {
  const academy = ctx.playground.academy;
  if (!academy.hasFunction('doGet')) {
    send(
      res,
      404,
      'text/html',
      ctx.render('Web app', '', html`<p>Questa versione del componente non pubblica pagine web (manca doGet).</p>`),
    );
    return;
  }
  const target = `${webAppUrl(ctx.ws)}${ctx.url.search}`;
  const result = academy.runtime.run('doGet', [webAppEvent(target)], { kind: 'webapp', as: '' });
  ctx.playground.save();
  if (!result.ok) {
    send(
      res,
      500,
      'text/html',
      ctx.render('Web app', '', html`<p class="error">La pagina non è disponibile: ${result.error ?? ''}</p>`),
    );
    return;
  }
  const out = result.value as { getContent?: () => string; getMimeType?: () => unknown } | null;
  const content = out && typeof out.getContent === 'function' ? out.getContent() : String(result.value ?? '');
  if (out && typeof out.getMimeType === 'function') send(res, 200, 'text/plain', content);
  else send(res, 200, 'text/html', localizeHtml(ctx.ws, content));
}

/** A Google address the playground has no page for: said plainly, instead of leaving localhost. */
export function unavailablePage(ctx: PageContext): string {
  return ctx.render(
    'Non disponibile',
    '',
    html`<div class="event-card"><h2>Indirizzo non disponibile nel playground</h2><p>Questo collegamento porta a un servizio Google che il playground non riproduce; su Google si aprirebbe la pagina corrispondente.</p></div>`,
  );
}
