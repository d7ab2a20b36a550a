import { EnrollmentBook, PolicyContext, type PolicyInput } from './policy';
import type { ComuneInfo, CourseInfo, EmployeeInfo, EnrollmentRecord, PolicySettings } from './types';

const course = (over: Partial<CourseInfo> = {}): CourseInfo => ({
  code: 'EXC-BASE',
  title: 'Excel di base',
  seats: 2,
  audience: [],
  status: 'Iscrizioni aperte',
  ...over,
});

const employee = (id: string, email: string, over: Partial<EmployeeInfo> = {}): EmployeeInfo => ({
  id,
  firstName: id,
  lastName: 'Rossi',
  email,
  comune: 'Crema',
  role: 'Dipendente',
  active: true,
  ...over,
});

const comuni: ComuneInfo[] = [
  { name: 'Crema', feePaid: true, referentEmail: 'ref@crema.it' },
  { name: 'Offanengo', feePaid: false, referentEmail: 'ref@offanengo.it' },
];

const settings = (over: Partial<PolicySettings> = {}): PolicySettings => ({
  requireFeePaid: false,
  referentApproval: false,
  maxSeatsPerComune: null,
  ...over,
});

const people = [
  employee('D00001', 'anna@crema.it'),
  employee('D00002', 'luca@crema.it'),
  employee('D00003', 'giulia@offanengo.it', { comune: 'Offanengo', role: 'Responsabile di servizio' }),
  employee('D00004', 'marco@crema.it'),
  employee('D00005', 'sara@offanengo.it', { comune: 'Offanengo' }),
];

function makeBook(input: Partial<PolicyInput> = {}, rows: EnrollmentRecord[] = []): EnrollmentBook {
  let n = rows.length;
  const ctx = new PolicyContext({
    courses: input.courses ?? [course()],
    employees: input.employees ?? people,
    comuni: input.comuni ?? comuni,
    settings: input.settings ?? settings(),
  });
  return new EnrollmentBook(ctx, rows, () => `I${String(++n).padStart(5, '0')}`);
}

let minute = 0;
const at = (): Date => new Date(Date.UTC(2027, 1, 1, 8, minute++));

function enroll(book: EnrollmentBook, email: string, courses: string[] = ['EXC-BASE']) {
  return book.request({ email, courses, at: at(), origin: 'Modulo', responseId: `R-${email}-${minute}` });
}

function statusOf(book: EnrollmentBook, email: string): [string, number | null] {
  const e = book.all().find((r) => r.email === email && r.status !== 'Annullata');
  return e ? [e.status, e.waitPosition] : ['-', null];
}

