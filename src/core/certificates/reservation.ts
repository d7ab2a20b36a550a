/**
 * The `scripts.run` contract between the worker's `certificates` job (`src/worker/certificates.ts`) and
 * the add-on's `reserveCertificatesForWorker` (`src/gas/certificates/remote.ts`): what the worker asks
 * and what each reservation answers, one definition for both sides.
 */

/** The add-on's entry point the worker calls (`src/gas/main.ts`). */
export const RESERVE_FUNCTION = 'reserveCertificatesForWorker';

/** The most people one call reserves: a worker batch (the reservations stay well under 9 KB). */
export const RESERVE_MAX = 20;

export interface ReserveRequest {
  /** `<Codice corso>|<ID dipendente>` of each person to certify. */
  holders: string[];
  /** The tag the worker's new Drive files will carry. */
  batch: string;
}

export interface ReservedCertificate {
  holder: string;
  number: string;
  verificationCode: string;
  verificationUrl: string;
  /** The tag this certificate's files carry (an earlier batch's when it was reserved before). */
  batch: string;
  /** Further batches its files may be in: the add-on's own, when it had started this certificate. */
  alsoIn: string[];
  /** A PDF already made and found for it, to record instead of making another. */
  pdfId: string;
  pdfUrl: string;
}
