/**
 * The spreadsheet page in the browser (bundled by assets.ts): typing into a cell (Enter saves, Esc
 * cancels; the edit trigger runs on the server), ticking a checkbox, picking from a dropdown, the name
 * box and formula bar, the add-on's menus (each item runs its function on the server and shows what it
 * showed: toasts, alerts, dialogs, the sidebar), the charts drawn with Chart.js, and the grid refreshed
 * after the sidebar ran a server function (showing the cell `selectCell` activated).
 */
interface ChartView {
  kind: 'bar' | 'column';
  title: string;
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  colors: string[];
}

interface ChartConstructor {
  new (canvas: HTMLCanvasElement, config: unknown): { destroy(): void };
}

interface UiShown {
  toasts: Array<{ message: string; title: string }>;
  alerts: Array<{ title: string; prompt: string; buttons: string; unanswered: boolean }>;
  dialogs: Array<{ title: string; html: string }>;
  sidebars: Array<{ title: string; html: string }>;
}

const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

const area = document.getElementById('grid-area') as HTMLElement;
const nameBox = document.getElementById('namebox') as HTMLInputElement | null;
const fx = document.getElementById('fx') as HTMLInputElement | null;
const spreadsheet = area.getAttribute('data-ss') ?? '';
const editable = area.getAttribute('data-editable') === 'true';

function current(): { tab: string; page: string } {
  const wrap = document.getElementById('grid-wrap');
  return { tab: wrap?.getAttribute('data-tab') ?? '', page: wrap?.getAttribute('data-page') ?? '1' };
}

function drawCharts(): void {
  const Chart = (window as unknown as { Chart?: ChartConstructor }).Chart;
  if (!Chart) return;
  for (const figure of Array.from(area.querySelectorAll<HTMLElement>('figure.chart'))) {
    const canvas = figure.querySelector('canvas');
    const data = figure.querySelector('script.chart-data')?.textContent;
    if (!canvas || !data) continue;
    const view = JSON.parse(data) as ChartView;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: view.labels,
        datasets: view.series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: view.colors[i] ?? PALETTE[i % PALETTE.length],
        })),
      },
      options: {
        indexAxis: view.kind === 'bar' ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        plugins: { title: { display: view.title !== '', text: view.title }, legend: { position: 'bottom' } },
      },
    });
    figure.setAttribute('data-drawn', 'true');
  }
}

// A refresh replaces the grid, so while a cell is being edited it waits for the edit to end: a call the
// sidebar makes meanwhile (it loads the dashboard on open) must not throw away what staff typed, neither
// when it starts during the edit nor when its answer arrives after the edit began.
let editing: HTMLElement | null = null;
let deferred: { follow: boolean } | null = null;

function defer(follow: boolean): void {
  deferred = { follow: follow || Boolean(deferred?.follow) };
}

function refresh(follow: boolean): Promise<void> {
  if (editing) {
    defer(follow);
    return Promise.resolve();
  }
  const c = current();
  const q = new URLSearchParams({ tab: c.tab, page: c.page });
  if (spreadsheet && !editable) q.set('ss', spreadsheet);
  if (follow) q.set('follow', '1');
  return fetch(`/workbook?${q.toString()}`)
    .then((r) => r.text())
    .then((fragment) => {
      if (editing) {
        defer(follow);
        return;
      }
      // A refresh comes after any add-on call, the sidebar's own loading included: like Sheets, it must not
      // throw the reader back to A1 of the tab they were scrolling.
      const before = area.querySelector<HTMLElement>('#grid-wrap');
      const scroll = before ? { left: before.scrollLeft, top: before.scrollTop } : null;
      area.innerHTML = fragment;
      const after = area.querySelector<HTMLElement>('#grid-wrap');
      if (scroll && after) after.scrollTo(scroll.left, scroll.top);
      drawCharts();
      const active = area.querySelector<HTMLElement>('td.active');
      if (active && follow) {
        active.scrollIntoView({ block: 'center' });
        active.focus();
      }
    });
}

function post<T>(url: string, body: unknown): Promise<T> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) =>
    r.text().then((t) => {
      if (!r.ok) throw new Error(t);
      return JSON.parse(t) as T;
    }),
  );
}

function endEdit(): { follow: boolean } | null {
  editing = null;
  const pending = deferred;
  deferred = null;
  return pending;
}

