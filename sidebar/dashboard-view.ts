/**
 * The dashboard: the rows to fix first when there are any, the next sensible step, the workflows by
 * stage of the year (each mailing workflow previewed before it runs), the counts, the next sessions,
 * the searchable course list and the settings.
 */
import type { Dashboard } from '../src/gas/dashboard/types';
import { COURSE_FILTERS, COURSES_SHOWN, filterCourses, type CourseFilter } from './course-list';
import { append, clear, el, italianDate } from './dom';
import { jobsSection } from './jobs';
import { meetControls } from './meet-panel';
import { run } from './server';
import { STAGES, nextStep, todayOf, type WorkflowId } from './stages';
import { comuneLinksSection, externalSection } from './tools-view';
import { confirmingButton, section, serverButton, setStatus, showError, withFeedback } from './ui';
import { workflow, type PreviewView, type Workflow } from './workflows';

export interface DashboardHandlers {
  openCourse(code: string): void;
  /** Reloads the dashboard after a workflow, keeping the status line. */
  refresh(): Promise<void>;
}

/** What the staff chose, kept across reloads of the dashboard. */
const choice = { course: '', query: '', filter: 'tutti' as CourseFilter };

function problemsSection(d: Dashboard): HTMLElement | null {
  if (d.problems.length === 0) return null;
  const list = el('ul', { class: 'problems' });
  for (const p of d.problems.slice(0, 50)) {
    const where = p.row > 0 ? `${p.tab}, riga ${p.row}${p.column ? `, ${p.column}` : ''}` : p.tab;
    const item = el(
      'li',
      {},
      el('span', { class: 'where', text: where }),
      el('span', { class: 'message', text: p.message }),
    );
    if (p.row > 0) {
      append(
        item,
        serverButton(
          'Mostra la cella',
          'plain',
          () => void withFeedback('Mostra cella', () => run('selectCell', p.tab, p.row, p.column)),
          {
            'aria-label': `Mostra la cella: ${where}`,
          },
        ),
      );
    }
    append(list, item);
  }
  const more = d.problems.length > 50 ? el('p', { class: 'muted', text: `…e altre ${d.problems.length - 50}.` }) : null;
  const why = el('p', {
    class: 'meta',
    text: 'Queste righe non sono conteggiate (report, posti, modulo) finché non sono corrette.',
  });
  return section(`Da correggere (${d.problems.length})`, 'problems', why, list, more);
}

function previewPanel(): HTMLElement {
  return el('div', { id: 'preview', class: 'preview', role: 'region', 'aria-label': 'Anteprima', hidden: true });
}

function showPreview(w: Workflow, course: string, view: PreviewView, handlers: DashboardHandlers): void {
  const panel = document.getElementById('preview');
  if (!panel) return;
  clear(panel);
  panel.hidden = false;
  append(
    panel,
    el('h3', { text: `Anteprima: ${w.label}${course ? ` (${course})` : ''}` }),
    el('p', { text: view.message }),
  );
  for (const list of view.lists) {
    if (list.items.length === 0) continue;
    append(
      panel,
      el('h4', { text: list.title }),
      el('ul', { class: 'preview-list' }, ...list.items.map((t) => el('li', { text: t }))),
    );
  }
  const close = el('button', {
    type: 'button',
    class: 'plain',
    text: 'Chiudi anteprima',
    onclick: () => hidePreview(),
  });
  const buttons = el('div', { class: 'buttons' });
  if (view.confirm)
    append(
      buttons,
      serverButton(view.confirm, w.style, () => {
        hidePreview();
        void runNow(w, course, handlers);
      }),
    );
  append(buttons, close);
  append(panel, buttons);
  panel.scrollIntoView?.({ block: 'nearest' });
}

function hidePreview(): void {
  const panel = document.getElementById('preview');
  if (!panel) return;
  clear(panel);
  panel.hidden = true;
}

async function runNow(w: Workflow, course: string, handlers: DashboardHandlers): Promise<void> {
  const done = await withFeedback(w.label, () => w.run(course));
  if (done !== null) await handlers.refresh();
}

