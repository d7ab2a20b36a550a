/**
 * The course view: its sessions and enrollments by status, and staff's actions on them. People are
 * named, not numbered; a full course needs a confirming second click to go past `Posti`; a
 * cancellation asks for the reason that goes into the mail; linking a `Da verificare` request shows
 * what the person typed and asks before it links.
 */
import type { CourseEnrollment, CourseView } from '../src/gas/dashboard/types';
import { append, clear, el, italianDate, italianDateTime, plural } from './dom';
import { messageOf } from '../src/core/registry/errors';
import { pastYearsText } from '../src/core/years/history';
import { meetControls } from './meet-panel';
import { run } from './server';
import { confirmingButton, content, section, serverButton, setStatus, showError, statusLine, withFeedback } from './ui';

const STATUS_TITLES: Record<string, string> = {
  'Da verificare': 'Da verificare (email non in Dipendenti)',
  'In approvazione': 'In approvazione del referente',
  'In attesa': "In lista d'attesa",
  Confermata: 'Confermate',
  Respinta: 'Respinte',
  Annullata: 'Annullate',
};

function who(e: CourseEnrollment): string {
  return e.name || e.email;
}

function confirmedCount(view: CourseView): number {
  return view.groups.find((g) => g.status === 'Confermata')?.enrollments.length ?? 0;
}

export async function openCourse(code: string, back: () => Promise<void>): Promise<void> {
  const view = await withFeedback(`Corso ${code}`, () => run('getCourseView', code));
  if (view) {
    renderCourse(view, back);
    setStatus(
      `Corso ${view.code}: ${plural(
        view.groups.reduce((n, g) => n + g.enrollments.length, 0),
        'iscrizione',
        'iscrizioni',
      )}.`,
    );
  }
}

async function courseAction(
  view: CourseView,
  back: () => Promise<void>,
  label: string,
  task: () => Promise<unknown>,
): Promise<void> {
  const done = await withFeedback(label, task as () => Promise<object>, { bare: true });
  if (done === null) return;
  const message = statusLine.textContent ?? '';
  try {
    renderCourse(await run('getCourseView', view.code), back);
    setStatus(message);
  } catch (error) {
    showError(messageOf(error));
  }
}

function linkControls(view: CourseView, back: () => Promise<void>, e: CourseEnrollment): HTMLElement {
  const id = `link-${e.id}`;
  const input = el('input', {
    id,
    type: 'text',
    list: `${id}-list`,
    autocomplete: 'off',
    placeholder: 'ID o email (es. D00012)',
  });
  const options = el('datalist', { id: `${id}-list` });
  for (const c of e.candidates) append(options, el('option', { value: c.id, text: c.label }));
  const best = e.candidates[0];
  // Pre-filled only when the best suggestion agrees with the name and comune typed in the form.
  if (best && best.differences.length === 0) input.value = best.id;
  const typed = e.typed
    ? el('p', {
        class: 'meta',
        text: `Nel modulo: ${e.typed.name || 'nome non indicato'}, ${e.typed.comune || 'comune non indicato'} — ${e.email}`,
      })
    : null;
  const suggestions =
    e.candidates.length > 0
      ? el(
          'ul',
          { class: 'suggestions' },
          ...e.candidates.map((c) =>
            el(
              'li',
              {},
              el('span', { text: c.label }),
              c.differences.length > 0
                ? el('span', { class: 'warning', text: ` Attenzione: ${c.differences.join('; ')}.` })
                : null,
            ),
          ),
        )
      : el('p', { class: 'meta', text: 'Nessun dipendente simile: indichi ID o email di Dipendenti.' });
  const link = confirmingButton('Collega', 'Conferma il collegamento', 'action', () => {
    const target = input.value.trim();
    if (target === '') {
      showError("Indichi l'ID o l'email del dipendente da collegare.");
      input.focus();
      return;
    }
    void courseAction(view, back, `Collegamento di ${e.email}`, () => run('confirmPendingEnrollment', e.id, target));
  });
  input.addEventListener('input', () => {
    const chosen = e.candidates.find((c) => c.id === input.value.trim());
    link.textContent = 'Collega';
    link.classList.remove('danger');
    link.setAttribute('aria-label', chosen ? `Collega a ${chosen.label}` : 'Collega');
  });
  return el(
    'div',
    { class: 'link-employee' },
    typed,
    el('label', { for: id, text: 'Collega al dipendente' }),
    input,
    options,
    suggestions,
    link,
  );
}

function cancelControls(view: CourseView, back: () => Promise<void>, e: CourseEnrollment): HTMLElement {
  const id = `reason-${e.id}`;
  const reason = el('input', { id, type: 'text', autocomplete: 'off', placeholder: 'es. richiesta del dipendente' });
  const button = confirmingButton('Annulla iscrizione', `Conferma annullamento di ${who(e)}`, 'plain', () => {
    const why = reason.value.trim();
    if (why === '') {
      showError("Indichi il motivo dell'annullamento: è scritto nella email alla persona.");
      reason.focus();
      return;
    }
    void courseAction(view, back, `Annullamento di ${who(e)}`, () => run('cancelEnrollment', e.id, why));
  });
  return el('div', { class: 'inline-form' }, el('label', { for: id, text: 'Motivo (va nella email)' }), reason, button);
}

