/**
 * Google Calendar as people know it: a month view and a week view in date order around the emulated
 * today, each event opening its details (when, where, description, attendees and their answers, the
 * Meet link as a button), and the Meet room a link leads to. Staff see the academy's calendars; an
 * employee the events they are invited to.
 */
import { DAY_MS } from '../../../core/time/units';
import { wallClock } from '../../../core/time/zone';
import { snapshotCalendar } from '../../services/calendar';
import type { PageContext } from '../context';
import { ITALIAN_MONTHS } from '../../../core/text';
import { clockTime, html, longInstant, raw, WEEKDAYS, type Raw } from '../html';
import { linkify, localUrl } from '../links';

type CalendarEvent = ReturnType<typeof snapshotCalendar>[number];

const FIRST_HOUR = 7;
const LAST_HOUR = 20;
const HOUR_PX = 40;
const PER_DAY_IN_MONTH = 4;

function eventsFor(ctx: PageContext): CalendarEvent[] {
  const all = snapshotCalendar(ctx.ws).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (ctx.viewer.kind === 'staff') return all;
  return all.filter((e) => e.attendees.some((a) => a.toLowerCase() === ctx.viewer.email));
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function dayOf(ms: number): Day {
  const w = wallClock(ms);
  return { year: w.year, month: w.month, day: w.day };
}

function isoOf(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function parseDay(text: string | null): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** Days as UTC dates, for calendar arithmetic that ignores the zone. */
function utc(d: Day): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(d: Day, n: number): Day {
  return fromUtc(new Date(utc(d).getTime() + n * DAY_MS));
}

/** Monday of the week holding `d`. */
function monday(d: Day): Day {
  return addDays(d, -((utc(d).getUTCDay() + 6) % 7));
}

function eventLink(e: CalendarEvent, nowMs: number, extra: Raw | string = ''): Raw {
  const cls = `ev${e.status === 'cancelled' ? ' cancelled' : ''}${Date.parse(e.end) < nowMs ? ' past' : ''}`;
  return html`<a class="${cls}" href="/calendar/event?id=${encodeURIComponent(e.id)}" data-session="${e.sessionId}" title="${e.summary}"${extra}>${clockTime(Date.parse(e.start))} ${e.summary}</a>`;
}

function byDay(events: CalendarEvent[]): Map<string, CalendarEvent[]> {
  const out = new Map<string, CalendarEvent[]>();
  for (const e of events) {
    const key = isoOf(dayOf(Date.parse(e.start)));
    const list = out.get(key) ?? [];
    list.push(e);
    out.set(key, list);
  }
  return out;
}

function monthView(ctx: PageContext, events: CalendarEvent[], focus: Day, today: Day): Raw {
  const first = { year: focus.year, month: focus.month, day: 1 };
  const start = monday(first);
  const days = byDay(events);
  const now = ctx.playground.academy.now();
  const weeks: Raw[] = [];
  for (let w = 0; w < 6; w++) {
    const cells: Raw[] = [];
    for (let i = 0; i < 7; i++) {
      const d = addDays(start, w * 7 + i);
      const list = days.get(isoOf(d)) ?? [];
      const cls = `${d.month !== focus.month ? 'other' : ''}${isoOf(d) === isoOf(today) ? ' today' : ''}`;
      const more =
        list.length > PER_DAY_IN_MONTH
          ? html`<a href="/calendar?view=week&amp;date=${isoOf(d)}">altri ${list.length - PER_DAY_IN_MONTH}</a>`
          : '';
      cells.push(
        html`<td class="${cls}" data-date="${isoOf(d)}"><span class="day">${d.day}</span>${list.slice(0, PER_DAY_IN_MONTH).map((e) => eventLink(e, now))}${more}</td>`,
      );
    }
    if (w >= 4 && addDays(start, w * 7).month !== focus.month) break;
    weeks.push(html`<tr>${cells}</tr>`);
  }
  const head = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'].map((d) => html`<th scope="col">${d}</th>`);
  return html`<table class="month" id="month" aria-label="${ITALIAN_MONTHS[focus.month - 1]} ${focus.year}"><thead><tr>${head}</tr></thead><tbody>${weeks}</tbody></table>`;
}

function weekView(ctx: PageContext, events: CalendarEvent[], focus: Day, today: Day): Raw {
  const start = monday(focus);
  const days = byDay(events);
  const now = ctx.playground.academy.now();
  const heads: Raw[] = [html`<div></div>`];
  const cols: Raw[] = [];
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, i) => FIRST_HOUR + i);
  cols.push(
    html`<div class="hours">${hours.map((h) => html`<div class="hour">${String(h).padStart(2, '0')}:00</div>`)}</div>`,
  );
  for (let i = 0; i < 7; i++) {
    const d = addDays(start, i);
    const weekday = WEEKDAYS[utc(d).getUTCDay()] ?? '';
    heads.push(
      html`<div class="colhead${isoOf(d) === isoOf(today) ? ' today' : ''}">${weekday.slice(0, 3)} ${d.day}/${d.month}</div>`,
    );
    const list = days.get(isoOf(d)) ?? [];
    const placed = list.map((e) => {
      const s = wallClock(Date.parse(e.start));
      const f = wallClock(Date.parse(e.end));
      const top = Math.max(0, (s.hour + s.minute / 60 - FIRST_HOUR) * HOUR_PX);
      const height = Math.max(18, (f.hour + f.minute / 60 - (s.hour + s.minute / 60)) * HOUR_PX - 2);
      return eventLink(e, now, raw(` style="top:${top}px;height:${height}px"`));
    });
    cols.push(
      html`<div class="daycol" data-date="${isoOf(d)}" style="height:${hours.length * HOUR_PX}px">${placed}</div>`,
    );
  }
  return html`<div class="week" id="week">${heads}${cols}</div>`;
}