async function startWorkflow(w: Workflow, handlers: DashboardHandlers): Promise<void> {
  const course = choice.course;
  if (w.course === 'required' && course === '') {
    showError(`Scelga un corso nell'elenco «Corso» prima di «${w.label}».`);
    document.getElementById('course-select')?.focus();
    return;
  }
  const scoped = w.course ? course : '';
  if (!w.preview) {
    await runNow(w, scoped, handlers);
    return;
  }
  const panel = document.getElementById('preview');
  if (panel) {
    clear(panel);
    panel.hidden = false;
    append(panel, el('p', { class: 'muted', text: `Anteprima di «${w.label}» in caricamento…` }));
  }
  const preview = w.preview;
  const view = await withFeedback(w.label, () => preview(scoped), { quiet: true });
  if (view) showPreview(w, scoped, view, handlers);
  else hidePreview();
}

function workflowButton(id: WorkflowId, handlers: DashboardHandlers, next: boolean): HTMLButtonElement {
  const w = workflow(id);
  const button = serverButton(w.label, w.style, () => void startWorkflow(w, handlers), { 'data-fn': id });
  if (next) button.classList.add('next');
  return button;
}

function nextStepSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  const step = nextStep(d, todayOf(d));
  const children: Array<Node | null> = [el('p', { text: step.text })];
  if (step.course && !step.workflow)
    children.push(
      el('button', {
        type: 'button',
        class: 'link',
        text: `Apri ${step.course}`,
        onclick: () => handlers.openCourse(step.course),
      }),
    );
  return el(
    'div',
    { id: 'next-step', class: 'next-step', role: 'note' },
    el('strong', { text: 'Prossimo passo' }),
    ...children,
  );
}

function actionsSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  const step = nextStep(d, todayOf(d));
  if (step.course && step.workflow) choice.course = step.course;
  const select = el('select', {
    id: 'course-select',
    onchange: (e: Event) => (choice.course = (e.target as HTMLSelectElement).value),
  });
  append(select, el('option', { value: '', text: 'Tutti i corsi' }));
  for (const c of [...d.courses].sort((a, b) => a.code.localeCompare(b.code)))
    append(select, el('option', { value: c.code, text: `${c.code} — ${c.title}` }));
  select.value = d.courses.some((c) => c.code === choice.course) ? choice.course : '';
  choice.course = select.value;
  const stages = STAGES.map((s) =>
    el(
      'div',
      { class: 'stage', 'data-stage': s.id },
      el('h3', { text: s.title }),
      el('div', { class: 'buttons' }, ...s.workflows.map((id) => workflowButton(id, handlers, id === step.workflow))),
      // Meet's reading follows the course chosen above, or every session ended in the last 30 days.
      s.id === 'svolgimento' ? meetControls('meet-dashboard', () => choice.course) : null,
    ),
  );
  const form = d.formUrl
    ? el(
        'p',
        { class: 'meta' },
        'Modulo iscrizioni: ',
        el('a', { href: d.formUrl, target: '_blank', rel: 'noopener', text: 'il modulo pubblicato' }),
      )
    : el('p', { class: 'meta', text: 'Il modulo iscrizioni non è ancora pubblicato.' });
  return section(
    'Azioni',
    'actions',
    nextStepSection(d, handlers),
    el('label', { for: 'course-select', text: 'Corso (per presenze, attestati, calendario)' }),
    select,
    ...stages,
    previewPanel(),
    form,
    reissueControls(d),
  );
}