function save(td: HTMLElement, value: string | boolean): Promise<void> {
  const pending = endEdit();
  const follow = Boolean(pending?.follow);
  return post<{ ok: boolean; errors: string[] }>('/api/edit', {
    tab: current().tab,
    row: Number(td.getAttribute('data-row')),
    column: td.getAttribute('data-col'),
    value,
  })
    .then((out) => {
      if (!out.ok) alert(`Il trigger di modifica non è riuscito: ${out.errors.join('; ')}`);
      return refresh(follow);
    })
    .catch((e: unknown) => {
      alert(e instanceof Error ? e.message : String(e));
      return refresh(follow);
    });
}

function cancelled(): void {
  const pending = endEdit();
  if (pending) void refresh(pending.follow);
}

function startEdit(td: HTMLElement): void {
  if (td.querySelector('input, select')) return;
  const old = td.textContent ?? '';
  const list = td.getAttribute('data-list');
  const input = document.createElement(list ? 'select' : 'input');
  if (input instanceof HTMLSelectElement && list) {
    for (const option of ['', ...(JSON.parse(list) as string[])]) {
      const o = document.createElement('option');
      o.textContent = option;
      o.value = option;
      if (option === old) o.selected = true;
      input.appendChild(o);
    }
  } else if (input instanceof HTMLInputElement) {
    input.type = 'text';
    input.value = td.getAttribute('data-formula') ?? old;
  }
  input.setAttribute('aria-label', td.getAttribute('aria-label') ?? 'Valore');
  td.textContent = '';
  td.appendChild(input);
  editing = input;
  input.focus();
  if (input instanceof HTMLInputElement) input.select();
  let done = false;
  const finish = (keep: boolean): void => {
    if (done) return;
    done = true;
    if (!keep || input.value === old) {
      td.textContent = old;
      cancelled();
      return;
    }
    void save(td, input.value);
  };
  input.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (key === 'Escape') {
      finish(false);
      td.focus();
    }
  });
  if (input instanceof HTMLSelectElement) input.addEventListener('change', () => finish(true));
  input.addEventListener('blur', () => finish(true));
}

function select(td: HTMLElement): void {
  if (nameBox) nameBox.value = td.getAttribute('data-a1') ?? '';
  if (fx) fx.value = td.getAttribute('data-formula') ?? td.textContent ?? '';
}

area.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const td = target.closest<HTMLElement>('td[data-row]');
  if (!td) return;
  select(td);
  if (!editable || !td.classList.contains('editable') || target instanceof HTMLInputElement || target.closest('a'))
    return;
  startEdit(td);
});
area.addEventListener('focusin', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLElement>('td[data-row]');
  if (td) select(td);
});
area.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || target.tagName !== 'TD' || !target.classList.contains('editable')) return;
  e.preventDefault();
  startEdit(target);
});
area.addEventListener('change', (e) => {
  const target = e.target as HTMLInputElement;
  if (target.type !== 'checkbox') return;
  const td = target.closest<HTMLElement>('td');
  if (td) void save(td, target.checked);
});

// ---- Menus --------------------------------------------------------------------------------------

const toastBox = document.createElement('div');
toastBox.className = 'toast';
toastBox.setAttribute('role', 'status');
toastBox.hidden = true;
document.body.appendChild(toastBox);

function toast(title: string, message: string): void {
  toastBox.innerHTML = '';
  if (title) {
    const strong = document.createElement('strong');
    strong.textContent = title;
    toastBox.appendChild(strong);
  }
  toastBox.appendChild(document.createTextNode(message));
  toastBox.hidden = false;
}

/**
 * An alert (its text and OK) or an add-on's dialog: its page runs with the bridge, closes through
 * `google.script.host.close()` or the × of the title bar, as Google's dialogs do.
 */
function dialog(title: string, text: string | null, htmlBody: string | null): void {
  const d = document.createElement('dialog');
  const closeDialog = (): void => {
    d.close();
    d.remove();
  };
  const h = document.createElement('h3');
  h.textContent = title;
  d.appendChild(h);
  if (text !== null) {
    const p = document.createElement('p');
    p.style.whiteSpace = 'pre-wrap';
    p.textContent = text;
    d.appendChild(p);
    const ok = document.createElement('button');
    ok.textContent = 'OK';
    ok.addEventListener('click', closeDialog);
    d.appendChild(ok);
  }
  if (htmlBody !== null) {
    const x = document.createElement('button');
    x.className = 'dialog-close';
    x.setAttribute('aria-label', 'Chiudi');
    x.textContent = '×';
    x.addEventListener('click', closeDialog);
    h.appendChild(x);
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups');
    frame.title = title;
    frame.srcdoc = htmlBody;
    d.appendChild(frame);
    const onMessage = (e: MessageEvent): void => {
      const data = e.data as { type?: string } | null;
      if (e.origin !== window.location.origin || e.source !== frame.contentWindow || data?.type !== 'a4pa-close')
        return;
      window.removeEventListener('message', onMessage);
      closeDialog();
    };
    window.addEventListener('message', onMessage);
  }
  document.body.appendChild(d);
  d.showModal();
}

