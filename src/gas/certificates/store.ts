/**
 * What certificates keep in Script Properties: the highest number issued per year (never reused), the
 * certificate in flight (so an execution stopped between the PDF and its row neither loses nor doubles
 * it), and the secret key of the verification codes.
 */
import { deleteProperties, readFamily, readProperty, writeProperties } from '../platform/properties';

export interface Inflight {
  /** The job item (`<course>|<employee>`) or `reissue:<number>`. */
  key: string;
  number: string;
  verificationCode: string;
  tmpDocId: string;
  pdfId: string;
  pdfUrl: string;
}

export interface CertificateProps {
  seqByYear: Record<string, number>;
  inflight: Inflight | null;
  reissue: Inflight | null;
  secret: string;
}

function parseInflight(text: string | null): Inflight | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Inflight;
  } catch {
    return null;
  }
}

export function readCertificateProps(): CertificateProps {
  const seqByYear: Record<string, number> = {};
  for (const [year, v] of Object.entries(readFamily('a4pa.cert.seq.'))) seqByYear[year] = Number(v) || 0;
  return {
    seqByYear,
    inflight: parseInflight(readProperty('a4pa.cert.inflight')),
    // A reissue keeps its own record, so it never disturbs a new certificate left half-made.
    reissue: parseInflight(readProperty('a4pa.cert.reissue')),
    secret: readProperty('a4pa.cert.secret') ?? '',
  };
}

/** Records the in-flight certificate and, with it, the number's sequence (one write). */
export function saveInflight(inflight: Inflight, year: number, seq: number): void {
  writeProperties({ 'a4pa.cert.inflight': JSON.stringify(inflight), [`a4pa.cert.seq.${year}`]: String(seq) });
}

export function clearInflight(): void {
  deleteProperties(['a4pa.cert.inflight']);
}

export function saveReissue(inflight: Inflight): void {
  writeProperties({ 'a4pa.cert.reissue': JSON.stringify(inflight) });
}

export function clearReissue(): void {
  deleteProperties(['a4pa.cert.reissue']);
}

export function createSecret(): string {
  const secret = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  writeProperties({ 'a4pa.cert.secret': secret });
  return secret;
}

/** 32 unpredictable bytes: an HMAC keyed by the secret over a fresh UUID and the number. */
export function verificationBytes(number: string, secret: string): number[] {
  return Utilities.computeHmacSha256Signature(`${Utilities.getUuid()}|${number}`, secret);
}
