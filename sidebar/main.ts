/**
 * The Academy4PA sidebar: the dashboard (one server round trip), a button per workflow, the course view
 * with its actions, and the continuation of long jobs while the sidebar is open (a published add-on's
 * time-driven triggers fire at most hourly, so the open sidebar asks for the next slice itself).
 */
import type { JobProgress } from '../src/core/jobs/state';
import type { CourseEnrollment, CourseView, Dashboard } from '../src/gas/dashboard/types';
import { append, clear, el, italianDate, italianDateTime, plural } from './dom';
import { run, runByName, ServerError, type ServerFunction } from './server';

interface Workflow {
  label: string;
  fn: ServerFunction;
  /** `required`: the workflow works on one course; `optional`: one course or all of them. */
  course?: 'required' | 'optional';
  style: 'action' | 'create';
  /** A workflow that erases: the first click only asks for this confirmation. */
  confirm?: string;
}

const WORKFLOWS: readonly Workflow[] = [
  { label: 'Configura', fn: 'setupAcademy', style: 'action' },
  { label: 'Pubblica modulo', fn: 'publishEnrollmentForm', style: 'create' },
  { label: 'Sincronizza calendario', fn: 'syncCalendar', course: 'optional', style: 'action' },
  { label: 'Prepara registro presenze', fn: 'prepareAttendance', course: 'required', style: 'action' },
  { label: 'Emetti attestati', fn: 'issueCertificates', course: 'optional', style: 'create' },
  { label: 'Aggiorna report', fn: 'refreshReports', style: 'action' },
  { label: 'Invia riepilogo ai comuni', fn: 'sendComuniSummaries', style: 'action' },
  { label: 'Pubblica questionario', fn: 'publishFeedbackForm', style: 'create' },
  {
    label: 'Applica conservazione dati',
    fn: 'applyRetention',
    style: 'action',
    confirm: 'Conferma: anonimizza i dati oltre gli «Anni di conservazione»',
  },
];

/** How long the sidebar waits between two job slices it asks for (the slice itself takes its time). */
const JOB_POLL_MS = 1500;
/** A job that makes no progress (e.g. waiting for tomorrow's mail quota) is asked ever less often. */
const JOB_POLL_MAX_MS = 60_000;

const app = document.getElementById('app') as HTMLElement;
const statusLine = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
const errorBox = el('div', { id: 'error', class: 'error', role: 'alert', hidden: true });
const content = el('div', { id: 'content' });

let dashboard: Dashboard | null = null;
let busy = false;
let jobTimer: number | null = null;
let jobDelay = JOB_POLL_MS;
let jobDone = -1;
let selectedCourse = '';

function setStatus(text: string): void {
  statusLine.textContent = text;
}

function showError(text: string): void {
  errorBox.hidden = text === '';
  clear(errorBox);
  if (text !== '') append(errorBox, el('strong', { text: 'Operazione non riuscita. ' }), text);
}

