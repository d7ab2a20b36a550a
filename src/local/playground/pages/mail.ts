/**
 * Gmail as people know it: the list of messages (newest first, with sender, subject, a snippet and the
 * date), the one opened beside it with its HTML body in a sandboxed frame (links made local) and its
 * attachments, which open in the page. Staff read the whole outbox; an employee or a referent only
 * what was sent to them, and an employee also Calendar's invitations. `I miei attestati` lists an
 * employee's certificates from their mail.
 */
import { calendarNotifications, snapshotCalendar } from '../../services/calendar';
import { htmlToText, outbox } from '../../services/mail';
import type { PageContext } from '../context';
import { clockTime, displayInstant, html, raw, type Raw } from '../html';
import { linkify, localizeHtml } from '../links';
import { readsMail } from '../viewer';

interface Message {
  key: string;
  at: number;
  from: string;
  to: string;
  cc: string;
  subject: string;
  text: string;
  htmlBody: string;
  attachments: Array<{ name: string; mimeType: string; size: number; href: string }>;
}

const NOTIFICATION_SUBJECT = { invitation: 'Invito', update: 'Invito aggiornato', cancellation: 'Evento annullato' };

function messages(ctx: PageContext): Message[] {
  const sender = ctx.ws.state.owner;
  const mails: Message[] = outbox(ctx.ws).map((m, i) => ({
    key: `m${i}`,
    at: m.at,
    from: m.name ? `${m.name} <${sender}>` : sender,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    text: m.body !== '' ? m.body : htmlToText(m.htmlBody),
    htmlBody: m.htmlBody,
    attachments: m.attachments.map((a, j) => ({
      name: a.name,
      mimeType: a.mimeType,
      size: a.bytes.length,
      href: `/mail/${i}/${j}/view`,
    })),
  }));
  const visible = mails.filter((m) => readsMail(ctx.viewer, m.to, m.cc));
  if (ctx.viewer.kind === 'employee') {
    const events = new Map(snapshotCalendar(ctx.ws).map((e) => [e.id, e]));
    calendarNotifications(ctx.ws).forEach((n, i) => {
      if (n.to.toLowerCase() !== ctx.viewer.email) return;
      const event = events.get(n.eventId);
      visible.push({
        key: `n${i}`,
        at: n.at,
        from: 'Google Calendar <calendar-notification@google.com>',
        to: n.to,
        cc: '',
        subject: `${NOTIFICATION_SUBJECT[n.kind]}: ${n.summary}${event ? ` — ${displayInstant(Date.parse(event.start))}` : ''}`,
        text: `${n.summary}\n${event ? `${displayInstant(Date.parse(event.start))} – ${clockTime(Date.parse(event.end))}\n${event.location}\n\n${event.description}` : ''}`,
        htmlBody: '',
        attachments: [],
      });
    });
  }
  return visible.sort((a, b) => b.at - a.at);
}

function shortDate(ctx: PageContext, at: number): string {
  const now = displayInstant(ctx.playground.academy.now()).slice(0, 10);
  const when = displayInstant(at);
  return when.slice(0, 10) === now ? when.slice(11) : when.slice(0, 5);
}

function body(ctx: PageContext, m: Message): Raw {
  if (m.htmlBody === '') return html`<pre class="text-body">${linkify(ctx.ws, m.text)}</pre>`;
  // The body is the sender's HTML: shown in a frame with no script and no access to this page.
  const doc = `<!DOCTYPE html><html><head><meta charset="utf-8"><base target="_top"><style>body{font-family:Arial,sans-serif;font-size:14px;color:#202124}</style></head><body>${localizeHtml(ctx.ws, m.htmlBody)}</body></html>`;
  return html`<iframe class="body" title="Testo del messaggio" sandbox="allow-popups allow-top-navigation-by-user-activation" srcdoc="${doc}"></iframe>`;
}