/** A corrected certificate (`Versione` + 1) by its number, e.g. after a name was fixed in Dipendenti. */
function reissueControls(d: Dashboard): HTMLElement {
  const year = d.settings?.year ?? Number(todayOf(d).slice(0, 4));
  const input = el('input', {
    id: 'reissue-number',
    type: 'text',
    autocomplete: 'off',
    placeholder: `A4PA-${year}-00001`,
  });
  const send = (): void => {
    const number = input.value.trim();
    if (number === '') {
      showError("Indichi il numero dell'attestato da riemettere (colonna «Numero» di Attestati).");
      input.focus();
      return;
    }
    void withFeedback(`Riemissione di ${number}`, () => run('reissueCertificate', number)).then((done) => {
      if (done !== null) input.value = '';
    });
  };
  return el(
    'div',
    { class: 'inline-form' },
    el('label', { for: 'reissue-number', text: 'Riemetti un attestato (numero)' }),
    input,
    serverButton(`Riemetti e invia`, 'plain', send),
  );
}

/** Parked mails go back in line on a confirming second click: they mail people who waited for them. */
function retryParkedButton(d: Dashboard, handlers: DashboardHandlers): HTMLElement | null {
  if (d.parkedMails === 0) return null;
  return confirmingButton(
    'Nuovo invio delle email sospese',
    `Conferma: rimettere in coda ${d.parkedMails} email sospese`,
    'plain',
    () =>
      void withFeedback('Email sospese', () => run('retryParkedMail'), { bare: true }).then((done) => {
        if (done !== null) return handlers.refresh();
      }),
    { id: 'retry-parked' },
  );
}

function countsSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  const c = d.counts;
  const rows: Array<[string, string]> = [
    ['Corsi con iscrizioni aperte', String(c.coursesByStatus['Iscrizioni aperte'] ?? 0)],
    ['Corsi in totale', String(Object.values(c.coursesByStatus).reduce((a, b) => a + b, 0))],
    ['Iscrizioni confermate', String(c.enrollmentsByStatus['Confermata'] ?? 0)],
    ["In lista d'attesa", String(c.enrollmentsByStatus['In attesa'] ?? 0)],
    ['Da verificare', String(c.enrollmentsByStatus['Da verificare'] ?? 0)],
    ['Dipendenti attivi', `${c.activeEmployees} su ${c.employees}`],
    ['Comuni con quota non pagata', `${c.comuniUnpaid} su ${c.comuni}`],
    ['Email in coda', String(d.pendingMails)],
    ['Email sospese (vedi Registro)', String(d.parkedMails)],
  ];
  const list = el('dl', { class: 'counts' });
  for (const [k, v] of rows) append(list, el('div', {}, el('dt', { text: k }), el('dd', { text: v })));
  const leftOut = d.leftOutText ? el('p', { class: 'meta left-out', text: d.leftOutText }) : null;
  return section('Riepilogo', 'counts', list, leftOut, retryParkedButton(d, handlers));
}

function sessionsSection(d: Dashboard): HTMLElement {
  if (d.nextSessions.length === 0)
    return section(
      'Prossime sessioni',
      'sessions',
      el('p', { class: 'muted', text: 'Nessuna sessione in programma.' }),
    );
  const list = el('ul', { class: 'cards' });
  for (const s of d.nextSessions) {
    const where = s.meetLink
      ? el('a', { href: s.meetLink, target: '_blank', rel: 'noopener', text: 'Link Meet' })
      : el('span', { text: s.venue || 'Sede da definire' });
    append(
      list,
      el(
        'li',
        {},
        el('div', { class: 'title', text: `${s.course} — ${s.title}` }),
        el('div', {
          class: 'meta',
          text: `${italianDate(s.date)}, ${s.start}–${s.end} · ${s.confirmed} confermati su ${s.seats}`,
        }),
        el('div', { class: 'meta' }, where),
      ),
    );
  }
  return section('Prossime sessioni', 'sessions', list);
}

