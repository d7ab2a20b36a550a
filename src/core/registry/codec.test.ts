import { neutralizeText } from '../text';
import {
  adjacentRuns,
  decodeTable,
  duplicateIdMessage,
  encodeRow,
  encodeValue,
  mapColumns,
  planUpdates,
  type FormatDate,
} from './codec';
import { HEADERS, TAB } from './tabs';

/** Formats like Utilities.formatDate in Europe/Rome, for the patterns the codec uses. */
const romeFormat: FormatDate = (date, pattern) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Rome',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return pattern
    .replace('yyyy', parts.year ?? '')
    .replace('MM', parts.month ?? '')
    .replace('dd', parts.day ?? '')
    .replace('HH', parts.hour ?? '')
    .replace('mm', parts.minute ?? '');
};

describe('header matching', () => {
  test('ignores case, accents and surrounding spaces', () => {
    const { columns, missing } = mapColumns(TAB.corsi, [
      '  codice ',
      'TITOLO',
      'modalita',
      'Ore',
      'Posti',
      'stato',
      'Area',
    ]);
    expect(columns).toMatchObject({ code: 1, title: 2, mode: 3, hours: 4, seats: 5, status: 6, area: 7 });
    expect(missing.map((m) => m.header)).toContain('Descrizione');
  });

  test('reordered and extra columns decode by header, the extra column ignored', () => {
    const grid = [
      ['Telefono', 'Email', 'Cognome', 'Nome', 'ID', 'Comune', 'Ruolo', 'Attivo'],
      ['333', 'Anna.Bassi@Comune.Crema.cr.it ', 'Bassi', 'Anna', 'D00001', 'Crema', 'dipendente', true],
    ];
    const t = decodeTable(TAB.dipendenti, grid, romeFormat);
    expect(t.problems).toEqual([]);
    expect(t.rows).toEqual([
      {
        row: 2,
        record: {
          id: 'D00001',
          firstName: 'Anna',
          lastName: 'Bassi',
          email: 'anna.bassi@comune.crema.cr.it',
          taxCode: '',
          comune: 'Crema',
          role: 'Dipendente',
          office: '',
          active: true,
        },
      },
    ]);
  });

  test('a missing required header is one problem for the tab, not a crash', () => {
    const t = decodeTable(
      TAB.dipendenti,
      [
        ['ID', 'Nome', 'Cognome', 'Comune', 'Ruolo'],
        ['D00001', 'A', 'B', 'Crema', 'Dipendente'],
      ],
      romeFormat,
    );
    expect(t.rows).toEqual([]);
    expect(t.problems).toEqual([
      {
        tab: 'Dipendenti',
        row: 1,
        column: 'Email',
        message: "Manca la colonna «Email» nell'intestazione: esegua «Configura» per aggiungerla.",
      },
    ]);
  });
});

