/**
 * The Academy4PA sidebar: the dashboard in one server round trip, the course view, and the
 * continuation of long jobs while it is open. Each view is its own module; this one starts them.
 */
import type { Dashboard } from '../src/gas/dashboard/types';
import { openCourse } from './course-view';
import { renderDashboard, type DashboardHandlers } from './dashboard-view';
import { append, clear, el } from './dom';
import { scheduleJobs } from './jobs';
import { messageOf } from '../src/core/registry/errors';
import { run } from './server';
import { content, errorBox, serverButton, setStatus, showError, statusLine } from './ui';

const app = document.getElementById('app') as HTMLElement;

const handlers: DashboardHandlers = {
  openCourse: (code) => void openCourse(code, backToDashboard),
  refresh: refreshQuietly,
};

function show(d: Dashboard): void {
  renderDashboard(content, d, handlers);
  scheduleJobs(d.jobs, refreshQuietly);
}

async function loadDashboard(): Promise<void> {
  showError('');
  setStatus('Caricamento del pannello…');
  try {
    show(await run('getDashboard'));
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

/**
 * Reloads the dashboard without clearing the status line the last action wrote. The content is
 * `aria-busy` meanwhile: it is about to be replaced (a screen reader waits, and so can a test).
 */
async function refreshQuietly(): Promise<void> {
  content.setAttribute('aria-busy', 'true');
  const message = statusLine.textContent ?? '';
  try {
    const d = await run('getDashboard');
    if (!document.getElementById('course-view')) {
      renderDashboard(content, d, handlers);
      setStatus(message);
    }
    scheduleJobs(d.jobs, refreshQuietly);
  } catch (error) {
    showError(messageOf(error));
  } finally {
    content.setAttribute('aria-busy', 'false');
  }
}

async function backToDashboard(): Promise<void> {
  clear(content);
  await loadDashboard();
}

/**
 * "Da correggere" must be current whenever the sidebar is looked at: coming back to it (focus, or the
 * panel shown again) reloads the dashboard quietly, once at a time and never over the course view.
 */
let reloading = false;
function refreshOnReturn(): void {
  if (reloading || document.visibilityState === 'hidden' || document.getElementById('course-view')) return;
  const preview = document.getElementById('preview');
  if (content.querySelector('[data-confirming="true"]') || (preview && !preview.hidden)) return;
  reloading = true;
  void refreshQuietly().finally(() => {
    reloading = false;
  });
}

function start(): void {
  window.addEventListener('focus', refreshOnReturn);
  document.addEventListener('visibilitychange', refreshOnReturn);
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
