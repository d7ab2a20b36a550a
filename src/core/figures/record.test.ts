import { decodeTable, type Cell } from '../registry/codec';
import type { Enrollment } from '../registry/schemas';
import { TAB } from '../registry/tabs';
import {
  enrollmentContributions,
  enrollmentFigures,
  foldEnrollments,
  foldProblemsOnly,
  headerOf,
  problemsOnlyFigures,
  type TabChange,
} from './record';

const HEADER = ['ID', 'Data richiesta', 'Corso', 'Email', 'Dipendente', 'Stato', 'Posizione attesa', 'Origine'];
const COURSES = ['EXC-BASE', 'PEC', 'GDPR'];
const STATUSES = ['Confermata', 'In attesa', 'Annullata', 'Da verificare', 'boh'];

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

const formatDate = (d: Date): string => d.toISOString().slice(0, 10);

function enrollmentRow(id: number, random: () => number): Cell[] {
  return [
    `I${String(id).padStart(5, '0')}`,
    new Date(Date.UTC(2027, 0, 10 + (id % 20))),
    pick(random, COURSES),
    `p${id % 7}@comune.example.it`,
    `D${String(id % 7).padStart(5, '0')}`,
    pick(random, STATUSES),
    '',
    'Modulo',
  ];
}

function decode(grid: Cell[][]): ReturnType<typeof decodeTable<typeof TAB.iscrizioni>> {
  return decodeTable(TAB.iscrizioni, grid, formatDate);
}

/** The changed rows alone, as the add-on reads them again: every other row blank. */
function changeOf(grid: Cell[][], rows: number[]): TabChange<Enrollment> {
  const sparse: Cell[][] = grid.map((line, i) => (i === 0 || rows.includes(i + 1) ? line : []));
  return { header: headerOf(grid[0] ?? []), lastRow: grid.length, rows, decoded: decode(sparse) };
}

describe('the figures of Iscrizioni folded row by row equal the figures of the whole tab', () => {
  test.each([1, 2, 3, 4, 5])('after random edits, appends and broken rows (seed %i)', (seed) => {
    const random = rng(seed);
    const grid: Cell[][] = [HEADER, ...Array.from({ length: 40 }, (_, i) => enrollmentRow(i + 1, random))];
    let table = decode(grid);
    let figures = enrollmentFigures(table, grid.length);
    let contributions = enrollmentContributions(table, grid.length);
    let next = 41;
    for (let round = 0; round < 12; round++) {
      const changed = new Set<number>();
      for (let k = 0; k < 4; k++) {
        const row = 2 + Math.floor(random() * (grid.length - 1));
        const line = [...(grid[row - 1] as Cell[])];
        const what = random();
        if (what < 0.5) line[5] = pick(random, STATUSES);
        else if (what < 0.7) line[2] = pick(random, COURSES);
        else if (what < 0.8) line[3] = 'non è una email';
        else if (what < 0.9) line.fill('');
        else line[1] = 'ieri';
        if (line.every((c) => c === '')) line.length = 0;
        else line[0] = grid[row - 1]?.[0] ?? '';
        grid[row - 1] = line;
        changed.add(row);
      }
      const appended = Math.floor(random() * 3);
      for (let k = 0; k < appended; k++) {
        grid.push(enrollmentRow(next, random));
        changed.add(grid.length);
        next += 1;
      }
      const rows = [...changed].sort((a, b) => a - b);
      const old = new Map(rows.map((r) => [r, contributions[r - 2] ?? '']));
      const folded = foldEnrollments(figures, changeOf(grid, rows), old);
      expect(folded).not.toBeNull();
      table = decode(grid);
      const whole = enrollmentFigures(table, grid.length);
      const { maxSequence, ...rest } = folded?.figures ?? whole;
      expect({ ...rest, maxSequence: whole.maxSequence }).toEqual(whole);
      expect(maxSequence).toBeGreaterThanOrEqual(whole.maxSequence);
      figures = folded?.figures ?? whole;
      contributions = enrollmentContributions(table, grid.length);
      for (const [row, text] of folded?.contributions ?? []) expect(text).toBe(contributions[row - 2]);
    }
  });

  test('an identifier that is not fresh (typed on a row, or twice on new rows) or a changed header asks for the whole tab', () => {
    const random = rng(9);
    const grid: Cell[][] = [HEADER, ...Array.from({ length: 5 }, (_, i) => enrollmentRow(i + 1, random))];
    const table = decode(grid);
    const figures = enrollmentFigures(table, grid.length);
    const contributions = enrollmentContributions(table, grid.length);
    const old = (rows: number[]): Map<number, string> => new Map(rows.map((r) => [r, contributions[r - 2] ?? '']));
    const renamed = grid.map((l) => [...l]);
    (renamed[2] as Cell[])[0] = 'I00005';
    expect(foldEnrollments(figures, changeOf(renamed, [3]), old([3]))).toBeNull();
    const stale = [...grid, enrollmentRow(2, random)];
    expect(foldEnrollments(figures, changeOf(stale, [7]), old([]))).toBeNull();
    const twice = [...grid, enrollmentRow(8, random), enrollmentRow(8, random)];
    expect(foldEnrollments(figures, changeOf(twice, [7, 8]), old([]))).toBeNull();
    const header = grid.map((l) => [...l]);
    (header[0] as Cell[])[5] = 'Stato iscrizione';
    expect(foldEnrollments(figures, changeOf(header, [1]), old([]))).toBeNull();
  });

  test('rows deleted since (a shorter tab) ask for the whole tab', () => {
    const random = rng(11);
    const grid: Cell[][] = [HEADER, ...Array.from({ length: 5 }, (_, i) => enrollmentRow(i + 1, random))];
    const figures = enrollmentFigures(decode(grid), grid.length);
    expect(foldEnrollments(figures, changeOf(grid.slice(0, 4), [2]), new Map())).toBeNull();
  });
});

describe('the problems of Formazione esterna folded row by row', () => {
  test('equal the problems of the whole tab after rows are broken, fixed and appended', () => {
    const grid: Cell[][] = [
      ['Email', 'Titolo', 'Ente', 'Ore', 'Data'],
      ['anna@comune.example.it', 'GDPR', 'Syllabus', 4, '2027-02-01'],
      ['luca@comune.example.it', 'PEC', 'Syllabus', 'tante', '2027-02-01'],
      ['giulia@comune.example.it', 'Privacy', 'Syllabus', 2, '2027-02-03'],
    ];
    const decodeFe = (g: Cell[][]): ReturnType<typeof decodeTable> => decodeTable(TAB.formazioneEsterna, g, formatDate);
    const figures = problemsOnlyFigures(decodeFe(grid), grid.length);
    expect(figures.problems.map((p) => p.row)).toEqual([3]);
    const after = grid.map((l) => [...l]);
    (after[2] as Cell[])[3] = 3;
    (after[3] as Cell[])[4] = 'ieri';
    after.push(['marco@comune.example.it', 'Excel', 'Syllabus', -1, '2027-02-04']);
    const rows = [3, 4, 5];
    const sparse = after.map((line, i) => (i === 0 || rows.includes(i + 1) ? line : []));
    const folded = foldProblemsOnly(figures, {
      header: headerOf(after[0] ?? []),
      lastRow: after.length,
      rows,
      decoded: decodeFe(sparse),
    });
    expect(folded).toEqual(problemsOnlyFigures(decodeFe(after), after.length));
    expect(folded?.problems.map((p) => p.row)).toEqual([4, 5]);
  });
});