function messageOf(error: unknown): string {
  if (error instanceof ServerError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function resultMessage(value: unknown, fallback: string): string {
  if (
    value &&
    typeof value === 'object' &&
    'message' in value &&
    typeof (value as { message: unknown }).message === 'string'
  ) {
    return (value as { message: string }).message;
  }
  return fallback;
}

function setBusy(on: boolean): void {
  busy = on;
  document.body.classList.toggle('busy', on);
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-server]'))) b.disabled = on;
}

/** Runs one server call with feedback: the button says what runs, the status line how it ended. */
async function withFeedback<T>(label: string, task: () => Promise<T>): Promise<T | null> {
  if (busy) return null;
  setBusy(true);
  showError('');
  setStatus(`${label}: in corso…`);
  try {
    const value = await task();
    setStatus(`${label}: ${resultMessage(value, 'fatto.')}`);
    return value;
  } catch (error) {
    setStatus('');
    showError(messageOf(error));
    return null;
  } finally {
    setBusy(false);
  }
}

function serverButton(
  label: string,
  style: 'action' | 'create' | 'plain',
  onClick: () => void,
  extra: Record<string, string> = {},
): HTMLButtonElement {
  return el('button', {
    type: 'button',
    class: style === 'plain' ? 'plain' : style,
    'data-server': 'true',
    onclick: onClick,
    text: label,
    ...extra,
  });
}

// ---- Dashboard ----------------------------------------------------------------------------------

async function loadDashboard(): Promise<void> {
  showError('');
  setStatus('Caricamento del pannello…');
  try {
    dashboard = await run('getDashboard');
    renderDashboard(dashboard);
    setStatus(`Aggiornato: ${dashboard.atText}.`);
    scheduleJobs(dashboard.jobs);
  } catch (error) {
    clear(content);
    setStatus('');
    showError(messageOf(error));
    append(
      content,
      serverButton('Riprova', 'action', () => void loadDashboard()),
    );
  }
}

function section(title: string, id: string, ...children: Array<Node | string | null>): HTMLElement {
  const headingId = `${id}-title`;
  return el('section', { id, 'aria-labelledby': headingId }, el('h2', { id: headingId, text: title }), ...children);
}

function countsSection(d: Dashboard): HTMLElement {
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
  return section('Riepilogo', 'counts', list);
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
          text: `${italianDate(s.date)}, ${s.start}–${s.end} · ${s.confirmed}/${s.seats} confermati`,
        }),
        el('div', { class: 'meta' }, where),
      ),
    );
  }
  return section('Prossime sessioni', 'sessions', list);
}

function jobsSection(jobs: readonly JobProgress[]): HTMLElement | null {
  if (jobs.length === 0) return null;
  const list = el('ul', { class: 'jobs' });
  for (const j of jobs) {
    const id = `job-${j.kind}`;
    const pct = j.total > 0 ? Math.round((j.done / j.total) * 100) : j.status === 'in corso' ? 0 : 100;
    append(
      list,
      el(
        'li',
        {},
        el('label', {
          for: id,
          text: `${j.label}: ${j.done} di ${j.total} (${j.status})${j.failed ? `, ${j.failed} non riusciti` : ''}`,
        }),
        el('progress', { id, max: 100, value: String(pct), 'aria-valuetext': `${pct}%` }),
      ),
    );
  }
  return section('Lavori', 'jobs', list);
}

function problemsSection(d: Dashboard): HTMLElement {
  if (d.problems.length === 0)
    return section('Da correggere', 'problems', el('p', { class: 'muted', text: 'Nessuna riga da correggere.' }));
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
          () => {
            void withFeedback('Mostra cella', () => run('selectCell', p.tab, p.row, p.column));
          },
          { 'aria-label': `Mostra la cella: ${where}` },
        ),
      );
    }
    append(list, item);
  }
  const more = d.problems.length > 50 ? el('p', { class: 'muted', text: `…e altre ${d.problems.length - 50}.` }) : null;
  return section(`Da correggere (${d.problems.length})`, 'problems', list, more);
}

function coursesSection(d: Dashboard): HTMLElement {
  const visible = d.courses.filter((c) => c.status !== 'Annullato');
  if (visible.length === 0)
    return section('Corsi', 'courses', el('p', { class: 'muted', text: 'Nessun corso nel foglio Corsi.' }));
  const list = el('ul', { class: 'courses' });
  for (const c of visible) {
    const flags = [
      `${c.confirmed}/${c.seats}`,
      c.waiting ? `${c.waiting} in attesa` : '',
      c.toVerify ? `${c.toVerify} da verificare` : '',
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
          onclick: () => void openCourse(c.code),
          text: `${c.code} — ${c.title}`,
        }),
        el('span', { class: 'meta', text: `${c.status} · ${flags}` }),
      ),
    );
  }
  return section('Corsi', 'courses', list);
}

