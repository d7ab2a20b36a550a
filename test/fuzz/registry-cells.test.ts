/**
 * Random cells typed by staff into the registry tabs, as they are typed (the edit trigger fires for
 * each block): impossible dates (`31/02/2026`), numbers of 1e308, negative seats, text in number
 * columns, codes and IDs that repeat existing ones in another case or spacing. Then the workflows staff
 * run every day. Whatever was typed, every run gets a result or an Italian message, every absurd number
 * is listed as a problem (never summed into a report), a duplicated ID is refused for any action, and no
 * formula, overflow or second mail appears anywhere.
 */
import fc from 'fast-check';
import type { LocalAcademy } from '../../src/local/runtime/session';
import {
  formulasOf,
  hostileText,
  isRawError,
  mailsNotOnce,
  mustRun,
  nonFiniteCells,
  PEOPLE,
  savedBusyAcademy,
  type SavedAcademy,
  SEED,
} from './harness';

jest.setTimeout(120_000);

/** A number staff may type, or text where a number belongs. */
const amount = fc.oneof(
  fc.constantFrom(1e308, -1e308, -5, 0, 1_001, 10_001, 10_000_001, 1e300, 0.5, 6),
  fc.integer({ min: -1_000, max: 20_000 }),
  fc.constantFrom('dieci', '6,5', '1e308', '-3', '', '∞'),
);

const date = fc.oneof(
  fc.constantFrom('31/02/2026', '2027-02-30', '29/02/2027', '2027-03-15', '15/03/2027', 'domani', '00/00/0000', ''),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
);

const time = fc.constantFrom('09:00', '12:00', '25:00', '12:61', 'mattina', '', '18:00');

/**
 * Text staff type. A formula staff type themselves is theirs to keep (the sheet is theirs): what must
 * never happen is the add-on writing one, so staff's text here never starts like a formula.
 */
function staffText(max: number): fc.Arbitrary<string> {
  return hostileText(max).filter((s) => !/^\s*[=+-]/.test(s));
}

/** An existing code or ID in another case or with spaces around it, or something new. */
function variantOf(existing: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...existing), fc.constantFrom('', ' ', '  '), fc.boolean())
      .map(([x, pad, lower]) => `${pad}${lower ? x.toLowerCase() : x}${pad}`),
    staffText(200),
  );
}

const courseRow = fc.record({
  Codice: variantOf(['EXC-BASE', 'PRIV-GDPR', 'NUOVO-1']),
  Titolo: staffText(500),
  Ore: amount,
  Modalità: fc.constantFrom('Online', 'In presenza', 'Mista', 'Telepatia'),
  Posti: amount,
  'Costo (€)': amount,
  'Soglia frequenza %': amount,
  Stato: fc.constantFrom('Iscrizioni aperte', 'Concluso', 'In corso', 'Boh'),
});

const sessionRow = fc.record({
  Corso: variantOf(['EXC-BASE', 'PRIV-GDPR']),
  Data: date,
  Inizio: time,
  Fine: time,
  'Link Meet': fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'https://meet.google.com/abc-defg-hij', ''),
  Stato: fc.constantFrom('Programmata', 'Annullata', 'Svolta', 'Forse'),
});

const enrollmentRow = fc.record({
  ID: variantOf(['I00001', 'I00002', 'I00003']),
  'Data richiesta': date,
  Corso: variantOf(['EXC-BASE', 'PRIV-GDPR']),
  Email: fc.oneof(fc.constantFrom(...PEOPLE.map((p) => p.Email)), fc.emailAddress(), staffText(100)),
  Stato: fc.constantFrom('Confermata', 'In attesa', 'Annullata', 'Presente?'),
  'Posizione attesa': amount,
});

const comuneFee = fc.record({ 'Quota annuale (€)': amount });
const presence = fc.record({ Ore: amount });

interface Typed {
  corsi: Array<Record<string, unknown>>;
  sessioni: Array<Record<string, unknown>>;
  iscrizioni: Array<Record<string, unknown>>;
  fee: Record<string, unknown> | null;
  hours: Record<string, unknown> | null;
}

const typed: fc.Arbitrary<Typed> = fc.record({
  corsi: fc.array(courseRow, { maxLength: 2 }),
  sessioni: fc.array(sessionRow, { maxLength: 2 }),
  iscrizioni: fc.array(enrollmentRow, { maxLength: 2 }),
  fee: fc.option(comuneFee, { nil: null }),
  hours: fc.option(presence, { nil: null }),
});