function promoteButton(view: CourseView, back: () => Promise<void>, e: CourseEnrollment): HTMLButtonElement {
  const full = confirmedCount(view) >= view.seats;
  const label = `Promozione di ${who(e)}`;
  if (!full)
    return serverButton(
      'Promuovi',
      'action',
      () => void courseAction(view, back, label, () => run('promoteFromWaitlist', e.id)),
    );
  return confirmingButton(
    'Promuovi oltre i posti',
    `Conferma: posto in più per ${who(e)} (${confirmedCount(view) + 1} su ${view.seats})`,
    'action',
    () => void courseAction(view, back, label, () => run('promoteFromWaitlist', e.id, { overCapacity: true })),
  );
}

function enrollmentItem(view: CourseView, back: () => Promise<void>, e: CourseEnrollment): HTMLElement {
  const details = [
    e.name ? e.email : '',
    e.comune,
    italianDateTime(e.requestedAt),
    e.waitPosition ? `posizione ${e.waitPosition}` : '',
  ]
    .filter((x) => x !== '')
    .join(' · ');
  const item = el(
    'li',
    { 'data-enrollment': e.id },
    el('div', { class: 'title', text: who(e) }),
    el('div', { class: 'meta', text: details }),
  );
  if (e.pastYears.length > 0)
    append(item, el('div', { class: 'meta past-years', text: `Anni precedenti: ${pastYearsText(e.pastYears)}` }));
  if (e.notes) append(item, el('div', { class: 'note', text: e.notes }));
  if (e.actions.includes('confirm')) append(item, linkControls(view, back, e));
  const actions = el('div', { class: 'buttons' });
  if (e.actions.includes('promote')) append(actions, promoteButton(view, back, e));
  if (actions.childNodes.length > 0) append(item, actions);
  if (e.actions.includes('cancel')) append(item, cancelControls(view, back, e));
  return item;
}

/** Staff enrol someone by e-mail; on a full course the choice (past `Posti` or waitlist) is explicit. */
function enrollControls(view: CourseView, back: () => Promise<void>): HTMLElement {
  const input = el('input', {
    id: 'enroll-email',
    type: 'email',
    autocomplete: 'off',
    placeholder: 'nome.cognome@comune.esempio.it',
  });
  const email = (): string | null => {
    const value = input.value.trim().toLowerCase();
    if (value !== '') return value;
    showError("Indichi l'email del dipendente da iscrivere.");
    input.focus();
    return null;
  };
  const enroll = (options?: { overCapacity?: boolean; waitlist?: boolean }): void => {
    const mail = email();
    if (mail === null) return;
    void courseAction(view, back, `Iscrizione di ${mail}`, () =>
      options ? run('enrollManually', mail, view.code, options) : run('enrollManually', mail, view.code),
    );
  };
  const full = confirmedCount(view) >= view.seats;
  const buttons = full
    ? [
        el('p', {
          class: 'meta',
          text: `Corso al completo: ${confirmedCount(view)} confermati su ${view.seats} posti.`,
        }),
        confirmingButton(
          'Iscrivi oltre i posti',
          `Conferma: posto in più (${confirmedCount(view) + 1} su ${view.seats})`,
          'action',
          () => enroll({ overCapacity: true }),
        ),
        serverButton("Metti in lista d'attesa", 'plain', () => enroll({ waitlist: true })),
      ]
    : [serverButton('Iscrivi', 'action', () => enroll())];
  return el(
    'div',
    { class: 'inline-form' },
    el('label', { for: 'enroll-email', text: 'Iscrivi un dipendente (email)' }),
    input,
    el('div', { class: 'buttons' }, ...buttons),
  );
}

function renderCourse(view: CourseView, back: () => Promise<void>): void {
  clear(content);
  const backButton = el('button', {
    type: 'button',
    class: 'plain',
    onclick: () => void back(),
    text: '← Torna al pannello',
  });
  const sessions = el('ul', { class: 'meta-list' });
  for (const s of view.sessions) {
    append(
      sessions,
      el('li', {
        text: `${italianDate(s.date)} ${s.start}–${s.end}${s.status === 'Annullata' ? ' (annullata)' : ''}${s.meetLink ? ' · Meet' : ''}`,
      }),
    );
  }
  const wrap = el(
    'div',
    { id: 'course-view' },
    backButton,
    el('h2', { text: `${view.code} — ${view.title}` }),
    el('p', {
      class: 'meta',
      text: `${view.status} · ${view.mode} · ${view.hours} ore · ${confirmedCount(view)} confermati su ${view.seats} posti`,
    }),
    section(
      'Sessioni',
      'course-sessions',
      view.sessions.length > 0 ? sessions : el('p', { class: 'muted', text: 'Nessuna sessione.' }),
    ),
    view.mode === 'In presenza'
      ? null
      : section(
          'Presenze da Meet',
          'course-meet',
          el('p', {
            class: 'meta',
            text: 'Chi si è collegato alle sessioni concluse e per quanto tempo: prima un’anteprima, poi l’importazione in «Presenze».',
          }),
          meetControls('meet-course', () => view.code),
        ),
    enrollControls(view, back),
  );
  if (view.groups.length === 0) append(wrap, el('p', { class: 'muted', text: 'Nessuna iscrizione a questo corso.' }));
  for (const g of view.groups) {
    const list = el('ul', { class: 'cards' });
    for (const e of g.enrollments) append(list, enrollmentItem(view, back, e));
    append(
      wrap,
      section(
        `${STATUS_TITLES[g.status] ?? g.status} (${g.enrollments.length})`,
        `group-${g.status.replace(/\s+/g, '-').toLowerCase()}`,
        list,
      ),
    );
  }
  append(content, wrap);
  backButton.focus();
}
