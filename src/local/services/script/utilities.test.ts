import { createHash, createHmac } from 'node:crypto';
import { Workspace } from '../../runtime/workspace';
import { scriptGlobals } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function utilities(): any {
  return scriptGlobals(Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') })).Utilities;
}

describe('Utilities.parseDate', () => {
  // catalogue: UTIL-PARSE-DATE
  test('reads Italian-style dates in the given zone, across the DST change', () => {
    const U = utilities();
    expect(U.parseDate('02/03/2027 09:30', 'Europe/Rome', 'dd/MM/yyyy HH:mm').toISOString()).toBe(
      '2027-03-02T08:30:00.000Z',
    );
    expect(U.parseDate('2027-03-29 09:30', 'Europe/Rome', 'yyyy-MM-dd HH:mm').toISOString()).toBe(
      '2027-03-29T07:30:00.000Z',
    );
  });

  // catalogue: UTIL-PARSE-DATE
  test('month names, a 12-hour clock, milliseconds and an offset in the text', () => {
    const U = utilities();
    expect(U.parseDate('Mar 2, 2027 3:05 PM', 'GMT', 'MMM d, yyyy h:mm a').toISOString()).toBe(
      '2027-03-02T15:05:00.000Z',
    );
    expect(U.parseDate('2027-03-02T09:00:00.250+0100', 'GMT', "yyyy-MM-dd'T'HH:mm:ss.SSSZ").toISOString()).toBe(
      '2027-03-02T08:00:00.250Z',
    );
    expect(U.parseDate('20270302', 'UTC', 'yyyyMMdd').toISOString()).toBe('2027-03-02T00:00:00.000Z');
  });

  // catalogue: UTIL-PARSE-DATE, SCRIPT-SIGNATURE-MISMATCH
  test('text that does not fit is refused; a Date where text is due is a signature mismatch', () => {
    const U = utilities();
    expect(() => U.parseDate('2 marzo 2027', 'Europe/Rome', 'dd/MM/yyyy')).toThrow('Unparseable date: "2 marzo 2027"');
    expect(() => U.parseDate('13/13/2027', 'Europe/Rome', 'dd/MM/yyyy')).toThrow('Unparseable date');
    expect(() => U.parseDate(new Date(), 'Europe/Rome', 'dd/MM/yyyy')).toThrow(
      "The parameters (Date,String,String) don't match the method signature for Utilities.parseDate.",
    );
    expect(() => U.formatDate('2027-03-02', 'Europe/Rome', 'dd/MM/yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities.formatDate', () => {
  // catalogue: UTIL-FORMAT-DATE
  test('formats ISO with the Rome offset across the spring DST change (2027-03-28)', () => {
    const U = utilities();
    const f = (iso: string): string => U.formatDate(new Date(iso), 'Europe/Rome', "yyyy-MM-dd'T'HH:mm:ssXXX z");
    expect(f('2027-03-28T00:30:00Z')).toBe('2027-03-28T01:30:00+01:00 CET');
    expect(f('2027-03-28T01:30:00Z')).toBe('2027-03-28T03:30:00+02:00 CEST');
  });

  // catalogue: UTIL-FORMAT-DATE
  test('formats across the autumn DST change (2027-10-31), where 02:30 happens twice', () => {
    const U = utilities();
    const f = (iso: string): string => U.formatDate(new Date(iso), 'Europe/Rome', 'dd/MM/yyyy HH:mm Z');
    expect(f('2027-10-31T00:30:00Z')).toBe('31/10/2027 02:30 +0200');
    expect(f('2027-10-31T01:30:00Z')).toBe('31/10/2027 02:30 +0100');
  });

  // catalogue: UTIL-FORMAT-DATE
  test('names, 12-hour clock, milliseconds and quoted text', () => {
    const U = utilities();
    const d = new Date('2027-03-02T08:05:09.042Z');
    expect(U.formatDate(d, 'Europe/Rome', 'EEEE d MMMM yyyy, EEE MMM')).toBe('Tuesday 2 March 2027, Tue Mar');
    expect(U.formatDate(d, 'Europe/Rome', "h:mm a 'o''clock' ''")).toBe("9:05 AM o'clock '");
    expect(U.formatDate(d, 'UTC', 'HH:mm:ss.SSS X')).toBe('08:05:09.042 Z');
    expect(U.formatDate(d, 'GMT+2', 'HH:mm XXX yy')).toBe('10:05 +02:00 27');
  });

  // catalogue: UTIL-FORMAT-DATE
  test('an unknown zone formats as GMT, as Java does', () => {
    const U = utilities();
    expect(U.formatDate(new Date('2027-03-02T08:05:00Z'), 'Nowhere/City', 'HH:mm')).toBe('08:05');
  });
});

describe('Utilities: digests, signatures, encodings, ids', () => {
  const signedOf = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

  test('computeDigest returns the signed bytes of node:crypto digests', () => {
    const U = utilities();
    const bytes: number[] = U.computeDigest(U.DigestAlgorithm.SHA_256, 'Attestato A4PA-2027-00001');
    expect(bytes).toEqual(signedOf(createHash('sha256').update('Attestato A4PA-2027-00001').digest()));
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    // catalogue: UTIL-DEFAULT-CHARSET (a string without a charset is read as US-ASCII, '?' for 'è')
    expect(U.computeDigest(U.DigestAlgorithm.MD5, 'è')).toEqual(signedOf(createHash('md5').update('?').digest()));
    expect(U.computeDigest(U.DigestAlgorithm.MD5, 'è', U.Charset.UTF_8)).toEqual(
      signedOf(createHash('md5').update('è', 'utf8').digest()),
    );
  });

  test('HMAC signatures match node:crypto, with string or byte keys', () => {
    const U = utilities();
    const expected = signedOf(createHmac('sha256', 'segreto').update('A4PA-2027-00001').digest());
    expect(U.computeHmacSha256Signature('A4PA-2027-00001', 'segreto')).toEqual(expected);
    const keyBytes = signedOf(Buffer.from('segreto'));
    const valueBytes = signedOf(Buffer.from('A4PA-2027-00001'));
    expect(
      U.computeHmacSignature(
        U.MacAlgorithm.HMAC_SHA_256,
        valueBytes as unknown as string,
        keyBytes as unknown as string,
      ),
    ).toEqual(expected);
    // catalogue: SCRIPT-SIGNATURE-MISMATCH (a string value with a byte key fits no overload)
    expect(() =>
      U.computeHmacSignature(U.MacAlgorithm.HMAC_SHA_256, 'A4PA-2027-00001', keyBytes as unknown as string),
    ).toThrow(
      "The parameters (String,String,Object[]) don't match the method signature for Utilities.computeHmacSignature.",
    );
    expect(U.computeHmacSignature(U.MacAlgorithm.HMAC_SHA_1, 'x', 'k')).toEqual(
      signedOf(createHmac('sha1', 'k').update('x').digest()),
    );
  });

  // catalogue: UTIL-ENCODINGS
  test('base64 encodes strings and signed bytes; decode returns signed bytes; web-safe uses - and _', () => {
    const U = utilities();
    expect(U.base64Encode('Ciao è')).toBe(Buffer.from('Ciao è').toString('base64'));
    const bytes = [-1, -2, 62, 63];
    expect(U.base64Encode(bytes)).toBe(Buffer.from([255, 254, 62, 63]).toString('base64'));
    expect(U.base64Decode(U.base64Encode(bytes))).toEqual(bytes);
    const webSafe = U.base64EncodeWebSafe([-5, -17, -1]);
    expect(webSafe).toBe('--__');
    expect(U.base64DecodeWebSafe(webSafe)).toEqual([-5, -17, -1]);
  });

  // catalogue: UTIL-ENCODINGS
  test('getUuid is a version-4 UUID, deterministic for the same seed', () => {
    const a = utilities().getUuid();
    const b = utilities().getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).toBe(b);
  });

  // catalogue: UTIL-ENCODINGS
  test('formatString follows Java format conversions', () => {
    const U = utilities();
    expect(U.formatString('A4PA-%s-%05d', 2027, 1)).toBe('A4PA-2027-00001');
    expect(U.formatString('%.2f%% di %s', 75.456, 'frequenza')).toBe('75.46% di frequenza');
    expect(U.formatString('%-4s|%4s|', 'ab', 'cd')).toBe('ab  |  cd|');
  });

  // catalogue: UTIL-ENCODINGS
  test('parseCsv reads quoted fields, doubled quotes and new lines', () => {
    const U = utilities();
    expect(U.parseCsv('a,"b,c","d ""e"""\r\n1,"2\n3",')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2\n3', ''],
    ]);
    expect(U.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });

  // catalogue: UTIL-ENCODINGS
  test('newBlob wraps strings and bytes', () => {
    const U = utilities();
    const blob = U.newBlob('ciao', 'text/csv', 'dati.csv');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName()]).toEqual(['ciao', 'text/csv', 'dati.csv']);
    expect(U.newBlob([104, 105]).getDataAsString()).toBe('hi');
  });
});

describe('Utilities.formatDate milliseconds', () => {
  // catalogue: UTIL-FORMAT-DATE
  test('S pads to its letter count, as Java does', () => {
    const U = utilities();
    const d = new Date('2027-03-02T08:05:09.042Z');
    expect(U.formatDate(d, 'UTC', 'S|SSS|SSSS')).toBe('42|042|0042');
  });
});
