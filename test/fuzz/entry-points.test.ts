/**
 * Random argument lists at every public entry point of the real `dist/Code.js`, as `google.script.run`
 * would pass them (plain JSON: text, numbers, booleans, null, arrays, objects), called by staff on a
 * busy academy (published form, enrollments, calendar events). Whatever the arguments, the caller gets
 * the result or one of the add-on's Italian messages, never a raw JavaScript error; and no formula, no
 * overflowed number and no second mail is left behind.
 */
import fc from 'fast-check';
import {
  formulasOf,
  hostileText,
  isRawError,
  mailsNotOnce,
  nonFiniteCells,
  PEOPLE,
  savedBusyAcademy,
  type SavedAcademy,
  SEED,
} from './harness';

jest.setTimeout(80_000);

/** Values an entry point may plausibly be given (ids and codes in any case and spacing) or not at all. */
const argument: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'I00001',
      ' i00001 ',
      'I00002',
      'I00003',
      'I99999',
      'EXC-BASE',
      'exc-base ',
      'PRIV-GDPR',
      'WORD-AV',
      'D00001',
      'Crema',
      '019035',
      'Iscrizioni',
      'Corsi',
      'Presenze',
      PEOPLE[1]?.Email ?? '',
      'ATT-2027-00001',
      'https://evil.example.com/x',
      'javascript:alert(1)',
    ),
  },
  { weight: 2, arbitrary: hostileText(2_000) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 0.5)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom('overbook', 'seats', 'capacity', 'force', 'course', 'id', 'reason', 'row', 'column'),
      fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)),
    ),
  },
);

/** Called by hand with random arguments, the web app is given random query parameters instead. */
const WEB_APP = 'doGet';
/** Argument lists tried at each entry point. */
const RUNS_PER_ENTRY_POINT = 3;

describe('fuzz: random arguments at every entry point', () => {
  let saved: SavedAcademy;
  let names: string[];
  beforeAll(async () => {
    saved = await savedBusyAcademy(
      PEOPLE.map((p, i) => ({ email: p.Email, course: i < 3 ? 'EXC-BASE' : 'PRIV-GDPR' })),
    );
    names = saved.open().runtime.functionNames().sort();
  });
  afterAll(() => saved.dispose());

  test('any arguments at any entry point get a result or an Italian message, and leave no formula, overflow or second mail', () => {
    expect(names).toEqual(expect.arrayContaining(['cancelEnrollment', 'doGet', 'onFormSubmit', 'runJobs']));
    const call = fc.record({
      args: fc.array(argument, { maxLength: 4 }),
      query: fc.dictionary(
        fc.constantFrom('a', 'c', 't', 'comune', 'token', 'id', 'v'),
        fc.oneof(hostileText(300), fc.string()),
      ),
    });
    // Each entry point in turn, so none is left out by chance, on one academy that carries through the
    // sweep as a long day of clicks would (the seed replays it exactly).
    const academy = saved.open();
    for (const [i, fn] of names.entries()) {
      fc.assert(
        fc.property(call, ({ args, query }) => {
          const run =
            fn === WEB_APP
              ? academy.runtime.run(fn, [{ parameter: query, parameters: {}, queryString: '' }], {
                  kind: 'webapp',
                  as: '',
                })
              : academy.call(fn, args);
          expect({ fn, raw: !run.ok && isRawError(run.error) ? run.error : '' }).toEqual({ fn, raw: '' });
          expect({
            formulas: formulasOf(academy),
            overflow: nonFiniteCells(academy),
            mail: mailsNotOnce(academy),
          }).toEqual({
            formulas: [],
            overflow: [],
            mail: [],
          });
        }),
        { seed: SEED + i, numRuns: RUNS_PER_ENTRY_POINT },
      );
    }
  });
});
