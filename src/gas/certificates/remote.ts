/**
 * What the Node worker's `certificates` job asks of the add-on through the Apps Script API `scripts.run`
 * (docs/architecture.md): numbers and verification codes for the people it is about to certify. The codes
 * come from the secret only Apps Script holds, which never leaves it; the numbers from the same sequence
 * the add-on draws from (`a4pa.cert.seq.<anno>`, never reused), and each reservation is kept
 * (`a4pa.cert.remote`) until its row is written, so a stopped worker gets the same number again and the
 * add-on can finish it (`CertificateContext.cleanUpInflight`).
 */
import { certificateKey } from '../../core/certificates/eligibility';
import { RESERVE_MAX, type ReservedCertificate, type ReserveRequest } from '../../core/certificates/reservation';
import { formatCertificateNumber, highestIssued } from '../../core/certificates/numbering';
import { verificationCodeFrom, verificationUrl } from '../../core/certificates/verification';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { webAppBaseUrl } from '../approval/links';
import { acquireLease, releaseLease } from '../jobs/store';
import { serverAction } from '../platform/entry';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { NEW_PREFIX } from './issue';
import { createSecret, readCertificateProps, saveRemote, verificationBytes, type RemoteEntry } from './store';

const LEASE_MS = 60_000;
/** Under Google's 9 KB a value, with room for the escaping of the stored JSON. */
const REMOTE_MAX_CHARS = 8 * 1024;

function request(value: unknown): ReserveRequest {
  const v = (value ?? {}) as Record<string, unknown>;
  const holders = Array.isArray(v.holders) ? v.holders.filter((h): h is string => typeof h === 'string') : [];
  const batch = typeof v.batch === 'string' ? v.batch.trim() : '';
  if (!batch || holders.length === 0 || holders.some((h) => !/^[^|]+\|[^|]+$/.test(h)))
    throw new UserError('Richiesta non valida: servono le persone («corso|dipendente») e il lotto dei file.');
  if (holders.length > RESERVE_MAX) throw new UserError(`Al massimo ${RESERVE_MAX} attestati per richiesta.`);
  return { holders: [...new Set(holders)], batch };
}

/**
 * Reserves, under the job lease (no slice of the add-on's certificates job runs meanwhile), a number and
 * a code for each holder still without an `Attestati` row: the one already reserved or in the add-on's
 * batch in flight, else the next of the year's sequence. Holders with a row are left out of the answer.
 */
function reserve(value: unknown): ReservedCertificate[] {
  const { holders, batch } = request(value);
  if (!acquireLease(Date.now(), Date.now() + LEASE_MS))
    throw new UserError('Un lavoro sugli attestati è in corso nel foglio: riprovare tra qualche minuto.');
  try {
    const settings = readSettings();
    const rows = readTable(TAB.attestati).rows.map((r) => r.record);
    const recordedNumbers = new Set(rows.map((r) => r.number));
    const recordedHolders = new Set(rows.map((r) => certificateKey(r.course, r.employeeId)));
    const props = readCertificateProps();
    const remote = props.remote.filter((e) => !recordedNumbers.has(e.number));
    const inflight = props.inflight;
    const year = settings.year;
    let seq = highestIssued(
      year,
      rows.map((r) => r.number),
      props.seqByYear[String(year)] ?? 0,
    );
    let secret = props.secret;
    const base = webAppBaseUrl();
    const out: ReservedCertificate[] = [];
    for (const holder of holders) {
      if (recordedHolders.has(holder)) continue;
      const key = NEW_PREFIX + holder;
      let entry: RemoteEntry | undefined = remote.find((e) => e.key === key);
      const own = inflight?.entries.find((e) => e.key === key && !recordedNumbers.has(e.number));
      if (!entry && own) {
        entry = { ...own, batch, reservedAtMs: Date.now() };
        remote.push(entry);
      }
      if (!entry) {
        seq += 1;
        const number = formatCertificateNumber(year, seq);
        secret ||= createSecret();
        const code = verificationCodeFrom(verificationBytes(number, secret));
        entry = { key, number, verificationCode: code, pdfId: '', pdfUrl: '', batch, reservedAtMs: Date.now() };
        remote.push(entry);
      }
      entry.reservedAtMs = Date.now();
      out.push({
        holder,
        number: entry.number,
        verificationCode: entry.verificationCode,
        verificationUrl: verificationUrl(base, entry.verificationCode),
        batch: entry.batch,
        alsoIn: own && inflight?.batch ? [inflight.batch] : [],
        pdfId: entry.pdfId,
        pdfUrl: entry.pdfUrl,
      });
    }
    if (JSON.stringify(remote).length > REMOTE_MAX_CHARS)
      throw new UserError(
        'Troppi attestati prenotati dal worker e non ancora registrati: attendere che finisca o riprovare più tardi.',
      );
    saveRemote(remote, year, seq);
    return out;
  } finally {
    releaseLease();
  }
}

/**
 * `scripts.run` entry point of the worker (staff only, as every server function): the certificates'
 * numbers, codes and verification links for the people given.
 */
export const reserveCertificatesForWorker = serverAction('Attestati dal worker', reserve);
