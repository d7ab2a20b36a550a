/**
 * While the demo academy's months behind are being lived (on first start and after "Ricomincia dalla
 * demo"), the server answers at once with a page that says how far it has got and reloads itself, and
 * `/api/status` says `ready: false`; once the academy is ready the playground answers.
 */
import { html, longInstant } from './html';
import { send, sendJson } from './http';
import { STYLE } from './style';
import type { Handler } from './routes';

export class Preparation {
  private lines: string[] = [];
  private busy = false;
  private failure: string | null = null;

  get ready(): boolean {
    return !this.busy && this.failure === null;
  }

  /** Runs `work` while every request gets the progress page; `work` reports its stages through `say`. */
  async run<T>(work: (say: (line: string) => void) => Promise<T>): Promise<T> {
    this.busy = true;
    this.failure = null;
    this.lines = [];
    try {
      return await work((line) => this.lines.push(line));
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      this.busy = false;
    }
  }

  handler(): Handler {
    return (req, res, url) => {
      if (this.ready) return false;
      if (url.pathname === '/api/status') {
        sendJson(res, { ready: false, progress: this.lines[this.lines.length - 1] ?? '', error: this.failure });
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 503, 'text/plain', "L'accademia dimostrativa è in preparazione: riprova tra poco.");
        return true;
      }
      const body = html`<main style="padding:24px;max-width:760px"><h2>Academy4PA: preparazione dell'accademia dimostrativa</h2>
<p>${this.failure ? html`<span class="error">Preparazione non riuscita: ${this.failure}</span>` : `I mesi già trascorsi dell'anno formativo vengono vissuti dal componente vero, nel Workspace emulato (iscrizioni, calendario, presenze, attestati, report). La pagina si aggiorna da sola.`}</p>
<ol id="progress">${this.lines.map((l) => html`<li>${l}</li>`)}</ol>
<p class="muted">Avviato alle ${longInstant(Date.now())} (ora reale).</p></main>`;
      res.setHeader('Refresh', '2');
      send(
        res,
        503,
        'text/html',
        `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Preparazione — Academy4PA</title><style>${STYLE}</style></head><body>${body.html}</body></html>`,
      );
      return true;
    };
  }
}