const menubar = document.getElementById('menubar');
function closeMenus(): void {
  menubar?.querySelectorAll('.menu.open').forEach((m) => m.classList.remove('open'));
}
document.addEventListener('click', (e) => {
  if (!menubar?.contains(e.target as Node)) closeMenus();
});
menubar?.addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
  if (!button || button.disabled) return;
  const menu = button.parentElement;
  if (menu?.classList.contains('menu')) {
    const open = menu.classList.contains('open');
    closeMenus();
    if (!open) menu.classList.add('open');
    return;
  }
  const fn = button.getAttribute('data-fn');
  if (!fn) return;
  closeMenus();
  runMenuItem(fn, button.textContent ?? fn, []);
});

/** The buttons of each `Ui.ButtonSet`, as Google labels them in an Italian editor. */
const BUTTON_LABELS: Record<string, Array<[string, string]>> = {
  OK_CANCEL: [
    ['OK', 'OK'],
    ['CANCEL', 'Annulla'],
  ],
  YES_NO: [
    ['YES', 'Sì'],
    ['NO', 'No'],
  ],
  YES_NO_CANCEL: [
    ['YES', 'Sì'],
    ['NO', 'No'],
    ['CANCEL', 'Annulla'],
  ],
};

/** A question the item asked: the button clicked runs the item again with every answer so far. */
function ask(title: string, text: string, buttons: string, onAnswer: (button: string) => void): void {
  const d = document.createElement('dialog');
  const h = document.createElement('h3');
  h.textContent = title;
  const p = document.createElement('p');
  p.style.whiteSpace = 'pre-wrap';
  p.textContent = text;
  d.append(h, p);
  for (const [button, label] of BUTTON_LABELS[buttons] ?? []) {
    const b = document.createElement('button');
    b.textContent = label;
    b.addEventListener('click', () => {
      d.close();
      d.remove();
      onAnswer(button);
    });
    d.appendChild(b);
  }
  d.addEventListener('cancel', () => d.remove());
  document.body.appendChild(d);
  d.showModal();
}

function runMenuItem(fn: string, label: string, answers: string[]): void {
  toast('', `${label}: in esecuzione…`);
  menubar?.setAttribute('aria-busy', 'true');
  post<{ ok: boolean; error: string | null; shown: UiShown }>('/api/menu', { fn, answers })
    .then((out) => {
      menubar?.removeAttribute('aria-busy');
      const question = out.shown.alerts.find((a) => a.unanswered);
      const last = out.shown.toasts[out.shown.toasts.length - 1];
      if (!out.ok) toast('Errore', `${label}: ${out.error ?? ''}`);
      else if (last) toast(last.title, last.message);
      else if (!question) toast('', `${label}: completato.`);
      for (const a of out.shown.alerts) {
        if (a === question) {
          ask(a.title || label, a.prompt, a.buttons, (button) => runMenuItem(fn, label, [...answers, button]));
          break;
        }
        dialog(a.title || label, a.prompt, null);
      }
      for (const d of out.shown.dialogs) dialog(d.title, null, d.html);
      if (out.shown.sidebars.length > 0) {
        const frame = document.getElementById('sidebar') as HTMLIFrameElement | null;
        frame?.contentWindow?.location.reload();
      }
      return refresh(true);
    })
    .catch((e: unknown) => {
      menubar?.removeAttribute('aria-busy');
      toast('Errore', e instanceof Error ? e.message : String(e));
    });
}

window.addEventListener('message', (e) => {
  const data = e.data as { type?: string; fn?: string } | null;
  if (e.origin !== window.location.origin || !data || data.type !== 'a4pa-ran') return;
  void refresh(data.fn === 'selectCell');
});

document.getElementById('reset')?.addEventListener('click', () => {
  if (!confirm('Ricominciare dalla demo? Tutto ciò che hai fatto nel playground andrà perso.')) return;
  void post('/api/reset', {}).then(() => {
    window.location.href = '/';
  });
});

drawCharts();

export {};
