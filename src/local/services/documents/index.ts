import type { Workspace } from '../../runtime/workspace';
import { commitDoc, newDocContent } from '../files/doc-model';
import { createItem, DOC_MIME } from '../files/store';
import type { DocsContext } from './context';
import { openExisting, wrapDocument } from './document';
import { ATTRIBUTE, ELEMENT_TYPE, FONT_FAMILY, HORIZONTAL_ALIGNMENT, PARAGRAPH_HEADING } from './enums';
import { spendCreatedDoc } from './quota';
import { docIdFromUrl } from './session';

/**
 * The emulated DocumentApp, one module per element kind (document, section, paragraph, table, text).
 * Every script-facing method goes through `ws.call('Docs', ...)`.
 */

export { DOCS_CREATED_PER_DAY, DOCS_QUOTA_NAME, spendCreatedDoc } from './quota';
export { flushDocuments } from './session';

export function documentGlobals(ws: Workspace): { DocumentApp: unknown } {
  const ctx: DocsContext = { ws, call: (method: string): void => ws.call('Docs', method) };
  const { call } = ctx;
  const DocumentApp = {
    ParagraphHeading: PARAGRAPH_HEADING,
    HorizontalAlignment: HORIZONTAL_ALIGNMENT,
    Attribute: ATTRIBUTE,
    FontFamily: FONT_FAMILY,
    ElementType: ELEMENT_TYPE,
    create(name: string) {
      call('create');
      spendCreatedDoc(ws);
      const item = createItem(ws, { name: String(name), mimeType: DOC_MIME });
      commitDoc(ws, item.id, newDocContent());
      return wrapDocument(ctx, item.id);
    },
    openById(id: string) {
      call('openById');
      return openExisting(ctx, String(id));
    },
    openByUrl(url: string) {
      call('openByUrl');
      return openExisting(ctx, docIdFromUrl(String(url)));
    },
    getActiveDocument() {
      call('getActiveDocument');
      return null;
    },
  };
  return { DocumentApp };
}
