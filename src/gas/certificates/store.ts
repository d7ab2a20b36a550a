/**
 * What certificates keep in Script Properties: the highest number issued per year (never reused), the
 * certificate in flight (so an execution stopped between the PDF and its row neither loses nor doubles
 * it), and the secret key of the verification codes.
 */
const SEQ_PREFIX = 'a4pa.cert.seq.';
const INFLIGHT_KEY = 'a4pa.cert.inflight';
/** A reissue keeps its own record, so it never disturbs a new certificate left half-made. */
const REISSUE_KEY = 'a4pa.cert.reissue';
const SECRET_KEY = 'a4pa.cert.secret';

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

function parseInflight(text: string | undefined): Inflight | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Inflight;
  } catch {
    return null;
  }
}

export function readCertificateProps(): CertificateProps {
  const all = PropertiesService.getScriptProperties().getProperties();
  const seqByYear: Record<string, number> = {};
  for (const [k, v] of Object.entries(all))
    if (k.startsWith(SEQ_PREFIX)) seqByYear[k.slice(SEQ_PREFIX.length)] = Number(v) || 0;
  return {
    seqByYear,
    inflight: parseInflight(all[INFLIGHT_KEY]),
    reissue: parseInflight(all[REISSUE_KEY]),
    secret: all[SECRET_KEY] ?? '',
  };
}

/** Records the in-flight certificate and, with it, the number's sequence (one write). */
export function saveInflight(inflight: Inflight, year: number, seq: number): void {
  PropertiesService.getScriptProperties().setProperties({
    [INFLIGHT_KEY]: JSON.stringify(inflight),
    [SEQ_PREFIX + year]: String(seq),
  });
}

export function clearInflight(): void {
  PropertiesService.getScriptProperties().deleteProperty(INFLIGHT_KEY);
}

export function saveReissue(inflight: Inflight): void {
  PropertiesService.getScriptProperties().setProperty(REISSUE_KEY, JSON.stringify(inflight));
}

export function clearReissue(): void {
  PropertiesService.getScriptProperties().deleteProperty(REISSUE_KEY);
}

export function createSecret(): string {
  const secret = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  PropertiesService.getScriptProperties().setProperty(SECRET_KEY, secret);
  return secret;
}

/** 32 unpredictable bytes: an HMAC keyed by the secret over a fresh UUID and the number. */
export function verificationBytes(number: string, secret: string): number[] {
  return Utilities.computeHmacSha256Signature(`${Utilities.getUuid()}|${number}`, secret);
}