function workflowsSection(d: Dashboard): HTMLElement {
  const select = el('select', {
    id: 'course-select',
    onchange: (e: Event) => (selectedCourse = (e.target as HTMLSelectElement).value),
  });
  append(select, el('option', { value: '', text: 'Tutti i corsi' }));
  for (const c of d.courses) append(select, el('option', { value: c.code, text: `${c.code} — ${c.title}` }));
  select.value = d.courses.some((c) => c.code === selectedCourse) ? selectedCourse : '';
  const buttons = el('div', { class: 'buttons' });
  for (const w of WORKFLOWS) append(buttons, workflowButton(w));
  const form = d.formUrl
    ? el(
        'p',
        { class: 'meta' },
        'Modulo iscrizioni: ',
        el('a', { href: d.formUrl, target: '_blank', rel: 'noopener', text: 'apri il modulo' }),
      )
    : el('p', { class: 'meta', text: 'Il modulo iscrizioni non è ancora pubblicato.' });
  return section(
    'Azioni',
    'actions',
    el('label', { for: 'course-select', text: 'Corso (per presenze, attestati, calendario)' }),
    select,
    buttons,
    form,
    reissueControls(),
  );
}

interface InlineForm {
  id: string;
  type: 'text' | 'email';
  label: string;
  placeholder: string;
  button: string;
  style: 'action' | 'plain';
  /** What to say when the field is left empty. */
  missing: string;
  submit(value: string, input: HTMLInputElement): void;
}

/** One labelled field and its button: the value (trimmed) goes to `submit`, an empty one is refused. */
function inlineForm(f: InlineForm): HTMLElement {
  const input = el('input', { id: f.id, type: f.type, autocomplete: 'off', placeholder: f.placeholder });
  const send = (): void => {
    const value = input.value.trim();
    if (value === '') {
      showError(f.missing);
      input.focus();
      return;
    }
    f.submit(value, input);
  };
  return el(
    'div',
    { class: 'inline-form' },
    el('label', { for: f.id, text: f.label }),
    input,
    serverButton(f.button, f.style, send),
  );
}

/** A corrected certificate (`Versione` + 1) by its number, e.g. after a name was fixed in Dipendenti. */
function reissueControls(): HTMLElement {
  return inlineForm({
    id: 'reissue-number',
    type: 'text',
    label: 'Riemetti un attestato (numero)',
    placeholder: 'A4PA-2027-00001',
    button: 'Riemetti',
    style: 'plain',
    missing: "Indica il numero dell'attestato da riemettere (colonna «Numero» di Attestati).",
    submit: (number, input) =>
      void withFeedback(`Riemetti ${number}`, () => run('reissueCertificate', number)).then((done) => {
        if (done !== null) input.value = '';
      }),
  });
}

