/**
 * The dashboard's figures record (src/gas/figures) against a whole reading of the registry: after a
 * random sequence (fixed seed) of the add-on's own writes (enrollments and cancellations from the form)
 * and staff's hand edits (statuses typed, rows broken and fixed, rows appended), with dashboards opened
 * in between that fold and save the record, the dashboard equals the one made from a record rebuilt
 * from every row, and the rule that a row to fix counts nowhere holds.
 */
import type { Dashboard } from '../../../src/gas/dashboard/types';
import { decodeTable } from '../../../src/core/registry/codec';
import { TAB } from '../../../src/core/registry/tabs';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { formatDate } from '../../../src/local/services/script/format-date';
import { scriptGlobals } from '../../../src/local/services/script';
import { measure } from '../../../src/local/bench/measure';
import { academyWith, callsOf, course, publish, step } from '../enrollment/helpers';
import { COMUNI, PEOPLE, SESSIONS } from '../../fixtures/small-academy';

const COURSES = [course(), course({ Codice: 'PEC-USO', Titolo: 'Usare la PEC', Posti: 3 })];
const EMAILS = PEOPLE.map((p) => p.Email);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function dashboard(academy: LocalAcademy): Dashboard {
  const run = academy.call('getDashboard');
  if (!run.ok) throw new Error(run.error);
  const { at: _at, atText: _atText, ...rest } = run.value as Dashboard;
  return rest as Dashboard;
}

/** The dashboard once the saved record no longer matches its generation: every big tab read whole. */
function rebuilt(academy: LocalAcademy): Dashboard {
  scriptGlobals(academy.ws).PropertiesService.getScriptProperties().setProperty('a4pa.figures.generation', 'stale');
  return dashboard(academy);
}

function enrollmentIds(academy: LocalAcademy): string[] {
  return (academy.readTab(TAB.iscrizioni)?.rows ?? []).map((r) => String(r[0] ?? '')).filter((id) => id !== '');
}

/** The random step `i`: an add-on write through the form or a hand edit, each firing what it fires on Google. */
function randomStep(academy: LocalAcademy, random: () => number): void {
  const what = random();
  const ids = enrollmentIds(academy);
  if (what < 0.3 || ids.length === 0) {
    step(academy, { do: 'submit', email: pick(random, EMAILS), courses: [pick(random, COURSES).Codice as string] });
  } else if (what < 0.4) {
    step(academy, {
      do: 'submit',
      email: pick(random, EMAILS),
      courses: [pick(random, COURSES).Codice as string],
      action: 'Annullamento',
    });
  } else if (what < 0.55) {
    step(academy, { do: 'edit', tab: TAB.iscrizioni, where: { ID: pick(random, ids) }, set: { Stato: 'boh' } });
  } else if (what < 0.7) {
    step(academy, { do: 'edit', tab: TAB.iscrizioni, where: { ID: pick(random, ids) }, set: { Stato: 'Annullata' } });
  } else if (what < 0.8) {
    step(academy, {
      do: 'append',
      tab: TAB.formazioneEsterna,
      rows: [
        { Email: pick(random, EMAILS), Titolo: 'Syllabus', Ore: random() < 0.5 ? 4 : 'tante', Data: '2027-02-02' },
      ],
    });
  } else if (what < 0.9) {
    step(academy, {
      do: 'append',
      tab: TAB.presenze,
      rows: [{ Sessione: 'EXC-BASE-S1', Corso: 'EXC-BASE', Dipendente: 'D00001', Presente: true, Ore: 'molte' }],
    });
  } else {
    step(academy, { do: 'edit', tab: TAB.dipendenti, where: { Email: pick(random, EMAILS) }, set: { Attivo: false } });
  }
}

describe('the figures record kept by the add-on’s writes and staff’s edits', () => {
  let academy: LocalAcademy;

  beforeAll(async () => {
    academy = await academyWith({
      registry: { Comuni: COMUNI, Dipendenti: PEOPLE, Corsi: COURSES, Sessioni: SESSIONS },
    });
    publish(academy);
  });

  // catalogue: SCRIPT-EDIT-TRIGGER-USER-ONLY
  it("runs the edit trigger for staff's typing and not for the add-on's own writes", () => {
    const before = enrollmentIds(academy).length;
    const submitted = measure(academy, () => {
      step(academy, { do: 'submit', email: EMAILS[3] as string, courses: ['PEC-USO'] });
    });
    expect(enrollmentIds(academy).length).toBe(before + 1);
    expect(submitted.executions).toBe(1);
    const [id] = enrollmentIds(academy);
    const typed = measure(academy, () => {
      expect(academy.edit(TAB.iscrizioni, { ID: id }, { Note: 'telefonato' }).runs).toHaveLength(1);
    });
    expect(typed.executions).toBe(1);
  });

  it('gives the dashboard of a record rebuilt from every row, after random writes and hand edits', () => {
    const random = rng(19);
    dashboard(academy);
    for (let checkpoint = 0; checkpoint < 3; checkpoint++) {
      for (let i = 0; i < 6; i++) {
        randomStep(academy, random);
        if (i % 2 === 1) dashboard(academy);
      }
      const folded = dashboard(academy);
      expect(rebuilt(academy)).toEqual(folded);
    }
  });

  it('leaves a row to fix out of every count, as a whole reading of Iscrizioni does', () => {
    const [first] = enrollmentIds(academy);
    step(academy, { do: 'edit', tab: TAB.iscrizioni, where: { ID: first }, set: { Stato: 'boh' } });
    const folded = dashboard(academy);
    const tab = academy.readTab(TAB.iscrizioni);
    const table = decodeTable(TAB.iscrizioni, [tab?.header ?? [], ...(tab?.rows ?? [])], (d, pattern) =>
      formatDate(d.getTime(), 'Europe/Rome', pattern),
    );
    const counted = table.rows.length;
    const total = Object.values(folded.counts.enrollmentsByStatus).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBe(counted);
    expect(folded.leftOut).toContainEqual(expect.objectContaining({ tab: TAB.iscrizioni, row: 2 }));
    expect(folded.problems.filter((p) => p.tab === TAB.iscrizioni)).toEqual(table.problems);
  });

  it('reads no big tab whole once the record is current: the same calls however many rows', () => {
    dashboard(academy);
    const calls = callsOf(academy, () => dashboard(academy));
    expect(calls.Spreadsheet).toBeLessThanOrEqual(14);
  });
});
