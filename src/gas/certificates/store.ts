/**
 * What certificates keep in Script Properties: the highest number issued per year (never reused), the
 * batch of certificates in flight (so an execution stopped between the PDFs and their rows neither loses
 * nor doubles one), the numbers the Node worker reserved and has not recorded yet (each with the tag of
 * its files), and the secret key of the verification codes.
 */
import type { InflightEntry } from '../../core/certificates/files';
import { deleteProperties, readFamily, readProperty, writeProperties } from '../platform/properties';

export type Inflight = InflightEntry;

/** The certificates of the batches in flight: the tag their Drive files carry, and their numbers. */
export interface InflightBatch {
  batch: string;
  entries: Inflight[];
}

/** A number the worker reserved (`remote.ts`): its entry and the batch tag its Drive files carry. */
export type RemoteEntry = Inflight & { batch: string; reservedAtMs: number };

export interface CertificateProps {
  seqByYear: Record<string, number>;
  inflight: InflightBatch | null;
  reissue: InflightBatch | null;
  remote: RemoteEntry[];
  secret: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function entryOf(value: unknown): Inflight | null {
  const v = (value ?? {}) as Record<string, unknown>;
  if (!text(v.number)) return null;
  return {
    key: text(v.key),
    number: text(v.number),
    verificationCode: text(v.verificationCode),
    pdfId: text(v.pdfId),
    pdfUrl: text(v.pdfUrl),
  };
}

/**
 * The stored batch; a record of the earlier single-certificate format (written before batches) becomes a
 * batch without a tag, its PDF kept for adoption.
 */
function parseInflight(stored: string | null): InflightBatch | null {
  if (!stored) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored) as unknown;
  } catch {
    return null;
  }
  const v = (value ?? {}) as Record<string, unknown>;
  if (Array.isArray(v.entries))
    return { batch: text(v.batch), entries: v.entries.map(entryOf).filter((e): e is Inflight => e !== null) };
  const single = entryOf(v);
  return single ? { batch: '', entries: [single] } : null;
}

function parseRemote(stored: string | null): RemoteEntry[] {
  if (!stored) return [];
  let value: unknown;
  try {
    value = JSON.parse(stored) as unknown;
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const entry = entryOf(v);
    const r = v as Record<string, unknown>;
    return entry ? [{ ...entry, batch: text(r.batch), reservedAtMs: Number(r.reservedAtMs) || 0 }] : [];
  });
}

export function readCertificateProps(): CertificateProps {
  const seqByYear: Record<string, number> = {};
  for (const [year, v] of Object.entries(readFamily('a4pa.cert.seq.'))) seqByYear[year] = Number(v) || 0;
  return {
    seqByYear,
    inflight: parseInflight(readProperty('a4pa.cert.inflight')),
    // A reissue keeps its own record, so it never disturbs a new certificate left half-made.
    reissue: parseInflight(readProperty('a4pa.cert.reissue')),
    remote: parseRemote(readProperty('a4pa.cert.remote')),
    secret: readProperty('a4pa.cert.secret') ?? '',
  };
}

/** Records the batch in flight and, with it, the number's sequence: one write per batch. */
export function saveInflight(inflight: InflightBatch, year: number, seq: number): void {
  writeProperties({ 'a4pa.cert.inflight': JSON.stringify(inflight), [`a4pa.cert.seq.${year}`]: String(seq) });
}

/**
 * Records the worker's reservations and the number's sequence, one write. Empty PDF fields are left out:
 * the record stays under Google's 9 KB a value with the worker's few batches open at once.
 */
export function saveRemote(entries: readonly RemoteEntry[], year: number, seq: number): void {
  const compact = entries.map((e) => ({
    key: e.key,
    number: e.number,
    verificationCode: e.verificationCode,
    batch: e.batch,
    reservedAtMs: e.reservedAtMs,
    ...(e.pdfId ? { pdfId: e.pdfId, pdfUrl: e.pdfUrl } : {}),
  }));
  writeProperties({ 'a4pa.cert.remote': JSON.stringify(compact), [`a4pa.cert.seq.${year}`]: String(seq) });
}

/**
 * The add-on took the worker's stale reservations into its own batch (`left` are those it leaves to the
 * worker): both records in one write, the batch deleted when nothing is left in it (null) and left as it
 * is when not given.
 */
export function absorbRemote(left: readonly RemoteEntry[], inflight?: InflightBatch | null): void {
  writeProperties({
    'a4pa.cert.remote': JSON.stringify(left),
    ...(inflight ? { 'a4pa.cert.inflight': JSON.stringify(inflight) } : {}),
  });
  if (inflight === null) clearInflight();
}

export function clearInflight(): void {
  deleteProperties(['a4pa.cert.inflight']);
}

export function saveReissue(inflight: InflightBatch): void {
  writeProperties({ 'a4pa.cert.reissue': JSON.stringify(inflight) });
}

export function clearReissue(): void {
  deleteProperties(['a4pa.cert.reissue']);
}

/** A fresh tag for the files of a batch. */
export function newBatchTag(): string {
  return Utilities.getUuid();
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
