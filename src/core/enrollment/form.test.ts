import {
  answersFromNamedValues,
  codeOfChoice,
  consentHelp,
  courseChoice,
  formTitle,
  readAnswers,
  splitChoiceCell,
} from './form';

describe('enrollment form content', () => {
  const course = { code: 'EXC-BASE', title: 'Excel di base', seats: 2 };
  const sessions = [
    { date: '2027-03-30', status: 'Programmata' },
    { date: '2027-03-02', status: 'Programmata' },
    { date: '2027-03-16', status: 'Annullata' },
  ];

  test('a choice shows code, title, dates and free seats or the waitlist', () => {
    expect(courseChoice(course, sessions, 1)).toBe('EXC-BASE — Excel di base (02/03, 30/03) — posti liberi: 1');
    expect(courseChoice(course, sessions, 2)).toBe("EXC-BASE — Excel di base (02/03, 30/03) — lista d'attesa");
    expect(courseChoice(course, [], 5)).toBe("EXC-BASE — Excel di base — lista d'attesa");
  });

  test('the code is read back from a choice, also from a stale one', () => {
    expect(codeOfChoice('EXC-BASE — Excel di base (02/03) — posti liberi: 1')).toBe('EXC-BASE');
    expect(codeOfChoice('EXC-BASE')).toBe('EXC-BASE');
  });

  test('answers: respondent e-mail first, else the Email answer, lower-cased; action defaults to Iscrizione', () => {
    const answers = {
      Nome: 'Anna',
      Cognome: 'Bassi',
      Comune: 'Crema',
      Corsi: ['EXC-BASE — Excel — posti liberi: 1'],
      Email: 'Other@X.it',
    };
    expect(readAnswers('Anna.Bassi@Crema.it', answers)).toEqual({
      email: 'anna.bassi@crema.it',
      firstName: 'Anna',
      lastName: 'Bassi',
      comune: 'Crema',
      courses: ['EXC-BASE'],
      action: 'Iscrizione',
    });
    expect(readAnswers('', { ...answers, Azione: 'Annullamento' })).toMatchObject({
      email: 'other@x.it',
      action: 'Annullamento',
    });
  });

  test('title and consent help', () => {
    expect(formTitle(2027, '')).toBe('Iscrizione ai corsi 2027 — Consorzio');
    expect(consentHelp('https://x.it/privacy')).toContain('Informativa privacy: https://x.it/privacy');
  });

  // catalogue: FORMS-DESTINATION-ROW
  test('a responses-tab cell of several choices is cut at each seats text, never at the commas between dates', () => {
    const a = courseChoice(course, sessions, 1);
    const b = courseChoice({ code: 'WORD', title: 'Word, livello 2', seats: 1 }, [], 1);
    expect(splitChoiceCell(`${a}, ${b}`)).toEqual([a, b]);
    expect(splitChoiceCell(a)).toEqual([a]);
  });

  test('a cell that cannot be cut unambiguously is refused: a title with the separator, another format, nothing', () => {
    expect(splitChoiceCell('X — Corso — speciale (01/02) — posti liberi: 1')).toBeNull();
    expect(splitChoiceCell('EXC-BASE')).toBeNull();
    expect(splitChoiceCell("EXC-BASE — Excel — lista d'attesa, altro")).toBeNull();
    expect(splitChoiceCell('  ')).toBeNull();
  });

  test('the answers of a spreadsheet submit event read as the form’s, and a blank event gives none', () => {
    const choice = courseChoice(course, sessions, 1);
    const named = {
      'Informazioni cronologiche': ['01/02/2027 9.00.00'],
      'Indirizzo email': ['anna@comune.example.it'],
      Nome: ['Anna'],
      Corsi: [choice],
      Azione: ['Annullamento'],
    };
    const answers = answersFromNamedValues(named);
    expect(answers?.Corsi).toEqual([choice]);
    expect(readAnswers('anna@comune.example.it', answers ?? {})).toMatchObject({
      firstName: 'Anna',
      courses: ['EXC-BASE'],
      action: 'Annullamento',
    });
    expect(answersFromNamedValues({ Nome: [''], Corsi: [''] })).toBeNull();
    expect(answersFromNamedValues({ Nome: ['Anna'] })).toBeNull();
  });
});
