import { contentTypeFromName } from './content-types';

/**
 * The emulated `Blob` shared by Utilities, Drive, Docs and Mail: bytes, a content type and a name.
 * `text` carries the plain text of a PDF the emulator rendered, so snapshots can show it.
 */
export class EmulatedBlob {
  constructor(
    private bytes: Uint8Array,
    private contentType: string | null,
    private name: string | null,
    readonly text: string | null = null,
  ) {}

  static fromString(data: string, contentType: string | null = 'text/plain', name: string | null = null): EmulatedBlob {
    return new EmulatedBlob(new TextEncoder().encode(data), contentType, name);
  }

  getBytes(): number[] {
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  }

  rawBytes(): Uint8Array {
    return this.bytes;
  }

  getDataAsString(): string {
    return new TextDecoder().decode(this.bytes);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): EmulatedBlob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): EmulatedBlob {
    this.name = name;
    return this;
  }

  setBytes(data: ArrayLike<number>): EmulatedBlob {
    this.bytes = toUint8(data);
    return this;
  }

  /** The content type the name's extension implies (docs/google-behaviour.md, UTIL-ARCHIVES). */
  setContentTypeFromExtension(): EmulatedBlob {
    const type = contentTypeFromName(this.name);
    if (type === null) throw new Error(`Could not determine the content type of the file "${this.name ?? ''}".`);
    this.contentType = type;
    return this;
  }

  toString(): string {
    return 'Blob';
  }

  setDataFromString(data: string): EmulatedBlob {
    this.bytes = new TextEncoder().encode(data);
    return this;
  }

  copyBlob(): EmulatedBlob {
    return new EmulatedBlob(new Uint8Array(this.bytes), this.contentType, this.name, this.text);
  }

  isGoogleType(): boolean {
    return false;
  }
}

/** Bytes as Apps Script passes them: signed (-128..127) numbers, or a Uint8Array from the emulator. */
export function toUint8(data: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(data, (b) => b & 0xff);
}
