import { EmulatedBlob } from '../blob';
import { commitDoc, committedDoc, documentText, newDocContent, newParagraph } from '../files/doc-model';
import { renderPdf } from '../files/pdf';
import { DOC_MIME, findItem, PDF_MIME } from '../files/store';
import { live, type DocsContext, type Obj } from './context';
import { DOCUMENT_MISSING } from './enums';
import { openSession } from './session';
import { wrapSection } from './section';

export function wrapDocument(ctx: DocsContext, id: string): Obj {
  const { ws, call } = ctx;
  const session = openSession(ws, id);
  const item = () => {
    const found = findItem(ws, id);
    if (!found) throw new Error(DOCUMENT_MISSING);
    return found;
  };
  const self: Obj = {
    getId() {
      call('getId');
      return id;
    },
    getName() {
      call('getName');
      return item().name;
    },
    setName(name: string) {
      call('setName');
      item().name = String(name);
      item().updatedMs = ws.now();
      return self;
    },
    getUrl() {
      call('getUrl');
      return `https://docs.google.com/open?id=${id}`;
    },
    getBody() {
      call('getBody');
      live(session);
      return wrapSection(ctx, session, 'BODY_SECTION', () => session.doc.body);
    },
    getHeader() {
      call('getHeader');
      return session.doc.header ? wrapSection(ctx, session, 'HEADER_SECTION', () => session.doc.header ?? []) : null;
    },
    addHeader() {
      call('addHeader');
      live(session);
      if (!session.doc.header) session.doc.header = [newParagraph()];
      return wrapSection(ctx, session, 'HEADER_SECTION', () => session.doc.header ?? []);
    },
    getFooter() {
      call('getFooter');
      return session.doc.footer ? wrapSection(ctx, session, 'FOOTER_SECTION', () => session.doc.footer ?? []) : null;
    },
    addFooter() {
      call('addFooter');
      live(session);
      if (!session.doc.footer) session.doc.footer = [newParagraph()];
      return wrapSection(ctx, session, 'FOOTER_SECTION', () => session.doc.footer ?? []);
    },
    getText() {
      call('getText');
      return documentText(session.doc);
    },
    saveAndClose() {
      call('saveAndClose');
      if (session.closed) return;
      commitDoc(ws, id, session.doc);
      item().updatedMs = ws.now();
      session.closed = true;
    },
    getAs(contentType: string) {
      call('getAs');
      if (String(contentType) !== PDF_MIME)
        throw new Error(`Converting from ${DOC_MIME} to ${String(contentType)} is not supported.`);
      const pdf = renderPdf(committedDoc(ws, id) ?? newDocContent(), item().name);
      return new EmulatedBlob(pdf.bytes, PDF_MIME, `${item().name}.pdf`, pdf.text);
    },
    getBlob() {
      call('getBlob');
      const pdf = renderPdf(committedDoc(ws, id) ?? newDocContent(), item().name);
      return new EmulatedBlob(pdf.bytes, PDF_MIME, `${item().name}.pdf`, pdf.text);
    },
  };
  return self;
}

export function openExisting(ctx: DocsContext, id: string): Obj {
  const { ws } = ctx;
  const item = findItem(ws, id);
  if (!item || item.mimeType !== DOC_MIME || !committedDoc(ws, id)) throw new Error(DOCUMENT_MISSING);
  return wrapDocument(ctx, id);
}
