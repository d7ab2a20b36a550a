/**
 * Someone confirmed after the register was prepared lands in each session among its rows, in surname
 * order, not at the end of the tab: the rows already there keep their ticks, hours and notes (they move
 * with their rows), the inserted rows have their checkbox, and the cost is one insertion and one write
 * per block, whatever the size of the register.
 */
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { cellFor, sheetByName, spreadsheetData, type SheetData } from '../../../src/local/services/spreadsheet/model';
import { academyWith } from './academy';

function presenze(academy: LocalAcademy): SheetData {
  const sheet = sheetByName(spreadsheetData(academy.ws, academy.spreadsheetId), 'Presenze');
  if (!sheet) throw new Error('no Presenze');
  return sheet;
}

function lines(academy: LocalAcademy): string[] {
  const tab = academy.readTab('Presenze');
  if (!tab) throw new Error('no Presenze');
  const at = (name: string) => tab.header.indexOf(name);
  return tab.rows.map(
    (r) =>
      `${r[at('Sessione')]} ${r[at('Cognome')]} ${r[at('Presente')]}${r[at('Ore')] === '' ? '' : ` ${r[at('Ore')]}`}`,
  );
}

function methodCalls(academy: LocalAcademy, fn: () => void): Record<string, number> {
  const counts = (academy.ws as unknown as { methodCounts: Record<string, number> }).methodCounts;
  const before = { ...counts };
  fn();
  return Object.fromEntries(
    Object.entries(counts)
      .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
      .filter(([, v]) => v > 0),
  );
}

const person = (last: string) => ({ first: 'Anna', last, hours: [] });

async function preparedRegister(): Promise<LocalAcademy> {
  const academy = await academyWith([
    { code: 'A', hours: 4, status: 'Iscrizioni chiuse', people: [person('Rossi'), person('Bassi'), person('Verdi')] },
    { code: 'B', hours: 4, status: 'Iscrizioni chiuse', people: [person('Conti')] },
  ]);
  academy.call('prepareAttendance', ['A']);
  academy.call('prepareAttendance', ['B']);
  // D00001 is Rossi: ticked in the first session, with the hours and a note staff typed.
  academy.edit('Presenze', { Dipendente: 'D00001', Sessione: 'A-S1' }, { Presente: true, Ore: 1.5 });
  const header = academy.readTab('Presenze')?.header ?? [];
  cellFor(presenze(academy), 3, header.indexOf('Ore') + 1).note = 'Uscita alle 15:30';
  return academy;
}

function confirmLate(academy: LocalAcademy, last: string, id: string): void {
  const email = `${last.toLowerCase()}@comune.pandino.cr.it`;
  academy.append('Dipendenti', [
    { ID: id, Nome: 'Luca', Cognome: last, Email: email, Comune: 'Pandino', Ruolo: 'Dipendente', Attivo: true },
  ]);
  academy.append('Iscrizioni', [
    {
      'Data richiesta': '2027-03-01T10:00:00+01:00',
      Corso: 'A',
      Email: email,
      Dipendente: id,
      Stato: 'Confermata',
      Origine: 'Manuale',
    },
  ]);
}

describe('late enrollees in the register', () => {
  it('land in surname order within each session, keeping what was typed', async () => {
    const academy = await preparedRegister();
    expect(lines(academy)).toEqual([
      'A-S1 Bassi false',
      'A-S1 Rossi true 1.5',
      'A-S1 Verdi false',
      'A-S2 Bassi false',
      'A-S2 Rossi false',
      'A-S2 Verdi false',
      'B-S1 Conti false',
      'B-S2 Conti false',
    ]);
    confirmLate(academy, 'Ferrari', 'D00005');
    const result = academy.call('prepareAttendance', ['A']);
    expect(result.value).toMatchObject({ added: 2, enrollees: 4 });
    expect(lines(academy)).toEqual([
      'A-S1 Bassi false',
      'A-S1 Ferrari false',
      'A-S1 Rossi true 1.5',
      'A-S1 Verdi false',
      'A-S2 Bassi false',
      'A-S2 Ferrari false',
      'A-S2 Rossi false',
      'A-S2 Verdi false',
      'B-S1 Conti false',
      'B-S2 Conti false',
    ]);
    const header = academy.readTab('Presenze')?.header ?? [];
    const sheet = presenze(academy);
    // Rossi's row moved from 3 to 4 with its note; Ferrari's new rows (3 and 7) are checkboxes.
    expect(cellFor(sheet, 4, header.indexOf('Ore') + 1).note).toBe('Uscita alle 15:30');
    const presente = header.indexOf('Presente') + 1;
    expect([3, 7].map((row) => cellFor(sheet, row, presente).dv?.type)).toEqual(['CHECKBOX', 'CHECKBOX']);
    expect(academy.call('prepareAttendance', ['A']).value).toMatchObject({ added: 0 });
  });

  it('costs one insertion and one write per block of new rows, and one checkbox list', async () => {
    const academy = await preparedRegister();
    const nothing = methodCalls(academy, () => academy.call('prepareAttendance', ['A']));
    confirmLate(academy, 'Ferrari', 'D00005');
    confirmLate(academy, 'Zanotti', 'D00006');
    const added = methodCalls(academy, () => academy.call('prepareAttendance', ['A']));
    expect(nothing['Spreadsheet.insertRowsBefore'] ?? 0).toBe(0);
    // Four blocks: Ferrari before Rossi and Zanotti after Verdi, in each of the two sessions.
    expect(lines(academy).filter((l) => l.startsWith('A-'))).toEqual([
      'A-S1 Bassi false',
      'A-S1 Ferrari false',
      'A-S1 Rossi true 1.5',
      'A-S1 Verdi false',
      'A-S1 Zanotti false',
      'A-S2 Bassi false',
      'A-S2 Ferrari false',
      'A-S2 Rossi false',
      'A-S2 Verdi false',
      'A-S2 Zanotti false',
    ]);
    expect(added['Spreadsheet.insertRowsBefore']).toBe(4);
    // One write per block; both runs write their `Registro` lines (the sign-in sheets made again) with
    // one call, a block of several lines or a single line's `appendRow`.
    const writes = (c: Record<string, number>): number =>
      (c['Spreadsheet.setValues'] ?? 0) + (c['Spreadsheet.appendRow'] ?? 0);
    expect(writes(added) - writes(nothing)).toBe(4);
    expect(added['Spreadsheet.getRangeList']).toBe(1);
  });
});
