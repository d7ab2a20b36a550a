import {
  countedRows,
  employeesOfUncountedComuni,
  leftOutList,
  leftOutRows,
  leftOutSentence,
  registryLeftOut,
} from './left-out';

const problems = [
  { tab: 'Dipendenti', row: 5, column: 'Comune', message: 'Comune: «Agnadelo» non è nel foglio Comuni' },
  { tab: 'Dipendenti', row: 5, column: 'Email', message: 'Email: non valida' },
  { tab: 'Sessioni', row: 7, column: 'Data', message: 'Data: non valida' },
  { tab: 'Sessioni', row: 3, column: 'Data', message: 'Data: non valida' },
  { tab: 'Corsi', row: 1, column: 'Ore', message: 'intestazione mancante' },
];

describe('rows left out because they need fixing', () => {
  it('lists each flagged data row once with its first reason, never the header', () => {
    expect(leftOutRows(problems)).toEqual([
      { tab: 'Dipendenti', row: 5, message: 'Comune: «Agnadelo» non è nel foglio Comuni' },
      { tab: 'Sessioni', row: 7, message: 'Data: non valida' },
      { tab: 'Sessioni', row: 3, message: 'Data: non valida' },
    ]);
  });

  it('keeps only the rows of a tab that nothing flags', () => {
    const rows = [4, 5, 6].map((row) => ({ row, record: { row } }));
    expect(countedRows('Dipendenti', rows, leftOutRows(problems)).map((r) => r.row)).toEqual([4, 6]);
    expect(countedRows('Comuni', rows, leftOutRows(problems))).toBe(rows);
  });

  it('leaves out the employees of a comune whose own row is flagged', () => {
    const employees = [
      { row: 2, record: { comune: 'Crema' } },
      { row: 3, record: { comune: 'Agnadello' } },
    ];
    expect(employeesOfUncountedComuni('Dipendenti', employees, ['CREMA'])).toEqual([
      { tab: 'Dipendenti', row: 3, message: expect.stringContaining('«Agnadello»') },
    ]);
  });

  it('leaves out the flagged rows and then the employees of a flagged comune, once each', () => {
    const flaggedComune = { tab: 'Comuni', row: 3, column: 'Codice ISTAT', message: 'Codice ISTAT: non valido' };
    const comuni = [
      { row: 2, record: { name: 'Crema' } },
      { row: 3, record: { name: 'Agnadello' } },
    ];
    const employees = [
      { row: 4, record: { comune: 'Crema' } },
      { row: 5, record: { comune: 'Agnadelo' } },
      { row: 6, record: { comune: 'Agnadello' } },
    ];
    expect(registryLeftOut([...problems, flaggedComune], comuni, employees).map((l) => `${l.tab} ${l.row}`)).toEqual([
      'Dipendenti 5',
      'Sessioni 7',
      'Sessioni 3',
      'Comuni 3',
      'Dipendenti 6',
    ]);
    expect(registryLeftOut([], null, employees)).toEqual([]);
  });

  it('says how many rows and which, by tab, rows in order', () => {
    const rows = leftOutRows(problems);
    expect(leftOutList(rows)).toBe('Dipendenti riga 5; Sessioni righe 3, 7');
    expect(leftOutSentence(rows)).toBe(
      '3 righe da correggere non sono state conteggiate (Dipendenti riga 5; Sessioni righe 3, 7): vedi «Da correggere».',
    );
    expect(leftOutSentence(rows.slice(0, 1))).toBe(
      '1 riga da correggere non è stata conteggiata (Dipendenti riga 5): vedi «Da correggere».',
    );
    expect(leftOutSentence([])).toBe('');
  });
});
