import type { TextAttrs } from '../files/doc-model';

/** DocumentApp's enums and the attribute tables that map `setAttributes` keys onto the document model. */

export const DOCUMENT_MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";
export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';

export const PARAGRAPH_HEADING = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;

export const HORIZONTAL_ALIGNMENT = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' } as const;

export const ATTRIBUTE = {
  BACKGROUND_COLOR: 'BACKGROUND_COLOR',
  BOLD: 'BOLD',
  BORDER_COLOR: 'BORDER_COLOR',
  BORDER_WIDTH: 'BORDER_WIDTH',
  CODE: 'CODE',
  FONT_FAMILY: 'FONT_FAMILY',
  FONT_SIZE: 'FONT_SIZE',
  FOREGROUND_COLOR: 'FOREGROUND_COLOR',
  HEADING: 'HEADING',
  HEIGHT: 'HEIGHT',
  HORIZONTAL_ALIGNMENT: 'HORIZONTAL_ALIGNMENT',
  INDENT_END: 'INDENT_END',
  INDENT_FIRST_LINE: 'INDENT_FIRST_LINE',
  INDENT_START: 'INDENT_START',
  ITALIC: 'ITALIC',
  LINE_SPACING: 'LINE_SPACING',
  LINK_URL: 'LINK_URL',
  MARGIN_BOTTOM: 'MARGIN_BOTTOM',
  MARGIN_LEFT: 'MARGIN_LEFT',
  MARGIN_RIGHT: 'MARGIN_RIGHT',
  MARGIN_TOP: 'MARGIN_TOP',
  PAGE_HEIGHT: 'PAGE_HEIGHT',
  PAGE_WIDTH: 'PAGE_WIDTH',
  SPACING_AFTER: 'SPACING_AFTER',
  SPACING_BEFORE: 'SPACING_BEFORE',
  STRIKETHROUGH: 'STRIKETHROUGH',
  UNDERLINE: 'UNDERLINE',
  WIDTH: 'WIDTH',
} as const;

export const FONT_FAMILY = {
  AMARANTH: 'Amaranth',
  ARIAL: 'Arial',
  ARIAL_BLACK: 'Arial Black',
  ARIAL_NARROW: 'Arial Narrow',
  CALIBRI: 'Calibri',
  CAMBRIA: 'Cambria',
  COMIC_SANS_MS: 'Comic Sans MS',
  CONSOLAS: 'Consolas',
  COURIER_NEW: 'Courier New',
  GEORGIA: 'Georgia',
  HELVETICA: 'Helvetica',
  ROBOTO: 'Roboto',
  TIMES_NEW_ROMAN: 'Times New Roman',
  TREBUCHET_MS: 'Trebuchet MS',
  VERDANA: 'Verdana',
} as const;

export const ELEMENT_TYPE = {
  BODY_SECTION: 'BODY_SECTION',
  HEADER_SECTION: 'HEADER_SECTION',
  FOOTER_SECTION: 'FOOTER_SECTION',
  PARAGRAPH: 'PARAGRAPH',
  LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE',
  TABLE_ROW: 'TABLE_ROW',
  TABLE_CELL: 'TABLE_CELL',
  TEXT: 'TEXT',
  HORIZONTAL_RULE: 'HORIZONTAL_RULE',
  PAGE_BREAK: 'PAGE_BREAK',
  INLINE_IMAGE: 'INLINE_IMAGE',
} as const;

/** Text attribute keys of `setAttributes`/`getAttributes` and where each lives in the model. */
export const TEXT_KEYS: Record<string, keyof TextAttrs> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  STRIKETHROUGH: 'strikethrough',
  FONT_SIZE: 'fontSize',
  FONT_FAMILY: 'fontFamily',
  FOREGROUND_COLOR: 'foregroundColor',
  BACKGROUND_COLOR: 'backgroundColor',
  LINK_URL: 'linkUrl',
};
export const PARAGRAPH_KEYS: Record<
  string,
  'heading' | 'alignment' | 'spacingBefore' | 'spacingAfter' | 'lineSpacing' | 'indentStart' | 'indentFirstLine'
> = {
  HEADING: 'heading',
  HORIZONTAL_ALIGNMENT: 'alignment',
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  LINE_SPACING: 'lineSpacing',
  INDENT_START: 'indentStart',
  INDENT_FIRST_LINE: 'indentFirstLine',
};
export const BODY_KEYS: Record<
  string,
  'marginTop' | 'marginBottom' | 'marginLeft' | 'marginRight' | 'pageWidth' | 'pageHeight'
> = {
  MARGIN_TOP: 'marginTop',
  MARGIN_BOTTOM: 'marginBottom',
  MARGIN_LEFT: 'marginLeft',
  MARGIN_RIGHT: 'marginRight',
  PAGE_WIDTH: 'pageWidth',
  PAGE_HEIGHT: 'pageHeight',
};

export function textAttrsFrom(attributes: Record<string, unknown>): TextAttrs {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const field = TEXT_KEYS[key];
    if (field && value !== null && value !== undefined) out[field] = value;
  }
  return out as TextAttrs;
}

export function textAttrsOut(attrs: TextAttrs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(TEXT_KEYS)) out[key] = attrs[field] ?? null;
  return out;
}