describe('enrollment policy', () => {
  test('free seats are confirmed and the rest waits in FIFO order with positions 1..n', () => {
    const book = makeBook();
    for (const p of people) enroll(book, p.email);
    expect(people.map((p) => statusOf(book, p.email))).toEqual([
      ['Confermata', null],
      ['Confermata', null],
      ['In attesa', 1],
      ['In attesa', 2],
      ['In attesa', 3],
    ]);
    expect(book.confirmedCount('EXC-BASE')).toBe(2);
  });

  test('mixed-case e-mail matches the employee and stores the registry e-mail', () => {
    const book = makeBook();
    const [result] = enroll(book, '  Anna@CREMA.it ');
    expect(result.kind).toBe('new');
    if (result.kind !== 'new') throw new Error('expected new');
    expect(result.enrollment).toMatchObject({ employeeId: 'D00001', email: 'anna@crema.it', status: 'Confermata' });
  });

  test('a second request for a live enrollment is a duplicate and adds no row, whatever the case of the e-mail', () => {
    const book = makeBook();
    enroll(book, 'anna@crema.it');
    const [again] = enroll(book, 'ANNA@crema.IT', ['exc-base']);
    expect(again.kind).toBe('duplicate');
    expect(book.all()).toHaveLength(1);
  });

  test('the same course chosen twice in one request counts once', () => {
    const book = makeBook();
    const results = enroll(book, 'anna@crema.it', ['EXC-BASE', 'exc-base']);
    expect(results).toHaveLength(1);
  });

  test('after a cancellation the person may enroll again', () => {
    const book = makeBook();
    enroll(book, 'anna@crema.it');
    book.cancelFor('anna@crema.it', ['EXC-BASE'], 'Annullata dal dipendente.');
    const [again] = enroll(book, 'anna@crema.it');
    expect(again.kind).toBe('new');
    expect(book.all().map((e) => e.status)).toEqual(['Annullata', 'Confermata']);
  });

  test('a waiting or unverified request is also a duplicate', () => {
    const book = makeBook({ courses: [course({ seats: 0 })] });
    enroll(book, 'anna@crema.it');
    enroll(book, 'nobody@x.it');
    expect(enroll(book, 'anna@crema.it')[0].kind).toBe('duplicate');
    expect(enroll(book, 'NOBODY@x.it')[0].kind).toBe('duplicate');
  });

  test('a course that is not open is refused with its status in the note', () => {
    const book = makeBook({ courses: [course({ status: 'Iscrizioni chiuse' })] });
    const [r] = enroll(book, 'anna@crema.it');
    expect(r.kind === 'new' && r.enrollment).toMatchObject({
      status: 'Respinta',
      notes: 'Iscrizioni non aperte (stato del corso: Iscrizioni chiuse).',
    });
  });

  test('an unknown course code is refused', () => {
    const book = makeBook();
    const [r] = enroll(book, 'anna@crema.it', ['NOPE']);
    expect(r.kind === 'new' && r.enrollment).toMatchObject({ status: 'Respinta', notes: 'Corso NOPE inesistente.' });
  });

  test('an unknown e-mail is Da verificare and holds no seat', () => {
    const book = makeBook({ courses: [course({ seats: 1 })] });
    const [r] = enroll(book, 'Stranger@Example.it');
    expect(r.kind === 'new' && r.enrollment).toMatchObject({
      status: 'Da verificare',
      email: 'stranger@example.it',
      employeeId: '',
    });
    enroll(book, 'anna@crema.it');
    expect(statusOf(book, 'anna@crema.it')).toEqual(['Confermata', null]);
  });

  test('an inactive employee is refused', () => {
    const book = makeBook({ employees: [employee('D00001', 'anna@crema.it', { active: false })] });
    const [r] = enroll(book, 'anna@crema.it');
    expect(r.kind === 'new' && r.enrollment).toMatchObject({
      status: 'Respinta',
      notes: 'Dipendente non attivo in anagrafica.',
    });
  });

  test('a role outside Destinatari is refused; an empty audience admits everyone', () => {
    const book = makeBook({
      courses: [
        course({ audience: ['Responsabile di servizio', 'Segretario comunale'] }),
        course({ code: 'ALL', audience: [] }),
      ],
    });
    const [refused] = enroll(book, 'anna@crema.it');
    const [admitted] = enroll(book, 'giulia@offanengo.it');
    const [everyone] = enroll(book, 'anna@crema.it', ['ALL']);
    expect(refused.kind === 'new' && refused.enrollment).toMatchObject({
      status: 'Respinta',
      notes: 'Corso riservato a: Responsabile di servizio, Segretario comunale (ruolo in anagrafica: Dipendente).',
    });
    expect(admitted.kind === 'new' && admitted.enrollment.status).toBe('Confermata');
    expect(everyone.kind === 'new' && everyone.enrollment.status).toBe('Confermata');
  });

  test("a role in Destinatari matches the employee's whatever its case, accents and doubled spaces", () => {
    const book = makeBook({ courses: [course({ audience: ['responsabile  di SERVIZIO'] })] });
    const [admitted] = enroll(book, 'giulia@offanengo.it');
    expect(admitted.kind === 'new' && admitted.enrollment.status).toBe('Confermata');
  });

  test('an unpaid fee refuses only when Richiedi quota pagata is set', () => {
    const strict = makeBook({ settings: settings({ requireFeePaid: true }) });
    const [r] = enroll(strict, 'sara@offanengo.it');
    expect(r.kind === 'new' && r.enrollment).toMatchObject({
      status: 'Respinta',
      notes: 'La quota annuale del Comune di Offanengo non risulta pagata.',
    });
    expect(enroll(strict, 'anna@crema.it')[0]).toMatchObject({ enrollment: { status: 'Confermata' } });
    const lenient = makeBook();
    expect(enroll(lenient, 'sara@offanengo.it')[0]).toMatchObject({ enrollment: { status: 'Confermata' } });
  });

  test('an unregistered comune is refused when the fee is required', () => {
    const book = makeBook({
      employees: [employee('D00009', 'x@nowhere.it', { comune: 'Atlantide' })],
      settings: settings({ requireFeePaid: true }),
    });
    expect(enroll(book, 'x@nowhere.it')[0]).toMatchObject({
      enrollment: { status: 'Respinta', notes: 'Il Comune di Atlantide non risulta tra i comuni aderenti.' },
    });
  });

  test('with referent approval an eligible request is In approvazione and holds no seat', () => {
    const book = makeBook({ courses: [course({ seats: 1 })], settings: settings({ referentApproval: true }) });
    enroll(book, 'anna@crema.it');
    expect(statusOf(book, 'anna@crema.it')).toEqual(['In approvazione', null]);
    expect(book.confirmedCount('EXC-BASE')).toBe(0);
  });

  test('cancelling a confirmed seat promotes the first waiting request and renumbers the rest', () => {
    const book = makeBook();
    for (const p of people) enroll(book, p.email);
    const results = book.cancelFor('ANNA@crema.it', ['EXC-BASE'], 'Annullata dal dipendente tramite modulo.');
    expect(results.map((r) => r.kind)).toEqual(['cancelled']);
    expect(people.map((p) => statusOf(book, p.email))).toEqual([
      ['-', null],
      ['Confermata', null],
      ['Confermata', null],
      ['In attesa', 1],
      ['In attesa', 2],
    ]);
  });

  test('cancelling a waiting request renumbers positions without promoting anyone', () => {
    const book = makeBook();
    for (const p of people) enroll(book, p.email);
    book.cancelFor('marco@crema.it', ['EXC-BASE'], 'x');
    expect(statusOf(book, 'giulia@offanengo.it')).toEqual(['In attesa', 1]);
    expect(statusOf(book, 'sara@offanengo.it')).toEqual(['In attesa', 2]);
    expect(book.confirmedCount('EXC-BASE')).toBe(2);
  });

  test('cancelling without a live enrollment reports notEnrolled', () => {
    const book = makeBook();
    expect(book.cancelFor('anna@crema.it', ['EXC-BASE'], 'x')).toEqual([{ kind: 'notEnrolled', course: 'EXC-BASE' }]);
  });

  test('a comune at its cap waits even with free seats, and promotion skips it for the next comune', () => {
    const book = makeBook({ courses: [course({ seats: 3 })], settings: settings({ maxSeatsPerComune: 1 }) });
    enroll(book, 'anna@crema.it');
    enroll(book, 'luca@crema.it');
    enroll(book, 'giulia@offanengo.it');
    expect(statusOf(book, 'anna@crema.it')).toEqual(['Confermata', null]);
    expect(statusOf(book, 'luca@crema.it')).toEqual(['In attesa', 1]);
    expect(statusOf(book, 'giulia@offanengo.it')).toEqual(['Confermata', null]);
    enroll(book, 'sara@offanengo.it');
    expect(statusOf(book, 'sara@offanengo.it')).toEqual(['In attesa', 2]);
    // Giulia leaves: Luca (Crema, at its cap) is first in line but Sara's Offanengo now has room.
    book.cancelFor('giulia@offanengo.it', ['EXC-BASE'], 'x');
    expect(statusOf(book, 'luca@crema.it')).toEqual(['In attesa', 1]);
    expect(statusOf(book, 'sara@offanengo.it')).toEqual(['Confermata', null]);
    // Anna leaves: Crema is under its cap again, Luca gets the seat.
    book.cancelFor('anna@crema.it', ['EXC-BASE'], 'x');
    expect(statusOf(book, 'luca@crema.it')).toEqual(['Confermata', null]);
  });

  test('settle promotes after a cancellation typed in the sheet and reports the promotion once', () => {
    const book = makeBook();
    for (const p of people.slice(0, 3)) enroll(book, p.email);
    const rows = book.all().map((e) => ({ ...e }));
    rows[0].status = 'Annullata';
    const later = makeBook({}, rows);
    later.settleAll();
    const changes = later.changes();
    expect(changes.promoted.map((e) => e.email)).toEqual(['giulia@offanengo.it']);
    expect(changes.updated).toEqual([{ id: rows[2].id, patch: { status: 'Confermata', waitPosition: null } }]);
    expect(changes.affectedCourses).toEqual(['EXC-BASE']);
    const again = makeBook(
      {},
      later.all().map((e) => ({ ...e })),
    );
    again.settleAll();
    expect(again.changes().updated).toEqual([]);
  });

  test('raised seats are filled from the waitlist in order', () => {
    const book = makeBook();
    for (const p of people) enroll(book, p.email);
    const rows = book.all().map((e) => ({ ...e }));
    const bigger = makeBook({ courses: [course({ seats: 4 })] }, rows);
    bigger.settleAll();
    expect(bigger.changes().promoted.map((e) => e.email)).toEqual(['giulia@offanengo.it', 'marco@crema.it']);
  });

  test('lowered seats never take a confirmed seat back', () => {
    const book = makeBook();
    enroll(book, 'anna@crema.it');
    enroll(book, 'luca@crema.it');
    const smaller = makeBook(
      { courses: [course({ seats: 1 })] },
      book.all().map((e) => ({ ...e })),
    );
    smaller.settleAll();
    expect(smaller.changes().updated).toEqual([]);
  });

  test('a late-processed response keeps its request time in the FIFO order', () => {
    const book = makeBook({ courses: [course({ seats: 1 })] });
    const early = at();
    enroll(book, 'anna@crema.it');
    enroll(book, 'luca@crema.it');
    book.request({ email: 'marco@crema.it', courses: ['EXC-BASE'], at: early, origin: 'Modulo', responseId: 'late' });
    expect(statusOf(book, 'marco@crema.it')).toEqual(['In attesa', 1]);
    expect(statusOf(book, 'luca@crema.it')).toEqual(['In attesa', 2]);
  });

  test('staff cancel by id promotes; an unknown or dead id is null', () => {
    const book = makeBook({ courses: [course({ seats: 1 })] });
    const [a] = enroll(book, 'anna@crema.it');
    enroll(book, 'luca@crema.it');
    if (a.kind !== 'new') throw new Error('expected new');
    const cancelled = book.cancelById(a.enrollment.id, 'Annullata dallo staff: malattia.');
    expect(cancelled).toMatchObject({ status: 'Annullata', notes: 'Annullata dallo staff: malattia.' });
    expect(statusOf(book, 'luca@crema.it')).toEqual(['Confermata', null]);
    expect(book.cancelById(a.enrollment.id, 'x')).toBeNull();
    expect(book.cancelById('I99999', 'x')).toBeNull();
  });

  test('changes list new rows, patches and promoted people; the response id dedupes', () => {
    const book = makeBook({ courses: [course({ seats: 1 })] });
    enroll(book, 'anna@crema.it');
    enroll(book, 'luca@crema.it');
    const base = book.all().map((e) => ({ ...e }));
    const next = makeBook({ courses: [course({ seats: 1 })] }, base);
    expect(next.hasResponse(base[0].responseId)).toBe(true);
    expect(next.hasResponse('')).toBe(false);
    next.cancelFor('anna@crema.it', ['EXC-BASE'], 'Annullata dal dipendente tramite modulo.');
    enroll(next, 'marco@crema.it');
    const changes = next.changes();
    expect(changes.added.map((e) => [e.email, e.status, e.waitPosition])).toEqual([['marco@crema.it', 'In attesa', 1]]);
    expect(changes.updated).toEqual([
      { id: base[0].id, patch: { status: 'Annullata', notes: 'Annullata dal dipendente tramite modulo.' } },
      { id: base[1].id, patch: { status: 'Confermata', waitPosition: null } },
    ]);
    expect(changes.promoted.map((e) => e.email)).toEqual(['luca@crema.it']);
  });

  test('identical inputs give identical rows', () => {
    const run = () => {
      minute = 0;
      const book = makeBook({ settings: settings({ maxSeatsPerComune: 1 }) });
      for (const p of people) enroll(book, p.email);
      book.cancelFor('anna@crema.it', ['EXC-BASE'], 'x');
      return book.all();
    };
    expect(run()).toEqual(run());
  });
});
