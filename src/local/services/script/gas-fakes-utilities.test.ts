import { Workspace } from '../../runtime/workspace';
import { scriptGlobals } from '.';

/*
 * Conformance with an independent oracle: the assertions brucemcpherson/gas-fakes makes for live Apps
 * Script in test/testutilities.js (MIT), reproduced as our own calls. Each test names the lines it
 * comes from; the expected bytes are the values that suite records from Google.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

const TEXT = 'foo is not bar';

function utilities(): any {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  return scriptGlobals(ws).Utilities;
}

describe('gas-fakes test/testutilities.js, as live Apps Script answers', () => {
  // catalogue: UTIL-ENCODINGS
  test('base64 of bytes equals base64 of the text, web-safe too, and both decode back (lines 33-56)', () => {
    const U = utilities();
    const blob = U.newBlob(TEXT);
    expect(U.base64Encode(blob.getBytes())).toBe(U.base64Encode(TEXT));
    expect(U.base64EncodeWebSafe(blob.getBytes())).toBe(U.base64EncodeWebSafe(TEXT));
    const trouble = `${TEXT}+/=`;
    const b64t = U.base64EncodeWebSafe(trouble);
    expect(U.newBlob(U.base64DecodeWebSafe(b64t)).getDataAsString()).toBe(trouble);
    expect(U.newBlob(U.base64Decode(U.base64Encode(TEXT))).getDataAsString()).toBe(TEXT);
    expect(U.newBlob(U.base64Decode(U.base64EncodeWebSafe(TEXT))).getDataAsString()).toBe(TEXT);
    expect(U.newBlob(U.base64Decode(b64t)).getDataAsString()).toBe(trouble);
  });

  // catalogue: UTIL-ARCHIVES
  test('zip names archive.zip unless named, is application/zip, and unzips to the same names, types and texts (lines 58-77)', () => {
    const U = utilities();
    const texts = [TEXT, 'gas-fakes-test-folder'];
    const blobs = texts.map((text, i) => U.newBlob(text, 'text/plain', `b${i}.txt`));
    const z = U.zip(blobs);
    expect(z.getName()).toBe('archive.zip');
    expect(U.zip(blobs, 'y.zip').getName()).toBe('y.zip');
    expect(z.getContentType()).toBe('application/zip');
    const unzipped = U.unzip(z);
    expect(unzipped).toHaveLength(2);
    expect(unzipped.map((f: any) => [f.getName(), f.getContentType(), f.getDataAsString()])).toEqual([
      ['b0.txt', 'text/plain', TEXT],
      ['b1.txt', 'text/plain', 'gas-fakes-test-folder'],
    ]);
  });

  // catalogue: UTIL-ARCHIVES
  test('gzip is application/x-gzip named archive.gz; ungzip has no type and drops .gz (lines 79-96)', () => {
    const U = utilities();
    expect(U.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    const gz = U.gzip(U.newBlob(TEXT));
    expect(gz.getContentType()).toBe('application/x-gzip');
    expect(gz.getName()).toBe('archive.gz');
    const back = U.ungzip(gz);
    expect([back.getDataAsString(), back.getContentType(), back.getName()]).toEqual([TEXT, null, 'archive']);
    expect(U.ungzip(U.gzip(U.newBlob(TEXT), 'named')).getName()).toBe('named');
  });

  // catalogue: UTIL-ENCODINGS
  test('a text blob is text/plain with no name; bytes, copies and setters round-trip (lines 98-118)', () => {
    const U = utilities();
    const blob = U.newBlob(TEXT);
    expect([blob.getName(), blob.getContentType(), blob.getDataAsString()]).toEqual([null, 'text/plain', TEXT]);
    const bytes = blob.getBytes();
    const blob2 = U.newBlob(bytes, 'text/plain', 'foo.txt');
    expect([blob2.getName(), blob2.getContentType(), blob2.getDataAsString()]).toEqual(['foo.txt', 'text/plain', TEXT]);
    expect(blob2.getBytes()).toEqual(bytes);
    const blob3 = blob.copyBlob();
    blob3.setName(blob2.getName());
    expect(blob3.getName()).toBe('foo.txt');
    expect(blob3.setContentTypeFromExtension().getContentType()).toBe('text/plain');
    const reversed = bytes.slice().reverse();
    expect(blob3.setBytes(reversed).getBytes()).toEqual(reversed);
    expect(blob3.setDataFromString(TEXT).getDataAsString()).toBe(blob2.getDataAsString());
    expect(blob3.isGoogleType()).toBe(false);
  });

  // catalogue: UTIL-DEFAULT-CHARSET, SCRIPT-SIGNATURE-MISMATCH
  test('HMAC-SHA256: bytes, UTF-8, US-ASCII and no charset agree on ASCII text; special text defaults to US-ASCII; bad arguments are refused (lines 120-217)', () => {
    const U = utilities();
    const input = 'this is my input';
    const key = 'my key - use a stronger one';
    const expected = [
      53, -75, -52, -25, -47, 86, -21, 14, -2, -57, 5, -13, 24, 105, -2, -84, 127, 115, -40, -75, -93, -27, -21, 34,
      -55, -117, -36, -103, -47, 116, -55, -61,
    ];
    const inputBytes = U.newBlob(input).getBytes();
    const keyBytes = U.newBlob(key).getBytes();
    expect(U.computeHmacSha256Signature(inputBytes, keyBytes)).toEqual(expected);
    expect(U.computeHmacSha256Signature(input, key, U.Charset.UTF_8)).toEqual(expected);
    expect(U.computeHmacSha256Signature(input, key, U.Charset.US_ASCII)).toEqual(expected);
    expect(U.computeHmacSha256Signature(input, key)).toEqual(expected);

    const utf8 = [
      76, -16, 35, 99, -128, 106, -22, -17, -102, -19, 4, 97, -75, 64, 107, 79, 99, 19, -54, -6, 90, 54, 121, -39, -126,
      13, 2, -40, -84, 109, -2, 115,
    ];
    const ascii = [
      -125, 73, -127, -128, -43, -39, 99, -10, 39, -49, -128, 27, 8, -117, 4, -120, -26, -111, 16, 114, -115, 1, -1,
      -68, -27, 88, 7, 117, 55, -87, -123, -52,
    ];
    expect(U.computeHmacSha256Signature('café', '€🙂', U.Charset.UTF_8)).toEqual(utf8);
    expect(U.computeHmacSha256Signature('café', '€🙂', U.Charset.US_ASCII)).toEqual(ascii);
    expect(U.computeHmacSha256Signature('café', '€🙂')).toEqual(ascii);
    expect(U.computeHmacSha256Signature('café', key)).toEqual([
      -108, -2, -46, -84, 68, -4, 60, -105, -65, -90, -43, 1, -112, -23, -79, 50, -78, 35, -9, -122, 39, -83, 115, -55,
      91, 61, 82, 47, 61, 53, -37, 14,
    ]);
    expect(U.computeHmacSha256Signature(input, '€🙂')).toEqual([
      13, -56, -124, -48, 98, -74, -49, 56, -110, 64, -48, -17, -110, 112, -60, -18, 59, -30, 77, 49, -95, 122, -47,
      -73, -32, -127, -61, -30, 111, 108, 34, -39,
    ]);

    const mismatch = /The parameters \(.*\) don't match/;
    expect(() => U.computeHmacSha256Signature(input, key, U.Charset.US_ASCII, 4)).toThrow(mismatch);
    expect(() => U.computeHmacSha256Signature(input)).toThrow(mismatch);
    expect(() => U.computeHmacSha256Signature(inputBytes, key)).toThrow(mismatch);
    expect(() => U.computeHmacSha256Signature(input, keyBytes)).toThrow(mismatch);
    expect(() => U.computeHmacSha256Signature(inputBytes, keyBytes, U.Charset.UTF_8)).toThrow(mismatch);
    expect(() => U.computeHmacSha256Signature(input, key, 'fake')).toThrow(mismatch);
    const badBytes = inputBytes.map((b: number) => `${b}woah`);
    expect(() => U.computeHmacSha256Signature(badBytes, keyBytes)).toThrow(/Cannot convert .*/);
    expect(() => U.computeHmacSha256Signature(inputBytes, badBytes)).toThrow(/Cannot convert .*/);
    expect(() => U.computeHmacSha256Signature(badBytes, badBytes, U.Charset.UTF_8)).toThrow(mismatch);
  });

  // catalogue: UTIL-PARSE-DATE
  test('formatString, parseCsv, formatDate and parseDate, and an unparseable date throws (lines 219-245)', () => {
    const U = utilities();
    expect(U.formatString('hello %s', 'world')).toBe('hello world');
    expect(U.formatString('%d + %d = %d', 1, 2, 3)).toBe('1 + 2 = 3');
    expect(U.parseCsv('a,b,"c,d"\ne,f,g')).toEqual([
      ['a', 'b', 'c,d'],
      ['e', 'f', 'g'],
    ]);
    expect(U.parseCsv('a,"b ""quoted"" c",d')).toEqual([['a', 'b "quoted" c', 'd']]);
    const date = new Date(Date.UTC(2023, 0, 1, 12, 0, 0));
    expect(U.formatDate(date, 'GMT', 'yyyy-MM-dd HH:mm:ss')).toBe('2023-01-01 12:00:00');
    expect(U.parseDate('2023-01-01T12:00:00Z', 'GMT', "yyyy-MM-dd'T'HH:mm:ss'Z'").getTime()).toBe(date.getTime());
    expect(() => U.parseDate('invalid date', 'GMT', 'yyyy')).toThrow();
  });

  // catalogue: UTIL-DEFAULT-CHARSET, SCRIPT-SIGNATURE-MISMATCH
  test('computeDigest: charsets, the US-ASCII default for strings, UTF-8 for bytes, bad arguments (lines 291-397)', () => {
    const U = utilities();
    const md5 = {
      plain: [-16, -20, -112, 64, -50, -47, -118, 102, -113, 70, -112, 94, -34, -49, 117, -103],
      specialUtf8: [-71, 89, 42, -99, 35, -63, -51, -82, 83, 46, 87, -53, -35, -67, 116, -6],
      specialAscii: [-22, 3, -4, -72, -60, 120, 34, -68, -25, 114, -49, 108, 7, -48, -21, -69],
    };
    const sha1Plain = [-94, -96, 117, 87, 84, -100, -66, 98, -21, -116, 87, 55, 93, -82, -11, -73, 79, 108, -115, 95];
    const MD5 = U.DigestAlgorithm.MD5;
    expect(U.computeDigest(MD5, 'input to hash', U.Charset.UTF_8)).toEqual(md5.plain);
    expect(U.computeDigest(MD5, 'input to hash', U.Charset.US_ASCII)).toEqual(md5.plain);
    expect(U.computeDigest(U.DigestAlgorithm.SHA_1, 'input to hash')).toEqual(sha1Plain);
    expect(U.computeDigest(MD5, '€🙂', U.Charset.UTF_8)).toEqual(md5.specialUtf8);
    expect(U.computeDigest(MD5, '€🙂', U.Charset.US_ASCII)).toEqual(md5.specialAscii);
    expect(U.computeDigest(MD5, '€🙂')).toEqual(md5.specialAscii);
    expect(U.computeDigest(MD5, U.newBlob('€🙂').getBytes())).toEqual(md5.specialUtf8);
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, 'input to hash')).toHaveLength(32);
    expect(U.computeDigest(U.DigestAlgorithm.SHA_512, '€🙂')).toHaveLength(64);

    const mismatch = /The parameters \(.*\) don't match/;
    expect(() => U.computeDigest(MD5, 'input to hash', U.Charset.US_ASCII, 4)).toThrow(mismatch);
    expect(() => U.computeDigest('input to hash')).toThrow(mismatch);
    expect(() => U.computeDigest(MD5, [0, 1, 2], U.Charset.UTF_8)).toThrow(mismatch);
    expect(() => U.computeDigest(MD5, 'input to hash', 'fake')).toThrow(mismatch);
    expect(() => U.computeDigest('fake', 'input to hash', U.Charset.US_ASCII)).toThrow(mismatch);
    const badBytes = U.newBlob('input to hash')
      .getBytes()
      .map((b: number) => `${b}bad`);
    expect(() => U.computeDigest(MD5, badBytes)).toThrow(/Cannot convert .*/);
    expect(() => U.computeDigest(MD5, badBytes, U.Charset.UTF_8)).toThrow(mismatch);
  });
});
