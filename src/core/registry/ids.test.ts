import { formatSequenceId, planSequenceIds, planSessionIds, sequenceNumber } from './ids';

describe('identifiers', () => {
  test('employee and enrollment IDs are zero-padded sequences', () => {
    expect(formatSequenceId('D', 1)).toBe('D00001');
    expect(formatSequenceId('I', 123456)).toBe('I123456');
    expect(sequenceNumber('D', 'D00042')).toBe(42);
    expect(sequenceNumber('D', 'I00042')).toBeNull();
  });

  test('missing IDs follow the highest in the tab or ever issued, in row order; blank rows get none', () => {
    const rows = [
      { row: 2, id: 'D00003', filled: true },
      { row: 3, id: '', filled: true },
      { row: 4, id: '', filled: false },
      { row: 5, id: '', filled: true },
    ];
    expect(planSequenceIds('D', rows, 0)).toEqual({
      assignments: [
        { row: 3, id: 'D00004' },
        { row: 5, id: 'D00005' },
      ],
      issued: 5,
    });
    expect(planSequenceIds('D', rows, 9).assignments.map((a) => a.id)).toEqual(['D00010', 'D00011']);
  });

  test('a deleted last ID is not reused: the issued counter wins over the tab', () => {
    expect(
      planSequenceIds(
        'I',
        [
          { row: 2, id: 'I00001', filled: true },
          { row: 3, id: '', filled: true },
        ],
        7,
      ).assignments,
    ).toEqual([{ row: 3, id: 'I00008' }]);
  });

  test('session IDs count per course in the order rows were added', () => {
    const rows = [
      { row: 2, id: 'EXC-S1', course: 'EXC', filled: true },
      { row: 3, id: '', course: 'EXC', filled: true },
      { row: 4, id: '', course: 'GDPR', filled: true },
      { row: 5, id: '', course: '', filled: true },
      { row: 6, id: '', course: 'EXC', filled: true },
    ];
    const plan = planSessionIds(rows, { GDPR: 2 });
    expect(plan.assignments).toEqual([
      { row: 3, id: 'EXC-S2' },
      { row: 4, id: 'GDPR-S3' },
      { row: 6, id: 'EXC-S3' },
    ]);
    expect(plan.issued).toEqual({ EXC: 3, GDPR: 3 });
  });
});
