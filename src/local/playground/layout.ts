/**
 * The frame of every playground page: the bar of Workspace apps the current viewer has (staff: Fogli,
 * Moduli, Gmail, Calendar, Drive; an employee: their form, mail, calendar and certificates; a referent:
 * their mail), whose eyes the page is seen through, and the emulated clock with its controls. The page
 * loads nothing from outside localhost.
 */
import { html, longInstant, raw, type Raw } from './html';
import { viewerLabel, type Viewer } from './viewer';
import { STYLE } from './style';

export interface Frame {
  title: string;
  /** The app the page belongs to (its link is marked current). */
  app: string;
  viewer: Viewer;
  nowMs: number;
  /** Where the page is (path and query), so the clock controls come back to it. */
  here: string;
  /** A line shown once under the bar (the outcome of the last action). */
  flash?: string;
  /** People the switch offers (label, kind, email). */
  people?: ReadonlyArray<{ label: string; kind: Viewer['kind']; email: string }>;
  /** A full-height page without padding (the spreadsheet). */
  wide?: boolean;
}

const APPS: Record<Viewer['kind'], ReadonlyArray<readonly [string, string, string]>> = {
  staff: [
    ['/', 'sheets', 'Fogli'],
    ['/form', 'forms', 'Moduli'],
    ['/mail', 'mail', 'Gmail'],
    ['/calendar', 'calendar', 'Calendar'],
    ['/drive', 'drive', 'Drive'],
    ['/clock', 'clock', 'Orologio e trigger'],
  ],
  employee: [
    ['/form', 'forms', 'Modulo di iscrizione'],
    ['/mail', 'mail', 'Gmail'],
    ['/calendar', 'calendar', 'Calendar'],
    ['/attestati', 'certificates', 'I miei attestati'],
    ['/clock', 'clock', 'Orologio'],
  ],
  referent: [
    ['/mail', 'mail', 'Gmail'],
    ['/clock', 'clock', 'Orologio'],
  ],
};

export function appsOf(viewer: Viewer): ReadonlyArray<readonly [string, string, string]> {
  return APPS[viewer.kind];
}

function eyes(frame: Frame): Raw {
  const options = (frame.people ?? []).map(
    (p) =>
      html`<option value="${p.kind}:${p.email}"${raw(p.kind === frame.viewer.kind && p.email === frame.viewer.email ? ' selected' : '')}>${p.label}</option>`,
  );
  return html`<form class="eyes" method="post" action="/viewer">
<label for="viewer">Guarda come</label>
<select id="viewer" name="viewer">${options}</select>
<input type="hidden" name="back" value="${frame.here}">
<button type="submit" class="secondary">Cambia</button>
</form>`;
}

function clock(frame: Frame): Raw {
  const buttons = [
    ['60', '+1 ora'],
    ['1440', '+1 giorno'],
    ['10080', '+1 settimana'],
  ].map(([m, label]) => html`<button type="submit" name="minutes" value="${m}" class="secondary">${label}</button>`);
  return html`<form class="clock" method="post" action="/clock">
<span id="clock" title="Ora emulata (Europe/Rome)">${longInstant(frame.nowMs)}</span>
<input type="hidden" name="back" value="${frame.here}">
${buttons}<button type="submit" name="next" value="session" class="secondary">Prossima sessione</button>
</form>`;
}

export function layout(frame: Frame, body: Raw): string {
  const nav = appsOf(frame.viewer).map(
    ([href, app, label]) =>
      html`<a href="${href}" class="app app-${app}"${raw(app === frame.app ? ' aria-current="page"' : '')}>${label}</a>`,
  );
  const flash = frame.flash ? html`<p class="flash" role="status">${frame.flash}</p>` : '';
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html`${frame.title}`.html} — Academy4PA</title>
<style>${STYLE}</style>
</head>
<body class="${frame.wide ? 'wide' : ''}">
${
  html`<header class="bar">
<a class="brand" href="${frame.viewer.kind === 'staff' ? '/' : (appsOf(frame.viewer)[0]?.[0] ?? '/')}">Academy4PA</a>
<nav aria-label="App" class="apps">${nav}</nav>
<div class="controls">${clock(frame)}${eyes(frame)}</div>
</header>
<p class="who">${viewerLabel(frame.viewer)}</p>
${flash}`.html
}
<main id="main">
${body.html}
</main>
</body>
</html>
`;
}
