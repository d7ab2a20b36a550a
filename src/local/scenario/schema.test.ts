import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario, ScenarioFormatError, validateScenario } from './schema';

const START = '2027-02-01T09:00:00+01:00';

function refusal(data: unknown): string {
  try {
    validateScenario(data);
  } catch (error) {
    if (error instanceof ScenarioFormatError) return error.message;
    throw error;
  }
  throw new Error('the scenario was accepted');
}

describe('the scenario file schema', () => {
  it('accepts every step kind of the contract', () => {
    const scenario = validateScenario({
      start: START,
      settings: { 'Ore obiettivo annue': 40, 'Richiedi quota pagata': true, 'Nome mittente': 'Consorzio' },
      registry: { Comuni: [{ 'Codice ISTAT': '019035', Comune: 'Crema', 'Quota pagata': true, Note: null }] },
      steps: [
        { do: 'call', fn: 'syncCalendar', args: ['EXC-BASE'], as: 'someone@example.it' },
        {
          do: 'submit',
          email: 'a@b.it',
          courses: ['EXC-BASE'],
          action: 'Annullamento',
          answers: { Note: 'x', Giorni: ['lun'] },
          duplicate: true,
        },
        { do: 'edit', tab: 'Corsi', where: { Codice: 'EXC-BASE' }, set: { Stato: 'Concluso' } },
        { do: 'append', tab: 'Dipendenti', rows: [{ Nome: 'Anna' }] },
        { do: 'advance', minutes: 30 },
        { do: 'visit', url: 'https://script.google.com/macros/s/x/exec?v=1' },
        { do: 'fault', service: 'Calendar', times: 2, message: 'Service unavailable' },
        { do: 'quota', service: 'Mail', remaining: 0 },
        { do: 'upload', path: 'Syllabus/completamenti.csv', content: 'Email;Titolo;Ore;Data' },
      ],
    });
    expect(scenario.steps.map((s) => s.do)).toEqual([
      'call',
      'submit',
      'edit',
      'append',
      'advance',
      'visit',
      'fault',
      'quota',
      'upload',
    ]);
  });

  it('takes an upload as text or as base64 bytes, exactly one of the two', () => {
    const upload = (fields: Record<string, string>): unknown => ({
      start: START,
      steps: [{ do: 'upload', path: 'Syllabus/completamenti.xlsx', ...fields }],
    });
    expect(validateScenario(upload({ contentBase64: 'UEsDBA==' })).steps[0]).toMatchObject({
      contentBase64: 'UEsDBA==',
    });
    expect(refusal(upload({ content: 'a', contentBase64: 'UEsDBA==' }))).toMatch(/either "content".*"contentBase64"/);
    expect(refusal(upload({}))).toMatch(/either "content".*"contentBase64"/);
    expect(refusal(upload({ contentBase64: 'non è base64!' }))).toMatch(/^steps\[0\]\.contentBase64: /);
  });

  it('accepts the demo registry', () => {
    expect(validateScenario({ start: START, registry: 'demo', steps: [] }).registry).toBe('demo');
  });

  it('accepts the example scenarios', () => {
    for (const name of ['waitlist-and-calendar.json', 'attendance-and-certificates.json', 'demo-day.json']) {
      const text = readFileSync(resolve(__dirname, '../../../test/fixtures/scenarios', name), 'utf8');
      expect(parseScenario(text).steps.length).toBeGreaterThan(0);
    }
  });

  it('refuses unknown keys at every level, naming where', () => {
    expect(refusal({ start: START, steps: [], extra: 1 })).toMatch(/extra/);
    expect(refusal({ start: START, steps: [{ do: 'advance', minutes: 1, seconds: 2 }] })).toMatch(
      /^steps\[0\]: .*seconds/,
    );
  });

  it('refuses unknown steps and wrong types', () => {
    expect(refusal({ start: START, steps: [{ do: 'jump' }] })).toMatch(/^steps\[0\]\.do: /);
    expect(refusal({ start: START, steps: [{ do: 'advance', minutes: -1 }] })).toMatch(/^steps\[0\]\.minutes: /);
    expect(refusal({ start: START, steps: [{ do: 'fault', service: 'Sheets', times: 1, message: 'x' }] })).toMatch(
      /service/,
    );
    expect(refusal({ start: START, steps: [{ do: 'quota', service: 'Calendar', remaining: 1 }] })).toMatch(/service/);
    expect(refusal({ start: START, registry: { Comuni: [{ Comune: { nested: true } }] }, steps: [] })).toMatch(
      /^registry\.Comuni\[0\]\.Comune/,
    );
  });

  it('requires a start with an offset and the steps', () => {
    expect(refusal({ start: '2027-02-01T09:00:00', steps: [] })).toMatch(/^start: /);
    expect(refusal({ start: START })).toMatch(/^steps: /);
  });

  it('reports a file that is not JSON on one line', () => {
    expect(() => parseScenario('{ "start": ')).toThrow(ScenarioFormatError);
    try {
      parseScenario('{\n"start": \n');
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
