/**
 * `years@1k` on a small academy (the first 3 courses, about 60 employees asked for, the fast past): three
 * years in a row, each opened by *Nuovo anno formativo* and staff's review. The third year costs within
 * 10% of the first, and every row of each year is in that year's archive or, for the last year, in the
 * registry: none lost, none in two places.
 */
import { runYears, thirdWithinTenPercent, type YearsFigures } from '../../../src/local/bench/years';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { snapshotSheets } from '../../../src/local/services/spreadsheet';
import { spreadsheetsState } from '../../../src/local/services/spreadsheet/model';

// 634 s on a 2-core machine under a load of 13 (three years of ~2,000 executions each): four times that.
jest.setTimeout(2_600_000);

/** What identifies a row of each moved tab. */
const KEYS: Record<string, (r: Record<string, unknown>) => string> = {
  Corsi: (r) => String(r.Codice),
  Sessioni: (r) => String(r.ID),
  Iscrizioni: (r) => String(r.ID),
  Presenze: (r) => `${String(r.Sessione)}|${String(r.Dipendente)}`,
  Attestati: (r) => String(r.Numero),
  'Formazione esterna': (r) => `${String(r.Email)}|${String(r.Titolo)}|${String(r.Data)}`,
};

type Keys = Record<string, string[]>;

function keysOf(academy: LocalAcademy, spreadsheetId: string): Keys {
  const sheets = snapshotSheets(academy.ws, spreadsheetId);
  const out: Keys = {};
  for (const [tab, key] of Object.entries(KEYS)) {
    out[tab] = (sheets[tab]?.rows ?? [])
      .filter((r) => Object.values(r).some((v) => v !== '' && v !== false && v !== null))
      .map(key)
      .sort();
  }
  return out;
}

function archiveOf(academy: LocalAcademy, year: number): string {
  const ids = Object.values(spreadsheetsState(academy.ws).byId)
    .filter((ss) => ss.name === `Academy4PA - Archivio ${year}`)
    .map((ss) => ss.id);
  expect(ids).toHaveLength(1);
  return ids[0] as string;
}

let academy: LocalAcademy;
let figures: YearsFigures;
const atYearEnd = new Map<number, Keys>();

beforeAll(async () => {
  const run = await runYears({
    employees: 60,
    courses: 3,
    seed: 11,
    fastPast: true,
    onYearEnd: (year, a) => atYearEnd.set(year, keysOf(a, a.spreadsheetId)),
  });
  academy = run.outcome.academy;
  figures = run.figures;
});

test('three years lived, each opened by the year change without a failed execution', () => {
  expect(figures.years.map((y) => y.year)).toEqual([2027, 2028, 2029]);
  expect(figures.changes.map((c) => c.year)).toEqual([2028, 2029]);
  for (const c of figures.changes) {
    expect(c.failedExecutions).toBe(0);
    expect(c.review.failedExecutions).toBe(0);
    expect(c.executions).toBeGreaterThanOrEqual(1);
  }
  for (const y of figures.years) {
    expect(y.executions).toBeGreaterThan(0);
    expect(atYearEnd.get(y.year)?.Iscrizioni?.length).toBeGreaterThan(0);
    expect(atYearEnd.get(y.year)?.Presenze?.length).toBeGreaterThan(0);
  }
});

test('the third year costs within 10% of the first: nothing grows with the academy’s age', () => {
  expect(thirdWithinTenPercent(figures)).toBe(true);
  expect(Math.abs(figures.thirdToFirst - 1)).toBeLessThanOrEqual(0.1);
});

test('each year’s rows are in its archive, the last year’s in the registry: none lost, none twice', () => {
  const places: Array<[number, Keys]> = [
    [2027, keysOf(academy, archiveOf(academy, 2027))],
    [2028, keysOf(academy, archiveOf(academy, 2028))],
    [2029, keysOf(academy, academy.spreadsheetId)],
  ];
  for (const [year, keys] of places) {
    const lived = atYearEnd.get(year) as Keys;
    for (const tab of Object.keys(KEYS)) expect([tab, year, keys[tab]]).toEqual([tab, year, lived[tab]]);
  }
  for (const tab of Object.keys(KEYS)) {
    const all = places.flatMap(([, keys]) => keys[tab] ?? []);
    expect([tab, new Set(all).size]).toEqual([tab, all.length]);
  }
});
