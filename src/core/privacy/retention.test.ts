import { anonymisedResponseRows, cutoffDay, replaceEmails, responseColumns, retentionYears } from './retention';

describe('retention years and cutoff', () => {
  test('empty keeps forever, whole years 1..100 count, anything else is invalid', () => {
    expect(retentionYears('')).toBeNull();
    expect(retentionYears(' 5 ')).toBe(5);
    expect(retentionYears('2,5')).toBe('invalid');
    expect(retentionYears('0')).toBe('invalid');
  });
  test('the cutoff is the same day N years back; 29 February falls back to 28', () => {
    expect(cutoffDay('2031-03-10', 5)).toBe('2026-03-10');
    expect(cutoffDay('2028-02-29', 1)).toBe('2027-02-28');
  });
});

describe('e-mails in log lines', () => {
  test('each address found is replaced when the mapping says so, others are kept', () => {
    const text = 'I00012 EXC-BASE anna.rossi@comune.crema.cr.it (da formazione@consorzio.example.it)';
    const out = replaceEmails(text, (e) => (e.startsWith('anna') ? 'anonimo-abc@anonimo.invalid' : null));
    expect(out).toBe('I00012 EXC-BASE anonimo-abc@anonimo.invalid (da formazione@consorzio.example.it)');
  });
  test('text without addresses is unchanged', () => {
    expect(replaceEmails('Configura: fogli creati 3', () => 'x')).toBe('Configura: fogli creati 3');
  });
});

describe('the responses tab', () => {
  const header = [
    'Informazioni cronologiche',
    'Indirizzo email',
    'Nome',
    'Cognome',
    'Comune',
    'Corsi',
    'Azione',
    'Consenso',
  ];
  const columns = responseColumns(header, ['Nome', 'Cognome']);
  const dayOf = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : '');

  test('finds the e-mail by its word in any language and the names by the item titles', () => {
    expect(columns).toEqual({ email: 1, names: [2, 3] });
    expect(responseColumns(['Timestamp', 'Email Address', 'Nome'], ['Nome', 'Cognome'])).toEqual({
      email: 1,
      names: [2],
    });
    expect(responseColumns(['Timestamp', 'Nome'], ['Nome'])).toEqual({ email: null, names: [1] });
  });

  test('only rows before the cutoff change: e-mail pseudonymised, names cleared, the rest kept', () => {
    const rows = [
      [new Date('2024-05-02T08:00:00Z'), 'anna@x.it', 'Anna', 'Rossi', 'Crema', 'EXC', 'Iscrizione', 'Acconsento'],
      [new Date('2026-05-02T08:00:00Z'), 'bruno@x.it', 'Bruno', 'Bianchi', 'Crema', 'EXC', 'Iscrizione', 'Acconsento'],
      [
        new Date('2024-06-01T08:00:00Z'),
        'anonimo-1@anonimo.invalid',
        '',
        '',
        'Crema',
        'EXC',
        'Iscrizione',
        'Acconsento',
      ],
      ['', '', '', '', '', '', '', ''],
    ];
    const out = anonymisedResponseRows(rows, columns, '2025-01-01', dayOf, (e) => `anon(${e})`);
    expect(out).toEqual([
      { index: 0, values: [rows[0]![0], 'anon(anna@x.it)', '', '', 'Crema', 'EXC', 'Iscrizione', 'Acconsento'] },
    ]);
    expect(rows[0]![1]).toBe('anna@x.it');
  });
});