function reading(ctx: PageContext, m: Message | undefined): Raw {
  if (!m) return html`<p class="muted">Nessun messaggio selezionato.</p>`;
  const attachments = m.attachments.map(
    (a) =>
      html`<a href="${a.href}" class="attachment"><span class="icon pdf" aria-hidden="true"></span>${a.name}<span>${a.mimeType === 'application/pdf' ? 'PDF' : a.mimeType} · ${Math.max(1, Math.round(a.size / 1024))} KB</span></a>`,
  );
  return html`<article class="mail" data-to="${m.to}" data-key="${m.key}">
<h2>${m.subject}</h2>
<p class="meta"><strong>${m.from}</strong><br>a ${m.to}${m.cc ? ` · cc ${m.cc}` : ''} · ${displayInstant(m.at)}</p>
${body(ctx, m)}
${attachments.length > 0 ? html`<h3>${attachments.length === 1 ? '1 allegato' : `${attachments.length} allegati`}</h3><div class="attachments">${attachments}</div>` : ''}
</article>`;
}

export function mailPage(ctx: PageContext): string {
  const all = messages(ctx);
  const q = (ctx.url.searchParams.get('q') ?? '').trim().toLowerCase();
  const list = q === '' ? all : all.filter((m) => `${m.to} ${m.subject} ${m.text}`.toLowerCase().includes(q));
  const selected = ctx.url.searchParams.get('m');
  const open = list.find((m) => m.key === selected) ?? list[0];
  const query = (key: string): string => `/mail?${new URLSearchParams({ ...(q ? { q } : {}), m: key }).toString()}`;
  const rows = list.map(
    (m) =>
      html`<a class="mail-row" href="${query(m.key)}" data-to="${m.to}"${raw(m === open ? ' aria-current="true"' : '')}><span class="from">${m.to}</span><span class="subject">${m.subject} <span class="snippet">— ${m.text.slice(0, 90)}</span></span><span class="date">${m.attachments.length > 0 ? html`<span class="clip" title="Con allegati">⎘</span> ` : ''}${shortDate(ctx, m.at)}</span></a>`,
  );
  const page = html`<div class="mail-app">
<section class="mail-list" aria-label="Posta (${list.length})">
<form class="tools" method="get" action="/mail"><input type="search" name="q" value="${q}" aria-label="Cerca nella posta" placeholder="Cerca nella posta"><button type="submit" class="secondary">Cerca</button></form>
<p class="muted" style="padding:0 12px">${list.length === 1 ? '1 messaggio' : `${list.length} messaggi`}${ctx.viewer.kind === 'staff' ? ' inviati dal componente' : ` per ${ctx.viewer.email}`}</p>
${rows.length > 0 ? rows : html`<p class="muted" style="padding:12px">Nessun messaggio.</p>`}
</section>
<section class="mail-read" aria-label="Messaggio">${reading(ctx, open)}</section>
</div>`;
  return ctx.render('Gmail', 'mail', page, { wide: true });
}

/** An employee's certificates: the PDFs mailed to them, each opening in the page. */
export function certificatesPage(ctx: PageContext): string {
  const mine = messages(ctx).flatMap((m) =>
    m.attachments.filter((a) => a.mimeType === 'application/pdf').map((a) => ({ m, a })),
  );
  const rows = mine.map(
    ({ m, a }) =>
      html`<tr><td><span class="icon pdf" aria-hidden="true"></span><a href="${a.href}">${a.name}</a></td><td>${m.subject}</td><td>${displayInstant(m.at)}</td></tr>`,
  );
  const body = html`<div class="drive"><h2>I miei attestati</h2>${
    rows.length > 0
      ? html`<table class="files" id="certificates"><thead><tr><th>Attestato</th><th>Messaggio</th><th>Ricevuto</th></tr></thead><tbody>${rows}</tbody></table>`
      : html`<p class="muted">Nessun attestato ricevuto finora: arriva per email quando un corso frequentato si conclude.</p>`
  }</div>`;
  return ctx.render('I miei attestati', 'certificates', body);
}
