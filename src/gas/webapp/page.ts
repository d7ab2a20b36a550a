/**
 * The web app's pages: short Italian HTML, every piece of data escaped, nothing loaded from outside.
 */
import { escapeHtml } from '../../core/mail/document';

export type PageTone = 'ok' | 'warning' | 'error';

const COLORS: Record<PageTone, string> = { ok: '#137333', warning: '#b06000', error: '#c5221f' };

export interface Page {
  title: string;
  tone: PageTone;
  /** Paragraphs (plain text, escaped here). */
  lines: readonly string[];
  /** Label/value pairs shown as a table (plain text, escaped here). */
  facts?: ReadonlyArray<readonly [string, string]>;
}

export function renderPage(page: Page): string {
  const facts =
    page.facts && page.facts.length > 0
      ? `<table style="border-collapse:collapse;margin:12px 0">${page.facts
          .map(([k, v]) => `<tr><th style="text-align:left;padding:4px 12px 4px 0">${escapeHtml(k)}: </th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`)
          .join('')}</table>`
      : '';
  return [
    '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;max-width:640px;margin:32px auto;padding:0 16px;color:#202124;line-height:1.5">',
    '<p style="color:#5f6368;margin:0">Academy4PA — Ufficio formazione</p>',
    `<h1 style="font-size:22px;color:${COLORS[page.tone]}">${escapeHtml(page.title)}</h1>`,
    ...page.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    facts,
    '</body></html>',
  ].join('\n');
}

export function htmlPage(page: Page): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(renderPage(page)).setTitle(page.title);
}
