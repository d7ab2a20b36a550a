import { Runtime } from './runtime';
import { Workspace } from './workspace';

const START = Date.parse('2027-02-01T09:00:00+01:00');

const SCRIPT = `
function clockAfterWork() {
  var sheet = SpreadsheetApp.create('Prova').getSheets()[0];
  sheet.getRange(1, 1, 7, 3).getValues();
  return [Date.now(), new Date().getTime()];
}`;

describe("emulator: the script's Date reads the emulated clock as JavaScript would", () => {
  test('Date.now() is a whole number of milliseconds even when calls cost fractions of one', () => {
    const ws = Workspace.create({ startMs: START });
    const run = new Runtime(ws, SCRIPT).run('clockAfterWork', [], { kind: 'trigger' });
    expect(run.ok).toBe(true);
    const [now, time] = run.value as [number, number];
    expect(ws.now() % 1).not.toBe(0);
    expect(Number.isInteger(now)).toBe(true);
    expect(now).toBe(time);
    expect(now).toBeGreaterThan(START);
  });
});