export function calendarPage(ctx: PageContext): string {
  const events = eventsFor(ctx);
  const today = dayOf(ctx.playground.academy.now());
  const view = ctx.url.searchParams.get('view') === 'week' ? 'week' : 'month';
  const focus = parseDay(ctx.url.searchParams.get('date')) ?? today;
  const step =
    view === 'week'
      ? { back: addDays(focus, -7), forward: addDays(focus, 7) }
      : {
          back: {
            year: focus.month === 1 ? focus.year - 1 : focus.year,
            month: focus.month === 1 ? 12 : focus.month - 1,
            day: 1,
          },
          forward: {
            year: focus.month === 12 ? focus.year + 1 : focus.year,
            month: focus.month === 12 ? 1 : focus.month + 1,
            day: 1,
          },
        };
  const link = (v: string, d: Day): string => `/calendar?view=${v}&date=${isoOf(d)}`;
  const title =
    view === 'week'
      ? `Settimana del ${monday(focus).day} ${ITALIAN_MONTHS[monday(focus).month - 1]} ${monday(focus).year}`
      : `${ITALIAN_MONTHS[focus.month - 1]} ${focus.year}`;
  const upcoming = events.filter((e) => Date.parse(e.start) > ctx.playground.academy.now() && e.status !== 'cancelled');
  const head = html`<div class="cal-head">
<h2>${title}</h2>
<a class="btn" href="${link(view, today)}">Oggi</a>
<a class="btn" href="${link(view, step.back)}" aria-label="Precedente">‹</a>
<a class="btn" href="${link(view, step.forward)}" aria-label="Successivo">›</a>
<a class="btn" href="${link('month', focus)}"${raw(view === 'month' ? ' aria-current="page"' : '')}>Mese</a>
<a class="btn" href="${link('week', focus)}"${raw(view === 'week' ? ' aria-current="page"' : '')}>Settimana</a>
<span class="muted">${events.length} eventi, ${upcoming.length} in programma${upcoming[0] ? html` · il prossimo: ${eventLink(upcoming[0], 0, raw(' style="display:inline;background:none;color:#1a73e8"'))}` : ''}</span>
</div>`;
  const grid =
    events.length === 0
      ? html`<p class="muted">${ctx.viewer.kind === 'staff' ? 'Nessun evento: lo staff usa «Sincronizza calendario».' : 'Nessun invito ricevuto.'}</p>`
      : view === 'week'
        ? weekView(ctx, events, focus, today)
        : monthView(ctx, events, focus, today);
  return ctx.render('Calendar', 'calendar', html`${head}${grid}`);
}

/** The event an `eid` (Google's event link) or an `id` names, if the viewer may see it. */
function findEvent(ctx: PageContext): CalendarEvent | null {
  const events = eventsFor(ctx);
  const id = ctx.url.searchParams.get('id');
  if (id) return events.find((e) => e.id === id) ?? null;
  const eid = ctx.url.searchParams.get('eid') ?? '';
  const decoded = Buffer.from(eid, 'base64').toString('utf8').split(' ')[0] ?? '';
  return events.find((e) => e.id === decoded) ?? null;
}

export function eventPage(ctx: PageContext): string {
  const e = findEvent(ctx);
  if (!e)
    return ctx.render(
      'Evento',
      'calendar',
      html`<p class="error">Evento non trovato.</p><p><a href="/calendar">Torna al calendario</a></p>`,
    );
  const start = Date.parse(e.start);
  const end = Date.parse(e.end);
  const meet = e.meet ? localUrl(ctx.ws, e.meet) : null;
  const attendees = e.attendees.map((a) => html`<li>${a}</li>`);
  const body = html`<article class="event-card" id="event" data-session="${e.sessionId}">
<h2>${e.summary}</h2>
<dl>
<dt>Quando</dt><dd>${longInstant(start)} – ${clockTime(end)}</dd>
<dt>Dove</dt><dd>${e.location || (e.meet ? 'Online (Google Meet)' : '—')}</dd>
<dt>Stato</dt><dd>${e.status === 'cancelled' ? 'Annullato' : 'Confermato'}</dd>
${e.meet ? html`<dt>Videochiamata</dt><dd>${meet ? html`<a class="meet" href="${meet}">Partecipa con Google Meet</a> <span class="muted">${e.meet}</span>` : e.meet}</dd>` : ''}
<dt>Descrizione</dt><dd><pre>${linkify(ctx.ws, e.description)}</pre></dd>
<dt>Invitati (${e.attendees.length})</dt><dd><ul class="attendees">${attendees}</ul></dd>
</dl>
<p><a href="/calendar?view=week&amp;date=${isoOf(dayOf(start))}">Vedi la settimana</a></p>
</article>`;
  return ctx.render(e.summary, 'calendar', body);
}

/** The Meet room of a link: which sessions use it; joining is as far as the playground goes. */
export function meetPage(ctx: PageContext, code: string): string {
  const url = `https://meet.google.com/${code}`;
  const sessions = snapshotCalendar(ctx.ws).filter((e) => e.meet === url);
  const body = html`<div class="event-card" id="meet"><h2>Google Meet · ${code}</h2>
${sessions.length > 0 ? html`<p>Riunione di:</p><ul>${sessions.map((e) => html`<li><a href="/calendar/event?id=${encodeURIComponent(e.id)}">${e.summary}</a> — ${longInstant(Date.parse(e.start))}</li>`)}</ul>` : html`<p class="muted">Nessun evento usa questa riunione.</p>`}
<p class="muted">Nel playground la riunione non ha audio né video: su Google qui si entra nella videochiamata.</p></div>`;
  return ctx.render(`Meet ${code}`, 'calendar', body);
}