/** What staff do next: each of these reads what was typed. */
const WORKFLOWS: Array<[string, unknown[]]> = [
  ['getDashboard', []],
  ['refreshReports', []],
  ['syncCalendar', []],
  ['getCourseView', ['EXC-BASE']],
  ['previewCertificates', []],
  ['previewComuniSummaries', []],
  ['promoteFromWaitlist', ['I00003']],
];

interface Problem {
  tab: string;
  row: number;
  column: string;
}

function problems(academy: LocalAcademy): Problem[] {
  return (mustRun(academy.call('getDashboard')) as { problems: Problem[] }).problems;
}

function normalizedId(id: unknown): string {
  return String(id).trim().toUpperCase();
}

/** Numbers typed where the add-on's bounds say no course, fee or hour count can be. */
function absurd(value: unknown, max: number): boolean {
  return typeof value === 'number' && (value < 0 || value > max);
}

describe('fuzz: staff-typed cells in the registry tabs', () => {
  let saved: SavedAcademy;
  beforeAll(async () => {
    saved = await savedBusyAcademy(
      PEOPLE.slice(0, 3).map((p) => ({ email: p.Email, course: 'EXC-BASE' })),
      (academy) => mustRun(academy.call('prepareAttendance', ['EXC-BASE'])),
    );
  });
  afterAll(() => saved.dispose());

  test('whatever staff type, the workflows answer in Italian, absurd numbers are problems, duplicated IDs are refused, no formula or overflow is written', () => {
    fc.assert(
      fc.property(typed, (t) => {
        const academy = saved.open();
        const edits = [
          academy.append('Corsi', t.corsi),
          academy.append('Sessioni', t.sessioni),
          academy.append('Iscrizioni', t.iscrizioni),
          ...(t.fee ? [academy.edit('Comuni', { 'Codice ISTAT': '019035' }, t.fee)] : []),
          ...(t.hours ? [academy.edit('Presenze', { Dipendente: 'D00001' }, t.hours)] : []),
        ];
        const failedEdits = edits
          .flatMap((e) => e.runs)
          .filter((r) => !r.ok)
          .map((r) => r.error);
        const raw: string[] = [];
        for (const [fn, args] of WORKFLOWS) {
          const run = academy.call(fn, args);
          if (!run.ok && isRawError(run.error)) raw.push(`${fn}: ${run.error ?? ''}`);
        }

        const listed = problems(academy);
        const flagged = (tab: string, row: number, column: string): boolean =>
          listed.some((p) => p.tab === tab && p.row === row && p.column === column);
        const unlisted: string[] = [];
        const corsiRows = academy.readTab('Corsi')?.rows.length ?? 0;
        t.corsi.forEach((c, i) => {
          const row = corsiRows - t.corsi.length + i + 2;
          const bounds: Array<[string, number]> = [
            ['Ore', 1_000],
            ['Posti', 10_000],
            ['Costo (€)', 10_000_000],
          ];
          for (const [column, max] of bounds)
            if (absurd(c[column], max) && !flagged('Corsi', row, column)) unlisted.push(`Corsi riga ${row} ${column}`);
        });

        // Every row whose ID is typed twice (case and spaces aside) refuses to be cancelled.
        const ids = (academy.readTab('Iscrizioni')?.rows ?? []).map((r) => normalizedId(r[0]));
        const twice = [...new Set(ids.filter((id, i) => id !== '' && ids.indexOf(id) !== i))];
        const acted: string[] = [];
        for (const id of twice) {
          const before = JSON.stringify(academy.readTab('Iscrizioni'));
          const run = academy.call('cancelEnrollment', [` ${id.toLowerCase()} `, 'prova']);
          if (run.ok || JSON.stringify(academy.readTab('Iscrizioni')) !== before) acted.push(id);
        }

        expect({
          failedEdits,
          raw,
          unlisted,
          acted,
          formulas: formulasOf(academy),
          overflow: nonFiniteCells(academy),
          mail: mailsNotOnce(academy),
        }).toEqual({ failedEdits: [], raw: [], unlisted: [], acted: [], formulas: [], overflow: [], mail: [] });
      }),
      { seed: SEED, numRuns: 12 },
    );
  });
});
