/**
 * What the fuzz properties share: a small academy prepared once per file and reopened fresh for every
 * run (a saved copy of the emulated Workspace), the hostile strings staff and employees can type, and
 * the invariants every run must keep whatever it was given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { LocalAcademy } from '../../src/local/runtime/session';
import { prepareAcademy, runStep, type Preparation } from '../../src/local/scenario/runner';
import { snapshotMail } from '../../src/local/services/mail';
import { snapshotSheets } from '../../src/local/services/spreadsheet';
import type { RunResult } from '../../src/local/runtime/runtime';
import { COMUNI, EXCEL_COURSE, PEOPLE, SESSIONS, START } from '../fixtures/small-academy';

export { PEOPLE };

/** One seed for the whole suite: a failure prints it with the counterexample's path (fast-check's report). */
export const SEED = 20270201;

export const STAFF = 'formazione@consorzio.example.it';

/** The small academy's registry, with a second open course of twenty seats and a course not yet open. */
export const REGISTRY: NonNullable<Preparation['registry']> = {
  Comuni: COMUNI,
  Dipendenti: PEOPLE,
  Corsi: [
    EXCEL_COURSE,
    {
      Codice: 'PRIV-GDPR',
      Titolo: 'Privacy e GDPR',
      Ore: 4,
      Modalità: 'Online',
      Posti: 20,
      Stato: 'Iscrizioni aperte',
    },
    {
      Codice: 'WORD-AV',
      Titolo: 'Word avanzato',
      Ore: 8,
      Modalità: 'In presenza',
      Posti: 10,
      Stato: 'In programmazione',
    },
  ],
  Sessioni: [
    ...SESSIONS,
    { Corso: 'PRIV-GDPR', Data: '2027-03-10', Inizio: '14:00', Fine: '18:00', Stato: 'Programmata' },
  ],
};
export const OPEN_COURSES = ['EXC-BASE', 'PRIV-GDPR'];

/**
 * An academy prepared once (setup, registry, whatever `then` does) and saved; `open()` gives a fresh
 * copy of it for each run, so runs cannot see each other and a failing run replays alone.
 */
export class SavedAcademy {
  private constructor(
    private readonly dir: string,
    private readonly file: string,
  ) {}

  static async prepare(then: (academy: LocalAcademy) => void = () => undefined): Promise<SavedAcademy> {
    const academy = LocalAcademy.fresh({ start: START });
    await prepareAcademy(academy, { settings: { 'Email staff per notifiche': STAFF }, registry: REGISTRY });
    then(academy);
    const dir = mkdtempSync(join(tmpdir(), 'a4pa-fuzz-'));
    const file = join(dir, 'academy.bin');
    academy.save(file);
    return new SavedAcademy(dir, file);
  }