describe('decoding rows as Sheets returns them', () => {
  const header = [...(HEADERS.Sessioni as string[])];
  test('dates and times are read through the spreadsheet zone', () => {
    const day = new Date(Date.UTC(2027, 2, 1, 23, 0)); // local midnight of 2 March in Rome (UTC+1)
    const start = new Date(Date.UTC(1899, 11, 30, 8, 0)); // 09:00 on Sheets' epoch in Rome
    const end = new Date(Date.UTC(1899, 11, 30, 11, 0));
    const t = decodeTable(
      TAB.sessioni,
      [header, ['EXC-BASE-S1', 'EXC-BASE', day, start, end, '', '', '', '']],
      romeFormat,
    );
    expect(t.problems).toEqual([]);
    expect(t.rows[0]?.record).toMatchObject({
      date: '2027-03-02',
      start: '09:00',
      end: '12:00',
      status: 'Programmata',
    });
  });

  test('dates and times typed as text are accepted', () => {
    const t = decodeTable(
      TAB.sessioni,
      [header, ['X-S1', 'X', '30/03/2027', '9.30', '12:00', '', '', '', 'annullata']],
      romeFormat,
    );
    expect(t.rows[0]?.record).toMatchObject({ date: '2027-03-30', start: '09:30', end: '12:00', status: 'Annullata' });
  });

  test('an end before the start is reported on Fine', () => {
    const t = decodeTable(
      TAB.sessioni,
      [header, ['X-S1', 'X', '2027-03-30', '12:00', '09:00', '', '', '', '']],
      romeFormat,
    );
    expect(t.rows).toEqual([]);
    expect(t.problems).toEqual([
      { tab: 'Sessioni', row: 2, column: 'Fine', message: "Fine: la fine (09:00) deve seguire l'inizio (12:00)" },
    ]);
  });

  test('blank rows are skipped silently, a bad row is reported while the good one next to it is read', () => {
    const corsi = [...(HEADERS.Corsi as string[])];
    const good = ['EXC-BASE', 'Excel di base', '', '', '', 6, 'Online', '', 20, '', '', '', 'Iscrizioni aperte'];
    const bad = ['EXC-ADV', 'Excel avanzato', '', '', '', 'sei', 'Online', '', 20, '', '', '', 'Aperto'];
    const blank = corsi.map(() => '');
    const t = decodeTable(TAB.corsi, [corsi, good, blank, bad], romeFormat);
    expect(t.rows.map((r) => [r.row, r.record.code])).toEqual([[2, 'EXC-BASE']]);
    expect(t.problems).toEqual([
      { tab: 'Corsi', row: 4, column: 'Ore', message: 'Ore: «sei» non è un numero' },
      {
        tab: 'Corsi',
        row: 4,
        column: 'Stato',
        message:
          'Stato: «Aperto» non è un valore ammesso (ammessi: Bozza, Iscrizioni aperte, Iscrizioni chiuse, Concluso, Annullato)',
      },
    ]);
    expect(t.lastRow).toBe(4);
  });

  test('hours typed as text "6" or "6,5" are numbers; audience is a list of roles', () => {
    const corsi = [...(HEADERS.Corsi as string[])];
    const row = [
      'GDPR',
      'GDPR',
      'Servizi digitali e normativa',
      '',
      '',
      '6,5',
      'Mista',
      '',
      '20',
      'Dipendente, segretario comunale',
      '',
      '1.200,50',
      'Bozza',
    ];
    const t = decodeTable(TAB.corsi, [corsi, row], romeFormat);
    expect(t.rows[0]?.record).toMatchObject({
      hours: 6.5,
      seats: 20,
      audience: ['Dipendente', 'Segretario comunale'],
      threshold: null,
      cost: 1200.5,
    });
  });

  test('every tab reports its bad rows in Italian naming the column', () => {
    const cases: Array<[Parameters<typeof decodeTable>[0], unknown[], string]> = [
      [
        TAB.comuni,
        ['19035x', 'Crema', 'CR', '', '', '', '', ''],
        'Codice ISTAT: «19035x» non è un codice ISTAT (sei cifre)',
      ],
      [
        TAB.dipendenti,
        ['D00001', 'Anna', 'Bassi', 'anna@', '', 'Crema', 'Dipendente', '', true],
        'Email: «anna@» non è un indirizzo e-mail valido',
      ],
      [
        TAB.iscrizioni,
        ['I00001', '', 'EXC', 'a@b.it', '', 'Confermata', '', '', '', ''],
        'Data richiesta: data mancante',
      ],
      [
        TAB.presenze,
        ['S1', 'EXC', 'D00001', 'Rossi', 'Anna', 'Crema', '', 'forse', ''],
        'Presente: «forse» non è un valore sì/no',
      ],
      [
        TAB.attestati,
        ['A4PA-2027-00001', 'EXC', 'D00001', '', '', '', '', '', '', '', 0],
        'Versione: non può essere minore di 1',
      ],
      [TAB.formazioneEsterna, ['a@b.it', 'Syllabus', '', -2, '2027-01-10'], 'Ore: deve essere maggiore di 0'],
      [TAB.registro, ['', 'x', 'Configura', ''], 'Quando: data mancante'],
    ];
    for (const [tab, row, message] of cases) {
      const t = decodeTable(tab, [[...(HEADERS[tab] as string[])], row], romeFormat);
      expect(t.rows).toEqual([]);
      expect(t.problems.map((p) => p.message)).toContain(message);
    }
  });

  test('the good row of every tab decodes', () => {
    const when = new Date(Date.UTC(2027, 1, 1, 8));
    const cases: Array<[Parameters<typeof decodeTable>[0], unknown[]]> = [
      [TAB.comuni, [19035, 'Crema', 'cr', 34000, 'ref@comune.crema.cr.it', 1500, true, '']],
      [TAB.iscrizioni, ['I00001', when, 'EXC', 'A@B.it', '', 'In attesa', 1, 'Modulo', 'r1', '']],
      [TAB.presenze, ['EXC-S1', 'EXC', 'D00001', 'Rossi', 'Anna', 'Crema', '', true, 3]],
      [TAB.attestati, ['A4PA-2027-00001', 'EXC', 'D00001', 'a@b.it', 4, when, 'https://x', 'f1', when, 'ABC123', 1]],
      [TAB.formazioneEsterna, ['a@b.it', 'Syllabus', 'Dipartimento', '2', when]],
      [TAB.registro, [when, 'staff@x.it', 'Configura', '']],
      [TAB.impostazioni, ['Anno formativo', 2027]],
    ];
    for (const [tab, row] of cases) {
      const t = decodeTable(tab, [[...(HEADERS[tab] as string[])], row], romeFormat);
      expect({ tab, problems: t.problems }).toEqual({ tab, problems: [] });
      expect(t.rows).toHaveLength(1);
    }
    const comune = decodeTable(
      TAB.comuni,
      [[...(HEADERS.Comuni as string[])], [19035, 'Crema', 'cr', 34000, '', 1500, true, '']],
      romeFormat,
    );
    expect(comune.rows[0]?.record).toMatchObject({ istat: '019035', province: 'CR', feePaid: true, annualFee: 1500 });
  });
});

