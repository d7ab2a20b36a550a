/**
 * Draws a certificate's verification QR code into its Doc (DocumentApp, one open and one save): in the
 * template's `{{QR_VERIFICA}}` paragraph, or, for a template made before the marker existed, in a new
 * centred paragraph at the end with the address under it. The Docs API cannot take the image (its
 * `insertInlineImage` wants a public URL), hence DocumentApp here.
 */
import { QR_MARKER } from '../../core/certificates/placeholders';
import { qrCodePng } from '../../core/certificates/qr-image';

/** About 3 cm on the page: large enough for any phone camera at reading distance. */
const QR_SIZE_PX = 112;

function markerPattern(): string {
  return QR_MARKER.replace(/[{}]/g, '\\$&');
}

export function drawVerificationQr(docId: string, url: string): void {
  const doc = DocumentApp.openById(docId);
  const body = doc.getBody();
  const found = body.findText(markerPattern());
  const bytes = Array.from(qrCodePng(url), (b) => (b > 127 ? b - 256 : b));
  const image = Utilities.newBlob(bytes, 'image/png', 'verifica.png');
  let paragraph: GoogleAppsScript.Document.Paragraph;
  if (found) {
    const element = found.getElement();
    element.asText().deleteText(found.getStartOffset(), found.getEndOffsetInclusive());
    paragraph = element.getParent().asParagraph();
  } else {
    paragraph = body.appendParagraph('');
    paragraph.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    body.appendParagraph(url).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  }
  paragraph.appendInlineImage(image).setWidth(QR_SIZE_PX).setHeight(QR_SIZE_PX);
  doc.saveAndClose();
}
