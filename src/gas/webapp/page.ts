/**
 * The web app's pages: short Italian HTML, every piece of data escaped, nothing loaded from outside.
 */
import { escapeHtml } from '../../core/mail/document';
import { displaySafe } from '../../core/text';

/** Escaped for HTML, with bidi controls and lone surrogates removed (they would garble the page around them). */
function safe(s: string): string {
  return escapeHtml(displaySafe(s));
}

export type PageTone = 'ok' | 'warning' | 'error';

const COLORS: Record<PageTone, string> = { ok: '#137333', warning: '#b06000', error: '#c5221f' };

export interface Page {
  title: string;
  tone: PageTone;
  /** Paragraphs (plain text, escaped here). */
  lines: readonly string[];
  /** Label/value pairs shown as a table (plain text, escaped here). */
  facts?: ReadonlyArray<readonly [string, string]>;
  /** A data table (plain text, escaped here). */
  table?: { headers: readonly string[]; rows: ReadonlyArray<readonly string[]> };
  /** Links under the text, e.g. a download (the web app's own URLs). */
  links?: ReadonlyArray<{ href: string; label: string }>;
  /**
   * A button that sends the request again with its fields (GET to `action`): a decision is applied only
   * when a person presses it, never when a mail scanner merely follows the link.
   */
  confirm?: { action: string; label: string; fields: Readonly<Record<string, string>>; reasonLabel?: string };
}

function confirmForm(confirm: NonNullable<Page['confirm']>): string {
  const hidden = Object.entries(confirm.fields)
    .map(([name, value]) => `<input type="hidden" name="${safe(name)}" value="${safe(value)}">`)
    .join('');
  const reason = confirm.reasonLabel
    ? `<p><label for="motivo">${safe(confirm.reasonLabel)}</label><br><input id="motivo" name="motivo" maxlength="300" style="width:100%;padding:6px"></p>`
    : '';
  return [
    `<form method="get" action="${safe(confirm.action)}" target="_top">`,
    hidden,
    reason,
    `<button type="submit" style="background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:10px 18px;font-size:15px;cursor:pointer">${safe(confirm.label)}</button>`,
    '</form>',
  ].join('');
}

export function renderPage(page: Page): string {
  const facts =
    page.facts && page.facts.length > 0
      ? `<table style="border-collapse:collapse;margin:12px 0">${page.facts
          .map(
            ([k, v]) =>
              `<tr><th style="text-align:left;padding:4px 12px 4px 0">${safe(k)}: </th><td style="padding:4px 0">${safe(v)}</td></tr>`,
          )
          .join('')}</table>`
      : '';
  const cell = 'style="text-align:left;padding:4px 8px;border-bottom:1px solid #dadce0;vertical-align:top"';
  const table = page.table
    ? `<table style="border-collapse:collapse;margin:12px 0;font-size:14px"><thead><tr>${page.table.headers
        .map((h) => `<th ${cell}>${safe(h)}</th>`)
        .join('')}</tr></thead><tbody>${page.table.rows
        .map((r) => `<tr>${r.map((v) => `<td ${cell}>${safe(v)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '';
  const links = (page.links ?? []).map((l) => `<p><a href="${safe(l.href)}" target="_top">${safe(l.label)}</a></p>`);
  return [
    '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${safe(page.title)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;max-width:${page.table ? 960 : 640}px;margin:32px auto;padding:0 16px;color:#202124;line-height:1.5">`,
    '<p style="color:#5f6368;margin:0">Academy4PA — Ufficio formazione</p>',
    `<h1 style="font-size:22px;color:${COLORS[page.tone]}">${safe(page.title)}</h1>`,
    ...page.lines.map((l) => `<p>${safe(l)}</p>`),
    facts,
    table,
    ...links,
    page.confirm ? confirmForm(page.confirm) : '',
    '</body></html>',
  ].join('\n');
}

export function htmlPage(page: Page): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(renderPage(page)).setTitle(page.title);
}
