/**
 * @jest-environment jsdom
 */
/** The dashboard as staff use it: rows to fix, a mailing workflow previewed before it runs, the course list. */
import type { CourseSummary, Dashboard } from '../src/gas/dashboard/types';
import { renderDashboard, type DashboardHandlers } from './dashboard-view';
import { courseSummary, dashboardOf } from './fixtures';
import { installFakeServer, settle, type FakeServer } from './fake-script-run';
import { errorBox, statusLine } from './ui';

function course(code: string, over: Partial<CourseSummary> = {}): CourseSummary {
  return courseSummary(code, { seats: 20, confirmed: 5, firstDate: '2027-03-02', lastDate: '2027-03-30', ...over });
}

/** Two open courses, a comune that has not paid. */
function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return dashboardOf({
    counts: {
      coursesByStatus: { 'Iscrizioni aperte': 2 },
      enrollmentsByStatus: { Confermata: 10, 'In attesa': 1 },
      employees: 12,
      activeEmployees: 11,
      comuni: 3,
      comuniUnpaid: 1,
    },
    unpaidComuni: ['Crema'],
    courses: [course('EXC-BASE', { title: 'Excel di base' }), course('PEC-2027', { title: 'PEC e firma digitale' })],
    ...over,
  });
}

let server: FakeServer;
let content: HTMLElement;
let handlers: DashboardHandlers & { opened: string[]; refreshed: number };

beforeEach(() => {
  server = installFakeServer();
  document.body.innerHTML = '';
  document.body.append(statusLine, errorBox);
  content = document.createElement('div');
  document.body.append(content);
  const opened: string[] = [];
  handlers = {
    opened,
    refreshed: 0,
    openCourse: (code) => opened.push(code),
    refresh: async () => {
      handlers.refreshed += 1;
    },
  };
});

afterEach(() => server.uninstall());

function button(name: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === name);
  if (!found) throw new Error(`no button «${name}»`);
  return found;
}

