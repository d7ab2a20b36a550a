/**
 * Importing external training from an Excel file in Drive: Drive converts it into a temporary Google
 * Sheet (catalogue REST-DRIVE-CONVERT-XLSX), its first tab is read, and the temporary Sheet is deleted
 * whatever happens.
 */
import ExcelJS from 'exceljs';
import { injectRestFault, pendingRestFaults } from '../../../src/local/rest/faults';
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { driveState, SHEETS_MIME } from '../../../src/local/services/files/store';
import { spreadsheetsState } from '../../../src/local/services/spreadsheet/model';
import { academyWith, PEOPLE, rows, step } from '../enrollment/helpers';

jest.setTimeout(30_000);

const [anna, luca] = PEOPLE.map((p) => p.Email) as [string, string];

/** A Syllabus completion export as Excel writes it: real dates, numbers, a duration typed as 1:30. */
async function syllabusXlsx(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Completamenti');
  sheet.addRow(['Codice fiscale', 'E-mail', 'Titolo attività', 'Durata (ore)', 'Data completamento']);
  sheet.addRow(['', anna.toUpperCase(), 'Competenze digitali per la PA', 4.5, new Date(Date.UTC(2027, 0, 12))]);
  sheet.addRow(['', luca, 'Cybersicurezza di base', 2, new Date(Date.UTC(2027, 0, 15, 10, 30))]);
  sheet.addRow(['', luca, 'Cybersicurezza di base', 2, new Date(Date.UTC(2027, 0, 15))]);
  sheet.addRow(['', 'sconosciuto@gmail.com', 'Etica pubblica', 3, new Date(Date.UTC(2027, 0, 20))]);
  sheet.addRow(['', anna, 'Privacy e GDPR', new Date(Date.UTC(1899, 11, 30, 1, 30)), new Date(Date.UTC(2027, 0, 22))]);
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  sheet.getCell('E3').numFmt = 'dd/mm/yyyy hh:mm';
  sheet.getCell('D6').numFmt = '[h]:mm';
  book.addWorksheet('Istruzioni').addRow(['Esportazione Syllabus']);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

function external(academy: LocalAcademy): unknown[][] {
  return rows(academy, 'Formazione esterna').map((r) => [r.Email, r.Titolo, r.Ore, String(r.Data).slice(0, 10)]);
}

/** Spreadsheets other than the academy's own, in Drive or behind SpreadsheetApp. */
function otherSpreadsheets(academy: LocalAcademy): string[] {
  const drive = Object.values(driveState(academy.ws).items)
    .filter((it) => it.mimeType === SHEETS_MIME && it.id !== academy.spreadsheetId)
    .map((it) => it.name);
  const sheets = Object.values(spreadsheetsState(academy.ws).byId)
    .filter((ss) => ss.id !== academy.spreadsheetId)
    .map((ss) => ss.name);
  return [...drive, ...sheets];
}

describe('external training import from an Excel file', () => {
  test('an xlsx with dates, a duplicate and an unknown person imports once; a second import adds nothing', async () => {
    const academy = await academyWith();
    const upload = step(academy, {
      do: 'upload',
      path: 'Syllabus/completamenti-2027.xlsx',
      contentBase64: await syllabusXlsx(),
    });
    expect(upload.ok).toBe(true);

    const preview = step(academy, {
      do: 'call',
      fn: 'previewExternalTraining',
      args: ['Syllabus/completamenti-2027.xlsx'],
    });
    expect(preview.ok).toBe(true);
    const value = preview.value as {
      add: Array<{ line: number; name: string; hours: number; date: string }>;
      duplicates: Array<{ line: number; reason: string }>;
      unmatched: Array<{ line: number }>;
      invalid: unknown[];
    };
    expect(value.add.map((a) => [a.line, a.name, a.hours, a.date])).toEqual([
      [2, 'Anna Bassi', 4.5, '2027-01-12'],
      [3, 'Luca Ferrari', 2, '2027-01-15'],
      [6, 'Anna Bassi', 1.5, '2027-01-22'],
    ]);
    expect(value.duplicates.map((d) => [d.line, d.reason])).toEqual([
      [4, 'uguale alla riga 3 del file (stessa persona, titolo e data)'],
    ]);
    expect(value.unmatched.map((u) => u.line)).toEqual([5]);
    expect(value.invalid).toEqual([]);
    expect(external(academy)).toEqual([]);
    expect(otherSpreadsheets(academy)).toEqual([]);

    const first = step(academy, { do: 'call', fn: 'importExternalTraining', args: ['completamenti-2027.xlsx'] });
    expect(first.ok).toBe(true);
    expect(external(academy)).toEqual([
      [anna, 'Competenze digitali per la PA', 4.5, '2027-01-12'],
      [luca, 'Cybersicurezza di base', 2, '2027-01-15'],
      [anna, 'Privacy e GDPR', 1.5, '2027-01-22'],
    ]);
    const second = step(academy, { do: 'call', fn: 'importExternalTraining', args: ['completamenti-2027.xlsx'] });
    expect(second.ok).toBe(true);
    expect((second.value as { add: unknown[] }).add).toEqual([]);
    expect(external(academy)).toHaveLength(3);
    expect(otherSpreadsheets(academy)).toEqual([]);
  });

  test('a conversion whose answer was lost is retried, and both temporary Sheets are deleted', async () => {
    const academy = await academyWith();
    step(academy, { do: 'upload', path: 'completamenti.xlsx', contentBase64: await syllabusXlsx() });
    injectRestFault(academy.ws, {
      api: 'drive',
      status: 503,
      times: 1,
      when: 'after',
      match: /^POST \/drive\/v3\/files\/[^/]+\/copy$/,
    });
    const result = step(academy, { do: 'call', fn: 'importExternalTraining', args: ['completamenti.xlsx'] });
    expect(result.ok).toBe(true);
    expect(pendingRestFaults(academy.ws)).toBe(0);
    expect(external(academy)).toHaveLength(3);
    expect(otherSpreadsheets(academy)).toEqual([]);
  });

  test('a temporary Sheet Drive refuses to delete is left for staff, said in Registro, and the import still succeeds', async () => {
    const academy = await academyWith();
    step(academy, { do: 'upload', path: 'completamenti.xlsx', contentBase64: await syllabusXlsx() });
    injectRestFault(academy.ws, {
      api: 'drive',
      status: 403,
      times: 1,
      when: 'before',
      match: /^DELETE \/drive\/v3\/files\//,
    });
    const result = step(academy, { do: 'call', fn: 'importExternalTraining', args: ['completamenti.xlsx'] });
    expect(result.ok).toBe(true);
    expect(pendingRestFaults(academy.ws)).toBe(0);
    expect(external(academy)).toHaveLength(3);
    expect(otherSpreadsheets(academy)).toEqual([
      "completamenti.xlsx (copia temporanea per l'importazione)",
      "completamenti.xlsx (copia temporanea per l'importazione)",
    ]);
    const left = rows(academy, 'Registro').filter((r) => r.Azione === 'Copia temporanea non eliminata');
    expect(left.map((r) => String(r.Dettagli))).toEqual([
      expect.stringMatching(
        /^«completamenti\.xlsx» \(copia temporanea per l'importazione\), ID \S+: Drive API 403: .*; la elimini dal Drive$/,
      ),
    ]);
  });

  test('a corrupt xlsx is refused with an Italian message, adds nothing and leaves no temporary Sheet', async () => {
    const academy = await academyWith();
    step(academy, {
      do: 'upload',
      path: 'export.xlsx',
      contentBase64: Buffer.from('PK\u0003\u0004 troncato').toString('base64'),
    });
    const result = step(academy, { do: 'call', fn: 'importExternalTraining', args: ['export.xlsx'] });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(
      /^Drive non è riuscito a convertire «export\.xlsx» in un foglio Google \(Drive API (500|400): .*\): il file potrebbe essere danneggiato o non essere un file Excel\. .*non è stato importato nulla\.$/,
    );
    expect(external(academy)).toEqual([]);
    expect(otherSpreadsheets(academy)).toEqual([]);
  });
});
