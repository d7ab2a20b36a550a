import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { callRest } from '../../rest/testing';
import { Workspace } from '../../runtime/workspace';
import { createSpreadsheetApp } from '../spreadsheet/app';
import { spreadsheetsState } from '../spreadsheet/model';
import { findItem } from './store';
import { uploadFile } from './upload';
import { isDateFormat, readXlsx } from './xlsx-read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function copy(ws: Workspace, fileId: string, body: Record<string, unknown>): ReturnType<typeof callRest> {
  return callRest(ws, 'POST', `/drive/v3/files/${fileId}/copy?fields=id,name,mimeType,parents`, body);
}

async function syllabusWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const done = book.addWorksheet('Completamenti');
  done.addRow(['E-mail', 'Titolo attività', 'Durata (ore)', 'Data completamento', 'Superato']);
  done.addRow([
    'anna.bassi@comune.crema.cr.it',
    'Competenze digitali per la PA',
    4.5,
    new Date(Date.UTC(2027, 0, 12)),
    true,
  ]);
  done.addRow([
    'luca.ferrari@comune.crema.cr.it',
    'Cybersicurezza di base',
    2,
    new Date(Date.UTC(2027, 0, 15, 10, 30)),
    false,
  ]);
  done.getColumn(4).numFmt = 'dd/mm/yyyy';
  done.getCell('D3').numFmt = 'dd/mm/yyyy hh:mm';
  done.getCell('F2').value = { formula: 'C2*2', result: 9 };
  book.addWorksheet('Note').addRow(['Esportato da Syllabus']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const SHEETS = 'application/vnd.google-apps.spreadsheet';

function workspace(): Workspace {
  return Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
}

describe('Drive converts an uploaded xlsx into a spreadsheet (catalogue REST-DRIVE-CONVERT-XLSX)', () => {
  test('files.copy to the Sheets type makes a spreadsheet with every worksheet, values as Sheets reads them', async () => {
    const ws = workspace();
    const fileId = uploadFile(ws, 'Syllabus/completamenti.xlsx', await syllabusWorkbook());
    const answer = copy(ws, fileId, { name: 'Completamenti (copia)', mimeType: SHEETS });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: 'Completamenti (copia)', mimeType: SHEETS });
    expect(answer.body.parents).toEqual(findItem(ws, fileId)?.parents);

    const ss = (createSpreadsheetApp(ws).openById as (id: string) => GoogleAppsScript.Spreadsheet.Spreadsheet)(
      answer.body.id as string,
    );
    expect(ss.getSheets().map((s: Sheet) => s.getName())).toEqual(['Completamenti', 'Note']);
    const values = (ss.getSheets()[0] as Sheet).getDataRange().getValues();
    expect(values[0]).toEqual(['E-mail', 'Titolo attività', 'Durata (ore)', 'Data completamento', 'Superato', '']);
    expect(values[1]?.slice(0, 3)).toEqual(['anna.bassi@comune.crema.cr.it', 'Competenze digitali per la PA', 4.5]);
    // A workbook has no zone: the wall clock it shows is read in the new spreadsheet's (Europe/Rome).
    expect((values[1]?.[3] as Date).toISOString()).toBe('2027-01-11T23:00:00.000Z');
    expect((values[2]?.[3] as Date).toISOString()).toBe('2027-01-15T09:30:00.000Z');
    expect([values[1]?.[4], values[2]?.[4]]).toEqual([true, false]);
    expect(values[1]?.[5]).toBe(9);
    expect((ss.getSheets()[0] as Sheet).getRange('D2').getNumberFormat()).toBe('dd/mm/yyyy');
    expect((ss.getSheets()[0] as Sheet).getRange('F2').getFormula()).toBe('=C2*2');
    expect(findItem(ws, fileId)?.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  test('a file that is not a workbook fails to convert: 500 strictly, 400 leniently, and nothing is made', () => {
    for (const [variant, status] of [
      ['strict', 500],
      ['lenient', 400],
    ] as const) {
      const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00'), variant });
      const fileId = uploadFile(ws, 'rotto.xlsx', strToU8('PK non è un file Excel'));
      const answer = copy(ws, fileId, { mimeType: SHEETS });
      expect(answer.status).toBe(status);
      expect((answer.body.error as { code: number }).code).toBe(status);
      expect(Object.keys(spreadsheetsState(ws).byId)).toEqual([]);
    }
  });

  test('a copy to a type Drive cannot import into is refused with 400', () => {
    const ws = workspace();
    const fileId = uploadFile(ws, 'lista.csv', strToU8('a,b'));
    expect(copy(ws, fileId, { mimeType: 'application/vnd.google-apps.document' }).status).toBe(400);
  });
});

describe('emulator: reading an xlsx', () => {
  const xml = (body: string): Uint8Array => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
  const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

  test('inline and rich strings, booleans, errors, ISO dates and the 1904 date system', () => {
    const book = zipSync({
      'xl/workbook.xml': xml(
        `<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Dati" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': xml(`<sst ${MAIN}><si><r><t>Etica </t></r><r><t>pubblica</t></r></si></sst>`),
      'xl/styles.xml': xml(
        `<styleSheet ${MAIN}><numFmts><numFmt numFmtId="164" formatCode="&quot;ore&quot; 0.0"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
      ),
      'xl/worksheets/sheet1.xml': xml(
        `<worksheet ${MAIN}><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c t="inlineStr"><is><t xml:space="preserve"> a  capo </t></is></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c></row><row><c r="A3" s="1"><v>0</v></c><c r="B3" t="d"><v>2027-01-20T00:00:00</v></c><c r="C3" s="2"><v>3</v></c></row></sheetData></worksheet>`,
      ),
    });
    const [sheet] = readXlsx(book);
    expect(sheet?.name).toBe('Dati');
    expect(sheet?.cells.map((c) => [c.row, c.column, c.value])).toEqual([
      [2, 2, { kind: 'string', value: 'Etica pubblica' }],
      [2, 3, { kind: 'string', value: ' a  capo ' }],
      [2, 5, { kind: 'boolean', value: true }],
      [2, 6, { kind: 'string', value: '#N/A' }],
      [3, 1, { kind: 'date', value: { year: 1904, month: 1, day: 1, hour: 0, minute: 0, second: 0 } }],
      [3, 2, { kind: 'date', value: { year: 2027, month: 1, day: 20, hour: 0, minute: 0, second: 0 } }],
      [3, 3, { kind: 'number', value: 3 }],
    ]);
  });

  test('a date format is one that shows a day, month, year or time outside quotes and colours', () => {
    expect(['dd/mm/yyyy', 'd-mmm-yy', 'h:mm', '[h]:mm:ss', '[$-410]d mmmm yyyy'].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['General', '0.00', '"ore" 0.0', '[Red]#,##0', '#,##0 "h"'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('what is not a zip, or a zip without a workbook, is not a workbook', () => {
    expect(() => readXlsx(strToU8('Email;Titolo'))).toThrow('not a zip archive');
    expect(() => readXlsx(zipSync({ 'word/document.xml': xml('<document/>') }))).toThrow('no worksheets');
  });
});