describe('renderDashboard', () => {
  it('lists the rows to fix first, and «Mostra la cella» selects that cell in the spreadsheet', async () => {
    server.answer('selectCell', { message: 'Cella selezionata.' });
    renderDashboard(
      content,
      dashboard({ problems: [{ tab: 'Dipendenti', row: 7, column: 'Email', message: 'Email: indirizzo non valido' }] }),
      handlers,
    );
    const problems = document.getElementById('problems');
    expect(problems?.querySelector('h2')?.textContent).toBe('Da correggere (1)');
    expect(problems?.querySelector('.where')?.textContent).toBe('Dipendenti, riga 7, Email');
    expect(document.getElementById('next-step')?.textContent).toContain('Correggere le righe segnalate');
    button('Mostra la cella').click();
    await settle();
    expect(server.calls).toEqual([{ name: 'selectCell', args: ['Dipendenti', 7, 'Email'] }]);
  });

  it('a mailing workflow shows who gets what first and mails nobody until the preview is confirmed', async () => {
    server.answer('previewComuniSummaries', {
      message: 'Riepilogo di gennaio 2027.',
      period: '2027-01',
      recipients: [
        {
          comune: 'Crema',
          to: 'referente@comune.crema.cr.it',
          subject: 'Formazione: gennaio 2027',
          alreadySent: false,
        },
        {
          comune: 'Offanengo',
          to: 'ref@comune.offanengo.cr.it',
          subject: 'Formazione: gennaio 2027',
          alreadySent: true,
        },
      ],
      leftOut: [{ comune: 'Bagnolo Cremasco', reason: 'nessun referente indicato' }],
      leftOutRows: [],
    });
    server.answer('sendComuniSummaries', { message: '1 riepilogo accodato.' });
    renderDashboard(content, dashboard(), handlers);
    button('Invia riepilogo ai comuni').click();
    await settle();
    expect(server.names()).toEqual(['previewComuniSummaries']);
    const preview = document.getElementById('preview') as HTMLElement;
    expect(preview.hidden).toBe(false);
    expect(Array.from(preview.querySelectorAll('h4')).map((h) => h.textContent)).toEqual([
      'Destinatari (1)',
      'Oggetto della email',
      'Senza riepilogo (1)',
    ]);
    expect(preview.textContent).toContain('Crema — referente@comune.crema.cr.it');
    expect(preview.textContent).not.toContain('Offanengo');
    button('Conferma: invio di 1 email ai referenti').click();
    await settle();
    expect(server.names()).toEqual(['previewComuniSummaries', 'sendComuniSummaries']);
    expect(preview.hidden).toBe(true);
    expect(statusLine.textContent).toBe('Invia riepilogo ai comuni: 1 riepilogo accodato.');
    expect(handlers.refreshed).toBe(1);
  });

  it('closing the preview runs nothing', async () => {
    server.answer('previewRetention', {
      message: 'Conservazione: dati più vecchi di 5 anni.',
      years: 5,
      enrollments: 12,
      attendance: 40,
      certificates: 3,
      pdfs: 3,
    });
    renderDashboard(content, dashboard(), handlers);
    button('Applica conservazione dati').click();
    await settle();
    expect(document.getElementById('preview')?.textContent).toContain('Righe di presenza: 40');
    button('Chiudi anteprima').click();
    await settle();
    expect(server.names()).toEqual(['previewRetention']);
    expect((document.getElementById('preview') as HTMLElement).hidden).toBe(true);
  });

  it('a workflow on one course asks for the course in Italian instead of calling the server', async () => {
    renderDashboard(content, dashboard(), handlers);
    button('Prepara registro presenze').click();
    await settle();
    expect(server.calls).toEqual([]);
    expect(errorBox.hidden).toBe(false);
    expect(errorBox.textContent).toContain("Scelga un corso nell'elenco «Corso» prima di «Prepara registro presenze».");
  });

  it("the server's Italian refusal reaches the error box, without the exception's class", async () => {
    server.fail('prepareAttendance', 'Exception: Il corso EXC-BASE non ha sessioni concluse.');
    renderDashboard(content, dashboard(), handlers);
    const select = document.getElementById('course-select') as HTMLSelectElement;
    select.value = 'EXC-BASE';
    select.dispatchEvent(new Event('change'));
    button('Prepara registro presenze').click();
    await settle();
    expect(server.calls).toEqual([{ name: 'prepareAttendance', args: ['EXC-BASE'] }]);
    expect(errorBox.textContent).toBe('Operazione non riuscita. Il corso EXC-BASE non ha sessioni concluse.');
    expect(handlers.refreshed).toBe(0);
  });

  it('searching the course list narrows it and says how many match; a course opens its view', () => {
    renderDashboard(content, dashboard(), handlers);
    const items = (): string[] =>
      Array.from(document.querySelectorAll('#courses li button')).map((b) => b.textContent ?? '');
    expect(items()).toEqual(['EXC-BASE — Excel di base', 'PEC-2027 — PEC e firma digitale']);
    const search = document.getElementById('course-search') as HTMLInputElement;
    search.value = 'firma';
    search.dispatchEvent(new Event('input'));
    expect(items()).toEqual(['PEC-2027 — PEC e firma digitale']);
    expect(document.getElementById('course-count')?.textContent).toBe('1 corso.');
    search.value = 'nessuno';
    search.dispatchEvent(new Event('input'));
    expect(document.getElementById('course-count')?.textContent).toBe('Nessun corso corrisponde alla ricerca.');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    (document.querySelector('#courses li button[data-course="EXC-BASE"]') as HTMLButtonElement).click();
    expect(handlers.opened).toEqual(['EXC-BASE']);
  });

  it('parked mails go back in line only on a second, confirming click', async () => {
    server.answer('retryParkedMail', { message: '3 email rimesse in coda.' });
    renderDashboard(content, dashboard({ parkedMails: 3 }), handlers);
    const retry = document.getElementById('retry-parked') as HTMLButtonElement;
    retry.click();
    await settle();
    expect(server.calls).toEqual([]);
    expect(retry.textContent).toBe('Conferma: rimettere in coda 3 email sospese');
    retry.click();
    await settle();
    expect(server.names()).toEqual(['retryParkedMail']);
    expect(statusLine.textContent).toBe('3 email rimesse in coda.');
    expect(handlers.refreshed).toBe(1);
  });

  it('before «Configura» the next step is setup, and no settings are shown', () => {
    renderDashboard(content, dashboard({ settings: null, formUrl: '' }), handlers);
    expect(document.getElementById('next-step')?.textContent).toContain("Configurare l'academy");
    expect(document.querySelector('button.next')?.textContent).toBe('Configura');
    expect(document.getElementById('settings')).toBeNull();
    expect(content.textContent).toContain('Il modulo iscrizioni non è ancora pubblicato.');
  });
});
