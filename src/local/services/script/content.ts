import type { Workspace } from '../../runtime/workspace';
import { OutputContent, enumOf } from './common';

/** The emulated ContentService: text outputs a web app returns. */

const MimeType = enumOf(['ATOM', 'CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'RSS', 'TEXT', 'VCARD', 'XML'] as const);

export class TextOutputFacade extends OutputContent {
  private mimeType: string = MimeType.TEXT;
  private fileName: string | null = null;
  getMimeType(): string {
    return this.mimeType;
  }
  setMimeType(mimeType: string): this {
    if (!(String(mimeType) in MimeType)) throw new Error('Invalid argument: mimeType');
    this.mimeType = String(mimeType);
    return this;
  }
  downloadAsFile(filename: string): this {
    this.fileName = String(filename);
    return this;
  }
  getFileName(): string | null {
    return this.fileName;
  }
}

export function contentService(ws: Workspace): Record<string, unknown> {
  return {
    MimeType,
    createTextOutput(content?: unknown): TextOutputFacade {
      ws.call('Html', 'createTextOutput');
      return new TextOutputFacade(content === undefined ? '' : String(content));
    },
  };
}
