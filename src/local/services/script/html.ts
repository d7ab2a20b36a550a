import type { Workspace } from '../../runtime/workspace';
import { EmulatedBlob } from '../blob';
import { OutputContent, enumOf } from './common';

/** The emulated HtmlService: HtmlOutput objects built from strings, blobs or the project's HTML files. */

const SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE'] as const);
const XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT'] as const);

export class HtmlOutputFacade extends OutputContent {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private readonly metaTags: Array<{ name: string; content: string }> = [];
  private faviconUrl: string | null = null;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;

  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = Number(width);
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(url: string): this {
    this.faviconUrl = String(url);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  getBlob(): EmulatedBlob {
    return EmulatedBlob.fromString(this.content, 'text/html', null);
  }
  getAs(contentType: string): EmulatedBlob {
    return EmulatedBlob.fromString(this.content, String(contentType), null);
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}

export function htmlService(ws: Workspace): Record<string, unknown> {
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown): HtmlOutputFacade {
      ws.call('Html', 'createHtmlOutput');
      if (html instanceof EmulatedBlob) return new HtmlOutputFacade(html.getDataAsString());
      return new HtmlOutputFacade(html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: string): HtmlOutputFacade {
      ws.call('Html', 'createHtmlOutputFromFile');
      const name = String(filename).replace(/\.html$/, '');
      const content = ws.htmlFiles[name];
      if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
      return new HtmlOutputFacade(content);
    },
  };
}
