/**
 * Setup step of certificates: the "Modello attestato" Doc and the year's certificates folder, each
 * created only when missing, their ids recorded in `Impostazioni`.
 */
import {
  DEFAULT_SIGNATORY,
  TEMPLATE_NAME,
  templateParagraphs,
  type TemplateStyle,
} from '../../core/certificates/template';
import { logEvent } from '../registry/log';
import { readSettings, writeSetting } from '../registry/settings';
import { fileAlive, folderById, rootChildFolder } from './documents';
import { yearFolderName } from '../../core/certificates/files';

/** Extra `Impostazioni` key for the name printed as the signature (optional). */
export const SIGNATORY_KEY = 'Firmatario attestati';

type Attrs = Record<string, string | number | boolean>;

function styleAttributes(style: TemplateStyle): Attrs {
  const A = DocumentApp.Attribute;
  const center = DocumentApp.HorizontalAlignment.CENTER;
  const base: Attrs = {
    [A.HORIZONTAL_ALIGNMENT]: center,
    [A.FONT_FAMILY]: 'Georgia',
    [A.FOREGROUND_COLOR]: '#1f2937',
    [A.BOLD]: false,
    [A.ITALIC]: false,
  };
  const by: Record<TemplateStyle, Attrs> = {
    issuer: { [A.FONT_SIZE]: 16, [A.BOLD]: true, [A.SPACING_AFTER]: 2 },
    title: {
      [A.FONT_SIZE]: 24,
      [A.BOLD]: true,
      [A.SPACING_BEFORE]: 24,
      [A.SPACING_AFTER]: 24,
      [A.FOREGROUND_COLOR]: '#1e3a5f',
    },
    body: { [A.FONT_SIZE]: 12, [A.SPACING_AFTER]: 8 },
    name: { [A.FONT_SIZE]: 20, [A.BOLD]: true, [A.SPACING_AFTER]: 8 },
    course: { [A.FONT_SIZE]: 16, [A.BOLD]: true, [A.SPACING_AFTER]: 2 },
    detail: { [A.FONT_SIZE]: 11, [A.SPACING_AFTER]: 8, [A.FOREGROUND_COLOR]: '#4b5563' },
    place: {
      [A.FONT_SIZE]: 12,
      [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.LEFT,
      [A.SPACING_BEFORE]: 24,
    },
    signature: {
      [A.FONT_SIZE]: 12,
      [A.BOLD]: true,
      [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.RIGHT,
      [A.SPACING_BEFORE]: 12,
    },
    note: {
      [A.FONT_SIZE]: 8,
      [A.ITALIC]: true,
      [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.RIGHT,
      [A.FOREGROUND_COLOR]: '#4b5563',
    },
    footer: { [A.FONT_SIZE]: 9, [A.SPACING_BEFORE]: 6, [A.FOREGROUND_COLOR]: '#4b5563' },
    rule: {},
    space: { [A.FONT_SIZE]: 12 },
    qr: { [A.FONT_SIZE]: 9, [A.SPACING_BEFORE]: 8 },
  };
  return { ...base, ...by[style] };
}

/** Creates the template Doc; returns its id. */
function createTemplateDoc(signatory: string): string {
  const doc = DocumentApp.create(TEMPLATE_NAME);
  const body = doc.getBody();
  const A = DocumentApp.Attribute;
  body.setAttributes({ [A.MARGIN_TOP]: 56, [A.MARGIN_BOTTOM]: 56, [A.MARGIN_LEFT]: 64, [A.MARGIN_RIGHT]: 64 });
  body.clear();
  // A cleared body keeps one empty paragraph: the first line goes there rather than below it.
  const [first, ...rest] = templateParagraphs(signatory);
  const opening = body.getParagraphs()[0];
  if (first && opening) {
    opening.setText(first.text);
    opening.setAttributes(styleAttributes(first.style));
  }
  for (const p of rest) {
    if (p.style === 'rule') body.appendHorizontalRule();
    else body.appendParagraph(p.text).setAttributes(styleAttributes(p.style));
  }
  doc.saveAndClose();
  return doc.getId();
}

/**
 * Creates what is missing: the template (kept when its recorded id still points to a live file, so
 * staff's restyling survives) and `Attestati <anno>`. Idempotent.
 */
export function setupCertificates(): { templateDocId: string; certificatesFolderId: string } {
  const settings = readSettings();
  let templateDocId = settings.templateDocId;
  if (!fileAlive(templateDocId)) {
    templateDocId = createTemplateDoc(settings.extra[SIGNATORY_KEY] || DEFAULT_SIGNATORY);
    writeSetting('templateDocId', templateDocId);
    logEvent('Modello attestato creato', templateDocId);
  }
  let certificatesFolderId = settings.certificatesFolderId;
  if (!folderById(certificatesFolderId)) {
    certificatesFolderId = rootChildFolder(yearFolderName(settings.year)).getId();
    writeSetting('certificatesFolderId', certificatesFolderId);
    logEvent('Cartella attestati creata', certificatesFolderId);
  }
  return { templateDocId, certificatesFolderId };
}
