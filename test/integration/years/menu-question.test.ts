/**
 * «Nuovo anno formativo» from the menu asks with Sì/No before anything moves: the dialog closed or «No»
 * change nothing, «Sì» changes the year (catalogue: HTML-ALERT-ANSWER).
 */
import { answerNextAlerts, uiState } from '../../../src/local/services/spreadsheet';
import { rows, setting, yearEndAcademy } from './academy';

jest.setTimeout(60_000);

type Academy = Awaited<ReturnType<typeof yearEndAcademy>>;

function questions(academy: Academy): Array<{ buttons: string; answer: string; unanswered: boolean }> {
  return uiState(academy.ws, academy.spreadsheetId)
    .alerts.filter((a) => a.buttons === 'YES_NO')
    .map(({ buttons, answer, unanswered }) => ({ buttons, answer, unanswered }));
}

describe('Nuovo anno formativo from the menu', () => {
  test('the question closed or answered «No» changes nothing; «Sì» opens the next year', async () => {
    const academy = await yearEndAcademy();
    const enrollments = rows(academy, 'Iscrizioni');

    expect(academy.call('startNextTrainingYear', []).ok).toBe(true);
    answerNextAlerts(academy.ws, academy.spreadsheetId, 'NO');
    expect(academy.call('startNextTrainingYear', []).ok).toBe(true);
    expect(questions(academy)).toEqual([
      { buttons: 'YES_NO', answer: 'CLOSE', unanswered: true },
      { buttons: 'YES_NO', answer: 'NO', unanswered: false },
    ]);
    expect(String(setting(academy, 'Anno formativo'))).toBe('2027');
    expect(rows(academy, 'Iscrizioni')).toEqual(enrollments);

    answerNextAlerts(academy.ws, academy.spreadsheetId, 'YES');
    expect(academy.call('startNextTrainingYear', []).ok).toBe(true);
    expect(String(setting(academy, 'Anno formativo'))).toBe('2028');
    expect(rows(academy, 'Iscrizioni')).toEqual([]);
    const last = uiState(academy.ws, academy.spreadsheetId).alerts.at(-1);
    expect(last).toMatchObject({ buttons: 'OK', prompt: expect.stringMatching(/Anno formativo 2028 aperto/) });
  });
});
