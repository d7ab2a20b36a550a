/** The content type a file name's extension implies, as Apps Script infers it for blobs; null when unknown. */

const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  xml: 'text/xml',
  zip: 'application/zip',
  ics: 'text/calendar',
};

export function contentTypeFromName(name: string | null): string | null {
  const ext = name?.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return BY_EXTENSION[ext] ?? null;
}
