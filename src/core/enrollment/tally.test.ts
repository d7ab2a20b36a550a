import fc from 'fast-check';
import { EnrollmentBook, PolicyContext } from './policy';
import { IncompleteBookError, parseIndex, tallyAll, unloadedTallies } from './tally';
import type { CourseInfo, EmployeeInfo, EnrollmentRecord } from './types';

const CODES = ['C1', 'C2', 'C3'];
const people: EmployeeInfo[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((k, i) => ({
  id: `D0000${i + 1}`,
  firstName: k,
  lastName: 'Rossi',
  email: `${k}@crema.it`,
  comune: 'Crema',
  role: 'Dipendente',
  active: true,
}));

function context(seats: number[], closed: boolean[]): PolicyContext {
  const courses: CourseInfo[] = CODES.map((code, i) => ({
    code,
    title: code,
    seats: seats[i] ?? 1,
    audience: [],
    status: closed[i] ? 'Iscrizioni chiuse' : 'Iscrizioni aperte',
  }));
  return new PolicyContext({
    courses,
    employees: people,
    comuni: [],
    settings: { requireFeePaid: false, referentApproval: false, maxSeatsPerComune: null },
  });
}

interface Step {
  who: number;
  course: number;
  cancel: boolean;
}

const stepArb = fc.record({
  who: fc.integer({ min: 0, max: people.length - 1 }),
  course: fc.integer({ min: 0, max: CODES.length - 1 }),
  cancel: fc.boolean(),
});

/** Applies one step as a form response would, at minute `t`. */
function apply(book: EnrollmentBook, step: Step, t: number): void {
  const email = people[step.who]?.email ?? '';
  const code = CODES[step.course] ?? 'C1';
  if (step.cancel) book.cancelFor(email, [code], 'annullata');
  else book.request({ email, courses: [code], at: new Date(t * 60_000), origin: 'Modulo', responseId: `r${t}` });
  book.settleAll();
}

/** A registry as the add-on leaves it: every earlier step run on the whole book. */
function history(ctx: PolicyContext, steps: readonly Step[]): EnrollmentRecord[] {
  let n = 0;
  const book = new EnrollmentBook(ctx, [], () => `I${String((n += 1)).padStart(5, '0')}`);
  steps.forEach((s, i) => apply(book, s, i + 1));
  return book.all().map((e) => ({ ...e }));
}

describe('a book holding one person’s rows and the tally of the others', () => {
  test('decides a request or a cancellation exactly as the whole book does, or says it cannot', () => {
    let decidedRuns = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.array(stepArb, { maxLength: 25 }),
        stepArb,
        (seats, closed, earlier, next) => {
          const ctx = context(seats, closed);
          const rows = history(ctx, earlier);
          const t = earlier.length + 1;
          const ids = () => 'I99999';
          const whole = new EnrollmentBook(ctx, rows, ids);
          apply(whole, next, t);
          const person = people[next.who] as EmployeeInfo;
          const mine = rows.filter((e) => e.email === person.email);
          const index = tallyAll(rows, rows.length + 1, 0, 0);
          const tallies = unloadedTallies(index, mine);
          expect(tallies).not.toBeNull();
          const sliced = new EnrollmentBook(ctx, mine, ids, tallies ?? new Map());
          let decided = true;
          try {
            apply(sliced, next, t);
          } catch (error) {
            if (!(error instanceof IncompleteBookError)) throw error;
            decided = false;
          }
          if (decided) {
            expect(sliced.changes()).toEqual(whole.changes());
            decidedRuns += 1;
          }
          return true;
        },
      ),
      { numRuns: 400, seed: 20270201 },
    );
    // Most steps are decided from the slice: the comparison above is not vacuous.
    expect(decidedRuns).toBeGreaterThan(200);
  });

  test('takes most requests without the whole book: a new request on a settled course needs no other row', () => {
    const ctx = context([2, 1, 3], [false, false, false]);
    const rows = history(ctx, [
      { who: 0, course: 0, cancel: false },
      { who: 1, course: 0, cancel: false },
      { who: 2, course: 0, cancel: false },
    ]);
    const mine = rows.filter((e) => e.email === 'd@crema.it');
    const tallies = unloadedTallies(tallyAll(rows, 4, 3, 0), mine) ?? new Map();
    const sliced = new EnrollmentBook(ctx, mine, () => 'I00004', tallies);
    apply(sliced, { who: 3, course: 0, cancel: false }, 10);
    expect(sliced.changes().added).toMatchObject([{ id: 'I00004', status: 'In attesa', waitPosition: 2 }]);
    expect(sliced.confirmedCount('C1')).toBe(2);
  });

  test('refuses to guess when a freed seat belongs to someone it did not read', () => {
    const ctx = context([1, 1, 1], [false, false, false]);
    const rows = history(ctx, [
      { who: 0, course: 0, cancel: false },
      { who: 1, course: 0, cancel: false },
    ]);
    const mine = rows.filter((e) => e.email === 'a@crema.it');
    const tallies = unloadedTallies(tallyAll(rows, 3, 2, 0), mine) ?? new Map();
    const sliced = new EnrollmentBook(ctx, mine, () => 'I00003', tallies);
    expect(() => apply(sliced, { who: 0, course: 0, cancel: true }, 10)).toThrow(IncompleteBookError);
  });

  test('an index that counts fewer rows than were loaded is not trusted', () => {
    const ctx = context([2, 2, 2], [false, false, false]);
    const rows = history(ctx, [{ who: 0, course: 0, cancel: false }]);
    expect(unloadedTallies(tallyAll([], 1, 0, 0), rows)).toBeNull();
    expect(parseIndex('{"version":1}')).toBeNull();
    expect(parseIndex(JSON.stringify(tallyAll(rows, 2, 1, 5)))).toEqual(tallyAll(rows, 2, 1, 5));
  });

  test('keeps the key columns written with the tally, and drops a layout it cannot read without losing the counts', () => {
    const layout = { employeeEmail: 5, employeeId: 1, enrollmentKeys: [3, 4] as [number, number], enrollmentWidth: 14 };
    const index = { ...tallyAll([], 2, 1, 5), layout };
    expect(parseIndex(JSON.stringify(index))?.layout).toEqual(layout);
    const broken = parseIndex(JSON.stringify({ ...index, layout: { ...layout, enrollmentKeys: [0, 4] } }));
    expect(broken).toEqual(tallyAll([], 2, 1, 5));
  });
});