describe('encoding', () => {
  test('neutralises user text: =, +, -, @, tab and CR', () => {
    expect(neutralizeText('=1+1')).toBe("'=1+1");
    expect(neutralizeText('+39 0373 123456')).toBe("'+39 0373 123456");
    expect(neutralizeText('-5')).toBe("'-5");
    expect(neutralizeText('@x')).toBe("'@x");
    expect(neutralizeText('\tx')).toBe("'\tx");
    expect(neutralizeText('\rx')).toBe("'\rx");
    expect(neutralizeText('Anna')).toBe('Anna');
    expect(neutralizeText('')).toBe('');
  });

  test('a record written back leaves staff columns alone and neutralises text', () => {
    const columns = { firstName: 2, lastName: 3 };
    const row = encodeRow(columns, { firstName: '=HYPERLINK("x")', lastName: 'Bassi' }, [
      'keep',
      'old',
      'old',
      'staff',
    ]);
    expect(row).toEqual(['keep', '\'=HYPERLINK("x")', 'Bassi', 'staff']);
  });

  test('updates group adjacent rows and the span of changed columns, never crossing staff columns', () => {
    const values = [
      ['ID', 'Stato', 'Extra', 'Note'],
      ['I1', 'Confermata', 'x', ''],
      ['I2', 'Confermata', 'y', ''],
      ['I3', 'Confermata', 'z', ''],
      ['I4', 'Confermata', 'w', ''],
    ];
    const blocks = planUpdates({ columns: { id: 1, status: 2, notes: 4 }, values, width: 4 }, [
      { row: 2, patch: { status: 'Annullata' } },
      { row: 3, patch: { status: 'In attesa', notes: '=x' } },
      { row: 5, patch: { status: 'Respinta' } },
    ]);
    expect(blocks).toEqual([
      { row: 2, column: 2, values: [['Annullata'], ['In attesa']] },
      { row: 2, column: 4, values: [[''], ["'=x"]] },
      { row: 5, column: 2, values: [['Respinta']] },
    ]);
  });
});

describe('adjacentRuns', () => {
  it('groups items whose positions follow each other', () => {
    const runs = adjacentRuns([{ index: 0 }, { index: 1 }, { index: 3 }, { index: 5 }, { index: 6 }], (r) => r.index);
    expect(runs.map((r) => r.map((x) => x.index))).toEqual([[0, 1], [3], [5, 6]]);
    expect(adjacentRuns([4, 5, 7], (n) => n)).toEqual([[4, 5], [7]]);
    expect(adjacentRuns([], (n: number) => n)).toEqual([]);
  });
});

