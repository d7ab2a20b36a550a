/**
 * The Google addresses the add-on produces (the emulator keeps them Google-looking, as the add-on must
 * see them) and the playground's page that serves each: forms, spreadsheets, Docs and Drive files and
 * folders, Calendar events, Meet rooms and the web app. Every link a page shows goes through here, so
 * nothing a person clicks in the playground leaves localhost.
 */
import type { Workspace } from '../runtime/workspace';
import { hostFormIdByUrl } from '../services/forms';
import { webAppUrl } from '../services/script';
import { escapeHtml, html, raw, type Raw } from './html';

/** A URL anywhere in a text: stops at spaces, quotes, angle brackets and a closing parenthesis. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"')\]]+/g;

interface Rule {
  match: RegExp;
  local: (m: RegExpExecArray, url: URL, ws: Workspace) => string | null;
}

const RULES: Rule[] = [
  {
    match: /^https:\/\/docs\.google\.com\/forms\/d\/(?:e\/)?([\w-]+)\/(?:viewform|edit|formResponse)/,
    local: (_m, url, ws) => {
      const id = hostFormIdByUrl(ws, `${url.origin}${url.pathname}`);
      return id ? `/form?id=${encodeURIComponent(id)}` : null;
    },
  },
  {
    match: /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)/,
    local: (m) => `/?ss=${encodeURIComponent(m[1] ?? '')}`,
  },
  {
    match: /^https:\/\/docs\.google\.com\/(?:document|presentation)\/d\/([\w-]+)/,
    local: (m) => `/drive/file/${encodeURIComponent(m[1] ?? '')}`,
  },
  {
    match: /^https:\/\/docs\.google\.com\/open$/,
    local: (_m, url) => `/drive/file/${encodeURIComponent(url.searchParams.get('id') ?? '')}`,
  },
  {
    match: /^https:\/\/drive\.google\.com\/file\/d\/([\w-]+)/,
    local: (m) => `/drive/file/${encodeURIComponent(m[1] ?? '')}`,
  },
  {
    match: /^https:\/\/drive\.google\.com\/(?:uc|open)$/,
    local: (_m, url) => `/drive/file/${encodeURIComponent(url.searchParams.get('id') ?? '')}`,
  },
  {
    match: /^https:\/\/drive\.google\.com\/drive\/(?:u\/\d+\/)?folders\/([\w-]+)/,
    local: (m) => `/drive?folder=${encodeURIComponent(m[1] ?? '')}`,
  },
  {
    match: /^https:\/\/(?:www\.google\.com\/calendar|calendar\.google\.com\/calendar)\/event$/,
    local: (_m, url) => `/calendar/event?eid=${encodeURIComponent(url.searchParams.get('eid') ?? '')}`,
  },
  {
    match: /^https:\/\/meet\.google\.com\/([a-z]+(?:-[a-z]+)*)$/,
    local: (m) => `/meet/${encodeURIComponent(m[1] ?? '')}`,
  },
];

/** The playground's address for a Google URL, or null when the playground has no page for it. */
export function localUrl(ws: Workspace, href: string): string | null {
  const base = webAppUrl(ws);
  if (href.startsWith(base)) {
    const query = href.slice(base.length);
    return `/webapp${query.startsWith('?') ? query : query === '' ? '' : `?${query.replace(/^[/&]/, '')}`}`;
  }
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const bare = `${url.origin}${url.pathname}`;
  for (const rule of RULES) {
    const m = rule.match.exec(bare);
    if (m) return rule.local(m, url, ws);
  }
  return null;
}

/** Whether the URL points at one of Google's hosts (the ones a page must never link to). */
export function isGoogleUrl(href: string): boolean {
  return /^https?:\/\/([\w-]+\.)*(google\.com|googleusercontent\.com|goo\.gl|forms\.gle)(\/|$|\?)/.test(href);
}

/** A URL found in text, without the punctuation that ends the sentence around it. */
function splitTrailing(match: string): [string, string] {
  const m = /[.,;:!?]+$/.exec(match);
  return m ? [match.slice(0, m.index), m[0]] : [match, ''];
}

/** A text with every Google URL in it replaced by the playground's address (others untouched). */
export function localizeText(ws: Workspace, text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    const [href, tail] = splitTrailing(match);
    return `${localUrl(ws, href) ?? (isGoogleUrl(href) ? '/non-disponibile' : href)}${tail}`;
  });
}

/** A server function's result with every string's Google URLs made local (the sidebar shows them as links). */
export function localizeValue(ws: Workspace, value: unknown): unknown {
  if (typeof value === 'string') return /https?:\/\//.test(value) ? localizeText(ws, value) : value;
  if (Array.isArray(value)) return value.map((v) => localizeValue(ws, v));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeValue(ws, v)]));
  }
  return value;
}

/**
 * A plain text as HTML with its Google URLs as links to the playground's pages; any other address stays
 * text (a page of the playground links nowhere outside localhost).
 */
export function linkify(ws: Workspace, text: string): Raw {
  const parts = text.split(/(https?:\/\/[^\s<>"')\]]+)/g);
  return raw(
    parts
      .map((part, i) => {
        if (i % 2 === 0) return escapeHtml(part);
        const [href, tail] = splitTrailing(part);
        const local = localUrl(ws, href);
        return `${local ? html`<a href="${local}">${href}</a>`.html : escapeHtml(href)}${escapeHtml(tail)}`;
      })
      .join(''),
  );
}

/** An HTML body (a mail's) with the Google URLs of its links and text made local, other links disabled. */
export function localizeHtml(ws: Workspace, body: string): string {
  return body
    .replace(/\bhref\s*=\s*("([^"]*)"|'([^']*)')/gi, (_m, _q, dq?: string, sq?: string) => {
      const href = (dq ?? sq ?? '').replace(/&amp;/g, '&');
      const local = localUrl(ws, href);
      return local
        ? `href="${escapeHtml(local)}"`
        : href.startsWith('mailto:')
          ? `href="${escapeHtml(href)}"`
          : 'href="/non-disponibile"';
    })
    .replace(/\bsrc\s*=\s*("(https?:[^"]*)"|'(https?:[^']*)')/gi, 'src=""');
}