function courseItems(d: Dashboard, handlers: DashboardHandlers, list: HTMLElement, note: HTMLElement): void {
  clear(list);
  const found = filterCourses(d.courses, choice.query, choice.filter, todayOf(d));
  for (const c of found.slice(0, COURSES_SHOWN)) {
    const flags = [
      `${c.confirmed} su ${c.seats} posti`,
      c.waiting ? `${c.waiting} in attesa` : '',
      c.toVerify ? `${c.toVerify} da verificare` : '',
      c.firstDate ? `dal ${italianDate(c.firstDate)}` : '',
    ]
      .filter((x) => x !== '')
      .join(' · ');
    append(
      list,
      el(
        'li',
        {},
        el('button', {
          type: 'button',
          class: 'link',
          'data-course': c.code,
          onclick: () => handlers.openCourse(c.code),
          text: `${c.code} — ${c.title}`,
        }),
        el('span', { class: 'meta', text: `${c.status} · ${flags}` }),
      ),
    );
  }
  note.textContent =
    found.length === 0
      ? 'Nessun corso corrisponde alla ricerca.'
      : found.length > COURSES_SHOWN
        ? `${COURSES_SHOWN} di ${found.length} corsi: affini la ricerca per vedere gli altri.`
        : `${found.length} ${found.length === 1 ? 'corso' : 'corsi'}.`;
}

function coursesSection(d: Dashboard, handlers: DashboardHandlers): HTMLElement {
  if (d.courses.length === 0)
    return section('Corsi', 'courses', el('p', { class: 'muted', text: 'Nessun corso nel foglio Corsi.' }));
  const list = el('ul', { class: 'courses' });
  const note = el('p', { class: 'meta', role: 'status', id: 'course-count' });
  const search = el('input', {
    id: 'course-search',
    type: 'search',
    autocomplete: 'off',
    placeholder: 'codice o titolo',
    value: choice.query,
  });
  search.addEventListener('input', () => {
    choice.query = search.value;
    courseItems(d, handlers, list, note);
  });
  const filter = el('select', { id: 'course-filter' });
  for (const f of COURSE_FILTERS) append(filter, el('option', { value: f.id, text: f.label }));
  filter.value = choice.filter;
  filter.addEventListener('change', () => {
    choice.filter = filter.value as CourseFilter;
    courseItems(d, handlers, list, note);
  });
  courseItems(d, handlers, list, note);
  return section(
    'Corsi',
    'courses',
    el('label', { for: 'course-search', text: 'Cerca un corso' }),
    search,
    el('label', { for: 'course-filter', text: 'Mostra' }),
    filter,
    note,
    list,
  );
}

function settingsSection(d: Dashboard): HTMLElement | null {
  const s = d.settings;
  if (!s) return null;
  const yes = (b: boolean): string => (b ? 'sì' : 'no');
  const rows: Array<[string, string]> = [
    ['Anno formativo', String(s.year)],
    ['Ore obiettivo annue', String(s.targetHours)],
    ['Soglia frequenza predefinita', `${s.defaultThreshold}%`],
    ['Richiedi quota pagata', yes(s.requireFeePaid)],
    ['Approvazione referente', yes(s.referentApproval)],
    ['Posti massimi per comune', s.maxSeatsPerComune === null ? 'nessun limite' : String(s.maxSeatsPerComune)],
    ['Promemoria (giorni prima)', String(s.reminderDaysBefore)],
    ['Email staff per notifiche', s.staffNotificationEmail || 'non indicata'],
    ['Calendario', s.calendarConfigured ? 'configurato' : 'da configurare'],
    ['Modello attestato', s.templateConfigured ? 'configurato' : 'da configurare'],
  ];
  const list = el('dl', { class: 'counts' });
  for (const [k, v] of rows) append(list, el('div', {}, el('dt', { text: k }), el('dd', { text: v })));
  return section('Impostazioni', 'settings', list);
}

export function renderDashboard(content: HTMLElement, d: Dashboard, handlers: DashboardHandlers): void {
  clear(content);
  append(
    content,
    el('p', { class: 'meta', text: `Staff: ${d.user || 'utente non identificato'}` }),
    problemsSection(d),
    actionsSection(d, handlers),
    jobsSection(d.jobs),
    externalSection(),
    comuneLinksSection(),
    countsSection(d, handlers),
    sessionsSection(d),
    coursesSection(d, handlers),
    settingsSection(d),
  );
  setStatus(`Aggiornato: ${d.atText}.`);
}
