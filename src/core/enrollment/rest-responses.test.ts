import { afterFilter, listedResponse, parseResponsePage, questionTitles, unknownQuestions } from './rest-responses';

const FORM = {
  items: [
    { itemId: '0000000a', title: 'Nome', questionItem: { question: { questionId: '1fbbe6ef' } } },
    { itemId: '0000000b', title: 'Corsi offerti', questionItem: { question: { questionId: '2a2b2c2d' } } },
    { itemId: '0000000c', title: 'Informativa' },
  ],
};

const RESPONSE = {
  responseId: 'ACYDBNabc',
  lastSubmittedTime: '2027-01-11T08:05:51.394652Z',
  respondentEmail: 'anna@comune.example.it',
  answers: {
    '1fbbe6ef': { questionId: '1fbbe6ef', textAnswers: { answers: [{ value: 'Anna' }] } },
    '2a2b2c2d': { questionId: '2a2b2c2d', textAnswers: { answers: [{ value: 'EXC' }, { value: 'PEC' }] } },
  },
};

describe('Forms API responses', () => {
  test('names questions by the title publication recorded for the item, else by the form’s own title', () => {
    // 0x0b = 11: publication recorded item 11 as "Corsi" before staff renamed it on the form.
    expect(questionTitles(FORM, { '11': 'Corsi' })).toEqual({ '1fbbe6ef': 'Nome', '2a2b2c2d': 'Corsi' });
  });

  test('reads a response as answers by title: one value as text, several as a list, milliseconds of its time', () => {
    const titles = { '1fbbe6ef': 'Nome', '2a2b2c2d': 'Corsi' };
    expect(listedResponse(RESPONSE, titles)).toEqual({
      id: 'ACYDBNabc',
      timestampMs: Date.UTC(2027, 0, 11, 8, 5, 51, 394),
      email: 'anna@comune.example.it',
      answers: { Nome: 'Anna', Corsi: ['EXC', 'PEC'] },
    });
  });

  test('leaves out an answer whose question no title names, and tells which questions are unknown', () => {
    const titles = { '1fbbe6ef': 'Nome', '2a2b2c2d': '' };
    expect(listedResponse(RESPONSE, titles).answers).toEqual({ Nome: 'Anna' });
    expect(unknownQuestions([RESPONSE], { '1fbbe6ef': 'Nome' })).toEqual(['2a2b2c2d']);
  });

  test('refuses a page of another shape instead of reading it as empty', () => {
    expect(parseResponsePage({})).toEqual({ responses: [], next: null });
    expect(() => parseResponsePage({ responses: [{ answers: {} }] })).toThrow(/Forms API/);
  });

  test('asks for the responses after an instant in the documented filter form', () => {
    expect(afterFilter(Date.UTC(2027, 0, 11, 8, 0, 0, 5))).toBe('timestamp > 2027-01-11T08:00:00.005Z');
  });
});
