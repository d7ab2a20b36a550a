import { previewCertificatesFor } from '../certificates/preview';
import {
  CHANGE_PHASES,
  isBlankRow,
  rowsWithContent,
  unfinishedWorkOf,
  archivedCounts,
  missingFromArchive,
  rowDigest,
  takeMissing,
  nextEditionCode,
  pendingSteps,
  splitRows,
  unfinishedLines,
  yearRefusal,
} from './change';

describe('yearRefusal', () => {
  test('accepts only the next year, as a number or its four digits', () => {
    expect(yearRefusal(2027, 2028)).toBeNull();
    expect(yearRefusal(2027, ' 2028 ')).toBeNull();
    expect(yearRefusal(2027, 2027)).toBe("L'anno formativo 2027 è già aperto.");
    expect(yearRefusal(2027, 2026)).toMatch(/già chiuso/);
    expect(yearRefusal(2027, 2030)).toMatch(/il 2028, non il 2030/);
    expect(yearRefusal(2027, 2028.5)).toMatch(/quattro cifre/);
    expect(yearRefusal(2027, undefined)).toMatch(/il prossimo è il 2028/);
  });
});

describe('unfinishedLines', () => {
  test('lists each kind of open work in Italian, nothing when all is done', () => {
    expect(
      unfinishedLines({ waiting: [], approvals: 0, unverified: 0, certificatesToIssue: 0, certificatesUnsent: 0 }),
    ).toEqual([]);
    expect(
      unfinishedLines({
        waiting: [
          { course: 'EXC', count: 2 },
          { course: 'PEC', count: 1 },
        ],
        approvals: 1,
        unverified: 2,
        certificatesToIssue: 5,
        certificatesUnsent: 1,
      }),
    ).toEqual([
      "3 richieste in lista d'attesa: EXC (2), PEC (1).",
      "1 richiesta attende l'approvazione del referente.",
      '2 richieste «Da verificare» senza dipendente.',
      '5 attestati da emettere per i corsi conclusi («Emetti attestati»).',
      '1 attestato emesso non ancora inviato.',
    ]);
  });
});

describe("the preview's figures", () => {
  const course = (code: string, status: 'Concluso' | 'Iscrizioni chiuse', hours = 4) => ({
    code,
    title: code,
    hours,
    threshold: null,
    status,
  });
  const enrollment = (course: string, employeeId: string, status: string) => ({
    course,
    employeeId,
    email: `${employeeId || 'x'}@comune.it`,
    status,
  });
  const year = {
    courses: [course('EXC', 'Concluso'), course('PEC', 'Iscrizioni chiuse'), course('GDPR', 'Concluso', 2)],
    sessions: [
      { id: 'EXC-S1', course: 'EXC', date: '2027-03-02', start: '09:00', end: '13:00', status: 'Programmata' },
      { id: 'PEC-S1', course: 'PEC', date: '2027-03-03', start: '09:00', end: '13:00', status: 'Programmata' },
      { id: 'GDPR-S1', course: 'GDPR', date: '2027-03-04', start: '09:00', end: '11:00', status: 'Programmata' },
    ],
    enrollments: [
      enrollment('EXC', 'D1', 'Confermata'),
      enrollment('EXC', 'D1', 'Confermata'),
      enrollment('EXC', 'D2', 'Confermata'),
      enrollment('EXC', 'D3', 'Confermata'),
      enrollment('EXC', '', 'Da verificare'),
      enrollment('PEC', 'D1', 'Confermata'),
      enrollment('PEC', 'D4', 'In attesa'),
      enrollment('EXC', 'D5', 'In attesa'),
      enrollment('PEC', 'D6', 'In attesa'),
      enrollment('GDPR', 'D2', 'Confermata'),
      enrollment('GDPR', 'D7', 'In approvazione'),
    ],
    attendance: ['D1', 'D2', 'D3'].flatMap((id) => [
      { session: 'EXC-S1', course: 'EXC', employeeId: id, email: '', present: id !== 'D3', hours: null },
      { session: 'PEC-S1', course: 'PEC', employeeId: id, email: '', present: true, hours: null },
      { session: 'GDPR-S1', course: 'GDPR', employeeId: id, email: '', present: true, hours: null },
    ]),
    certificates: [
      { number: 'A4PA-2027-00001', course: 'EXC', employeeId: 'D2', sentAt: new Date('2027-03-10T10:00:00Z') },
      { number: 'A4PA-2027-00002', course: 'GDPR', employeeId: 'D9', sentAt: null },
    ],
    defaultThreshold: 75,
  };

  test('counts the requests by status and the certificates as «Emetti attestati» would issue them', () => {
    expect(unfinishedWorkOf(year)).toEqual({
      waiting: [
        { course: 'PEC', count: 2 },
        { course: 'EXC', count: 1 },
      ],
      approvals: 1,
      unverified: 1,
      // EXC: D1 once (two rows), not D2 (issued) nor D3 (absent); GDPR: D2.
      certificatesToIssue: 2,
      certificatesUnsent: 1,
    });
    expect(unfinishedWorkOf(year).certificatesToIssue).toBe(previewCertificatesFor({ ...year, employees: [] }).toIssue);
  });

  test('counts the rows below the header that have content', () => {
    expect(rowsWithContent([])).toBe(0);
    expect(rowsWithContent([['Codice', 'Presente']])).toBe(0);
    expect(
      rowsWithContent([
        ['Codice', 'Presente'],
        ['', false],
        ['EXC', false],
        ['  ', ''],
        [0, ''],
      ]),
    ).toBe(2);
  });
});

