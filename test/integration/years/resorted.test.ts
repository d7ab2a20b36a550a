/**
 * A year change whose move of a tab spans executions, while staff sort the tab or delete rows from it in
 * between: the resumed move finds the tab changed (its progress is a row number), rereads it from the
 * top and archives every row once.
 */
import { defaultLatencyModel } from '../../../src/local/runtime/latency';
import { spreadsheetGlobals } from '../../../src/local/services/spreadsheet';
import { useLatency } from '../certificates/academy';
import { addAttendance, archiveRows, expectOk, rows, setting, yearEndAcademy } from './academy';

jest.setTimeout(120_000);

type Academy = Awaited<ReturnType<typeof yearEndAcademy>>;

const RESCAN = 'Anno formativo: foglio riletto';

/** 12,000 attendance rows beside the year's own: two chunks of the move. */
async function academyWithAttendance(): Promise<Academy> {
  const academy = await yearEndAcademy();
  addAttendance(academy, 12_000);
  return academy;
}

/** Each chunk written to the archive takes 150 s: a slice has room for one, and stops before the next. */
function slowArchiveWrites(academy: Academy): void {
  useLatency(academy, {
    ...defaultLatencyModel,
    cost(service, method, cells) {
      if (service === 'Spreadsheet' && method === 'setValues' && (cells ?? 0) > 10_000) return 150_000;
      return defaultLatencyModel.cost(service, method, cells);
    },
  });
}

function presenze(academy: Academy): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheetGlobals(academy.ws)
    .SpreadsheetApp.openById(academy.spreadsheetId)
    .getSheetByName('Presenze');
  if (!sheet) throw new Error('no Presenze');
  return sheet;
}

function keyOf(r: Record<string, unknown>): string {
  return `${String(r.Sessione)}|${String(r.Dipendente)}`;
}

function finish(academy: Academy): void {
  for (let i = 0; i < 20 && String(setting(academy, 'Anno formativo')) !== '2028'; i++) academy.advance(5);
  expect(String(setting(academy, 'Anno formativo'))).toBe('2028');
}

/** Every original row in the archive once, none left in the tab. */
function expectEachRowArchivedOnce(academy: Academy, original: Array<Record<string, unknown>>): void {
  const archived = archiveRows(academy, 'Presenze');
  expect(archived).toHaveLength(original.length);
  expect(new Set(archived.map(keyOf)).size).toBe(original.length);
  expect([...archived].sort((a, b) => keyOf(a).localeCompare(keyOf(b)))).toEqual(
    [...original].sort((a, b) => keyOf(a).localeCompare(keyOf(b))),
  );
  expect(rows(academy, 'Presenze').filter((r) => r.Sessione !== '')).toEqual([]);
}

describe('a year change resumed after staff changed a tab under it', () => {
  test('a sort of the tab between two slices: the move rereads it from the top and archives each row once', async () => {
    const academy = await academyWithAttendance();
    const original = rows(academy, 'Presenze').filter((r) => r.Sessione !== '');
    slowArchiveWrites(academy);
    const first = academy.call('startTrainingYear', [2028, { confirm: true }]);
    expectOk(first);
    // The first slice archived one chunk of Presenze and stopped for time.
    expect(archiveRows(academy, 'Presenze').length).toBeGreaterThan(0);
    expect(archiveRows(academy, 'Presenze').length).toBeLessThan(original.length);
    expect(String(setting(academy, 'Anno formativo'))).toBe('2027');
    // Staff sort the register by employee, newest last: the cleared rows go to the bottom.
    presenze(academy)
      .getRange(2, 1, presenze(academy).getLastRow() - 1, presenze(academy).getLastColumn())
      .sort({
        column: 3,
        ascending: false,
      });
    finish(academy);
    expectEachRowArchivedOnce(academy, original);
    expect(rows(academy, 'Registro').filter((r) => r.Azione === RESCAN)).toEqual([
      expect.objectContaining({ Dettagli: expect.stringMatching(/^Presenze: righe ordinate, inserite o eliminate/) }),
    ]);
  });

  test('rows deleted above the progress between two slices: the rows that moved up are archived too', async () => {
    const academy = await academyWithAttendance();
    const sheet = (): GoogleAppsScript.Spreadsheet.Sheet => presenze(academy);
    slowArchiveWrites(academy);
    expectOk(academy.call('startTrainingYear', [2028, { confirm: true }]));
    const archivedFirst = archiveRows(academy, 'Presenze').length;
    expect(archivedFirst).toBeGreaterThan(0);
    // Staff delete 500 of the cleared rows at the top: every row not moved yet shifts up by 500.
    sheet().deleteRows(2, 500);
    const original = [
      ...archiveRows(academy, 'Presenze'),
      ...rows(academy, 'Presenze').filter((r) => r.Sessione !== ''),
    ];
    finish(academy);
    expectEachRowArchivedOnce(academy, original);
    expect(rows(academy, 'Registro').map((r) => r.Azione)).toContain(RESCAN);
  });

  test('left alone between slices, the move trusts its progress and rereads nothing', async () => {
    const academy = await academyWithAttendance();
    const original = rows(academy, 'Presenze').filter((r) => r.Sessione !== '');
    slowArchiveWrites(academy);
    expectOk(academy.call('startTrainingYear', [2028, { confirm: true }]));
    finish(academy);
    expectEachRowArchivedOnce(academy, original);
    expect(rows(academy, 'Registro').map((r) => r.Azione)).not.toContain(RESCAN);
  });
});
