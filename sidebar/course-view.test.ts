/**
 * @jest-environment jsdom
 */
/**
 * The course view as staff use it: people named, a full course past its seats only on a confirming
 * click, a cancellation only with its reason, a `Da verificare` request linked to the employee chosen.
 */
import type { CourseEnrollment, CourseView } from '../src/gas/dashboard/types';
import { openCourse } from './course-view';
import { installFakeServer, settle, type FakeServer } from './fake-script-run';
import { content, errorBox, statusLine } from './ui';

function enrollment(id: string, over: Partial<CourseEnrollment> = {}): CourseEnrollment {
  return {
    id,
    email: `${id.toLowerCase()}@comune.crema.cr.it`,
    employeeId: '',
    name: '',
    comune: 'Crema',
    status: 'Confermata',
    waitPosition: null,
    requestedAt: '2027-01-12T09:05:00',
    notes: '',
    actions: ['cancel'],
    typed: null,
    candidates: [],
    pastYears: [],
    ...over,
  };
}

const PAOLA = enrollment('I00001', { name: 'Paola Neri', employeeId: 'D00001' });
const LUCA = enrollment('I00002', {
  name: 'Luca Ferrari',
  employeeId: 'D00002',
  status: 'In attesa',
  waitPosition: 1,
  actions: ['promote', 'cancel'],
  pastYears: [{ year: 2026, hours: 12 }],
});
const UNKNOWN = enrollment('I00003', {
  email: 'a.bassi@gmail.com',
  status: 'Da verificare',
  actions: ['confirm', 'cancel'],
  typed: { name: 'Anna Bassi', comune: 'Crema' },
  candidates: [{ id: 'D00009', label: 'Anna Bassi (Crema)', differences: [] }],
});

function view(seats: number): CourseView {
  return {
    code: 'EXC-BASE',
    title: 'Excel di base',
    status: 'Iscrizioni aperte',
    mode: 'In presenza',
    seats,
    hours: 6,
    sessions: [{ id: 'S00001', date: '2027-03-02', start: '09:00', end: '12:00', status: 'Programmata', meetLink: '' }],
    groups: [
      { status: 'Da verificare', enrollments: [UNKNOWN] },
      { status: 'In attesa', enrollments: [LUCA] },
      { status: 'Confermata', enrollments: [PAOLA] },
    ],
  };
}

let server: FakeServer;
let backs = 0;

beforeEach(() => {
  server = installFakeServer();
  backs = 0;
  document.body.innerHTML = '';
  document.body.append(statusLine, errorBox, content);
});

afterEach(() => server.uninstall());

async function open(seats: number): Promise<void> {
  server.answer('getCourseView', view(seats));
  await openCourse('EXC-BASE', async () => {
    backs += 1;
  });
}

function buttonIn(enrollmentId: string, name: string): HTMLButtonElement {
  const item = document.querySelector(`[data-enrollment="${enrollmentId}"]`);
  const found = Array.from(item?.querySelectorAll('button') ?? []).find((b) => b.textContent === name);
  if (!found) throw new Error(`no button «${name}» for ${enrollmentId}`);
  return found;
}

