/** Probes for the catalogue's Drive and Docs entries (DRIVE-*, DOCS-*). Every file made is trashed after the run. */
import type { Probe, ProbeContext } from '../probe';

function scratchDoc(ctx: ProbeContext, name: string, text: string): GoogleAppsScript.Document.Document {
  const doc = DocumentApp.create(name);
  ctx.scratch(doc.getId());
  doc.getBody().setText(text);
  return doc;
}

/** A 1×1 PNG: the smallest image a certificate's QR could be. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

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