describe('nextEditionCode', () => {
  test('replaces a trailing year, appends the new one otherwise, and never reuses a code', () => {
    const none = new Set<string>();
    expect(nextEditionCode('EXC-BASE', 2027, 2028, none)).toBe('EXC-BASE-2028');
    expect(nextEditionCode('PEC-2027', 2027, 2028, none)).toBe('PEC-2028');
    expect(nextEditionCode('GDPR-27', 2027, 2028, none)).toBe('GDPR-28');
    expect(nextEditionCode('EXC-BASE', 2027, 2028, new Set(['EXC-BASE-2028']))).toBe('EXC-BASE-2028-2');
  });
});

describe('pendingSteps', () => {
  test('a phase starts only when the previous one is complete', () => {
    const [first, second, third] = CHANGE_PHASES as [readonly string[], readonly string[], readonly string[]];
    expect(pendingSteps(new Set())).toEqual(first);
    expect(pendingSteps(new Set([...first.slice(1)]))).toEqual([first[0]]);
    expect(pendingSteps(new Set([...first, ...second.slice(2)]))).toEqual(second.slice(0, 2));
    expect(pendingSteps(new Set([...first, ...second]))).toEqual(third);
    expect(pendingSteps(new Set(CHANGE_PHASES.flat()))).toEqual([]);
  });
});

describe('moving rows', () => {
  const at = new Date('2027-05-10T00:00:00Z');
  const rows = [
    ['a', 1, at],
    ['', false, ''],
    ['b', 2, at],
    ['a', 1, at],
    ['keep', 3, at],
  ];

  test('blank rows neither move nor stay; the rest split by the rule', () => {
    expect(isBlankRow(['', false, '  '])).toBe(true);
    expect(splitRows(rows, (r) => r[0] === 'keep')).toEqual({ moving: [0, 2, 3], staying: [4] });
  });

  test('the archive gets only the rows it lacks, counting identical rows', () => {
    expect(missingFromArchive(rows, [0, 2, 3], [], 3)).toEqual([0, 2, 3]);
    expect(missingFromArchive(rows, [0, 2, 3], [['a', 1, new Date(at.getTime())]], 3)).toEqual([2, 3]);
    expect(
      missingFromArchive(
        rows,
        [0, 2, 3],
        [
          ['a', 1, at],
          ['b', 2, at],
          ['a', 1, at],
        ],
        3,
      ),
    ).toEqual([]);
    expect(missingFromArchive(rows, [2], [['b', '2', at]], 3)).toEqual([2]);
  });

  test('the chunks of one execution share one count: an archived row answers for one row only', () => {
    const have = archivedCounts([['a', 1, at]], 3);
    expect(takeMissing(rows, [0], have, 3)).toEqual([]);
    // The second identical row, in a later chunk, is missing: the archived one was taken by the first.
    expect(takeMissing(rows, [3], have, 3)).toEqual([3]);
  });

  test('a row digest tells rows apart by content, and two reads of the same row agree', () => {
    expect(rowDigest(['a', 1, new Date(at.getTime())], 3)).toBe(rowDigest(['a', 1, at], 3));
    expect(rowDigest(['a', 1, at], 3)).not.toBe(rowDigest(['a', '1', at], 3));
    // Short whatever the row's width: it is kept in the change's Script Property.
    expect(rowDigest(['b'.repeat(500), 2, at], 3).length).toBeLessThanOrEqual(15);
  });
});