function workflowButton(w: Workflow): HTMLButtonElement {
  let armed = false;
  const button = serverButton(
    w.label,
    w.style,
    () => {
      if (w.confirm && !armed) {
        armed = true;
        button.textContent = w.confirm;
        button.classList.add('danger');
        return;
      }
      void runWorkflow(w);
    },
    { 'data-fn': w.fn },
  );
  return button;
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

function renderDashboard(d: Dashboard): void {
  clear(content);
  append(
    content,
    el('p', { class: 'meta', text: `Staff: ${d.user || 'utente non identificato'}` }),
    workflowsSection(d),
    jobsSection(d.jobs),
    problemsSection(d),
    countsSection(d),
    sessionsSection(d),
    coursesSection(d),
    settingsSection(d),
  );
}

async function runWorkflow(w: Workflow): Promise<void> {
  const course = selectedCourse;
  if (w.course === 'required' && course === '') {
    showError(`Scegli un corso nell'elenco «Corso» prima di «${w.label}».`);
    document.getElementById('course-select')?.focus();
    return;
  }
  const args = w.course && course !== '' ? [course] : [];
  const done = await withFeedback(w.label, () => runByName(w.fn, args));
  if (done !== null) await refreshQuietly();
}

/**
 * Reloads the dashboard without clearing the status line the last action wrote. The content is
 * `aria-busy` meanwhile: it is about to be replaced (a screen reader waits, and so can a test).
 */
async function refreshQuietly(): Promise<void> {
  content.setAttribute('aria-busy', 'true');
  try {
    dashboard = await run('getDashboard');
    if (!document.getElementById('course-view')) renderDashboard(dashboard);
    scheduleJobs(dashboard.jobs);
  } catch (error) {
    showError(messageOf(error));
  } finally {
    content.setAttribute('aria-busy', 'false');
  }
}

// ---- Long jobs ----------------------------------------------------------------------------------

function scheduleJobs(jobs: readonly JobProgress[]): void {
  if (jobTimer !== null) window.clearTimeout(jobTimer);
  jobTimer = null;
  const running = jobs.filter((j) => j.status === 'in corso');
  if (running.length === 0) {
    jobDelay = JOB_POLL_MS;
    jobDone = -1;
    return;
  }
  const done = running.reduce((n, j) => n + j.done + j.failed, 0);
  jobDelay = done === jobDone ? Math.min(jobDelay * 2, JOB_POLL_MAX_MS) : JOB_POLL_MS;
  jobDone = done;
  jobTimer = window.setTimeout(() => void nextSlice(), jobDelay);
}

async function nextSlice(): Promise<void> {
  jobTimer = null;
  if (busy) {
    scheduleJobs(dashboard?.jobs ?? []);
    return;
  }
  try {
    const progress = await run('runJobs');
    const old = document.getElementById('jobs');
    const fresh = jobsSection(progress);
    if (old && fresh) old.replaceWith(fresh);
    if (progress.some((j) => j.status === 'in corso')) scheduleJobs(progress);
    else await refreshQuietly();
  } catch (error) {
    showError(messageOf(error));
  }
}

// ---- Course view --------------------------------------------------------------------------------

const STATUS_TITLES: Record<string, string> = {
  'Da verificare': 'Da verificare (email non in Dipendenti)',
  'In approvazione': 'In approvazione del referente',
  'In attesa': "In lista d'attesa",
  Confermata: 'Confermate',
  Respinta: 'Respinte',
  Annullata: 'Annullate',
};

async function openCourse(code: string): Promise<void> {
  const view = await withFeedback(`Corso ${code}`, () => run('getCourseView', code));
  if (view) {
    renderCourse(view);
    setStatus(
      `Corso ${view.code}: ${plural(
        view.groups.reduce((n, g) => n + g.enrollments.length, 0),
        'iscrizione',
        'iscrizioni',
      )}.`,
    );
  }
}

async function courseAction(code: string, label: string, task: () => Promise<unknown>): Promise<void> {
  const done = await withFeedback(label, task);
  if (done === null) return;
  const message = statusLine.textContent ?? '';
  try {
    renderCourse(await run('getCourseView', code));
    setStatus(message);
  } catch (error) {
    showError(messageOf(error));
  }
}

function confirmControls(code: string, e: CourseEnrollment): HTMLElement {
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
  if (e.candidates[0]) input.value = e.candidates[0].id;
  const hint =
    e.candidates.length > 0
      ? el('p', { class: 'meta', text: `Possibili corrispondenze: ${e.candidates.map((c) => c.label).join('; ')}` })
      : el('p', { class: 'meta', text: 'Nessun dipendente simile: indica ID o email di Dipendenti.' });
  return el(
    'div',
    { class: 'link-employee' },
    el('label', { for: id, text: 'Collega al dipendente' }),
    input,
    options,
    hint,
    serverButton('Conferma', 'action', () => {
      const who = input.value.trim();
      if (who === '') {
        showError("Indica l'ID o l'email del dipendente da collegare.");
        input.focus();
        return;
      }
      void courseAction(code, `Conferma ${e.id}`, () => run('confirmPendingEnrollment', e.id, who));
    }),
  );
}

function cancelButton(code: string, e: CourseEnrollment): HTMLButtonElement {
  let armed = false;
  const button = serverButton('Annulla iscrizione', 'plain', () => {
    if (!armed) {
      armed = true;
      button.textContent = `Conferma annullamento di ${e.id}`;
      button.classList.add('danger');
      return;
    }
    void courseAction(code, `Annulla ${e.id}`, () => run('cancelEnrollment', e.id, 'dal pannello'));
  });
  return button;
}

function enrollmentItem(code: string, e: CourseEnrollment): HTMLElement {
  const who = e.name ? `${e.name} · ${e.email}` : e.email;
  const details = [e.id, e.comune, italianDateTime(e.requestedAt), e.waitPosition ? `posizione ${e.waitPosition}` : '']
    .filter((x) => x !== '')
    .join(' · ');
  const item = el(
    'li',
    { 'data-enrollment': e.id },
    el('div', { class: 'title', text: who }),
    el('div', { class: 'meta', text: details }),
  );
  if (e.notes) append(item, el('div', { class: 'note', text: e.notes }));
  const actions = el('div', { class: 'buttons' });
  if (e.actions.includes('confirm')) append(item, confirmControls(code, e));
  if (e.actions.includes('promote')) {
    append(
      actions,
      serverButton(
        'Promuovi',
        'action',
        () => void courseAction(code, `Promuovi ${e.id}`, () => run('promoteFromWaitlist', e.id)),
      ),
    );
  }
  if (e.actions.includes('cancel')) append(actions, cancelButton(code, e));
  if (actions.childNodes.length > 0) append(item, actions);
  return item;
}

/** Staff enrol someone by e-mail with the form's rules (seats, waitlist, eligibility). */
function enrollControls(code: string): HTMLElement {
  return inlineForm({
    id: 'enroll-email',
    type: 'email',
    label: 'Iscrivi un dipendente (email)',
    placeholder: 'nome.cognome@comune.esempio.it',
    button: 'Iscrivi',
    style: 'action',
    missing: "Indica l'email del dipendente da iscrivere.",
    submit: (value) => {
      const email = value.toLowerCase();
      void courseAction(code, `Iscrizione di ${email}`, () => run('enrollManually', email, code));
    },
  });
}

function renderCourse(view: CourseView): void {
  clear(content);
  const back = el('button', {
    type: 'button',
    class: 'plain',
    onclick: () => void backToDashboard(),
    text: '← Torna al pannello',
  });
  const sessions = el('ul', { class: 'meta-list' });
  for (const s of view.sessions) {
    append(
      sessions,
      el('li', {
        text: `${s.id}: ${italianDate(s.date)} ${s.start}–${s.end}${s.status === 'Annullata' ? ' (annullata)' : ''}${s.meetLink ? ' · Meet' : ''}`,
      }),
    );
  }
  const wrap = el(
    'div',
    { id: 'course-view' },
    back,
    el('h2', { text: `${view.code} — ${view.title}` }),
    el('p', { class: 'meta', text: `${view.status} · ${view.mode} · ${view.hours} ore · ${view.seats} posti` }),
    section(
      'Sessioni',
      'course-sessions',
      view.sessions.length > 0 ? sessions : el('p', { class: 'muted', text: 'Nessuna sessione.' }),
    ),
    enrollControls(view.code),
  );
  if (view.groups.length === 0) append(wrap, el('p', { class: 'muted', text: 'Nessuna iscrizione a questo corso.' }));
  for (const g of view.groups) {
    const list = el('ul', { class: 'cards' });
    for (const e of g.enrollments) append(list, enrollmentItem(view.code, e));
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
  back.focus();
}

async function backToDashboard(): Promise<void> {
  clear(content);
  await loadDashboard();
}

// ---- Start --------------------------------------------------------------------------------------

function start(): void {
  clear(app);
  const refresh = el('button', {
    type: 'button',
    class: 'plain',
    'data-server': 'true',
    onclick: () => void backToDashboard(),
    text: 'Aggiorna',
  });
  append(app, el('header', { class: 'top' }, el('h1', { text: 'Academy4PA' }), refresh), statusLine, errorBox, content);
  app.setAttribute('data-ready', 'true');
  void loadDashboard();
}

start();
