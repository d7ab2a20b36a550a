import type { Employee, ExternalTraining } from '../registry/schemas';
import { parseDelimited } from './delimited';
import { mapImportColumns, planExternalImport } from './plan';

const formatDate = (d: Date): string => d.toISOString().slice(0, 10);

function employee(id: string, first: string, last: string, email: string, taxCode = ''): Employee {
  return {
    id,
    firstName: first,
    lastName: last,
    email,
    taxCode,
    comune: 'Crema',
    role: 'Dipendente',
    office: '',
    active: true,
  };
}

const EMPLOYEES = [
  employee('D00001', 'Anna', 'Bassi', 'anna.bassi@comune.crema.cr.it', 'BSSNNA80A41D142X'),
  employee('D00002', 'Luca', 'Ferrari', 'luca.ferrari@comune.crema.cr.it'),
];

describe('parseDelimited', () => {
  it('reads Italian Excel CSV: semicolons, quoted separators and quotes, CRLF, a BOM', () => {
    const text = '\ufeffEmail;Titolo;Ore\r\n"a@x.it";"Privacy; GDPR ""base""";1,5\r\nb@x.it;Etica;2\r\n';
    expect(parseDelimited(text)).toEqual([
      ['Email', 'Titolo', 'Ore'],
      ['a@x.it', 'Privacy; GDPR "base"', '1,5'],
      ['b@x.it', 'Etica', '2'],
    ]);
  });

  it('reads commas and keeps a blank line as a row, so line numbers match the file', () => {
    expect(parseDelimited('a,b\n\nc,d')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('keeps a line break inside quotes as part of the cell', () => {
    expect(parseDelimited('t,n\n"two\nlines",1\n')).toEqual([
      ['t', 'n'],
      ['two\nlines', '1'],
    ]);
  });
});

describe('mapImportColumns', () => {
  it('finds the columns of a Syllabus-style export by header, whatever their case, accents and order', () => {
    const columns = mapImportColumns([
      'Codice Fiscale',
      'Cognome',
      'Titolo attività',
      'Durata (ore)',
      'Data completamento',
    ]);
    expect(columns.missing).toEqual([]);
    expect(columns.at).toEqual({ taxCode: 0, title: 2, hours: 3, date: 4 });
    expect(columns.headers.hours).toBe('Durata (ore)');
  });

  it('says in Italian what a file lacks', () => {
    expect(mapImportColumns(['Nome', 'Ore']).missing).toEqual([
      'una colonna «Email» o «Codice fiscale»',
      'una colonna «Titolo» (o «Corso»)',
      'una colonna «Data» (o «Data completamento»)',
    ]);
  });
});

describe('planExternalImport', () => {
  const existing: ExternalTraining[] = [
    {
      email: 'luca.ferrari@comune.crema.cr.it',
      title: 'Anticorruzione 2026',
      provider: 'ANAC',
      hours: 2,
      date: '2026-03-10',
    },
  ];

  function plan(csv: string) {
    return planExternalImport({
      grid: parseDelimited(csv),
      employees: EMPLOYEES,
      existing,
      defaultProvider: 'Syllabus',
      formatDate,
    });
  }

  it("reads a spreadsheet's cells as written out by the add-on: numbers, wall-clock dates, a duration on day 0", () => {
    const result = planExternalImport({
      grid: [
        ['Email', 'Titolo', 'Ore', 'Data'],
        ['anna.bassi@comune.crema.cr.it', 'Privacy', 4.5, '2027-01-12 00:00:00'],
        ['anna.bassi@comune.crema.cr.it', 'Etica', '1899-12-30 01:45:00', '2027-01-15 10:30:00'],
      ],
      employees: EMPLOYEES,
      existing,
      defaultProvider: 'Syllabus',
      formatDate,
    });
    expect(result.invalid).toEqual([]);
    expect(result.add.map((a) => [a.record.hours, a.record.date])).toEqual([
      [4.5, '2027-01-12'],
      [1.75, '2027-01-15'],
    ]);
  });

  it('matches by e-mail (any case) or codice fiscale and adds the rows in the tab layout', () => {
    const result = plan(
      [
        'E-mail;Codice fiscale;Corso;Ore;Data',
        'ANNA.BASSI@comune.crema.cr.it;;Transizione digitale;1:30;2026-02-03T10:00:00Z',
        ';bssnna80a41d142x;Cybersicurezza;2 ore;04/02/2026',
      ].join('\n'),
    );
    expect(result.add.map((a) => [a.line, a.record, a.person.employeeId])).toEqual([
      [
        2,
        {
          email: 'anna.bassi@comune.crema.cr.it',
          title: 'Transizione digitale',
          provider: 'Syllabus',
          hours: 1.5,
          date: '2026-02-03',
        },
        'D00001',
      ],
      [
        3,
        {
          email: 'anna.bassi@comune.crema.cr.it',
          title: 'Cybersicurezza',
          provider: 'Syllabus',
          hours: 2,
          date: '2026-02-04',
        },
        'D00001',
      ],
    ]);
    expect([result.duplicates, result.unmatched, result.invalid]).toEqual([[], [], []]);
  });

  it('leaves out duplicates of the tab and of earlier lines, unknown people and invalid lines, each with its reason', () => {
    const result = plan(
      [
        'Email,Titolo,Ente,Ore,Data',
        'luca.ferrari@comune.crema.cr.it,anticorruzione  2026,ANAC,2,10/03/2026',
        'anna.bassi@comune.crema.cr.it,Etica,,3,01/04/2026',
        'anna.bassi@comune.crema.cr.it,ETICA,,3,2026-04-01',
        'nessuno@altro.it,Etica,,3,01/04/2026',
        'luca.ferrari@comune.crema.cr.it,Etica,,tre,31/02/2026',
        '',
      ].join('\n'),
    );
    expect(result.add.map((a) => a.line)).toEqual([3]);
    expect(result.add[0]?.record.provider).toBe('Syllabus');
    expect(result.duplicates).toEqual([
      {
        line: 2,
        text: 'Luca Ferrari · anticorruzione  2026',
        reason: 'già presente in «Formazione esterna» (stessa persona, titolo e data)',
      },
      { line: 4, text: 'Anna Bassi · ETICA', reason: 'uguale alla riga 3 del file (stessa persona, titolo e data)' },
    ]);
    expect(result.unmatched).toEqual([
      {
        line: 5,
        text: 'nessuno@altro.it · Etica',
        reason: 'nessun dipendente in «Dipendenti» con email nessuno@altro.it',
      },
    ]);
    expect(result.invalid).toHaveLength(1);
    expect(result.invalid[0]?.line).toBe(6);
    expect(result.invalid[0]?.reason).toMatch(/Ore: .*tre/);
    expect(result.invalid[0]?.reason).toMatch(/Data: .*31\/02\/2026/);
  });

  it('adds nothing from a file without the columns it needs', () => {
    const result = plan('Nome,Cognome\nAnna,Bassi');
    expect(result.columns.missing.length).toBeGreaterThan(0);
    expect(result.add).toEqual([]);
  });
});