  open(): LocalAcademy {
    const academy = LocalAcademy.open(this.file);
    if (!academy) throw new Error(`saved academy missing: ${this.file}`);
    return academy;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function mustRun(run: RunResult): unknown {
  if (!run.ok) throw new Error(run.error);
  return run.value;
}

/**
 * The academy as a busy morning leaves it, saved: the form published, each `enrollments` request sent
 * through it, the calendar synced, then whatever `then` adds.
 */
export function savedBusyAcademy(
  enrollments: ReadonlyArray<{ email: string; course: string }>,
  then: (academy: LocalAcademy) => void = () => undefined,
): Promise<SavedAcademy> {
  return SavedAcademy.prepare((academy) => {
    mustRun(academy.call('publishEnrollmentForm'));
    for (const { email, course } of enrollments) {
      const run = runStep(academy, { do: 'submit', email, courses: [course] }, 0);
      if (!run.ok) throw new Error(run.error);
    }
    mustRun(academy.call('syncCalendar'));
    then(academy);
  });
}

/**
 * What a raw JavaScript failure looks like once it reaches a caller: the entry point's own wrapper
 * («…» non è riuscita per un errore imprevisto) or an engine message. The add-on's messages are Italian
 * sentences written for staff; none of these fragments belongs in one.
 */
const RAW_ERROR =
  /errore imprevisto|TypeError|ReferenceError|RangeError|SyntaxError|is not a function|is not iterable|is not defined|Cannot read|Cannot convert|Cannot set|Cannot access|Invalid time value|Invalid array length|Maximum call stack|Unexpected token|of undefined|of null/;

export function isRawError(message: string | undefined): boolean {
  return RAW_ERROR.test(message ?? '');
}

/** Every formula in any tab of the academy's spreadsheet, as `Tab!row:col formula`. */
export function formulasOf(academy: LocalAcademy): string[] {
  const out: string[] = [];
  for (const [tab, sheet] of Object.entries(snapshotSheets(academy.ws, academy.spreadsheetId))) {
    for (const f of sheet.formulas) out.push(`${tab}: ${f}`);
  }
  return out;
}

/** Every cell of every tab whose value is a number Google cannot hold (an overflow written as a value). */
export function nonFiniteCells(academy: LocalAcademy): string[] {
  const out: string[] = [];
  for (const [tab, sheet] of Object.entries(snapshotSheets(academy.ws, academy.spreadsheetId))) {
    sheet.rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        if ((typeof value === 'number' && !Number.isFinite(value)) || /^-?(Infinity|NaN)$/.test(String(value)))
          out.push(`${tab} riga ${i + 2} ${column}: ${String(value)}`);
      }
    });
  }
  return out;
}

/**
 * Mails sent more than once. The outbox remembers a digest of each sent mail's dedupe key (`a4pa.mail.sent`,
 * a window far larger than one fuzz run): the digests must be distinct and as many as the mails delivered,
 * so no dedupe key went twice and no mail went around the outbox.
 */
export function mailsNotOnce(academy: LocalAcademy): string[] {
  const props = (academy.ws.state.slots.properties as { script: Record<string, string> } | undefined)?.script ?? {};
  const digests = (props['a4pa.mail.sent'] ?? '').split(',').filter((d) => d !== '');
  const delivered = snapshotMail(academy.ws).length;
  const problems: string[] = [];
  const twice = digests.filter((d, i) => digests.indexOf(d) !== i);
  if (twice.length > 0) problems.push(`chiavi inviate due volte: ${twice.join(', ')}`);
  if (digests.length !== delivered) problems.push(`${delivered} email consegnate, ${digests.length} chiavi inviate`);
  return problems;
}

export function registroLength(academy: LocalAcademy): number {
  return academy.readTab('Registro')?.rows.length ?? 0;
}

export function registroRows(academy: LocalAcademy): Array<Record<string, unknown>> {
  return snapshotSheets(academy.ws, academy.spreadsheetId).Registro?.rows ?? [];
}

/** Text people and staff type that has broken spreadsheets and mail before. */
const HOSTILE = [
  '"',
  "'",
  '=1+1',
  '=HYPERLINK("https://evil.example.com","clic")',
  '+39 333 1234567',
  '-1',
  '@SUM(A1:A9)',
  '\t=cmd',
  '\r\nBcc: spia@evil.example.com',
  '<script>alert(1)</script>',
  '&quot;',
  '\u202Eevil\u202C',
  '\u200F\u05e9\u05dc\u05d5\u05dd',
  '\u{1F469}\u200D\u{1F4BB}',
  '\uD83D',
  'Zoë Ça',
  '   ',
  '',
];

/** A hostile string: a piece from the list, random text, or one of them repeated into thousands of characters. */
export function hostileText(maxRepeat = 20_000): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  return fc.oneof(
    { weight: 4, arbitrary: piece },
    { weight: 2, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(piece, fc.integer({ min: 2, max: maxRepeat }))
        .map(([p, n]) => (p || '"').repeat(n).slice(0, maxRepeat)),
    },
  );
}