describe('openCourse', () => {
  it('shows the course, its sessions and its requests by status, people by name, past years beside them', async () => {
    await open(20);
    expect(document.querySelector('#course-view h2')?.textContent).toBe('EXC-BASE — Excel di base');
    expect(document.querySelector('#course-sessions li')?.textContent).toBe('02/03/2027 09:00–12:00');
    expect(Array.from(document.querySelectorAll('#course-view section h2')).map((h) => h.textContent)).toEqual([
      'Sessioni',
      'Da verificare (email non in Dipendenti) (1)',
      "In lista d'attesa (1)",
      'Confermate (1)',
    ]);
    expect(document.querySelector('[data-enrollment="I00002"] .past-years')?.textContent).toBe(
      'Anni precedenti: 2026: 12 ore',
    );
    expect(statusLine.textContent).toBe('Corso EXC-BASE: 3 iscrizioni.');
  });

  it('on a course with seats left a waiting person is promoted at once', async () => {
    await open(20);
    server.answer('promoteFromWaitlist', { id: 'I00002', status: 'Confermata', message: 'Luca Ferrari confermato.' });
    buttonIn('I00002', 'Promuovi').click();
    await settle();
    expect(server.calls.slice(1).map((c) => [c.name, c.args])).toEqual([
      ['promoteFromWaitlist', ['I00002']],
      ['getCourseView', ['EXC-BASE']],
    ]);
    expect(statusLine.textContent).toBe('Luca Ferrari confermato.');
  });

  it('on a full course going past the seats takes a second click that says the new count', async () => {
    await open(1);
    server.answer('promoteFromWaitlist', { id: 'I00002', status: 'Confermata', message: 'Luca Ferrari confermato.' });
    const promote = buttonIn('I00002', 'Promuovi oltre i posti');
    promote.click();
    await settle();
    expect(server.names()).toEqual(['getCourseView']);
    expect(promote.textContent).toBe('Conferma: posto in più per Luca Ferrari (2 su 1)');
    promote.click();
    await settle();
    expect(server.calls[1]).toEqual({ name: 'promoteFromWaitlist', args: ['I00002', { overCapacity: true }] });
    expect(document.querySelector('#course-view')?.textContent).toContain(
      'Corso al completo: 1 confermati su 1 posti.',
    );
  });

  it('a cancellation without its reason is refused in Italian; with it, the reason goes to the server', async () => {
    await open(20);
    server.answer('cancelEnrollment', { id: 'I00001', status: 'Annullata', message: 'Iscrizione annullata.' });
    const cancel = buttonIn('I00001', 'Annulla iscrizione');
    cancel.click();
    cancel.click();
    await settle();
    expect(server.names()).toEqual(['getCourseView']);
    expect(errorBox.textContent).toContain("Indichi il motivo dell'annullamento");
    (document.getElementById('reason-I00001') as HTMLInputElement).value = 'richiesta del dipendente';
    cancel.click();
    await settle();
    expect(server.calls[1]).toEqual({ name: 'cancelEnrollment', args: ['I00001', 'richiesta del dipendente'] });
  });

  it('a request from an unknown address shows what was typed and links to the suggested employee on confirmation', async () => {
    await open(20);
    server.answer('confirmPendingEnrollment', {
      id: 'I00003',
      status: 'Confermata',
      message: 'Collegata a Anna Bassi.',
    });
    const item = document.querySelector('[data-enrollment="I00003"]');
    expect(item?.textContent).toContain('Nel modulo: Anna Bassi, Crema — a.bassi@gmail.com');
    expect((document.getElementById('link-I00003') as HTMLInputElement).value).toBe('D00009');
    const link = buttonIn('I00003', 'Collega');
    link.click();
    expect(link.textContent).toBe('Conferma il collegamento');
    link.click();
    await settle();
    expect(server.calls[1]).toEqual({ name: 'confirmPendingEnrollment', args: ['I00003', 'D00009'] });
  });

  it('staff enrolling someone on a full course choose the waitlist or a seat past the limit explicitly', async () => {
    await open(1);
    server.answer('enrollManually', { id: 'I00004', status: 'In attesa', message: 'In lista d’attesa.' });
    const email = document.getElementById('enroll-email') as HTMLInputElement;
    email.value = ' Marco.Riva@Comune.Crema.CR.it ';
    const waitlist = Array.from(document.querySelectorAll('#course-view button')).find(
      (b) => b.textContent === "Metti in lista d'attesa",
    ) as HTMLButtonElement;
    waitlist.click();
    await settle();
    expect(server.calls[1]).toEqual({
      name: 'enrollManually',
      args: ['marco.riva@comune.crema.cr.it', 'EXC-BASE', { waitlist: true }],
    });
  });

  it('the back button returns to the dashboard', async () => {
    await open(20);
    (document.querySelector('#course-view button') as HTMLButtonElement).click();
    expect(backs).toBe(1);
  });
});
