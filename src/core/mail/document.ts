/**
 * A tiny document model for mails: one structure rendered twice, as plain text and as HTML, so the two
 * bodies always say the same thing and every piece of user text is escaped in the HTML one.
 */

export type Inline = string | { text: string; url: string };

export type Block =
  { kind: 'p'; content: Inline[] } | { kind: 'h'; text: string } | { kind: 'list'; items: Inline[][] };

export interface ComposedMail {
  subject: string;
  body: string;
  htmlBody: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Header values (subject, sender name, addresses) never carry line breaks: no header injection. */
export function headerSafe(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Only web links become anchors: a `javascript:` or other scheme from the registry is shown as text. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url.trim());
}

function inlineText(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.text === p.url ? p.url : `${p.text} (${p.url})`)).join('');
}

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeHtml(p).replace(/\n/g, '<br>');
      if (!isWebUrl(p.url)) return escapeHtml(p.text === p.url ? p.url : `${p.text} (${p.url})`);
      return `<a href="${escapeHtml(p.url.trim())}">${escapeHtml(p.text)}</a>`;
    })
    .join('');
}

export function renderText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'h') return b.text.toUpperCase();
      if (b.kind === 'p') return inlineText(b.content);
      return b.items.map((item) => `- ${inlineText(item)}`).join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

export function renderHtml(blocks: readonly Block[]): string {
  const body = blocks
    .map((b) => {
      if (b.kind === 'h') return `<h3 style="margin:16px 0 4px">${escapeHtml(b.text)}</h3>`;
      if (b.kind === 'p') return `<p>${inlineHtml(b.content)}</p>`;
      return `<ul>${b.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`;
    })
    .join('\n');
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124">\n${body}\n</div>`;
}

export function compose(subject: string, blocks: readonly Block[]): ComposedMail {
  return { subject: headerSafe(subject), body: renderText(blocks), htmlBody: renderHtml(blocks) };
}
