import { codeOfChoice, consentHelp, courseChoice, formTitle, readAnswers } from './form';

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
});
