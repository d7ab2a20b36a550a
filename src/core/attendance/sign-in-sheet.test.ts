import {
  PARTICIPANTS_MARKER,
  SIGN_IN_PLACEHOLDERS,
  signInFillBody,
  signInFolders,
  signInSessions,
  signInSheet,
  signInTemplateParagraphs,
} from './sign-in-sheet';

const course = { code: 'EXC', title: 'Excel', mode: 'Mista', venue: 'Sala consiliare', teacher: 'Elena Sala' };
const sessions = [
  { id: 'EXC-S2', course: 'EXC', date: '2027-03-09', start: '09:00', end: '13:00', status: 'Programmata', venue: '' },
  {
    id: 'EXC-S1',
    course: 'EXC',
    date: '2027-03-02',
    start: '09:00',
    end: '13:00',
    status: 'Programmata',
    venue: 'Crema',
  },
  { id: 'EXC-S3', course: 'EXC', date: '2027-03-16', start: '09:00', end: '13:00', status: 'Annullata', venue: '' },
];

describe('the sign-in sheet', () => {
  it('is made for the live sessions of an in-person or mixed course, by date, none online', () => {
    expect(signInSessions(course, sessions).map((s) => s.id)).toEqual(['EXC-S1', 'EXC-S2']);
    expect(signInSessions({ ...course, mode: 'Online' }, sessions)).toEqual([]);
    expect(signInFolders(2027, 'EXC')).toEqual(['Registri presenze 2027', 'EXC']);
  });

  it('lists course, date, time, place and teacher, and one line per enrollee by surname with an empty box', () => {
    const people = [
      { employeeId: 'D2', firstName: 'Luca', lastName: 'Rossi', comune: 'Crema' },
      { employeeId: 'D1', firstName: 'Anna', lastName: 'Bassi', comune: 'Pandino' },
    ];
    const sheet = signInSheet('Consorzio.IT', course, sessions[0] as (typeof sessions)[0], people);
    expect(sheet.name).toBe('Foglio firme EXC-S2 2027-03-09');
    expect(sheet.values).toEqual({
      ENTE: 'Consorzio.IT',
      CORSO: 'Excel',
      CODICE_CORSO: 'EXC',
      SESSIONE: 'EXC-S2',
      DATA: 'martedì 09/03/2027',
      ORARIO: '09:00–13:00',
      SEDE: 'Sala consiliare',
      DOCENTE: 'Elena Sala',
      ISCRITTI: '2',
    });
    expect(sheet.table).toEqual([
      ['N.', 'Cognome', 'Nome', 'Comune', 'Firma'],
      ['1', 'Bassi', 'Anna', 'Pandino', ''],
      ['2', 'Rossi', 'Luca', 'Crema', ''],
    ]);
  });

  it('has a template with every placeholder, filled literally by the Docs API', () => {
    const text = signInTemplateParagraphs()
      .map((p) => p.text)
      .join('\n');
    for (const name of SIGN_IN_PLACEHOLDERS) expect(text).toContain(`{{${name}}}`);
    expect(text).toContain(PARTICIPANTS_MARKER);
    const values = Object.fromEntries(SIGN_IN_PLACEHOLDERS.map((n) => [n, `$1 (${n}) \\`])) as Record<
      (typeof SIGN_IN_PLACEHOLDERS)[number],
      string
    >;
    expect(signInFillBody(values).requests[0]).toEqual({
      replaceAllText: { containsText: { text: '{{ENTE}}', matchCase: true }, replaceText: '$1 (ENTE) \\' },
    });
  });
});
