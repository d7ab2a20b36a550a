import { gunzipSync, gzipSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { EmulatedBlob } from '../blob';
import { contentTypeFromName } from '../content-types';

/**
 * `Utilities.zip`, `unzip`, `gzip` and `ungzip` (docs/google-behaviour.md, UTIL-ARCHIVES): a zip is
 * `application/zip` named `archive.zip` unless named; its entries come back with their names and the
 * content type their extension implies; a gzip is `application/x-gzip` named `archive.gz`, and ungzips
 * to a blob named without `.gz` and with no content type.
 */

export function zipBlobs(blobs: EmulatedBlob[], name?: string): EmulatedBlob {
  const entries: Record<string, Uint8Array> = {};
  blobs.forEach((blob, i) => {
    entries[blob.getName() ?? `file${i}`] = blob.rawBytes();
  });
  return new EmulatedBlob(zipSync(entries), 'application/zip', name ?? 'archive.zip');
}

export function unzipBlob(blob: EmulatedBlob): EmulatedBlob[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(blob.rawBytes());
  } catch {
    throw new Error('Could not unzip the blob: it is not a zip archive.');
  }
  return Object.entries(entries)
    .filter(([entryName]) => !entryName.endsWith('/'))
    .map(([entryName, bytes]) => new EmulatedBlob(bytes, contentTypeFromName(entryName), entryName));
}

export function gzipBlob(blob: EmulatedBlob, name?: string): EmulatedBlob {
  return new EmulatedBlob(new Uint8Array(gzipSync(blob.rawBytes())), 'application/x-gzip', name ?? 'archive.gz');
}

export function ungzipBlob(blob: EmulatedBlob): EmulatedBlob {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(blob.rawBytes());
  } catch {
    throw new Error('Could not ungzip the blob: it is not gzip data.');
  }
  const name = blob.getName();
  return new EmulatedBlob(new Uint8Array(bytes), null, name === null ? null : name.replace(/\.gz$/i, ''));
}
