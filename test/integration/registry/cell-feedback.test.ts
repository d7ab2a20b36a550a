/**
 * Feedback where the mistake is typed: the edit trigger marks a wrong cell at once with a note and a
 * highlight, and takes both away when the cell is fixed, leaving staff's own notes and colours alone.
 */
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { cellAt, spreadsheetData } from '../../../src/local/services/spreadsheet/model';

const HIGHLIGHT = '#fde2e1';

async function academy(): Promise<LocalAcademy> {
  const a = LocalAcademy.fresh({ start: '2026-02-02T09:00:00+01:00' });
  await prepareAcademy(a, {
    settings: { 'Anno formativo': 2026 },
    registry: {
      Comuni: [{ 'Codice ISTAT': '019001', Comune: 'Agnadello', Provincia: 'CR', 'Quota annuale (€)': 1000 }],
      Dipendenti: [
        {
          Nome: 'Giulia',
          Cognome: 'Ferrari',
          Email: 'giulia.ferrari@comune.agnadello.cr.it',
          Comune: 'Agnadello',
          Ruolo: 'Dipendente',
          Attivo: true,
        },
      ],
      Corsi: [{ Codice: 'EXC', Titolo: 'Excel', Ore: 4, Modalità: 'In presenza', Posti: 10, Stato: 'Bozza' }],
      Sessioni: [{ Corso: 'EXC', Data: '2026-03-02', Inizio: '09:00', Fine: '13:00' }],
    },
  });
  return a;
}

function cell(a: LocalAcademy, tab: string, row: number, header: string): { note: string; background: string } {
  const sheet = spreadsheetData(a.ws, a.spreadsheetId).sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const column = (a.readTab(tab)?.header ?? []).indexOf(header) + 1;
  const c = cellAt(sheet, row, column);
  const background = c?.st?.background;
  return { note: c?.note ?? '', background: typeof background === 'string' ? background : '' };
}

function setStaffMarks(a: LocalAcademy, tab: string, row: number, header: string, note: string, colour: string): void {
  const sheet = spreadsheetData(a.ws, a.spreadsheetId).sheets.find((s) => s.name === tab);
  const column = (a.readTab(tab)?.header ?? []).indexOf(header) + 1;
  const c = sheet ? cellAt(sheet, row, column) : null;
  if (!c) throw new Error('no cell');
  c.note = note;
  c.st = { ...(c.st ?? {}), background: colour };
}

describe('the edit trigger marks a wrong cell at once', () => {
  it('an impossible date in Sessioni gets a note and a highlight, both gone once fixed', async () => {
    const a = await academy();
    a.edit('Sessioni', { Corso: 'EXC' }, { Data: '31/02/2026' });
    const marked = cell(a, 'Sessioni', 2, 'Data');
    expect(marked.note).toContain('⚠ Academy4PA: Data');
    expect(marked.background).toBe(HIGHLIGHT);
    a.edit('Sessioni', { Corso: 'EXC' }, { Data: '28/02/2026' });
    expect(cell(a, 'Sessioni', 2, 'Data')).toEqual({ note: '', background: '' });
  });

  it('a comune missing from Comuni (Agnadelo) is marked in Dipendenti without pressing anything', async () => {
    const a = await academy();
    a.edit('Dipendenti', { Cognome: 'Ferrari' }, { Comune: 'Agnadelo' });
    const marked = cell(a, 'Dipendenti', 2, 'Comune');
    expect(marked.note).toBe('⚠ Academy4PA: Comune: «Agnadelo» non è nel foglio Comuni');
    expect(marked.background).toBe(HIGHLIGHT);
    expect(a.call('getDashboard').value).toMatchObject({
      problems: [{ tab: 'Dipendenti', row: 2, column: 'Comune' }],
    });
  });

  it('adding the missing comune to Comuni clears the mark in Dipendenti', async () => {
    const a = await academy();
    a.edit('Dipendenti', { Cognome: 'Ferrari' }, { Comune: 'Agnadelo' });
    a.append('Comuni', [{ 'Codice ISTAT': '019999', Comune: 'Agnadelo', Provincia: 'CR' }]);
    expect(cell(a, 'Dipendenti', 2, 'Comune')).toEqual({ note: '', background: '' });
  });

  it("staff's own note and colour survive the mark and its removal", async () => {
    const a = await academy();
    setStaffMarks(a, 'Sessioni', 2, 'Data', 'Da confermare col docente', '#fff2cc');
    a.edit('Sessioni', { Corso: 'EXC' }, { Data: '31/02/2026' });
    const marked = cell(a, 'Sessioni', 2, 'Data');
    expect(marked.note).toMatch(/^Da confermare col docente\n\n⚠ Academy4PA: Data/);
    expect(marked.background).toBe('#fff2cc');
    a.edit('Sessioni', { Corso: 'EXC' }, { Data: '28/02/2026' });
    expect(cell(a, 'Sessioni', 2, 'Data')).toEqual({ note: 'Da confermare col docente', background: '#fff2cc' });
  });

  it('marks a pasted block with one read and one write of notes and of colours, never per cell', async () => {
    const a = await academy();
    a.ws.resetCounts();
    a.append('Sessioni', [
      { Corso: 'EXC', Data: '31/02/2026', Inizio: '09:00', Fine: '13:00' },
      { Corso: 'EXC', Data: '30/02/2026', Inizio: '25:00', Fine: '13:00' },
    ]);
    const calls = a.ws.methodCounts;
    expect(calls['Spreadsheet.getNotes']).toBe(1);
    expect(calls['Spreadsheet.getBackgrounds']).toBe(1);
    expect(calls['Spreadsheet.setNotes']).toBe(1);
    expect(calls['Spreadsheet.setBackgrounds']).toBe(1);
    expect(calls['Spreadsheet.setNote']).toBeUndefined();
    expect(calls['Spreadsheet.setBackground']).toBeUndefined();
    expect(cell(a, 'Sessioni', 3, 'Data').background).toBe(HIGHLIGHT);
    expect(cell(a, 'Sessioni', 4, 'Inizio').background).toBe(HIGHLIGHT);
  });
});