describe('identifiers typed on more than one row', () => {
  const header = [...(HEADERS.Iscrizioni as string[])];
  const at = new Date(Date.UTC(2027, 1, 1, 9));
  const line = (id: string, email: string, status = 'Confermata') => [
    id,
    at,
    'EXC-BASE',
    email,
    '',
    status,
    '',
    'Modulo',
    '',
    '',
  ];

  test('every row of a duplicated ID (ignoring case and spaces) leaves the usable rows, each reported with the others', () => {
    const t = decodeTable(
      TAB.iscrizioni,
      [header, line('I00001', 'a@x.it'), line('I00002', 'b@x.it'), line(' i00001 ', 'c@x.it', 'In attesa')],
      romeFormat,
    );
    expect(t.rows.map((r) => r.record.id)).toEqual(['I00002']);
    expect(t.problems).toEqual([
      {
        tab: 'Iscrizioni',
        row: 2,
        column: 'ID',
        message: 'ID: «I00001» è anche alla riga 4; finché non è unico nessuna operazione usa queste righe',
      },
      {
        tab: 'Iscrizioni',
        row: 4,
        column: 'ID',
        message: 'ID: «i00001» è anche alla riga 2; finché non è unico nessuna operazione usa queste righe',
      },
    ]);
    expect(duplicateIdMessage(t, 'I00001')).toBe(
      '«I00001» compare in più righe di Iscrizioni (righe 2 e 4): nessuna operazione la usa finché non è corretta.',
    );
    expect(duplicateIdMessage(t, 'I00002')).toBeNull();
  });

  test('a broken copy of an ID also sets the good row aside', () => {
    const t = decodeTable(
      TAB.iscrizioni,
      [header, line('I00001', 'a@x.it'), line('I00001', 'not-an-email'), line('I00001', 'b@x.it')],
      romeFormat,
    );
    expect(t.rows).toEqual([]);
    expect(t.problems.filter((p) => p.column === 'ID').map((p) => p.row)).toEqual([2, 3, 4]);
    expect(t.problems[t.problems.length - 1]?.message).toBe(
      'ID: «I00001» è anche alle righe 2 e 3; finché non è unico nessuna operazione usa queste righe',
    );
  });

  test('a session ID reused for another course sets both sessions aside', () => {
    const sessioni = [...(HEADERS.Sessioni as string[])];
    const t = decodeTable(
      TAB.sessioni,
      [
        sessioni,
        ['EXC-BASE-S1', 'EXC-BASE', '2027-03-02', '09:00', '12:00', '', 'evt1', '', ''],
        ['EXC-BASE-S1', 'WRD-BASE', '2027-04-02', '09:00', '12:00', '', '', '', ''],
      ],
      romeFormat,
    );
    expect(t.rows).toEqual([]);
    expect([...t.duplicateIds.entries()]).toEqual([['EXC-BASE-S1', [2, 3]]]);
  });
});

describe('plausible ranges', () => {
  const corsi = [...(HEADERS.Corsi as string[])];
  const courseRow = (hours: unknown, seats: unknown, cost: unknown) => [
    'EXC-BASE',
    'Excel di base',
    '',
    '',
    '',
    hours,
    'Online',
    '',
    seats,
    '',
    '',
    cost,
    'Iscrizioni aperte',
  ];

  test('a course of 0–1,000 hours, 0–10,000 seats and 0–10,000,000 € is read', () => {
    const t = decodeTable(TAB.corsi, [corsi, courseRow(1000, 10000, 10_000_000)], romeFormat);
    expect(t.problems).toEqual([]);
    expect(t.rows).toHaveLength(1);
  });

  test('absurd hours, seats and costs are problems to fix, the row left out of every total', () => {
    const t = decodeTable(TAB.corsi, [corsi, courseRow(1e300, 10001, 1e308)], romeFormat);
    expect(t.rows).toEqual([]);
    expect(t.problems.map((p) => p.message)).toEqual([
      'Ore: 1e+300 non è plausibile: al massimo 1.000',
      'Posti: 10001 non è plausibile: al massimo 10.000',
      'Costo (€): 1e+308 non è plausibile: al massimo 10.000.000',
    ]);
  });

  test('a date outside 2000–2100 is a problem', () => {
    const sessioni = [...(HEADERS.Sessioni as string[])];
    const t = decodeTable(
      TAB.sessioni,
      [sessioni, ['EXC-BASE-S1', 'EXC-BASE', '02/03/9999', '09:00', '12:00', '', '', '', '']],
      romeFormat,
    );
    expect(t.problems.map((p) => p.message)).toEqual(['Data: 02/03/9999 non è plausibile: anni dal 2000 al 2100']);
  });

  test('a value of 50,000 characters is quoted short in the message', () => {
    const t = decodeTable(TAB.corsi, [corsi, courseRow('x'.repeat(50_000), 10, 0)], romeFormat);
    expect(t.problems[0]?.message.length).toBeLessThan(100);
  });
});

describe('text the add-on writes', () => {
  test('is cut under 50,000 characters a cell, with an ellipsis, after neutralising', () => {
    const cell = encodeValue(`=${'"'.repeat(60_000)}`) as string;
    expect(cell.length).toBeLessThanOrEqual(50_000);
    expect(cell.startsWith("'=")).toBe(true);
    expect(cell.endsWith('…')).toBe(true);
  });
});
