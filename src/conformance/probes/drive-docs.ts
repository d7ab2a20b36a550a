/** Probes for the catalogue's Drive and Docs entries (DRIVE-*, DOCS-*). Every file made is trashed after the run. */
import { thrown, type Probe, type ProbeContext } from '../probe';

function scratchDoc(ctx: ProbeContext, name: string, text: string): GoogleAppsScript.Document.Document {
  const doc = DocumentApp.create(name);
  ctx.scratch(doc.getId());
  doc.getBody().setText(text);
  return doc;
}

/** A 1×1 PNG: the smallest image a certificate's QR could be. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The smallest workbook Excel opens: two worksheets, a shared string, a number, a date (serial 46399 = 12/01/2027). */
function tinyWorkbook(): GoogleAppsScript.Base.Blob {
  const part = (name: string, xml: string): GoogleAppsScript.Base.Blob =>
    Utilities.newBlob(`<?xml version="1.0" encoding="UTF-8"?>${xml}`, 'application/xml', name);
  const sheet = (rows: string): string => `<worksheet ${MAIN}><sheetData>${rows}</sheetData></worksheet>`;
  return Utilities.zip(
    [
      part(
        '[Content_Types].xml',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
      part(
        '_rels/.rels',
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      part(
        'xl/workbook.xml',
        `<workbook ${MAIN} xmlns:r="${RELS}"><sheets><sheet name="Completamenti" sheetId="1" r:id="rId1"/><sheet name="Note" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      ),
      part(
        'xl/_rels/workbook.xml.rels',
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELS}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${RELS}/styles" Target="styles.xml"/></Relationships>`,
      ),
      part('xl/sharedStrings.xml', `<sst ${MAIN}><si><t>Titolo</t></si><si><t>Ore</t></si><si><t>Data</t></si></sst>`),
      part(
        'xl/styles.xml',
        `<styleSheet ${MAIN}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
      part(
        'xl/worksheets/sheet1.xml',
        sheet(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Etica pubblica</t></is></c><c r="B2"><v>4.5</v></c><c r="C2" s="1"><v>46399</v></c></row>',
        ),
      ),
      part('xl/worksheets/sheet2.xml', sheet('<row r="1"><c r="A1" t="b"><v>1</v></c></row>')),
    ],
    'sonda.xlsx',
  ).setContentType(XLSX);
}

/** Drive v3 `files.copy` to the Sheets type with the script's token: the status and the new file's id. */
function copyToSheets(fileId: string): { status: number; id: string } {
  const response = UrlFetchApp.fetch(
    `https://www.googleapis.com/drive/v3/files/${encodeURIComponent(fileId)}/copy?fields=id`,
    {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ mimeType: 'application/vnd.google-apps.spreadsheet' }),
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
      muteHttpExceptions: true,
    },
  );
  const status = response.getResponseCode();
  const body = status < 300 ? (JSON.parse(response.getContentText()) as { id?: string }) : {};
  return { status, id: body.id ?? '' };
}

export const driveDocsProbes: Probe[] = [
  {
    id: 'DOCS-INLINE-IMAGE',
    run: (ctx) => {
      const doc = scratchDoc(ctx, 'Sonda immagine', 'Verifica: {{QR}}');
      const found = doc.getBody().findText('\\{\\{QR\\}\\}');
      const paragraph = found ? found.getElement().getParent() : null;
      if (!paragraph) return { found: false };
      const image = paragraph
        .asParagraph()
        .appendInlineImage(Utilities.newBlob(Utilities.base64Decode(PIXEL_PNG), 'image/png', 'pixel.png'));
      const size = [image.getWidth(), image.getHeight()];
      image.setWidth(120).setHeight(120);
      return { parent: String(paragraph.getType()), size, resized: [image.getWidth(), image.getHeight()] };
    },
    expected: { value: { parent: 'PARAGRAPH', size: [1, 1], resized: [120, 120] } },
  },
  {
    id: 'DRIVE-SEES-WORKSPACE-FILES',
    run: (ctx) => {
      const form = FormApp.create('Sonda Drive modulo');
      ctx.scratch(form.getId());
      const doc = scratchDoc(ctx, 'Sonda Drive documento', '');
      const seen = [ctx.spreadsheet.getId(), form.getId(), doc.getId()].map((id) => {
        const file = DriveApp.getFileById(id);
        return [file.getId() === id, file.getMimeType()];
      });
      const sheetFile = DriveApp.getFileById(ctx.spreadsheet.getId());
      const name = sheetFile.getName();
      sheetFile.setName('Sonda rinominata');
      const renamed = SpreadsheetApp.openById(ctx.spreadsheet.getId()).getName();
      sheetFile.setName(name);
      return { seen, renamed };
    },
    expected: {
      value: {
        seen: [
          [true, 'application/vnd.google-apps.spreadsheet'],
          [true, 'application/vnd.google-apps.form'],
          [true, 'application/vnd.google-apps.document'],
        ],
        renamed: 'Sonda rinominata',
      },
    },
  },
  {
    id: 'DRIVE-NOT-FOUND',
    run: () => ({
      drive: thrown(() => DriveApp.getFileById('a4pa-no-such-file')),
      doc: thrown(() => DocumentApp.openById('a4pa-no-such-file')),
    }),
    expected: {
      value: {
        drive:
          'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
        doc: "Document is missing (perhaps it was deleted, or you don't have read access?)",
      },
    },
  },
  {
    id: 'DRIVE-TRASHED-LISTED',
    run: (ctx) => {
      const name = `Sonda cestino ${Date.now()}`;
      const file = DriveApp.createFile(name, 'x', 'text/plain');
      ctx.scratch(file.getId());
      file.setTrashed(true);
      return { listed: DriveApp.getFilesByName(name).hasNext(), byId: DriveApp.getFileById(file.getId()).isTrashed() };
    },
    expected: { value: { listed: false, byId: true } },
  },
  {
    id: 'DRIVE-CONTINUATION',
    run: (ctx) => {
      const name = `Sonda iteratore ${Date.now()}`;
      for (const n of [1, 2]) ctx.scratch(DriveApp.createFile(name, String(n), 'text/plain').getId());
      const it = DriveApp.getFilesByName(name);
      it.next();
      const rest = DriveApp.continueFileIterator(it.getContinuationToken());
      let left = 0;
      while (rest.hasNext()) {
        rest.next();
        left += 1;
      }
      return { left };
    },
    expected: { value: { left: 1 } },
  },
  {
    id: 'DRIVE-FOLDERS',
    run: (ctx) => {
      const root = DriveApp.getRootFolder();
      const file = DriveApp.createFile(`Sonda cartelle ${Date.now()}`, 'x', 'text/plain');
      ctx.scratch(file.getId());
      return {
        rootParents: root.getParents().hasNext(),
        rootName: String(root),
        parentIsRoot: file.getParents().next().getId() === root.getId(),
        description: file.getDescription(),
      };
    },
    expected: { value: { rootParents: false, rootName: 'My Drive', parentIsRoot: true, description: null } },
  },
  {
    id: 'DRIVE-PDF',
    run: (ctx) => {
      const doc = scratchDoc(ctx, 'Sonda PDF', 'Attestato di prova');
      doc.saveAndClose();
      const file = DriveApp.getFileById(doc.getId());
      const pdf = file.getAs('application/pdf');
      const copy = file.makeCopy('Sonda PDF copia');
      ctx.scratch(copy.getId());
      return {
        type: pdf.getContentType(),
        name: pdf.getName(),
        header: String.fromCharCode(
          ...pdf
            .getBytes()
            .slice(0, 5)
            .map((b) => b & 0xff),
        ),
        copy: [copy.getName(), copy.getMimeType()],
      };
    },
    expected: {
      value: {
        type: 'application/pdf',
        name: 'Sonda PDF.pdf',
        header: '%PDF-',
        copy: ['Sonda PDF copia', 'application/vnd.google-apps.document'],
      },
    },
  },
  {
    id: 'REST-DRIVE-CONVERT-XLSX',
    run: (ctx) => {
      const workbook = DriveApp.createFile(tinyWorkbook());
      ctx.scratch(workbook.getId());
      const converted = copyToSheets(workbook.getId());
      if (converted.id) ctx.scratch(converted.id);
      const ss = converted.id ? SpreadsheetApp.openById(converted.id) : null;
      const zone = ss ? ss.getSpreadsheetTimeZone() : 'UTC';
      const values = ss
        ? (ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet)
            .getDataRange()
            .getValues()
            .map((row) =>
              row.map((v: unknown) => (v instanceof Date ? Utilities.formatDate(v, zone, 'yyyy-MM-dd HH:mm') : v)),
            )
        : [];
      const broken = DriveApp.createFile(Utilities.newBlob('PK non è una cartella di lavoro', XLSX, 'rotta.xlsx'));
      ctx.scratch(broken.getId());
      const refused = copyToSheets(broken.getId());
      if (refused.id) ctx.scratch(refused.id);
      return {
        status: converted.status,
        tabs: ss ? ss.getSheets().map((s) => s.getName()) : [],
        values,
        source: workbook.getMimeType(),
        corrupt: refused.status,
      };
    },
    expected: {
      strict: {
        status: 200,
        tabs: ['Completamenti', 'Note'],
        values: [
          ['Titolo', 'Ore', 'Data'],
          ['Etica pubblica', 4.5, '2027-01-12 00:00'],
        ],
        source: XLSX,
        corrupt: 500,
      },
      lenient: {
        status: 200,
        tabs: ['Completamenti', 'Note'],
        values: [
          ['Titolo', 'Ore', 'Data'],
          ['Etica pubblica', 4.5, '2027-01-12 00:00'],
        ],
        source: XLSX,
        corrupt: 400,
      },
    },
  },
  {
    id: 'DOCS-REPLACE-TEXT',
    run: (ctx) => {
      const doc = scratchDoc(ctx, 'Sonda sostituzioni', 'Gentile {{NOME}}, corso a.b');
      const body = doc.getBody();
      body.replaceText('\\{\\{NOME\\}\\}', 'Anna');
      body.replaceText('c.rso', 'lezione');
      return body.getText();
    },
    expected: { value: 'Gentile Anna, lezione a.b' },
  },
  {
    id: 'DOCS-SAVE',
    run: (ctx) => {
      const doc = scratchDoc(ctx, 'Sonda salvataggio', 'Prima riga');
      doc.getBody().appendParagraph('Seconda riga');
      doc.saveAndClose();
      return DocumentApp.openById(doc.getId()).getBody().getText();
    },
    expected: { value: 'Prima riga\nSeconda riga' },
  },
  {
    id: 'DOCS-INSERT-TABLE',
    run: (ctx) => {
      const doc = scratchDoc(ctx, 'Sonda tabella', 'Prima riga');
      const body = doc.getBody();
      const last = body.appendParagraph('Ultima riga');
      body.insertTable(body.getChildIndex(last), [
        ['N.', 'Firma'],
        ['1', ''],
      ]);
      doc.saveAndClose();
      return DocumentApp.openById(doc.getId()).getBody().getText();
    },
    expected: { value: 'Prima riga\nN.\tFirma\n1\t\nUltima riga' },
  },
];
