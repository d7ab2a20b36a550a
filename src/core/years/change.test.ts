import {
  CHANGE_PHASES,
  isBlankRow,
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
