/**
 * Time as a control: the emulated clock, moving it by an hour, a day, a week or to the next session
 * (the time-driven triggers that come due run on the way, as on Google), and the project's triggers as
 * the Apps Script editor lists them, in Italian, with when each runs next.
 */
import { DAY_MS, HOUR_MS } from '../../../core/time/units';
import { triggerState, type TriggerRecord } from '../../runtime/triggers';
import type { PageContext } from '../context';
import { displayInstant, html, longInstant } from '../html';

function eventOf(t: TriggerRecord): string {
  switch (t.type) {
    case 'ON_EDIT':
      return 'Alla modifica del foglio di calcolo';
    case 'ON_FORM_SUBMIT':
      return t.source === 'FORMS' ? "All'invio del modulo" : "All'invio di un modulo collegato al foglio";
    case 'ON_OPEN':
      return "All'apertura";
    case 'ON_CHANGE':
      return 'A ogni cambiamento';
    case 'CLOCK': {
      if (t.everyMs === null)
        return t.nextAtMs === null ? 'Una volta (già eseguito)' : `Una volta, ${displayInstant(t.nextAtMs)}`;
      if (t.monthDay && t.wallClock)
        return `Il giorno ${t.monthDay.day} di ogni mese alle ${t.wallClock.hour}:${String(t.wallClock.minute).padStart(2, '0')}`;
      if (t.wallClock)
        return `Ogni ${t.everyMs >= 2 * DAY_MS ? `${Math.round(t.everyMs / DAY_MS)} giorni` : 'giorno'} alle ${t.wallClock.hour}:${String(t.wallClock.minute).padStart(2, '0')}`;
      if (t.everyMs >= DAY_MS) return `Ogni ${Math.round(t.everyMs / DAY_MS)} giorni`;
      if (t.everyMs >= HOUR_MS)
        return t.everyMs === HOUR_MS ? 'Ogni ora' : `Ogni ${Math.round(t.everyMs / HOUR_MS)} ore`;
      return `Ogni ${Math.round(t.everyMs / 60_000)} minuti`;
    }
  }
}

export function clockPage(ctx: PageContext): string {
  const triggers = triggerState(ctx.ws).triggers;
  const next = ctx.playground.nextSessionStart();
  const rows = triggers.map(
    (t) =>
      html`<tr><td><code>${t.handler}</code></td><td>${eventOf(t)}</td><td>${t.type === 'CLOCK' && t.nextAtMs !== null ? displayInstant(t.nextAtMs) : '—'}</td><td>${t.owner}</td></tr>`,
  );
  const staff = ctx.viewer.kind === 'staff';
  const body = html`<h2>Orologio emulato</h2>
<p>Ora: <strong>${longInstant(ctx.playground.academy.now())}</strong> (Europe/Rome). ${next !== null ? html`Prossima sessione: <strong>${longInstant(next)}</strong>.` : 'Nessuna sessione in programma.'}</p>
<p class="muted">I pulsanti in alto spostano l'orologio in avanti; i trigger a tempo che scadono nel frattempo vengono eseguiti uno dopo l'altro, come su Google.</p>
${
  staff
    ? html`<h3>Trigger del progetto (${triggers.length})</h3>
<table class="files" id="triggers"><thead><tr><th>Funzione</th><th>Evento</th><th>Prossima esecuzione</th><th>Proprietario</th></tr></thead><tbody>${rows}</tbody></table>`
    : ''
}`;
  return ctx.render('Orologio', 'clock', body);
}
